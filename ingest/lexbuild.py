"""The lexical side of a sync (vocabulary, jieba tokens, BM25, role table), reusing what the
committed generation already holds for the documents that did not change.

What each part depends on, and so what a re-sync recomputes:

- a document's candidate words (`DocumentTerms`) depend on its text only: kept per document
  (``terms.json``); the corpus-wide counts that decide place names, partners and short company
  names are kept too and moved by the counts in the documents added and removed; a name no
  earlier run counted is counted in the normalised texts (``normdocs/<sha>.txt``, checked
  against ``norm.json``; the answerer reads them too, `LoadedIndex.normalized_text`);
- a chunk's tokens depend on its text and on the domain words that occur in it (jieba's total is
  fixed, `ingest.segment.Segmenter`): a kept chunk is re-tokenised only when it contains a word
  added to or dropped from the vocabulary;
- BM25 is stored as term frequencies (`ingest.lexical`): the postings of removed chunks are
  dropped and the new ones inserted, equal score for score to a build from scratch;
- a document's roles (who holds which title) depend on its text and the words in its sentences;
- the character-pair table (`ingest.pairs`) lists each document's pairs by its row: the rows of
  removed and changed documents are dropped and those of new ones inserted.

Any doubt about the previous generation (another format, other chunk sizes, damage) means a full
build, never a partial reuse.
"""

from __future__ import annotations

import json
import logging
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ingest.atomic import atomic_write_bytes
from ingest.chunkrefs import chunk_count
from ingest.chunktable import ChunkTable
from ingest.errors import IndexDamagedError
from ingest.integrity import text_digest, verify_folder
from ingest.lexical import LexicalIndex
from ingest.normalize import normalize
from ingest.pairs import MAX_DOCUMENTS, PairTable, document_pairs
from ingest.segment import Segmenter
from ingest.store import Generation, IndexFiles
from ingest.titles import document_roles
from ingest.types import Chunk, LoadedDocument
from ingest.vocabulary import (
    DocumentTerms,
    Pooled,
    combine_terms,
    counted_names,
    document_terms,
    pool_terms,
)

log = logging.getLogger(__name__)

LEXICAL_VERSION = 3  # the tokens, terms and roles of this code; other versions are rebuilt
# (3: normalisation keeps a character OpenCC would simplify out of the Basic Multilingual Plane)
MAX_CHANGED_WORDS = 2000  # more vocabulary changes than this: re-tokenise everything


@dataclass
class Previous:
    """What the committed generation lets this sync reuse."""

    shas: dict[str, str]  # source -> sha256 of the file it indexed
    table: ChunkTable  # its chunks as stored (no chunk objects: most are copied as rows)
    rows: dict[str, tuple[int, int]]  # source -> its rows in ``table``
    chunk_ids: list[str]  # the BM25 rows, in order
    lexical: LexicalIndex
    words: list[str]  # the vocabulary (userdict.txt)
    terms: dict[str, DocumentTerms]  # by document sha
    terms_json: dict[str, list]  # the same as read from terms.json: written again as they are
    norm_digests: dict[str, str]  # by document sha: sha256 of its normalised text
    counts: dict[str, int]
    roles: dict[str, str]  # source -> its entry of roles.json as written (`role_entries`)
    pairs: PairTable | None = None  # None: the generation has none (written before it)
    files: dict[str, str] = field(default_factory=dict)  # its files' checksums (manifest)


@dataclass
class LexicalResult:
    words: list[str]
    segmenter: Segmenter
    lexical: LexicalIndex
    terms_json: str
    norm_json: str  # {document sha: sha256 of its normalised text} (norm.json)
    roles: dict[str, str]  # source -> JSON of [source, rows (in chunk order)], one roles.json line
    pairs: PairTable | None = None  # the character-pair table, rows in ``docs`` order
    stats: dict[str, int] = field(default_factory=dict)  # what was reused / recomputed


def load_previous(files: IndexFiles, manifest: dict, settings: dict) -> Previous | None:
    """The reusable parts of the committed generation, or None when there are none (first run,
    an older format, other settings, damaged files)."""
    name = manifest.get("generation")
    if not name or manifest.get("settings") != settings:
        return None
    generation = files.current(manifest)
    try:
        state = json.loads((generation.folder / "terms.json").read_text(encoding="utf-8"))
        if state.get("version") != LEXICAL_VERSION:
            return None
        verify_folder(generation.folder, manifest.get("files", {}), files.read_stamps(name)[0])
        lexical = LexicalIndex.load(generation.bm25_dir, chunk_count(manifest), mmap=True)
        if lexical.legacy:
            return None
        # checked against the manifest's checksums just above: texts decoded only if needed
        table = ChunkTable.read(generation.folder, checked="chunks.txt" in manifest.get("files", {}))
        if len(table) != lexical.size:
            return None
        roles = role_entries((generation.folder / "roles.json").read_text(encoding="utf-8"))
        shas = {s: e["sha256"] for s, e in manifest.get("documents", {}).items()}
        pairs = PairTable.load(generation.folder)  # mapped: read once by the update
        if pairs is not None and pairs.shas != list(shas.values()):
            pairs = None  # rows of other documents: built afresh
        return Previous(
            shas=shas,
            table=table,
            rows=table.source_rows(),
            # the BM25 rows: the table's rows (older manifests list them)
            chunk_ids=list(manifest["chunk_ids"]) if "chunk_ids" in manifest else table.ids,
            lexical=lexical,
            words=generation.read_userdict(),
            terms={sha: DocumentTerms.from_json(t) for sha, t in state["terms"].items()},
            terms_json=state["terms"],
            norm_digests=json.loads((generation.folder / "norm.json").read_text(encoding="utf-8")),
            counts=state["counts"],
            roles=roles,
            pairs=pairs,
            files=dict(manifest.get("files", {})),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError, IndexDamagedError) as exc:
        log.info("上一代索引不可复用（%s），词表与 BM25 全部重建", exc)
        return None


class NormTexts:
    """Normalised (Simplified, NFKC) document texts, kept in ``normdocs/<sha>.txt`` so that a
    re-sync can count a new name in the whole corpus without normalising it again."""

    def __init__(self, root: Path, digests: dict[str, str]) -> None:
        self.folder = root / "normdocs"
        self.digests = dict(digests)  # sha -> digest of the normalised text
        self._cache: dict[str, str] = {}

    def of(self, doc: LoadedDocument) -> str:
        sha = doc.sha256
        if sha in self._cache:
            return self._cache[sha]
        text = None
        path = self.folder / f"{sha}.txt"
        expected = self.digests.get(sha)
        if expected:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, ValueError):
                text = None
            if text is not None and text_digest(text) != expected:
                text = None  # damaged: made again below
        if text is None:
            text = normalize(doc.text).text
            atomic_write_bytes(path, text.encode("utf-8"), sync=False)  # checked by its digest
            self.digests[sha] = text_digest(text)
        self._cache[sha] = text
        return text

    def prune(self, keep: set[str]) -> None:
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.stem not in keep:
                    path.unlink(missing_ok=True)


def build_lexical(
    root: Path,
    docs: dict[str, LoadedDocument],
    table: ChunkTable,
    userdict: list[str],
    previous: Previous | None,
    step: Callable[[str], object],
) -> LexicalResult:
    """Vocabulary, segmenter, BM25 and role table of the target, whose chunks are the rows of
    ``table``; ``step(name)`` is a context manager timing each part (词典, 分词, BM25, 角色)."""
    stats: dict[str, int] = {}
    norms = NormTexts(root, previous.norm_digests if previous else {})
    shas = {s: d.sha256 for s, d in docs.items()}
    with step("词典"):
        terms: dict[str, DocumentTerms] = {}
        for doc in docs.values():
            cached = previous.terms.get(doc.sha256) if previous else None
            terms[doc.sha256] = cached if cached is not None else document_terms(norms.of(doc))
        stats["terms_computed"] = sum(
            1 for d in docs.values() if not previous or d.sha256 not in previous.terms
        )
        pooled = pool_terms(terms.values())
        counts = _counts(terms, docs, previous, norms, stats, pooled)
        words = sorted(set(combine_terms(terms.values(), counts.__getitem__, pooled)) | set(userdict))
        segmenter = Segmenter(words)
    # chunk rows: which come unchanged from the previous generation
    reused = {s for s in docs if previous and previous.shas.get(s) == shas[s] and s in previous.rows}
    changed_words = set(previous.words) ^ set(words) if previous else set()
    row_sources = table.row_sources()
    with step("分词"):
        if previous is None or len(changed_words) > MAX_CHANGED_WORDS:
            tokens = [segmenter.tokens(table.search_text(j)) for j in range(len(table))]
            stats["tokenised"] = len(table)
            lexical = None
        else:
            kept = _copied_rows(table, previous, reused)
            if kept is None:  # matched by chunk id
                old_row = {cid: i for i, cid in enumerate(previous.chunk_ids)}
                ids = table.ids
                rows = [j for j, s in enumerate(row_sources) if s in reused and ids[j] in old_row]
                kept = (np.array(rows, dtype=np.int64),
                        np.array([old_row[ids[j]] for j in rows], dtype=np.int64))
            new_rows, old_rows = kept
            hit = _containing(changed_words, [table.search_text(j) for j in new_rows.tolist()]) if changed_words else set()
            if hit:
                keep = np.ones(len(new_rows), dtype=bool)
                keep[sorted(hit)] = False
                new_rows, old_rows = new_rows[keep], old_rows[keep]
            old_to_new = np.full(len(previous.chunk_ids), -1, dtype=np.int64)
            old_to_new[old_rows] = new_rows
            is_fresh = np.ones(len(table), dtype=bool)
            is_fresh[new_rows] = False
            fresh = np.flatnonzero(is_fresh).tolist()
            tokens = [segmenter.tokens(table.search_text(j)) for j in fresh]
            stats["tokenised"] = len(fresh)
            stats["words_changed"] = len(changed_words)
            lexical = (old_to_new, fresh)
    with step("BM25"):
        if lexical is None:
            index = LexicalIndex.build(tokens)
        else:
            index = previous.lexical.updated(lexical[0], tokens, len(table), lexical[1])
    with step("角色"):
        touched = {row_sources[j] for j in lexical[1]} if lexical else set(table.sources)
        roles: dict[str, str] = {}
        for source, (lo, hi) in table.source_rows().items():
            if previous and source in reused and source not in touched and source in previous.roles:
                roles[source] = previous.roles[source]  # as written, not parsed and encoded again
            else:
                rows = document_roles(table.chunks(lo, hi), docs[source].text, segmenter)
                roles[source] = _role_entry(source, [[n, list(t), a, b] for n, t, a, b in rows])
        stats["roles_computed"] = sum(
            1 for s in table.sources if not (previous and s in reused and s not in touched)
        )
    with step("字对"):
        pairs = _pair_table(docs, previous, norms, stats)
    kept_json = previous.terms_json if previous else {}
    state = {
        "version": LEXICAL_VERSION,
        # a document's entry as read (equal to its `to_json`): 10,000 conversions less
        "terms": {sha: kept_json.get(sha) or terms[sha].to_json() for sha in sorted(terms)},
        "counts": dict(sorted(counts.items())),
    }
    digests = {sha: norms.digests[sha] for sha in sorted(terms) if sha in norms.digests}
    return LexicalResult(
        words, segmenter, index, json.dumps(state, ensure_ascii=False), json.dumps(digests), roles,
        pairs, stats,
    )


def _copied_rows(
    table: ChunkTable, previous: Previous, reused: set[str]
) -> tuple[np.ndarray, np.ndarray] | None:
    """(rows of ``table``, their rows in the previous generation) of the chunks of the documents
    in ``reused``, which `chunk_table` copied from the previous table in order: found by document
    (~10,000 ranges) instead of by chunk id (a dict of 239k ids and a pass over every row, ~0.4 s
    at 10,000 documents). None when the ranges do not hold the same ids, or the previous
    generation's BM25 rows (the manifest's chunk ids) are not its table's rows."""
    before = previous.table.ids
    if len(previous.chunk_ids) != len(before) or previous.chunk_ids != before:
        return None
    new: list[np.ndarray] = []
    old: list[np.ndarray] = []
    try:
        spans = table.source_rows()
    except ValueError:
        return None
    ids = table.ids
    for source, (lo, hi) in spans.items():
        if source not in reused:
            continue
        was = previous.rows.get(source)
        if was is None or ids[lo:hi] != before[was[0] : was[1]]:
            return None
        new.append(np.arange(lo, hi, dtype=np.int64))
        old.append(np.arange(was[0], was[1], dtype=np.int64))
    if not new:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(new), np.concatenate(old)


def _pair_table(
    docs: dict[str, LoadedDocument], previous: Previous | None, norms: NormTexts, stats: dict[str, int]
) -> PairTable | None:
    """The character-pair table of ``docs`` (rows in their order): the previous table with the
    rows of removed and changed documents dropped and the new ones inserted, or built afresh."""
    if len(docs) > MAX_DOCUMENTS:
        return None
    sources = list(docs)
    shas = [docs[s].sha256 for s in sources]
    old_to_new = None
    if previous is not None and previous.pairs is not None:
        new_row = {s: i for i, s in enumerate(sources)}
        old_to_new = np.array(
            [new_row.get(s, -1) if docs.get(s) is not None and docs[s].sha256 == sha else -1
             for s, sha in previous.shas.items()],
            dtype=np.int64,
        )
        kept = old_to_new[old_to_new >= 0]
        if len(kept) > 1 and not bool(np.all(kept[1:] > kept[:-1])):
            old_to_new = None  # the kept documents changed order: built afresh
    if old_to_new is None:
        fresh = list(range(len(sources)))
        table = PairTable(np.zeros(0, np.uint64), np.zeros(1, np.int64), np.zeros(0, np.int32), [])
        old_to_new = np.zeros(0, dtype=np.int64)
    else:
        kept_rows = set(old_to_new[old_to_new >= 0].tolist())
        fresh = [i for i in range(len(sources)) if i not in kept_rows]
        table = previous.pairs
    stats["pairs_computed"] = len(fresh)
    pairs = [document_pairs(norms.of(docs[sources[i]])) for i in fresh]
    return table.updated(old_to_new, pairs, fresh, shas)


def roles_text(lines: list[str]) -> str:
    """roles.json: a JSON list of ``[source, rows]``, one document a line, so that a re-sync
    keeps the lines of unchanged documents as text (`role_entries`) instead of parsing and
    encoding ~90k rows again."""
    return "[\n" + ",\n".join(lines) + "\n]" if lines else "[]"


def role_entries(text: str) -> dict[str, str]:
    """``{source: its line}`` of a roles.json (older single-line files are parsed)."""
    if not text.startswith("[\n"):
        return {source: _role_entry(source, rows) for source, rows in json.loads(text)}
    entries: dict[str, str] = {}
    decoder = json.JSONDecoder()
    body = text[2:-2] if text.endswith("\n]") else ""
    for line in body.split(",\n") if body else ():
        source, _ = decoder.raw_decode(line, 1)
        entries[source] = line
    return entries


def _role_entry(source: str, rows: list) -> str:
    return json.dumps([source, rows], ensure_ascii=False)


def _counts(
    terms: dict[str, DocumentTerms],
    docs: dict[str, LoadedDocument],
    previous: Previous | None,
    norms: NormTexts,
    stats: dict[str, int],
    pooled: Pooled | None = None,
) -> dict[str, int]:
    """``{name: occurrences in the whole normalised corpus}`` for every name the vocabulary
    rules may ask about: carried over and moved by the documents added and removed, counted
    afresh in the whole corpus for names no earlier run counted."""
    names = counted_names(terms.values(), pooled)
    counts: dict[str, int] = {}
    new_shas = {d.sha256 for d in docs.values()}
    if previous is not None:
        old_shas = set(previous.shas.values())
        added = [d for d in docs.values() if d.sha256 not in old_shas]
        removed = old_shas - new_shas
        removed_texts = [_removed_norm(norms, sha) for sha in removed]
        if any(t is None for t in removed_texts):
            previous = None  # cannot move the counts: count everything afresh
        else:
            added_texts = [norms.of(d) for d in added]
            for name in names:
                if name in previous.counts:
                    counts[name] = (
                        previous.counts[name]
                        - sum(t.count(name) for t in removed_texts)
                        + sum(t.count(name) for t in added_texts)
                    )
    missing = [n for n in names if n not in counts]
    stats["names_counted_afresh"] = len(missing)
    if missing:
        joined = "\x00".join(norms.of(d) for d in docs.values())
        for name in missing:
            counts[name] = joined.count(name)
    return counts


def _removed_norm(norms: NormTexts, sha: str) -> str | None:
    """The normalised text of a document leaving the index (its files are still there)."""
    path = norms.folder / f"{sha}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None
    return text if text_digest(text) == norms.digests.get(sha) else None


def _containing(words: set[str], texts: list[str]) -> set[int]:
    """Indexes of the texts that contain (case-folded as the segmenter does) any of ``words``."""
    if not words or not texts:
        return set()
    lowered = [t.lower() for t in texts]
    starts = []
    at = 0
    for text in lowered:
        starts.append(at)
        at += len(text) + 1
    joined = "\x00".join(lowered)
    hit: set[int] = set()
    for word in words:
        needle = word.lower()
        pos = joined.find(needle)
        while pos >= 0:
            hit.add(bisect_right(starts, pos) - 1)
            pos = joined.find(needle, pos + 1)
    return hit


def chunk_table(
    docs: dict[str, LoadedDocument],
    previous: Previous | None,
    chunker: Callable[[LoadedDocument], list[Chunk]],
    advance: Callable[[int], object] = lambda n: None,
) -> tuple[ChunkTable, int]:
    """The chunk table of ``docs`` (in their order) and the characters chunked: a document with
    the bytes the previous generation indexed (same settings: same chunks) keeps its rows, sliced
    from the previous table without making chunk objects; the others are chunked and serialised.
    Equal, byte for byte, to the table of every document chunked afresh (`ChunkTable.concat`)."""
    parts: list[tuple[ChunkTable, int, int]] = []
    pending: list[Chunk] = []
    chunked = 0
    for source, doc in docs.items():
        old = previous.rows.get(source) if previous is not None else None
        if old is not None and previous.shas.get(source) == doc.sha256:
            if pending:
                parts.append((ChunkTable.of(pending), 0, len(pending)))
                pending = []
            lo, hi = old
            if parts and parts[-1][0] is previous.table and parts[-1][2] == lo:
                parts[-1] = (previous.table, parts[-1][1], hi)  # the next rows of the same table
            else:
                parts.append((previous.table, lo, hi))
        else:
            pending.extend(chunker(doc))
            chunked += len(doc.text)
        advance(1)
    if pending:
        parts.append((ChunkTable.of(pending), 0, len(pending)))
    if len(parts) == 1 and parts[0][0] is not getattr(previous, "table", None):
        return parts[0][0], chunked  # every document chunked afresh: the table as made
    return ChunkTable.concat(parts), chunked


def write_lexical(gen: Generation, result: LexicalResult, table: ChunkTable) -> None:
    """The lexical files of a generation: userdict.txt, bm25/, terms.json, roles.json, pairs/."""
    gen.write_userdict(result.words)
    gen.write_file("terms.json", result.terms_json.encode())
    gen.write_file("norm.json", result.norm_json.encode())
    order = table.sources  # in order of first use, as the chunks come
    lines = [result.roles.get(source) or _role_entry(source, []) for source in order]
    gen.write_file("roles.json", roles_text(lines).encode())
    for name, data in result.lexical.files().items():
        gen.write_file(f"bm25/{name}", data)
    if result.pairs is not None:
        for name, data in result.pairs.files().items():
            gen.write_file(name, data)
