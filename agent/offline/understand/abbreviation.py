"""A name the documents never use, read as the full name they spell out: 「西贡商信银行」 asked
of a document that writes 「西贡商业信用银行」, 「人社局」 of one that writes 「人力资源和社会保障局」.

A Chinese abbreviation keeps characters of the full name's words, in order (商业信用 → 商信,
北京大学 → 北大). The full name is the corpus string that holds the abbreviation's characters in
that order, the first one at its start and at most `GAP` characters after each, between the same
question words on either side of it (「西贡」…「银行」), or when the documents never repeat the
question's words on both sides, beside those of one side (「云澜市经信局这次…」: 「云澜市经济和信息化局」).
Without such context, or with more than one candidate string, the name is left as asked (and
refused or noted as the documents' silence)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ingest.segment import in_dictionary, plain_words

GAP = 4  # characters of the full name after each kept one (人[力资源和]社[会保障]局)
CONTEXT = 2  # question characters on each side that the document must repeat around it
MIN_CONTEXT = 2  # at least this many of them in all
_HAN = re.compile(r"[\u4e00-\u9fff]")
# particles and copulas that join words of a sentence, not of a name: a gap never holds one
_NOT_IN_NAMES = "的是了在"
_GAP_PATTERN = f"[^\\W\\d_a-z{_NOT_IN_NAMES}]{{0,{GAP}}}?"  # what may stand between two kept characters


def expansion_pattern(question: str, name: str, sides: str = "both") -> tuple[re.Pattern, int, int] | None:
    """The pattern of ``name`` spelled out between its question context (``sides``: "both",
    "left" or "right"), with the lengths of that left and right context; None when the question
    gives too little context."""
    at = question.find(name)
    if at < 0 or len(name) < 2:
        return None
    left = _han_run(question[:at][::-1])[::-1] if sides != "right" else ""
    right = _han_run(question[at + len(name) :]) if sides != "left" else ""
    if len(left) + len(right) < MIN_CONTEXT:
        return None
    gap = _GAP_PATTERN
    body = "".join(re.escape(ch) + gap for ch in name[:-1]) + re.escape(name[-1]) + gap
    return re.compile(re.escape(left) + body + re.escape(right)), len(left), len(right)


def expand(question: str, name: str, texts: Iterable[str]) -> str:
    """The one full name ``texts`` (normalised, lower-case) spell ``name`` out as, or ""."""
    texts = list(texts)
    for sides in ("both", "left", "right"):
        found = expansion_pattern(question, name, sides)
        if found is None:
            continue
        pattern, left, right = found
        full = {m.group(0)[left : len(m.group(0)) - right] for text in texts for m in pattern.finditer(text)}
        full.discard(name)
        if full:
            return full.pop() if len(full) == 1 else ""
    return ""


def spelled_in(name: str, text: str) -> bool:
    """``text`` (one document's title, normalised) spells ``name`` out (「松禾市卫健委」 in 「松禾市卫生
    健康委员会…」): no context needed, as the text is the one the name was matched to already."""
    if len(name) < 3 or not _HAN.match(name[0]):
        return False
    gap = _GAP_PATTERN
    return re.search("".join(re.escape(ch) + gap for ch in name[:-1]) + re.escape(name[-1]), text) is not None


# characters of a longer word between two kept ones when a word is read as its abbreviation
SHORT_GAP = 2


def abbreviates(word: str, text: str) -> bool:
    """``text`` writes a word ``word`` keeps characters of, in order, at most `SHORT_GAP` apart
    (「公租房」: 公共租赁住房, 「奖金」: 奖励金), or ``word`` itself: a user's short form of the
    documents' term. Only to keep a question from being refused as asking about something the
    documents never mention; it ranks nothing."""
    return len(word) >= 2 and bool(_HAN.match(word)) and (
        _short_form(word).search(text) is not None or _by_initials(word, text) or _contracted(word, text))


@lru_cache(maxsize=4096)
def _short_form(word: str, gap_length: int = SHORT_GAP) -> re.Pattern:
    gap = f"[^\\W\\d_a-z{_NOT_IN_NAMES}]{{0,{gap_length}}}?"
    return re.compile(gap.join(re.escape(ch) for ch in word))


def _by_initials(word: str, text: str) -> bool:
    """``text`` writes words one after another that ``word`` keeps the first characters of, and a
    character of the last (「高企」: 高新技术|企业; 「医保」: 医疗|保险), the way a Chinese short form
    is made of a name's words however long they are (《现代汉语词典》 缩略语)."""
    if len(word) > 4:
        return False
    for found in _short_form(word, GAP).finditer(text):
        words = plain_words(text[found.start() : found.end() + GAP])
        if len(words) >= len(word) and all(words[k][0] == word[k] for k in range(len(word) - 1)) and (
                word[-1] in words[len(word) - 1]):
            return True
    return False


def _contracted(word: str, text: str) -> bool:
    """``word`` is one character and a word of two (「配眼镜」: 配 + 眼镜), and ``text`` writes it
    contracted: the one character and one character of the two, itself a dictionary word
    (「配镜补助」: 配镜), as Chinese pairs a one-syllable verb with one syllable of its object
    (配镜, 买车, 办证; 《现代汉语词典》's 单双音节搭配). Here the notice is the shorter one."""
    if len(word) != 3 or not in_dictionary(word[1:]):
        return False
    return any(in_dictionary(word[0] + ch) and word[0] + ch in text for ch in word[1:])


def _han_run(text: str) -> str:
    """Up to `CONTEXT` Chinese characters from the start of ``text``."""
    out = ""
    for ch in text[:CONTEXT]:
        if not _HAN.match(ch):
            break
        out += ch
    return out


__all__ = ["abbreviates", "expand", "expansion_pattern", "spelled_in"]
