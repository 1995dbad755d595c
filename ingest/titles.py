"""Who holds which title, read off one sentence: 「区人民政府区长陈伟」「总经理高铭浩」.

Used at ingest to build each document's role table (``roles.json`` of a generation), so that
the answerer's `agent.offline.extract.roles.RoleBook` does not POS-tag the collection on its
first question. Names come from jieba's person tags, or a surname followed by a speech verb; a
name counts only after a title chain (`title_chain`), so a sentence that holds no title is not
tagged at all.
"""

from __future__ import annotations

import re

from ingest.normalize import normalize
from ingest.segment import Segmenter
from ingest.types import Chunk

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
SURNAMES = set(
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
CLAUSE_BREAK = re.compile(r"[，,。；;：:“”\"（）()！!？?]")
_CHAIN_START = re.compile(r"^.*(?:了|专访|采访|会见|陪同|邀请|据悉|由)")
_ANY_TITLE = re.compile("|".join(map(re.escape, TITLES)))

RoleRow = tuple[str, tuple[str, ...], int, int]  # name, title chain, sentence start, end


def document_roles(chunks: list[Chunk], text: str, segmenter: Segmenter) -> list[RoleRow]:
    """The (name, titles, start, end) the sentences of one document's chunks state, in chunk
    and sentence order, each sentence once."""
    out: list[RoleRow] = []
    seen: set[int] = set()
    for chunk in chunks:
        for sentence in chunk.sentences:
            if sentence.start in seen:
                continue
            seen.add(sentence.start)
            norm = normalize(text[sentence.start : sentence.end]).text
            for name, titles in titled_names(norm, segmenter):
                out.append((name, titles, sentence.start, sentence.end))
    return out


def titled_names(norm: str, segmenter: Segmenter) -> list[tuple[str, tuple[str, ...]]]:
    """(name, title chain) of every person a normalised sentence names after a title."""
    if not _ANY_TITLE.search(norm):  # every name found must follow a title: nothing to tag
        return []
    found: dict[int, str] = {}
    position = 0
    for word, flag in segmenter.tagged(norm):
        if flag == "nr" and 2 <= len(word) <= 4:
            found[position] = word
        position += len(word)
    for title in TITLES:
        for m in re.finditer(re.escape(title), norm):
            after = _BY_SURNAME.match(norm, m.end())
            tagged = found.get(m.end(), "")
            # a name right before a speech verb, unless jieba tagged it; or jieba cut it short
            # (「王明远表示」: 王明 nr + 远 a)
            if after and after.group("name")[0] in SURNAMES and (
                    not tagged or (after.group("name").startswith(tagged) and len(after.group("name")) > len(tagged))):
                found[m.end()] = after.group("name")
    out = []
    for at, name in sorted(found.items()):
        if any(name.endswith(t) for t in (*TITLES, "组长")):
            continue  # 「市长任组长」: 任组长 is not a name
        titles = title_chain(norm[:at])
        if titles:
            out.append((name, titles))
    return out


def title_chain(before: str) -> tuple[str, ...]:
    """The 、-joined titles right before a name, or () when the name follows no title."""
    clause = _CHAIN_START.sub("", CLAUSE_BREAK.split(before)[-1])
    parts = [p for p in clause.split("、") if p]
    if not parts or not any(parts[-1].endswith(t) for t in TITLES):
        return ()
    return tuple(p for p in parts if len(p) <= 40)
