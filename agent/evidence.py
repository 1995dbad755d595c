"""Candidate sentences for an answer, scored against the question. Plain Python + numpy."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from agent.question import Question
from agent.types import Passage
from ingest.normalize import normalize
from ingest.reader import LoadedIndex

NUMBER = re.compile(r"\d+(?:[.,]\d+)*|[一二三四五六七八九十百千万亿两]+(?=[家个项名位人倍年亿万])")

# generic synonyms of policy and business writing (never document-specific)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "收入": ("营收", "营业收入", "收益"),
    "营收": ("收入", "营业收入"),
    "公司": ("企业", "集团"),
    "企业": ("公司", "集团"),
    "员工": ("职工", "人员", "雇员"),
    "合作": ("携手", "联合", "共建", "协同"),
    "建设": ("打造", "建成", "构建", "共建"),
    "打造": ("建设", "建成", "构建"),
    "计算能力": ("算力",),
    "算力": ("计算能力",),
    "增长": ("增加", "提升", "上升"),
    "增加": ("增长", "提升"),
    "目标": ("力争", "打造"),
    "位于": ("坐落", "地处"),
    "签约": ("签署", "签订"),
    "签署": ("签约", "签订"),
    "领导": ("负责人", "区长", "书记", "总经理"),
    "产值": ("年产值",),
    "规划": ("计划", "将", "下一步"),
    "计划": ("拟", "将", "下一步"),
    "前五个月": ("1-5月",),
    "上半年": ("1-6月",),
    "最多": ("最高", "不超过", "上限"),
    "最高": ("最多", "不超过", "上限"),
    "最少": ("最低", "不低于", "至少"),
    "有效期": ("有效", "期限"),
    "多久": ("年", "个月", "天"),
    "奖励": ("奖补", "补助", "补贴"),
    "补助": ("补贴", "奖补", "奖励"),
    "补贴": ("补助", "奖补", "奖励"),
    "召开": ("举行", "举办", "开幕"),
    "举行": ("召开", "举办"),
    "举办": ("举行", "召开"),
    "成立": ("挂牌", "组建", "设立"),
    "施行": ("实施", "执行", "生效"),
    "实施": ("施行", "执行"),
    "增幅": ("增长", "增速", "增加"),
    "增速": ("增长", "增幅"),
    "增长率": ("增长", "增速", "增幅"),
    "接下来": ("下一步", "今后", "未来"),
    "下一步": ("接下来", "今后", "未来"),
    "洽谈": ("在谈", "商谈", "谈判"),
    "主打": ("聚焦", "主要", "专注"),
    "专注": ("聚焦", "主打", "致力"),
    "研发": ("开发", "研究"),
    "开发": ("研发", "打造"),
    "引进": ("引育", "招商", "引入"),
    "培育": ("引育", "孵化", "培养"),
    "人才": ("人员",),
    "作用": ("引领", "带动"),
    "发言": ("表示", "讲话", "介绍"),
    "讲话": ("表示", "发言", "介绍"),
    "担任": ("任", "兼任"),
}
_ANAPHOR_START = re.compile(r"^(?:这家|该|此|其|这座|这个|这些|该平台|该中心|该公司|它)")


# how a sentence's score mixes term coverage, e5 similarity and its passage's rank
WEIGHTS = {"coverage": 2.0, "dense": 4.0, "rank": 0.15, "type": 0.3}


@dataclass(frozen=True)
class Candidate:
    source: str
    start: int
    end: int
    text: str  # original
    norm: str  # normalised Simplified
    rank: int  # rank of its best passage
    dense: float
    coverage: float
    score: float
    covered: tuple[str, ...]


class EvidenceFinder:
    def __init__(self, index: LoadedIndex) -> None:
        self.index = index
        self._vector_row = {key: i for i, key in enumerate(index.sentence_keys)}
        self._chunks_of: dict[str, list] = {}
        for chunk in index.chunks:
            self._chunks_of.setdefault(chunk.source, []).append(chunk)
        self._df = _term_document_frequency(index)

    def term_weight(self, term: str) -> float:
        n = max(1, len(self.index.chunks))
        df = self._df.get(term, 0)
        return math.log(1 + (n + 1) / (df + 0.5)) * (1.0 + 0.15 * min(len(term), 4))

    def sentence_chunks(self, qvec: np.ndarray, n: int) -> list[str]:
        """Chunk ids holding the ``n`` sentences most similar to the question (dense only).

        Sentence-level vectors catch what chunk-level retrieval dilutes, which matters most
        for an English question over Chinese text.
        """
        vectors = self.index.sentence_vectors
        if len(vectors) == 0 or vectors.ndim != 2:
            return []
        best = np.argsort(-(vectors @ qvec), kind="stable")[:n]
        ids: list[str] = []
        for row in best:
            source, start, end = self.index.sentence_keys[row]
            for chunk in self._chunks_of.get(source, ()):
                if chunk.start <= start and end <= chunk.end:
                    if chunk.id not in ids:
                        ids.append(chunk.id)
                    break
        return ids

    def candidates(self, question: Question, passages: list[Passage], qvec: np.ndarray) -> list[Candidate]:
        seen: set[tuple[str, int, int]] = set()
        out: list[Candidate] = []
        chunk_by_id = {c.id: c for c in self.index.chunks}
        for rank, passage in enumerate(passages):
            chunk = chunk_by_id.get(passage.chunk_id)
            if chunk is None:
                continue
            text = self.index.documents[chunk.source].text
            previous = ""
            for sentence in chunk.sentences:
                key = (chunk.source, sentence.start, sentence.end)
                if key in seen:
                    previous = normalize(text[sentence.start : sentence.end]).text
                    continue
                seen.add(key)
                original = text[sentence.start : sentence.end]
                norm = normalize(original).text
                row = self._vector_row.get(key)
                dense = float(self.index.sentence_vectors[row] @ qvec) if row is not None else 0.0
                # 「这家企业…」 continues the previous sentence's subject: let it count
                context = previous + norm if _ANAPHOR_START.match(norm) else norm
                previous = norm
                coverage, covered = self.coverage(question.terms, context)
                score = (
                    WEIGHTS["coverage"] * coverage
                    + WEIGHTS["dense"] * max(0.0, dense - 0.75)
                    + WEIGHTS["rank"] / (1 + rank)
                )
                score += _type_bonus(question, norm)
                out.append(
                    Candidate(chunk.source, sentence.start, sentence.end, original, norm, rank,
                              dense, coverage, score, covered)
                )
        out.sort(key=lambda c: (-c.score, c.rank, c.start))
        return out

    def coverage(self, terms: tuple[str, ...], norm: str) -> tuple[float, tuple[str, ...]]:
        """Weighted share of the question's terms found in ``norm`` (synonyms and parts count)."""
        if not terms:
            return 0.0, ()
        total = found = 0.0
        covered = []
        for term in terms:
            weight = self.term_weight(term)
            total += weight
            credit = term_credit(term, norm)
            if credit > 0:
                covered.append(term)
            found += weight * credit
        return found / total, tuple(covered)


def strict_credit(term: str, norm: str) -> float:
    """Like `term_credit` but a long word needs most of its parts (「总投资额」 ≠ 「投资」)."""
    credit = term_credit(term, norm)
    if credit >= 0.9 or len(term) < 3:
        return credit
    needed = 0.8 * (1 / 2 if len(term) == 3 else 2 / 3)  # 「后算力」 is 后+算力; 「总投资额」 is not 投资
    return credit if credit >= needed - 1e-9 else 0.0


def term_credit(term: str, norm: str) -> float:
    norm = norm.lower()
    if term in norm:
        return 1.0
    for alt in SYNONYMS.get(term, ()):
        if alt in norm:
            return 0.9
    if len(term) >= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in term):
        hits = sum(1 for i in range(len(term) - 1) if term[i : i + 2] in norm)
        return 0.8 * hits / (len(term) - 1)
    return 0.0


def _type_bonus(question: Question, norm: str) -> float:
    if question.wants_number and NUMBER.search(norm):
        return WEIGHTS["type"]
    if question.qtype == "list" and norm.count("、") >= 2:
        return WEIGHTS["type"]
    if question.qtype == "when" and re.search(r"\d+月|\d{4}年|今年|去年|明年", norm):
        return WEIGHTS["type"]
    return 0.0


def _term_document_frequency(index: LoadedIndex) -> dict[str, int]:
    df: dict[str, int] = {}
    for chunk in index.chunks:
        for token in set(index.segmenter.tokens(chunk.search_text)):
            df[token] = df.get(token, 0) + 1
    return df
