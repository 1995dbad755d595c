"""The claim check: every figure and name in an answer sentence must be in a passage it cites.

Plain Python. Sentences are compared after NFKC and Traditional→Simplified normalisation. Results
of calculator calls made while answering count as support for figures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from agent.llm.facts import Figure, figure_supported, figures_in, names_in, normal

CITE = re.compile(r"[\[【]\s*(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\s*[\]】]")
_TERMINATORS = "。！？!?；;"
_CLOSERS = "”’」』）)》\"'"
_LIST_MARK = re.compile(r"^\s*(?:#+\s*|[-*•]\s+|\d{1,2}[.)]\s+|\d{1,2}、|[（(]\d{1,2}[)）])")


@dataclass(frozen=True)
class ClaimReport:
    """How many answer sentences the claim check kept and removed."""

    kept: int
    removed: int

    @property
    def removed_share(self) -> float:
        total = self.kept + self.removed
        return self.removed / total if total else 0.0


@dataclass(frozen=True)
class Claim:
    """One sentence of the answer, with what it states and whether its citations support it."""

    text: str  # as written, citation markers included
    sep: str  # whitespace that followed it in the answer
    cites: tuple[int, ...]
    figures: tuple[Figure, ...]
    names: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def supported(self) -> bool:
        return not self.missing


def split_sentences(text: str) -> list[tuple[str, str]]:
    """(sentence, following whitespace) pairs; a marker after 。 stays with its sentence."""
    out: list[tuple[str, str]] = []
    begin, i, n = 0, 0, len(text)
    while i < n:
        ch = text[i]
        end = None
        if ch == "\n":
            end = i
        elif ch in _TERMINATORS or (ch == "." and (i + 1 == n or text[i + 1].isspace())):
            j = i + 1
            while j < n and (text[j] in _TERMINATORS or text[j] in _CLOSERS):
                j += 1
            while (m := CITE.match(text, j)) is not None:
                j = m.end()
            end = j
        if end is None:
            i += 1
            continue
        k = end
        while k < n and text[k].isspace():
            k += 1
        if text[begin:end].strip():
            out.append((text[begin:end].strip(), text[end:k]))
        elif out:
            out[-1] = (out[-1][0], out[-1][1] + text[begin:k])
        begin = i = max(k, i + 1)
    if text[begin:].strip():
        out.append((text[begin:].strip(), ""))
    return out


def cites_of(sentence: str) -> tuple[int, ...]:
    found: list[int] = []
    for m in CITE.finditer(sentence):
        found += [int(x) for x in re.split(r"\s*[,，、]\s*", m.group(1))]
    return tuple(dict.fromkeys(found))


def check(
    answer: str, passages: Mapping[int, str], computed: Sequence[float] = ()
) -> list[Claim]:
    """Split ``answer`` into sentences and find, for each, what its cited passages do not hold."""
    normalised = {n: normal(t) for n, t in passages.items()}
    facts = {n: figures_in(t) for n, t in normalised.items()}
    claims = []
    for sentence, sep in split_sentences(answer):
        cites = cites_of(sentence)
        body = normal(_LIST_MARK.sub("", CITE.sub(" ", sentence)).replace("**", ""))
        figs, names = figures_in(body), names_in(body)
        cited = [n for n in cites if n in normalised]
        text = "".join(normalised[n] for n in cited)
        pool = [f for n in cited for f in facts[n]]
        missing = [f.text for f in figs if not figure_supported(f, pool, computed)]
        missing += [name for name in names if name.lower() not in text.lower()]
        claims.append(Claim(sentence, sep, cites, tuple(figs), tuple(names), tuple(missing)))
    return claims


def report(claims: Sequence[Claim]) -> ClaimReport:
    removed = sum(1 for c in claims if not c.supported)
    return ClaimReport(kept=len(claims) - removed, removed=removed)


def mentions(text: str, claims: Sequence[Claim]) -> bool:
    """True when ``text`` (a document sentence) holds a figure or a name some claim states."""
    norm = normal(text)
    facts = figures_in(norm)
    for claim in claims:
        if any(figure_supported(f, facts, ()) for f in claim.figures):
            return True
        if any(name.lower() in norm.lower() for name in claim.names):
            return True
    return False


def overlap(text: str, claims: Sequence[Claim]) -> int:
    """Shared character bigrams between ``text`` and the claims' sentences."""
    def grams(s: str) -> set[str]:
        s = normal(CITE.sub("", s))
        return {s[i : i + 2] for i in range(len(s) - 1)}

    mine = grams(text)
    return sum(len(mine & grams(c.text)) for c in claims)
