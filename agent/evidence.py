"""Candidate sentences for an answer, scored against the question. Plain Python + numpy."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from agent.extract import list_items
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
    # more generic paraphrases of policy, news and business writing
    "ai": ("人工智能",),
    "人工智能": ("ai",),
    "涨幅": ("增长", "增幅", "增速", "上涨"),
    "上涨": ("增长", "上升"),
    "涨": ("增长", "上升"),
    "降幅": ("下降", "减少"),
    "覆盖": ("涵盖", "包括", "涉及"),
    "涵盖": ("覆盖", "包括", "涉及"),
    "包括": ("涵盖", "包含", "覆盖"),
    "包含": ("包括", "涵盖"),
    "方向": ("领域", "方面"),
    "行业": ("领域",),
    "领域": ("行业", "方面"),
    "高管": ("总裁", "总经理", "副总裁", "董事长", "负责人"),
    "官员": ("区长", "市长", "县长", "书记", "主任", "局长"),
    "地点": ("位于", "坐落", "地处"),
    "地址": ("位于", "坐落"),
    "所在地": ("位于", "坐落"),
    "办公": ("坐落", "位于"),
    "建起来": ("打造", "建成", "建设"),
    "建成": ("打造", "建设"),
    "搭建": ("打造", "构建", "建设"),
    "兴建": ("建设", "打造"),
    "说": ("表示", "介绍", "指出"),
    "现有": ("已", "目前", "现"),
    "目前": ("已", "现有", "如今"),
    "如今": ("目前", "现在"),
    "现在": ("目前", "如今"),
    "先": ("率先", "首先"),
    "率先": ("先", "首先"),
    "首先": ("率先", "先"),
    "用起来": ("落地", "应用"),
    "应用": ("运用",),
    "加强": ("深化", "强化"),
    "深化": ("加强", "强化"),
    "强化": ("加强", "深化"),
    "利润": ("盈利", "净利"),
    "产量": ("产能", "年产"),
    "产能": ("产量", "年产"),
    "投资": ("投入", "投资额"),
    "投入": ("投资",),
    "资金": ("经费", "资金"),
    "经费": ("资金",),
    "政府": ("人民政府",),
    "高校": ("大学", "学院"),
    "大学": ("高校",),
    "工人": ("员工", "职工"),
    "就业": ("岗位", "用工"),
    "岗位": ("就业",),
    "农民": ("农户",),
    "农户": ("农民", "户"),
    "开始": ("起", "启动"),
    "生效": ("施行", "实施"),
    "截止": ("截至", "之前"),
    "截至": ("截止",),
    "期限": ("有效期",),
    "申请": ("申报",),
    "申报": ("申请",),
    "支持": ("扶持", "奖补", "补助"),
    "扶持": ("支持", "补助"),
    "补偿": ("补助", "补贴"),
    "负责": ("牵头", "承担", "责任"),
    "牵头": ("负责",),
    "监管": ("监督", "管理"),
    "升级": ("转型",),
    "转型": ("升级",),
    "数字化": ("数字", "信息化"),
    "智能化": ("智能",),
    "签下": ("签约", "签署", "签订"),
    "签": ("签约", "签署", "签订"),
    "协议": ("合同",),
    "合同": ("协议",),
    "大概": ("约",),
    "大约": ("约",),
    "左右": ("约",),
    "超过": ("超", "以上"),
    "不少于": ("≥", "以上", "至少"),
    "达到": ("达",),
    "总共": ("共", "合计"),
    "一共": ("共", "合计"),
    "人数": ("人",),
    "面积": ("亩", "平方米"),
    "占地": ("占地面积", "亩"),
    "节课": ("课时",),
    "一节课": ("课时",),
    "每节课": ("课时",),
    "年末": ("年底", "年终"),
    "年底": ("年末", "年终"),
    "月末": ("月底",),
    "队伍": ("队", "团队"),
    "团队": ("队", "队伍"),
    "办事机构": ("办公室",),
    "部门": ("局", "办公室", "委员会", "单位"),
    "单位": ("部门", "局"),
    "花": ("用于", "支出", "使用"),
    "花在": ("用于",),
    "不用交": ("免收", "免交", "免除"),
    "免掉": ("免收", "减免", "免除"),
    "免": ("免收", "减免"),
    "处理": ("处罚", "追回", "取消", "处分", "追究"),
    "处罚": ("处理", "处分", "追究", "罚款"),
    "不用": ("免", "无需", "无须", "不需要"),
    "举措": ("措施",),
    "政策": ("措施", "办法", "意见", "通知"),
    "措施": ("举措",),
    "放学": ("结束",),
    "待到": ("开放", "延长至"),
    "总额": ("总", "共"),
    "员工": ("职工", "人员", "雇员", "从业人员"),
    "从业人员": ("员工", "职工", "人员"),
}
_ANAPHOR_START = re.compile(r"^(?:这家|该|此|其|这座|这个|这些|该平台|该中心|该公司|它)")


REASON = re.compile(r"为了|旨在|因为|由于|得益于|依托|是因为|原因|以便|从而|作为.{1,12}(?:引擎|支撑|抓手)")
ABSENT_WEIGHT = 0.3
TITLE_CREDIT = 0.5
SINGLE_CHAR_WEIGHT = 0.4
RARE_SHARE = 0.1  # a term used by at most this share of the documents can route a question
CONTEXT_WEIGHT = 0.5  # a term of the previous turn, when choosing among documents

# how a sentence's score mixes term coverage, e5 similarity and its passage's rank
WEIGHTS = {"coverage": 2.0, "dense": 4.0, "rank": 0.15, "type": 0.3, "document": 1.5, "context": 0.5}


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
    item: str = ""  # for a line of a numbered block: its head phrase (the list item it gives)


class EvidenceFinder:
    def __init__(self, index: LoadedIndex) -> None:
        self.index = index
        self._vector_row = {key: i for i, key in enumerate(index.sentence_keys)}
        self._chunks_of: dict[str, list] = {}
        for chunk in index.chunks:
            self._chunks_of.setdefault(chunk.source, []).append(chunk)
        self._df = _term_document_frequency(index)
        self._absent: dict[str, bool] = {}
        self._titles: dict[str, str] = {}
        self._doc_norms: dict[str, str] = {}
        self._doc_df: dict[str, int] = {}
        self._chunk_by_id = {c.id: c for c in index.chunks}
        self._chunk_texts = [c.search_text.lower() for c in index.chunks]
        self._rows_of: dict[str, list[int]] = {}
        for row, (source, _, _) in enumerate(index.sentence_keys):
            self._rows_of.setdefault(source, []).append(row)

    def term_weight(self, term: str) -> float:
        n = max(1, len(self.index.chunks))
        df = self._df.get(term, 0)
        weight = math.log(1 + (n + 1) / (df + 0.5)) * (1.0 + 0.15 * min(len(term), 4))
        if len(term) == 1 and "\u4e00" <= term <= "\u9fff":
            weight *= SINGLE_CHAR_WEIGHT  # 「交」 also matches 「交接」
        if self.absent(term) and not any(ch.isdigit() for ch in term):
            # a word no document uses cannot tell sentences apart; it is the user's paraphrase
            # (「套取」 for 「骗取」) far more often than the missing fact (that is the refusal rules' job)
            weight *= ABSENT_WEIGHT
        return weight

    def absent(self, term: str) -> bool:
        """No chunk of the corpus has the term, a synonym of it or most of its characters."""
        if term not in self._absent:
            self._absent[term] = not any(
                term_credit(term, text, reorder=False) > 0 for text in self._chunk_texts
            )
        return self._absent[term]

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

    def routed_chunks(self, terms: tuple[str, ...], qvec: np.ndarray, n: int = 2) -> list[str]:
        """In each document (at most two) that alone uses a rare term of the question or of the
        conversation (「东兴区」「7300P」), the chunks of its ``n`` sentences most like the question."""
        if len(self.index.documents) < 3:
            return []
        sources: list[str] = []
        for term in terms:
            if len(term) < 2 or self.absent(term) or not 0 < self._document_frequency(term) <= 2:
                continue
            sources.extend(s for s in self.index.documents
                           if s not in sources and term in self._document_norm(s))
        ids: list[str] = []
        for source in sources[:2]:
            rows = self._rows_of.get(source, [])
            if not rows:
                continue
            sims = self.index.sentence_vectors[rows] @ qvec
            for at in np.argsort(-sims, kind="stable")[:n]:
                _, start, end = self.index.sentence_keys[rows[at]]
                for chunk in self._chunks_of.get(source, ()):
                    if chunk.start <= start and end <= chunk.end and chunk.id not in ids:
                        ids.append(chunk.id)
                        break
        return ids

    def rare_term_chunks(self, terms: tuple[str, ...], limit: int = 3) -> list[str]:
        """Chunks holding a question term that only one or two documents use (a figure such as
        「7300P」, a company): lexical and dense retrieval can rank them below look-alikes."""
        if len(self.index.documents) < 3:
            return []
        ids: list[str] = []
        for term in terms:
            if len(term) < 2 or self.absent(term) or not 0 < self._document_frequency(term) <= 2:
                continue
            if len(term) < 3 and not any(ch.isdigit() for ch in term):
                continue  # short common words are not distinctive enough on their own
            found = [c.id for c, text in zip(self.index.chunks, self._chunk_texts) if term in text]
            ids.extend(i for i in found[:limit] if i not in ids)
        return ids

    def candidates(
        self,
        question: Question,
        passages: list[Passage],
        qvec: np.ndarray,
        context: tuple[str, ...] = (),
    ) -> list[Candidate]:
        """Sentences of ``passages`` scored against the question. ``context`` holds terms of the
        conversation so far: they help choose the document, not the sentence."""
        seen: set[tuple[str, int, int]] = set()
        out: list[Candidate] = []
        chunk_by_id = self._chunk_by_id
        fit = self.document_fit(question.terms, {p.source for p in passages}, context)
        context = tuple(t for t in context if t not in question.terms)

        def context_of(norm: str) -> str:
            return norm
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
                # 「这家企业…」 continues the previous sentence's subject, and a sentence after a
                # 「；」 is the next clause of the same sentence: let the earlier words count
                continues = previous.rstrip().endswith(("；", ";"))
                context = previous + norm if _ANAPHOR_START.match(norm) or continues else norm
                previous = norm
                background = " ".join(
                    (self._title(chunk.source), normalize(chunk.heading).text, _paragraph_lead(text, sentence.start))
                )
                coverage, covered = self.coverage(question.terms, context, background)
                score = (
                    WEIGHTS["coverage"] * coverage
                    + WEIGHTS["dense"] * max(0.0, dense - 0.75)
                    + WEIGHTS["rank"] / (1 + rank)
                )
                score += _type_bonus(question, norm) + WEIGHTS["document"] * fit.get(chunk.source, 0.0)
                if context:  # 「同比增长多少？」 after a question about revenue: stay on its topic
                    score += WEIGHTS["context"] * self.coverage(context, context_of(norm))[0]
                out.append(
                    Candidate(chunk.source, sentence.start, sentence.end, original, norm, rank,
                              dense, coverage, score, covered)
                )
        out.sort(key=lambda c: (-c.score, c.rank, c.start))
        return out

    def document_fit(
        self, terms: tuple[str, ...], sources: set[str], context: tuple[str, ...] = ()
    ) -> dict[str, float]:
        """How well each document matches the question as a whole, 0..1 (best = 1).

        A term found in few documents (a place, a company, a figure) says which document the
        question is about; sentences of a look-alike document that lacks it are demoted.
        With one document there is nothing to choose and every fit is 1.
        """
        if len(self.index.documents) < 2 or not terms:
            return dict.fromkeys(sources, 1.0)
        n = len(self.index.documents)
        rare = max(1, int(RARE_SHARE * n))  # only words few documents use tell documents apart
        own = [t for t in terms if 0 < self._document_frequency(t) <= rare]
        said = [t for t in context if t not in terms and 0 < self._document_frequency(t) <= rare]
        raw = {}
        for source in sources:
            text = self._document_norm(source)
            raw[source] = sum(
                math.log(1 + n / (self._document_frequency(t) + 0.5)) * term_credit(t, text) for t in own
            ) + CONTEXT_WEIGHT * sum(
                math.log(1 + n / (self._document_frequency(t) + 0.5)) * (t in text) for t in said
            )
        best = max(raw.values(), default=0.0)
        return {s: (v / best if best > 0 else 1.0) for s, v in raw.items()}

    def _document_norm(self, source: str) -> str:
        if source not in self._doc_norms:
            self._doc_norms[source] = normalize(self.index.documents[source].text).text.lower()
        return self._doc_norms[source]

    def _document_frequency(self, term: str) -> int:
        if term not in self._doc_df:
            self._doc_df[term] = sum(
                1 for source in self.index.documents
                if term_credit(term, self._document_norm(source), reorder=False) >= 0.9
            )
        return self._doc_df[term]

    def _title(self, source: str) -> str:
        """The document's title, normalised: what its sentences are about when they omit it."""
        if source not in self._titles:
            doc = self.index.documents[source]
            self._titles[source] = normalize(doc.meta.title or "").text
        return self._titles[source]

    def coverage(
        self, terms: tuple[str, ...], norm: str, background: str = ""
    ) -> tuple[float, tuple[str, ...]]:
        """Weighted share of the question's terms found in ``norm`` (synonyms and parts count).

        A term only in ``background`` (the document title: 「园区实现产值512亿元」 under
        「澄峰科技园区…」) earns half credit: the sentence is about it without naming it.
        """
        if not terms:
            return 0.0, ()
        total = found = 0.0
        covered = []
        for term in terms:
            weight = self.term_weight(term)
            total += weight
            credit = term_credit(term, norm)
            if credit == 0 and background:
                credit = TITLE_CREDIT * term_credit(term, background)
            if credit > 0:
                covered.append(term)
            found += weight * credit
        return found / total, tuple(covered)


def _paragraph_lead(text: str, start: int) -> str:
    """The opening clause of the sentence's paragraph (「（四）推动中小企业上云用云。」), if short."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start >= start:
        return ""
    end = min((i for i in (text.find(p, line_start, start) for p in "。；;:：") if i >= 0), default=-1)
    if end < 0 or end - line_start > 40:
        return ""
    return normalize(text[line_start:end]).text


def strict_credit(term: str, norm: str) -> float:
    """Like `term_credit` but a long word needs most of its parts (「总投资额」 ≠ 「投资」)."""
    credit = term_credit(term, norm)
    if credit >= 0.9 or len(term) < 3:
        return credit
    needed = 0.8 * (1 / 2 if len(term) == 3 else 2 / 3)  # 「后算力」 is 后+算力; 「总投资额」 is not 投资
    return credit if credit >= needed - 1e-9 else 0.0


def term_credit(term: str, norm: str, reorder: bool = True) -> float:
    norm = norm.lower()
    if term in norm:
        return 1.0
    for alt in SYNONYMS.get(term, ()):
        if alt in norm:
            return 0.9
    if len(term) >= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in term):
        hits = sum(1 for i in range(len(term) - 1) if term[i : i + 2] in norm)
        if reorder and hits < len(term) - 1 and _reordered(term, norm):
            return 0.75  # 「投资总额」 in 「总投资9.6亿元」
        return 0.8 * hits / (len(term) - 1)
    return 0.0


def _positions(text: str, ch: str):
    at = text.find(ch)
    while at >= 0:
        yield at
        at = text.find(ch, at + 1)


def _reordered(term: str, norm: str) -> bool:
    """The term's characters but its last (at least three) within a window of its length + 2:
    「投资总额」 in 「总投资9.6亿元」, but not 「外国游客」 in 「外地游客」."""
    need = len(term) - 1
    if need < 3:
        return False
    chars = set(term[:-1])
    if any(ch not in norm for ch in chars):
        return False  # most texts: the characters are not even there
    width = len(term) + 2
    # a match misses at most one character, so it holds one of the two rarest present ones
    anchors = sorted((ch for ch in chars if ch in norm), key=norm.count)[:2]
    starts = {
        s for anchor in anchors for i in _positions(norm, anchor) for s in range(max(0, i - width + 1), i + 1)
    }
    for start in sorted(starts):
        window = norm[start : start + width]
        if all(ch in window for ch in chars):
            return True
    return False


def _type_bonus(question: Question, norm: str) -> float:
    if question.wants_number and NUMBER.search(norm):
        return WEIGHTS["type"]
    if question.qtype == "list" and (norm.count("、") >= 2 or len(list_items(norm)) >= 3):
        return WEIGHTS["type"]
    if question.qtype == "when" and re.search(r"\d+月|\d{4}年|今年|去年|明年", norm):
        return WEIGHTS["type"]
    if question.qtype == "why" and REASON.search(norm):
        return WEIGHTS["type"]
    return 0.0


def _term_document_frequency(index: LoadedIndex) -> dict[str, int]:
    df: dict[str, int] = {}
    for chunk in index.chunks:
        for token in set(index.segmenter.tokens(chunk.search_text)):
            df[token] = df.get(token, 0) + 1
    return df
