"""Example questions drawn from the documents actually indexed (never fixed strings).

Per document, the templates its metadata or text can fill: how much a figure it reports grew
or reached, what the company it names most does, who issued it, its document number. Each
question is made of the document's own words, so the examples change with the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.normalize import normalize, to_simplified
from ingest.types import LoadedDocument
from ingest.vocabulary import extract_terms

MAX_EXAMPLES = 4
_ORG = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团|研究院|研究所|实验室|大学)$")
# 「全区人工智能产业营收增长39.3%」: a subject (after the last comma), a verb of change, a figure
_FIGURE = re.compile(
    r"([\u4e00-\u9fff]{4,18}?)(增长|提高|提升|下降|达到|突破)了?\s*\d[\d.]*\s*(?:%|[万亿][\u4e00-\u9fff])"
)
_LEADING = re.compile(r"^(?:[年月日]|其中|同比|今年|去年|全年|目前|截至|累计|共|已|将|预计)+")


def example_questions(docs: Sequence[LoadedDocument], limit: int = MAX_EXAMPLES) -> list[str]:
    """Up to ``limit`` questions, one per document first (newest documents first), then more."""
    per_doc: list[list[str]] = []  # made as the rounds reach each document: with 10,000
    out: list[str] = []            # documents the first round stops after a handful of them
    for round_ in range(3):
        for i, doc in enumerate(docs):
            if i == len(per_doc):
                per_doc.append(_questions(doc))
            questions = per_doc[i]
            if round_ < len(questions) and questions[round_] not in out:
                out.append(questions[round_])
            if len(out) >= limit:
                return out
    return out


def _questions(doc: LoadedDocument) -> list[str]:
    title = to_simplified(doc.meta.title).strip()
    number = doc.meta.doc_number
    # a document is named by its title, or by its number when the title found is the number
    name = f"《{title}》" if 0 < len(title) <= 30 and title != number else number
    out = []
    if figure := _figure(doc):
        out.append(figure)
    if org := _organisation(doc):
        out.append(f"{org}是做什么的？")
    if doc.meta.issuer and name:
        out.append(f"{name}是哪个部门印发的？")
    if number and name and name != number:
        out.append(f"{name}的文号是什么？")
    return out


def _figure(doc: LoadedDocument) -> str:
    """「全区人工智能产业营收增长了多少？」 from the first sentence reporting such a figure."""
    match = _FIGURE.search(normalize(doc.text).text)
    if not match:
        return ""
    subject = _LEADING.sub("", match.group(1))
    verb = match.group(2)
    if len(subject) < 4:
        return ""
    return f"{subject}{verb}了多少？" if verb not in ("达到", "突破") else f"{subject}{verb}多少？"


def _organisation(doc: LoadedDocument) -> str:
    """The company the document names most often (full company names first; a name that
    another found name ends with is cut to it: 「比如江澜恒锐…公司」 → 「江澜恒锐…公司」)."""
    text = normalize(doc.text).text
    orgs = [t for t in extract_terms([text]) if _ORG.search(t) and 4 <= len(t) <= 16]
    orgs = [t for t in orgs if not any(o != t and t.endswith(o) for o in orgs)]
    if not orgs:
        return ""
    return max(orgs, key=lambda t: ("公司" in t, text.count(t), -text.find(t)))
