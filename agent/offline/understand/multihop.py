"""Two-hop questions: 「和紫东太初联手研发…的企业，前5个月收入多少？」.

The description before 「的企业/的机构/的人…」 is looked up first; the entity it names (a domain
word or proper noun of the best sentence, or of the sentence that sentence continues) replaces
the description, and the rest of the question is answered about that entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.lexicon.wordlists import table
from agent.offline.extract.roles import TITLES
from agent.offline.gather.evidence import Candidate

# the head of 「…的企业/的人/的城市」 and the kind of thing it names, and the endings of company and
# institution names (agent/lexicon/organisation_heads.tsv)
_HEADS = {kind: table("organisation_heads")[f"relative-{kind}"] for kind in ("org", "person", "place")}
_RELATIVE = re.compile(
    r"^(?P<desc>.{6,}?)的(?:那家|那个|这家|这个)?(?P<head>" + "|".join(map(re.escape, (*_HEADS["org"], *_HEADS["person"])))
    + r")[，,、]?(?P<rest>.{2,})$"
)
_COMPANY_END = table("organisation_heads")["company-end"]
_ORG_END = table("organisation_heads")["institution-end"]
# a name right after a title (the role book's titles) and before a reporting verb
_PERSON = re.compile("(?:" + "|".join(TITLES) + r")([\u4e00-\u9fff]{2,3}?)(?:表示|介绍|说|指出|强调)")
_PRONOUN = re.compile(r"^(?:其|它|他|她)")
_LEAD_IN = re.compile(r"^(?:再比如|比如|例如|譬如|像是|像|如)")


@dataclass(frozen=True)
class Hop:
    description: str
    head: str
    rest: str


def split_relative(question: str) -> Hop | None:
    match = _RELATIVE.match(question)
    if not match:
        return None
    rest = _PRONOUN.sub("", match.group("rest").lstrip("，, "))
    return Hop(match.group("desc"), match.group("head"), rest)


def bridge_entity(hop: Hop, bridge: list[Candidate], vocabulary: set[str], tagged) -> str:
    """The entity the description points to, found in the bridge sentences."""
    kind = next(k for k, heads in _HEADS.items() if hop.head in heads)
    text = "".join(c.norm for c in bridge)
    if kind == "person":
        found = _PERSON.findall(text)
        return found[0] if found else ""
    # the entity described is not one the description itself names (「为并济科技…提供…的机构」 is
    # not 并济科技, nor 四川并济科技有限公司)
    own = [w for w in vocabulary if len(w) >= 2 and w in hop.description]
    names = [w for w in vocabulary if w in text and w not in hop.description]
    names += [w for w, flag in tagged(text) if flag in ("nt", "nz", "nr") and len(w) >= 2]
    names = [n for n in names if not any(w in n or n in w for w in own)]
    # nor a phrase of the description's own (「中文多模态大模型」 for 「提供多模态大模型」)
    names = [n for n in names if not any(hop.description[i : i + 3] in n for i in range(len(hop.description) - 2))]
    if kind == "org":
        # 「企业」「公司」 are companies; 「机构」 may also be a lab, a university or a model's maker
        ends = _ORG_END if hop.head in ("机构", "单位") else _COMPANY_END
        names = [n for n in names if n.endswith(ends) or (hop.head in ("机构", "单位") and n in vocabulary)]
    names = [_LEAD_IN.sub("", n) for n in names if n not in hop.description]
    names = [n for n in names if len(n) >= 2]
    if not names:
        return ""
    anchors = _anchors(hop.description, text, own)
    if anchors:
        # the name written next to what the description says (「依托紫东太初…多模态大模型」), first
        # mentioned among equals
        return min(names, key=lambda n: (_distance(text, n, anchors), text.index(n), -len(n)))
    # the name mentioned first in the bridge sentences is their subject
    return min(names, key=lambda n: (text.index(n), -len(n)))


def _anchors(description: str, text: str, own: list[str]) -> list[int]:
    """Where the description's own words (4 characters or more, not its names) stand in ``text``."""
    spots = []
    for i in range(len(description) - 3):
        piece = description[i : i + 4]
        if any(piece in w for w in own):
            continue
        at = text.find(piece)
        while at >= 0:
            spots.append(at)
            at = text.find(piece, at + 1)
    return spots


def _distance(text: str, name: str, anchors: list[int]) -> int:
    at = text.find(name)
    best = len(text)
    while at >= 0:
        best = min(best, *(min(abs(a - at), abs(a - (at + len(name)))) for a in anchors))
        at = text.find(name, at + 1)
    return best
