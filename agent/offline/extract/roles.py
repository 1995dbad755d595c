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

from ingest.normalize import normalize
from ingest.reader import LoadedIndex

# generic titles of officials, companies and institutions (longest first when matching)
TITLES = tuple(
    sorted(
        """区长 市长 县长 省长 镇长 乡长 州长 村长 书记 主任 局长 处长 科长 厅长 部长 主席 总理 院长
        校长 所长 秘书长 会长 理事长 社长 总编辑 主编 台长 馆长 行长 站长 队长 董事长 董事 总经理
        副总经理 经理 总裁 副总裁 总监 首席执行官 首席技术官 创始人 合伙人 负责人 代表 发言人
        教授 研究员 院士 总工程师 工程师 专家 委员 常委 主管""".split(),
        key=len,
        reverse=True,
    )
)
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
)
_SPEECH = (
    r"表示|介绍|说|指出|强调|认为|称|提出|透露|坦言|致辞|讲话|主持|出席|参加|带队|一行|在|告诉|谈到|"
    r"回忆|感慨|笑着|解释|算了|补充|,|，|。|、"
)
_BY_SURNAME = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?={_SPEECH})")
_CLAUSE_BREAK = re.compile(r"[，,。；;：:“”\"（）()！!？?]")


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
        out: list[Role] = []
        seen: set[tuple[str, int]] = set()
        for chunk in self.index.chunks:
            text = self.index.documents[chunk.source].text
            for sentence in chunk.sentences:
                if (chunk.source, sentence.start) in seen:
                    continue
                seen.add((chunk.source, sentence.start))
                norm = normalize(text[sentence.start : sentence.end]).text
                for name, titles in self._titled_names(norm):
                    out.append(Role(name, titles, chunk.source, sentence.start, sentence.end))
        return out

    def _titled_names(self, norm: str) -> list[tuple[str, tuple[str, ...]]]:
        found: dict[int, str] = {}
        position = 0
        for word, flag in self.index.segmenter.tagged(norm):
            if flag == "nr" and 2 <= len(word) <= 4:
                found[position] = word
            position += len(word)
        for title in TITLES:
            for m in re.finditer(re.escape(title), norm):
                after = _BY_SURNAME.match(norm, m.end())
                if after and after.group("name")[0] in _SURNAMES and m.end() not in found:
                    found[m.end()] = after.group("name")
        out = []
        for at, name in sorted(found.items()):
            if any(name.endswith(t) for t in (*TITLES, "组长")):
                continue  # 「市长任组长」: 任组长 is not a name
            titles = _title_chain(norm[:at])
            if titles:
                out.append((name, titles))
        return out

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
_CHAIN_START = re.compile(r"^.*(?:了|专访|采访|会见|陪同|邀请|据悉|由)")
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


def _title_chain(before: str) -> tuple[str, ...]:
    """The 、-joined titles right before a name, or () when the name follows no title."""
    clause = _CHAIN_START.sub("", _CLAUSE_BREAK.split(before)[-1])
    parts = [p for p in clause.split("、") if p]
    if not parts or not any(parts[-1].endswith(t) for t in TITLES):
        return ()
    return tuple(p for p in parts if len(p) <= 40)


def _holds(part: str, title: str) -> bool:
    if not part.endswith(title):
        return False
    return title.startswith("副") or not part[: -len(title)].endswith("副")


def _shared(place: str, chain: str) -> int:
    """Characters of the question's place words (东兴区 → 东兴) found in the holder's titles."""
    place = re.sub(r"[区市县省镇乡]$", "", place)
    return sum(1 for i in range(len(place) - 1) if place[i : i + 2] in chain)
