"""English questions over Chinese documents: names by their pinyin, common terms by a glossary.

「Bingji Technology」 finds 并济 because the corpus's own words are indexed by their pinyin
(``bingji``); 「computing power」 finds 算力 through a small glossary of policy vocabulary.
The Chinese terms are added to the question for retrieval and for checking coverage.
"""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

from ingest.reader import LoadedIndex

MAX_WORDS = 60000

# generic policy and industry vocabulary (never names from one document)
GLOSSARY: dict[str, tuple[str, ...]] = {
    "computing power": ("算力",), "computing": ("算力", "计算"), "revenue": ("营收", "收入"),
    "income": ("收入", "营收"), "growth": ("增长",), "grew": ("增长",), "grow": ("增长",),
    "increase": ("增长", "增加"), "district head": ("区长",), "mayor": ("市长",),
    "district": ("区",), "city": ("市",), "province": ("省",), "enterprises": ("企业",),
    "enterprise": ("企业",), "companies": ("企业", "公司"), "company": ("公司", "企业"),
    "industry chain": ("产业链",), "industry": ("产业",), "industrial": ("产业",),
    "economic circle": ("经济圈",), "economic": ("经济",), "economy": ("经济",),
    "artificial intelligence": ("人工智能",), "ai": ("人工智能",), "data": ("数据",),
    "annotation": ("标注",), "labeling": ("标注",), "platform": ("平台",), "center": ("中心",),
    "centre": ("中心",), "project": ("项目",), "projects": ("项目",), "laboratory": ("实验室",),
    "lab": ("实验室",), "university": ("大学",), "output": ("产值",), "annual": ("年",),
    "signed": ("签约", "签署"), "sign": ("签约", "签署"), "agreement": ("协议",),
    "model": ("模型",), "large model": ("大模型",), "low-altitude": ("低空",),
    "low altitude": ("低空",), "server": ("服务器",), "servers": ("服务器",),
    "investment": ("投资",), "invested": ("投资",), "built": ("建成", "打造"),
    "digital": ("数字",), "pilot city": ("试点城市",), "talent": ("人才",),
    "subsidy": ("补贴", "补助"), "reward": ("奖励",), "policy": ("政策",),
    "cluster": ("集群",), "intelligent": ("智能",), "smart": ("智慧", "智能"),
    "quality": ("优质",), "cultivated": ("引育", "培育"), "introduced": ("引进", "引育"),
    "head": ("区长", "负责人"), "general manager": ("总经理",), "vice president": ("副总裁",),
    "first five months": ("1-5月",), "first half": ("上半年",), "percent": ("%",),
    "party secretary": ("书记",), "secretary": ("书记",), "county": ("县",),
    "county head": ("县长",), "county magistrate": ("县长",), "town": ("镇",), "village": ("村",),
    "households": ("户", "农户"), "household": ("户", "农户"), "farmers": ("农户", "农民"),
    "tea": ("茶",), "integrated circuit": ("集成电路",), "semiconductor": ("半导体",),
    "chip": ("芯片",), "chips": ("芯片",), "technology park": ("科技园区", "园区"), "park": ("园区",),
    "charging pile": ("充电桩",), "charging piles": ("充电桩",), "charging": ("充电",),
    "kilowatt": ("千瓦",), "new energy vehicle": ("新能源汽车",), "new energy vehicles": ("新能源汽车",),
    "vehicle": ("汽车", "车辆"), "vehicles": ("汽车", "车辆"), "car": ("汽车", "轿车"), "battery": ("电池",),
    "loan": ("贷款",), "loans": ("贷款",), "interest": ("贴息", "利息"), "fund": ("基金",),
    "export": ("出口",), "exports": ("出口",), "area": ("面积",), "acres": ("亩",), "mu": ("亩",),
    "valid": ("有效期",), "validity": ("有效期",), "effective": ("施行", "生效"),
    "deadline": ("截止", "前"), "apply": ("申报", "申请"), "application": ("申报", "申请"),
    "department": ("部门", "局"), "bureau": ("局",), "responsible": ("负责",),
    "director": ("主任", "局长"), "chairman": ("董事长", "主任"), "manager": ("经理",),
    "sales": ("销售",), "e-commerce": ("电商",), "online": ("线上", "网络"),
    "conference": ("大会", "会议"), "meeting": ("会议",), "held": ("举行", "召开"),
    "training base": ("实训基地",), "training": ("实训", "培训"), "big data": ("大数据",),
    "plan": ("计划", "拟"), "plans": ("计划", "拟"), "target": ("目标", "力争"), "goal": ("目标", "力争"),
    "billion": ("亿",), "yuan": ("元",), "employees": ("从业人员", "员工"), "workers": ("员工", "职工"),
    "population": ("人口",), "exhibition": ("展会", "博览会"), "forum": ("论坛",),
    "cooperative": ("合作社",), "cooperatives": ("合作社",), "factory": ("工厂",), "plant": ("工厂",),
    "processing": ("加工",), "brand": ("品牌",), "price": ("价格",), "purchase": ("购买", "购车"),
    "maximum": ("最高", "最多"), "max": ("最高", "最多"), "at most": ("最多", "最高"), "cap": ("最高", "上限"),
    "up to": ("最高", "最多"), "minimum": ("最低", "至少"), "at least": ("至少", "不少于"),
    "semester": ("学期",), "term": ("学期",), "primary school": ("小学",), "middle school": ("初中",),
    "junior high": ("初中",), "high school": ("高中",), "after-school": ("课后服务", "课后"),
    "after school": ("课后服务", "课后"), "pupils": ("学生",), "students": ("学生",), "student": ("学生",),
    "teacher": ("教师",), "teachers": ("教师",), "charge": ("收费", "收取"), "fee": ("收费", "费用"),
    "fees": ("收费", "费用"), "free": ("免费", "免收"), "exempt": ("免收", "减免"), "low-income": ("低保",),
    "cloud": ("上云", "云"), "cloud services": ("上云", "云服务"), "tourists": ("游客",), "visitors": ("游客",),
    "ticket": ("门票",), "tickets": ("门票",), "hotel": ("酒店",), "occupancy": ("入住率",),
    "hospital": ("医院",), "hospitals": ("医院",), "doctor": ("医生", "医师"), "doctors": ("医生", "医师"),
    "township": ("乡镇",), "medical": ("医疗",), "health": ("卫生健康", "健康"), "insurance": ("医保", "保险"),
    "budget": ("资金", "预算"), "funding": ("资金",), "funds": ("资金",), "holiday": ("假期",),
    "growth rate": ("增长",), "year on year": ("同比",), "year-on-year": ("同比",),
    "scrap": ("报废",), "scrapping": ("报废",), "trade-in": ("置换", "以旧换新"),
}
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
_ENGLISH_STOP = frozenset(
    "the a an of to in on for is are was were what which who how when where why does do did "
    "has have had with by and or at as its it that this from will be been much many".split()
)


class PinyinLexicon:
    """Pinyin (toneless, joined) → the corpus word, for the corpus's names and words."""

    def __init__(self, index: LoadedIndex) -> None:
        words: set[str] = set(index.segmenter.words)
        for chunk in index.chunks:
            for token in index.segmenter.tokens(chunk.search_text):
                if 2 <= len(token) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", token):
                    words.add(token)
            if len(words) > MAX_WORDS:
                break
        self._by_pinyin: dict[str, str] = {}
        for word in sorted(words, key=len):  # the shortest word wins a shared pinyin
            self._by_pinyin.setdefault("".join(lazy_pinyin(word)), word)

    def terms(self, question: str) -> list[str]:
        words = [w for w in _WORD.findall(question)]
        lowered = [w.lower() for w in words]
        found: list[str] = []
        text = " ".join(lowered)
        for phrase, chinese in sorted(GLOSSARY.items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"\b{re.escape(phrase)}\b", text):
                found.extend(chinese)
                text = re.sub(rf"\b{re.escape(phrase)}\b", " ", text)
        for size in (3, 2, 1):
            for i in range(len(lowered) - size + 1):
                span = lowered[i : i + size]
                if any(w in _ENGLISH_STOP for w in span):
                    continue
                key = "".join(span).replace("-", "")
                if len(key) >= 5 and key in self._by_pinyin:
                    found.append(self._by_pinyin[key])
        found.extend(re.findall(r"\b(?:19|20)\d\d\b", question))  # years are written alike
        return list(dict.fromkeys(found))
