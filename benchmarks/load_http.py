"""Load on the real web app over HTTP: concurrent chat sessions, and questions during an upload.

    python benchmarks/load_http.py [--sessions 20] [--questions 10] [--corpus corpus]

Starts ``python app.py`` on a free port over a copy of the corpus (index built in a temporary
folder) and drives it with ``gradio_client``, one `Client` (one Gradio session) per user:

1. Scripts: pairs (question, follow-up that depends on it) from the eval dataset's follow-up
   cases; each session asks the pairs in its own order, so histories differ between sessions.
2. Reference: every distinct script once, alone and in order (the single-user answers).
3. Load: all sessions at once. Each reply must equal the reference reply for the same history
   (the time in the badge aside), and the chat each session gets back must hold exactly its own
   questions in its own order (no other session's history).
4. Upload: a new document is uploaded (indexed for several seconds) while other sessions keep
   asking a question it answers; each reply must be the reply before or the reply after the
   upload, nothing in between, and replies must keep arriving while it is indexed.

Prints a table; exit code 1 when any check fails. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from support import free_port, start_app, stop_app

_TIME = re.compile(r"\d+\.\d+ 秒")
NEW_DOC_TITLE = "临江市低空经济发展行动方案"
NEW_DOC_QUESTION = "临江市低空经济产值目标是多少？"


def follow_up_pairs(dataset: Path, count: int) -> list[tuple[str, str]]:
    pairs = []
    for line in dataset.read_text(encoding="utf-8").splitlines():
        case = json.loads(line) if line.strip() else {}
        history = case.get("history") or []
        if case.get("category") == "follow-up" and len(history) == 1:
            pairs.append((history[0]["question"], case["question"]))
    if len(pairs) < count:
        raise SystemExit(f"{dataset} 只有 {len(pairs)} 组追问，需要 {count} 组；请减少 --questions")
    return pairs[:count]


def scripts(pairs: list[tuple[str, str]], sessions: int) -> list[list[str]]:
    """Session i asks the pairs rotated by i (reversed for odd rounds): up to 2×len(pairs)
    distinct histories."""
    out = []
    for i in range(sessions):
        k = i % len(pairs)
        order = pairs[k:] + pairs[:k]
        if (i // len(pairs)) % 2:
            order = order[::-1]
        out.append([q for pair in order for q in pair])
    return out


def text_of(message: dict) -> str:
    content = message["content"]
    if isinstance(content, list):
        content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return _TIME.sub("", str(content))


def run_session(url: str, questions: list[str]) -> tuple[list[str], list[float], list[str], list[str]]:
    """Ask ``questions`` in one Gradio session: (replies, seconds each, errors, user turns seen)."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    chat: list = []
    replies, seconds, errors = [], [], []
    for question in questions:
        started = time.perf_counter()
        try:
            _, chat = client.predict(question, chat, api_name="/respond")
            replies.append(text_of(chat[-1]))
        except Exception as exc:  # noqa: BLE001 -- every failure is counted and shown
            errors.append(f"{question}: {type(exc).__name__}: {exc}")
            replies.append("")
        seconds.append(time.perf_counter() - started)
    seen = [text_of(m) for m in chat if m["role"] == "user"]
    return replies, seconds, errors, seen


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))] if values else 0.0


def new_document(paragraphs: int) -> str:
    lines = [NEW_DOC_TITLE, "到2026年，全市低空经济产值达到80亿元，建成无人机起降场12个。"]
    for n in range(1, paragraphs + 1):
        lines.append(
            f"第{n}项任务：在第{n}片区布设低空航线{n * 3}条，配套建设通信导航监视设施{n}套，"
            f"由市交通运输局会同第{n}片区管委会负责，{2025 + n % 3}年底前完成验收并投入运行。"
        )
    return "\n".join(lines) + "\n"


def upload_phase(url: str, root: Path, askers: int) -> dict:
    """Ask NEW_DOC_QUESTION from fresh sessions while a document that answers it is indexed."""
    from gradio_client import Client, handle_file

    before = run_session(url, [NEW_DOC_QUESTION])[0][0]
    doc = root / "upload" / "低空经济行动方案.txt"
    doc.parent.mkdir()
    doc.write_text(new_document(40), encoding="utf-8")
    done = threading.Event()
    replies: list[tuple[float, str]] = []
    errors: list[str] = []
    lock = threading.Lock()

    def ask_until_done() -> None:
        while not done.is_set():
            r, _, e, _ = run_session(url, [NEW_DOC_QUESTION])
            with lock:
                replies.append((time.perf_counter(), r[0]))
                errors.extend(e)

    with ThreadPoolExecutor(askers) as pool:
        futures = [pool.submit(ask_until_done) for _ in range(askers)]
        time.sleep(1.0)
        started = time.perf_counter()
        outcome = Client(url, verbose=False).predict(
            [handle_file(str(doc))], "", "入库时间（新→旧）", api_name="/on_upload"
        )[0]
        finished = time.perf_counter()
        time.sleep(1.0)
        done.set()
        for f in futures:
            f.result()
    after = run_session(url, [NEW_DOC_QUESTION])[0][0]
    during = [r for t, r in replies if started <= t <= finished]
    return {
        "upload_seconds": finished - started,
        "uploaded": "入库 1 个" in outcome,
        "answered_during": len(during),
        "replies": len(replies),
        "neither": sum(r not in (before, after) for _, r in replies),
        "changed": before != after and NEW_DOC_TITLE in after,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--questions", type=int, default=10, help="per session (even: pairs)")
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument("--dataset", type=Path, default=REPO / "evals" / "dataset.jsonl")
    parser.add_argument("--askers", type=int, default=4, help="sessions asking during the upload")
    args = parser.parse_args(argv)
    if args.questions < 2 or args.questions % 2:
        parser.error(f"--questions {args.questions}：须为 ≥2 的偶数（问题与追问成对）")

    root = Path(tempfile.mkdtemp(prefix="load-http-"))
    shutil.copytree(args.corpus, root / "corpus")
    plans = scripts(follow_up_pairs(args.dataset, args.questions // 2), args.sessions)
    started = time.perf_counter()
    proc, url, _ = start_app(root, free_port())
    print(f"app up in {time.perf_counter() - started:.1f} s at {url}", file=sys.stderr)
    failures = []
    try:
        distinct = {tuple(p) for p in plans}
        reference = {p: run_session(url, list(p)) for p in distinct}
        ref_errors = [e for r in reference.values() for e in r[2]]
        single = [s for r in reference.values() for s in r[1]]

        started = time.perf_counter()
        with ThreadPoolExecutor(args.sessions) as pool:
            results = list(pool.map(lambda p: run_session(url, p), plans))
        wall = time.perf_counter() - started
        latencies = [s for r in results for s in r[1]]
        errors = [e for r in results for e in r[2]] + ref_errors
        mismatched = sum(
            got != want
            for plan, r in zip(plans, results)
            for got, want in zip(r[0], reference[tuple(plan)][0])
        )
        foreign = sum(r[3] != plan for plan, r in zip(plans, results))
        upload = upload_phase(url, root, args.askers)
    finally:
        stop_app(proc)
        shutil.rmtree(root, ignore_errors=True)

    total = len(latencies)
    rows = [
        ("sessions × questions", f"{args.sessions} × {args.questions} = {total}"),
        ("distinct histories (single-user reference)", str(len(distinct))),
        ("errors", str(len(errors))),
        ("replies ≠ single-user reply, same history", str(mismatched)),
        ("sessions whose chat held other questions", str(foreign)),
        ("latency single user p50 / p95", f"{statistics.median(single):.2f} s / {percentile(single, .95):.2f} s"),
        ("latency under load p50 / p95", f"{statistics.median(latencies):.2f} s / {percentile(latencies, .95):.2f} s"),
        ("throughput under load", f"{total / wall:.2f} questions/s ({wall:.0f} s)"),
        ("upload indexed in", f"{upload['upload_seconds']:.1f} s (added: {upload['uploaded']})"),
        ("replies during the upload", str(upload["answered_during"])),
        ("replies neither old nor new index", f"{upload['neither']} of {upload['replies']}"),
        ("reply changed by the upload", str(upload["changed"])),
        ("errors during the upload", str(len(upload["errors"]))),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"| {'check'.ljust(width)} | result |\n|{'-' * (width + 2)}|--------|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")
    for error in (errors + upload["errors"])[:5]:
        print("error:", error)
    failures = [errors, mismatched, foreign, upload["neither"], upload["errors"]]
    ok = not any(failures) and upload["answered_during"] > 0 and upload["changed"] and upload["uploaded"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
