"""Every question of a SQuAD-style set through the offline pipeline, with what each stage left.

    .venv/bin/python benchmarks/reading_drafts.py cmrc OUT.json            # CMRC 2018 trial
    .venv/bin/python benchmarks/reading_drafts.py drcd OUT.json --limit 1000
    .venv/bin/python benchmarks/reading_drafts.py compare BEFORE.json AFTER.json

A development tool for the answerer (issue 9): the index of each set is kept in ``--work`` (default
/tmp/policyqa-reading/<set>), so a second run only asks. Per question it records the scores of
`evals.reading` (span in the first line, F1, first citation, refusal and its rule) and the draft:
the deciding stage, the question type, the asked slot and the five best candidate sentences with
the span `extract_span` finds in each. ``compare`` prints the questions whose result changed and
the gained/lost counts, so a change to a rule is judged by the questions it moves.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DATA = {"cmrc": "cmrc2018_trial.json", "drcd": "drcd_dev.json"}


def record(pipe, case, tagged) -> dict:
    from agent.offline.compose import answer_of
    from agent.offline.extract.span import extract_span
    from agent.offline.understand.answer_type import asked_slot
    from evals.reading import score_answer

    started = time.perf_counter()
    draft = pipe.draft(case.question)
    answer = answer_of(draft, pipe.docs.index)
    row = asdict(score_answer(case, answer, "corpus"))
    row["seconds"] = round(time.perf_counter() - started, 4)
    q = draft.q
    slot = asked_slot(q.text) if q else None
    row.update(
        gold_source=f"corpus/{case.source}", decided_by=draft.decided_by, qtype=q.qtype if q else "",
        qtext=q.text if q else "", short=draft.short,
        slot={"kind": slot.kind, "noun": slot.noun} if slot else {},
    )
    row["cands"] = []
    for cand in draft.candidates[:5]:
        found = extract_span(q.text, cand.norm, tagged) if q else None
        row["cands"].append({
            "source": cand.source, "norm": cand.norm, "text": cand.text, "score": cand.score,
            "span": None if found is None else {"text": found.text, "kind": found.kind, "score": found.score,
                                                "aligned": found.aligned, "typed": found.typed},
        })
    return row


def run(args) -> None:
    from agent import PolicyQA
    from evals.reading import load_squad, write_corpus

    documents, cases = load_squad(args.data_dir / DATA[args.set])
    cases = cases[: args.limit] if args.limit else cases
    if args.only:
        cases = [c for c in cases if re.search(args.only, c.question)]
    work = args.work or Path("/tmp/policyqa-reading") / args.set
    corpus = work / "corpus"
    if not corpus.exists():
        write_corpus(documents, corpus)
    qa = PolicyQA.open(corpus_dir=corpus, index_dir=work / "index")
    pipe = qa.offline.pipeline
    rows = [record(pipe, case, pipe.docs.index.segmenter.tagged) for case in cases]
    Path(args.out).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    n = len(rows) or 1
    print(f"{args.set}: {len(rows)} questions; span in first line {sum(r['span_first_line'] for r in rows) / n:.1%}, "
          f"anywhere {sum(r['span_anywhere'] for r in rows) / n:.1%}, first citation gold "
          f"{sum(r['gold_cited_first'] for r in rows) / n:.1%}, refused {sum(r['refused'] for r in rows)}, "
          f"F1 {sum(r['f1'] for r in rows) / n:.3f}")


def compare(before: Path, after: Path) -> None:
    a = {r["id"]: r for r in json.loads(Path(before).read_text(encoding="utf-8"))}
    b = {r["id"]: r for r in json.loads(Path(after).read_text(encoding="utf-8"))}
    gained = lost = 0
    for key in a.keys() & b.keys():
        x, y = a[key], b[key]
        if (x["span_first_line"], x["refused"], x["gold_cited_first"]) == (y["span_first_line"], y["refused"], y["gold_cited_first"]):
            continue
        gained += y["span_first_line"] > x["span_first_line"]
        lost += y["span_first_line"] < x["span_first_line"]
        print(f"{key} {x['question']}  gold: {x['answers'][0][:40]}")
        for tag, r in (("before", x), ("after", y)):
            print(f"  {tag}: span={r['span_first_line']} cited={r['gold_cited_first']} f1={r['f1']:.2f} "
                  f"{r['first_line'][:70]} {r['refusal']}")
    print(f"gained {gained}, lost {lost}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "compare":
        compare(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("set", choices=sorted(DATA))
    p.add_argument("out", type=Path)
    p.add_argument("--limit", type=int, help="the first N questions")
    p.add_argument("--only", help="only questions matching this regular expression")
    p.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    p.add_argument("--work", type=Path, help="corpus and index folder (default /tmp/policyqa-reading/SET)")
    run(p.parse_args())


if __name__ == "__main__":
    main()
