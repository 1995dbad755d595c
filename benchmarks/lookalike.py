"""Generated look-alike documents of ~3,000 characters for the scale benchmarks.

Each document strings together six news stories of the eval distractors (evals/distractors.py:
other districts' computing centres, revenues, district heads, signings), as Markdown with a
heading per story; about a third are in Traditional characters. Document ``i`` depends only on
``(seed, i)``, so the first 100 documents of a 1,000-document corpus are the 100-document corpus.
"""

from __future__ import annotations

import random
from pathlib import Path

from evals.distractors import DISTRICTS, _story
from ingest.normalize import to_traditional

STORIES = 6


def document(seed: int, i: int) -> tuple[str, str]:
    """(file name, text)."""
    rng = random.Random(f"lookalike:{seed}:{i}")
    parts: list[str] = []
    for _ in range(STORIES):
        title, sections = _story(rng)
        parts.append(f"## {title}")
        for heading, paragraphs in sections:
            parts += ([f"### {heading}"] if heading else []) + paragraphs
    text = f"# 区县产业动态汇编（第{i + 1}期）\n\n" + "\n\n".join(parts) + "\n"
    if rng.random() < 0.33:
        text = to_traditional(text)
    return f"doc-{i:05d}.md", text


def write_corpus(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Make ``folder`` hold exactly documents 0..count-1 (existing identical files are kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = dict(document(seed, i) for i in range(count))
    for old in folder.glob("doc-*.md"):
        if old.name not in wanted:
            old.unlink()
    paths = []
    for name, text in wanted.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def questions(count: int, seed: int = 0) -> list[str]:
    """Questions of the kinds users ask about such documents, over districts the corpus names."""
    rng = random.Random(f"questions:{seed}")
    templates = (
        "{city}{district}的算力中心稳定运营多少P算力？",
        "{district}人工智能产业营收增长了多少？",
        "{district}的区长是谁？",
        "{district}精准引育了多少家优质企业？",
        "{city}数字经济项目集中签约仪式上{district}签约了几个项目？",
        "{district}的产业集群年产值超过多少亿元？",
        "How much computing power does the center in {district} run?",
    )
    out = []
    for _ in range(count):
        city, district = rng.choice(DISTRICTS)
        out.append(rng.choice(templates).format(city=city, district=district))
    return out
