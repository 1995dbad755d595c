"""Chinese word segmentation with jieba (search mode) on Simplified text, plus a domain dictionary.

One `Segmenter` instance owns its own jieba tokenizer, so the dictionary of one index never leaks
into another and nothing global needs resetting.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import jieba
import jieba.posseg

jieba.setLogLevel(logging.WARNING)

_BLOCK_CACHE = 100_000  # distinct character runs remembered per Segmenter
_TAG_CACHE = 4_096  # texts whose part-of-speech tags are remembered per Segmenter
_TOKEN_OK = re.compile(r"[\w\u4e00-\u9fff%‰≥≤]", re.UNICODE)

# function words and question words that carry no topic; kept deliberately small and generic
STOPWORDS = frozenset(
    """的 了 和 与 及 或 在 是 为 于 对 把 被 将 从 以 而 并 等 着 也 都 就 又 还 这 那 该 其 此
    之 个 们 我 你 他 她 它 吗 呢 吧 啊 么 哪 哪个 哪些 哪里 哪儿 哪家 什么 怎么 怎样 如何 多少
    几 谁 何 何时 何地 为什么 为何 是否 有没有 是不是 请问 请 一下 一个 一些 有 有关 关于 方面
    the a an of to in on for is are was were what which who how when where why does do did
    with by and or at as""".split()
)


class Segmenter:
    """``tokens(text)``: jieba search-mode tokens of normalised Simplified text, lower case."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._jieba = _tokenizer(copy=True)
        self.words = tuple(sorted(set(words)))
        self._domain = frozenset(w.lower() for w in self.words)
        self._pos = None
        self._part_cache: dict[str, list[str]] = {}
        self._block_cache: dict[str, list[str]] = {}
        self._tag_cache: dict[str, tuple[tuple[str, str], ...]] = {}
        for word in self.words:
            self._jieba.add_word(word, freq=max(2000, 200 * len(word)))
        # jieba adds each word's frequency to its total, which every path's score divides by: a
        # word found in one document would then re-segment every other one. Keeping the base
        # total makes a text's tokens depend only on the domain words it contains, so a re-sync
        # re-tokenises only the chunks that hold a word added or dropped (ingest.pipeline).
        self._jieba.total = _base_dictionary()[1]

    def cut(self, text: str) -> list[str]:
        """Plain (accurate-mode) tokens, whitespace and punctuation dropped."""
        return [t for t in self._jieba.cut(_prepare(text)) if _keep(t)]

    def tokens(self, text: str) -> list[str]:
        """Search-mode tokens (long words plus their sub-words), for BM25.

        A domain word (「四川并济科技有限公司」) also yields the words jieba finds in it without the
        domain dictionary (「四川」「并济」「科技」…), so a question that names it in part still matches.
        """
        out: list[str] = []
        # jieba segments each run of CJK/alnum characters on its own, so the tokens of a text
        # are those of its runs, in order: runs repeat (chunk overlaps, headings), cache them
        for block in jieba.re_han_default.split(_prepare(text)):
            if block:
                out.extend(self._block_tokens(block))
        return out

    def _block_tokens(self, block: str) -> list[str]:
        cached = self._block_cache.get(block)
        if cached is None:
            cached = []
            for token in self._jieba.cut_for_search(block):
                if _keep(token):
                    cached.append(token)
                    if len(token) > 2 and token in self._domain:
                        cached.extend(self._parts(token))
            if len(self._block_cache) >= _BLOCK_CACHE:
                self._block_cache.clear()
            self._block_cache[block] = cached
        return cached

    def _parts(self, word: str) -> list[str]:
        """The words jieba finds inside a domain word without the domain dictionary."""
        if word not in self._part_cache:
            parts = _plain().cut_for_search(word)
            self._part_cache[word] = [t for t in parts if t != word and _keep(t)]
        return self._part_cache[word]

    def tagged(self, text: str) -> list[tuple[str, str]]:
        """(word, part-of-speech flag) pairs, punctuation dropped. A question and its best
        sentences are tagged by several stages (analysis, span, clause): the last texts are kept."""
        cached = self._tag_cache.get(text)
        if cached is None:
            if self._pos is None:
                self._pos = _POSTokenizer(self._jieba, dict(_word_tags()))
            cached = tuple((p.word, p.flag) for p in self._pos.cut(_prepare(text)) if _keep(p.word))
            if len(self._tag_cache) >= _TAG_CACHE:
                self._tag_cache.clear()
            self._tag_cache[text] = cached
        return list(cached)

    def terms(self, text: str) -> list[str]:
        """Content terms of a question: accurate-mode tokens without stopwords, in order."""
        seen: list[str] = []
        for token in self.cut(text):
            if token not in STOPWORDS and token not in seen:
                seen.append(token)
        return seen


def in_dictionary(word: str) -> bool:
    """A word of jieba's own dictionary (「参数」), not one its HMM made up from characters (「车能」)."""
    return _base_dictionary()[0].get(word, 0) > 0


def general_frequency(word: str) -> int:
    """How often ``word`` occurs in general Chinese: its count in jieba's dictionary (0 if absent)."""
    return _base_dictionary()[0].get(word, 0)


@lru_cache(maxsize=1)
def _base_dictionary() -> tuple[dict[str, int], int]:
    """jieba's own prefix dictionary, loaded once per process (~0.5 s) and never modified."""
    base = jieba.Tokenizer()
    base.initialize()
    return base.FREQ, base.total


def _tokenizer(copy: bool) -> jieba.Tokenizer:
    """A ready jieba tokenizer on the base dictionary; ``copy`` when words will be added."""
    freq, total = _base_dictionary()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = dict(freq) if copy else freq
    tokenizer.total = total
    tokenizer.initialized = True
    return tokenizer


@lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    """jieba's part-of-speech table, read once per process (~1 s) and never modified."""
    return jieba.posseg.POSTokenizer(_plain()).word_tag_tab


class _POSTokenizer(jieba.posseg.POSTokenizer):
    """jieba's tagger on a given tokenizer and an already loaded tag table."""

    def __init__(self, tokenizer: jieba.Tokenizer, word_tags: dict[str, str]) -> None:
        self.tokenizer = tokenizer
        self.word_tag_tab = word_tags


@lru_cache(maxsize=1)
def _plain() -> jieba.Tokenizer:
    """The base dictionary without domain words (shared, read-only)."""
    return _tokenizer(copy=False)


def plain_words(text: str) -> list[str]:
    """Accurate-mode words of ``text`` by jieba's own dictionary (no domain words, no HMM guesses
    for unknown runs), punctuation dropped."""
    return [t for t in _plain().cut(_prepare(text), HMM=False) if _keep(t)]


def _prepare(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _keep(token: str) -> bool:
    return bool(token.strip()) and bool(_TOKEN_OK.search(token))
