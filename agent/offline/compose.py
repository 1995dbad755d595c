"""Turning chosen evidence into an `Answer`: short answer first, then numbered quotes."""

from __future__ import annotations

import re

from agent.offline.gather.evidence import Candidate
from agent.types import Answer, Citation, Refusal
from ingest.normalize import is_traditional, normalize, to_simplified, to_written_traditional
from ingest.reader import LoadedIndex

REFUSAL = "资料中没有相关信息。"
REFUSAL_TRADITIONAL = "資料中沒有相關資訊。"


def in_script(text: str, traditional: bool) -> str:
    return to_written_traditional(text) if traditional else to_simplified(text)


def quoted(text: str, traditional: bool) -> str:
    """A document's words in the question's script: as written when they are in it already
    (「最長為三年」 stays 為 and 「台灣」 台灣, which conversion would write 爲 and 臺灣)."""
    if traditional and is_traditional(text):
        return text
    return in_script(text, traditional)


_PUNCTUATION = re.compile(r"([\s，。；、：,.;:！？!?（）()]+)")


def written_as(short: str, quotes: list[str], traditional: bool) -> str:
    """The short answer (made from the Simplified reading of the text) in the question's script,
    each clause as the cited passage writes it when one holds it (「最長為三年」, not the 爲 that
    converting its Simplified form back with OpenCC's s2t gives), else converted."""
    quoted = _as_quoted(short, quotes, traditional)
    if quoted:
        return quoted
    if not traditional:
        return to_simplified(short)
    readings = [(q, to_simplified(q)) for q in quotes if is_traditional(q)]  # a Simplified passage is converted
    out = []
    for piece in _PUNCTUATION.split(short):
        for quote, reading in readings:
            at = reading.find(piece) if piece and len(reading) == len(quote) else -1
            if at >= 0:
                out.append(quote[at : at + len(piece)])
                break
        else:
            out.append(to_written_traditional(piece))
    return "".join(out)


def _as_quoted(short: str, quotes: list[str], traditional: bool) -> str:
    """The short answer as a cited passage writes it, when it is a piece of one: its brackets and
    digits as written (「3台（套）」, not the 「3台(套)」 of the search form), its characters in
    the question's script; "" when no passage holds it whole."""
    for quote in quotes:
        norm = normalize(quote)
        at = norm.text.find(short) if short else -1
        if at < 0:
            continue
        start, end = norm.original_span(at, at + len(short))
        piece = quote[start:end]
        if not traditional:
            return to_simplified(piece)
        if is_traditional(quote):
            return piece
    return ""


def citation_for(candidate: Candidate, index: LoadedIndex) -> Citation:
    doc = index.documents[candidate.source]
    heading = ""
    for chunk in index.chunks_of(candidate.source):
        if chunk.start <= candidate.start < chunk.end:
            heading = chunk.heading
            break
    return Citation(
        source=candidate.source,
        quote=doc.text[candidate.start : candidate.end],
        start=candidate.start,
        end=candidate.end,
        page=doc.page_at(candidate.start),
        heading=heading,
    )


def compose(
    question: str,
    short: str,
    evidence: list[Candidate],
    index: LoadedIndex,
    traditional: bool,
    notes: list[str] | None = None,
) -> Answer:
    citations = [citation_for(c, index) for c in evidence]
    short = written_as(short, [c.quote for c in citations], traditional)
    lines = [short]
    for note in notes or ():
        lines.append(in_script(note, traditional))
    lines.append("")
    lines.append(in_script("依据：", traditional))
    for number, cite in enumerate(citations, start=1):
        lines.append(f"[{number}] {quoted(cite.quote, traditional)}（{cite.source}）")
    return Answer(
        text="\n".join(lines),
        refused=False,
        citations=citations,
        mode="offline",
        question=question,
        short=short,
    )


def refusal(question: str, traditional: bool, why: Refusal | None = None) -> Answer:
    """「资料中没有相关信息。」 in the asker's script; ``why`` records the check that refused."""
    text = REFUSAL_TRADITIONAL if traditional else REFUSAL
    return Answer(text=text, refused=True, citations=[], mode="offline", question=question,
                  short=text, refusal=why)


def answer_of(draft, index: LoadedIndex) -> Answer:
    """The last stage: a settled draft composed, or its refusal, in the asker's script."""
    if draft.refusal is not None:
        return refusal(draft.question, draft.traditional, draft.refusal)
    return compose(draft.question, draft.short, list(draft.evidence), index, draft.traditional,
                   list(draft.notes))
