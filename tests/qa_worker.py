"""An app process for tests: `PolicyQA` over QA_CORPUS_DIR / QA_INDEX_DIR (and QA_CHROMA_URL),
driven by JSON lines on stdin, answering with JSON lines on stdout.

    {"open": true, "refresh": false}   open the index (refresh=true syncs the corpus first)
    {"ask": "问题"}                     -> {"text", "refused", "citations": [[source, start, end, quote]], "generation"}
    {"refresh": true}                  -> {"added", "embedded", "generation"} (the upload path)
"""

from __future__ import annotations

import json
import sys

from agent import PolicyQA, Settings


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
        else:
            report = qa.refresh()
            reply = {"added": report.added, "embedded": report.embedded, "generation": qa.index.generation}
        print(json.dumps(reply, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
