"""Labelled fields: 「牵头单位：市发展和改革委员会；配合单位：市工业和信息化局、市商务局。」

Implementation plans and notices end a task or an item with fields written as a label, a colon
and a value (牵头单位/配合单位/责任单位, 联系人, 咨询电话, 申报时间). A question about the item
(「产业链协同数字化那项任务是哪个部门牵头的？」) matches the item's description, not the field,
which shares only the label's verb with it; the field is read from the paragraph of the
sentence that matches. `labelled_field` is the stage's one entry point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.lexicon import entities
from agent.offline.extract.figures import durations
from agent.offline.gather.evidence import Candidate
from agent.offline.gather.neighbours import sentence_spans
from agent.offline.gather.rank import ASKS_CLOCK, CLOCK, COMPLAINT, TIME
from agent.offline.understand.contact import (
    CONTACT_HEADS,
    NUMBER,
    NUMBERED_HEAD,
    asked_contact,
    contact_heads_like,
)
from agent.offline.understand.question import DURATION_ASKED, Question
from ingest.normalize import normalize
from ingest.reader import LoadedIndex

# a label opens a sentence or follows a comma or semicolon: 2–16 characters (「县防止返贫监测帮扶热线」), a colon, the value up
# to the next semicolon or full stop (normalised text: ASCII punctuation)
# up to the next semicolon or full stop, or the comma before the next label (「联系人:张伟,联系电话:…」); a
# colon between digits is a time of day in the value (「0943-6218375（工作日8:30—12:00）」)
_FIELD = re.compile(
    r"(?:^|(?<=[,;。]))\s*(?P<item>[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）])?"
    r"([\u4e00-\u9fff]{2,16})\s*:\s*((?:[^;。:]|(?<=\d):(?=\d))+?)\s*(?=[;。]|,\s*[\u4e00-\u9fff]{2,8}\s*:|$)")
# questions that ask for a value (a name, place, time or figure), not a reason or a yes/no
_ASKS_VALUE = ("who", "which", "list", "fact", "where", "when", "number")
@dataclass(frozen=True)
class Field:
    label: str  # normalised (Simplified)
    value: str  # as written
    sentence: Candidate  # the sentence that holds the field, to quote


def labelled_field(q: Question, index: LoadedIndex, candidates: list[Candidate], depth: int = 3) -> Field | None:
    """The field whose label's modifier the question names (「牵头」 in 「哪个部门牵头」 → 牵头单位),
    in the paragraph of one of the ``depth`` best sentences, best first; none when that sentence
    answers itself (it holds the label's words) or the question already holds the value."""
    if q.qtype not in _ASKS_VALUE:
        return None
    # 「补助的洽询电话是多少」 asks the phone: not the 「补助对象：」 field, whose modifier it names too
    contact = asked_contact(q)
    complaint = COMPLAINT.search(q.text) is not None
    # the best sentences' paragraphs hold no labelled field (an interview's prose over a plan's task
    # paragraph, 「…配合单位：市科技局、…」, for 「这项任务配合的部门都有谁」): the best of the next
    # sentences whose paragraph holds the asked one
    # (who or what, not a figure or a date: 「最少得有多少户社员才能申报」 is no 「申报时间：」)
    best = [_paragraph_fields(index, c) for c in candidates[:depth]]
    unlabelled = q.qtype in ("who", "which", "list") and not contact and not any(best)
    for rank, cand in enumerate(candidates[: _DEEPER if unlabelled else depth]):
        if rank >= depth and cand.coverage < _DEEPER_COVERAGE * candidates[0].coverage:
            continue  # (a sentence further down that names much less of the question: another bank's 「英文名：」)
        fields = [f for f in (best[rank] if rank < depth else _paragraph_fields(index, cand))
                  if ((_asked(q.text, f.label) and (not contact or f.label.endswith(contact))) or (contact and _office_line(q, f)))
                  and normalize(f.value).text not in q.text and _of_asked_type(q, f.value)
                  # (「城管说了还不改的话罚多少」: not 「城管服务热线：12319」, a contact the question does not ask)
                  and not (q.wants_number and f.label.endswith(CONTACT_HEADS) and not any(h in q.text for h in CONTACT_HEADS))
                  # (a line for complaints, 「纪检监督电话：…」, answers only a question about complaining)
                  and (complaint or not COMPLAINT.search(f.label))]
        # (a value of another type answers nothing: 「报名地点：…」 for 「报名截止到哪天」)
        if any(f.label[:2] in cand.norm for f in fields) and not any(f.sentence.start == cand.start for f in fields):
            return None  # 「由市委网信办牵头」: the sentence says it itself
        if fields:  # the field whose label's head the question names last, next to its question
            # word (「联系人是谁」: 联系人; 「联系人电话是多少」: 联系电话), then the item's own: the
            # first at or after the sentence, else the nearest before
            return min(fields, key=lambda f: (-q.text.rfind(f.label[-2:]), f.sentence.start < cand.start,
                                              abs(f.sentence.start - cand.start)))
    return _contact_field(q, index, candidates[:depth])


_DEEPER = 30  # sentences looked through for a labelled field when the best ones' paragraphs have none
_DEEPER_COVERAGE = 0.75  # of the best sentence's coverage of the question, at least, for one of them


def _office_line(q: Question, f: Field) -> bool:
    """A contact line labelled by the office it reaches (「罘浥市残联康复部：0943-6218375」), an office
    the question names (「残联那边…打哪个号码」; a word of it, not the place), not by a phone's own label
    (「纪检监督电话：…」, read as such above)."""
    heads = asked_contact(q)
    phone = contact_heads_like("电话")
    return bool(set(heads) & set(phone)) and not f.label.endswith(tuple(phone)) and NUMBER.match(f.value.strip()) is not None and any(
        len(t) >= 2 and t not in q.names and not any(h in t for h in heads) and t in f.label for t in q.terms)


def _of_asked_type(q: Question, value: str) -> bool:
    """A date or time for a when-question, a figure for a figure question; any value else."""
    if q.qtype == "when" and ASKS_CLOCK.search(q.text):
        return CLOCK.search(normalize(value).text) is not None  # 「几点前入馆」: not 「7月1日至8月31日期间」
    if q.qtype == "when":
        return TIME.search(normalize(value).text) is not None
    if q.wants_number:
        return re.search(r"\d", value) is not None
    if q.unit == DURATION_ASKED:
        return bool(durations(normalize(value).text))  # 「社保得连着交多久」: not 「申请方式：通过…小程序…」
    # 「去哪儿咨询」「找哪个科室咨询」: not 「咨询电话：0762-5591023」 (a contact question asks for it)
    return bool(asked_contact(q)) or _PHONE.fullmatch(value.strip()) is None


_PHONE = re.compile(r"[\d\s\-－—()（）转、/]{5,}")


def _contact_field(q: Question, index: LoadedIndex, candidates: list[Candidate]) -> Field | None:
    """「对公示名单有异议，应打哪个电话？」: the best sentences say what the question is about, the
    contact lines that close their section (「联系电话：0596-8812703」) say the asked contact; the
    first field with the asked head after the best sentence, before the next heading of its rank
    or a higher one; else the document's only such field. Only when neither the best sentence
    nor its section heading names such a contact (they answer themselves) and no field's label
    has a modifier the question names."""
    heads = list(asked_contact(q))
    if not heads or not candidates:
        return None
    top = candidates[0]
    doc = index.documents[top.source]
    before = [h for h in doc.headings if h.level >= 1 and h.start <= top.start]
    said = top.norm + (normalize(before[-1].title).text if before else "")
    if any(h in said for h in heads) and (not NUMBERED_HEAD.search("".join(heads)) or NUMBER.search(top.norm)):
        return None  # the best sentence says it itself, or its section does (「十一、咨询电话」);
        # a phone it names without a number (「咨询电话详见平台」) is not said
    complaint = COMPLAINT.search(q.text) is not None
    fields = [f for f in _lines_fields(index, top.source) if f.label.endswith(tuple(heads))
              and (complaint or not COMPLAINT.search(f.label))]  # (「纪检监督电话」: for complaints only)
    level = before[-1].level if before else 0
    stop = next((h.start for h in doc.headings if h.start > top.end and 1 <= h.level <= max(level, 1)), len(doc.text))
    following = [f for f in fields if top.end <= f.sentence.start < stop]
    if following:
        return following[0]
    # (the notice's contact lines, at its end: the one whose label says what the question does,
    # 「巨大垃圾預約專線：…」 for 「打哪支電話預約」, not the office's 「電話：…」 above it)
    named = [f for f in fields if any(len(t) >= 2 and t not in heads and t in f.label for t in q.terms)]
    if len(named) == 1:
        return named[0]
    return fields[0] if len(fields) == 1 else None


def _lines_fields(index: LoadedIndex, source: str) -> list[Field]:
    """Every field of the document's lines that hold a label, in text order."""
    text = index.documents[source].text
    out, at = [], 0
    for line in text.splitlines(keepends=True):
        if ":" in line or "：" in line:
            begin = at + len(line) - len(line.lstrip())
            here = Candidate(source, begin, begin + len(line.strip()), line.strip(), "", 0, 0.0, 0.0, 0.0, ())
            out += _paragraph_fields(index, here)
        at += len(line)
    return out


def _asked(question: str, label: str) -> bool:
    """The question names the label's modifier, its first two characters (「牵头单位」: 牵头;
    「咨询电话」: 咨询), so 「哪个单位」 alone matches no label."""
    return len(label) >= 3 and label[:2] in question and is_label(label)


def is_label(words: str) -> bool:
    """A field's label is a common noun phrase (LAC tags n, nz, vn; a noun last): 「牵头单位」
    「联系电话」「校本课程」, not what opens a quotation or a list (「王守仁说」「宪法同时规定」
    「高句丽有五部」) nor a name (「印度河文明」: LOC + n)."""
    tags = [t.tag for t in entities.tokens(words)]
    return 0 < len(tags) <= 3 and all(tag in _LABEL_TAGS for tag in tags) and tags[-1] in ("n", "nz")


_LABEL_TAGS = frozenset({"n", "nz", "vn"})  # LAC: common noun, other proper noun, verbal noun


def _paragraph_fields(index: LoadedIndex, cand: Candidate) -> list[Field]:
    """Every field of the sentences in ``cand``'s paragraph (its line), in text order."""
    text = index.documents[cand.source].text
    start = text.rfind("\n", 0, cand.start) + 1
    end = text.find("\n", cand.end)
    end = len(text) if end < 0 else end
    if ":" not in text[start:end] and "：" not in text[start:end]:
        return []  # no label in the paragraph: nothing to normalise (every question comes here)
    out = []
    for a, b in sentence_spans(index, cand.source, start, end):
        original = text[a:b]
        norm = normalize(original)
        sentence = Candidate(cand.source, a, b, original, norm.text, cand.rank, 0.0, 0.0, 0.0, ())
        for m in _FIELD.finditer(norm.text):
            if m.group("item") and not m.group(2).endswith(CONTACT_HEADS):
                continue  # a numbered section put as a label (「一、补助对象：…」) is no field; a
                # numbered contact line is (「八、洽詢專線：(03)556-2107」)
            start, end = norm.original_span(*m.span(3))
            out.append(Field(m.group(2), original[start:end], sentence))
    return out


__all__ = ["Field", "labelled_field"]
