"""Score the offline answerer on notice probes: small corpora of policy notices with residents'
questions, written by helpers who never saw the code (evals/probes/<name>/: corpus/*.txt,
qs.tsv of question, answer spans joined by |, and the gold file or REFUSE; see its README).

    .venv/bin/python benchmarks/notice_probes.py evals/probes/probe30
    .venv/bin/python benchmarks/notice_probes.py evals/probes/probe3* --quiet
    .venv/bin/python benchmarks/notice_probes.py evals/probes/probe5* --quiet --reasons

Per probe: answer span inside the first line, first citation from the gold notice, answerable
questions refused, unanswerable (REFUSE) questions refused. Spans are compared as the reading
suites compare them (normalised, Simplified, punctuation stripped). The index of each probe is
kept under --index-root, so a second run only asks. --reasons adds, per probe, how many answerable
questions each refusal rule refused and how many REFUSE questions it caught, without printing any
question (safe on a probe kept blind).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from agent import PolicyQA, Settings
from evals.reading import _chars
from evals.runner import refusal_reason
from ingest.normalize import normalize_query


def score(probe: Path, index_root: Path, quiet: bool = False, rules: dict[str, Counter] | None = None) -> dict[str, int]:
    qa = PolicyQA.open(corpus_dir=probe / "corpus", index_dir=index_root / probe.name, settings=Settings.from_env())
    counts = dict.fromkeys(("answerable", "span", "cited", "false_refusals", "unanswerable", "refused"), 0)
    for line in (probe / "qs.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        question, gold, source = line.split("\t")[:3]
        answer = qa.ask(question)
        first = "" if answer.refused else answer.text.split("\n", 1)[0]
        cited = answer.citations[0].source.rsplit("/", 1)[-1] if answer.citations else ""
        if answer.refused and rules is not None:
            rules["caught" if source == "REFUSE" else "false"][refusal_reason(answer).split(":")[0]] += 1
        if source == "REFUSE":
            counts["unanswerable"] += 1
            counts["refused"] += answer.refused
            mark = "R+" if answer.refused else "R-"
        else:
            counts["answerable"] += 1
            spans = [_chars(normalize_query(g)) for g in gold.split("|")]
            span = not answer.refused and any(s in _chars(normalize_query(first)) for s in spans)
            counts["span"] += span
            counts["cited"] += cited == source
            counts["false_refusals"] += answer.refused
            mark = ("S" if span else "-") + ("C" if cited == source else "-") + ("X" if answer.refused else "")
        if not quiet:
            print(f"{mark:3} {question} | {gold} | {first[:80]} | {cited} {refusal_reason(answer)[:60]}")
    return counts


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("probes", nargs="+", type=Path, help="probe folders (corpus/ and qs.tsv)")
    p.add_argument("--index-root", type=Path, default=Path(".cache/probes"))
    p.add_argument("--quiet", action="store_true", help="totals only")
    p.add_argument("--reasons", action="store_true", help="refusal rules counted per probe (no questions)")
    args = p.parse_args(argv)
    for probe in args.probes:
        if not (probe / "qs.tsv").is_file() or not (probe / "corpus").is_dir():
            print(f"notice_probes: {probe} has no qs.tsv and corpus/", file=sys.stderr)
            return 2
        rules = {"false": Counter(), "caught": Counter()} if args.reasons else None
        c = score(probe, args.index_root, args.quiet, rules)
        print(f"{probe.name}: span {c['span']}/{c['answerable']}  cited {c['cited']}/{c['answerable']}  "
              f"false refusals {c['false_refusals']}  REFUSE refused {c['refused']}/{c['unanswerable']}")
        if rules is not None:
            print(f"  false refusals by rule: {dict(rules['false'].most_common())}")
            print(f"  REFUSE caught by rule: {dict(rules['caught'].most_common())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
