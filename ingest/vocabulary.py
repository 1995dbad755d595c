"""Domain vocabulary for jieba, built from the corpus itself plus an optional hand-kept file.

Finds organisation names (…有限公司/集团/实验室/中心/大学/区/市…), quoted terms (「一网通办」,
“城市大脑”), model names (…大模型) and partners named after 携手/联手/联合 that the corpus names
again (「携手紫东太初，依托紫东太初…」), so that they segment as single tokens at ingest and at
query time alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

_ORG_SUFFIX = (
    "股份有限公司|有限责任公司|有限公司|集团|实验室|研究院|研究所|中心|大学|学院|委员会|管理局|"
    "人民政府|办公室|基地|产业园|平台"
)
# a name: 2–14 CJK/latin chars not containing punctuation or common clause words, then a suffix
_ORG = re.compile(rf"([\u4e00-\u9fffA-Za-z0-9]{{2,14}}?(?:{_ORG_SUFFIX}))")
_SUFFIXED = re.compile(rf"(?:{_ORG_SUFFIX}|大模型)$")
_QUOTED = re.compile(r"[「“『]([^「」“”『』\n]{2,12})[」”』]")
_MODEL = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{2,8}大模型)")
# a partner: after 携手/联手/牵手/联合, up to punctuation or a verb of cooperation
_PARTNER = re.compile(
    r"(?:携手|联手|牵手|联合)([\u4e00-\u9fffA-Za-z0-9]{3,10}?)"
    r"(?=[，。、；：,;:（(]|合作|共同|共建|签署|签约|打造|开发|推出)"
)
# not right after a digit: 「2026年度市级」 holds no place 「年度市」
_PLACE = re.compile(r"(?<!\d)([\u4e00-\u9fff]{2,3}(?:省|市|区|县))")

# words that begin clauses and would glue onto a name (「坐落于内江软件…」), and a year, which a
# programme's name follows (「申报2026年度市级工业设计中心」): cut them off
_LEADING = re.compile(
    r"^.*(?:(?:19|20)\d\d年度?|坐落于|位于|依托|联合|携手|与|和|及|在|由|对|向|为|把|将|是|的|了|于|从|同|跟|同时|以及|通过|打造|成功|创建|推动|拓展|搭建|出|入|至|托|具有|书写|助力|共建|签署|发挥|充分|首个)"
)
_NOT_IN_NAME = re.compile(r"[的了着过是在和与及把被将以、，,。；;：:]")


@dataclass(frozen=True)
class DocumentTerms:
    """What one document contributes to the vocabulary, before the corpus-wide counts decide:
    names found in it (kept whatever the rest says), place names with their counts (kept when
    the corpus names them twice), partners named after 携手… (kept when named twice)."""

    found: tuple[str, ...]
    places: tuple[tuple[str, int], ...]
    partners: tuple[str, ...]

    def to_json(self) -> list:
        return [list(self.found), [list(p) for p in self.places], list(self.partners)]

    @classmethod
    def from_json(cls, data: list) -> DocumentTerms:
        return cls(tuple(data[0]), tuple((n, c) for n, c in data[1]), tuple(data[2]))


def document_terms(text: str) -> DocumentTerms:
    """The candidate words of one Simplified text (see `DocumentTerms`)."""
    found: set[str] = set()
    places: dict[str, int] = {}
    partners: set[str] = set()
    for match in _PARTNER.finditer(text):
        if not _NOT_IN_NAME.search(match.group(1)):
            partners.add(match.group(1))
    for match in _QUOTED.finditer(text):
        if not _NOT_IN_NAME.search(match.group(1)):
            found.add(match.group(1))
    for pattern in (_ORG, _MODEL):
        for match in pattern.finditer(text):
            name = _LEADING.sub("", match.group(1))
            if 3 <= len(name) <= 16 and not _NOT_IN_NAME.search(name) and len(_SUFFIXED.sub("", name)) >= 2:
                # (a suffix with one character before it, as 「口有限公司」 cut from 「…进出口有限公司」,
                # is a fragment, not a name)
                found.add(name)
    for match in _PLACE.finditer(text):
        name = _LEADING.sub("", match.group(1))
        if len(name) >= 3:
            places[name] = places.get(name, 0) + 1
    return DocumentTerms(tuple(sorted(found)), tuple(sorted(places.items())), tuple(sorted(partners)))


def extract_terms(texts: Iterable[str]) -> list[str]:
    """Candidate domain words in Simplified text, longest forms kept, sorted."""
    texts = list(texts)
    # counted in one string: names are letters and digits only, so none spans the separator
    # (one C-speed scan a name instead of one Python call a name and document)
    joined = "\x00".join(texts)
    return combine_terms([document_terms(t) for t in texts], joined.count)


Pooled = tuple[set[str], dict[str, int], set[str]]  # names, place counts, partners (`pool_terms`)


def combine_terms(
    parts: Iterable[DocumentTerms], count: Callable[[str], int], pooled: Pooled | None = None
) -> list[str]:
    """The vocabulary of a corpus from its documents' `DocumentTerms`; ``count(name)`` is how
    often ``name`` occurs in the whole corpus (the only corpus-wide input). ``pooled``: the
    `pool_terms` of ``parts``, when the caller has it."""
    found, places, partners = pooled if pooled is not None else _pooled(parts)
    found = set(found)
    # a place name must recur: a one-off 「…具有区」 is the start of 「区域」, not a district
    found.update(name for name, n in places.items() if n >= 2)
    # a partner must be named at least twice: 「联合攻关」 is a phrase, a name recurs
    found.update(name for name in partners if count(name) >= 2)
    found.update(_short_names(found, count))
    return sorted(found)


def counted_names(parts: Iterable[DocumentTerms], pooled: Pooled | None = None) -> set[str]:
    """Every name whose corpus-wide count `combine_terms` may ask for."""
    found, places, partners = pooled if pooled is not None else _pooled(parts)
    names = set(partners)
    for name in found | set(places) | partners:
        core = _company_core(name)
        if core is not None:
            names.update((name, core))
    return names


# province-level names: a company's registered name starts with one, its short name does not
_PROVINCES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 "
    "广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
).split()
_COMPANY_SUFFIX = re.compile(r"(?:股份有限公司|有限责任公司|有限公司)$")



def pool_terms(parts: Iterable[DocumentTerms]) -> Pooled:
    """The documents' names, place counts and partners, pooled once for `counted_names` and
    `combine_terms` (10,000 documents: ~0.1 s each time)."""
    return _pooled(parts)


def _pooled(parts: Iterable[DocumentTerms]) -> tuple[set[str], dict[str, int], set[str]]:
    """The documents' candidate names, place counts summed, and partners, pooled."""
    found: set[str] = set()
    places: dict[str, int] = {}
    partners: set[str] = set()
    for part in parts:
        found.update(part.found)
        for name, n in part.places:
            places[name] = places.get(name, 0) + n
        partners.update(part.partners)
    return found, places, partners

def _company_core(name: str) -> str | None:
    """「四川并济科技有限公司」 -> 「并济科技」 (None for a name that is no company's)."""
    if not _COMPANY_SUFFIX.search(name):
        return None
    core = _COMPANY_SUFFIX.sub("", name)
    for province in _PROVINCES:
        if core.startswith(province) and len(core) - len(province) >= 3:
            core = core[len(province) :]
            break
    return core


def _short_names(names: set[str], count: Callable[[str], int]) -> set[str]:
    """「四川并济科技有限公司」 -> 「并济科技」, when the text also uses the short form on its own."""
    short: set[str] = set()
    for name in names:
        core = _company_core(name)
        if core is None:
            continue
        uses = count(core) - count(name)
        if len(core) >= 3 and core != name and uses >= 1:
            short.add(core)
    return short


def load_userdict(path: Path) -> list[str]:
    """Words of a jieba-style user dictionary (``word [freq] [tag]`` per line, # comments)."""
    if not path.is_file():
        return []
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(line.split()[0])
    return words
