"""Heading detection on the seed document and on policy-style texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.structure import detect_headings, heading_path
from ingest.types import Heading

SEED_NAME = "dongxing-ai-industry.txt"
REPO = Path(__file__).resolve().parents[1]


def seed_text() -> str:
    for candidate in (REPO / "corpus" / SEED_NAME, REPO.parent / "shared" / "seed" / SEED_NAME):
        if candidate.exists():
            return candidate.read_bytes().decode("utf-8")
    pytest.skip(f"seed document {SEED_NAME} not found in corpus/ or ../shared/seed/")


def titles(headings) -> list[tuple[int, str]]:
    return [(h.level, h.title) for h in headings]


def test_seed_title_and_three_sections_and_no_body_paragraph():
    text = seed_text()
    headings = detect_headings(text)
    assert titles(headings) == [
        (0, "內江市東興區:建鏈育企 人工智能產業加速崛起"),
        (2, "鏈主引領 筑牢算力根基"),
        (2, "延鏈補鏈 項目落地加速"),
        (2, "集群成勢 產業迸發活力"),
    ]
    for h in headings:
        assert text[h.start:h.end] == h.title
    offset = text.index("全區人工智能產業營收增長39.3%")
    assert heading_path(headings, offset) == (
        "內江市東興區:建鏈育企 人工智能產業加速崛起 > 集群成勢 產業迸發活力")
    assert heading_path(headings, 5) == "內江市東興區:建鏈育企 人工智能產業加速崛起"


STATUTE = """第一章 总则
第一条 为了促进人工智能产业发展，制定本办法。
第二条 适用范围
本办法适用于东兴区行政区域内的人工智能企业。
第二章 扶持措施
第一节 资金支持
第三条 对新建智算中心给予一次性补助。
"""

NOTICE = """一、总体要求
坚持创新驱动，到2027年全区人工智能产业营收突破100亿元。
（一）加强组织领导。各部门要建立工作机制，明确责任分工。
(二)强化要素保障
1. 算力补贴
对新建智算中心给予一次性补助。
2、数据标注基地建设
（1）标注企业奖励
1.5亿元专项资金已于年初下达，各地要抓好落实。
1. 对年营收超过1亿元的企业给予奖励；
"""


def test_statute_chapters_sections_articles():
    headings = detect_headings(STATUTE)
    assert titles(headings) == [
        (1, "第一章 总则"),
        (3, "第一条"),
        (3, "第二条 适用范围"),
        (1, "第二章 扶持措施"),
        (2, "第一节 资金支持"),
        (3, "第三条"),
    ]
    for h in headings:
        assert STATUTE[h.start:h.end] == h.title
    assert heading_path(headings, STATUTE.index("本办法适用于")) == "第一章 总则 > 第二条 适用范围"
    assert heading_path(headings, STATUTE.index("对新建智算中心")) == (
        "第二章 扶持措施 > 第一节 资金支持 > 第三条")


def test_notice_numbering_levels():
    headings = detect_headings(NOTICE)
    assert titles(headings) == [
        (1, "一、总体要求"),
        (2, "（一）加强组织领导"),
        (2, "(二)强化要素保障"),
        (3, "1. 算力补贴"),
        (3, "2、数据标注基地建设"),
        (4, "（1）标注企业奖励"),
    ]
    for h in headings:
        assert NOTICE[h.start:h.end] == h.title
    assert heading_path(headings, NOTICE.index("对新建智算中心")) == (
        "一、总体要求 > (二)强化要素保障 > 1. 算力补贴")
    assert heading_path(headings, NOTICE.index("1.5亿元")) == (
        "一、总体要求 > (二)强化要素保障 > 2、数据标注基地建设 > （1）标注企业奖励")


def test_standalone_line_needs_finished_paragraph_before_and_longer_one_after():
    text = (
        "东兴区全力构建全链条、多维度的产业生态体系，通过鏈主企業引领\n"  # wrapped, unfinished
        "重点项目攻坚和产业集群培育\n"  # continuation line, not a heading
        "等多维度发力，推动人工智能赋能千行百业，产业步入高速发展轨道。\n"
        "\n"
        "项目落地加速\n"
        "7月中旬，内江市2025年信息服务外包产业推进会暨集中签约仪式圆满举行。\n"
        "东兴区人工智能产业要实现硬核突围，底气何在？\n"
        "今年以来，东兴区加速发展人工智能产业，助力内江成功创建省级数据标注试点城市。\n"
        "分享让更多人看到\n"
    )
    assert titles(detect_headings(text)) == [(2, "项目落地加速")]


def test_lines_that_are_not_headings():
    text = (
        "各县（市、区）人民政府，市级各部门：\n"
        "内府发〔2025〕12号\n"
        "现将《东兴区人工智能产业发展三年行动计划》印发给你们，请认真贯彻执行。\n"
        "来源：内江日报\n"
        "东兴区全力构建全链条、多维度的产业生态体系，推动人工智能赋能千行百业。\n"
        "一、围绕链主企业强链补链，东兴区招商成果成效显著，四川智核芯链计算机有限公司以国产自主"
        "和国际兼容双引擎战略为核心专注于高性能计算服务器等基础设施研发生产\n"
    )
    assert detect_headings(text) == ()


def test_hints_win_over_overlapping_guesses():
    text = "一、总体要求\n坚持创新驱动。\n（一）加强组织领导\n各部门要建立工作机制。\n"
    hint = Heading(1, "总体要求", 2, 6)
    headings = detect_headings(text, [hint])
    assert headings == (hint, Heading(2, "（一）加强组织领导", 15, 24))


def test_heading_path_pops_same_and_deeper_levels():
    headings = (
        Heading(0, "报告", 0, 2),
        Heading(1, "一、甲", 3, 6),
        Heading(2, "（一）乙", 7, 11),
        Heading(3, "1. 丙", 12, 16),
        Heading(2, "（二）丁", 20, 24),
    )
    assert heading_path(headings, 18) == "报告 > 一、甲 > （一）乙 > 1. 丙"
    assert heading_path(headings, 25) == "报告 > 一、甲 > （二）丁"
    assert heading_path((), 3) == ""


def test_indented_headings_offsets_point_at_the_title():
    text = "\u3000\u3000一、总体要求\r\n正文内容在这里。\r\n"
    (heading,) = detect_headings(text)
    assert heading == Heading(1, "一、总体要求", 2, 8)
    assert text[heading.start:heading.end] == "一、总体要求"


def test_year_in_a_section_line_is_fine_but_datelines_are_not_headings():
    text = (
        "东兴区全力构建全链条、多维度的产业生态体系。\n"
        "2025年工作重点\n"
        "加快建设成渝枢纽智算中心，推动人工智能与更多行业深度融合。\n"
        "2025年7月28日\n"
        "东兴区召开人工智能产业推进会，会议研究部署下一步工作安排。\n"
    )
    assert titles(detect_headings(text)) == [(2, "2025年工作重点")]
