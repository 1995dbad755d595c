"""`python -m ingest [CORPUS_DIR] [--index-dir DIR]` and the subcommands add/remove/list/rebuild."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from ingest.chunkrefs import chunk_count
from ingest.config import IngestConfig
from ingest.errors import IngestError
from ingest.pipeline import sync_corpus
from ingest.repair import repairing
from ingest.store import IndexFiles

COMMANDS = ("sync", "add", "remove", "list", "rebuild")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv.pop(0) if argv and argv[0] in COMMANDS else "sync"
    parser = argparse.ArgumentParser(prog=f"python -m ingest {command}")
    parser.add_argument("--corpus", dest="corpus_opt", default=None, help="语料目录（默认 corpus）")
    parser.add_argument("--index-dir", default=None, help="索引目录（默认 .index）")
    if command == "sync":
        parser.add_argument("corpus", nargs="?", default=None)
    elif command == "add":
        parser.add_argument("files", nargs="+", help="要加入语料目录并建立索引的文件")
    elif command == "remove":
        parser.add_argument("sources", nargs="+", help="要删除的文档，例如 corpus/报告.txt")
    args = parser.parse_args(argv)
    corpus = Path(
        getattr(args, "corpus", None)
        or args.corpus_opt
        or os.environ.get("QA_CORPUS_DIR", "corpus")
    )
    index_dir = Path(args.index_dir or os.environ.get("QA_INDEX_DIR", ".index"))
    try:
        config = IngestConfig.from_env()
        if command == "list":
            return _list(index_dir)
        if command == "add" and (error := _add(corpus, [Path(f) for f in args.files])):
            return _fail(error)
        if command == "remove" and (error := _remove(corpus, args.sources)):
            return _fail(error)
        if not corpus.is_dir():
            return _fail(f"语料目录 {corpus} 不存在；请创建它并放入文档")
        if command == "rebuild":  # also the fix named by every IndexDamagedError
            report = sync_corpus(corpus, index_dir, config, rebuild=True)
        else:
            report, repaired = repairing(
                lambda: sync_corpus(corpus, index_dir, config), index_dir, corpus
            )
            report = replace(report, repaired=repaired) if repaired else report
    except IngestError as exc:
        return _fail(str(exc))
    print(report.summary())
    return 0


def _fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return 2


def _add(corpus: Path, paths: list[Path]) -> str:
    """Copy files into the corpus folder (all or none); an error message, or ""."""
    for path in paths:
        if not path.is_file():
            return f"找不到文件 {path}；请检查路径"
    corpus.mkdir(parents=True, exist_ok=True)
    for path in paths:
        target = corpus / path.name
        if not (target.exists() and target.samefile(path)):
            shutil.copy2(path, target)
    return ""


def _remove(corpus: Path, sources: list[str]) -> str:
    """Delete documents from the corpus folder (all or none); an error message, or ""."""
    targets = [_source_path(corpus, source) for source in sources]
    for source, target in zip(sources, targets):
        if target is None:
            return f"语料目录 {corpus} 中没有 {source}；用 `python -m ingest list` 查看"
    for target in targets:
        target.unlink()
    return ""


def _source_path(corpus: Path, source: str) -> Path | None:
    rel = source.split("/", 1)[1] if source.startswith(f"{corpus.name}/") else source
    path = corpus / rel
    inside = path.resolve().is_relative_to(corpus.resolve())
    return path if inside and path.is_file() else None


def _list(index_dir: Path) -> int:
    manifest = IndexFiles(index_dir).read_manifest()
    docs = manifest.get("documents", {})
    if not docs:
        print(f"索引 {index_dir} 中没有文档")
        return 0
    for source, entry in sorted(docs.items()):
        meta = entry.get("meta", {})
        fields = (entry["format"], entry.get("encoding") or "-", meta.get("title", ""))
        print("\t".join((source, *fields, meta.get("date", ""))))
    print(
        f"共 {len(docs)} 个文档，{chunk_count(manifest)} 块；嵌入模型 {manifest.get('embeddings')}"
    )
    return 0
