"""Search-side normalisation (NFKC, Traditional→Simplified) with a map back to original offsets."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc


@lru_cache(maxsize=4)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """OpenCC t2s, except that a character it would turn into one outside the Basic Multilingual
    Plane keeps its own form: OpenCC simplifies some rare characters by analogy into CJK Extension
    B–H (湋 → 𣲗, 䌰 → 𦈙), which the segmenter's dictionary and the name tagger have never seen, so a
    place named with one (「皑湋市」) is cut into single characters and is no name at all."""
    converted = _converter("t2s").convert(text)
    if not _ASTRAL.search(converted) or len(converted) != len(text):
        return converted
    return "".join(c if ord(c) <= 0xFFFF or ord(t) > 0xFFFF else t for c, t in zip(converted, text))


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def to_traditional(text: str) -> str:
    return _converter("s2t").convert(text)


def to_written_traditional(text: str) -> str:
    """Traditional as it is written for readers (OpenCC s2tw: 審核, 為, 群眾), not OpenCC's own
    standard forms (審覈, 爲, 羣衆), which no Taiwan or Hong Kong text uses."""
    return _converter("s2tw").convert(text)


@dataclass(frozen=True)
class NormalizedText:
    """``text`` is the search form; ``origin[i]`` is the original offset of ``text[i]``.

    ``origin`` has one extra final entry: the original length, so spans map with
    ``original_span(i, j) == (origin[i], origin[j])``.
    """

    text: str
    origin: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + _width_of_last(self, end - 1)


def _width_of_last(norm: NormalizedText, i: int) -> int:
    # the original character that produced text[i] spans up to the next distinct origin
    j = i + 1
    while j < len(norm.origin) - 1 and norm.origin[j] == norm.origin[i]:
        j += 1
    return norm.origin[j] - norm.origin[i] if norm.origin[j] > norm.origin[i] else 1


def normalize(text: str) -> NormalizedText:
    """NFKC (character by character) then Traditional→Simplified, keeping for every output
    character its source offset."""
    chars = set(text)
    _learn(chars)
    nfkc = text
    for ch in chars & _FOLD.keys():  # a few distinct characters (，：（）Ａ…): str.replace is fast
        nfkc = nfkc.replace(ch, _FOLD[ch])
    if not chars & _WIDE:  # the usual case: every character folds to one character
        origin: tuple[int, ...] = tuple(range(len(text) + 1))
    else:
        offsets: list[int] = []
        for i, ch in enumerate(text):
            offsets.extend([i] * len(_FOLD.get(ch, ch)))
        offsets.append(len(text))
        origin = tuple(offsets)
    return NormalizedText(_simplify_keeping_length(nfkc), origin)


# NFKC forms of the characters met so far that NFKC changes (a cache that only grows)
_FOLD: dict[str, str] = {}
_WIDE: set[str] = set()  # characters whose NFKC form is not exactly one character
_KNOWN: set[str] = set()


def _learn(chars: set[str]) -> None:
    for ch in chars - _KNOWN:
        if ord(ch) > 127 and (folded := unicodedata.normalize("NFKC", ch)) != ch:
            _FOLD[ch] = folded
            if len(folded) != 1:
                _WIDE.add(ch)
        _KNOWN.add(ch)


def _simplify_keeping_length(text: str) -> str:
    converted = to_simplified(text)
    if len(converted) == len(text):
        return converted
    # phrase conversions that change length are rare; fall back line by line, then per char
    parts = []
    for line in text.splitlines(keepends=True):
        conv = to_simplified(line)
        if len(conv) != len(line):
            conv = "".join(c2 if len(c2 := to_simplified(c)) == 1 else c for c in line)
        parts.append(conv)
    return "".join(parts)


def normalize_query(text: str) -> str:
    """The same normalisation for questions (offsets are not needed)."""
    return to_simplified(unicodedata.normalize("NFKC", text))


def is_traditional(text: str) -> bool:
    """True when the text uses Traditional characters that differ from their Simplified form."""
    simplified = to_simplified(text)
    changed = sum(1 for a, b in zip(text, simplified) if a != b)
    if changed == 0:
        return False
    back = to_traditional(text)
    # text already Traditional: converting it to Traditional changes (almost) nothing
    unchanged_by_s2t = sum(1 for a, b in zip(text, back) if a != b)
    return changed >= 1 and changed >= unchanged_by_s2t
