"""Sentence splitting on original text: 。！？；… and line breaks, closing quotes kept; not inside
quotes, brackets or book titles (up to 200 characters)."""

from __future__ import annotations

from ingest.types import Sentence

TERMINATORS = set("。！？；!?;…")
CLOSERS = set("”’」』）)》〉】\"'")
# quotes, brackets and book titles: a terminator inside one (「（学名：…；…）」「《…！…》」) ends no sentence
OPENERS = {"“": "”", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》"}
_MAX_QUOTE = 200  # a quote longer than this (or left open) no longer shields its terminators


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences; spans index ``text`` and exclude outer spaces."""
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    begin = start
    quote_stack: list[tuple[str, int]] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in "\r\n":
            quote_stack.clear()
            _emit(text, begin, i, sentences)
            begin = i + 1
        elif ch in OPENERS:
            quote_stack.append((OPENERS[ch], i))
        elif quote_stack and ch == quote_stack[-1][0]:
            quote_stack.pop()
        elif ch in TERMINATORS or (ch == "." and _ascii_full_stop(text, i, end)):
            if quote_stack and i - quote_stack[-1][1] < _MAX_QUOTE:
                i += 1
                continue
            quote_stack.clear()
            j = i + 1
            while j < end and (text[j] in TERMINATORS or text[j] in CLOSERS):
                j += 1
            _emit(text, begin, j, sentences)
            begin = i = j
            continue
        i += 1
    _emit(text, begin, end, sentences)
    return sentences


def _ascii_full_stop(text: str, i: int, end: int) -> bool:
    # "2.6" is a decimal, "Inc. " ends an English sentence only before a space and a capital
    return i + 2 < end and text[i + 1] == " " and text[i + 2].isupper()


def _emit(text: str, begin: int, stop: int, out: list[Sentence]) -> None:
    while begin < stop and text[begin].isspace():
        begin += 1
    while stop > begin and text[stop - 1].isspace():
        stop -= 1
    if stop > begin:
        out.append(Sentence(begin, stop))
