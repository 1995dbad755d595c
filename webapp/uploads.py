"""Uploaded files into the corpus and the index: one outcome per file, overall progress with ETA.

Each file is checked before it touches the corpus folder (format, name, readable content, a
duplicate of an indexed document), so a bad upload never replaces or removes what is indexed.
The accepted files are then copied in together and indexed by one `PolicyQA.refresh`, whose
`ingest.progress.ProgressEvent`s give one overall bar with the time left; a file the sync
rejects after all, and every file of a sync that fails, is put back as it was.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from agent import PolicyQA
from ingest.errors import SkipDocument
from ingest.loaders import load_document
from ingest.pipeline import NOT_DOCUMENTS
from ingest.progress import ProgressEvent
from webapp.upload_names import shown, upload_name

OUTCOMES = {"added": "已新增", "updated": "已更新", "unchanged": "未变化", "skipped": "未加入"}


@dataclass(frozen=True)
class FileOutcome:
    name: str  # the uploaded file's name
    status: str  # added | updated | unchanged | skipped
    detail: str = ""  # why it was skipped, or what it became ("corpus/x.txt，12 块")

    def line(self) -> str:
        return f"{OUTCOMES[self.status]} {self.name}" + (f"：{self.detail}" if self.detail else "")


@dataclass(frozen=True)
class UploadProgress:
    done: int  # files finished (all of them at the end: they are indexed together)
    total: int
    fraction: float  # of the whole sync, 0–1
    eta_seconds: float | None  # None while nothing can be estimated
    current: str = ""  # what the sync is doing: 「写入索引 2/4 步」

    def label(self) -> str:
        if self.done >= self.total:
            return f"已处理 {self.total} 个文件"
        eta = "预计剩余时间估算中" if self.eta_seconds is None else f"预计剩余 {_duration(self.eta_seconds)}"
        doing = f"：{self.current}" if self.current else ""
        return f"正在入库（{self.total} 个文件）{doing} · {eta}"


def index_uploads(
    qa: PolicyQA,
    paths: list[Path],
    on_progress: Callable[[UploadProgress], object] = lambda p: None,
    names: list[str] | None = None,
) -> list[FileOutcome]:
    """Check, copy into ``qa.settings.corpus_dir`` and index ``paths``; one outcome per file.

    ``names``: the names the user's files had (default: each path's own name). A name becomes
    its last path component; one that cannot be a safe file name is skipped with the reason
    (`webapp.upload_names`), so nothing is ever written outside the corpus folder."""
    corpus = Path(qa.settings.corpus_dir)
    names = [p.name for p in paths] if names is None else list(names)
    outcomes: dict[int, FileOutcome] = {}
    accepted: list[tuple[int, Path, str]] = []
    seen: dict[str, str] = {}  # sha256 → name, within this upload
    with tempfile.TemporaryDirectory(prefix="policyqa-upload-") as staging:
        for i, (path, raw) in enumerate(zip(paths, names, strict=True)):
            try:
                name = upload_name(raw)
                if name != path.name:  # the loader reads the format from the name's suffix
                    (Path(staging) / str(i)).mkdir()
                    path = Path(shutil.copyfile(path, Path(staging) / str(i) / name))
                sha = _check(qa, path, corpus, seen)
            except SkipDocument as skip:
                outcomes[i] = FileOutcome(shown(raw), "skipped", skip.reason)
                continue
            seen[sha] = name
            known = qa.index.documents.get(f"{corpus.name}/{name}")
            if known is not None and known.sha256 == sha:
                outcomes[i] = FileOutcome(name, "unchanged", f"与已收录的 {known.source} 相同")
            else:
                accepted.append((i, path, name))
        outcomes.update(_index_together(qa, accepted, corpus, on_progress))
    return [outcomes[i] for i in range(len(paths))]


def _index_together(
    qa: PolicyQA, files: list[tuple[int, Path, str]], corpus: Path,
    on_progress: Callable[[UploadProgress], object],
) -> dict[int, FileOutcome]:
    """Copy the files into the corpus and index them with one `PolicyQA.refresh`, reporting its
    overall progress; a replaced file comes back if indexing fails, or if the sync skips it."""
    out: dict[int, FileOutcome] = {}
    if not files:
        return out
    corpus.mkdir(parents=True, exist_ok=True)
    backup_dir = Path(tempfile.mkdtemp(prefix=".upload-", dir=qa.settings.index_dir))
    copied: list[tuple[int, Path, str]] = []  # (i, target, name)
    try:
        try:
            for i, path, name in files:
                target = corpus / name
                if target.is_symlink():  # never write through a link placed in the corpus
                    out[i] = FileOutcome(
                        name, "skipped", f"语料目录中的 {name} 是符号链接，不会被覆盖；请换一个文件名"
                    )
                    continue
                if target.exists():
                    shutil.copy2(target, backup_dir / name)
                copied.append((i, target, name))
                _copy_whole(path, target)
            if not copied:
                return out
            on_progress(UploadProgress(0, len(copied), 0.0, None, "准备"))

            shown = [0.0]  # the bar never moves back when a stage's size becomes known

            def forward(event: ProgressEvent) -> None:
                if event.stage != "完成":
                    shown[0] = max(shown[0], event.fraction)
                    doing = f"{event.stage} {event.done}/{event.total} {event.unit}"
                    on_progress(UploadProgress(0, len(copied), shown[0], event.eta_seconds, doing))

            report = qa.refresh(progress=forward)
        except BaseException:
            for _, target, name in copied:
                _restore(target, backup_dir / name)
            raise
        skipped = {s.source: s.reason for s in report.skipped}
        rejected = [(i, t, n) for i, t, n in copied if f"{corpus.name}/{n}" in skipped]
        for _, target, name in rejected:  # rejected by the pipeline after all: as it was
            _restore(target, backup_dir / name)
        if rejected:
            qa.refresh()
    finally:
        shutil.rmtree(backup_dir, ignore_errors=True)
    chunks = Counter(c.source for c in qa.index.chunks)
    for i, _, name in copied:
        source = f"{corpus.name}/{name}"
        if source in skipped:
            out[i] = FileOutcome(name, "skipped", skipped[source])
        elif source in report.updated:
            out[i] = FileOutcome(name, "updated", f"{source}，{chunks[source]} 块")
        elif source in report.added:
            out[i] = FileOutcome(name, "added", f"{source}，{chunks[source]} 块")
        else:  # the same bytes as what the index already held for it
            out[i] = FileOutcome(name, "unchanged", f"与已收录的 {source} 相同")
    on_progress(UploadProgress(len(copied), len(copied), 1.0, 0.0))
    return out


def _copy_whole(path: Path, target: Path) -> None:
    """Copy under a hidden name (never indexed), then rename: a process killed while copying
    leaves no half file in the corpus for the next sync to index."""
    partial = target.with_name(f".{target.name}.uploading")
    try:
        shutil.copyfile(path, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _restore(target: Path, backup: Path) -> None:
    if backup.exists():
        shutil.copy2(backup, target)
    else:
        target.unlink(missing_ok=True)


def _check(qa: PolicyQA, path: Path, corpus: Path, seen: dict[str, str]) -> str:
    """The file's sha256 if it may be indexed; raises `SkipDocument` with the reason."""
    name = path.name
    if name.startswith("."):
        raise SkipDocument("以“.”开头的文件不会被索引；请改名后重新上传")
    if name.lower() in NOT_DOCUMENTS:
        raise SkipDocument("这是语料目录自己的说明文件名，不会被索引；请改名后重新上传")
    source = f"{corpus.name}/{name}"
    doc = load_document(path, source, qa.settings.ingest.max_file_bytes)  # format, size, content
    sha = doc.sha256 or hashlib.sha256(path.read_bytes()).hexdigest()
    if sha in seen:
        raise SkipDocument(f"与本次上传的 {seen[sha]} 内容完全相同；只收录一份")
    for other in qa.index.documents.values():
        if other.sha256 == sha and other.source != source:
            raise SkipDocument(f"与已收录的 {other.source} 内容完全相同；无需重复上传")
    return sha


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60} 分 {seconds % 60} 秒" if seconds >= 60 else f"{seconds} 秒"
