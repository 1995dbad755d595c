"""Who holds which title: 「区人民政府区长陈伟」「总经理高铭浩」 read from the documents.

A question that pairs a person with a title the documents never give them (「区长高铭浩」 when
高铭浩 is a company's 总经理) rests on a false premise. `RoleBook.conflict` finds such a pairing
and who the documents say holds the title, so the answer can correct it instead of going along.
Plain Python; names come from jieba's person tags, or a surname followed by a speech verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ingest.reader import LoadedIndex
from ingest.titles import CLAUSE_BREAK, TITLES, document_roles

__all__ = ["TITLES", "Conflict", "Role", "RoleBook", "org_named"]

_CLAUSE_BREAK = CLAUSE_BREAK


@dataclass(frozen=True)
class Role:
    name: str
    titles: tuple[str, ...]  # the title chain before the name: ("东兴区委副书记", "区人民政府区长")
    source: str
    start: int  # the sentence that states it (original offsets)
    end: int

    @property
    def chain(self) -> str:
        return "、".join(self.titles)

    def holds(self, title: str) -> bool:
        return any(_holds(part, title) for part in self.titles)


@dataclass(frozen=True)
class Conflict:
    """The question calls ``person`` a ``title``; the documents say otherwise."""

    person: str
    title: str
    roles: tuple[Role, ...]  # what the documents call the person
    holder: Role | None  # who the documents give the title to, if anyone

    def note(self) -> str:
        said = "；".join(dict.fromkeys(r.chain for r in self.roles))
        text = f"注意：资料中{self.person}是{said}，并非{self.title}"
        if self.holder is not None:
            text += f"；资料中的{self.title}是{self.holder.name}（{self.holder.chain}），以上按{self.holder.name}作答"
        return text + "。"


class RoleBook:
    def __init__(self, index: LoadedIndex) -> None:
        self.index = index

    @cached_property
    def roles(self) -> list[Role]:
        """Every titled person the documents name, in chunk order: from the role table the
        ingest built (``LoadedIndex.role_rows``), or read off the chunks for an index without one."""
        table = getattr(self.index, "role_rows", None)
        if table is None:
            table = {}
            chunks_of: dict[str, list] = {}
            for chunk in self.index.chunks:
                chunks_of.setdefault(chunk.source, []).append(chunk)
            for source, chunks in chunks_of.items():
                text = self.index.documents[source].text
                table[source] = document_roles(chunks, text, self.index.segmenter)
        return [
            Role(name, tuple(titles), source, start, end)
            for source, rows in table.items()
            for name, titles, start, end in rows
        ]

    def conflict(self, question: str) -> Conflict | None:
        """A person the question gives a title the documents do not give them."""
        by_name: dict[str, list[Role]] = {}
        for role in self.roles:
            by_name.setdefault(role.name, []).append(role)
        for name, roles in by_name.items():
            at = question.find(name)
            if at < 0:
                continue
            before = _CLAUSE_BREAK.split(question[:at])[-1]
            after = _AS_TITLE.match(question, at + len(name))  # 「周明远作为市科技局局长」
            phrase = after.group(1) if after else before
            title = next((t for t in TITLES if phrase.endswith(t)), "")
            if title and not title.startswith("副") and phrase.endswith("副" + title):
                title = "副" + title
            if not title:
                continue
            place = phrase[: -len(title)]
            if any(r.holds(title) for r in roles) and org_named(place, roles):
                continue
            if any(r.holds(title) for r in roles):
                title = place[-_ORG_CHARS:] + title if place else title  # 「市科技局局长」, not 「局长」
            holders = [r for r in self.roles if r.name != name and r.holds(title)]
            holders.sort(key=lambda r: -_shared(place, r.chain))
            return Conflict(name, title, tuple(roles), holders[0] if holders else None)
        return None


_AS_TITLE = re.compile(
    r"(?:作为|身为|担任)([^，,。？?！!]{0,14}?(?:" + "|".join(map(re.escape, TITLES)) + "))"
)
_ORG_CHARS = 12


def org_named(place: str, roles: list[Role]) -> bool:
    """The organisation or place before the title (「市科技局」) is, nearly, in the person's titles."""
    place = re.sub(r"^(?:的|是|为)", "", place)
    if len(place) < 2:
        return True
    chains = "".join(r.chain for r in roles)
    # most of its character pairs, in order: 「天济科技」 shares 济科技 with 「并济科技」 but not 并济
    pairs = {place[i : i + 2] for i in range(len(place) - 1)}
    return sum(1 for p in pairs if p in chains) >= 0.75 * len(pairs)


def _holds(part: str, title: str) -> bool:
    if not part.endswith(title):
        return False
    return title.startswith("副") or not part[: -len(title)].endswith("副")


def _shared(place: str, chain: str) -> int:
    """Characters of the question's place words (东兴区 → 东兴) found in the holder's titles."""
    place = re.sub(r"[区市县省镇乡]$", "", place)
    return sum(1 for i in range(len(place) - 1) if place[i : i + 2] in chain)
