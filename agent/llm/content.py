"""What an answer sentence asserts besides figures and names: its content words, and its language.

Content words are jieba's nouns, verbs, adjectives, time and place words and unknown (domain)
words; pronouns, adverbs, prepositions, conjunctions, particles, numerals and measure words only
tie a sentence together. A negation (「不」「没有」「未」) is always content: it flips a claim.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.segment import STOPWORDS, Segmenter

# jieba part-of-speech flags of words that carry no checkable content (ICTCLAS tag set)
_FUNCTION_FLAGS = frozenset(
    "r rr rz d p c cc u uj ul ud ug uz uv y e o m mq q f w h k g".split()
)
_NEGATION = re.compile(r"[不没未无非否别]")
# the arithmetic the system prompt asks for (rule 6): words a calculation may add to the quotes
ARITHMETIC_WORDS = frozenset(
    "相差 差 合计 总计 共计 一共 总和 之和 倍 倍数 平均 平均值 占比 比例 增长率 增幅 多 少 高 低 "
    "增加 减少 等于 计算 算式 两者 比 高出 低于".split()
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_OTHER_LETTER = re.compile(r"[^\W\d_\u4e00-\u9fff]")  # latin, kana, hangul, cyrillic…


@lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    """A segmenter without domain words, for checks run outside an index (built once, read-only)."""
    return Segmenter()


def content_terms(text: str, segmenter: Segmenter | None = None) -> list[str]:
    """Content words of normalised (Simplified, NFKC) ``text``, in order, without duplicates.

    Tokens holding digits are left to the figure check; one-letter latin tokens are units (P, %).
    """
    segmenter = segmenter or default_segmenter()
    out: list[str] = []
    for word, flag in segmenter.tagged(text):
        word = word.strip()
        if not word or word in out or any(c.isdigit() for c in word):
            continue
        negation = bool(_NEGATION.search(word)) and flag in ("d", "c", "v")
        if not negation and (word in STOPWORDS or flag in _FUNCTION_FLAGS):
            continue
        if flag == "x" and not _HAN.search(word):
            continue  # punctuation and symbols
        if flag == "eng" and len(word) <= 1:
            continue
        out.append(word)
    return out


def is_foreign(text: str) -> bool:
    """True when ``text`` is mostly in letters other than Chinese characters (an English sentence,
    kana, hangul…): it cannot be checked word by word against Chinese quotes."""
    han = len(_HAN.findall(text))
    other = len(_OTHER_LETTER.findall(text))
    return other > 0 and other > 2 * han
