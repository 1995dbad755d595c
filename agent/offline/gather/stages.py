"""Gathering evidence: passages (hybrid, by sentence similarity, by rare and routed terms), their
sentences scored against the question, ranked; then, once the question is answerable, the best
document's sentences re-ranked by the topic their paragraph sets."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from agent.offline.check.polarity import ASKS_COST, WAIVED, excludes
from agent.offline.draft import Draft, Stage
from agent.offline.extract.tables import heading_of_row, is_header, range_fit
from agent.offline.gather.credit import term_credit
from agent.offline.gather.evidence import Candidate, enacting_formula
from agent.offline.gather.neighbours import answer_to, item_body, list_lead, section_opening
from agent.offline.gather.rank import (
    actor_first,
    addressed_first,
    applied_at_first,
    asked_type,
    base_case_first,
    bound_first,
    bounded_first,
    by_anchors,
    by_topic,
    capped_first,
    dated_stage_first,
    deadline_act_first,
    free_first,
    granted_first,
    kind_first,
    level_first,
    named_first,
    office_phone_first,
    ordinal_first,
    per_asked_first,
    periodic_first,
    raised_first,
    ranged_first,
    row_item_first,
    row_named_first,
    situation_first,
    stated_cap_first,
    stated_total_first,
    time_limit_first,
    told_year_first,
    typed_first,
    unconditioned_first,
    undated_deadline_first,
    untitled_first,
    weekday_first,
)
from agent.offline.understand.abbreviation import abbreviates
from agent.offline.understand.question import Question
from agent.types import Refusal, Turn
from ingest.normalize import normalize_query

SENTENCE_HITS = 4
NOTICE_REACH = 40  # chunks either side of the best passage that may be its notice's
TOPIC_REACH = 8  # the runners-up `Gather._topic_first` weighs


class Gather(Stage):
    """The candidate sentences, best first; a refusal when there are none."""

    name = "gather"

    def __call__(self, draft: Draft) -> Draft:
        docs, q, resolved = self.docs, draft.q, draft.resolved
        qvec = docs.retriever.query_vector(resolved)
        context = self._context_terms(draft.turns)
        passages = self._passages(resolved, qvec, q, context)
        candidates = docs.evidence.candidates(q, passages, qvec, context)
        bridge = list(draft.bridge)
        if bridge and candidates:
            candidates = candidates[:1] + [c for c in bridge if c not in candidates[:1]] + candidates[1:]
        draft = replace(draft, qvec=qvec, context=context, candidates=tuple(candidates))
        if not candidates:
            return draft.refuse(Refusal("no-evidence", "no candidate sentence"), self.name)
        candidates = level_first(q, typed_first(q, capped_first(q, by_anchors(q, candidates, docs.tuning.anchor_weight)),
                                                docs.section_heading))
        candidates = ranged_first(q, candidates)  # before the checks: a row may be the only figure
        candidates = undated_deadline_first(q, ordinal_first(q, candidates, docs.title_line))
        return replace(draft, candidates=tuple(self._naming_first(q, candidates)))

    def _naming_first(self, q: Question, candidates: list) -> list:
        """「汀澜市…路边停车…收多少钱」 whose best sentence is from another city's look-alike notice:
        the sentences whose documents name every place or organisation the question names go
        first, in their order; with none, the other-document refusal rule answers. (Not the corpus
        name the question uses, `named_entity`: 「明达科技的董事长是谁」 would then be answered by
        明达科技's founding year instead of refused, session 19.)"""
        docs = self.docs
        # (a place of two characters the question writes without its level counts: 「棻州」 of the
        # notice titled 「棻州市…」)
        names = [n for n in q.names if (len(n) >= 3 or docs.leveled_place(n)) and not docs.unknown(n)]
        if not names or not candidates:
            return candidates
        def naming(cand) -> bool:
            return all(docs.in_document(cand, n) or docs.spelled_out_in(cand.source, q.text, n) for n in names)

        if not naming(candidates[0]):
            first = [c for c in candidates if naming(c)]
            candidates = first + [c for c in candidates if c not in first] if first else candidates
        return self._topic_first(q, candidates, naming)

    def _topic_first(self, q: Question, candidates: list, naming) -> list:
        """「珺岙市居民养老保险…最晚哪天之前得交上」 whose best sentence, by a hair, is from the same
        city's water-price notice: of the sentences scored within `topic_tie` of it, the first whose
        document names the corpus name the question uses (居民养老保险) goes first, instead of the
        other-document refusal. A runner-up further behind is no answer (「明达科技的董事长是谁」 is
        refused, not answered by 明达科技's founding year)."""
        docs, top = self.docs, candidates[0]
        entity = docs.named_entity(q)
        if not entity or docs.unknown(entity) or docs.in_document(top, entity):
            return candidates
        # (the candidates are re-ranked, not sorted by score: each runner-up is weighed on its own)
        for cand in candidates[1:TOPIC_REACH]:
            if cand.score >= docs.tuning.topic_tie * top.score and naming(cand) and docs.in_document(cand, entity):
                return [cand] + [c for c in candidates if c is not cand]
        return candidates

    def _context_terms(self, turns: Sequence[Turn]) -> tuple[str, ...]:
        """Content terms of the last turn (question and answer), to keep to its document."""
        if not turns:
            return ()
        last = turns[-1]
        text = normalize_query(f"{last.question} {last.answer}")
        return tuple(t for t in self.docs.index.segmenter.terms(text) if len(t) >= 2)

    def _passages(self, question: str, qvec, q: Question | None = None, context: tuple[str, ...] = ()) -> list:
        """Hybrid top passages, the chunks of the best sentences by e5 similarity, chunks with
        the question's rare terms, and the rest of the best passage's notice."""
        retriever, evidence = self.docs.retriever, self.docs.evidence
        passages = retriever.retrieve(question, k=self.docs.passages, vector=qvec)
        have = {p.chunk_id for p in passages}
        by_id = evidence._chunk_by_id
        extra = evidence.sentence_chunks(qvec, SENTENCE_HITS)
        if q is not None:
            extra += evidence.rare_term_chunks(q.terms)
            extra += evidence.routed_chunks((*q.terms, *context), qvec, names=q.names)
            extra += self._notice_chunks(passages)
        for chunk_id in extra:
            if chunk_id not in have:
                have.add(chunk_id)
                passages.append(retriever._passage(by_id[chunk_id], 0.0))
        return passages

    def _notice_chunks(self, passages: list) -> list[str]:
        """The best passage's notice whole (a document with a title line): a notice is short, and
        the line that answers (「最低生活保障家庭按租金标准的10%缴纳」) may be in a chunk retrieval
        ranks below the notice's look-alike lines (「转租…公租房的」)."""
        if not passages or not self.docs.title_line(passages[0].source):
            return []
        return [c.id for c in self.docs.evidence.neighbour_chunks(passages[0].chunk_id, NOTICE_REACH)]


class Focus(Stage):
    """Answerable: now which of the document's sentences says it."""

    name = "focus"

    def __call__(self, draft: Draft) -> Draft:
        docs, q = self.docs, draft.q
        ranked = by_topic(q, list(draft.candidates), docs.evidence.term_weight, docs.opening, docs.tuning)
        ranked = stated_total_first(q, ranked)
        ranked = stated_cap_first(q, ranked, docs.sentences, lambda c: docs.evidence.coverage(q.terms, c.norm)[0])
        ranked = level_first(q, unconditioned_first(
            q, typed_first(q, kind_first(q, capped_first(q, ranked, lambda c: heading_of_row(docs.index, c))), docs.section_heading,
                        lambda c: list_lead(docs.index, c)), docs.title_line))
        ranked = bound_first(q, told_year_first(q, bounded_first(q, ranged_first(q, row_named_first(q, row_item_first(q, ranked))), docs.title_line)),
                             docs.sentences, lambda c: docs.evidence.coverage(q.terms, c.norm),
                             lambda source: docs.index.documents[source].text, docs.title_line)
        ranked = free_first(q, dated_stage_first(q, deadline_act_first(q, actor_first(q, time_limit_first(q, ranked, docs.section_heading)))))
        ranked = undated_deadline_first(q, ranked)
        ranked = granted_first(q, per_asked_first(q, raised_first(q, addressed_first(q, office_phone_first(q, ordinal_first(q, ranked, docs.title_line))))))
        ranked = periodic_first(q, ranked, lambda c: heading_of_row(docs.index, c))
        ranked = base_case_first(q, ranked)
        asked = asked_type(q, ranked, docs.section_heading, lambda c: list_lead(docs.index, c))
        ranked = named_first(q, ranked, docs.evidence.credited_title, asked[0] if asked else None)
        ranked = situation_first(q, ranked, lambda c: list_lead(docs.index, c), docs.title_line, docs.evidence.term_weight)
        ranked = self._excluded_case_first(q, applied_at_first(q, weekday_first(q, ranked)))
        if len(ranked) > 1 and is_header(docs.index, ranked[0]):
            ranked = ranked[1:2] + ranked[:1] + ranked[2:]  # a table's header line states nothing
        else:
            ranked = untitled_first(q, ranked, docs.title)
        reply = answer_to(docs.index, ranked[0])
        if reply:
            # a question of a Q&A page is like the user's and answers nothing: its 「答：」 does, the
            # sentence of the answer that holds what the question's type asks (「到哪里办理？多久能
            # 办好？」: 「…10个工作日内办结」), else its first
            said = {(c.source, c.start) for c in reply}
            ranked = typed_first(q, list(reply)) + [c for c in ranked[1:] if (c.source, c.start) not in said]
        described = item_body(docs.index, ranked[0]) if q.qtype in ("which", "fact") and q.kind else None
        if described is not None and not term_credit(q.kind, ranked[0].norm):
            # 「恒丰食品公司被查出什么问题」: the item's name line names it, the sentence after says it
            ranked = [described] + [c for c in ranked if (c.source, c.start) != (described.source, described.start)]
        body = section_opening(docs.index, ranked[0])
        if body is not None and enacting_formula(q, body.norm):
            # a rule's title over its first article (「第一条 …特订定本办法。」): neither answers
            ranked = ranked[1:] + ranked[:1]
        elif body is not None and not _lead_names_kind(q, ranked[0], body):
            # a heading line answers nothing itself (「四、申报材料」): the section under it does
            ranked = [body] + [c for c in ranked if (c.source, c.start) != (body.source, body.start)]
        return replace(draft, candidates=tuple(ranked))

    def _excluded_case_first(self, q: Question, ranked: list[Candidate]) -> list[Candidate]:
        """「家里有辆小轿车，还能申请临时救助吗」 whose best sentence is no case a rule denies
        (「1. 临时救助申请书；」): the item of the notice's 「有下列情形之一的，不予救助：」 list that the
        asker's situation, the question's clauses before the one that asks, is close to in e5
        space, and clearly closer than to the list's next item (「（三）家庭拥有机动车辆…的；」),
        goes first: a yes/no question is answered no by it. The situation's words are seldom the
        rule's (小轿车 for 机动车辆, 按月拿退休金 for 按月领取基本养老金)."""
        docs = self.docs
        # (a cost asked, 「做公证讨薪要收钱吗」: the items of a list of the cases charged nothing too,
        # 「有下列情形之一的，免收公证费：」 over 「2. 农民工申办与追索劳动报酬…相关的公证事项；」)
        cost = ASKS_COST.search(q.text) is not None and not WAIVED.search(q.text)
        lead = normalize_query(list_lead(docs.index, ranked[0])) if ranked else ""
        if q.qtype != "yesno" or not ranked or excludes(lead) or (cost and WAIVED.search(lead)):
            return ranked
        if range_fit(ranked[0].norm, q.text) != 0:
            return ranked  # 「我今年61岁了，还能申请不」 over 「年龄在18周岁以上、60周岁以下」: the bound answers
        parts = [p for p in re.split(r"[,，;；?？]", q.text) if p.strip()]
        top = ranked[0]
        cases = docs.excluded_cases(top.source, waived=cost) if len(parts) >= 2 else []
        if len(cases) < 2:
            return ranked
        situation = docs.retriever.query_vector("，".join(parts[:-1]))
        scored = sorted(((float(docs.index.sentence_vectors[row] @ situation), item) for item, row in cases),
                        key=lambda pair: -pair[0])
        (best, item), (second, _) = scored[0], scored[1]
        if best < docs.tuning.excluded_similarity or best - second < docs.tuning.excluded_margin:
            # (too close to tell in e5 space: the one item that says a word of the situation, by
            # the word or its abbreviation, 「欠着社保费没补上」 of 「（四）欠缴税款或社会保险费的。」)
            told = "，".join(parts[:-1])
            words = [t for t in q.terms if len(t) >= 2 and t in told and t not in q.names]
            saying = [(score, cand) for score, cand in scored
                      if any(term_credit(t, cand.norm) or abbreviates(t, cand.norm) for t in words)]
            if best < docs.tuning.excluded_similarity or len(saying) != 1:
                return ranked
            best, item = saying[0]
        item = replace(item, rank=top.rank, dense=best, coverage=top.coverage, score=top.score)
        return [item] + [c for c in ranked if (c.source, c.start) != (item.source, item.start)]


_LABEL_LENGTH = 16  # characters: 「五、申报材料」 is a label heading, 「第十条 申请人持下列材料到…窗口提出申请：」 a lead


def _lead_names_kind(q: Question, lead: Candidate, body: Candidate) -> bool:
    """A lead line, longer than a label heading, that names the kind the question asks for where
    the section under it does not (「…持下列材料到…12号窗口提出申请：」 for 「哪个窗口」; not
    「五、申报材料」 for 「哪些材料」): it answers itself."""
    return (bool(q.kind) and len(lead.norm) > _LABEL_LENGTH and term_credit(q.kind, lead.norm) > 0
            and not term_credit(q.kind, body.norm))


__all__ = ["SENTENCE_HITS", "Focus", "Gather"]
