"""Every eval question's offline answer, as JSON: proof that a restructuring changed no answer.

    .venv/bin/python benchmarks/answer_snapshot.py --work /tmp/snap --out /tmp/snap/base.json
    .venv/bin/python benchmarks/answer_snapshot.py --work /tmp/snap --out /tmp/snap/after.json
    cmp /tmp/snap/base.json /tmp/snap/after.json

Asks the questions of evals/dataset.jsonl against corpus/ (with their history), of each
evals/suites/<suite>/dataset.jsonl against its corpus (report-paraphrases: corpus/, as the
Makefile's evals-suites target does), and of the CMRC and DRCD samples against their paragraphs
(one document each, as evals/reading.py writes them). Dumps ``{"<set>/<case id>": {"question",
"text", "refusal"}}``. Offline answerer only (an empty environment: no LLM). Each corpus gets its
own index folder under ``--work``, kept between runs so both runs read the same index.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SUITES = ("report-paraphrases", "newenergy-tea-park", "health-tourism-school", "manufacturing-plan")
READING = ("cmrc-sample", "drcd-sample")


def question_sets(work: Path):
    """``(name, corpus folder, [(id, question, history)])`` for every set the evals ask."""
    from evals.cases import load_cases
    from evals.reading import load_squad, write_corpus

    def cases(path: Path):
        return [(c.id, c.question, tuple(c.history)) for c in load_cases(path)]

    yield "main", ROOT / "corpus", cases(ROOT / "evals" / "dataset.jsonl")
    for suite in SUITES:
        corpus = ROOT / "corpus" if suite == "report-paraphrases" else ROOT / "evals/suites" / suite / "corpus"
        yield suite, corpus, cases(ROOT / "evals/suites" / suite / "dataset.jsonl")
    for name in READING:
        documents, reading = load_squad(ROOT / "evals/suites" / name / "sample.json")
        corpus = work / name / "corpus"
        write_corpus(documents, corpus)
        yield name, corpus, [(c.id, c.question, ()) for c in reading]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, required=True, help="folder for the index folders (under /tmp)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)

    from agent import PolicyQA, Settings, Turn

    settings = Settings.from_env({})
    settings = settings.with_(ingest=replace(settings.ingest, progress=False))
    dump: dict[str, dict] = {}
    for name, corpus, asked in question_sets(args.work):
        qa = PolicyQA.open(corpus_dir=corpus, index_dir=args.work / name / "index", settings=settings)
        for case_id, question, history in asked:
            answer = qa.ask(question, history=[Turn(t.question, t.answer) for t in history])
            why = answer.refusal
            dump[f"{name}/{case_id}"] = {
                "question": question,
                "text": answer.text,
                "refusal": [why.rule, why.detail] if why is not None else None,
            }
        print(f"{name}: {len(asked)} questions", file=sys.stderr, flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(dump, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(dump)} answers → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
