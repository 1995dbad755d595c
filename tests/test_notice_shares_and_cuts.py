"""Shapes of probes 71 and 72 (read in session 45, issue 9): the segmenter's cuts that are no
thing asked (「多久内能」 内能, 「多少天内审完」 内审, 「租公租房」 租公 across the notice's 公租房); a row
named by its group's short form (「低保户」) or with 的 between its words (「寄宿的托养」); a day of the
week a notice writes its own way; a late charge that answers a question about a penalty; money paid
late, no correction of an application; a place that describes no row; a weight asked; a money
question not answered by a cell in another unit; a verb that qualifies a noun, no act asked; a
range's bound, no time limit; the asked grant over another; a payment answered by a share of a sum;
a sum by a one-character head the notice never names. The strings are written here for their
shape, not copied from a probe."""

from __future__ import annotations

import pytest
from offline_support import LiteralDocuments, draft, sentence

from agent.offline.check.rules import first_refusal
from agent.offline.extract.figures import figures
from agent.offline.extract.tables import PAID_ASKED, named_cell, row_named, unlisted_row
from agent.offline.gather.rank import (
    actor_first,
    asks_extra,
    deadline_act_first,
    granted_first,
    level_first,
    stages_said,
    stated_total_first,
    states_total,
    typed_first,
)
from agent.offline.understand.question import analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


@pytest.fixture(scope="module")
def places():
    return Segmenter(["翀阳县"])


def test_a_word_cut_across_an_asked_length_of_time_loses_its_locative(segmenter):
    q = analyze("翀阳县单位不去报工伤，我自己最晚多久内能去申请？", segmenter)
    assert "内能" not in q.asked and "内能" not in q.terms
    q = analyze("材料交到乡镇以后，乡镇那边多少天内审完？", segmenter)
    assert "审" in q.terms and "内审" not in q.terms
    # (a word after a length of time that is not asked keeps its locative: 「三年内」 asks nothing)
    assert "内审" in analyze("三年内审过几次？", segmenter).terms


def test_a_word_cut_across_a_word_of_the_notice_is_no_topic(places):
    text = "翀阳县公共租赁住房租金标准\n保障对象类别｜月租金标准\n城镇最低生活保障家庭｜每平方米1.2元\n各公租房运营管理单位按此执行。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    row = sentence("城镇最低生活保障家庭｜每平方米1.2元", score=3.0, start=text.index("城镇"))
    assert first_refusal(draft(places, "翀阳县低保户租公租房，一平米一个月租金多少？", row), docs) is None
    # (two nouns side by side that the notice never writes still are a topic it does not cover)
    assert first_refusal(draft(places, "翀阳县廉租房维修基金每平米交多少？", row), docs).rule == "unknown-noun"


def test_a_row_is_named_whole_or_by_its_groups_short_form():
    assert row_named("城镇最低生活保障家庭", "翀阳县低保户租房一平米多少钱？")
    assert row_named("三格式化粪池", "改三格式化粪池补多少？")
    # (not by a part another row may share: 「化粪池」 of 「三格式化粪池」)
    assert not row_named("三格式化粪池", "化粪池满了叫人来抽，抽一次多少钱？")


def test_a_row_named_with_的_between_its_words_and_its_range(places):
    text = ("翀阳县托养服务补助细则\n托养方式｜年龄段｜补助标准\n寄宿制托养｜16—59周岁｜每人每月650元\n"
            "寄宿制托养｜60周岁及以上｜每人每月450元\n日间照料｜16周岁及以上｜每人每月320元\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    rows = [sentence(line, start=text.index(line)) for line in text.splitlines()[2:]]
    q = analyze("我家老人72岁，住在寄宿的托养机构里，托养补助每个月能给多少？", places)
    assert named_cell(q, docs.index, rows).value == "每人每月450元"
    # (at least half the name with 的: 「翀阳县普通的高中」 says no 「县级及以上示范性普通高中」 across 翀阳县)
    text = "翀阳县高中收费\n学校类别｜学费标准\n一般普通高中｜每生每学期850元\n县级及以上示范性普通高中｜每生每学期1100元\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    rows = [sentence(line, start=text.index(line)) for line in text.splitlines()[2:]]
    q = analyze("翀阳县普通的高中（不是示范校）一学期学费多少？", places)
    assert named_cell(q, docs.index, rows) is None or named_cell(q, docs.index, rows).value == "每生每学期850元"


def test_a_money_question_is_not_answered_by_a_cell_in_another_unit(places):
    text = ("翀阳县学生定制公交\n线路｜起讫点｜单程里程｜全票票价\n定制2路｜栗坪镇—县实验中学｜19公里｜2元\n"
            "定制3路｜梅林乡—县职业中专｜35公里｜4元\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    row = sentence("定制3路｜梅林乡—县职业中专｜35公里｜4元", start=text.index("定制3路"))
    q = analyze("翀阳县，孩子在县职业中专上学，家住梅林乡，坐学生定制公交不打折的话单程多少钱？", places)
    cell = named_cell(q, docs.index, [row])
    assert cell.value == "4元" and cell.label == "全票票价"


def test_a_day_of_the_week_the_notice_writes_its_own_way(places):
    text = "翀阳县学生定制公交运行通知\n每周五16:30由学校发往各乡镇，每周日14:00由各乡镇发往学校。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    best = sentence("每周五16:30由学校发往各乡镇，每周日14:00由各乡镇发往学校。", score=3.5, start=14)
    said = first_refusal(draft(places, "翀阳县的学生定制公交，星期天下午几点从乡里往学校开？", best), docs)
    assert said is None or said.rule != "unknown-noun"
    # (a day the notice never names is still a word it never mentions)
    other = sentence("每周五16:30由学校发往各乡镇。", score=3.5, start=14)
    assert first_refusal(draft(places, "翀阳县的学生定制公交，星期天下午几点从乡里往学校开？", other), docs).rule == "unknown-noun"


def test_a_sum_owed_for_lateness_answers_a_question_about_a_penalty(places):
    text = ("翀阳县社会住宅出租办法\n第六条 承租户应于每月5日前缴纳当月租金。\n"
            "第七条 租金逾期未缴者，自逾期之日起每逾1日加收应缴租金百分之一之违约金。\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    due = sentence("第六条 承租户应于每月5日前缴纳当月租金。", score=2.9, start=text.index("第六条"))
    late = sentence("第七条 租金逾期未缴者，自逾期之日起每逾1日加收应缴租金百分之一之违约金。", score=2.8,
                    start=text.index("第七条"))
    q = analyze("翀阳县社宅的房租晚缴了会被罚多少？", places)
    assert typed_first(q, [due, late]) == [late, due]
    assert first_refusal(draft(places, q.raw, late, due), docs) is None


def test_money_paid_late_is_no_correction_of_an_application(segmenter):
    assert "补正" not in stages_said("单位自己去申请补交公积金，最多能往前补几个月")
    assert stages_said("请于5日内补交材料") == {"补正"}
    # (「那几个月」 points at months, it asks no length of time)
    q = analyze("翀阳县补交2024年那几个月的公积金，基数最低按多少算？", segmenter)
    assert q.unit == "" and q.qtype == "number"
    assert analyze("补交以后几个月能恢复？", segmenter).unit == "时长"


def test_the_place_the_question_names_describes_no_row(places):
    text = ("翀阳县古树名木迁移审批\n保护级别｜树龄｜审批机关\n一级古树｜500年以上｜省级林业主管部门\n"
            "二级古树｜300—499年｜市级林业主管部门\n三级古树｜100—299年｜翀阳县林业局\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    rows = [sentence(line, start=text.index(line)) for line in text.splitlines()[2:]]
    q = analyze("翀阳县我们村有棵老银杏，估计有350年了，要是想挪走得哪一级部门批？", places)
    assert unlisted_row(q, docs.index, rows) == ""


def test_a_weight_is_asked_by_how_heavy(segmenter):
    q = analyze("坐农村班车，随身带的行李多重以内不用另外交钱？", segmenter)
    assert q.qtype == "number" and q.unit == "公斤" and q.unit_fits("20公斤")
    assert [f.text for f in figures("乘客随身携带行李限重20公斤，超过部分收取行李费")] == ["20公斤"]
    assert not asks_extra(q)  # (what costs nothing extra is not an extra sum asked)
    assert asks_extra(analyze("低保户另外能多拿多少？", segmenter))
    assert analyze("多重保障怎么落实？", segmenter).unit == ""


def test_a_verb_that_qualifies_a_noun_is_no_act_asked(segmenter):
    q = analyze("翀阳县的街道最晚哪天要把老小区改造的申报材料报到区里？", segmenter)
    sent = sentence("2. 街道办事处汇总审核后，于2026年4月30日前报送区住房和城乡建设部门；", score=2.7)
    plan = sentence("3. 市住房和城乡建设局会同市财政局审核后，于2026年6月30日前公布年度改造计划。", score=2.5, start=60)
    assert typed_first(q, [sent, plan]) == [sent, plan]


def test_a_bound_of_a_rows_range_is_no_time_limit(segmenter):
    q = analyze("翀阳县老公寓整修补助批下来以后，多长时间内要把工程做完？", segmenter)
    limit = sentence("（三）获补助者应于核定之日起18个月内完工；", score=2.9)
    row = sentence("50年以上｜工程总经费百分之五十｜新台币600万元", score=3.0, start=80)
    assert deadline_act_first(q, [limit, row]) == [limit, row]


def test_the_asked_grant_over_another(segmenter):
    q = analyze("翀阳县退役军人第一次出来创业，一次性补贴能给多少钱？", segmenter)
    bonus = sentence("带动其他退役军人就业3人以上的，再给予5000元奖励。", score=3.99)
    grant = sentence("（一）一次性创业补贴：符合条件的，每人给予8000元；", score=3.97, start=60)
    assert granted_first(q, [bonus, grant]) == [grant, bonus]
    # (a question that names the other grant keeps it)
    asked = analyze("翀阳县退役军人带动就业，奖励能给多少钱？", segmenter)
    assert granted_first(asked, [bonus, grant]) == [bonus, grant]


def test_a_payment_is_answered_by_a_share_of_a_sum(segmenter):
    q = analyze("我家是低保边缘户，翀阳县老小区改造我们要出多少钱？", segmenter)
    cap = sentence("3. 单个小区完善类改造财政补助总额不超过800万元。", score=3.2)
    share = sentence("（二）低保边缘家庭按应出资额的50%出资；", score=3.4, start=60)
    assert typed_first(q, [share, cap]) == [share, cap]
    # (not for a sum the question names: 「复检费要交多少」 is not 「水费的50%」)
    fee = analyze("翀阳县对水质检测结果不服去复检，复检费要交多少钱？", segmenter)
    refund = sentence("经检测属管网原因的，按当月水费的50%予以减免。", score=3.2)
    assert typed_first(fee, [refund, cap]) == [cap, refund]


def test_a_sum_by_a_one_character_head_the_notice_never_names(places):
    text = "翀阳县中小学教育收费公示\n课后服务费标准为每生每学期不超过260元，由家长自愿选择参加。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    best = sentence("课后服务费标准为每生每学期不超过260元，由家长自愿选择参加。", score=1.5, start=13)
    said = first_refusal(draft(places, "翀阳县的作业本费一学期交多少？", best), docs)
    assert said.rule == "unknown-noun" and "作业本费" in said.detail
    assert first_refusal(draft(places, "翀阳县的课后服务费一学期交多少？", best), docs) is None


def test_what_the_asker_pays_is_the_column_of_a_payment(places):
    text = ("翀阳县学校午餐收费标准\n学段｜午餐收费标准（每生每餐）｜财政补助（每生每餐）｜家长承担（每生每餐）\n"
            "小学｜10元｜5元｜5元\n初中｜12元｜5元｜7元\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    rows = [sentence(line, start=text.index(line)) for line in text.splitlines()[2:]]
    q = analyze("翀阳县孩子读初中，学校午饭家里每顿出多少钱？", places)
    assert named_cell(q, docs.index, rows).value == "7元"
    assert named_cell(analyze("翀阳县初中午餐财政每顿补助多少钱？", places), docs.index, rows).value == "5元"
    # (what another helps to pay is a grant: 「政府帮忙出几成」 asks no payment of the asker)
    assert PAID_ASKED.search("自己得出多少钱") and not PAID_ASKED.search("政府帮忙出几成费用")
    assert not PAID_ASKED.search("政府每年帮出多少钱")


def test_a_bound_of_a_stated_total_answers_a_sum_over_the_parties(segmenter):
    q = analyze("翀阳县公司和个人加起来，每个月公积金最少得交多少？", segmenter)
    base = sentence("缴存基数下限不得低于本市现行最低工资标准，即2,100元。", score=3.3)
    total = sentence("2025年度单位和职工月缴存额合计上限为6,876元，下限为210元。", score=2.88, start=40)
    own = sentence("个体工商户和灵活就业人员｜10%—24%｜全部由个人缴纳", score=2.82, start=90)
    assert states_total(q, total.norm) and not states_total(q, base.norm)
    assert stated_total_first(q, [base, total, own]) == [total, base, own]
    # (a sum over both parties is no question about one of them)
    assert level_first(q, [total, own, base]) == [total, own, base]


def test_the_party_named_before_那边_does_the_step_asked(segmenter):
    q = analyze("翀阳县材料交到乡镇以后，乡镇那边多少天内审完？", segmenter)
    county = sentence("县（区）民政部门自收到初审材料之日起10个工作日内完成审定。", score=3.9)
    town = sentence("乡镇（街道）自受理之日起7个工作日内完成初审，并在村（社区）公示5天；", score=3.7, start=40)
    assert actor_first(q, [county, town]) == [town, county]
    # (without a party named so, the order stands)
    plain = analyze("翀阳县材料交上去以后，多少天内审完？", segmenter)
    assert actor_first(plain, [county, town]) == [county, town]
