"""What a format loader extracts, before headings and metadata are worked out."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.types import Heading


@dataclass(frozen=True)
class Extracted:
    text: str
    encoding: str = ""  # text formats only: the codec the bytes were decoded with
    page_starts: tuple[int, ...] = ()  # PDF: offset in ``text`` where page i+1 starts
    hints: tuple[Heading, ...] = ()  # headings the format marks up (styles, h1–h6)
    title: str = ""  # a title the format declares (html <title>, docx/pdf core title)
