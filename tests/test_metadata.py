"""Metadata from texts: title, date, author, issuer, document number, inferred year."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from ingest.metadata import extract_metadata, infer_year, parse_date
from ingest.structure import detect_headings
from ingest.types import DocMeta

SEED_NAME = "dongxing-ai-industry.txt"
REPO = Path(__file__).resolve().parents[1]


def seed_bytes() -> bytes:
    for candidate in (REPO / "corpus" / SEED_NAME, REPO.parent / "shared" / "seed" / SEED_NAME):
        if candidate.exists():
            return candidate.read_bytes()
    pytest.skip(f"seed document {SEED_NAME} not found in corpus/ or ../shared/seed/")


def meta_of(text: str, path: Path = Path("/nonexistent/x.txt"), fmt: str = "txt", **kw) -> DocMeta:
    return extract_metadata(text, path, fmt, headings=detect_headings(text), **kw)


def test_seed_metadata_falls_back_to_file_date(tmp_path):
    path = tmp_path / SEED_NAME
    path.write_bytes(seed_bytes())
    stamp = dt.datetime(2025, 8, 1, 12, 0).timestamp()
    os.utime(path, (stamp, stamp))
    text = path.read_bytes().decode("utf-8")
    assert meta_of(text, path) == DocMeta(
        title="內江市東興區:建鏈育企 人工智能產業加速崛起",
        date="2025-08-01",
        date_source="file",
        author="田園",
        issuer="",
        doc_number="",
    )
    assert infer_year(text) == 2025


NOTICE = """内江市人民政府办公室文件

内府办发〔2025〕12号

内江市人民政府办公室关于印发《东兴区人工智能产业发展三年行动计划》的通知

各县（市、区）人民政府，市级各部门：
现将《行动计划》印发给你们，请认真贯彻执行。2024年12月1日印发的试行稿同时废止。
一、总体要求
到2027年，全市人工智能产业营收突破100亿元。

内江市人民政府办公室
二〇二五年七月二十八日
（此件公开发布）
"""


def test_government_notice():
    meta = meta_of(NOTICE)
    assert meta == DocMeta(
        title="内江市人民政府办公室关于印发《东兴区人工智能产业发展三年行动计划》的通知",
        date="2025-07-28",
        date_source="text",
        author="",
        issuer="内江市人民政府办公室",
        doc_number="内府办发〔2025〕12号",
    )
    assert infer_year(NOTICE) == 2025  # 〔2025〕 and 二〇二五年 outvote 2024 and 2027


def test_joint_issuers_before_the_dateline():
    text = (
        "关于加快人工智能产业发展的若干措施\n为加快发展，制定本措施。\n"
        "内江市经济和信息化局\n内江市发展和改革委员会\n2025年7月28日\n"
    )
    meta = meta_of(text)
    assert (meta.issuer, meta.date, meta.title) == (
        "内江市经济和信息化局、内江市发展和改革委员会",
        "2025-07-28",
        "关于加快人工智能产业发展的若干措施",
    )


@pytest.mark.parametrize(("text", "iso"), [
    ("发布日期：2025年7月28日", "2025-07-28"),
    ("发布时间：2025-07-28 09:30", "2025-07-28"),
    ("2025.7.28", "2025-07-28"),
    ("２０２５年７月２８日", "2025-07-28"),
    ("二〇二五年七月二十八日", "2025-07-28"),
    ("二〇二四年十二月十日", "2024-12-10"),
    ("二○二五年十月一日", "2025-10-01"),
    ("2025年2月30日", ""),
    ("营收增长39.3%，1.5亿元", ""),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_closing_dateline_beats_dates_in_the_body():
    text = (
        "东兴区产业简报\n2024年3月1日起施行的办法已经废止，新的办法正在起草。\n"
        "东兴区人民政府\n2025-07-28\n"
    )
    meta = meta_of(text)
    assert (meta.date, meta.date_source, meta.issuer) == ("2025-07-28", "text", "东兴区人民政府")


@pytest.mark.parametrize(("tail", "author"), [
    ("奋力书写区域产业转型升级的精彩答卷。（田园）", "田园"),
    ("奋力書寫區域產業轉型升級的精彩答卷。(田園)\n分享讓更多人看到", "田園"),
    ("本报讯（记者 张三 李四）东兴区举行签约仪式。", "张三、李四"),
    ("作者：王五\n正文。", "王五"),
    ("本办法自发布之日起施行。（试行）", ""),
])
def test_author(tail, author):
    text = "东兴区人工智能产业加速崛起\n东兴区全力构建产业生态体系，推动人工智能赋能。\n" + tail
    assert meta_of(text).author == author


@pytest.mark.parametrize("number", ["内府发〔2025〕12号", "川办发[2025]3号", "内经信【2024】108号"])
def test_doc_number_brackets(number):
    text = f"关于促进人工智能产业发展的通知\n{number}\n各有关单位：为加快发展，现通知如下。\n"
    assert meta_of(text).doc_number == number


def test_format_title_hint_is_used_without_a_heading_or_title_line():
    text = (
        "东兴区全力构建全链条、多维度的产业生态体系，推动人工智能赋能千行百业，产业步入高速发展轨道。"
    )
    assert meta_of(text, fmt="html", title_hint=" 东兴区简报 ").title == "东兴区简报"
    assert meta_of(text, fmt="txt").title == text[:60]
    placeholder = meta_of(text, fmt="pdf", title_hint="Microsoft Word - 简报.docx")
    assert placeholder.title == text[:60]


def test_numbered_first_heading_is_not_the_title():
    text = "一、总体要求\n坚持创新驱动，加快发展人工智能产业。\n二、主要任务\n建设算力中心。\n"
    assert meta_of(text).title == "一、总体要求"  # first short line: nothing better exists
    titled = "东兴区行动计划\n\n" + text
    assert meta_of(titled).title == "东兴区行动计划"


def test_infer_year():
    assert infer_year("今年营收增长。") is None
    assert infer_year("2024年和2025年各一次") == 2025  # a tie goes to the later year
    assert infer_year("360集团，7300P算力，2023年，2023-05-01，2025年") == 2023
