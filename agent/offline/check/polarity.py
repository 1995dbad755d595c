"""Yes or no by the sentence's polarity: 「有偷漏税行为的企业可以申报吗？」 over 「…有偷漏税等违法违规
行为的企业，不得申报。」 is a no, though the sentence covers every word of the question."""

from __future__ import annotations

import re

from agent.lexicon.thesaurus import synonyms
from agent.lexicon.wordlists import groups, words
from agent.offline.understand.question import Question

# negation words (agent/lexicon/negators.txt), longest first
NEGATORS = tuple(sorted(words("negators"), key=len, reverse=True))
_NEGATED = "(?:" + "|".join(map(re.escape, NEGATORS)) + ")"


def denied(q: Question, sentence: str) -> str:
    """A word of the question as the sentence denies it (「不得申报」), when the question itself
    does not deny it; "" otherwise."""
    free = WAIVED.search(sentence)
    if free and ASKS_COST.search(q.text) and not WAIVED.search(q.text):
        return free.group(0)  # 「营业执照要花钱吗」: 「可免费领取」 says no charge, whatever the verb
    terms = [t for t in q.terms if len(t) >= 2]
    # a compound's head (「住房补贴」: 补贴) as the sentence may deny it (「不予发放补贴」)
    heads = [t[-2:] for t in terms if len(t) >= 4 and t[-2:] not in terms]
    asked = _A_NOT_A.sub(r"\1", q.text)  # 「能不能领补贴」 asks 「能领补贴」, it denies nothing
    for verb in dict.fromkeys((*q.focus_verbs, *terms, *heads)):
        if re.search(_NEGATED + _GAP + re.escape(verb), asked):
            continue  # 「是否不得申报」 asks about the denial itself
        found = re.search(_NEGATED + _GAP + re.escape(verb), sentence)
        # or a synonym of it, by a plain 不 too (「需要交费吗」 over 「首次申领居住证不收费」, 「不收取任何费用」)
        for said in (s for s in synonyms(verb) if len(s) >= 2 and not found):
            found = re.search("(?:" + _NEGATED + "|不)" + _GAP + re.escape(said), sentence)
        if found:
            return found.group(0)
    return ""


def excludes(lead: str) -> bool:
    """``lead`` opens a list of the cases a rule denies, whatever verb it denies with (「有下列情形
    之一者，不予發放：」「有以下情况之一的，不得申请：」): each item under it is a no."""
    return _EXCLUDING.search(lead) is not None


def stated_verdict(question: str, text: str, start: int) -> str:
    """The yes or no a question-and-answer document gives in its own words (「问5：买了二手房能拿
    购房奖励吗？」「答：不能。购房奖励仅限…」: 不能) for the sentence at ``start`` of ``text``: the
    short opening sentence of the answer line the sentence is in, or of the line after the question
    line it is in, when its verb is of a group ``question`` asks with (agent/lexicon/modal_verbs.txt);
    "" when there is none."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if _ASKED_LINE.match(line) and line_end >= 0:
        line = text[line_end + 1 :].lstrip("\n").split("\n", 1)[0]
    found = _VERDICT.match(line)
    if not found:
        return ""
    verb = re.sub(r"^(?:不|没|未)", "", found.group(1))
    group = next((g for g in _MODALS if verb in g), ())
    return found.group(1) if any(m in question for m in group) else ""


# near-equivalent modal verbs, one group a line (agent/lexicon/modal_verbs.txt)
_MODALS = groups("modal_verbs")


_EXCLUDING = re.compile(r"(?:下列|以下|如下)(?:情形|情况|条件)之一[的者]?\s*[，,]?\s*(?:的|者)?\s*" + _NEGATED)
# a question whether something costs (「要花钱吗」「收钱吗」「要不要钱」「收费吗」), and the words that
# say it costs nothing (agent/lexicon/free_of_charge.txt)
# (a fee named between: 「要交占道费吗」「需要缴纳工本费吗」)
# a question line and the answer line after it (「问5：…」「答：…」, 「問：」「答：」), whose opening
# sentence is a bare yes or no: a few characters and a full stop (「答：不能。」「答：可以。」「答：有。」), or
# fewer and a comma (「答：可以，…」), with no figure and no 的/者 (「答：经查实的，」 opens a case)
_ASKED_LINE = re.compile(r"^\s*[问問]\s*[\d一二三四五六七八九十]*\s*[：:]")
_VERDICT = re.compile(r"^\s*答\s*[：:]\s*((?:[^\d\s。，,；的者]{1,5}(?=。))|(?:[^\d\s。，,；的者]{1,3}(?=[，,])))")
ASKS_COST = re.compile(r"(?:花|要|交|缴|收|付|掏|出)钱|收费|要费用|(?:交|缴|付)纳?[\u4e00-\u9fff]{0,4}?费")
WAIVED = re.compile("|".join(map(re.escape, sorted(words("free_of_charge"), key=len, reverse=True))))
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])不\1")
# a verb between the negator and the word (「不予发放补贴」), and 「任何」 after it (「不收取任何费用」)
_GAP = r"[\u4e00-\u9fff]{0,2}?(?:任何)?"


__all__ = ["ASKS_COST", "NEGATORS", "WAIVED", "denied", "excludes", "stated_verdict"]
