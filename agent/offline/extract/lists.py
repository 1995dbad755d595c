"""List questions (「有哪些…」): the items of the enumeration the best sentence starts, of the
numbered block it is in, or the sentence's own list as written."""

from __future__ import annotations

import re

from agent.lexicon.wordlists import words
from agent.offline.extract.answer_clause import items_clause, reported_speech, whole
from agent.offline.extract.blocks import block_at
from agent.offline.extract.figures import list_items, ordinal_items
from agent.offline.gather.credit import term_credit
from agent.offline.gather.evidence import Candidate
from agent.offline.gather.neighbours import next_sentence
from agent.offline.understand.question import Question
from ingest.normalize import normalize_query
from ingest.reader import LoadedIndex

# a term that ends like a place or an institution's name (agent/lexicon/name_suffixes.txt)
_NAMEISH = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:" + "|".join(map(re.escape, words("name_suffixes"))) + ")$")


def list_answer(index: LoadedIndex, q: Question, candidates: list[Candidate],
                evidence: list[Candidate]) -> tuple[str, list[Candidate]]:
    """The short answer of a list question and the sentences to quote for it."""
    top = introducing(q, candidates)
    if top is not candidates[0]:
        candidates = [top] + [c for c in candidates if c is not top]
        evidence = [top] + [c for c in evidence if c is not top]
    group = enumeration(index, top, candidates)
    if len(list_items(top.norm)) < 2:
        # 「…共同开发低空领域智能解决方案。空域动态调度、无人机智能驾驶…等应用将…」
        following = next_sentence(index, top)
        if following is not None and len(list_items(following.norm)) >= 2 and any(
            term_credit(w, following.norm) for w in (*q.focus, *q.terms)
        ):
            group = [top, following]
    evidence = group + [c for c in evidence[1:] if c not in group]
    # items of the enumeration the best sentence starts, never pooled from unrelated
    # sentences (「他精通英语、法语…」 + 「…在土伦、尼斯…完成了学业」)
    items = [i for c in group for i in list_items(c.norm, q.kind, term_credit)]
    lines = block(index, q, candidates[:6], len(items) >= 2)
    if lines:
        evidence = lines + [c for c in evidence if c not in lines]
        items = [normalize_query(b.item) for b in lines]
        evidence = evidence[: max(3, len(lines))]
        short = "、".join(dict.fromkeys(items))
    elif len(group) > 1 and len(counted := ordinal_items("".join(c.norm for c in group))) >= 2:
        # 「其职能有四个方面：一是…；二是…；三是…」 over ；-joined sentences: the run as written
        whole_run = Candidate(top.source, top.start, group[-1].end, "".join(c.text.strip() for c in group),
                              "".join(c.norm for c in group), top.rank, 0.0, 0.0, 0.0, ())
        short = items_clause(whole_run) or "".join(counted)
    elif len(group) > 1 and len(items) >= 2:
        short = "、".join(dict.fromkeys(items))
    else:
        # one sentence holds the list: as written, whole (「英语、法语和意大利语」 keeps its 和 and
        # its context); chopped into items it lost the span on the CMRC 2018 trial (list
        # questions: span in the first line 13% chopped, 69% whole), and the clauses of its
        # items alone lost the list's own lead and tail (「本鱼分布于西太平洋区，包括菲律宾、…等海域」)
        short = reported_speech(q, top.norm) or whole(top)
    return short, evidence


def introducing(q: Question, candidates: list[Candidate], near: float = 0.85) -> Candidate:
    """The best sentence, or a close runner-up of its document whose list the asked noun
    itself introduces (「主要支流有：麦曲、桑曲…」 over a sentence listing the counties a river
    flows through, for 「拉萨河的支流有哪些」)."""
    top = candidates[0]
    if not q.focus or _introduced(q.focus, top.norm):
        return top
    for cand in candidates[1:3]:
        if cand.source == top.source and cand.score >= near * top.score and _introduced(q.focus, cand.norm):
            return cand
    return top


def _introduced(focus: tuple[str, ...], norm: str) -> bool:
    """The sentence lists items right after naming one of ``focus`` (「支流有：」「方式包括」)."""
    for word in focus:
        at = norm.find(word)
        if at >= 0 and _INTRODUCER.match(norm, at + len(word)) and len(list_items(norm[at:])) >= 2:
            return True
    return False


_INTRODUCER = re.compile(r"(?:主要|分别|共|一共)?(?:有|包括|包含|为|是)?(?:[一二三四五六七八九十两\d]+[个种类项条大])?[：:]"
                         r"|(?:主要|分别)?(?:有|包括|包含)")


def enumeration(index: LoadedIndex, top: Candidate, candidates: list[Candidate]) -> list[Candidate]:
    """The sentence and its ；-joined neighbours in the same paragraph (lists across sentences)."""
    text = index.documents[top.source].text
    group = [top]
    by_start = {(c.source, c.start): c for c in candidates}
    cursor = top
    while text[cursor.start : cursor.end].rstrip().endswith(("；", ";")):
        nxt = next_sentence(index, cursor)
        if nxt is None:
            break
        group.append(by_start.get((nxt.source, nxt.start), nxt))
        cursor = nxt
    return group


def block(index: LoadedIndex, q: Question, tops: list[Candidate], have_list: bool) -> list[Candidate]:
    """The numbered block (「（一）…阶段」, annex lines) one of the best sentences is in or
    heads, narrowed to the lines with the question's distinguishing words (「临港区」)."""
    for rank, cand in enumerate(tops):
        text = index.documents[cand.source].text
        lines = block_at(text, cand.start)
        if not lines:
            continue
        norms = [normalize_query(text[b.start : b.end]) for b in lines]
        # a name the document's title gives (「乐山市」 of 「…乐山市专精特新…的通知」) is what the
        # whole document is about, not what tells its items apart
        # (the issuer's line over a two-line title names it too: 「岚溪市人力资源和社会保障局」)
        head = " ".join([line for line in text.splitlines() if line.strip()][:2])
        title = normalize_query(f"{index.documents[cand.source].meta.title or ''} {head}")
        names = [t for t in q.terms if (t in q.names or _NAMEISH.match(t)) and t not in title]
        narrowing = [t for t in names if 0 < sum(term_credit(t, n) >= 0.9 for n in norms) < len(norms)]
        chosen = [b for b, n in zip(lines, norms) if any(term_credit(t, n) >= 0.9 for t in narrowing)]
        # the items are of the asked kind, or the block's heading line names it (「一、申报条件」
        # over 「（一）…；（二）…」 for 「需要满足哪些条件」)
        above = text[text.rfind("\n", 0, max(0, lines[0].start - 1)) + 1 : max(0, lines[0].start - 1)]
        fits = q.kind and (sum(term_credit(q.kind, b.item) > 0 for b in lines) * 2 >= len(lines)
                           or q.kind in normalize_query(above))
        if not (chosen or (rank < 3 and (fits or not have_list))):
            continue
        chosen = chosen or lines
        return [Candidate(cand.source, b.start, b.end, text[b.start : b.end],
                          normalize_query(text[b.start : b.end]), cand.rank, 0.0, 0.0, 0.0, (),
                          item=b.item) for b in chosen]
    return []


__all__ = ["block", "enumeration", "introducing", "list_answer"]
