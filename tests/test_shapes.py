"""Answer shapes that hold for any policy document: numbered blocks and annex lists, colon and
（一）-style enumerations, section leads, asked units, level qualifiers, calculations over years.

Two made-up documents (a 实施方案 and a news report); nothing here is tuned to the shipped report.
"""

import pytest
from support import open_small_corpus

PLAN = """江澜市关于推进制造业数字化转型的实施方案
江政办发〔2025〕17号

一、主要目标
到2026年底，全市累计建成市级数字化车间120个、智能工厂25家；
到2028年底，全市累计建成市级数字化车间300个、智能工厂60家。
二、重点任务
（一）推动中小企业上云用云。发布“上云产品目录”，推动中小企业业务系统向云端迁移。牵头单位：市大数据中心；配合单位：市工业和信息化局、市财政局。
（二）培育工业互联网平台。对新获评国家级工业互联网平台的企业，给予一次性奖励500万元。
三、支持政策
专项资金主要用于设备更新、软件购置和人才培训，不得用于偿还债务。
下列企业不予支持：（一）近三年发生重大安全事故的企业；（二）被列入失信名单的企业；（三）环保不达标的企业。
四、实施步骤
（一）启动阶段（2025年3月至2025年12月）。遴选首批试点企业。
（二）全面推进阶段（2026年1月至2027年12月）。全面推广试点经验。
（三）巩固提升阶段（2028年1月至2028年12月）。开展总结评估。

首批试点企业名单
（共4家）
1. 江澜华拓新材料股份有限公司（临港区）
2. 江澜启辰电子科技有限公司（高新区）
3. 江澜远航船舶装备有限公司（临港区）
4. 江澜青禾生物医药有限公司（南溪区）

江澜市人民政府办公室
2025年3月18日
"""

NEWS = """云溪国庆中秋假期文旅市场持续升温

本报讯（记者 林悦）今年国庆中秋假期，我市共接待游客486.3万人次，同比增长12.4%，实现旅游总收入38.7亿元。
国家5A级景区青崖山景区门票为120元/人，60岁以上老人凭证享受半价优惠。
云溪古镇门票为80元/人，假期接待游客68.9万人次。
为巩固假期消费热度，我市将从今年11月起推出一系列新举措：延长青崖山景区夜间开放时间，开通云溪古镇至白鹭湖的旅游专线公交，并发行“云溪文旅一卡通”。
"""


@pytest.fixture(scope="module")
def two_docs(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "shapes", {"plan.txt": PLAN, "news.txt": NEWS})


def first_line(answer) -> str:
    return answer.text.splitlines()[0]


def test_stages_come_from_the_numbered_block(two_docs):
    ans = two_docs.ask("整个方案分成了哪几个阶段？")
    assert first_line(ans) == "启动阶段、全面推进阶段、巩固提升阶段"
    assert [c.quote[:3] for c in ans.citations[:3]] == ["（一）", "（二）", "（三）"]


def test_annex_lines_are_narrowed_by_the_asked_district(two_docs):
    ans = two_docs.ask("临港区有哪些企业进了首批试点名单？")
    assert first_line(ans) == "江澜华拓新材料股份有限公司、江澜远航船舶装备有限公司"
    assert all("临港区" in c.quote for c in ans.citations[:2])


def test_lead_department_comes_from_the_task_paragraph(two_docs):
    ans = two_docs.ask("中小企业上云用云这件事是哪个单位牵头？")
    assert "市大数据中心" in first_line(ans)


def test_numbered_exclusions_are_listed(two_docs):
    ans = two_docs.ask("哪些企业不予支持？")
    short = first_line(ans)
    assert "近三年发生重大安全事故的企业" in short and "被列入失信名单的企业" in short


def test_colon_enumeration_of_the_asked_kind(two_docs):
    ans = two_docs.ask("云溪接下来准备推出哪些新举措？")
    short = first_line(ans)
    assert "开通云溪古镇至白鹭湖的旅游专线公交" in short and "发行“云溪文旅一卡通”" in short


def test_use_of_funds_list_is_quoted_as_its_sentence(two_docs):
    # the sentence that holds the enumeration, as written, with what it says of the same funds
    # after it (session 36: the list's clauses alone lost the lead and the tail of lists on the
    # CMRC 2018 trial, span in the first line 74.9% → 76.5%)
    ans = two_docs.ask("专项资金主要用于哪些方面？")
    assert first_line(ans) == "专项资金主要用于设备更新、软件购置和人才培训，不得用于偿还债务"


def test_figure_in_another_unit_is_no_answer(two_docs):
    assert two_docs.ask("青崖山景区有多少名员工？").refused is True


def test_other_level_qualifier_is_no_answer(two_docs):
    assert two_docs.ask("被评为省级工业互联网平台的企业能拿多少奖励？").refused is True
    assert "500万元" in first_line(two_docs.ask("被评为国家级工业互联网平台的企业能拿多少奖励？"))


def test_difference_between_two_years(two_docs):
    ans = two_docs.ask("2028年比2026年多建成多少个市级数字化车间？")
    assert first_line(ans) == "计算：300个 − 120个 = 180个"


def test_share_is_a_percentage(two_docs):
    ans = two_docs.ask("云溪古镇接待的游客占全市游客的比例大约是多少？")
    assert first_line(ans) == "计算：68.9万人次 ÷ 486.3万人次 ≈ 14.17%"


def test_document_date_as_written(two_docs):
    ans = two_docs.ask("这份实施方案是哪天印发的？")
    assert "2025年3月18日" in first_line(ans)


def test_reporter_byline(two_docs):
    assert "林悦" in first_line(two_docs.ask("这篇报道是哪位记者写的？"))


def test_elliptical_follow_up_swaps_the_year(two_docs):
    from agent.types import Turn

    first = two_docs.ask("到2026年底要建成多少个市级数字化车间？")
    assert "120个" in first_line(first)
    again = two_docs.ask("2028年呢？", history=[Turn("到2026年底要建成多少个市级数字化车间？", first.text)])
    assert "300个" in first_line(again)


def test_year_on_year_growth_is_read_not_computed(two_docs):
    ans = two_docs.ask("假期游客同比增长多少？")
    assert "12.4%" in first_line(ans) and not first_line(ans).startswith("计算")
