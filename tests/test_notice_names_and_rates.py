"""Shapes of probes 79 and 80 (read in session 49, issue 9): a question word a notice writes only
inside a site's name (「…乡草场站」) routes no question to it; a user's word the notice contracts
(「配眼镜」: 配镜); a sum whose head the notice writes by a synonym (补贴: 补助); an adverb or a
localizer of the asker's (「私下」「外头」) names no topic; an age asked by its name (「多大岁数」)
and a quantity name the notice states by figures; the classifiers of plants (棵 株); a figure inside
a condition's 的-phrase; a rate asked per a unit the notice only measures with; a school year; an
age not told by a number of years; a thing counted by the asked unit (「多少亩草场」: 「每18亩草原」);
an unwritten qualifier of an institution the notice names by its kind (「外省医院」). The strings are
written here for their shape, not copied from a probe."""

from __future__ import annotations

import pytest
from offline_support import draft, notice, sentence

from agent.offline.check.rules import first_refusal
from agent.offline.extract.answer_clause import stated_periods
from agent.offline.extract.figures import figures, states_quantity
from agent.offline.gather.rank import unconditioned_first
from agent.offline.understand.abbreviation import abbreviates
from agent.offline.understand.question import analyze
from ingest.segment import Segmenter
from tests.support import open_small_corpus


@pytest.fixture(scope="module")
def places():
    return Segmenter(["翀阳县", "翀阳市"])


def _line(text: str, line: str, score: float = 3.0) -> object:
    return sentence(line, score=score, start=text.index(line))


def _refusal(places, text: str, question: str, *lines: str):
    docs = notice(places, text)
    return first_refusal(draft(places, question, *[_line(text, line, 3.0 - 0.1 * i) for i, line in enumerate(lines)]), docs)


GRAZING = ("翀阳县草原生态保护补助奖励实施细则\n"
           "一、禁牧补助：每亩每年8.5元。\n"
           "二、财政供养人员家庭承包草原的，只享受禁牧补助，不享受草畜平衡奖励。\n"
           "三、草畜平衡区按每16亩草原饲养1个羊单位核定载畜量。\n")
WEATHER = ("翀阳县人民政府关于开展人工增雨防雹作业的公告\n"
           "全县设固定作业点5个，分别位于城关镇北山、白石乡草场站、红柳乡学校后山、青山村、沙河乡政府东侧。\n"
           "作业期为2026年5月1日至10月15日。\n"
           "报告未爆弹并协助回收的，每枚给予奖励200元。\n")
# (a look-alike of another county's: the grazing notice's own words are no longer rare, only 草场 is)
GRAZING_ELSEWHERE = ("云河县草原生态保护补助奖励实施细则\n"
                     "一、禁牧补助：每亩每年7.5元。\n"
                     "二、财政供养人员家庭承包草原的，享受草畜平衡奖励减半。\n")


@pytest.fixture(scope="module")
def county(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "county-notices",
                             {"grazing.txt": GRAZING, "weather.txt": WEATHER, "elsewhere.txt": GRAZING_ELSEWHERE})


def test_a_word_written_only_inside_a_sites_name_routes_no_question(county):
    # 草场 is written only in the weather notice, inside the place 「白石乡草场站」: the grazing
    # notice, which says the rest of the question, answers
    answer = county.ask("翀阳县吃财政饭的家里包了草场，能拿草畜平衡的奖励吗？")
    assert not answer.refused and answer.citations[0].source == "docs/grazing.txt"
    assert "不享受草畜平衡奖励" in answer.text.splitlines()[0]
    per_mu = county.ask("翀阳县禁牧的草场，一亩地一年给多少补贴？")
    assert "8.5元" in per_mu.text.splitlines()[0] and per_mu.citations[0].source == "docs/grazing.txt"


def test_a_thing_counted_by_the_asked_unit_is_the_notices_own(places):
    # 「多少亩草场」 is answered by 「每16亩草原」: the thing the notice measures in 亩
    line = "三、草畜平衡区按每16亩草原饲养1个羊单位核定载畜量。"
    assert _refusal(places, GRAZING, "翀阳县草畜平衡区多少亩草场能养一只羊？", line) is None


def test_a_word_the_notice_contracts_is_written_by_it():
    assert abbreviates("配眼镜", "每人每学年可申领配镜补助300元")
    assert abbreviates("办证件", "可到窗口办证")
    # (a one-character verb and a word of two, contracted to a dictionary word; nothing else)
    assert not abbreviates("配眼镜", "每人每学年可申领眼科检查补助300元")


def test_a_sum_whose_head_the_notice_writes_by_a_synonym_is_named(places):
    text = ("翀阳县学生视力筛查工作通知\n（一）低保家庭学生经确诊需配镜的，每人每学年可申领配镜补助300元。\n"
            "申请材料：学生证、验光处方、配镜发票原件。\n（二）补助申请由学校统一收集，于每年11月20日前报县教育局。\n")
    assert _refusal(places, text, "翀阳县配眼镜补贴的材料学校最晚哪天要交上去？",
                    "（二）补助申请由学校统一收集，于每年11月20日前报县教育局。") is None
    # (the synonym after the modifier's first character only: 「建房补助」 is no 「租房补贴」)
    rent = ("翀阳县地质灾害搬迁补助办法\n一、自建房屋的，给予建房补助每户3万元。\n二、另给予拆旧奖励每户5000元。\n")
    refusal = _refusal(places, rent, "翀阳县搬迁户在外面租房过渡，每个月有多少租房补贴？", "二、另给予拆旧奖励每户5000元。")
    assert refusal is not None and refusal.rule == "unknown-noun"


def test_an_adverb_or_a_localizer_of_the_askers_names_no_topic(places):
    text = ("翀阳县气象灾害预警信号发布与防御指引\n（二）高温橙色预警发布后，用人单位应当在12时至15时停止户外露天作业；\n"
            "（三）暴雨红色预警发布后，停止集会。\n")
    # 外头: n to jieba, a localizer (f) to LAC; 干活 is the asker's word for 作业
    assert _refusal(places, text, "翀阳县发了高温橙色预警，中午几点到几点不能在外头干活？",
                    "（二）高温橙色预警发布后，用人单位应当在12时至15时停止户外露天作业；") is None
    claims = ("翀阳县医疗纠纷人民调解工作指引\n（二）索赔金额在2万元以上的医疗纠纷，医疗机构不得自行协商赔付。\n"
              "（三）县医调委调解医疗纠纷不收取任何费用。\n")
    # 私下: n to jieba, an adverb (d) to LAC; 医院 is one of the notice's 医疗机构
    assert _refusal(places, claims, "在翀阳县，跟医院要赔偿超过多少钱就不能私下谈了？",
                    "（二）索赔金额在2万元以上的医疗纠纷，医疗机构不得自行协商赔付。") is None


def test_an_unwritten_qualifier_of_an_institution_the_notice_names_by_its_kind_is_refused(places):
    text = ("翀阳市门诊慢特病待遇保障通知\n一、参保人员在本市定点医疗机构发生的门诊慢特病费用，报销比例为70%。\n"
            "二、退休人员报销比例在上述标准基础上提高5个百分点。\n")
    refusal = _refusal(places, text, "翀阳市参保的，在外省医院看门诊慢特病，报销比例是多少？",
                       "一、参保人员在本市定点医疗机构发生的门诊慢特病费用，报销比例为70%。")
    assert refusal is not None and refusal.rule == "unknown-noun" and "外省" in refusal.detail


def test_an_age_asked_by_its_name_is_answered_in_years_or_months(places):
    q = analyze("翀阳县的体育场馆，老人多大岁数进去不要钱？", places)
    assert q.unit == "年龄" and q.unit_fits("70周岁") and q.unit_fits("8个月") and not q.unit_fits("3天")
    text = ("翀阳县公共体育场馆开放办法\n1. 60—69周岁老年人凭身份证享受优惠价格；\n"
            "2. 70周岁及以上老年人、持证残疾人凭有效证件免费；\n")
    # 岁数 is a quantity the notice states by its figures (70周岁), not a topic it never mentions
    assert _refusal(places, text, "翀阳县的体育场馆，老人多大岁数进去不要钱？",
                    "1. 60—69周岁老年人凭身份证享受优惠价格；", "2. 70周岁及以上老年人、持证残疾人凭有效证件免费；") is None


def test_an_age_is_not_told_by_a_number_of_years():
    assert not states_quantity("年龄", "本轮政策实施期限为2025年至2029年，共5年。")
    assert states_quantity("年龄", "管护员年龄18—55周岁")
    assert states_quantity("寿命", "寿命可达30年")


def test_the_classifiers_of_plants_count_trees(places):
    assert [f.text for f in figures("经批准砍伐的，每砍伐1株须补植乔木3株；")] == ["1株", "3株"]
    q = analyze("翀阳市砍一棵树得补种几棵？", places)
    assert q.unit == "棵" and q.unit_fits("3株")


def _unconditioned(places, question: str, title: str, *ranked):
    """The first of ``ranked`` after `unconditioned_first`, in a notice titled ``title``."""
    return unconditioned_first(analyze(question, places), list(ranked), lambda source: title)[0]


def test_a_figure_inside_a_conditions_de_phrase_is_not_the_answer(places):
    general = sentence("经批准砍伐的，每砍伐1株须补植乔木3株；", score=3.4)
    other = sentence("（二）胸径20厘米以上，或数量超过10株的，由市园林绿化局审批；", score=3.3)
    assert _unconditioned(places, "翀阳市砍一棵树得补种几棵？", "翀阳市城市树木迁移砍伐审批指南", general, other) is general


def test_a_rate_asked_per_a_unit_the_notice_only_measures_with_is_refused(places):
    text = ("翀阳县农房抗震改造补助办法\n一般农户｜每户1万元｜每户6000元\n"
            "拆除重建的，1至2人户建筑面积控制在40—60平方米，3人户不超过80平方米。\n")
    refusal = _refusal(places, text, "翀阳县农房抗震改造按面积算的话每平方米补多少？",
                       "一般农户｜每户1万元｜每户6000元",
                       "拆除重建的，1至2人户建筑面积控制在40—60平方米，3人户不超过80平方米。")
    assert refusal is not None and refusal.rule == "per-unit"


def test_a_school_year_is_a_year():
    assert stated_periods("每人每学年可申领配镜补助300元") == {"年"}
    assert stated_periods("每学期补助500元") == {"学期"}


def test_a_rare_short_form_routes_half_as_well_to_the_notice_that_spells_it_out():
    from agent.offline.gather.evidence import _written_credit

    # 「低保」 written by a look-alike's 「低保金」, spelled out by the notice that answers
    assert _written_credit("低保", "当月低保金中的口粮部分", ()) == 1.0
    assert _written_credit("低保", "享受最低生活保障的高龄老年人每人每月增发50元", ()) == 0.5
    assert _written_credit("低保", "高龄老年人每人每月增发50元", ()) == 0.0
    # (not a name the question gives: a place is written as it is)
    assert _written_credit("翀阳", "翀山市阳光路", ("翀阳",)) == 0.0


def test_the_phone_of_an_institution_asked_with_what_it_is_for_is_its_own(places):
    text = ("翀阳市学生视力筛查工作通知\n（一）视力不良的学生到市眼科医院（翀阳市滨河路218号）复查。\n"
            "联系人：市卫生健康委疾控科　吴老师，电话：0379-6219072。\n")
    line = "联系人：市卫生健康委疾控科　吴老师，电话：0379-6219072。"
    # 医院 (同义词词林 Dm06) before what the phone is for (复查预约): the line gives another office's phone
    refusal = _refusal(places, text, "翀阳市的市眼科医院复查预约电话是多少？", line)
    assert refusal is not None and refusal.rule == "other-office" and "眼科医院" in refusal.detail
    assert _refusal(places, text, "翀阳市卫生健康委疾控科的电话是多少？", line) is None


def test_a_length_of_time_asked_is_the_rules_not_its_exceptions(places):
    title = "翀阳县避险转移安置补助办法"
    exception = sentence("逾期未申报的，视为自动放弃，但因伤病住院经村委会证明的，可延长至转移结束后30日内申报。", score=3.76)
    rule = sentence("（一）申报：避险转移结束后7日内，由本人或家属向所在村（社区）申报；", score=3.67)
    assert _unconditioned(places, "翀阳县转移结束后最晚几天内要去村里报？", title, exception, rule) is rule
    # (a length of time in the best sentence's condition is the threshold asked: it stays)
    held = sentence("流动儿童在本县居住满3个月的，与本地儿童同等享受免费接种。", score=3.7)
    born = sentence("儿童出生后1个月内，监护人应当为其办理预防接种证。", score=3.6)
    assert _unconditioned(places, "翀阳县外地来的孩子要住多久才能打免费疫苗？", title, held, born) is held
