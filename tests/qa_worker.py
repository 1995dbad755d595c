"""An app process for tests: `PolicyQA` over QA_CORPUS_DIR / QA_INDEX_DIR (and QA_CHROMA_URL),
driven by JSON lines on stdin, answering with JSON lines on stdout.

    {"open": true, "refresh": false}   open the index (refresh=true syncs the corpus first)
    {"ask": "问题"}                     -> {"text", "refused", "citations": [[source, start, end, quote]], "generation"}
    {"refresh": true}                  -> {"added", "embedded", "generation"} (the upload path)
    {"upload": ["/path/x.txt"]}        -> {"outcomes": [[name, status, detail]], "generation"}
                                          (webapp.uploads.index_uploads, as the upload button)
    {"state": true}                    -> {"chunks": {source: n}, "chunk_ids", "records"}
    {"slow": "chroma", "seconds": 30}  pause inside that index write (tests/slow_writes.py)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from agent import PolicyQA, Settings
from ingest.chunkrefs import chunk_count


def main() -> int:
    qa = None
    for line in sys.stdin:
        command = json.loads(line)
        if "open" in command:
            qa = PolicyQA.open(settings=Settings.from_env(), refresh=command.get("refresh", False))
            reply = {"generation": qa.index.generation}
        elif "ask" in command:
            answer = qa.ask(command["ask"])
            reply = {
                "text": answer.text,
                "refused": answer.refused,
                "citations": [[c.source, c.start, c.end, c.quote] for c in answer.citations],
                "generation": qa.index.generation,
            }
        elif "upload" in command:
            from webapp.uploads import index_uploads

            outcomes = index_uploads(qa, [Path(p) for p in command["upload"]])
            reply = {
                "outcomes": [[o.name, o.status, o.detail] for o in outcomes],
                "generation": qa.index.generation,
            }
        elif "state" in command:
            chunks: dict[str, int] = {}
            for chunk in qa.index.chunks:
                chunks[chunk.source] = chunks.get(chunk.source, 0) + 1
            reply = {
                "chunks": chunks,
                "chunk_ids": chunk_count(qa.index.manifest),
                "records": qa.index.vectors.count() if qa.index.vectors is not None else 0,
            }
        elif "slow" in command:
            import slow_writes  # tests/ is this script's folder

            slow_writes.install(command["seconds"], command["slow"])
            reply = {"slow": command["slow"]}
        else:
            report = qa.refresh()
            reply = {"added": report.added, "embedded": report.embedded, "generation": qa.index.generation}
        print(json.dumps(reply, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
