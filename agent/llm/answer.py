"""The model's final text → a checked `Answer` whose [n] markers match its exact citations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from agent.llm.claims import CITE, Claim, ClaimReport, check, cites_of, holds, report
from agent.llm.claims import REFUSAL as REFUSED_CLAIM
from agent.llm.instructions import without_instructions
from agent.offline.compose import REFUSAL, REFUSAL_TRADITIONAL, in_script
from agent.types import Answer, Citation, Passage
from ingest.normalize import is_traditional
from ingest.reader import LoadedIndex
from ingest.segment import Segmenter
from ingest.types import Chunk


@dataclass(frozen=True)
class LLMAnswer(Answer):
    """An `Answer` from the model: how many of its sentences the claim check kept, rewrote and
    removed, and ``raw``, the model's own final text before the check."""

    claims: ClaimReport = field(default_factory=lambda: ClaimReport(kept=0, removed=0))
    raw: str = ""

    @property
    def unverified(self) -> bool:
        """The model stated things, and none of them could be found in the passages."""
        return self.refused and self.claims.kept == 0 and self.claims.removed > 0


def removed_notice(report: ClaimReport) -> str:
    parts = []
    if report.removed:
        parts.append(f"已删除 {report.removed} 句无法在资料中核实的内容")
    if report.rewritten:
        parts.append(f"{report.rewritten} 句已改写为资料原文")
    return "；".join(parts)


def checked_claims(
    raw: str, passages: Mapping[int, Passage], computed: Sequence[float], segmenter: Segmenter
) -> list[Claim]:
    # an instruction injected into a document is not evidence: a sentence obeying it is unsupported
    return check(raw, {n: without_instructions(p.text) for n, p in passages.items()}, computed, segmenter)


def build_answer(
    question: str,
    raw: str,
    passages: Mapping[int, Passage],
    computed: Sequence[float],
    index: LoadedIndex,
    chunks: Mapping[str, Chunk],
) -> LLMAnswer:
    """Check ``raw`` sentence by sentence, keep what the cited passages support, cite exactly."""
    traditional = is_traditional(question)
    claims = checked_claims(raw, passages, computed, index.segmenter)
    counts = report(claims)
    kept = [c for c in claims if c.supported]
    order = list(dict.fromkeys(n for c in kept for n in c.cites if n in passages))
    if not order:
        text = REFUSAL_TRADITIONAL if traditional else REFUSAL
        return LLMAnswer(text=text, refused=True, mode="llm", question=question, short=text,
                         notice=removed_notice(counts), claims=counts, raw=raw)
    new_number = {old: new for new, old in enumerate(order, start=1)}
    citations = [
        _citation(passages[n], [c for c in kept if n in c.cites], index, chunks) for n in order
    ]
    body = in_script(checked_body(claims, new_number), traditional)
    short = in_script(CITE.sub("", kept[0].text).strip(), traditional)
    lines = [body, "", in_script("依据：", traditional)]
    lines += [f"[{n}] {in_script(' '.join(c.quote.split()), traditional)}（{c.source}）"
              for n, c in enumerate(citations, start=1)]
    return LLMAnswer(
        text="\n".join(lines),
        refused=False,
        citations=citations,
        mode="llm",
        question=question,
        short=short,
        notice=removed_notice(counts),
        claims=counts,
        raw=raw,
    )


def is_refusal(claims: Sequence[Claim]) -> bool:
    return any(c.kind == REFUSED_CLAIM for c in claims)


def checked_body(claims: Sequence[Claim], new_number: Mapping[int, int] | None = None) -> str:
    """The supported sentences with markers renumbered; a removed sentence keeps its line break."""
    out: list[str] = []
    for claim in claims:
        if claim.supported:
            text = claim.text
            if new_number is not None:
                text = CITE.sub(lambda m: _markers(m.group(0), new_number), text)
            out.append(text + claim.sep)
        elif "\n" in claim.sep and out and not out[-1].endswith("\n"):
            out[-1] = out[-1].rstrip(" ") + "\n"
    return "".join(out).strip()


def _markers(marker: str, new_number: Mapping[int, int]) -> str:
    return "".join(f"[{new_number[n]}]" for n in cites_of(marker) if n in new_number)


def _citation(
    passage: Passage, claims: Sequence[Claim], index: LoadedIndex, chunks: Mapping[str, Chunk]
) -> Citation:
    """The fewest adjacent sentences of ``passage`` that state everything the claims citing it
    take from it, as one exact slice of the document."""
    doc = index.documents.get(passage.source)
    chunk = chunks.get(passage.chunk_id)
    spans = [
        (s.start, s.end) for s in (chunk.sentences if chunk else ())
        if passage.start <= s.start and s.end <= passage.end
    ]
    if doc is None or not spans:
        return Citation(passage.source, passage.text, passage.start, passage.end,
                        passage.page, passage.heading)
    whole = doc.text[spans[0][0] : spans[-1][1]]
    wanted = {item for c in claims for item in holds(whole, c)}
    found = {ab: {x for c in claims for x in holds(doc.text[ab[0] : ab[1]], c)} for ab in spans}
    chosen: list[tuple[int, int]] = []
    uncovered = set(wanted)
    while uncovered:
        best = max(spans, key=lambda ab: len(found[ab] & uncovered))
        if not found[best] & uncovered:  # an item only a run of sentences states: quote them all
            chosen = spans
            break
        chosen.append(best)
        uncovered -= found[best]
    if not chosen:  # nothing specific (a calculation's operands came from elsewhere)
        chosen = [max(spans, key=lambda ab: sum(len(holds(doc.text[ab[0] : ab[1]], c))
                                                for c in claims))]
    start, end = min(a for a, _ in chosen), max(b for _, b in chosen)
    return Citation(passage.source, doc.text[start:end], start, end, doc.page_at(start),
                    passage.heading)
