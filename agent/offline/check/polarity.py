"""Yes or no by the sentence's polarity: 「有偷漏税行为的企业可以申报吗？」 over 「…有偷漏税等违法违规
行为的企业，不得申报。」 is a no, though the sentence covers every word of the question."""

from __future__ import annotations

import re

from agent.lexicon.thesaurus import synonyms
from agent.lexicon.wordlists import words
from agent.offline.understand.question import Question

# negation words (agent/lexicon/negators.txt), longest first
NEGATORS = tuple(sorted(words("negators"), key=len, reverse=True))
_NEGATED = "(?:" + "|".join(map(re.escape, NEGATORS)) + ")"


def denied(q: Question, sentence: str) -> str:
    """A word of the question as the sentence denies it (「不得申报」), when the question itself
    does not deny it; "" otherwise."""
    free = WAIVED.search(sentence)
    if free and _ASKS_COST.search(q.text) and not WAIVED.search(q.text):
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


_EXCLUDING = re.compile(r"(?:下列|以下|如下)(?:情形|情况|条件)之一[的者]?\s*[，,]?\s*(?:的|者)?\s*" + _NEGATED)
# a question whether something costs (「要花钱吗」「收钱吗」「要不要钱」「收费吗」), and the words that
# say it costs nothing (agent/lexicon/free_of_charge.txt)
# (a fee named between: 「要交占道费吗」「需要缴纳工本费吗」)
_ASKS_COST = re.compile(r"(?:花|要|交|缴|收|付|掏|出)钱|收费|要费用|(?:交|缴|付)纳?[\u4e00-\u9fff]{0,4}?费")
WAIVED = re.compile("|".join(map(re.escape, sorted(words("free_of_charge"), key=len, reverse=True))))
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])不\1")
# a verb between the negator and the word (「不予发放补贴」), and 「任何」 after it (「不收取任何费用」)
_GAP = r"[\u4e00-\u9fff]{0,2}?(?:任何)?"


__all__ = ["NEGATORS", "WAIVED", "denied", "excludes"]
