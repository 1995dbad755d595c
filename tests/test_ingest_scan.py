"""The inside-the-corpus check of the read stage (`ingest.scan.InsideCheck`): each folder is
resolved once, and the verdict and message are those of resolving every path."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import SkipDocument
from ingest.scan import InsideCheck


def verdict(check, path: Path) -> str:
    try:
        check(path)
    except SkipDocument as skip:
        return skip.reason
    return "inside"


def resolved(path: Path, root: Path) -> str:
    target = path.resolve()
    if target.is_relative_to(root.resolve()):
        return "inside"
    return (f"指向语料目录之外的符号链接（目标 {target}），为安全起见不索引；"
            "请把文件本身复制进语料目录")


@pytest.mark.parametrize("relative", [False, True])
def test_each_path_gets_the_verdict_of_resolving_it(tmp_path, monkeypatch, relative):
    corpus, outside = tmp_path / "site" / "corpus", tmp_path / "outside"
    (corpus / "sub").mkdir(parents=True)
    outside.mkdir()
    (corpus / "a.txt").write_text("甲", encoding="utf-8")
    (corpus / "sub" / "b.txt").write_text("乙", encoding="utf-8")
    (outside / "secret.txt").write_text("密", encoding="utf-8")
    (tmp_path / "site" / "corpus-other").mkdir()  # shares the corpus's name as a prefix
    (tmp_path / "site" / "corpus-other" / "c.txt").write_text("丙", encoding="utf-8")
    (corpus / "inner-link.txt").symlink_to(corpus / "sub" / "b.txt")
    (corpus / "outer-link.txt").symlink_to(outside / "secret.txt")
    (corpus / "prefix-link.txt").symlink_to(tmp_path / "site" / "corpus-other" / "c.txt")
    (corpus / "linked-in").symlink_to(corpus / "sub", target_is_directory=True)
    (corpus / "linked-out").symlink_to(outside, target_is_directory=True)
    if relative:
        monkeypatch.chdir(tmp_path / "site")
        corpus = Path("corpus")
    paths = [corpus / "a.txt", corpus / "sub" / "b.txt", corpus / "inner-link.txt",
             corpus / "outer-link.txt", corpus / "prefix-link.txt", corpus / "linked-in" / "b.txt",
             corpus / "linked-out" / "secret.txt", corpus / "sub" / ".." / "a.txt"]
    check = InsideCheck(corpus)
    got = [verdict(check, p) for p in paths]
    assert got == [resolved(p, corpus) for p in paths]
    assert got.count("inside") == 5
