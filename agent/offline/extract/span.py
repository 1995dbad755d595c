"""The short answer inside a sentence: the span that fills the question's slot. Plain Python.

Question–sentence alignment: the words on each side of the question word (agent/offline/understand/answer_type.py)
are found in the sentence, and the answer is the stretch of the sentence that they do not cover,
next to where they stand, of the type the question asks for (a person, a place, a time, a
figure with any measure word, the noun of the asked kind, a definition). Types come from jieba's
part-of-speech tags and from numeral and date patterns, not from word lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from agent.lexicon.wordlists import table
from agent.offline.understand.answer_type import Slot, asked_slot

Tagger = Callable[[str], list[tuple[str, str]]]

_BREAK = "，,。；;！？!?：:"
_HARD = "。；;！？!?"
# characters that open or close no answer: particles and prepositions at a span's edges
_EDGE = set("的了是为在于和与及由被把对也都就又而并且其之以从向将即这那此该个着过")
_QUALIFIER = re.compile(r"(?:[≥≤><＞＜]|超过|不低于|不少于|不超过|不高于|超|逾|近|约)$")
_RANGE = re.compile(r"\s*(?:至|到|-|－|~|～|—)\s*(?:\d(?:[0-9.,]*\d)?|[零〇一二三四五六七八九十两百千万亿]+)[多余]?[十百千万亿]*")
_NUMERAL = re.compile(r"\d(?:[0-9.,\-]*\d)?|[零〇一二三四五六七八九十两百千万亿]+")
# (an era 「清代」「近代」, not 代 opening a verb: 「补偿代偿」「法定代表人」「代为申请」)
# (a bare 「12号」 is a day, not the number of a window, building or line: 「2楼12号窗口」「滨江大道66号」)
TIME_SPAN = re.compile(
    r"(?:公元前?)?\d{1,4}(?:年代|年|世纪)(?:\d{1,2}月)?(?:\d{1,2}[日号]|上旬|中旬|下旬|初|底)?|"
    r"\d{1,2}月(?:\d{1,2}[日号]|上旬|中旬|下旬|初|底)|\d{1,2}[月日]|(?<![\d路街道巷弄楼区栋座层])\d{1,2}号(?![窗楼线院门房室厅馆柜台座栋])|"
    r"[正一二三四五六七八九十冬腊]{1,2}月(?:初[一二三四五六七八九十]|[十廿][一二三四五六七八九]|[一二三四五六七八九十廿]{1,3}[日号])|"
    r"[一二三四五六七八九十]+(?:世纪|年代)|[\u4e00-\u9fff]{1,3}(?:朝|代(?![表理办偿缴扣发收付替码号价言购领为签写课际谢])|时期|年间|初期|末期|中期)|"
    r"[\u4e00-\u9fff]{2,4}(?<![起满后内前近约达的每逾超])(?:[一二三四五六七八九十]{1,3}|元)年|[春夏秋冬][季天]|[\u4e00-\u9fff]{1,3}纪"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORD_CHARS = re.compile(r"[^\W_]")
_TYPED_TAGS = {"person": ("nr",), "place": ("ns",), "entity": ("nt", "nz", "ns", "nr")}
# how fast a question word's pull on a span falls with its distance from the question word, in
# characters of the question, and the credit for the question's one character next to the question
# word standing next to the span: CMRC 2018 trial (1,000 q) span in the first line 73.9 → 74.1%,
# F1 0.567 → 0.569; DRCD sample F1 0.237 → 0.239 (decay 0.5 and 1.0 gave the same or less)
DISTANCE_DECAY = 0.25
TOUCH = 0.5
WINDOW = 12  # characters on each side of a span where aligned question words count


@dataclass(frozen=True)
class SpanAnswer:
    text: str
    start: int  # offsets in the sentence
    end: int
    kind: str  # the slot type it fills
    score: float
    aligned: float  # how much of the question lines up around it (0 when nothing does)
    typed: float = 0.0  # how well it has the asked type (1.5: a tagged name of the asked kind)


@lru_cache(maxsize=1024)  # the short answer and the long-sentence clause look at the same pair
def extract_span(question: str, sentence: str, tagger: Tagger) -> SpanAnswer | None:
    """The best answer span of ``sentence`` (normalised) for ``question`` (normalised), or None."""
    slot = asked_slot(question)
    if slot.kind in ("yesno", "reason", "manner"):
        return None
    left, right = _context(slot.left(question)), _context(slot.right(question))
    if slot.kind in ("person", "place", "entity"):
        left, right = _relative_clause(left, right, sentence)
    if slot.kind in ("entity", "number") and right:
        # the noun or measure word right after the question word (「哪一个县」: 县) names the
        # answer's kind and is often part of it (台东县): it is not a word to line up
        first = tagger(right)[:1]
        if first and right.startswith(first[0][0]) and first[0][1][:1] not in "vpudcryf":
            slot = replace(slot, noun=first[0][0])
            right = right[len(first[0][0]) :]
    marks, weights = _align(sentence, left, right)
    tokens = _tokens(sentence, tagger)
    names = _names(sentence) if slot.kind in ("person", "place") else ()
    best: SpanAnswer | None = None
    dated = TIME_SPAN.search(sentence) is not None
    latest = _LATEST_ASKED.search(question) is not None and len(TIME_SPAN.findall(sentence)) >= 2
    for a, b in _candidates(sentence, tokens, marks):
        aligned, near = _proximity(sentence, marks, weights, a, b)
        typed = _type_fit(slot, sentence[a:b], tokens, a, b, names)
        if slot.kind == "time" and typed > 0 and _lapse(sentence, a, b):
            typed = 0.5  # 「抽签后3日内」: a length of time counted from the event, not when it is
        elif slot.kind == "time" and typed > 0 and dated and not TIME_SPAN.search(sentence[a:b]):
            continue  # a time word (「逾期视为自动放弃当年」) beside a date the sentence gives (「每年3月1日至3月31日」)
        if typed < 0 and (slot.kind in ("number", "time", "person", "place") or aligned < 1):
            continue  # a figure, a date, a person or a place is asked: nothing else answers
        score = near + _touching(sentence, left, right, a, b) + typed + _fills(sentence, marks, a, b)
        if slot.kind == "time" and latest and (_CLOSING_CUE.search(sentence[max(0, a - 8) : a]) or (
                _DUE_BEFORE.search(sentence[max(0, a - 2) : a])
                and (sentence.startswith(("前", "以前", "之前"), b) or _DUE_DAY.search(sentence[a:b])))):
            score += _DUE_BY  # 「最晚拖到哪天」: of a sentence's dates, the one things are due by (「应于2026年1月20日前
            # 提交申请」), not the end of the period that qualifies (「发票开具日期在2025年3月1日至2025年12月31日
            # 期间的车辆」), nor a date that qualifies by 前 (「2019年4月15日前购买的…车」)
        if slot.kind == "place" and _PLACE_CUE.search(sentence[max(0, a - 12) : a]):
            score += _PLACE_CUED  # 「…是中国省级综合性博物馆，位于黑龙江省哈尔滨市…」: where a thing lies, not what it is
        score -= 0.04 * max(0, (b - a) - _typical_length(slot))
        if best is None or score > best.score:
            best = SpanAnswer(sentence[a:b], a, b, slot.kind, score, aligned, typed)
    if best is None:
        return None
    return _narrow(slot, best, sentence, tokens, question[slot.end :], names)


# the verbs that say where a thing lies, right before the place (agent/lexicon/clause_cues.tsv, where)
# (the place may go on after words the question says: 「位于黑龙江省|哈尔滨市…」)
_PLACE_CUE = re.compile("(?:" + "|".join(map(re.escape, table("clause_cues")["where"])) + ")[^，,。；;：:]{0,8}$")
_PLACE_CUED = 2.0  # score added to a place after such a verb
_LATEST_ASKED = re.compile("最晚|最迟")  # the last day asked (clause_cues.tsv, deadline)
_DUE_BY = 1.0  # score added to a date things are due by, for it
_DUE_DAY = re.compile(r"\d[日号](?:之|以)?前$")  # (「20日前」, one word to jieba)
_DUE_BEFORE = re.compile(r"[于在]$")  # (「应于」「须在」 before the date)
_CLOSING_CUE = re.compile(r"截止(?:时间|日期)?[为是到至:：]?$")  # (「申报截止时间为2025年6月30日」, a closing date stated)


def _context(text: str) -> str:
    return re.sub(r"[?？。!！,，\s]", "", text)


_RELATIVE = re.compile(r"^(?P<clause>.+)的(?P<head>[\u4e00-\u9fff]{0,4}?)(?:是|为|乃)?$")


def _relative_clause(left: str, right: str, sentence: str) -> tuple[str, str]:
    """「以反战为诉求在大学校园获得支持的人为谁」: the question word stands for the one a clause
    before 的 tells of, and a sentence that does not name the head (人) names that one as the
    clause's subject, before its words (「参议员尤金麦卡锡以反战为诉求…」): the clause is lined up
    as words after the answer. Only a clause with a verb (LAC's tags): 「魏玩的弟弟是谁」 asks for
    whom 魏玩 has; and not when the sentence has the head (「…的居民是谁」: 「居民是…」)."""
    found = _RELATIVE.match(left) if not right else None
    if found is None or (found.group("head") and found.group("head") in sentence):
        return left, right
    from agent.lexicon import entities  # the LAC tagger, loaded on first use

    clause = found.group("clause")
    if not any(token.tag == "v" for token in entities.tokens(clause)):
        return left, right
    return "", clause


def _align(sentence: str, left: str, right: str) -> tuple[list[int], list[float]]:
    """Per sentence character: 1 when part of a ≥2-character stretch of the question's left
    context, 2 of its right context, 3 of both, 0 when not in the question; and a weight that
    falls with the stretch's distance from the question word in the question (the words next to
    the question word say where the answer stands, 「…的祖籍在哪里」: 祖籍, more than the subject)."""
    marks = [0] * len(sentence)
    weights = [0.0] * len(sentence)
    for bit, context in ((1, left), (2, right)):
        if len(context) < 2:
            continue
        i = 0
        while i < len(sentence) - 1:
            n = 1
            while i + n < len(sentence) and sentence[i : i + n + 1] in context:
                n += 1
            if n >= 2 and len(_WORD_CHARS.findall(sentence[i : i + n])) >= 2:  # not 「·盖」 of 「·盖瑞」
                stretch = sentence[i : i + n]
                far = len(context) - context.rfind(stretch) - n if bit == 1 else context.find(stretch)
                weight = 1.0 / (1 + DISTANCE_DECAY * far)
                for j in range(i, i + n):
                    marks[j] |= bit
                    weights[j] = max(weights[j], weight)
                i += n
            else:
                i += 1
    return marks, weights


def _touching(sentence: str, left: str, right: str, a: int, b: int) -> float:
    """The question's single word character next to the question word stands next to the span
    (「是哪里人」 ← 「江苏省南京市人」; 「由谁设计」 ← 「由建筑师…设计」)."""
    score = 0.0
    if left[-1:] and a > 0 and sentence[a - 1] == left[-1] and _HAN.match(left[-1]):
        score += TOUCH
    if right[:1] and b < len(sentence) and sentence[b] == right[0] and _HAN.match(right[0]):
        score += TOUCH
    return score


def _tokens(sentence: str, tagger: Tagger) -> list[tuple[int, int, str]]:
    """(start, end, flag) of each tagged word; the tagger drops punctuation and lower-cases."""
    out, at = [], 0
    lowered = sentence.lower()
    for word, flag in tagger(sentence):
        start = lowered.find(word, at)
        if start < 0:
            continue
        out.append((start, start + len(word), flag))
        at = start + len(word)
    return out


def _candidates(sentence: str, tokens, marks: list[int]):
    """Token-aligned stretches with no aligned question character and no clause break."""
    runs: list[list[tuple[int, int, str]]] = [[]]
    previous_end = 0
    for tok in tokens:
        a, b, _ = tok
        gap = sentence[previous_end:a]
        previous_end = b
        if runs[-1] and any(ch in _BREAK for ch in gap):
            runs.append([])
        if any(marks[a:b]) or not sentence[a:b].strip():
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(tok)
    for run in runs:
        for i in range(len(run)):
            for j in range(i, min(len(run), i + 10)):
                a, b = run[i][0], run[j][1]
                if b - a > 40:
                    break
                while a < b and sentence[a] in _EDGE:
                    a += 1
                while b > a and sentence[b - 1] in _EDGE:
                    b -= 1
                if b > a:
                    yield a, b


def _proximity(sentence: str, marks: list[int], weights: list[float], a: int, b: int) -> tuple[float, float]:
    """Aligned question characters just before (left context) and after (right context) a span,
    weighed by closeness; a clause break in between counts as distance, a full stop ends it.
    Twice: as they are (how much lines up at all, the threshold) and weighed by each word's
    distance from the question word (which span the question points at)."""
    before = range(a - 1, max(-1, a - 1 - WINDOW * 2), -1)
    after = range(b, min(len(sentence), b + WINDOW * 2))
    (plain_l, weighed_l), (plain_r, weighed_r) = (_side(sentence, marks, weights, before, own=1),
                                                  _side(sentence, marks, weights, after, own=2))
    return plain_l + plain_r, weighed_l + weighed_r


def _side(sentence: str, marks: list[int], weights: list[float], positions: range, own: int) -> tuple[float, float]:
    """Walk away from the span: the context of this side (``own`` bit) counts fully, the other
    side's words a little (the sentence may order them differently)."""
    plain = weighed = 0.0
    distance = 0
    for i in positions:
        ch = sentence[i]
        if ch in _HARD:
            break
        distance += 4 if ch in _BREAK else 1
        if distance > WINDOW:
            break
        if marks[i] & own:
            pull = 1.0 / (1 + 0.35 * (distance - 1))
        elif marks[i] & (3 - own):
            pull = 0.3 / (1 + 0.35 * (distance - 1))
        else:
            continue
        plain += pull
        weighed += pull * weights[i]
    return plain, weighed


def _fills(sentence: str, marks: list[int], a: int, b: int) -> float:
    """A span that fills the whole gap between the aligned words (or a clause edge) on each side:
    「…即算为踢爆。」 gives 踢爆, not 踢."""
    before = sentence[a - 1] if a > 0 else "。"
    after = sentence[b] if b < len(sentence) else "。"
    left = before in _BREAK or (a > 0 and marks[a - 1] & 1)
    right = after in _BREAK or (b < len(sentence) and marks[b] & 2)
    return 0.4 * bool(left) + 0.4 * bool(right)


def _names(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, tag) of the names, titles, common nouns and times of ``sentence`` by LAC. jieba's part-of-speech tags call places, dynasties and works person names (「石岐」
    「曹魏」「马赛曲」 nr) and miss transliterated names (「德利斯勒」): DRCD dev, who-questions whose
    span was such a word while the sentence named the person."""
    from agent.lexicon import entities  # the LAC tagger, loaded on first use

    return tuple((t.start, t.end, t.tag) for t in entities.tokens(sentence) if t.tag in _NAME_TAGS)


# LAC's tags of a name of the asked kind (an organisation answers 「在哪里」: 「效力于热那亚」), and
# LAC's readings that overrule jieba's nr/ns: another kind of name, a title, a common noun, a time
_LAC_KIND = {"person": ("PER",), "place": ("LOC", "ORG")}
_LAC_OTHER = {"person": ("LOC", "ORG", "nz", "nw", "n", "TIME"), "place": ("PER", "nz", "nw", "TIME")}
_NAME_TAGS = ("PER", "LOC", "ORG", "nz", "nw", "n", "TIME")


def _named(slot: Slot, tokens, names, a: int, b: int) -> bool:
    """The span holds a name of the asked kind: one LAC tags so, or one jieba tags so (nr, ns)
    that LAC does not read as something else. jieba tags 「王族」「马赛曲」 (LAC: common nouns) and
    「石岐」「曹魏」 (LAC: places) nr; LAC misses some names jieba has (「僧人信诚」)."""
    own, other = _LAC_KIND[slot.kind], _LAC_OTHER[slot.kind]
    if any(a <= s and e <= b and tag in own for s, e, tag in names):
        return True
    tags = _TYPED_TAGS[slot.kind]
    for s, e, flag in tokens:
        if a <= s and e <= b and flag.startswith(tags):
            read = {tag for ns, ne, tag in names if ns < e and s < ne}
            if read & set(own) or not read & set(other):
                return True
    return False


_LAPSE = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十两]{1,3})(?:个)?(?:日|天|小时|周|个月|月|年)")
_WITHIN = ("内", "以内", "之内", "后", "以后", "之后")


def _lapse(sentence: str, a: int, b: int) -> bool:
    """``sentence[a:b]`` tells a length of time counted from something (「后3日内」「3日」 before
    内), and no date or hour of its own."""
    if _POINT.search(sentence, a, b):
        return False
    return any(sentence.startswith(_WITHIN, m.end()) for m in _LAPSE.finditer(sentence, a, b))


_POINT = re.compile(r"\d{1,2}月|\d{4}年|\d{1,2}[:：]\d{2}|\d{1,2}[时点]|[上下]午|晚上|凌晨")


def _type_fit(slot: Slot, text: str, tokens, a: int, b: int, names=()) -> float:
    inside = [flag for s, e, flag in tokens if s >= a and e <= b]
    if slot.kind == "number":
        if not re.search(r"\d|[一二三四五六七八九十两百千万亿]", text):
            return -1.0
        if slot.noun and re.search(r"[\d一二三四五六七八九十两百千万亿]" + re.escape(slot.noun[:1]), text):
            return 3.0  # the asked measure word right after the figure: 「几类」 ← 「两类」, not 「100枚」
        return 2.0 + (0.5 if slot.noun and slot.noun[:1] in text else 0.0)
    if slot.kind == "time":
        return 2.0 if TIME_SPAN.search(text) or "t" in inside else -1.0
    if slot.kind in ("person", "place"):
        if _named(slot, tokens, names, a, b):
            return 1.5
        return 0.0 if inside and _nominal(inside[-1]) and inside[0][:1] != "r" else -1.0
    if slot.kind == "entity":
        fit = 0.0
        if slot.noun and text.endswith(slot.noun[-1:]):
            fit += 1.0
        if any(flag.startswith(_TYPED_TAGS["entity"]) for flag in inside):
            fit += 0.5
        if not inside or not (_nominal(inside[-1]) or text.endswith("》")):
            fit -= 1.5  # a thing is named by a noun phrase: 「挪威国会大厦」, not 「开始」「再度」
        return fit
    return 0.0


def _nominal(flag: str) -> bool:
    """A part-of-speech tag that can end a noun phrase (jieba: n*, vn, eng, x for Latin words)."""
    return flag[:1] == "n" or flag in ("vn", "eng", "x", "j", "l", "i")


def _typical_length(slot: Slot) -> int:
    return {"number": 6, "time": 8, "person": 4, "place": 6, "entity": 8}.get(slot.kind, 12)


def _narrow(slot: Slot, span: SpanAnswer, sentence: str, tokens, question_tail: str, names=()) -> SpanAnswer:
    """Keep the typed part of a span: the figure with its measure word, the date, the name."""
    a = span.start
    found = None
    if slot.kind == "number":
        numeral = _overlapping(_NUMERAL, sentence, span)
        if numeral:
            end = numeral.end()
            end += len(re.match(r"[多余]?[十百千万亿]*", sentence[end:]).group(0))  # 「2,000万」「100多」
            rest = sentence[end:]
            # the question's own words after 多少 (「多少名观众」) say how far the figure goes
            asked = question_tail[:3]
            shared = next((k for k in range(len(asked), 0, -1) if rest.startswith(asked[:k])), 0)
            measure = rest[:shared] if shared else _measure(rest, tokens, end)
            start = numeral.start()
            # a qualifier changes what the figure says (「≥17300P」「超10亿元」): keep it
            qualifier = _QUALIFIER.search(sentence[:start])
            if qualifier:
                start = qualifier.start()
            end += len(measure)
            # a range is one answer: 「15至20厘米」「100米至2,800米」「276米-285米」
            upper = _RANGE.match(sentence, end)
            if upper:
                end = upper.end() + len(_measure(sentence[upper.end():], tokens, upper.end()))
            found = (start - a, end - a)
    elif slot.kind == "time":
        moment = _overlapping(TIME_SPAN, sentence, span)
        if moment:
            found = (moment.start() - a, moment.end() - a)
    elif slot.kind in ("person", "place"):
        tags = _TYPED_TAGS[slot.kind]
        own = [(s, e) for s, e, tag in names if s >= a and e <= span.end and tag in _LAC_KIND[slot.kind]]
        at = [i for i, (s, e, flag) in enumerate(tokens)
              if s >= a and e <= span.end and flag.startswith(tags)]
        if own:
            # LAC's name, widened to the jieba words it cuts (「颜延」 of 「颜延之」) and across 「·」
            start, end = own[0]
            for s, e, _ in tokens:
                if s < end and start < e and a <= s and e <= span.end:
                    start, end = min(start, s), max(end, e)
            while end < len(sentence) and sentence[end] == "·":  # 「法兰克·盖瑞」, tagged or not
                more = next((e for s, e, _ in tokens if s == end + 1), None)
                if more is None:
                    break
                end = more
            while start > 0 and sentence[start - 1] == "·":
                more = next((s for s, e, _ in tokens if e == start - 1), None)
                if more is None:
                    break
                start = more
            found = (start - a, end - a)
        elif at:
            first = last = at[0]
            # the whole name: 「威廉·琼斯」 is tagged as two names written together
            while first > 0 and _same_name(tokens[first - 1], tokens[first], tags, sentence):
                first -= 1
            while last + 1 < len(tokens) and _same_name(tokens[last + 1], tokens[last], tags, sentence,
                                                         after=True):
                last += 1
            found = (tokens[first][0] - a, tokens[last][1] - a)
    if found is None:
        return span
    s, e = a + found[0], a + found[1]
    return SpanAnswer(sentence[s:e], s, e, span.kind, span.score, span.aligned, span.typed)


def _overlapping(pattern: re.Pattern, sentence: str, span: SpanAnswer) -> re.Match | None:
    """The first match of ``pattern`` in the sentence that overlaps the span (so a date is
    kept whole when the span holds only part of it)."""
    for found in pattern.finditer(sentence):
        if found.start() < span.end and found.end() > span.start:
            return found
    return None


def _same_name(other, token, tags, sentence: str, after: bool = False) -> bool:
    """``other`` continues the name ``token`` belongs to: another name token written against it,
    or any word across a 「·」 (「法兰克·盖瑞」 whatever the tagger makes of 盖瑞)."""
    gap = sentence[token[1] : other[0]] if after else sentence[other[1] : token[0]]
    return gap == "·" or (gap == "" and other[2].startswith(tags))


def _measure(rest: str, tokens, at: int) -> str:
    """The measure word or unit right after a numeral: the next token when it is one (q, m, n)."""
    for s, e, flag in tokens:
        if s == at:
            return rest[: e - at] if flag[:1] in ("q", "m", "n") or flag in ("x", "eng") else ""
        if s > at:
            break
    unit = re.match(r"[%％]|[\u4e00-\u9fff]", rest)
    return unit.group(0) if unit else ""


__all__ = ["TIME_SPAN", "SpanAnswer", "extract_span"]
