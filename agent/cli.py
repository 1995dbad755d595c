"""`python -m agent "问题"`: print the answer and its sources."""

from __future__ import annotations

import argparse
import sys

from agent.config import Settings
from agent.errors import PolicyQAError
from ingest.errors import IngestError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m agent", description="对语料中的文档提问")
    parser.add_argument("question", help="问题，例如：申报截止时间是什么时候？")
    parser.add_argument("--corpus", default=None, help="语料目录（默认 corpus）")
    parser.add_argument("--index-dir", default=None, help="索引目录（默认 .index）")
    parser.add_argument("--retrieve", type=int, default=0, metavar="K", help="只列出前 K 个检索片段")
    args = parser.parse_args(argv)
    from agent.policyqa import PolicyQA

    try:
        settings = Settings.from_env(corpus_dir=args.corpus, index_dir=args.index_dir)
        qa = PolicyQA.open(settings=settings)
        if args.retrieve:
            for i, p in enumerate(qa.retrieve(args.question, k=args.retrieve), start=1):
                print(f"[{i}] {p.score:.4f} {p.source} {p.start}-{p.end}\n    {p.text}")
            return 0
        answer = qa.ask(args.question)
    except (PolicyQAError, IngestError, ValueError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    print(answer.text)
    if answer.notice:
        print(f"\n提示：{answer.notice}")
    if answer.citations:
        print("\n来源：")
        for i, c in enumerate(answer.citations, start=1):
            where = f"第 {c.page} 页，" if c.page else ""
            print(f"[{i}] {c.source}（{where}字符 {c.start}–{c.end}）")
    return 0
