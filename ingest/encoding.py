"""Decode a text file's bytes: BOMs, strict UTF-8, then GB18030 vs Big5 by plausibility.

Never returns mojibake: bytes that no candidate decodes plausibly raise ``SkipDocument``.
"""

from __future__ import annotations

import codecs
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from charset_normalizer import from_bytes

from ingest.errors import SkipDocument
from ingest.normalize import to_simplified

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALIASES = {
    "utf8": "utf-8", "utf-8": "utf-8", "utf_8": "utf-8", "ascii": "utf-8", "us-ascii": "utf-8",
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "cp936": "gb18030",
    "x-gbk": "gb18030", "big5": "big5", "cp950": "big5", "big5hkscs": "big5", "big5-hkscs": "big5",
}
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # all but \t \n \v \f \r
_MAX_CONTROL_SHARE = 0.01
_MIN_PLAUSIBILITY = 0.3  # real Chinese text scores ~0.8, random bytes below 0.2
_SHORT = 16  # fewer non-ASCII bytes than this can be valid UTF-8 by chance
_SURE = 0.5  # a legacy reading this plausible beats a short, odd UTF-8 one
_TIE = 0.05
_SAMPLE = 200_000  # characters scored for plausibility (strict decoding checked all bytes)
_FIX_BINARY = "请确认格式或另存为 UTF-8 文本"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8" | "utf-8-sig" | "utf-16" | "gb18030" | "big5"


def canonical_codec(name: str) -> str | None:
    """Our codec name for a declared charset (``GBK`` → ``gb18030``), or None if unsupported."""
    return _ALIASES.get(name.strip().lower())


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``: a BOM, else valid UTF-8, else ``declared`` (an HTML meta charset) if it
    decodes plausibly, else the more plausible of GB18030 and Big5."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            label = "带 BOM 的 " + codec.upper().removesuffix("-SIG")
            return _checked(_strict(data, codec, label), codec)
    if b"\x00" in data:
        raise SkipDocument(f"文件含 NUL 字节，看起来是二进制文件而不是文本；{_FIX_BINARY}")
    utf8 = _try(data, "utf-8")
    if utf8 is not None and (_non_ascii_bytes(data) >= _SHORT or not _odd_for_utf8(utf8)):
        return _checked(utf8, "utf-8")
    codec = canonical_codec(declared) if declared else None
    as_declared = _try(data, codec) if codec else None
    if as_declared is not None and plausibility(as_declared[:_SAMPLE]) >= _MIN_PLAUSIBILITY:
        return _checked(as_declared, codec)
    candidates = {c: text for c in ("gb18030", "big5") if (text := _try(data, c)) is not None}
    scores = {c: plausibility(text[:_SAMPLE]) for c, text in candidates.items()}
    if utf8 is not None and (not scores or max(scores.values()) < _SURE):
        return _checked(utf8, "utf-8")  # a short run of odd characters, but no better reading
    if not candidates:
        raise SkipDocument("无法识别文本编码（已尝试 UTF-8、GB18030、Big5）；请另存为 UTF-8 编码")
    best = max(scores, key=lambda c: (scores[c], c == "gb18030"))
    if len(scores) == 2 and abs(scores["gb18030"] - scores["big5"]) < _TIE:
        best = _charset_normalizer_choice(data) or best
    if scores[best] < _MIN_PLAUSIBILITY:
        raise SkipDocument(
            f"无法可靠识别文本编码（按 {best.upper()} 解码后像乱码，可信度 {scores[best]:.2f}）；"
            "请另存为 UTF-8 编码"
        )
    return _checked(candidates[best], best)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _odd_for_utf8(text: str) -> bool:
    """Characters that short GBK/Big5 byte runs produce when read as UTF-8: C1 controls,
    IPA/modifier letters, combining marks, Armenian…Thaana."""
    return any(
        0x80 <= (c := ord(ch)) <= 0x9F or 0x250 <= c <= 0x36F or 0x530 <= c <= 0x7FF
        for ch in text
    )


def _non_ascii_bytes(data: bytes) -> int:
    return len(data) - len(data.translate(None, bytes(range(128))))


def plausibility(text: str) -> float:
    """Score in [-3, 1]: the mean over non-ASCII characters of a hanzi's log frequency
    (Traditional forms via t2s; CJK punctuation counts 1), with -3 for characters that only
    mis-decoding produces (private use, kana, box drawing, Greek/Cyrillic, U+FFFD, C1 controls).
    Pure-ASCII text scores 1."""
    counts = Counter(text)
    chars = [ch for ch in counts if ord(ch) > 127]
    total = sum(counts[ch] for ch in chars)
    if not total:
        return 1.0
    simplified = to_simplified("\n".join(chars)).split("\n")
    if len(simplified) != len(chars):
        simplified = [to_simplified(ch) for ch in chars]
    weights = _hanzi_weights()
    score = 0.0
    for ch, simple in zip(chars, simplified, strict=True):
        if _is_suspicious(ch):
            score -= 3 * counts[ch]
        elif _is_cjk_punctuation(ch):
            score += counts[ch]
        else:
            score += weights.get(simple, 0.0) * counts[ch]
    return score / total


@lru_cache(maxsize=1)
def _hanzi_weights() -> dict[str, float]:
    """log(character frequency) scaled to [0, 1], summed over the words of jieba's dictionary."""
    freq: Counter[str] = Counter()
    with (files("jieba") / "dict.txt").open(encoding="utf-8") as lines:
        for line in lines:
            word, count, _ = line.split(" ", 2)
            for ch in word:
                freq[ch] += int(count)
    top = math.log1p(max(freq.values()))
    return {ch: math.log1p(n) / top for ch, n in freq.items()}


def _is_cjk_punctuation(ch: str) -> bool:
    code = ord(ch)
    return 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E or 0x2010 <= code <= 0x2027


def _is_suspicious(ch: str) -> bool:
    code = ord(ch)
    return (
        0xE000 <= code <= 0xF8FF  # private use
        or code == 0xFFFD
        or 0x3040 <= code <= 0x30FF  # kana
        or 0xFF61 <= code <= 0xFF9F  # half-width katakana
        or 0x2500 <= code <= 0x257F  # box drawing
        or 0x0370 <= code <= 0x04FF  # Greek, Cyrillic
        or 0x80 <= code <= 0x9F  # C1 controls
    )


def _charset_normalizer_choice(data: bytes) -> str | None:
    guess = from_bytes(data[: 2 * _SAMPLE]).best()
    if guess is None:
        return None
    codec = canonical_codec(guess.encoding.replace("_", "-"))
    return codec if codec in ("gb18030", "big5") else None


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise SkipDocument(
            f"{label} 文件在第 {err.start} 字节处无法解码；请用编辑器重新另存为 UTF-8"
        ) from None


def _checked(text: str, codec: str) -> Decoded:
    if text:
        controls = len(_CONTROLS.findall(text))
        if controls / len(text) > _MAX_CONTROL_SHARE:
            raise SkipDocument(
                f"文件含 {controls} 个控制字符，看起来是二进制文件而不是文本；{_FIX_BINARY}"
            )
    return Decoded(text, codec)
