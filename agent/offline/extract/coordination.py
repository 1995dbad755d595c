"""The item a question leaves out of a list it quotes: 「申请时要交身份证、户口簿以及什么材料？」 over
「申请人应提交身份证、收入证明和户口簿等材料」 is 收入证明.

The question names some items of a coordination and asks the rest by a question word joined to
them (「…以及什麼」「和哪一種…」「與哪一國」); the best sentence coordinates the same items with
others. Items are cut by jieba's words, not characters (「和平」「参与」 hold no conjunction), and an
item at either end of the sentence's list is its noun phrase next to the conjunction (「市财政对家庭
农场和农机合作社给予奖励」: 家庭农场). Measured on DRCD dev 1,000 (87 questions of this form): F1 of
the first line 0.238 → 0.280, span in the first line 84.0% → 83.8%.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from agent.offline.gather.evidence import Candidate
from agent.offline.understand.question import Question
from ingest.normalize import normalize

# a conjunction or the enumeration comma right before the question word (「、」「以及」「和」「與」…)
_ASKED = re.compile(r"(?:、|以及|及|和|与|跟|或)(?:其他的?)?(?:什么|哪)")
_CONJUNCTIONS = frozenset({"、", "和", "与", "及", "以及", "或", "跟", "或者"})
# jieba's flags of the words a noun phrase is made of (nouns, names, nominal verbs, abbreviations,
# distinguishing words, set phrases, Latin letters)
_NOMINAL = frozenset({"n", "nr", "ns", "nt", "nz", "nw", "ng", "vn", "an", "j", "b", "l", "eng", "s"})
# jieba's flags of words no item is (prepositions, conjunctions, particles, adverbs, pronouns,
# numerals, measure words)
_FUNCTION = frozenset({"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "r", "m", "q", "x", "y", "e", "o"})
_BREAKS = re.compile(r"[，,。；;：:！!？?（）()「」“”《》\s]")

Tagger = Callable[[str], Sequence[tuple[str, str]]]


def left_out_items(q: Question, cand: Candidate, tagged: Tagger) -> str:
    """The items of the best sentence's list the question does not name, as the sentence writes
    them (joined by 、), or "" when the question asks no such item or the sentence lists none."""
    asked = _ASKED.search(q.text)
    if asked is None or q.qtype in ("when", "why", "yesno", "number", "calc"):
        return ""  # (「什么时候与…合并」 asks a time, not an item)
    segment = _BREAKS.split(q.text[: asked.start()])[-1]
    named = [item for item in _items(segment, tagged) if len(item) >= 2]
    if not named:
        return ""
    for text, start in _clauses(cand.norm):
        items = _spans(text, start, tagged)
        if len(items) < 2:
            continue
        known = [any(n in cand.norm[s:e] or cand.norm[s:e] in n for n in named) for s, e in items]
        if not any(known) or all(known):
            continue
        left = [i for i, k in enumerate(known) if not k and items[i][1] - items[i][0] >= 2]
        if not left:
            continue
        original = normalize(cand.text)
        if left == list(range(left[0], left[-1] + 1)):
            # side by side, as the sentence writes them (「升悦居、泓景台和宇晴轩」)
            return cand.text[slice(*original.original_span(items[left[0]][0], items[left[-1]][1]))]
        return "、".join(cand.text[slice(*original.original_span(*items[i]))] for i in left)
    return ""


def _clauses(norm: str) -> list[tuple[str, int]]:
    """The sentence's clauses (between punctuation other than 「、」) with their offsets."""
    out, start = [], 0
    for found in _BREAKS.finditer(norm + "。"):
        if found.start() > start:
            out.append((norm[start : found.start()], start))
        start = found.end()
    return out


def _items(text: str, tagged: Tagger) -> list[str]:
    """The question's own items before its question word (「身份证、户口簿」): the noun phrase
    before the first conjunction, the words between the others."""
    runs = [run for run in _runs(text, tagged) if run]
    return ["".join(w for w, _, _ in (_noun_phrase(run, at_end=True) if i == 0 else run)) for i, run in enumerate(runs)]


def _runs(text: str, tagged: Tagger) -> list[list[tuple[str, str, int]]]:
    """The words of ``text`` between conjunctions (a conjunction word or 「、」, which jieba's tags
    drop), each with its offset."""
    runs: list[list[tuple[str, str, int]]] = [[]]
    lowered, at = text.lower(), 0
    for word, flag in tagged(text):
        found = lowered.find(word, at)
        if found < 0:
            continue
        if "、" in text[at:found] and runs[-1]:
            runs.append([])
        at = found + len(word)
        if word in _CONJUNCTIONS:
            runs.append([])
        else:
            runs[-1].append((word, flag, found))
    return runs


def _noun_phrase(run: list[tuple[str, str, int]], at_end: bool) -> list[tuple[str, str, int]]:
    """The nominal words at the end of ``run`` (before a conjunction) or at its start (after one);
    a word of another content class when it stands there alone (「组织」 v), and words of one
    character read together (a rare name jieba cuts into characters)."""
    # (a measure word after a noun is its last character: 「低收入|戶」)
    nominal = [flag in _NOMINAL or (flag == "q" and i > 0 and run[i - 1][1] in _NOMINAL) for i, (_, flag, _) in enumerate(run)]
    if not at_end and len(run) > 1 and run[0][1] == "a" and nominal[1]:
        nominal[0] = True  # an adjective before its noun (「特殊|境遇|家庭」)
    words, flags = (run[::-1], nominal[::-1]) if at_end else (run, nominal)
    taken = []
    for word, is_noun in zip(words, flags):
        if not is_noun:
            if at_end and taken and word[1] == "a":
                taken.append(word)  # an adjective before its noun (「旧|小区」)
            break
        taken.append(word)
    if not taken and words and words[0][1] not in _FUNCTION:
        taken = [words[0]]
    while taken and sum(len(w[0]) for w in taken) < 2 and len(taken) < len(words) and words[len(taken)][1] not in _FUNCTION:
        taken.append(words[len(taken)])
    return list(reversed(taken)) if at_end else taken


def _spans(text: str, offset: int, tagged: Tagger) -> list[tuple[int, int]]:
    """The items of a clause's list as (start, end) in the sentence: the first its noun phrase
    before the first conjunction, the last its noun phrase after the last one, the others whole."""
    runs = _runs(text, tagged)
    while runs and not runs[0]:
        runs = runs[1:]  # (「或称…」: a conjunction that opens the clause joins no items in it)
    if len(runs) < 2:
        return []
    out = []
    for i, run in enumerate(runs):
        if i == 0:
            run = _noun_phrase(run, at_end=True)
        elif i == len(runs) - 1:
            run = _noun_phrase(run, at_end=False)
        if not run:
            return []  # a conjunction of clauses or verbs (「並且…」), not of nouns
        out.append((offset + run[0][2], offset + run[-1][2] + len(run[-1][0])))
    return out
