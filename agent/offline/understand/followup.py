"""Resolving follow-up questions: 「它」「该平台」「那家公司」 → what the previous turn was about."""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.lexicon.wordlists import groups, table, words
from agent.types import Turn
from ingest.normalize import normalize_query

# heads a follow-up's noun phrase ends in, in the order they are tried (agent/lexicon/organisation_heads.tsv)
_HEADS = "|".join(map(re.escape, table("organisation_heads")["follow-up"]))
# 「该平台」「那家公司」「这个联合创新中心」: a demonstrative, a classifier, a noun phrase ending in a head
_TYPED = re.compile(
    rf"(?:该|这|那|此)(?:家|个|座|所|项|位|批|些)?(?P<noun>[\u4e00-\u9fff]{{0,8}}?(?:{_HEADS}))"
)
_PERSON = re.compile(r"(?<!其)(?:他们|她们|他|她)")
_THING = re.compile(r"(?:它们|它)|^其")
_ORG_KIND = table("organisation_heads")["follow-up-org"]
_ORG_ENDS = table("organisation_heads")["org-name-end"]
_ENTITY = re.compile(rf"(?:(?![了的是在和与及将])[\u4e00-\u9fffA-Za-z0-9]){{2,24}}?(?:{_HEADS}|区|市)")
_ASKS_ENTITY = re.compile(r"哪家|哪个|哪位|哪一家|哪些|谁|什么(?:企业|公司|机构|平台|项目|人|单位)")
_LEADING = re.compile(r"^(?:由|是|为|就是|即|系)")


def needs_context(question: str) -> bool:
    text = normalize_query(question)
    return bool(_TYPED.search(text) or _PERSON.search(text) or _THING.search(text))


# 「初中呢？」「收入呢？」「What about 2023?」: the last question again, about something else
_ELLIPSIS = re.compile(r"^(?:那|那么|那么说)?(?P<x>[^，,。？?]{1,16}?)(?:呢|的呢|又如何|怎么样)[?？]?$")
# words that take each other's place in a follow-up (小学 → 初中; agent/lexicon/follow_up_siblings.txt);
# years (2024年 → 2023年) are matched by pattern
_SIBLINGS = groups("follow_up_siblings")


def resolve(question: str, turns: Sequence[Turn], vocabulary: Sequence[str] = ()) -> str:
    """Rewrite ``question`` with the entities its pronouns refer to, or return it unchanged."""
    if turns:
        elided = _elliptical(question, turns[-1])
        if elided:
            return elided
    if not turns or not needs_context(question):
        return question
    last = turns[-1]
    text = normalize_query(question)
    subject = _answer_subject(last)
    asked_for_entity = bool(_ASKS_ENTITY.search(normalize_query(last.question)))
    in_answer = _names(normalize_query(last.answer), vocabulary)
    in_question = _names(normalize_query(last.question), vocabulary)
    pool = in_answer + ([subject] if asked_for_entity and subject else []) + in_question

    def typed(match: re.Match) -> str:
        noun = match.group("noun")
        if "的" in noun:
            return match.group(0)  # 「那新投资的智算中心」 describes its own referent
        head = re.search(rf"(?:{_HEADS})$", noun).group(0)
        for name in pool:
            if name.endswith(noun) and len(noun) > len(head):
                return name
        for name in pool:
            if name.endswith(head) or (
                head in _ORG_KIND and (name.endswith(_ORG_ENDS) or name == subject)
            ):
                return name
        return match.group(0)

    text = _TYPED.sub(typed, text)
    if asked_for_entity:
        person, thing = subject, (in_answer[:1] or [subject])[0]
    else:
        person = thing = (in_question[:1] or [""])[0]
    if person:
        text = _PERSON.sub(person, text, count=1)
    if thing:
        text = _THING.sub(thing, text, count=1)
    return text


def _elliptical(question: str, last: Turn) -> str:
    """「初中呢？」 after 「小学收费多少？」 -> 「初中收费多少？」; "" when not elliptical."""
    m = _ELLIPSIS.match(normalize_query(question).strip())
    if not m:
        return ""
    x = m.group("x")
    before = normalize_query(last.question).rstrip("?？。 ")
    year = re.fullmatch(r"((?:19|20)\d\d)年?", x)
    if year and re.search(r"(?:19|20)\d\d年", before):
        return re.sub(r"(?:19|20)\d\d年", f"{year.group(1)}年", before, count=1) + "?"
    for group in _SIBLINGS:
        if x in group:
            for word in group:
                if word != x and word in before:
                    return before.replace(word, x, 1) + "?"
    return f"{before}，{x}?"  # the asked thing changes: keep the context, add the new focus


# verbs between an answer's subject and what it did (agent/lexicon/making_verbs.txt)
_VERB = re.compile("(?:" + "|".join(map(re.escape, words("making_verbs"))) + ")")


def _answer_subject(turn: Turn) -> str:
    """The first phrase of the last answer: 「由四川并济科技打造。」 -> 「四川并济科技」."""
    answer = normalize_query(turn.answer.strip())
    if not answer:
        return ""
    first = re.split(r"[，,。；;：:、\n]", answer, maxsplit=1)[0].strip()
    first = _VERB.split(_LEADING.sub("", first), maxsplit=1)[0].rstrip("的了")
    return first if 2 <= len(first) <= 30 else ""


def _names(text: str, vocabulary: Sequence[str]) -> list[str]:
    """Named things in ``text`` in order of appearance, a longer name over one it contains."""
    spans = [(text.index(w), w) for w in vocabulary if len(w) >= 3 and w in text]
    spans += [
        (m.start(), m.group(0)) for m in _ENTITY.finditer(text) if not _ASKS_ENTITY.search(m.group(0))
    ]
    found: list[str] = []
    end = -1
    for start, name in sorted(spans, key=lambda s: (s[0], -len(s[1]))):
        if any(name in other for other in found):
            continue
        if found and start == end:  # 「成渝中心」+「算力枢纽智能运算中心」 are one name
            found[-1] += name
        else:
            found.append(name)
        end = start + len(name)
    return found
