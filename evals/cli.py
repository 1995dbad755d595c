"""``python -m evals``: run the suite, print per-category accuracy, write the report, gate CI.

``python -m evals import-feedback``: thumbs-down records → draft cases for review.
``python -m evals gate [--report PATH]``: check an existing report against the thresholds.
Exit codes: 0 ok, 1 a metric is below its threshold (``--gate``), 2 bad input or configuration.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from evals.cases import DATASET_PATH

DEFAULT_OUTPUT = Path("evals/reports")
DEFAULT_CACHE = Path(".cache/evals/embeddings.sqlite")


def _levels(text: str) -> tuple[int, ...]:
    try:
        levels = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: use counts like 0,200,1000") from None
    if not levels or any(n < 0 for n in levels):
        raise argparse.ArgumentTypeError(f"{text!r}: use counts ≥ 0 like 0,200,1000")
    return levels


def run_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m evals",
        description="Run the PolicyQA eval suite: PolicyQA and baselines on every case, report, gate.",
    )
    p.add_argument("--corpus", type=Path, default=Path("corpus"), help="corpus folder (read only)")
    p.add_argument("--dataset", type=Path, default=DATASET_PATH, help="eval cases (JSONL)")
    p.add_argument("--index-dir", type=Path, help="index folder to build/refresh (default: temporary)")
    p.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT,
                   help="where latest.json/.md/.png go (default: %(default)s)")
    p.add_argument("--name", default="latest",
                   help="report file stem: NAME.json/.md/.png (default: %(default)s)")
    p.add_argument("--distractors", type=int, metavar="N", help="add N generated look-alike documents")
    p.add_argument("--seed", type=int, default=0, help="distractor seed (default: %(default)s)")
    p.add_argument("--sweep", type=_levels, metavar="0,200,1000", help="run several distractor levels")
    p.add_argument("--no-baselines", dest="baselines", action="store_false",
                   help="skip the LangChain-dense and BM25 baselines")
    p.add_argument("--gate", action="store_true", help="exit 1 when a metric is below its threshold")
    p.add_argument("--thresholds", type=Path, help="thresholds TOML (default: evals/thresholds.toml)")
    p.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                   help="passage-embedding cache (default: %(default)s)")
    p.add_argument("--no-cache", dest="cache", action="store_const", const=None,
                   help="embed everything afresh (cold-start timing)")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    p.add_argument("--llm", action="store_true",
                   help="also answer with the LLM: the endpoint in QA_LLM_BASE_URL/QA_LLM_MODEL, "
                        "else a local llama.cpp server with the bundled SmolLM2-135M started for "
                        "this run (~30 s per question on 2 cores; use --sample)")
    p.add_argument("--sample", type=int, metavar="N",
                   help="run N cases spread over the categories (default: all)")
    p.add_argument("--no-judge", dest="judge", action="store_false",
                   help="skip the LLM-judge faithfulness pass (always skipped with the local server)")
    return p


def feedback_parser() -> argparse.ArgumentParser:
    from evals.feedback import DEFAULT_INPUT
    from evals.feedback import DEFAULT_OUTPUT as DRAFTS

    p = argparse.ArgumentParser(prog="python -m evals import-feedback",
                                description="thumbs-down feedback → draft eval cases to review")
    p.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="default: %(default)s")
    p.add_argument("--output", type=Path, default=DRAFTS, help="default: %(default)s")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["import-feedback"]:
        return import_feedback_command(argv[1:])
    if argv[:1] == ["gate"]:
        return gate_command(argv[1:])
    if argv[:1] == ["reading"]:
        return reading_command(argv[1:])
    args = run_parser().parse_args(argv)
    if args.distractors is not None and args.distractors < 0:
        print(f"--distractors {args.distractors}: use a count ≥ 0", file=sys.stderr)
        return 2
    levels = args.sweep or ((args.distractors,) if args.distractors is not None else (0,))
    if args.index_dir is not None and any(levels):
        print("--index-dir cannot be combined with --distractors/--sweep: generated documents "
              "only ever go into a temporary index (the embedding cache keeps reruns fast)",
              file=sys.stderr)
        return 2
    if not args.corpus.is_dir():
        print(f"no corpus folder {args.corpus}; pass --corpus PATH", file=sys.stderr)
        return 2
    if args.sample is not None and args.sample < 1:
        print(f"--sample {args.sample}: use a count ≥ 1", file=sys.stderr)
        return 2
    return run_command(args, levels)


def run_command(args, levels: tuple[int, ...]) -> int:
    from agent import PolicyQAError, Settings
    from evals.chart import write_chart
    from evals.compare import compare, previous_report
    from evals.errors import CaseFormatError
    from evals.gate import THRESHOLDS_PATH, ThresholdsError, check, load_thresholds
    from evals.judge import judge_faithfulness
    from evals.records import CaseRecord
    from evals.report import render_markdown, write_json
    from evals.suite import SuiteOptions, run_suite
    from ingest.errors import IngestError

    started = time.perf_counter()
    progress = (lambda _: None) if args.quiet else (lambda msg: print(msg, file=sys.stderr, flush=True))
    server = None
    try:
        thresholds = load_thresholds(args.thresholds or THRESHOLDS_PATH) if args.gate else None
        settings = Settings.from_env()
        settings = settings.with_(ingest=replace(settings.ingest, progress=not args.quiet))
        if args.llm and not settings.llm.enabled:
            server = _local_server(progress)
            llm = replace(settings.llm, base_url=server.base_url, model=server.model)
            settings = settings.with_(llm=llm)
        options = SuiteOptions(settings=settings, corpus_dir=args.corpus, dataset=args.dataset,
                               levels=levels, seed=args.seed, baselines=args.baselines,
                               index_dir=args.index_dir, cache_path=args.cache, sample=args.sample)
        report = run_suite(options, progress)
    except (CaseFormatError, ThresholdsError, PolicyQAError, IngestError, OSError) as exc:
        print(f"evals: {exc}", file=sys.stderr)
        return 2
    finally:
        if server is not None:
            server.stop()
    first = report["levels"][0]
    if server is not None or not args.judge:
        report["judge"] = {"skipped": "--no-judge, or the local test model (too weak to judge)"}
    elif "policyqa-llm" in first["cases"]:
        records = [CaseRecord.from_dict(c) for c in first["cases"]["policyqa-llm"]]
        report["judge"] = judge_faithfulness(settings.llm, records)
    else:
        report["judge"] = judge_faithfulness(settings.llm, [])
    json_path = args.output_dir / f"{args.name}.json"
    md_path, png_path = json_path.with_suffix(".md"), json_path.with_suffix(".png")
    previous, where = previous_report(json_path)
    report["comparison"] = compare(previous, report, where)
    report["wall_seconds"] = round(time.perf_counter() - started, 1)
    write_json(report, json_path)
    language = write_chart(report, png_path)
    md_path.write_text(render_markdown(report, png_path.name), encoding="utf-8")
    print(summary_table(report))
    print(f"report: {json_path}, {md_path}, {png_path} (chart labels: {language}); "
          f"{report['wall_seconds']:.1f} s")
    for lv in report["comparison"]["levels"]:
        print(f"N={lv['distractors']}: regressions {', '.join(lv['regressions']) or 'none'}; "
              f"fixes {', '.join(lv['fixes']) or 'none'}")
    if thresholds is not None:
        return _print_gate(check(report, thresholds))
    return 0


def _local_server(progress):
    from agent.llm.local_server import start_local_server

    progress("starting a local llama.cpp server with the bundled SmolLM2-135M …")
    server = start_local_server()
    progress(f"llama.cpp server pid {server.pid} at {server.base_url} (log {server.log_path})")
    return server


def _print_gate(failures: list[str]) -> int:
    for line in failures:
        print(f"GATE FAIL {line}")
    print("gate: failed" if failures else "gate: passed")
    return 1 if failures else 0


def gate_command(argv: list[str]) -> int:
    import json

    from evals.gate import THRESHOLDS_PATH, check, load_thresholds

    p = argparse.ArgumentParser(prog="python -m evals gate",
                                description="check a written report against the thresholds")
    p.add_argument("--report", type=Path, default=DEFAULT_OUTPUT / "latest.json")
    p.add_argument("--thresholds", type=Path, default=THRESHOLDS_PATH)
    args = p.parse_args(argv)
    try:
        report = json.loads(args.report.read_text(encoding="utf-8"))
        thresholds = load_thresholds(args.thresholds)
    except (OSError, ValueError) as exc:  # ThresholdsError and JSON errors are ValueErrors
        print(f"evals gate: {exc}", file=sys.stderr)
        return 2
    return _print_gate(check(report, thresholds))


def summary_table(report: dict) -> str:
    def pct(value):
        return "    –" if value is None else f"{100 * value:5.1f}%"

    lines = []
    for level in report["levels"]:
        systems = level["systems"]
        names = list(systems)
        lines.append(f"\nN = {level['distractors']} distractors ({level['documents']} documents, "
                     f"{level['chunks']} chunks): key-fact accuracy")
        lines.append(f"{'category':<14}{'n':>4}  " + "  ".join(f"{n:>18}" for n in names))
        categories = [c for c in systems["policyqa"]["metrics"] if c != "overall"] + ["overall"]
        for category in categories:
            count = systems["policyqa"]["metrics"][category]["count"]
            cells = "  ".join(
                f"{pct(systems[n]['metrics'][category]['key_fact_accuracy']):>18}" for n in names
            )
            lines.append(f"{category:<14}{count:>4}  {cells}")
        m = systems["policyqa"]["metrics"]["overall"]
        lines.append(
            f"refusal P/R {pct(m['refusal_precision'])}/{pct(m['refusal_recall'])}  "
            f"citation support {pct(m['citation_support'])}  hit@1/3/5 {pct(m['hit@1'])}/"
            f"{pct(m['hit@3'])}/{pct(m['hit@5'])}  MRR {m['mrr'] or 0:.3f}  "
            f"ask p50/p95 {1000 * (m['latency_p50'] or 0):.0f}/{1000 * (m['latency_p95'] or 0):.0f} ms"
        )
        if "policyqa-llm" in systems:
            m = systems["policyqa-llm"]["metrics"]["overall"]
            lines.append(
                f"LLM: refusal P/R {pct(m['refusal_precision'])}/{pct(m['refusal_recall'])}  "
                f"citation support {pct(m['citation_support'])}  claim check removed "
                f"{pct(m['claim_removed_share'])} of sentences  answers with an unsupported "
                f"sentence {pct(m['unsupported_answer_share'])}  offline answer shown "
                f"{pct(m['fallback_share'])}  ask p50/p95 {m['latency_p50'] or 0:.1f}/"
                f"{m['latency_p95'] or 0:.1f} s"
            )
    return "\n".join(lines)


def reading_command(argv: list[str]) -> int:
    """``python -m evals reading``: a SQuAD-style set, every paragraph a document."""
    import json
    import tomllib

    from agent import PolicyQAError, Settings
    from evals.embedding_cache import CachedEmbedder
    from evals.reading import render, run_reading
    from ingest.embeddings import load_embedder
    from ingest.errors import IngestError

    p = argparse.ArgumentParser(prog="python -m evals reading",
                                description="reading comprehension: span, citation, refusal, F1")
    p.add_argument("--data", type=Path, required=True, help="SQuAD-style JSON (CMRC, DRCD)")
    p.add_argument("--limit", type=int, help="ask only the first N questions")
    p.add_argument("--name", help="report stem in --output-dir (default: the data file's stem)")
    p.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT)
    p.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="passage-embedding cache")
    p.add_argument("--gate", action="store_true", help="exit 1 below the thresholds")
    p.add_argument("--thresholds", type=Path,
                   help="TOML with a [reading] table (default: thresholds.toml beside --data)")
    p.add_argument("--quiet", action="store_true")
    args = p.parse_args(argv)
    if not args.data.is_file():
        print(f"evals reading: no file {args.data}; pass --data PATH to a SQuAD-style JSON",
              file=sys.stderr)
        return 2
    progress = (lambda _: None) if args.quiet else (lambda m: print(m, file=sys.stderr, flush=True))
    settings = Settings.from_env()
    settings = settings.with_(ingest=replace(settings.ingest, progress=not args.quiet))
    try:
        embedder = CachedEmbedder(load_embedder(settings.ingest.embeddings), args.cache)
        report = run_reading(args.data, settings, embedder, args.limit, progress)
    except (PolicyQAError, IngestError, OSError, KeyError, ValueError) as exc:
        print(f"evals reading: {exc}", file=sys.stderr)
        return 2
    stem = args.name or args.data.stem
    args.output_dir.mkdir(parents=True, exist_ok=True)
    json_path = args.output_dir / f"reading-{stem}.json"
    json_path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    markdown = render(report)
    json_path.with_suffix(".md").write_text(markdown, encoding="utf-8")
    print("\n".join(markdown.splitlines()[:14]))
    print(f"report: {json_path}, {json_path.with_suffix('.md')}")
    if not args.gate:
        return 0
    thresholds_path = args.thresholds or args.data.parent / "thresholds.toml"
    try:
        minimums = tomllib.loads(thresholds_path.read_text(encoding="utf-8"))["reading"]
    except (OSError, KeyError, tomllib.TOMLDecodeError) as exc:
        print(f"evals reading: thresholds {thresholds_path}: {exc}", file=sys.stderr)
        return 2
    failures = []
    for metric, bound in minimums.items():
        value = report["metrics"].get(metric.removeprefix("max_"))
        if value is None:
            failures.append(f"{metric}: unknown metric")
        elif metric.startswith("max_") and value > bound:
            failures.append(f"{metric}: {value:.3f} > {bound}")
        elif not metric.startswith("max_") and value < bound:
            failures.append(f"{metric}: {value:.3f} < {bound}")
    return _print_gate(failures)


def import_feedback_command(argv: list[str]) -> int:
    from evals.feedback import FeedbackFormatError, import_feedback

    args = feedback_parser().parse_args(argv)
    try:
        drafts = import_feedback(args.input, args.output)
    except (FeedbackFormatError, FileNotFoundError) as exc:
        print(f"evals import-feedback: {exc}", file=sys.stderr)
        return 2
    print(f"{len(drafts)} draft case(s) written to {args.output}; review them (fill key_facts, "
          "answerable, category) before moving them into evals/dataset.jsonl")
    return 0
