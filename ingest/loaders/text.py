"""Plain text and Markdown: the decoded file itself, unchanged (offsets map to the file)."""

from __future__ import annotations

from ingest.encoding import decode_bytes
from ingest.loaders.extracted import Extracted


def load_text(data: bytes) -> Extracted:
    """Headings (``#`` lines included) are found later by ``ingest.structure``."""
    decoded = decode_bytes(data)
    return Extracted(text=decoded.text, encoding=decoded.encoding)
