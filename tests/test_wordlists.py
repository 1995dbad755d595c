"""The offline answerer's word lists (agent/lexicon/*.txt, *.tsv): each file loads, holds the
words its readers rely on, and opens with a header that says what it is for and where it came from."""

from __future__ import annotations

import re

import pytest

from agent.lexicon.wordlists import FOLDER, groups, header, table, words


def said(filename: str) -> str:
    """A file's header as one line (its wrapping aside)."""
    return " ".join(header(filename).split())


def test_every_word_list_says_what_it_is_for_where_it_came_from_and_who_reads_it():
    files = sorted(p.name for p in FOLDER.glob("*.txt")) + sorted(p.name for p in FOLDER.glob("*.tsv"))
    assert len(files) == 42
    for name in files:
        text = said(name)
        assert re.search(r"^Source: ", header(name), re.MULTILINE), f"{name}: no 'Source:' line in its header"
        assert "Read by agent/" in text or "Used by agent/" in text, f"{name}: header names no reader"


def test_coordinate_compounds():
    compounds = table("coordinate_compounds")
    assert compounds["中小学"] == ("小学", "初中", "高中")
    assert compounds["外省"] == compounds["跨省"] == ("省外",) and compounds["省内外"] == ("省内", "省外")
    assert "现代汉语词典" in said("coordinate_compounds.tsv")


def test_graver_cases():
    assert words("graver_cases")[:2] == ("情节严重", "情节特别严重") and "再次" in words("graver_cases")
    assert "行政处罚法" in said("graver_cases.txt")


def test_group_heads():
    heads = words("group_heads")
    assert heads[:3] == ("家庭成员", "对象", "人员") and {"户", "家庭"} <= set(heads)
    assert "最低生活保障审核确认办法" in said("group_heads.txt")


def test_premise_opposites():
    opposites = table("premise_opposites")
    assert opposites["下降"] == ("增长", "上升", "提高", "提升", "增加")
    assert opposites["停产"] == ("投产", "运营")
    assert list(opposites)[:2] == ["下降", "下滑"] and len(opposites) == 10
    assert "antonymy" in said("premise_opposites.tsv")
    assert "first in commit 5d27a5c" in said("premise_opposites.tsv")


def test_exclusive_qualifiers():
    assert groups("exclusive_qualifiers") == (
        ("国家级", "省级", "市级", "区级", "县级", "乡镇级", "村级"),
        ("小学", "初中", "高中"),
        ("上半年", "下半年"),
        ("一季度", "二季度", "三季度", "四季度"),
        ("1A级", "2A级", "3A级", "4A级", "5A级"),
        ("甲级", "乙级", "丙级"),
        ("一星级", "二星级", "三星级", "四星级", "五星级"),
        ("一级", "二级", "三级"),
        ("博士后", "博士", "硕士"),
        ("蓝色预警", "黄色预警", "橙色预警", "红色预警"),
        ("在职", "退休"),
        ("公办", "民办"),
        ("县级医院", "乡镇卫生院", "村卫生室"),
        ("城市", "农村"),
        ("省内", "省外"),
        ("轻度", "中度", "重度"),
    )
    assert "城市居民最低" in said("exclusive_qualifiers.txt")
    assert "老年人能力评估规范" in said("exclusive_qualifiers.txt")
    assert "跨省通办" in said("exclusive_qualifiers.txt")
    assert "Chinese administration" in said("exclusive_qualifiers.txt")
    assert "民办教育促进法" in said("exclusive_qualifiers.txt")
    assert "学位条例" in said("exclusive_qualifiers.txt")
    assert "GB/T 17775-2003" in said("exclusive_qualifiers.txt")


def test_penalised_parties():
    assert groups("penalised_parties") == (("个人", "单位"),)
    assert "行政处罚法" in said("penalised_parties.txt") and "not a refusal rule" in said("penalised_parties.txt")


def test_follow_up_siblings():
    assert groups("follow_up_siblings")[0] == ("小学", "初中", "高中", "中学", "幼儿园", "大学")
    assert groups("follow_up_siblings")[2] == ("上半年", "下半年", "全年")
    assert "stages of schooling" in said("follow_up_siblings.txt")


def test_computed_nouns():
    assert words("computed_nouns")[:3] == ("比例", "占比", "比重") and "增长率" in words("computed_nouns")
    assert len(words("computed_nouns")) == 17
    assert "statistics" in said("computed_nouns.txt")


def test_frame_nouns():
    frame = words("frame_nouns")
    assert {"类型", "时间", "名称", "原因", "领导", "条件", "合作方", "后果", "标准"} <= set(frame)
    assert len(frame) == len(set(frame)) == 135
    assert "Chinese question frames" in said("frame_nouns.txt")


def test_generic_verbs():
    assert words("generic_verbs")[:4] == ("是", "有", "能", "会") and "打算" in words("generic_verbs")
    assert len(words("generic_verbs")) == 30
    assert "Chinese grammar" in said("generic_verbs.txt")


def test_limit_words():
    assert words("limit_words") == ("最多", "顶多", "最高", "最少", "最低", "至少", "起码", "至多", "上限", "下限", "封顶", "单个",
                                    "每人", "每家", "每年", "每月")
    assert "superlative" in said("limit_words.txt")


def test_generic_heads():
    assert words("generic_heads") == ("区", "县", "市", "省", "州", "国", "镇", "乡", "村",
                                      "地区", "地方", "国家", "城市", "公司", "集团", "行政区")
    assert "GB/T 2260" in said("generic_heads.txt")


def test_asked_units():
    units = table("asked_units")
    assert list(units)[:4] == ["名", "位", "人", "户"] and list(units)[-8:] == ["经费", "资金", "费用", "金额", "补助额", "米", "公斤", "年龄"]
    assert units["棵"] == ("棵", "株") and units["年龄"] == ("周岁", "岁", "个月")  # plants; an age asked by name
    assert units["台"] == ("台", "件") and units["经费"] == units["钱"]
    assert units["钱"] == ("元", "元/人", "元/课时") and units["户"] == () and units["万元"] == ("元",)
    assert units["补助额"] == ("元", "%", "％", "成")  # a grant: money or a share of a cost
    assert units["米"] == ("米", "公里", "千米", "公尺", "厘米", "公分", "km", "英里", "海里", "英尺")
    assert units["趟"] == ("趟", "次") and units["份"] == ()  # a trip in 次; copies of a document
    assert units["公斤"] == ("公斤", "千克", "斤", "克", "吨")  # a weight (「多重」, session 45)
    assert "statutory units of measurement" in said("asked_units.tsv")


def test_speech_verbs():
    assert words("speech_verbs") == ("介绍", "表示", "指出", "强调", "提出", "透露", "称", "说")
    assert "reporting verbs" in said("speech_verbs.txt")


def test_clause_cues():
    cues = table("clause_cues")
    assert list(cues) == ["when", "where", "who", "why", "does-what", "how", "heading-when", "heading-where", "deadline",
                          "upper-bound", "lower-bound", "rise", "fall", "free-asked", "reduced-asked"]
    assert cues["rise"][:2] == ("提高", "增加") and cues["fall"][:2] == ("降低", "减少")
    assert cues["upper-bound"][:2] == ("最多", "最高") and "不低于" in cues["lower-bound"]
    assert cues["free-asked"][:2] == ("不收钱", "不要钱") and "免费" in cues["free-asked"]
    assert cues["how"][:2] == ("方式", "途径")
    assert cues["reduced-asked"][:2] == ("少交", "少缴") and "便宜" in cues["reduced-asked"]  # session 48
    assert cues["where"] == ("位于", "坐落", "落户", "设在", "设于") and "得益于" in cues["why"] and "主营" in cues["does-what"]
    assert "connectives" in said("clause_cues.tsv")


def test_time_words():
    assert words("time_words")[:4] == ("今年", "去年", "明年", "前年") and "凌晨" in words("time_words")
    assert len(words("time_words")) == 39 and "冬天" in words("time_words")
    assert "时间名词" in said("time_words.txt")


def test_event_words():
    heads, nouns = groups("event_words")
    assert heads[:3] == ("大会", "峰会", "论坛") and heads[-1] == "会" and len(heads) == 28
    assert nouns == ("活动", "会议", "盛会", "大会", "仪式", "典礼", "会", "赛事", "论坛", "峰会")
    assert "event nouns" in said("event_words.txt")


def test_organisation_heads():
    heads = table("organisation_heads")
    assert heads["follow-up"][:3] == ("公司", "企业", "集团") and heads["follow-up"][-1] == "大学"
    assert heads["relative-person"] == ("人", "领导", "负责人", "代表")
    assert heads["company-end"] == ("公司", "集团", "科技", "企业")
    assert heads["office-general"] == ("办公室", "科室", "处室")
    assert "organisation names" in said("organisation_heads.tsv")


def test_making_verbs():
    assert words("making_verbs")[:3] == ("打造", "建设", "牵头") and words("making_verbs")[-1] == "推出"
    assert "project news" in said("making_verbs.txt")


def test_figure_units():
    units = words("figure_units")
    assert units[:4] == ("P", "EP", "PFlops", "TFlops") and units[-2:] == ("万千瓦", "千瓦")
    assert units.index("亿美元") < units.index("亿") and units.index("人次") < units.index("人")
    assert "statutory units" in said("figure_units.txt")


def test_per_head_units():
    heads = table("per_head_units")
    assert heads["位"] == ("人次", "人", "名", "位") and heads["户"] == ("户", "家") and len(heads) == 9
    assert "量词" in said("per_head_units.tsv")


def test_english_stopwords():
    stop = words("english_stopwords")
    assert stop[:3] == ("the", "a", "an") and stop[-1] == "many" and len(stop) == 41
    assert "stop-word lists" in said("english_stopwords.txt")


def test_a_missing_word_list_names_its_path():
    with pytest.raises(FileNotFoundError, match=r"agent/lexicon/no_such_list\.txt is missing"):
        words("no_such_list")


def test_name_suffixes():
    assert words("name_suffixes") == ("区", "县", "市", "省", "镇", "乡", "村", "公司", "集团", "大学", "学院",
                                      "医院", "中心")
    assert "GB/T 2260" in said("name_suffixes.txt")


def test_relative_years():
    assert table("relative_years") == {"今年": ("0",), "去年": ("-1",), "明年": ("1",), "前年": ("-2",)}
    assert "deictic year words" in said("relative_years.tsv")


def test_result_connectives():
    assert words("result_connectives")[:3] == ("因此", "所以", "因而")
    assert "因果复句" in said("result_connectives.txt")


def test_rate_units():
    assert groups("rate_units")[:2] == (("公斤", "千克"), ("斤",)) and ("平方米", "平米") in groups("rate_units")
    assert "statutory units" in said("rate_units.txt")


def test_negators():
    assert words("negators")[:3] == ("不得", "不能", "不可") and "严禁" in words("negators")
    assert "不断" not in words("negators") and "negation adverbs" in said("negators.txt")
    assert words("negators")[-4:] == ("不纳入", "不列入", "不计入", "不享受")


def test_contact_heads():
    assert words("contact_heads")[:2] == ("电话", "热线") and "补贴" not in words("contact_heads")
    assert "GB/T 9704-2012" in said("contact_heads.txt")


def test_designators_and_halting_words():
    assert groups("designators")[0][:2] == ("号线", "号楼") and "批" in groups("designators")[1]
    assert words("halting_words")[:3] == ("停", "暂停", "停止") and "管制" in words("halting_words")
    assert "Read by agent/offline/check/rules.py" in said("halting_words.txt")


def test_giving_verbs():
    assert words("giving_verbs")[:3] == ("补助", "补贴", "资助") and {"补", "报销", "赔"} <= set(words("giving_verbs"))
    assert "给" not in words("giving_verbs") and "verbs with which Chinese subsidy" in said("giving_verbs.txt")


def test_free_of_charge():
    assert words("free_of_charge")[:2] == ("免费", "免收") and "不收取" in words("free_of_charge")
    assert "waive a charge" in said("free_of_charge.txt")


def test_paying_verbs():
    assert words("paying_verbs")[:2] == ("缴纳", "交纳") and {"掏", "交", "缴", "出", "承担"} <= set(words("paying_verbs"))
    assert "verbs with which Chinese speakers" in said("paying_verbs.txt")


def test_procedure_stages():
    stages = table("procedure_stages")
    assert list(stages) == ["公示", "审核", "拨付", "复议", "补正", "申请"]
    assert {"审批", "办结", "时限"} <= set(stages["审核"]) and {"到账", "发下来"} <= set(stages["拨付"])
    assert stages["申请"] == ("申请", "申报", "申领", "报上去")
    assert "行政许可法" in said("procedure_stages.tsv")


def test_modal_verbs():
    modals = groups("modal_verbs")
    assert modals[0][:3] == ("能", "能够", "可以") and ("有", "没有", "有没有") in modals
    assert "现代汉语八百词" in said("modal_verbs.txt")
