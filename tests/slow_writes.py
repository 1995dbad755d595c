"""Test wrapper: slows down the index writes of an ingest and says on stderr where it is, so that
a SIGKILL sent on seeing a marker lands inside that write (tests/test_ingest_crash.py,
tests/test_upload_kill.py). Nothing in the product knows about it.

    python tests/slow_writes.py SECONDS WHERE [python -m ingest arguments]

`install(seconds, where)` patches, in this process only, and pauses at ``where`` (chroma,
generation or committed; the other points only print their marker):
- `VectorIndex.upsert`: writes the first half of the records, prints ``MARK_CHROMA``, sleeps,
  then writes the rest (a kill leaves Chroma half written, or without a lone record);
- `Generation.write_sentences`: prints ``MARK_GENERATION`` and sleeps after ``chunks.jsonl`` of
  the new generation is written and before the rest (a kill leaves an unfinished generation);
- `IndexFiles.prune_generations`: prints ``MARK_COMMITTED`` and sleeps after the new manifest is
  written and before the clean-up (a kill leaves the old records and files behind).
"""

from __future__ import annotations

import sys
import time

from ingest.index import VectorIndex
from ingest.store import Generation, IndexFiles

MARK_CHROMA = "[slow_writes] Chroma 已写入一半"
MARK_GENERATION = "[slow_writes] 新一代文件写到一半"
MARK_COMMITTED = "[slow_writes] 清单已提交，清理前"


POINTS = ("chroma", "generation", "committed")


def install(seconds: float, where: str) -> None:
    if where not in POINTS:
        raise ValueError(f"where must be one of {POINTS}, not {where!r}")

    def _mark(text: str, point: str) -> None:
        print(text, file=sys.stderr, flush=True)
        if point == where:
            time.sleep(seconds)

    upsert, write_sentences, prune = (
        VectorIndex.upsert, Generation.write_sentences, IndexFiles.prune_generations
    )

    def slow_upsert(self, ids, vectors, metadatas, texts):
        if not len(ids):
            return upsert(self, ids, vectors, metadatas, texts)
        half = len(ids) // 2  # 0 for one record: the pause comes before it
        upsert(self, ids[:half], vectors[:half], metadatas[:half], texts[:half])
        _mark(f"{MARK_CHROMA}（{half}/{len(ids)}）", "chroma")
        return upsert(self, ids[half:], vectors[half:], metadatas[half:], texts[half:])

    def slow_write_sentences(self, keys, vectors):
        _mark(MARK_GENERATION, "generation")
        return write_sentences(self, keys, vectors)

    def slow_prune(self, keep):
        _mark(MARK_COMMITTED, "committed")
        return prune(self, keep)

    VectorIndex.upsert = slow_upsert
    Generation.write_sentences = slow_write_sentences
    IndexFiles.prune_generations = slow_prune


if __name__ == "__main__":
    from ingest.cli import main

    install(float(sys.argv[1]), sys.argv[2])
    sys.exit(main(sys.argv[3:]))
