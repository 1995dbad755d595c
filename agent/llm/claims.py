"""The claim check: every figure, name and content word of an answer sentence must be in a
passage it cites; otherwise the sentence is rewritten from the quotes or removed.

Plain Python (jieba for content words). Sentences are compared after NFKC and
Traditional→Simplified normalisation. Results of calculator calls made while answering count as
support for figures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from agent.llm.content import ARITHMETIC_WORDS, content_terms, is_foreign
from agent.llm.facts import Figure, figure_supported, figures_in, flat, names_in, normal
from ingest.segment import Segmenter

CITE = re.compile(r"[\[【]\s*(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\s*[\]】]")
_TERMINATORS = "。！？!?；;"
_CLOSERS = "”’」』）)》\"'"
_NEGATION = re.compile(r"[不没未无非否]")
_WORDY = re.compile(r"[\w\u4e00-\u9fff]")
# the refusal the system prompt asks for (rule 4), in either script after normalisation
_REFUSAL = re.compile(r"资料中?(?:没有|未提及|未提供|无)相关(?:信息|资讯|内容)")
_LIST_MARK = re.compile(r"^\s*(?:#+\s*|[-*•]\s+|\d{1,2}[.)]\s+|\d{1,2}、|[（(]\d{1,2}[)）])")


@dataclass(frozen=True)
class ClaimReport:
    """How many answer sentences the claim check kept (``rewritten`` of them replaced by the
    sentence of the quote that states their figures and names) and removed."""

    kept: int
    removed: int
    rewritten: int = 0

    @property
    def removed_share(self) -> float:
        total = self.kept + self.removed
        return self.removed / total if total else 0.0


KEPT, REWRITTEN, REMOVED, REFUSAL = "kept", "rewritten", "removed", "refusal"


@dataclass(frozen=True)
class Claim:
    """One sentence of the answer: what it states, which passages support it, what became of it.

    ``kind``: ``kept`` (every figure, name and content word is in the passages it cites, after
    re-citing a passage that holds them when its own markers were missing or wrong),
    ``rewritten`` (``text`` is now the quoted document sentence that states all its figures and
    names; ``written`` is what the model wrote), ``removed`` (``missing`` says what no passage
    holds), or ``refusal`` (the model said the passages do not answer).
    """

    text: str  # as shown, citation markers included
    sep: str  # whitespace that followed it in the answer
    cites: tuple[int, ...]
    figures: tuple[Figure, ...]
    names: tuple[str, ...]
    missing: tuple[str, ...]
    kind: str = KEPT
    terms: tuple[str, ...] = ()
    written: str = ""

    @property
    def supported(self) -> bool:
        return self.kind in (KEPT, REWRITTEN)


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
    answer: str,
    passages: Mapping[int, str],
    computed: Sequence[float] = (),
    segmenter: Segmenter | None = None,
) -> list[Claim]:
    """Split ``answer`` into sentences and decide, for each, whether the passages support it.

    A sentence is supported when every figure (digits, Chinese numerals, English number words),
    every name and every content word it states is in the passages it cites. Without markers, or
    with wrong ones, the one passage that holds all of it is cited instead. A sentence that is not
    supported, or is not in Chinese (an English or other-script sentence cannot be checked word by
    word), is rewritten as the passage sentence stating all its figures and names, or removed.
    """
    normalised = {n: normal(t) for n, t in passages.items()}
    facts = {n: figures_in(t) for n, t in normalised.items()}
    claims: list[Claim] = []
    for sentence, sep in split_sentences(answer):
        body = normal(_LIST_MARK.sub("", CITE.sub(" ", sentence)).replace("**", "")).strip()
        if not _WORDY.search(body):  # a rule, a bare marker, a stray bullet: nothing is stated
            if claims:
                claims[-1] = replace(claims[-1], sep=claims[-1].sep + sep)
            continue
        if _REFUSAL.search(body):
            claims.append(Claim(sentence, sep, (), (), (), (), kind=REFUSAL))
            continue
        figs, names = tuple(figures_in(body)), tuple(names_in(body))
        foreign = is_foreign(body)
        terms = () if foreign else tuple(
            t for t in content_terms(body, segmenter)
            if not (computed and t in ARITHMETIC_WORDS)
        )
        cites = tuple(n for n in cites_of(sentence) if n in normalised)
        claim = Claim(sentence, sep, cites, figs, names, (), KEPT, terms)
        if _substance(claim) < MIN_SUBSTANCE and not foreign:
            # 「总之。」「高。」「1.」: too little to state a fact, yet found in any passage
            claims.append(replace(claim, missing=("内容过少",), kind=REMOVED))
            continue
        missing = _missing(claim, cites, normalised, facts, computed)
        if not foreign and not missing and cites:
            claims.append(claim)
            continue
        if not foreign:
            found = next((n for n in _order(cites, normalised)
                          if not _missing(claim, (n,), normalised, facts, computed)), None)
            if found is not None:
                text = CITE.sub("", sentence).rstrip() + f"[{found}]"
                claims.append(replace(claim, text=_before_stop(text), cites=(found,)))
                continue
        rewritten = _rewrite(claim, body, passages, cites)
        if rewritten is not None:
            claims.append(rewritten)
            continue
        if foreign and not missing:
            missing = ("非中文句子",)
        claims.append(replace(claim, missing=missing or ("无引用",), kind=REMOVED))
    return claims


MIN_SUBSTANCE = 4  # characters of content words and names; a figure with a unit counts 4


def _substance(claim: Claim) -> int:
    words = sum(len(t) for t in claim.terms if len(t) >= 2) + sum(len(n) for n in claim.names)
    return words + 4 * sum(1 for f in claim.figures if f.dim or f.value >= 10)


def _missing(
    claim: Claim,
    cites: Sequence[int],
    normalised: Mapping[int, str],
    facts: Mapping[int, list[Figure]],
    computed: Sequence[float],
) -> tuple[str, ...]:
    text = "".join(normalised[n] for n in cites).lower()
    pool = [f for n in cites for f in facts[n]]
    missing = [f.text for f in claim.figures if not figure_supported(f, pool, computed)]
    missing += [name for name in claim.names if name.lower() not in text]
    missing += [term for term in claim.terms if term.lower() not in text]
    return tuple(missing)


def _order(cites: Sequence[int], passages: Mapping[int, str]) -> list[int]:
    """Cited passages first, then the others in their numbering."""
    return list(cites) + [n for n in passages if n not in cites]


def _rewrite(
    claim: Claim, body: str, passages: Mapping[int, str], cites: Sequence[int]
) -> Claim | None:
    """The passage sentence that states all of the claim's figures and names, as written in the
    document, cited; None when no single sentence does. Only a figure (not a bare year) anchors a
    rewrite: a name alone would swap any sentence about a place for one that answers nothing."""
    if not any(not _is_year(f) for f in claim.figures):
        return None
    negations = [t for t in claim.terms if _NEGATION.search(t)]
    best: tuple[int, str, int] | None = None
    for n in _order(cites, passages):
        for sentence, _ in split_sentences(passages[n]):
            norm = normal(sentence)
            if not all(figure_supported(f, figures_in(norm), ()) for f in claim.figures):
                continue
            if not all(x.lower() in norm.lower() for x in (*claim.names, *negations)):
                continue
            score = len(_grams(norm) & _grams(body))
            if best is None or score > best[2]:
                best = (n, sentence, score)
    if best is None:
        return None
    n, sentence, _ = best
    text = _before_stop(" ".join(flat(CITE.sub("", sentence)).split()) + f"[{n}]")
    return replace(claim, text=text, cites=(n,), kind=REWRITTEN, written=claim.text)


def _is_year(figure: Figure) -> bool:
    return figure.dim in ("年", "") and figure.value == int(figure.value) and (
        1900 <= figure.value <= 2100)


def _before_stop(text: str) -> str:
    """「……。[1]」 → 「……[1]。」: the marker goes before the sentence's final stop."""
    m = re.match(r"^(.*?)([。！？!?；;.]+)(\[\d+\])$", text, re.DOTALL)
    return f"{m.group(1)}{m.group(3)}{m.group(2)}" if m else text


def _grams(text: str) -> set[str]:
    text = normal(CITE.sub("", text))
    return {text[i : i + 2] for i in range(len(text) - 1)}


def report(claims: Sequence[Claim]) -> ClaimReport:
    counted = [c for c in claims if c.kind != REFUSAL]
    removed = sum(1 for c in counted if c.kind == REMOVED)
    rewritten = sum(1 for c in counted if c.kind == REWRITTEN)
    return ClaimReport(kept=len(counted) - removed, removed=removed, rewritten=rewritten)


def holds(text: str, claim: Claim) -> list[str]:
    """What of ``claim`` the document text ``text`` states: its figures, names and content words
    (a rewritten claim: its whole sentence). Plain strings, for choosing which sentences to quote."""
    norm = normal(CITE.sub("", text)).lower()
    if claim.kind == REWRITTEN:
        sentence = normal(CITE.sub("", claim.text)).lower().rstrip("。！？!?；;. ")
        return [sentence] if sentence in norm else []
    facts = figures_in(norm)
    found = [f.text for f in claim.figures if figure_supported(f, facts, ())]
    found += [x for x in (*claim.names, *claim.terms) if x.lower() in norm]
    return found


def needs(claim: Claim) -> list[str]:
    """Everything `holds` may find for ``claim``."""
    if claim.kind == REWRITTEN:
        return [normal(CITE.sub("", claim.text)).lower().rstrip("。！？!?；;. ")]
    return [f.text for f in claim.figures] + [x for x in (*claim.names, *claim.terms)]


def overlap(text: str, claims: Sequence[Claim]) -> int:
    """Shared character bigrams between ``text`` and the claims' sentences."""
    mine = _grams(text)
    return sum(len(mine & _grams(c.text)) for c in claims)
