"""Read stage: list the corpus folder, compare it with the manifest, load what is new or changed.

A file is identified by the sha256 of its bytes. Unchanged files are not parsed again: their
extracted text comes from the index (``docs/<sha>.txt``). Bad files become `Skipped` entries
with a reason; a file with the same bytes as another is skipped as a duplicate, and the copy
already in the index is the one kept, so adding a duplicate never changes the index.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from ingest.errors import SkipDocument
from ingest.loaders import SUPPORTED_SUFFIXES
from ingest.records import lazy_document
from ingest.store import IndexFiles
from ingest.types import LoadedDocument, Skipped

NOT_DOCUMENTS = {"readme.md", "userdict.txt"}  # the corpus's own notes, never indexed

Loader = Callable[[Path, str, int], LoadedDocument]


@dataclass
class Scan:
    docs: dict[str, LoadedDocument] = field(default_factory=dict)  # every indexable document
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    chars_loaded: int = 0  # characters extracted from files parsed in this run


def list_corpus(corpus_dir: Path) -> list[tuple[str, Path]]:
    """(source, path) for every visible file, source = "<corpus folder name>/<relative path>".

    The corpus's own README.md and userdict.txt (top level) are not documents. The files and
    order of ``sorted(corpus_dir.rglob("*"))`` (symlinked folders are not entered, hidden names
    and what is under them are left out), listed with `os.scandir` (10,000 files: ~0.4 s of
    pathlib before)."""
    if not corpus_dir.is_dir():
        return []
    found: list[tuple[str, ...]] = []
    _walk(str(corpus_dir), (), found)
    found.sort()  # the order of Path objects: part by part
    return [
        (f"{corpus_dir.name}/{'/'.join(parts)}", corpus_dir.joinpath(*parts))
        for parts in found
        if not (len(parts) == 1 and parts[0].lower() in NOT_DOCUMENTS)
    ]


def _walk(folder: str, parts: tuple[str, ...], found: list[tuple[str, ...]]) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except PermissionError:  # as pathlib's glob: an unreadable folder lists nothing
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                _walk(entry.path, (*parts, entry.name), found)
            elif entry.is_file():
                found.append((*parts, entry.name))
        except OSError:
            continue


def scan_corpus(
    listing: list[tuple[str, Path]],
    files: IndexFiles,
    old_docs: dict[str, dict],
    max_bytes: int,
    loader: Loader,
    advance: Callable[[int], object] = lambda n: None,
    corpus_dir: Path | None = None,
) -> Scan:
    """``corpus_dir``: files (through symlinks) that resolve outside it are skipped, not read."""
    scan = Scan()
    hashed: list[tuple[str, Path, str]] = []
    inside = InsideCheck(corpus_dir) if corpus_dir is not None else None
    for source, path in listing:
        try:
            if inside is not None:
                inside(path)
            if path.suffix.lower() not in SUPPORTED_SUFFIXES or path.stat().st_size > max_bytes:
                loader(path, source, max_bytes)  # raises SkipDocument with the reason
            hashed.append((source, path, _sha256(path)))
        except SkipDocument as skip:
            scan.skipped.append(Skipped(source, skip.reason))
            advance(1)
        except OSError as err:
            scan.skipped.append(
                Skipped(source, f"无法读取文件（{err.strerror or err}）；请检查文件权限")
            )
            advance(1)

    # files already indexed with these bytes go first: they win over a new duplicate
    hashed.sort(key=lambda item: (old_docs.get(item[0], {}).get("sha256") != item[2], item[0]))
    owner: dict[str, str] = {}
    stored = files.stored_documents()  # one listing instead of one stat a document
    for source, path, sha in hashed:
        try:
            if sha in owner:
                raise SkipDocument(f"与 {owner[sha]} 内容完全相同，未重复索引；请删除其中一个")
            entry = old_docs.get(source)
            if entry and entry["sha256"] == sha and sha in stored:
                # read (and checked) only if this sync needs it: new chunks, sentence texts
                scan.docs[source] = lazy_document(
                    source, entry, partial(files.read_document_text, sha, entry.get("text_sha256", ""))
                )
                scan.unchanged.append(source)
            else:
                doc = loader(path, source, max_bytes)
                doc = doc if doc.sha256 else replace(doc, sha256=sha)
                scan.docs[source] = doc
                scan.chars_loaded += len(doc.text)
                (scan.updated if entry else scan.added).append(source)
            owner[sha] = source
        except SkipDocument as skip:
            scan.skipped.append(Skipped(source, skip.reason))
        advance(1)

    scan.removed = sorted(s for s in old_docs if s not in scan.docs)
    scan.docs = dict(sorted(scan.docs.items()))
    for names in (scan.added, scan.updated, scan.unchanged):
        names.sort()
    scan.skipped.sort(key=lambda s: s.source)
    return scan


def check_inside(path: Path, root: Path) -> None:
    """Raise `SkipDocument` when ``path`` (a symlink, or under a symlinked folder) leads outside
    the resolved corpus folder ``root``: its target's text must not be served as a document."""
    InsideCheck(root)(path)


class InsideCheck:
    """`check_inside` for many files of one corpus: the corpus folder and each folder of the
    listing are resolved once, a file that is no symlink resolves to its resolved folder / its
    name (what `Path.resolve` returns, one ``lstat`` instead of one a path component), and the
    test is a string prefix (10,000 files: ~3.7 s of `Path.resolve` and `is_relative_to` under
    the profiler before)."""

    def __init__(self, root: Path) -> None:
        self.root = str(root.resolve())
        self._prefix = self.root if self.root.endswith(os.sep) else self.root + os.sep
        self._folders: dict[str, str] = {}

    def __call__(self, path: Path) -> None:
        text = os.fspath(path)
        if os.path.islink(text):
            target = str(path.resolve())
        else:
            parent, name = os.path.split(text)
            folder = self._folders.get(parent)
            if folder is None:
                folder = self._folders[parent] = str(Path(parent).resolve())
            target = os.path.join(folder, name)
        if target != self.root and not target.startswith(self._prefix):
            raise SkipDocument(
                f"指向语料目录之外的符号链接（目标 {target}），为安全起见不索引；"
                "请把文件本身复制进语料目录"
            )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
