"""The character-pair → documents table (ingest.pairs): the answerer's document look-ups narrowed
by it find exactly the documents the plain scan of the joined texts finds, and a re-sync keeps
the table equal to a fresh build. Real jieba, the lexical-first mode (no embedding)."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import numpy as np
import pytest

from agent.lexicon import synonyms
from agent.offline.gather.evidence import EvidenceFinder
from benchmarks.lookalike import document
from ingest.config import IngestConfig
from ingest.pairs import PairTable, document_pairs, text_pairs
from ingest.pipeline import sync_corpus
from ingest.reader import open_index

LEXICAL = IngestConfig(progress=False, embeddings="none")

# documents whose ends and starts make words only across a boundary: 「区长」 is split between
# a.md's last character and b.md's first, 「XYZ」 likewise (lower-cased: 「xyz」)
EDGES = {
    "a.md": "# 边界甲\n\n东兴区人民政府的区",
    "b.md": "长陈伟表示，算力中心投运。XY",
    "c.md": "Z公司与并济科技签约。",
}


def write_docs(corpus: Path, docs: dict[str, str]) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    for old in corpus.iterdir():
        if old.name not in docs:
            old.unlink()
    for name, text in docs.items():
        path = corpus / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def corpus_docs() -> dict[str, str]:
    return {**dict(document(0, i) for i in range(12)), **EDGES}


@pytest.fixture(scope="module")
def built(tmp_path_factory, corpus_docs):
    root = tmp_path_factory.mktemp("pairs")
    write_docs(root / "corpus", corpus_docs)
    sync_corpus(root / "corpus", root / ".index", LEXICAL)
    return root


def scan(finder: EvidenceFinder, needle: str, found: set[str] | None = None, limit: int = 0) -> set[str]:
    """The plain scan of the joined texts (the path of an index without the table)."""
    finder._pair_table = None
    try:
        return finder._documents_with(needle, found, limit)
    finally:
        finder._pair_table = False


def needles(finder: EvidenceFinder, rng: random.Random) -> list[str]:
    joined, starts, _ = finder._corpus()
    out = ["", "区", "长", "东兴区", "区长", "算力", "并济科技", "xyz", "XYZ", "yz", "不存在的词",
           "區長", "的", "。", "\n", "\n\n", "区\x00长"]
    words = list(finder.index.segmenter.words)
    out += rng.sample(words, min(150, len(words)))
    for word in list(out):
        out += synonyms(word)[:3]
    for _ in range(300):  # substrings of every length, many crossing a NUL
        at = rng.randrange(len(joined) - 8)
        out.append(joined[at : at + rng.randint(1, 8)])
    for start in starts[1:]:  # the end of one document and the start of the next
        for back in (1, 2, 3):
            for ahead in (1, 2, 3):
                out.append(joined[start - 1 - back : start - 1] + joined[start : start + ahead])
    return list(dict.fromkeys(out))


def test_narrowed_look_ups_equal_the_plain_scan(built):
    index = open_index(built / ".index", LEXICAL)
    table = index.pair_table
    assert table is not None and len(table.shas) == 15
    finder = EvidenceFinder(index)
    assert finder._pairs() is table
    rng = random.Random(5)
    cases = needles(finder, rng)
    assert len(cases) > 400
    matched = 0
    for needle in cases:
        for limit in (0, 1, 2, 5):
            want = scan(finder, needle, limit=limit)
            assert finder._documents_with(needle, limit=limit) == want, (needle, limit)
            # with documents found before (a synonym's search adds to the term's)
            seed = {"corpus/doc-00007.md", "corpus/b.md"}
            assert finder._documents_with(needle, set(seed), limit) == scan(finder, needle, set(seed), limit)
        matched += bool(want)
    assert matched > 300
    # concrete values: the boundary words are in no document, each half is
    assert finder._documents_with("区长") == scan(finder, "区长")
    assert "corpus/a.md" not in finder._documents_with("区长")
    assert "corpus/b.md" not in finder._documents_with("区长")
    assert finder._documents_with("xyz") == set()
    assert finder._documents_with("xy") == {"corpus/b.md"}
    assert finder._documents_with("z公司") == {"corpus/c.md"}
    assert finder._documents_with("东兴区人民政府的区") == {"corpus/a.md"}
    assert finder._documents_with("的") == {"corpus/a.md"} | {f"corpus/doc-{i:05d}.md" for i in range(12)}
    assert len(finder._documents_with("区县产业动态汇编")) == 12
    assert len(finder._documents_with("区县产业动态汇编", limit=2)) == 3  # stops above the limit


def test_document_frequency_is_the_same_with_and_without_the_table(built):
    index = open_index(built / ".index", LEXICAL)
    with_table = EvidenceFinder(index)
    without = EvidenceFinder(index)
    without._pair_table = None
    terms = list(index.segmenter.words)[:200] + ["区长", "算力", "营收", "增长", "补贴", "xy"]
    got = [with_table._document_frequency(t) for t in terms]
    assert got == [without._document_frequency(t) for t in terms]
    assert with_table._document_frequency("xy") == 1


def test_candidates_are_the_documents_holding_every_pair():
    texts = ["东兴区区长陈伟", "区长", "东兴", "长区兴东", "abc"]
    table = PairTable.build([document_pairs(t) for t in texts], [f"s{i}" for i in range(5)])
    assert table.candidates("区长").tolist() == [0, 1]
    assert table.candidates("东兴区").tolist() == [0]
    assert table.candidates("兴东").tolist() == [3]
    assert table.candidates("ABC").tolist() == []  # the table is of lower-cased texts
    assert table.candidates("abc").tolist() == [4]
    assert table.candidates("东兴区长").tolist() == [0]  # a superset: 「东兴区长」 is not in it
    assert text_pairs("区长区长").tolist() == sorted({(ord("区") << 21) | ord("长"), (ord("长") << 21) | ord("区")})
    loaded_files = table.files()
    assert sorted(loaded_files) == ["pairs/docs.json", "pairs/docs.npy", "pairs/indptr.npy", "pairs/keys.npy"]


def test_update_equals_a_build_from_scratch():
    rng = random.Random(3)
    alphabet = "东兴区长算力中心ab"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(60)]
    table = PairTable.build([document_pairs(t) for t in texts], [str(i) for i in range(60)])
    # drop 5..9 and 30, insert 4 new documents at 2 and 3 new at the end
    keep = [i for i in range(60) if not (5 <= i < 10 or i == 30)]
    new_texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(7)]
    target = [texts[i] for i in keep]
    target[2:2] = new_texts[:4]
    target += new_texts[4:]
    fresh = [2, 3, 4, 5, len(target) - 3, len(target) - 2, len(target) - 1]
    old_to_new = np.full(60, -1)
    for i, j in zip(keep, [j for j in range(len(target)) if j not in fresh]):
        old_to_new[i] = j
    shas = [str(i) for i in range(len(target))]
    updated = table.updated(old_to_new, [document_pairs(target[j]) for j in fresh], fresh, shas)
    scratch = PairTable.build([document_pairs(t) for t in target], shas)
    assert_tables_equal(updated, scratch)
    for a in alphabet:
        for b in alphabet:
            want = [i for i, t in enumerate(target) if a + b in t]
            assert updated.candidates(a + b).tolist() == want


@pytest.mark.parametrize("seed", range(8))
def test_a_small_update_equals_a_build_from_scratch(seed):
    """A few new postings take the patching path (`PairTable._patched`): keys whose documents all
    left go, keys never seen come, rows move; equal to a build of the target."""
    rng = random.Random(seed)
    alphabet = "东兴区长" if seed % 2 else "东兴区长算力中心ab"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(30)]
    texts[7] = "稀有字对"  # keys only this document has: dropped with it
    table = PairTable.build([document_pairs(t) for t in texts], [str(i) for i in range(30)])
    gone = set(rng.sample(range(30), rng.randint(0, 6))) | {7}
    keep = [i for i in range(30) if i not in gone]
    target = [texts[i] for i in keep]
    fresh: list[int] = []
    for new in ("新的字对甲", "".join(rng.choice(alphabet + "新") for _ in range(9)), ""):
        at = rng.randint(0, len(target))
        target.insert(at, new)
        fresh = [j + (j >= at) for j in fresh] + [at]
    fresh.sort()
    kept_rows = [j for j in range(len(target)) if j not in fresh]
    old_to_new = np.full(30, -1)
    for i, j in zip(keep, kept_rows):
        old_to_new[i] = j
    shas = [str(i) for i in range(len(target))]
    updated = table.updated(old_to_new, [document_pairs(target[j]) for j in fresh], fresh, shas)
    assert_tables_equal(updated, PairTable.build([document_pairs(t) for t in target], shas))


def assert_tables_equal(a: PairTable, b: PairTable) -> None:
    assert a.shas == b.shas
    for name in ("keys", "indptr", "docs"):
        x, y = getattr(a, name), getattr(b, name)
        assert x.dtype == y.dtype and np.array_equal(x, y), name
    assert a.files() == b.files()


def test_resync_keeps_the_table_equal_to_a_fresh_build(tmp_path, corpus_docs):
    corpus, index = tmp_path / "live" / "corpus", tmp_path / "live" / ".index"
    write_docs(corpus, corpus_docs)
    first = sync_corpus(corpus, index, LEXICAL)
    assert first.lexical["pairs_computed"] == 15
    docs = dict(corpus_docs)
    steps = [
        ("add", {**docs, "doc-99999.md": "# 新区\n\n东兴区携手启明星辰科技，共建算力中心。\n"}, 1),
        ("change", {**docs, "doc-99999.md": "# 新区\n\n东兴区携手启明星辰科技。\n",
                    "doc-00003.md": docs["doc-00003.md"] + "\n启明星辰科技参与建设。\n"}, 2),
        ("delete", {k: v for k, v in docs.items() if k not in ("doc-00005.md", "b.md")}, 1),  # 3 reverted
    ]
    for step, wanted, computed in steps:
        write_docs(corpus, wanted)
        report = sync_corpus(corpus, index, LEXICAL)
        assert report.lexical["pairs_computed"] == computed, step
        fresh = tmp_path / f"fresh-{step}"
        write_docs(fresh / "corpus", wanted)
        sync_corpus(fresh / "corpus", fresh / ".index", LEXICAL)
        live, full = open_index(index, LEXICAL), open_index(fresh / ".index", LEXICAL)
        assert live.pair_table is not None and full.pair_table is not None
        assert_tables_equal(live.pair_table, full.pair_table)
        assert len(live.pair_table.shas) == len(wanted)
        shutil.rmtree(fresh)


def test_an_index_without_the_table_scans_and_gets_one_at_the_next_change(tmp_path, corpus_docs):
    """An index written before the table: the look-ups scan (same answers), and the next
    re-sync that changes a document builds the whole table."""
    corpus, index = tmp_path / "corpus", tmp_path / ".index"
    write_docs(corpus, corpus_docs)
    sync_corpus(corpus, index, LEXICAL)
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    shutil.rmtree(index / manifest["generation"] / "pairs")
    manifest["files"] = {k: v for k, v in manifest["files"].items() if not k.startswith("pairs/")}
    (index / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    old = open_index(index, LEXICAL)
    assert old.pair_table is None
    finder = EvidenceFinder(old)
    assert finder._pairs() is None
    assert finder._documents_with("xy") == {"corpus/b.md"}
    assert len(finder._documents_with("区县产业动态汇编", limit=2)) == 3
    write_docs(corpus, {**corpus_docs, "c.md": "Z公司与并济科技签约，总投资58亿元。"})
    report = sync_corpus(corpus, index, LEXICAL)
    assert report.lexical["pairs_computed"] == 15  # no table to update: all built
    table = open_index(index, LEXICAL).pair_table
    fresh = tmp_path / "fresh"
    write_docs(fresh / "corpus", {**corpus_docs, "c.md": "Z公司与并济科技签约，总投资58亿元。"})
    sync_corpus(fresh / "corpus", fresh / ".index", LEXICAL)
    assert_tables_equal(table, open_index(fresh / ".index", LEXICAL).pair_table)
