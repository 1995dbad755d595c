"""Who holds which title: 「区人民政府区长陈伟」「总经理高铭浩」 read from the documents.

A question that pairs a person with a title the documents never give them (「区长高铭浩」 when
高铭浩 is a company's 总经理) rests on a false premise. `RoleBook.conflict` finds such a pairing
and who the documents say holds the title, so the answer can correct it instead of going along.
Plain Python; names come from jieba's person tags, or a surname followed by a speech verb.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
        self._holders: dict[str, list[Role]] = {}
        self._chains: dict[str, tuple[str, list[int]]] = {}

    @cached_property
    def _longest_name(self) -> int:
        return max(map(len, self.by_name), default=0)

    @cached_property
    def _name_order(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.by_name)}

    @cached_property
    def roles(self) -> list[Role]:
        """Every titled person the documents name, in chunk order: from the role table the
        ingest built (``LoadedIndex.role_rows``), or read off the chunks for an index without one."""
        table = getattr(self.index, "role_rows", None)
        if table is None:
            table = {}
            for source in dict.fromkeys(chunk.source for chunk in self.index.chunks):
                text = self.index.documents[source].text
                table[source] = document_roles(self.index.chunks_of(source), text, self.index.segmenter)
        return [
            Role(name, tuple(titles), source, start, end)
            for source, rows in table.items()
            for name, titles, start, end in rows
        ]

    @cached_property
    def by_name(self) -> dict[str, list[Role]]:
        """Each name's roles, in the order `roles` has them; names in order of first appearance."""
        by_name: dict[str, list[Role]] = {}
        for role in self.roles:
            by_name.setdefault(role.name, []).append(role)
        return by_name

    def named(self, name: str) -> list[Role]:
        """``[r for r in roles if r.name == name]``, from the name table."""
        return list(self.by_name.get(name, ()))

    def holders(self, title: str) -> list[Role]:
        """``[r for r in roles if r.holds(title)]``, computed once per title."""
        if title not in self._holders:
            self._holders[title] = [r for r in self.roles if r.holds(title)]
        return self._holders[title]

    def holders_in(self, title: str, org: str) -> list[Role]:
        """``[r for r in holders(title) if org_named(org, [r])]``: the exact test, run only on the
        holders whose titles share one of the place's character pairs that any match must hold."""
        holders = self.holders(title)
        place = re.sub(r"^(?:的|是|为)", "", org)
        if len(place) < 2:
            return list(holders)  # org_named is true for every role
        if title not in self._chains:
            chains = [r.chain for r in holders]
            starts, at = [], 0
            for chain in chains:
                starts.append(at)
                at += len(chain) + 1
            self._chains[title] = ("\x00".join(chains), starts)
        joined, starts = self._chains[title]
        pairs = sorted({place[i : i + 2] for i in range(len(place) - 1)})
        need = next(k for k in range(len(pairs) + 1) if k >= 0.75 * len(pairs))  # org_named's test
        # a passing chain lacks at most len(pairs) - need pairs, so it holds one of any
        # len(pairs) - need + 1 of them: look up the rarest that many
        chosen = sorted(pairs, key=joined.count)[: len(pairs) - need + 1]
        rows: set[int] = set()
        for pair in chosen:
            at = joined.find(pair)
            while at >= 0:
                row = bisect_right(starts, at) - 1
                rows.add(row)
                at = joined.find(pair, starts[row + 1]) if row + 1 < len(starts) else -1
        return [holders[row] for row in sorted(rows) if org_named(org, [holders[row]])]

    def conflict(self, question: str) -> Conflict | None:
        """A person the question gives a title the documents do not give them."""
        by_name = self.by_name
        # only the names that occur in the question, in the name table's order
        longest = self._longest_name
        present = {question[i : i + n] for n in range(longest + 1) for i in range(len(question) - n + 1)}
        order = self._name_order
        for name in sorted((n for n in present if n in by_name), key=order.__getitem__):
            roles = by_name[name]
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
