"""Ingest benchmark: a generated corpus of policy-like documents through `sync_corpus`, once.

    .venv/bin/python benchmarks/ingest_bench.py [--docs 200] [--seed 7] [--keep DIR]

Prints characters per second for each stage (读取 read, 分块 chunk, 嵌入 embed, 写入索引 write
index, with the steps inside the write stage), the share of the run spent outside embedding
(target ≤ 10%), peak RSS, and the time of a second, unchanged sync. The corpus is deterministic
for a given seed: a quarter each of .txt, .md, .html and .docx, 1–3 KB of UTF-8 text per file.
"""

from __future__ import annotations

import argparse
import html
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.config import IngestConfig
from ingest.pipeline import sync_corpus

TOWNS = "东兴 市中 威远 资中 隆昌 高桥 椑木 田家 郭北 白合 双才 顺河".split()
TOPICS = "人工智能 低空经济 数字经济 新能源汽车 生物医药 现代物流 文化旅游 智慧农业 算力 数据要素".split()
BODIES = ["区人民政府办公室", "经济和信息化局", "发展和改革局", "科学技术局", "财政局", "商务局"]
MEASURES = [
    "对新落户的{t}企业，按实际到位投资额的{p}%给予一次性奖励，最高不超过{m}万元。",
    "支持企业建设{t}创新平台，经认定为省级平台的，给予{m}万元资助。",
    "企业租用{town}算力中心资源开展{t}研发的，按年度费用的{p}%给予补贴。",
    "对年营业收入首次突破{m}亿元的{t}企业，给予经营团队{p}0万元奖励。",
    "引进{t}领域博士及高级职称人才，连续{y}年每月发放{m}元生活补贴。",
    "鼓励金融机构开发“{t}贷”产品，对贷款利息给予{p}%的贴息支持。",
    "“{town}{t}产业园”内企业新建厂房的，按每平方米{m}元给予补助。",
    "支持{town}镇与高校院所共建{t}实验室，项目验收合格后给予{m}万元奖励。",
]
CLOSINGS = [
    "本措施自{date}起施行，有效期{y}年。",
    "各有关单位要加强组织领导，确保各项政策落到实处。",
    "申报材料由区{body}统一受理，审核结果在政府网站公示{y}个工作日。",
]


def policy_document(rng: random.Random, number: int) -> tuple[str, list[tuple[str, list[str]]]]:
    """(title, sections): 1–3 KB of UTF-8 once written out."""
    topic, town = rng.choice(TOPICS), rng.choice(TOWNS)
    title = f"{town}区关于促进{topic}产业高质量发展的若干措施（第{number}号）"
    target = rng.randint(1024, 2900)  # bytes of UTF-8 text; markup comes on top
    sections: list[tuple[str, list[str]]] = []
    size = len(title.encode())
    numerals = "一二三四五六七八九十"
    while size < target - 120 and len(sections) < 10:
        heading = f"{numerals[len(sections)]}、{rng.choice(['总体要求', '支持措施', '保障机制', '申报程序', '资金管理'])}"
        paragraph = []
        for _ in range(rng.randint(2, 4)):
            paragraph.append(
                rng.choice(MEASURES).format(
                    t=rng.choice(TOPICS),
                    town=rng.choice(TOWNS),
                    p=rng.randint(5, 50),
                    m=rng.randint(10, 900),
                    y=rng.randint(2, 5),
                )
            )
        sections.append((heading, ["".join(paragraph)]))
        size += len(heading.encode()) + len(sections[-1][1][0].encode())
    date = f"2025年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    closing = rng.choice(CLOSINGS).format(date=date, y=rng.randint(2, 5), body=rng.choice(BODIES))
    sections.append(("", [closing, f"{town}区{rng.choice(BODIES)}", date]))
    return title, sections


def write_document(folder: Path, index: int, rng: random.Random) -> Path:
    title, sections = policy_document(rng, index + 1)
    kind = ("txt", "md", "html", "docx")[index % 4]
    path = folder / f"policy-{index:03d}.{kind}"
    if kind == "docx":
        from docx import Document

        document = Document()
        document.add_heading(title, level=0)
        for heading, paragraphs in sections:
            if heading:
                document.add_heading(heading, level=1)
            for paragraph in paragraphs:
                document.add_paragraph(paragraph)
        document.save(str(path))
    elif kind == "html":
        body = [f"<h1>{html.escape(title)}</h1>"]
        for heading, paragraphs in sections:
            if heading:
                body.append(f"<h2>{html.escape(heading)}</h2>")
            body.extend(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        page = (
            f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            "<style>p{margin:0}</style><script>var nav=1;</script></head><body>"
            "<nav>首页 | 政务公开 | 政策文件</nav>" + "\n".join(body) + "</body></html>"
        )
        path.write_text(page, encoding="utf-8")
    else:
        marker = "# " if kind == "md" else ""
        lines = [f"{marker}{title}", ""]
        for heading, paragraphs in sections:
            if heading:
                lines.append(f"{'## ' if kind == 'md' else ''}{heading}")
            lines.extend(paragraphs)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None, help="build here and keep the files")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="ingest-bench-") as tmp:
        root = args.keep or Path(tmp)
        corpus = root / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        rng = random.Random(args.seed)
        paths = [write_document(corpus, i, rng) for i in range(args.docs)]
        size = sum(p.stat().st_size for p in paths)
        kinds = sorted({p.suffix for p in paths})
        print(
            f"语料：{len(paths)} 个文件（{' '.join(kinds)}），{size / 1024:.0f} KB，种子 {args.seed}"
        )
        print(f"机器：{os.cpu_count()} 核，负载 {os.getloadavg()[0]:.2f}（1 分钟平均）")

        config = IngestConfig.from_env({"QA_PROGRESS": "0"})
        report = sync_corpus(corpus, root / ".index", config)
        print(report.summary())
        print_table(report)

        started = time.perf_counter()
        again = sync_corpus(corpus, root / ".index", config)
        print(
            f"再次同步（未改动）：{time.perf_counter() - started:.2f} 秒，"
            f"未变 {len(again.unchanged)}，嵌入 {again.embedded} 条"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"峰值内存（RSS）：{peak:.0f} MB")
    return 0


def print_table(report) -> None:
    total = report.seconds
    print(f"\n{'阶段':<8}{'秒':>9}{'字符':>11}{'字符/秒':>12}{'占比':>8}")
    for stage, seconds in report.stage_seconds.items():
        chars = report.stage_chars.get(stage, 0)
        rate = f"{chars / seconds:,.0f}" if seconds > 0 and chars else "-"
        print(f"{stage:<8}{seconds:>9.2f}{chars:>11,}{rate:>12}{seconds / total:>8.1%}")
    for step, seconds in report.step_seconds.items():
        print(f"  {step:<6}{seconds:>9.2f}{'':>11}{'':>12}{seconds / total:>8.1%}")
    outside = total - report.stage_seconds.get("嵌入", 0.0)
    verdict = "达标" if outside / total <= 0.10 else "未达标"
    print(
        f"嵌入以外用时：{outside:.2f} 秒 / 总计 {total:.2f} 秒 = {outside / total:.1%}"
        f"（目标 ≤ 10%，{verdict}）"
    )


if __name__ == "__main__":
    sys.exit(main())
