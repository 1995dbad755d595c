"""How much of a question term a sentence holds: the term itself, a synonym, its parts, or its
characters reordered (「投资总额」 in 「总投资9.6亿元」). Plain Python."""

from __future__ import annotations

import re
from functools import lru_cache

from agent.lexicon import synonyms
from ingest.segment import in_dictionary


def strict_credit(term: str, norm: str) -> float:
    """Like `term_credit` but a long word needs most of its parts (「总投资额」 ≠ 「投资」)."""
    credit = term_credit(term, norm)
    if credit >= 0.9 or len(term) < 3:
        return credit
    needed = 0.8 * (1 / 2 if len(term) == 3 else 2 / 3)  # 「后算力」 is 后+算力; 「总投资额」 is not 投资
    return credit if credit >= needed - 1e-9 else 0.0


def term_credit(term: str, norm: str, reorder: bool = True) -> float:
    norm = norm.lower()
    if term in norm:
        return 1.0
    for alt in synonyms(term):
        if alt in norm:
            return 0.9
    if len(term) >= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in term):
        hits = sum(1 for i in range(len(term) - 1) if term[i : i + 2] in norm)
        if reorder and hits < len(term) - 1 and _reordered(term, norm):
            return 0.75  # 「投资总额」 in 「总投资9.6亿元」
        if hits < len(term) - 1 and _spread(term).search(norm):
            return 0.75  # 「商品房」 in 「拥有商品住房」: the word with one character left out
        return 0.8 * hits / (len(term) - 1)
    return 0.0


@lru_cache(maxsize=4096)
def _spread(term: str) -> re.Pattern:
    """The term with one Chinese character put between two of its own (「商品房」: 商品住房, 商品.房)."""
    return re.compile("|".join(re.escape(term[:i]) + "[\u4e00-\u9fff]" + re.escape(term[i:]) for i in range(1, len(term))))


def only_opposite(term: str, norm: str) -> bool:
    """Every time ``norm`` says ``term`` it says 非+term (「使用非耕地的」 for 耕地): the prefix 非
    names the opposite class (《现代汉语八百词》 非: 用在名词性成分前，表示不属于某种范围)."""
    if "非" + term not in norm:
        return False
    at = norm.find(term)
    while at >= 0:
        if at == 0 or norm[at - 1] != "非":
            return False
        at = norm.find(term, at + 1)
    return True


def head_word(word: str) -> str:
    """The head noun of a four-character compound when it is a word (「咨询电话」: 电话), else the
    word itself: a Chinese compound is named by its last word."""
    if len(word) == 4 and in_dictionary(word[2:]):
        return word[2:]
    return word


def _positions(text: str, ch: str):
    at = text.find(ch)
    while at >= 0:
        yield at
        at = text.find(ch, at + 1)


def _reordered(term: str, norm: str) -> bool:
    """The term's characters but its last (at least three) within a window of its length + 2:
    「投资总额」 in 「总投资9.6亿元」, but not 「外国游客」 in 「外地游客」."""
    need = len(term) - 1
    if need < 3:
        return False
    chars = set(term[:-1])
    if any(ch not in norm for ch in chars):
        return False  # most texts: the characters are not even there
    width = len(term) + 2
    # a match misses at most one character, so it holds one of the two rarest present ones
    anchors = sorted((ch for ch in chars if ch in norm), key=norm.count)[:2]
    starts = {
        s for anchor in anchors for i in _positions(norm, anchor) for s in range(max(0, i - width + 1), i + 1)
    }
    for start in sorted(starts):
        window = norm[start : start + width]
        if all(ch in window for ch in chars):
            return True
    return False


__all__ = ["head_word", "only_opposite", "strict_credit", "term_credit"]
