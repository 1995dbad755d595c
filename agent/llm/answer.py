"""The model's final text → a checked `Answer` whose [n] markers match its exact citations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from agent.compose import REFUSAL, REFUSAL_TRADITIONAL, in_script
from agent.llm.claims import CITE, Claim, ClaimReport, check, cites_of, mentions, overlap, report
from agent.types import Answer, Citation, Passage
from ingest.normalize import is_traditional
from ingest.reader import LoadedIndex
from ingest.types import Chunk

MAX_QUOTE = 300  # characters; a longer span of matching sentences is cut to the best one


@dataclass(frozen=True)
class LLMAnswer(Answer):
    """An `Answer` from the model, with how many of its sentences the claim check removed."""

    claims: ClaimReport = field(default_factory=lambda: ClaimReport(kept=0, removed=0))


def removed_notice(removed: int) -> str:
    return f"已删除 {removed} 句无法在资料中核实的内容" if removed else ""


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
    claims = check(raw, {n: p.text for n, p in passages.items()}, computed)
    counts = report(claims)
    kept = [c for c in claims if c.supported]
    order = list(dict.fromkeys(n for c in kept for n in c.cites if n in passages))
    if not order:
        text = REFUSAL_TRADITIONAL if traditional else REFUSAL
        return LLMAnswer(text=text, refused=True, mode="llm", question=question, short=text,
                         notice=removed_notice(counts.removed), claims=counts)
    new_number = {old: new for new, old in enumerate(order, start=1)}
    citations = [
        _citation(passages[n], [c for c in kept if n in c.cites], index, chunks) for n in order
    ]
    body = in_script(_join(claims, new_number), traditional)
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
        notice=removed_notice(counts.removed),
        claims=counts,
    )


def _join(claims: Sequence[Claim], new_number: Mapping[int, int]) -> str:
    """The supported sentences with markers renumbered; a removed sentence keeps its line break."""
    out: list[str] = []
    for claim in claims:
        if claim.supported:
            out.append(CITE.sub(lambda m: _markers(m.group(0), new_number), claim.text) + claim.sep)
        elif "\n" in claim.sep and out and not out[-1].endswith("\n"):
            out[-1] = out[-1].rstrip(" ") + "\n"
    return "".join(out).strip()


def _markers(marker: str, new_number: Mapping[int, int]) -> str:
    return "".join(f"[{new_number[n]}]" for n in cites_of(marker) if n in new_number)


def _citation(
    passage: Passage, claims: Sequence[Claim], index: LoadedIndex, chunks: Mapping[str, Chunk]
) -> Citation:
    """The sentence(s) of ``passage`` holding the claims' figures or names, as an exact slice."""
    doc = index.documents.get(passage.source)
    chunk = chunks.get(passage.chunk_id)
    spans = [
        (s.start, s.end) for s in (chunk.sentences if chunk else ())
        if passage.start <= s.start and s.end <= passage.end
    ]
    if doc is None or not spans:
        return Citation(passage.source, passage.text, passage.start, passage.end,
                        passage.page, passage.heading)
    chosen = [(a, b) for a, b in spans if mentions(doc.text[a:b], claims)]
    if not chosen:
        chosen = [max(spans, key=lambda ab: overlap(doc.text[ab[0] : ab[1]], claims))]
    start, end = chosen[0][0], chosen[-1][1]
    if end - start > MAX_QUOTE:  # far-apart sentences: quote the one closest to the claims
        start, end = max(chosen, key=lambda ab: overlap(doc.text[ab[0] : ab[1]], claims))
    return Citation(passage.source, doc.text[start:end], start, end, doc.page_at(start),
                    passage.heading)
