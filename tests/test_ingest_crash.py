"""Crash safety: `python -m ingest` killed with SIGKILL at several points, then run again, ends
with exactly the index of an uninterrupted run (Chroma records and vectors, the chunk table,
sentence vectors, manifest), with no duplicate ids and no lost documents.

The kills while the index is written land where they are meant to: those runs go through
tests/slow_writes.py, which pauses inside each write (Chroma half written, a generation half
written, the manifest committed but not cleaned up) and says so on stderr."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from slow_writes import MARK_CHROMA, MARK_COMMITTED, MARK_GENERATION

from ingest.chunkrefs import chunk_count, chunk_ids
from ingest.chunktable import ChunkTable
from ingest.config import IngestConfig
from ingest.index import VectorIndex, release_local
from ingest.integrity import verify_folder
from ingest.pipeline import sync_corpus
from ingest.reader import open_index
from ingest.store import IndexFiles

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
DOCS = 30
BATCH = 8  # small embedding batches: several cache shards are written before a kill
TOWNS = "东兴 市中 威远 资中 隆昌 高桥 椑木 田家 郭北 白合".split()
TOPICS = "算力 人才 低空 数据 物流 医疗 教育 文旅 农业 能源".split()


def write_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for i in range(DOCS):
        town, topic = TOWNS[i % 10], TOPICS[(i * 3) % 10]
        text = (
            f"{town}镇{topic}扶持第{i + 1}号通知：对{topic}项目按投资额的{5 + i}%给予补助。"
            f"本通知自2025年{i % 12 + 1}月{i % 27 + 1}日起施行。\n"
        )
        (corpus / f"notice-{i:02d}.txt").write_text(text, encoding="utf-8")
    return corpus


class Ingest:
    """`python -m ingest CORPUS --index-dir DIR` in a subprocess, its stderr read as it comes."""

    def __init__(self, corpus: Path, index: Path, pause: str = "") -> None:
        """``pause``: where tests/slow_writes.py waits inside the index write ("": plain ingest)."""
        env = {**os.environ, "QA_PROGRESS": "1", "QA_EMBED_BATCH": str(BATCH)}
        env.update(PYTHONUNBUFFERED="1", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
        for name in ("QA_CHROMA_URL", "QA_EMBEDDINGS", "QA_CHUNK_MIN", "QA_CHUNK_MAX"):
            env.pop(name, None)
        entry = ["tests/slow_writes.py", str(PAUSE), pause] if pause else ["-m", "ingest"]
        self.proc = subprocess.Popen(
            [sys.executable, *entry, str(corpus), "--index-dir", str(index)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._err = bytearray()
        self._reader = threading.Thread(target=self._pump, daemon=True)
        self._reader.start()

    def _pump(self) -> None:
        while chunk := os.read(self.proc.stderr.fileno(), 4096):
            self._err += chunk

    @property
    def stderr(self) -> str:
        return bytes(self._err).decode("utf-8", "replace")

    def kill_when(self, seen, timeout: float = 120) -> bool:
        """SIGKILL as soon as ``seen(stderr)``; False if the run finished first."""
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            if seen(self.stderr):
                os.kill(self.proc.pid, signal.SIGKILL)
                break
            time.sleep(0.01)
        self.proc.wait(timeout=60)
        self._reader.join(timeout=10)
        return self.proc.returncode == -signal.SIGKILL

    def finish(self) -> int:
        self.proc.wait(timeout=300)
        self._reader.join(timeout=10)
        return self.proc.returncode


def embedded_at_least(n: int):
    def seen(err: str) -> bool:
        done = [int(m) for m in re.findall(r"嵌入 (\d+)/\d+ 条", err)]
        return bool(done) and max(done) >= n

    return seen


PAUSE = 30  # seconds: far longer than a kill takes to land, even on a loaded machine


def state(index: Path) -> dict:
    """What a killed run left: a manifest or not, Chroma records, unfinished generations."""
    unfinished = sorted(p for p in index.glob(".gen-tmp-*") if p.is_dir())
    records = 0
    if (index / "chroma" / "chroma.sqlite3").is_file():
        records = VectorIndex(index, "policyqa").count()
        release_local(index / "chroma")  # read afresh next time: the next run writes to it
    return {
        "manifest": (index / "manifest.json").is_file(),
        "records": records,
        "unfinished": [sorted(f.name for f in p.iterdir()) for p in unfinished],
    }


def snapshot(index: Path) -> dict:
    files = IndexFiles(index)
    manifest = files.read_manifest()
    generation = files.current(manifest)
    vectors = VectorIndex(index, "policyqa")
    records = vectors.records()
    ids = sorted(records)
    keys, sentence_vectors = generation.read_sentences()
    return {
        "manifest": manifest,
        # the chunk table, its texts in segments (`ingest.segments`)
        "chunk table": {p.name: p.read_bytes() for p in sorted(generation.folder.glob("chunk*"))},
        "userdict": generation.read_userdict(),
        "records": records,
        "count": vectors.count(),
        "record_vectors": vectors.vectors(ids),
        "sentence_keys": keys,
        "sentence_vectors": sentence_vectors,
        "docs": sorted(p.name for p in (index / "docs").iterdir()),
        "folders": sorted(p.name for p in index.iterdir() if p.name not in ("chroma",)),
    }


def test_sigkill_at_any_stage_then_rerun_equals_an_uninterrupted_run(tmp_path, embedder):
    reference_index = tmp_path / "ref" / ".index"
    sync_corpus(
        write_corpus(tmp_path / "ref"),
        reference_index,
        IngestConfig(progress=False, embed_batch=BATCH),
        embedder,
    )
    expected = snapshot(reference_index)
    # what a generation holds when the sentences are written: the chunk table, in 3 segments
    chunk_files = sorted(expected["chunk table"])
    segments = ["chunks.1.txt", "chunks.2.txt", "chunks.0.json", "chunks.1.json", "chunks.2.json"]
    assert chunk_files == sorted([*ChunkTable.FILES, *segments])

    corpus = write_corpus(tmp_path / "crash")
    index = tmp_path / "crash" / ".index"
    total = chunk_count(expected["manifest"])
    kill_points = [  # (phase, pause inside the index writes, kill when stderr shows this)
        ("startup", "", lambda err: "读取" in err),
        ("embedding, 2 batches done", "", embedded_at_least(2 * BATCH)),
        ("embedding, more batches done", "", embedded_at_least(4 * BATCH)),
        ("writing Chroma, half the records in", "chroma", lambda err: MARK_CHROMA in err),
        ("writing the generation files", "generation", lambda err: MARK_GENERATION in err),
        ("committed, before clean-up", "committed", lambda err: MARK_COMMITTED in err),
    ]
    killed, states = [], []
    for name, pause, seen in kill_points:
        if Ingest(corpus, index, pause).kill_when(seen):
            killed.append(name)
        states.append(state(index))
    assert killed == [name for name, _, _ in kill_points]  # every kill landed in its phase
    assert states[2]["manifest"] is False and states[2]["records"] == 0  # embedding only
    assert 0 < states[3]["records"] < total and states[3]["manifest"] is False
    assert states[3]["unfinished"] == []  # no generation started yet
    assert states[4]["unfinished"] == [chunk_files] and states[4]["manifest"] is False
    assert states[4]["records"] == total  # the rest of the records went in before
    assert states[5]["manifest"] is True  # committed, but the killed run's folder is still there
    assert states[5]["unfinished"] == [chunk_files]

    final = Ingest(corpus, index)
    assert final.finish() == 0, final.stderr[-2000:]
    got = snapshot(index)

    manifest = got["manifest"]
    assert len(manifest["documents"]) == DOCS
    ids = chunk_ids(IndexFiles(index), manifest)
    assert "chunk_ids" not in manifest and chunk_count(manifest) == len(ids) == len(set(ids)) == got["count"]
    assert set(got["records"]) == set(ids)
    assert {m["source"] for m in got["records"].values()} == set(manifest["documents"])
    # every file of the generation, BM25 included, is the same as the uninterrupted run's
    assert manifest["files"] == expected["manifest"]["files"]
    verify_folder(index / manifest["generation"], manifest["files"])
    assert manifest == expected["manifest"]
    for key in ("chunk table", "userdict", "records", "count", "sentence_keys"):
        assert got[key] == expected[key], key
    assert np.array_equal(got["record_vectors"], expected["record_vectors"])
    assert np.array_equal(got["sentence_vectors"], expected["sentence_vectors"])
    assert got["docs"] == expected["docs"]
    assert got["folders"] == expected["folders"]  # no unfinished generations or stray files
    assert len(list((index / "embcache").rglob("*.npz"))) == 1


def test_sigkill_during_a_resync_leaves_the_previous_generation_readable(tmp_path, embedder):
    """A re-sync after one document changed reuses the committed generation (chunks, tokens,
    BM25, roles) and writes a new one beside it: killed while writing it, or after committing
    but before the clean-up, the index opens as it was (or as the new one), and the next run
    ends equal to a build from scratch of the changed corpus."""
    corpus = write_corpus(tmp_path / "crash")
    index = tmp_path / "crash" / ".index"
    assert Ingest(corpus, index).finish() == 0
    before = IndexFiles(index).read_manifest()
    first = open_index(index, IngestConfig(progress=False))
    seventh = [c for c in first.chunks if c.source == "corpus/notice-07.txt"]
    assert [c.text for c in seventh] == ["田家镇人才扶持第8号通知：对人才项目按投资额的12%给予补助。本通知自2025年8月8日起施行。"]
    release_local(index / "chroma")
    changed = corpus / "notice-07.txt"
    changed.write_text("东兴镇算力扶持第8号通知（修订）：对算力项目按投资额的20%给予补助。\n", encoding="utf-8")

    assert Ingest(corpus, index, "generation").kill_when(lambda err: MARK_GENERATION in err)
    assert [p.name for p in index.glob(".gen-tmp-*")] != []  # the new generation, unfinished
    reader = open_index(index, IngestConfig(progress=False))
    assert reader.generation == before["generation"]
    assert reader.manifest == before
    assert [c for c in reader.chunks if c.source == "corpus/notice-07.txt"] == seventh
    assert reader.lexical.scores(["修订"]).max() == 0.0
    release_local(index / "chroma")

    assert Ingest(corpus, index, "committed").kill_when(lambda err: MARK_COMMITTED in err)
    committed = open_index(index, IngestConfig(progress=False))
    assert committed.generation != before["generation"]
    assert int(np.count_nonzero(committed.lexical.scores(["修订"]))) == 1
    release_local(index / "chroma")

    final = Ingest(corpus, index)
    assert final.finish() == 0, final.stderr[-2000:]
    fresh = tmp_path / "fresh"
    shutil.copytree(corpus, fresh / "corpus")
    assert Ingest(fresh / "corpus", fresh / ".index").finish() == 0
    got, want = snapshot(index), snapshot(fresh / ".index")
    # every file the same but BM25's: the update appends new tokens to the vocabulary, a build
    # numbers them in order of appearance (same postings, same scores: compared below)
    lexical = {name for name in want["manifest"]["files"] if name.startswith("bm25/")}
    assert lexical == {f"bm25/{n}" for n in ("size.txt", "vocab.txt", "indptr.npy", "rows.npy", "tf.npy", "lengths.npy")}
    assert {k: v for k, v in got["manifest"]["files"].items() if k not in lexical} == {
        k: v for k, v in want["manifest"]["files"].items() if k not in lexical
    }
    assert {**got["manifest"], "files": None} == {**want["manifest"], "files": None}
    for key in ("chunk table", "userdict", "records", "count", "sentence_keys", "docs", "folders"):
        assert got[key] == want[key], key
    queries = [["修订"], ["东兴", "算力", "补助"], ["数据", "项目"]]
    live, scratch = open_index(index, IngestConfig(progress=False)), open_index(fresh / ".index", IngestConfig(progress=False))
    for query in queries:
        assert np.array_equal(live.lexical.scores(query), scratch.lexical.scores(query))
