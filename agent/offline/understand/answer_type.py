"""What kind of answer a question wants, and where its question word stands. Plain Python.

A Chinese question is usually a statement with the answer replaced by a question word:
「生命数耗完即算为什么？」 ← 「生命数耗完即算为踢爆」. `asked_slot` finds that word, so the
answer can be looked for where the rest of the question lines up with a sentence
(agent/offline/extract/span.py), and names the type of span that fills it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (type, pattern) in priority order; the first pattern found in the question wins. The types:
#   person, time, number, place, entity (a named thing of the kind after 哪/什么), definition
#   (「X是什么」), reason, manner, yesno, other.
_SLOTS: list[tuple[str, re.Pattern]] = [
    # 「…即算为什么？」「…的面积为什么地形？」: 为+什么 (is what) when only nouns follow it
    # (`_copula_what`); a why-question goes on with its predicate (「为什么要…」)
    ("reason", re.compile(r"为什么|为何|什么原因|何故|why", re.I)),
    ("yesno", re.compile(r"是否|是不是|有没有|能否|可否|会不会|吗[?？]?$")),
    ("time", re.compile(
        r"(?:西元|公元)(?:几|多少)年|什么时候|什么时间段?|什么时段|何时|哪一?个?(?:年|天|日|月|个月|年代|世纪|朝代|时期|季|季度|时间段|时段)|几月|几号|几点|几时|多少年(?=[?？]?$)|"
        r"什么年代|哪个年代|何年|when|what (?:year|date|time)", re.I)),
    ("number", re.compile(
        r"百分之几|几成|第几|多少|几(?=[\u4e00-\u9fff])|多[大高长久远重快深宽厚]|how (?:many|much|long|old|far|big)", re.I)),
    ("place", re.compile(r"哪里|哪儿|何处|何地|什么地方|在哪|哪个?(?:国家|城市|地区|省份?|市|县|区|州|国|洲|地方)|哪国|where", re.I)),
    ("person", re.compile(r"谁|哪位|哪一位|什么人|哪个人|哪些人|who", re.I)),
    ("manner", re.compile(r"怎么|怎样|如何|how", re.I)),
    ("definition", re.compile(r"(?:是|指|叫|称为|意思是|意为|含义是)(?:什么|啥)(?:意思)?[?？]?$|what is|what are", re.I)),
    ("entity", re.compile(r"哪(?:一|些|几)?[个家种类项场次部本座所条首名支只款]?|什么|何种|which|what", re.I)),
]


@dataclass(frozen=True)
class Slot:
    """The question word: its type, its place in the question, and the noun it asks for."""

    kind: str  # person, time, number, place, entity, definition, reason, manner, yesno, other
    start: int
    end: int
    noun: str = ""  # 「哪个国家」: 国家; 「多少公分」: 公分 (the measure word)

    def left(self, question: str) -> str:
        return question[: self.start]

    def right(self, question: str) -> str:
        return question[self.end :].rstrip("？?。!！ 呢吗了")


def asked_slot(question: str) -> Slot:
    """The question word of ``question`` (normalised Simplified text) and the answer type."""
    question = question_words_only(question)
    for kind, pattern in _SLOTS:
        found = pattern.search(question)
        if found is None:
            continue
        if kind == "reason" and found.group() == "为什么" and _copula_what(question, found):
            continue  # the entity pattern finds its 什么
        start, end = found.span()
        noun = ""
        if kind in ("entity", "number"):
            noun = _noun_after(question, found, kind)
        return Slot(kind, start, end, noun)
    return Slot("other", len(question), len(question))


def _copula_what(question: str, found: re.Match) -> bool:
    """「为什么」 read as 为 (is, as) + 什么 (what): nothing but nouns after it to the end of the
    question (「生命数耗完即算为什么？」「被聘为什么职务？」「作为什么用途？」), by LAC's words; a
    why-question goes on with a predicate (「为什么要…」「为什么被称为…」) or asks 「是为什么」.
    CMRC 2018 trial and DRCD dev: 18 such what-questions in the first 2,000 were read as why."""
    if question[: found.start()].endswith("是"):
        return False
    from agent.lexicon import entities  # the LAC tagger, loaded on first use

    rest = [t for t in entities.tokens(question) if t.start >= found.end() and t.text.strip("？?。!！ 呢")]
    return all(t.tag in _NOUN_TAGS and t.tag != "q" for t in rest)


# LAC's tags of a word whose 几 asks 「how many」: 几个/几年 (m), 几月几日 (TIME), a pronoun or measure
_ASKING = ("m", "TIME", "r", "q")


def question_words_only(question: str) -> str:
    """``question`` with the 几 of words that ask nothing masked (「几何光学」「几乎」「几内亚」, by the
    NER tagger's words and tags), offsets unchanged: DRCD dev's 「…对几何光学…的概念？」 was read
    as a figure question."""
    if "几" not in question:
        return question
    from agent.lexicon import entities  # the LAC tagger, loaded on first use

    chars = list(question)
    for token in entities.tokens(question):
        # (「几个月」 is a noun to LAC, yet asks: 几个 asks whatever follows)
        if "几" in token.text and token.tag not in _ASKING and not token.text.startswith("几个"):
            for i in range(token.start, min(token.end, len(chars))):
                chars[i] = "_" if chars[i] == "几" else chars[i]
    return "".join(chars)


def _noun_after(question: str, found: re.Match, kind: str) -> str:
    """The measure word or noun right after the question word, by LAC's words: 「多少公分」: 公分,
    「几个国家」: 个, 「哪个经济圈」: 经济圈. Nothing when a particle or verb follows (「由于什么的宪法
    改革」「什么又为」) or the question word's pattern cut into a word (「哪一部分」); two characters
    taken blindly made 的宪, 又为 and 分持 asked kinds (DRCD dev)."""
    from agent.lexicon import entities  # the LAC tagger, loaded on first use

    pieces: list[str] = []
    allowed = _NOUN_TAGS | _MEASURE_TAGS if kind == "number" else _NOUN_TAGS
    for token in entities.tokens(question):
        if token.end <= found.end():
            continue
        if token.start < found.end():  # a word the pattern cut: 几个 (m) leaves 个
            if kind != "number" or token.tag not in _MEASURE_TAGS:
                return ""
            return question[found.end() : token.end]
        if token.tag not in allowed or (pieces and kind == "number"):
            break
        pieces.append(token.text)
        if len(pieces) == 2:
            break
    return "".join(pieces)


# LAC's tags of a word that names the asked kind (nouns, names, titles, nominal verbs, measure
# words) and of the measure word a 「几个」 leaves
_NOUN_TAGS = frozenset({"n", "nz", "nw", "vn", "an", "LOC", "ORG", "PER", "q"})
_MEASURE_TAGS = frozenset({"m", "q"})


__all__ = ["Slot", "asked_slot", "question_words_only"]
