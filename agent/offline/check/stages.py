"""Checking: the refusal rules before any answer is extracted, and after it the caveats a true
answer to a false premise carries (a claim the documents contradict, a name they never use, a
title the person does not hold), and the yes or no of a yes/no question."""

from __future__ import annotations

import re
from dataclasses import replace

from agent.lexicon import entities
from agent.offline.check.polarity import denied, excludes, stated_verdict
from agent.offline.check.premise import false_premise
from agent.offline.check.rules import first_refusal, names_asked_level
from agent.offline.documents import written
from agent.offline.draft import Draft, Stage
from agent.offline.extract.answer_clause import unnumbered
from agent.offline.extract.tables import range_fit
from agent.offline.gather.credit import term_credit
from agent.offline.gather.neighbours import list_lead, role_sentence
from agent.offline.gather.rank import asked_type, bound_fit, frequency_fit
from agent.offline.understand.abbreviation import abbreviates
from agent.offline.understand.question import GENERIC_VERBS
from ingest.normalize import normalize_query
from ingest.segment import general_frequency


class Check(Stage):
    """The first refusal rule that finds the evidence does not answer the question."""

    name = "check"

    def __call__(self, draft: Draft) -> Draft:
        why_not = first_refusal(draft, self.docs)
        if why_not is not None and (why_not.rule in (*_ONE_SENTENCE, "level", "year") or (
                why_not.rule == "other-entity" and draft.q.qtype != "yesno")):
            # 「芦汀大桥几点到几点不能走」 whose best sentence dates the marathon's course: a close
            # runner-up of its notice that passes every rule (「（四）芦汀大桥：7:40至11:30…」)
            # answers, and the refused sentence goes last
            top = draft.candidates[0]
            # (nor one without what the question's type asks when the best sentence holds it:
            # 「取暖补贴最晚什么时候打到卡上」 keeps 「…于2025年12月20日前足额发放到…账户」 before the
            # preamble's 「决定发放2025—2026年度…取暖补贴」)
            asked = asked_type(draft.q, list(draft.candidates), self.docs.section_heading)
            typed = asked[0] if asked is not None and asked[0](top) else None
            entity = self.docs.named_entity(draft.q) if why_not.rule == "other-entity" else ""
            asked_years = re.findall(r"(?:19|20)\d\d(?=年)", draft.q.text) if why_not.rule == "year" else []
            for cand in draft.candidates[1:_FAR_REACH if entity or asked_years else 4]:
                if entity or asked_years:
                    if not self._answers_instead(draft, cand, entity, asked_years):
                        continue
                elif cand.source != top.source or cand.score < self.docs.tuning.second_sentence * top.score:
                    continue
                if typed is not None and not typed(cand):
                    continue
                if why_not.rule == "level" and not names_asked_level(draft.q.text, cand.norm):
                    continue  # a runner-up that names no level passes the level rule unasked
                rest = tuple(c for c in draft.candidates[1:] if c is not cand)
                if entity or asked_years:  # (lifted to the best score of the five: Focus re-ranks by score)
                    cand = replace(cand, score=max(c.score for c in draft.candidates[:_FAR_REACH]))
                retry = replace(draft, candidates=(cand, *rest, top))
                if first_refusal(retry, self.docs) is None:
                    return retry
            if why_not.rule == "other-event" and not _of_person(draft.q.text, self.docs):
                # a notice's or an encyclopedia's date said in other words than the question's
                # (「完工」: 「竣工」, 「搬走」: 「转移」) answers with its quote; only a person's
                # other event (「…毕业于…」 for 「哪一年开始担任区长」) is no answer (pooled policy
                # notices: 0 of 110 unanswerable questions refused by it, 6 answerable ones)
                return draft
        return draft if why_not is None else draft.refuse(why_not, self.name)

    def _answers_instead(self, draft: Draft, cand, entity: str, years: list[str]) -> bool:
        """A runner-up, of any document, for a best sentence refused as about another entity or
        another year: it names the entity and covers the question as well (「到2028年，国家级工业
        互联网平台最少要有几个」 over an interview's 「国家级的至少要有2个」: 「培育市级以上工业互联网
        平台15个，其中国家级平台不少于2个」), or, close to it in its own document, it says the asked
        years and the asked noun (「园区2024年全年产值达到多少」: 「2024年，园区实现产值512亿元」).
        Not for a yes or no, which another sentence would say of something else."""
        top, tuning = draft.candidates[0], self.docs.tuning
        if entity:
            return (cand.score >= tuning.entity_runner_up * top.score and cand.coverage >= top.coverage
                    and self.docs.mentions(cand, entity))
        return (cand.source == top.source and cand.score >= tuning.second_sentence * top.score
                and all(y in cand.norm for y in years) and all(term_credit(a, cand.norm) > 0 for a in draft.q.asked))


# rules that read the best sentence alone for the asked event, time or unit: a runner-up may pass
# them (and the level rule, by a runner-up that names the asked level: one that names no level
# passes it unasked, as it does the designation rule)
_EVERYDAY = 5_000  # occurrences in jieba's dictionary: a word this common is a user's own wording
_ONE_SENTENCE = frozenset({"other-event", "no-time", "unit", "per-unit"})
_FAR_REACH = 5  # the best sentence and four runners-up, for another entity or year


class Caveat(Stage):
    """Notes under the short answer, the quotes they need, and 「是的。」/「不是。」 in front."""

    name = "caveat"

    def __call__(self, draft: Draft) -> Draft:
        docs, q, short = self.docs, draft.q, draft.short
        evidence, notes = list(draft.evidence), list(draft.notes)
        premise = false_premise(q.text, [c.norm for c in evidence])
        if premise:
            notes.append(premise)
        evidence = evidence[: max(3, sum(1 for c in evidence if c.item))]
        unknown = [n for n in q.names if docs.unknown(n)]
        unknown += [f"{y}年" for y in re.findall(r"(?:19|20)\d\d(?=年)", q.text)
                    if q.qtype == "when" and not any(y in c.norm for c in evidence)]
        if unknown:
            notes.append(f"注意：资料中没有提到“{'、'.join(unknown)}”，与问题的前提不符；以上为资料记载的情况。")
        conflict = draft.conflict
        if conflict is not None:
            notes.append(conflict.note())
            stated = {(r.source, r.start): r for r in conflict.roles}.values()
            sentences = [role_sentence(docs.index, r) for r in stated]
            evidence += [c for c in sentences if c not in evidence][:2]
        if q.qtype == "yesno":
            # 「…接入成渝经济圈了吗？」: say yes only when the best sentence states it; a premise the
            # documents contradict or never mention is a no
            lead = list_lead(docs.index, draft.candidates[0])
            top = draft.candidates[0]
            verdict = stated_verdict(q.text, docs.index.documents[top.source].text, top.start)
            if verdict:
                # 「答：不能。购房奖励仅限…」: the document's own yes or no, in its words
                short = short if short.startswith(verdict) else f"{verdict}。{short}"
            elif notes or denied(q, draft.candidates[0].norm):
                short = f"不是。资料记载：{short}"
            elif bound_fit(q, draft.candidates[0].norm) == -1:
                # 「我今年62了，还能考吗」 of 「年龄不超过60周岁」: the asker's figure misses the bound
                short = f"不是。资料记载：{short}"
            elif frequency_fit(q.text, draft.candidates[0].norm) == -1:
                # 「是每个月发一次吗」 of 「按季度发放」: paid in another period
                short = f"不是。资料记载：{short}"
            elif denied(q, normalize_query(lead)) or excludes(normalize_query(lead)):
                # 「…是否可以领补贴」 of an item under 「有下列情形之一的，不予发放补贴：」: its lead says no
                # (「還可以領敬老津貼嗎」 under 「有下列情形之一者，不予發放：」, whatever verb it denies with)
                short = f"不是。资料记载：{unnumbered(lead).rstrip(':：')}：{short}"
            elif lead and range_fit(top.norm, q.text) == 1:
                # 「我75岁了，办继承公证能便宜点吗」 of an item whose range holds the asker's figure (「2. 70周岁
                # 及以上老年人申办遗嘱、继承公证的；」) under a lead that grants (「有下列情形之一的，减半收取公证费：」)
                short = f"是的。资料记载：{unnumbered(lead).rstrip(':：')}：{short}"
            elif (draft.candidates[0].coverage >= docs.tuning.yes_coverage and _states_verb(q, draft.candidates[0])
                  and not self._unsaid_noun(q, draft.candidates[0].source)):
                short = f"是的。{short}"
        return replace(draft, short=short, evidence=tuple(evidence), notes=tuple(notes),
                       settled=True, decided_by="extract")

    def _unsaid_noun(self, q, source: str) -> str:
        """A noun of the question that no document uses nor writes a short form of, and that is no
        everyday word (「蓠江退役军人买房有没有购房补贴」: 购房补贴 with only 创业补助 in the notice): a
        「是的」 would affirm what the documents never say. For a notice (a document with a title
        line), what that notice never says: another city's notice may say it."""
        notice = self.docs.document_norm(source) if self.docs.title_line(source) else ""
        for word, flag in self.docs.index.segmenter.tagged(q.text):
            if not (flag in ("n", "nz") and len(word) >= 2 and word not in q.names and general_frequency(word) <= _EVERYDAY):
                continue
            if (not written(word, notice) and not abbreviates(word, notice)) if notice else (
                    self.docs.unknown(word) and not self.docs.shortened(word)):
                return word
        return ""


def _of_person(question: str, docs) -> bool:
    """The question names a person (LAC's PER), not a place the documents give a level
    (「溥城」, which LAC reads as a person, of 「溥城区」)."""
    return any(token.tag == "PER" and not docs.leveled_place(token.text) for token in entities.tokens(question))


def _states_verb(q, top) -> bool:
    """The sentence says the question's last event verb (「…可以補發嗎」: 补发), or the question has
    none: a 「是的」 needs the thing asked, not only its topic (「紙本券領取：…」 says no 补发)."""
    verbs = [v for v in q.focus_verbs if len(v) >= 2 and v not in GENERIC_VERBS and not _A_NOT_A.fullmatch(v)]
    return not verbs or term_credit(verbs[-1], top.norm) > 0


_A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")


__all__ = ["Caveat", "Check"]
