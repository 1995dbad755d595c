"""English questions over Chinese documents: names by their pinyin, other words by CC-CEDICT.

「Bingji Technology」 finds 并济 because the corpus's own words are indexed by their pinyin
(``bingji``); 「subsidy」 finds 补贴 through CC-CEDICT read backwards (agent/lexicon/english.py),
keeping only the translations the corpus uses. The Chinese terms are added to the question for
retrieval and for checking coverage.
"""

from __future__ import annotations

import re

from agent.lexicon.english import chinese_for
from agent.lexicon.wordlists import words
from ingest.reader import LoadedIndex

MAX_WORDS = 60000

_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
# English function words (agent/lexicon/english_stopwords.txt)
_ENGLISH_STOP = frozenset(words("english_stopwords"))


class PinyinLexicon:
    """Pinyin (toneless, joined) → the corpus word, for the corpus's names and words."""

    def __init__(self, index: LoadedIndex) -> None:
        words: set[str] = set(index.segmenter.words)
        for chunk in index.chunks:
            for token in index.segmenter.tokens(chunk.search_text):
                if 2 <= len(token) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", token):
                    words.add(token)
            if len(words) > MAX_WORDS:
                break
        self._words = words
        # imported here, not with the module: its phrase tables take ~40 MB that a process
        # asked no English question does not need
        from pypinyin import lazy_pinyin

        self._by_pinyin: dict[str, str] = {}
        for word in sorted(words, key=len):  # the shortest word wins a shared pinyin
            self._by_pinyin.setdefault("".join(lazy_pinyin(word)), word)

    def terms(self, question: str) -> list[str]:
        words = [w for w in _WORD.findall(question)]
        lowered = [w.lower() for w in words]
        found: list[str] = []
        used: set[int] = set()
        for size in (3, 2, 1):  # the longest phrase the dictionary knows and the corpus says
            for i in range(len(lowered) - size + 1):
                span = range(i, i + size)
                if used & set(span) or (size == 1 and lowered[i] in _ENGLISH_STOP):
                    continue
                chinese = [w for w in chinese_for(" ".join(lowered[i : i + size])) if w in self._words]
                if chinese:
                    found.extend(chinese[:2])
                    used |= set(span)
        for size in (3, 2, 1):
            for i in range(len(lowered) - size + 1):
                span = lowered[i : i + size]
                if any(w in _ENGLISH_STOP for w in span):
                    continue
                key = "".join(span).replace("-", "")
                if len(key) >= 5 and key in self._by_pinyin:
                    found.append(self._by_pinyin[key])
        found.extend(re.findall(r"\b(?:19|20)\d\d\b", question))  # years are written alike
        return list(dict.fromkeys(found))
