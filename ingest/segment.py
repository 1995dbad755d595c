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
        for word in self.words:
            self._jieba.add_word(word, freq=max(2000, 200 * len(word)))

    def cut(self, text: str) -> list[str]:
        """Plain (accurate-mode) tokens, whitespace and punctuation dropped."""
        return [t for t in self._jieba.cut(_prepare(text)) if _keep(t)]

    def tokens(self, text: str) -> list[str]:
        """Search-mode tokens (long words plus their sub-words), for BM25.

        A domain word (「四川并济科技有限公司」) also yields the words jieba finds in it without the
        domain dictionary (「四川」「并济」「科技」…), so a question that names it in part still matches.
        """
        out: list[str] = []
        for token in self._jieba.cut_for_search(_prepare(text)):
            if not _keep(token):
                continue
            out.append(token)
            if len(token) > 2 and token in self._domain:
                out.extend(t for t in _plain().cut_for_search(token) if t != token and _keep(t))
        return out

    def tagged(self, text: str) -> list[tuple[str, str]]:
        """(word, part-of-speech flag) pairs, punctuation dropped."""
        if self._pos is None:
            self._pos = jieba.posseg.POSTokenizer(self._jieba)
        return [(p.word, p.flag) for p in self._pos.cut(_prepare(text)) if _keep(p.word)]

    def terms(self, text: str) -> list[str]:
        """Content terms of a question: accurate-mode tokens without stopwords, in order."""
        seen: list[str] = []
        for token in self.cut(text):
            if token not in STOPWORDS and token not in seen:
                seen.append(token)
        return seen


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
def _plain() -> jieba.Tokenizer:
    """The base dictionary without domain words (shared, read-only)."""
    return _tokenizer(copy=False)


def _prepare(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _keep(token: str) -> bool:
    return bool(token.strip()) and bool(_TOKEN_OK.search(token))
