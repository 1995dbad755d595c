"""Sentences around a candidate in its document: the ones before it, the next one, a role's own
sentence. Read from the index's chunk sentences, as `Candidate`s without scores."""

from __future__ import annotations

import re
from dataclasses import replace

from agent.lexicon.wordlists import words
from agent.offline.gather.evidence import QUESTION_LINE, Candidate
from ingest.normalize import normalize, normalize_query
from ingest.reader import LoadedIndex


def role_sentence(index: LoadedIndex, role) -> Candidate:
    """The sentence that states a role (「县长赵敏介绍…」), as a candidate to quote."""
    original = index.documents[role.source].text[role.start : role.end]
    return Candidate(role.source, role.start, role.end, original, normalize_query(original),
                     0, 0.0, 0.0, 0.0, ())


def previous_sentence(index: LoadedIndex, cand: Candidate) -> Candidate | None:
    before = sentences_before(index, cand, 1)
    return before[-1] if before else None


def sentences_before(index: LoadedIndex, cand: Candidate, n: int) -> list[Candidate]:
    """Up to ``n`` sentences of the same document ending before ``cand``, in text order."""
    text = index.documents[cand.source].text
    out = []
    for start, end in sentence_spans(index, cand.source, 0, cand.start)[-n:]:
        original = text[start:end]
        out.append(Candidate(cand.source, start, end, original, normalize_query(original),
                             cand.rank, 0.0, 0.0, 0.0, ()))
    return out


def sentence_spans(index: LoadedIndex, source: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``source`` that lie within ``start``..``end``, in text
    order, each once (chunks overlap)."""
    return sorted({(s.start, s.end) for chunk in index.chunks_of(source) for s in chunk.sentences
                   if start <= s.start and s.end <= end})


def next_sentence(index: LoadedIndex, cand: Candidate) -> Candidate | None:
    """The sentence after ``cand`` in the same paragraph (line), if any."""
    text = index.documents[cand.source].text
    for chunk in index.chunks_of(cand.source):
        for s in chunk.sentences:
            if s.start >= cand.end and "\n" not in text[cand.end : s.start]:
                original = text[s.start : s.end]
                return Candidate(cand.source, s.start, s.end, original, normalize(original).text,
                                 cand.rank, 0.0, 0.0, 0.0, ())
    return None


def item_body(index: LoadedIndex, cand: Candidate) -> Candidate | None:
    """For an item that opens with only a name (「（三）望舒区恒丰食品有限公司（地址：…）。」,
    then what was found there), the sentence after it on its line; None for any other sentence."""
    bare = _ITEM_OPENING.sub("", re.sub(r"[（(][^）)]*[）)]", "", cand.norm)).strip(" 。.")
    if not _ITEM_OPENING.match(cand.norm) or not _NAME_ONLY.fullmatch(bare):
        return None
    body = next_sentence(index, cand)
    return None if body is None else replace(body, rank=cand.rank, dense=cand.dense, coverage=cand.coverage,
                                              score=cand.score, covered=cand.covered)


_ITEM_OPENING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))\s*")
# a name alone: up to 24 characters ending in an institution's or a place's head (name_suffixes.txt)
_NAME_ONLY = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]{2,24}(?:" + "|".join(map(re.escape, words("name_suffixes"))) + ")")


_ANSWER_LINE = re.compile(r"^\s*(?:答|A)\s*[:：.、]")


def answer_to(index: LoadedIndex, cand: Candidate) -> tuple[Candidate, ...]:
    """For a sentence of a question line in a document of questions and answers (「问二：什么时候
    缴费？」), the sentences of the answer line after it (「答：集中缴费期为…」), first to last;
    () for any other sentence."""
    text = index.documents[cand.source].text
    line_start = text.rfind("\n", 0, cand.start) + 1
    if not QUESTION_LINE.match(text[line_start : cand.end]):
        return ()
    line_end = text.find("\n", cand.end)
    if line_end < 0:
        return ()
    answer_end = text.find("\n", line_end + 1)
    while answer_end >= 0 and not text[line_end:answer_end].strip():  # (blank lines before it)
        answer_end = text.find("\n", answer_end + 1)
    following = sentence_spans(index, cand.source, line_end, len(text) if answer_end < 0 else answer_end)
    if not following or not _ANSWER_LINE.match(text[following[0][0] : following[0][1]]):
        return ()
    return tuple(Candidate(cand.source, start, end, text[start:end], normalize(text[start:end]).text,
                           cand.rank, cand.dense, cand.coverage, cand.score, cand.covered)
                 for start, end in following)


_LABEL_HEADING = re.compile(r"\s*[一二三四五六七八九十]{1,3}[、．.]\s*[^，,。；;：:\n]{2,20}[：:]\s*")


# characters: a label heading is shorter (「五、申报材料」「（二）申请条件」)
_LABEL_LENGTH = 16
# a line of clauses ending as a sentence does (「…的，每次奖励500元。」), which no heading does
_SENTENCE_LINE = re.compile(r"[，,][^\n]*[。；;]\s*$")


def section_opening(index: LoadedIndex, cand: Candidate) -> Candidate | None:
    """For a sentence that is a whole heading line (「四、申报材料」), the first sentence of the
    section under it, unless another heading comes first; None for any other sentence."""
    doc = index.documents[cand.source]
    text = doc.text
    line_start = text.rfind("\n", 0, cand.start) + 1
    line_end = text.find("\n", cand.end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:cand.start].strip() or text[cand.end:line_end].strip():
        return None  # the sentence shares its line: body text, not a heading line
    # a heading that is the whole line (not 「第四条 本措施自…」, a clause heading with its body)
    own = [h.level for h in doc.headings
           if h.level >= 1 and line_start <= h.start < line_end and h.end >= len(text[:line_end].rstrip(" 。：:"))]
    if not own and _LABEL_HEADING.fullmatch(text[line_start:line_end]):
        own = [1]  # 「六、申報方式：」, a numbered label line over its items
    if not own or re.search(r"[:：]\s*\S", text[line_start:line_end]):
        return None  # 「二、停水時間：115年5月12日…」 says its value itself
    if _SENTENCE_LINE.search(text[line_start:line_end]):
        return None  # 「（二）举报…混合收运的，每次奖励500元。」: an item that says its own clauses
    if len(_ITEM.sub("", text[line_start:line_end]).strip()) > _LABEL_LENGTH and text[line_start:line_end].rstrip().endswith("。"):
        return None  # 「（一）新生儿监护人应当在新生儿出生后30日内申报出生登记。」: an item that says a whole sentence
    if text[line_start:line_end].rstrip().endswith(("的。", "的；", "的;", "者。")) and list_lead(index, cand):
        return None  # 「（四）已按月领取基本养老金…的。」: the last case of its lead's list, no heading
    following = sentence_spans(index, cand.source, line_end, len(text))
    if not following:
        return None
    start, end = following[0]
    if any(line_end <= h.start <= start and h.level <= own[0] for h in doc.headings):
        return None  # the next heading of its rank follows: the section has no body
    # (a deeper one opens its body: 「（一）申报表；（二）…」 under 「四、申报材料」)
    original = text[start:end]
    if own[0] >= 2 and re.match(r"\s*[一二三四五六七八九十]{1,3}、", original):
        return None  # an item line (「（三）…開徵期間為…」) followed by the next section's heading
    return Candidate(cand.source, start, end, original, normalize(original).text,
                     cand.rank, cand.dense, cand.coverage, cand.score, cand.covered)


# an enumerated item's mark (「（二）」「3.」「①」), a section's heading line (「二、不予补助的情形」), and
# the items of one list, at most, between an item and its lead line
_ITEM = re.compile(r"^\s*(?:[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]|\d{1,2}[.．、](?!\d)|[①-⑳])")
_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,3}[、．.]\s*[^，,。；;：:]{2,20}$")
_ITEMS_ABOVE = 12
_ARTICLE_ITEM = re.compile(r"^\s*[一二三四五六七八九十]{1,3}、.*[。；;]\s*$")


def list_lead(index: LoadedIndex, cand: Candidate) -> str:
    """For an enumerated item (「（二）存在严重失信行为的；」), the words that lead in to its list,
    as written: on the same line, or on the line ending with a colon above the list's items
    (「第四条 有下列情形之一的，不予发放补贴：」); "" otherwise."""
    # (a rule's items may be numbered 「一、」 as Taiwan's laws number them: 「第八條 有下列情形之一者，
    # 不予發放：」 over 「一、入住…公費安養機構者。」; such a line with a full stop is an item, one
    # without a heading)
    article = _ARTICLE_ITEM.match(cand.norm) is not None
    if not (_ITEM.match(cand.norm) or article):
        return ""
    text = index.documents[cand.source].text
    start = text.rfind("\n", 0, cand.start) + 1
    if text[start : cand.start].strip():
        return text[start : cand.start].strip()
    for _ in range(_ITEMS_ABOVE):
        if start <= 0:
            break
        above = text.rfind("\n", 0, start - 1) + 1
        line = text[above : start - 1].strip()
        if not line:
            start = above  # (a blank line between a heading and its items: 「八、不予垫付的情形」, blank, 「（一）…」)
            continue
        if line.endswith((":", "：")) or (_HEADING.match(line) and not article):
            return line  # 「第四条 有下列情形之一的，不予发放补贴：」; 「二、不予补助的情形」
        if not (_ITEM.match(line) or (article and _ARTICLE_ITEM.match(line))):
            break
        start = above
    return ""


__all__ = ["answer_to", "item_body", "list_lead", "next_sentence", "previous_sentence", "role_sentence", "section_opening", "sentence_spans", "sentences_before"]
