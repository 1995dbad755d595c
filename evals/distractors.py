"""Confusable distractor documents: news reports about other districts' AI industries.

Each document looks like the real report (a computing centre with so many P of computing power,
revenue, growth, cultivated enterprises, a district head, a signing ceremony) but is about other
cities, districts, companies and people, with different numbers. None names a subject of the real
document, so none can contradict it. Document ``i`` depends only on ``(seed, i)``: the first 200
documents of ``generate(1000)`` are ``generate(200)``, so a sweep can grow one corpus.
"""

from __future__ import annotations

import html
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from ingest.normalize import to_simplified, to_traditional

# subjects of the real document (and their numbers): no distractor may mention any of them
FORBIDDEN = (
    "并济", "东兴", "内江", "紫东太初", "成渝", "智核芯链", "昊瑞云", "360", "迈睿", "高铭浩",
    "陈伟", "绛溪", "衡宽", "中科云图", "川南", "电子科技大学", "电子科大", "工程院", "SAIL",
    "7300P", "17300P", "2.6亿元", "39.3%",
)

DISTRICTS = (
    ("自贡市", "沿滩区"), ("自贡市", "自流井区"), ("自贡市", "贡井区"), ("宜宾市", "翠屏区"),
    ("宜宾市", "叙州区"), ("宜宾市", "南溪区"), ("泸州市", "江阳区"), ("泸州市", "龙马潭区"),
    ("泸州市", "纳溪区"), ("乐山市", "市中区"), ("乐山市", "五通桥区"), ("绵阳市", "涪城区"),
    ("绵阳市", "游仙区"), ("德阳市", "旌阳区"), ("德阳市", "罗江区"), ("遂宁市", "船山区"),
    ("遂宁市", "安居区"), ("南充市", "顺庆区"), ("南充市", "高坪区"), ("眉山市", "东坡区"),
    ("眉山市", "彭山区"), ("广安市", "广安区"), ("达州市", "通川区"), ("雅安市", "雨城区"),
    ("广元市", "利州区"), ("巴中市", "巴州区"),
)
BRANDS = (
    "瀚川", "澜图", "锦曜", "星擎", "云岫", "翼算", "蜀岭", "峨芯", "岷数", "宸链", "拓微", "景谷",
    "沐阳", "恒卓", "禾芯", "朗晴", "辰汐", "汇矩", "灵枢", "峰驰", "知岳", "睿桐", "鼎川", "启曜",
)
COMPANY_KINDS = ("科技", "信息技术", "数据科技", "智能科技", "计算机", "云计算")
SURNAMES = ("王", "李", "张", "刘", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
            "何", "林", "罗", "郑", "梁")
GIVEN = ("志强", "晓东", "建华", "丽娟", "海涛", "文静", "国栋", "明辉", "雅琴", "宏宇", "春燕",
         "振宇", "思远", "立新", "佳怡", "俊峰", "秀兰", "子涵")
NICKNAMES = ("城市大脑", "数字引擎", "算力心脏", "智慧中枢", "数据粮仓")
ANCHORS = ("压舱石", "排头兵", "主引擎", "领头雁")
SCENES = ("智慧医疗", "智慧交通", "智慧农业", "智能制造", "智慧文旅", "智慧社区", "工业质检", "智慧物流")
FIELDS = ("工业互联网平台运营", "智能网联汽车数据服务", "医疗影像智能分析", "数字孪生城市建设",
          "智慧农业大数据", "新能源电池智能检测")
PRODUCTS = ("边缘计算服务器", "智能网关设备", "液冷算力机柜", "工业视觉相机", "智能巡检机器人")
MODELS = ("岷山多模态大模型", "星河政务大模型", "天枢工业大模型", "青禾农业大模型")
INSTITUTES = ("西部智能计算研究院", "蜀南先进计算研究中心", "巴蜀数据科学实验室", "西岭人工智能研究院")
AREAS = ("智慧城市运营", "数据安全", "工业互联网", "智能网联汽车", "数字人才培训", "低空经济", "医疗健康大数据")
INDUSTRIES = ("人工智能", "数字经济", "大数据", "智能制造")
SLOGANS = ("聚链强企", "数智赋能", "育链成群", "算力先行", "引企强链")
FORMATS = ("txt", "md", "html")
MAX_ATTEMPTS = 50


@dataclass(frozen=True)
class DistractorDocument:
    name: str  # file name, e.g. "distractor-0007.md"
    text: str  # the file's content (Markdown or HTML markup included)
    traditional: bool


def generate(count: int, seed: int = 0) -> list[DistractorDocument]:
    """``count`` documents; the same ``(count, seed)`` always gives the same bytes."""
    if count < 0:
        raise ValueError(f"count must be 0 or more, got {count}")
    return [document(seed, i) for i in range(count)]


def document(seed: int, i: int) -> DistractorDocument:
    for attempt in range(MAX_ATTEMPTS):
        rng = random.Random(f"{seed}:{i}:{attempt}")
        title, sections = _story(rng)
        traditional = rng.random() < 0.35
        fmt = FORMATS[rng.randrange(len(FORMATS))]
        text = _render(fmt, title, sections)
        if traditional:
            text = to_traditional(text)
        if not forbidden_in(text):
            return DistractorDocument(f"distractor-{i:04d}.{fmt}", text, traditional)
    raise RuntimeError(f"could not generate distractor {i} (seed {seed}) without forbidden names")


def forbidden_in(text: str) -> list[str]:
    """The real subjects (or their numbers) that ``text`` mentions, in either script."""
    simplified = to_simplified(text)
    return [name for name in FORBIDDEN if name in simplified]


def write_corpus(source_dir: Path, target_dir: Path, count: int, seed: int = 0) -> list[Path]:
    """Copy ``source_dir`` into ``target_dir`` (once) and make it hold exactly ``count`` distractors.

    ``source_dir`` is never written to. Returns the distractor paths.
    """
    if target_dir.resolve() == source_dir.resolve():
        raise ValueError(f"refusing to write distractors into the real corpus {source_dir}")
    if not target_dir.exists():
        shutil.copytree(source_dir, target_dir)
    wanted = {doc.name: doc for doc in generate(count, seed)}
    for old in target_dir.glob("distractor-*"):
        if old.name not in wanted:
            old.unlink()
    paths = []
    for name, doc in wanted.items():
        path = target_dir / name
        if not path.exists():
            path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths


def _number(rng: random.Random, low: int, high: int, step: int = 1, banned: tuple = ()) -> int:
    while True:
        value = rng.randrange(low, high, step)
        if value not in banned and "360" not in str(value):
            return value


def _decimal(rng: random.Random, low: float, high: float, banned: tuple = ()) -> str:
    while True:
        value = f"{rng.uniform(low, high):.1f}"
        if value not in banned and "360" not in value.replace(".", ""):
            return value


def _story(rng: random.Random) -> tuple[str, list[tuple[str, list[str]]]]:
    city, district = rng.choice(DISTRICTS)
    brand, other, third = rng.sample(BRANDS, 3)
    company = f"四川{brand}{rng.choice(COMPANY_KINDS)}有限公司"
    short = f"{brand}科技"
    head = rng.choice(SURNAMES) + rng.choice(GIVEN)
    speaker = rng.choice(SURNAMES) + rng.choice(GIVEN)
    power = _number(rng, 1200, 9900, 100, banned=(7300,))
    future = power + _number(rng, 2000, 12000, 500)
    revenue = _decimal(rng, 0.8, 9.9, banned=("2.6",))
    growth = _decimal(rng, 12.0, 68.0, banned=("39.3",))
    months = rng.choice((4, 5, 6))
    year = rng.choice((2024, 2025))
    firms = _number(rng, 3, 26)
    output = _number(rng, 5, 60)
    cluster = _number(rng, 40, 300, 10)
    scenes = "、".join(rng.sample(SCENES, 3))
    areas = "、".join(rng.sample(AREAS, 3))
    industry = rng.choice(INDUSTRIES)
    center = f"{city[:-1]}{rng.choice(('数字经济', '智能', '先进'))}算力中心"
    month, day = rng.randrange(3, 12), rng.randrange(1, 29)
    title = f"{city}{district}:{rng.choice(SLOGANS)} {industry}产业加速发展"
    lead = [
        (f"由{company}打造的{center},坐落于{city}{district}。这座稳定运营{power}P算力的"
        f"“{rng.choice(NICKNAMES)}”,为{scenes}等场景提供算力支撑。"),
        (f"近年来,{district}把{industry}产业作为转型升级的重要抓手,通过龙头企业带动、"
        f"重点项目攻坚、产业集群培育,推动{industry}赋能实体经济。"),
    ]
    anchor = [
        (f"{month}月{day}日,在{district}{rng.choice(('数字经济产业园', '软件产业园', '高新区'))}"
        f"的{company}内,工程师正通过算力监测平台查看服务器集群的运行情况。"),
        (f"这家专注于{rng.choice(FIELDS)}的企业,携手{rng.choice(INSTITUTES)},依托"
        f"{rng.choice(MODELS)}共同开发{rng.choice(AREAS)}解决方案。"),
        (f"作为产业发展的“{rng.choice(ANCHORS)}”,{short}已稳定运营算力{power}P,"
        f"{year}年1-{months}月营收达{revenue}亿元,成为{district}{industry}产业的重要支撑。"),
        f"新投资的{city[:-1]}智算中心二期正加快建设,建成后将形成≥{future}P的智能算力集群。",
    ]
    projects = [
        (f"{rng.randrange(3, 12)}月,{city}{year}年数字经济项目集中签约仪式举行,{district}签约"
        f"{_number(rng, 4, 20)}个项目,涵盖{areas}等领域。项目方代表、四川{other}科技有限公司"
        f"总经理{speaker}表示:“要把项目建成区域标杆,带动更多企业落户{district}。”"),
        (f"四川{third}{rng.choice(COMPANY_KINDS)}有限公司专注于{rng.choice(PRODUCTS)}研发生产,"
        f"实现当年签约、当年投产,预计年产值超{output}亿元。"),
    ]
    cluster_text = [
        (f"{district}区委副书记、区人民政府区长{head}介绍,{district}{industry}产业聚焦"
        f"“算力、算法、数据”,精准引育{firms}家优质企业,初步形成年产值超{cluster}亿元的产业集群。"),
        (f"{year}年1-{months}月,全区{industry}产业营收增长{growth}%。下一步,{district}将持续"
        f"建圈强链,打造具有区域影响力的{industry}产业高地。"),
    ]
    # keep documents short (embedding dominates the suite's runtime): every document keeps the
    # confusable figures (computing power, revenue, growth, enterprises, district head), the
    # colour paragraphs only sometimes
    lead = lead[:1] + [p for p in lead[1:] if rng.random() < 0.3]
    anchor = [p for j, p in enumerate(anchor) if j == 2 or rng.random() < 0.4]
    projects = [p for p in projects if rng.random() < 0.5]
    extra = [("项目落地 链条延伸", projects), ("集群成势 动能增强", cluster_text)]
    rng.shuffle(extra)
    sections = [("", lead), ("龙头引领 夯实算力底座", anchor)] + extra
    return title, [(heading, paragraphs) for heading, paragraphs in sections if paragraphs]


def _render(fmt: str, title: str, sections: list[tuple[str, list[str]]]) -> str:
    if fmt == "md":
        parts = [f"# {title}"]
        for heading, paragraphs in sections:
            parts += ([f"## {heading}"] if heading else []) + paragraphs
        return "\n\n".join(parts) + "\n"
    if fmt == "html":
        body = [f"<h1>{html.escape(title)}</h1>"]
        for heading, paragraphs in sections:
            if heading:
                body.append(f"<h2>{html.escape(heading)}</h2>")
            body += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
        return (
            f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
        )
    lines = [title, ""]
    for heading, paragraphs in sections:
        lines += ([heading] if heading else []) + paragraphs
    return "\n".join(lines) + "\n"
