"""What 「这场活动」「此次会议」「该平台」 in an answering sentence refers to.

「7月中旬，XX推进会暨集中签约仪式圆满举行。…在这场备受瞩目的活动中，…项目成为一大亮点」:
a question asking 「在什么活动上」 is answered by the name two sentences earlier, not by the
demonstrative. `referent` looks back a few sentences for a name of the same kind. Plain Python.
"""

from __future__ import annotations

import re

from agent.lexicon.wordlists import groups

# heads that end an event's name, tried in file order, and the nouns a sentence uses for an
# event it does not name (agent/lexicon/event_words.txt, lines 1 and 2)
_EVENT_HEADS = "|".join(map(re.escape, groups("event_words")[0]))
_EVENT_NOUNS = groups("event_words")[1]
_DEMONSTRATIVES = r"(?:这场|这次|此次|本次|该次|这一|这届|本届|该|此|这个|这项|这座|这家)"
_HELD = re.compile(
    rf"^(?P<name>[^，。,；;：:]{{2,48}}?(?:{_EVENT_HEADS}))"
    r"(?:于[^，。,；;]{1,12}?)?(?:在[^，。,；;]{1,16}?)?"
    r"(?:圆满|隆重|顺利|成功|正式|盛大)?(?:举行|召开|举办|开幕|闭幕|落幕|启动|开展|进行)"
)
# a date before the name (「7月中旬内江市…」); a bare year stays, it is usually part of the name
_LEADING_TIME = re.compile(
    r"^(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:上旬|中旬|下旬|初|底)?|^(?:今年|去年|近日|日前|当天)"
)


# 「当天，…签约了一批项目」: the day (or the venue) of the event just described
_EVENT_DEIXIS = re.compile(r"^(?:当天|当日|会上|会议期间|活动期间|现场|期间|其间)")


def mentions_kind(sentence: str, noun: str) -> bool:
    """The sentence refers to a ``noun`` (「活动」) by a demonstrative instead of naming it."""
    if noun in _EVENT_NOUNS and _EVENT_DEIXIS.match(sentence):
        return True
    nouns = _EVENT_NOUNS if noun in _EVENT_NOUNS else (noun,)
    kinds = "|".join(map(re.escape, sorted(nouns, key=len, reverse=True)))
    return bool(re.search(rf"{_DEMONSTRATIVES}[^，。,；;：:]{{0,10}}?(?:{kinds})", sentence))


def referent(noun: str, earlier: list[str], names: frozenset[str] = frozenset()) -> tuple[str, int] | None:
    """The nearest name of a ``noun``'s kind in ``earlier`` sentences (nearest last).

    Returns the name and the index of its sentence in ``earlier``. Events are found by their
    being held (「…推进会暨集中签约仪式圆满举行」); other kinds by corpus names ending in the noun.
    """
    for i in range(len(earlier) - 1, -1, -1):
        sentence = earlier[i]
        if noun in _EVENT_NOUNS:
            for clause in re.split(r"[，,；;。]", sentence):
                clause = _LEADING_TIME.sub("", clause.strip()).lstrip("，, 在于")
                held = _HELD.match(clause)
                if held:
                    return held.group("name"), i
        else:
            named = [n for n in names if n.endswith(noun) and len(n) > len(noun) and n in sentence]
            if named:
                return max(named, key=len), i
    return None
