"""General terms, shares of a sum, fused place levels and the notice's signature (probe44, read
in session 32, issue 9): 「几台农机」 is counted by a notice's 「机具不超过3台」 (词林 opens a class
with its general term); 「调节金要交多少」 is answered by 「成交总价款的30%」; 「鲑湔县村集体」 names
鲑湔县, not a village 「鲑湔县村」; a notice signed by 「鲸垌县退役军人事务局」 over its date is about
鲸垌县 though its title does not say so, and its signing line answers nothing. The notices are
written here for their shape, not copied from a probe."""

from __future__ import annotations

import pytest
from support import open_small_corpus

from agent.lexicon.thesaurus import general_terms, names_money
from agent.offline.check.rules import share_of_money, unknown_noun
from agent.offline.gather.evidence import signed_issuer
from agent.offline.understand.question import analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


# literal strings ---------------------------------------------------------------------------------
def test_a_thing_is_counted_by_its_general_term():
    assert {"机器", "机械", "机具"} <= set(general_terms("农机"))
    assert "机具" in general_terms("拖拉机") and "化妆品" in general_terms("口红")
    # the general term itself has none, and a thing of another class is not under it
    assert general_terms("机具") == ()
    assert "机具" not in general_terms("口红")


def test_a_share_of_a_sum_of_money_is_money():
    assert names_money("价款") and names_money("成交总价款") and names_money("工资")
    assert not names_money("面积") and not names_money("人数")
    assert share_of_money("商业用地｜出让｜成交总价款的30%")
    assert share_of_money("按上年度工资总额的2%缴纳")
    assert not share_of_money("绿地面积不低于用地面积的30%")
    assert not share_of_money("工业用地｜出让｜40年")


def test_a_county_and_the_village_word_after_it_are_not_one_place():
    known = Segmenter(["鲑湔县"])  # an index's segmenter knows the names its documents use
    assert analyze("鲑湔县村集体的经营性建设用地租给企业，最长能租几年？", known).names == ("鲑湔县",)
    # a village of its own name keeps its 村
    assert "桃源村" in analyze("桃源村的村集体经营性建设用地能租几年？", known).names


def test_the_issuers_who_sign_a_notice_over_its_date():
    signed = "关于发放补助的通知\n\n一、补助标准\n每人每年6500元。\n\n鲸垌县退役军人事务局　鲸垌县财政局\n2026年5月20日\n"
    assert signed_issuer(signed) == "鲸垌县退役军人事务局　鲸垌县财政局"
    # a last line that is no date, or a sentence over the date, signs nothing
    assert signed_issuer("关于发放补助的通知\n\n每人每年6500元。\n鲸垌县退役军人事务局\n") == ""
    assert signed_issuer("关于发放补助的通知\n\n本通知自印发之日起施行。\n2026年5月20日\n") == ""


def test_a_total_the_notice_states_answers_a_sum_asked(segmenter):
    from offline_support import sentence

    from agent.offline.gather.rank import stated_total_first, states_total

    q = analyze("翀阳县这回停水一共要停多长时间？", segmenter)
    total = "我公司定于6月23日8:00至6月24日20:00计划停水，停水时间共计36小时。"
    assert states_total(q, total) and not states_total(q, "计划停水超过24小时的，免收当月基本水费。")
    # a total in another unit, or a question that asks no sum, is not it
    assert not states_total(q, "本次停水共涉及12个小区。")
    assert not states_total(analyze("翀阳县这回停水要停多长时间？", segmenter), total)
    top = sentence("计划停水超过24小时的，免收当月基本水费。", score=4.37)
    stated = sentence(total, score=4.12, start=80)
    assert stated_total_first(q, [top, stated]) == [stated, top]
    assert stated_total_first(q, [top, sentence(total, score=3.0, start=80)])[0] is top


def test_a_closed_bound_and_spoken_money_are_read_as_a_range():
    from agent.offline.extract.tables import as_counted, range_fit

    assert as_counted("我只打算贷8万块，还用找人做反担保吗？") == "我只打算贷8万元,还用找人做反担保吗?"
    assert as_counted("人均一个月才挣1200块钱") == "人均1个月才挣1200元"
    assert as_counted("白天停一个半小时要交多少") == "白天停1.5小时要交多少"
    # 块 before a noun counts pieces
    assert as_counted("家里有三块地") == "家里有3块地"
    assert range_fit("个人申请贷款10万元（含）以下的，免除反担保要求；", "我只打算贷8万块，还用反担保吗？") == 1
    assert range_fit("个人申请贷款10万元（含）以下的，免除反担保要求；", "我打算贷12万块，还用反担保吗？") == -1
    assert range_fit("第一档｜1500元（含）以下｜每平方米每月18元", "我家人均一个月才挣1200块") == 1


def test_the_tiers_of_the_rural_health_network_are_told_apart():
    from agent.offline.check.rules import level_clash

    assert "村卫生室" in level_clash("村卫生室的村医每个月能领多少岗位补助？", "对在乡镇卫生院连续工作满5年的医务人员，每人每月发放岗位补助500元；")
    assert level_clash("乡镇卫生院的医生每个月能领多少岗位补助？", "对在乡镇卫生院连续工作满5年的医务人员，每人每月发放岗位补助500元；") == ""


def test_a_thing_the_notice_names_by_its_general_term_is_no_unknown_noun(segmenter):
    from offline_support import draft, sentence
    from test_notice_rows_contacts import _Docs

    line = "每餐次的食品成品应留样，在冷藏条件下存放48小时以上。"
    row = sentence(line, source="school.txt")
    docs = _Docs(line)
    assert unknown_noun(draft(segmenter, "翀阳县学校的饭菜留样要放多久？", row), docs) is None
    # a thing of another class is still unknown
    refused = unknown_noun(draft(segmenter, "翀阳县学校的餐具要消毒多久？", row), docs)
    assert refused is not None and "餐具" in refused.detail


def test_meals_and_spoken_money_are_units_asked(segmenter):
    from agent.offline.extract.figures import figures

    cheaper = analyze("我爸今年66岁，在助餐点吃一顿能便宜几块？", segmenter)
    assert cheaper.unit == "钱" and cheaper.unit_fits("3元")
    meals = analyze("一个老人一个月最多能补几顿饭？", segmenter)
    assert meals.unit_fits("22餐") and not meals.unit_fits("3公里")
    assert [f.text for f in figures("每人每日限补1餐，每人每月最多补贴22餐。")] == ["1餐", "22餐"]
    # 块 before a noun counts pieces, not money
    assert analyze("家里有几块地能补？", segmenter).unit != "钱"


def test_a_which_question_is_answered_under_a_heading_of_its_kind(segmenter):
    from agent.offline.extract.tables import _may_answer

    window = analyze("骥淞市办轮椅车补贴去政务中心哪个窗口？", segmenter)
    assert not _may_answer(window, "补贴标准", "每辆每年480元")
    assert _may_answer(window, "办理窗口", "二楼残联窗口（B12号）")


def test_of_two_tied_rows_the_one_whose_item_the_question_says_goes_first(segmenter):
    from offline_support import sentence

    from agent.offline.gather.rank import row_item_first

    middle = sentence("共餐服務｜中低收入戶長者｜新臺幣60元", score=4.022)
    low = sentence("共餐服務｜低收入戶長者｜新臺幣80元", score=4.005, start=40)
    q = analyze("驍埔市低收入戶的阿公去共餐，一餐補助多少錢？", segmenter)
    assert row_item_first(q, [middle, low]) == [low, middle]
    # a row that does not tie needs the clearer margin
    assert row_item_first(q, [middle, sentence("共餐服務｜低收入戶長者｜新臺幣80元", score=3.9, start=40)])[0] is middle


def test_a_multiple_may_be_stated_as_a_percentage(segmenter):
    from dataclasses import replace

    times = replace(analyze("单位没让我休年假，按日工资的几倍给补偿？", segmenter), unit="倍")
    assert times.unit_fits("300%") and times.unit_fits("3倍")
    assert not times.unit_fits("50%")


def test_ranges_in_wan_and_yi_and_between_two_bounds():
    from agent.offline.extract.tables import range_fit

    contract = "300万元（含）—1亿元（含）｜合同额的2%｜无"
    assert range_fit(contract, "我们公司接了个5000万的工程，保证金按多少存？") == 1
    assert range_fit("1亿元以上｜合同额的1%｜单个项目最高不超过300万元", "接了个5000万的工程") == -1
    assert range_fit(contract, "接了个2亿的工程") == -1
    # 「5万元以上10万元以下」 is one range, not 「5万元以上」 and 「10万元以下」
    fine = "逾期不改正的，责令项目停工，并处5万元以上10万元以下的罚款。"
    assert range_fit(fine, "接了个5000万的工程") == -1
    assert range_fit(fine, "被罚了8万元，对吗") == 1


def test_a_length_of_time_may_have_decimals():
    from agent.offline.extract.figures import durations

    assert [d.text for d in durations("按照月工资除以月计薪天数（21.75天）进行折算。")] == ["21.75天"]
    assert [d.text for d in durations("停车1.5小时以内免费")] == ["1.5小时"]
    assert durations("2025.5天") == []


def test_a_bracket_that_qualifies_a_column_gives_no_unit(segmenter):
    from agent.offline.extract.tables import _may_answer

    fee = analyze("霄崌市二级服务的电梯高层小区，物业费每平方米每月多少钱？", segmenter)
    assert _may_answer(fee, "高层住宅（有电梯）", "1.50") and _may_answer(fee, "多层住宅（无电梯）", "0.95")
    # a unit in brackets still has to be the asked one
    assert not _may_answer(fee, "培训课时（课时）", "120") and _may_answer(fee, "补贴标准（元/人）", "500")


def test_a_row_whose_range_holds_the_askers_years_answers_a_length_asked(segmenter):
    from offline_support import sentence

    from agent.offline.gather.rank import ranged_first

    q = analyze("翀阳县我已经工作了12年，一年能休几天带薪年假？", segmenter)
    top = sentence("计算公式：（当年度在本单位剩余日历天数÷365天）×职工本人全年应当享受的年休假天数。", score=3.9)
    rows = [sentence("满1年不满10年｜5天", score=3.16, start=200),
            sentence("满10年不满20年｜10天", score=3.17, start=220)]
    assert ranged_first(q, [top, *rows])[0] is rows[1]


def test_how_fast_asks_a_length_of_time_and_the_act_before_it_picks_the_clause(segmenter):
    from offline_support import sentence

    from agent.offline.extract.answer_clause import figure_clause
    from agent.offline.understand.question import DURATION_ASKED

    assert analyze("申请法援后多快给我派律师？", segmenter).unit == DURATION_ASKED
    assert analyze("这辆车车速多快？", segmenter).unit != DURATION_ASKED
    q = analyze("工程干完了想把保证金退回来，要公示多长时间？", segmenter)
    line = sentence("区人社局在工地和本局网站公示30日，公示期满无异议的，自公示期满之日起10个工作日内出具返还通知。")
    assert "30日" in figure_clause(q, [line]) and "10个工作日" not in figure_clause(q, [line])


def test_a_yes_or_no_of_a_table_takes_the_row_whose_range_holds_the_figure(segmenter):
    from offline_support import sentence

    from agent.offline.gather.rank import ranged_first

    q = analyze("在翀阳县承包一个合同额250万的小工程，要交工资保证金吗？", segmenter)
    big = sentence("1亿元以上｜合同额的1%｜单个项目最高不超过300万元", score=3.3)
    small = sentence("300万元以下｜免于存储｜须作出书面承诺", score=3.2, start=60)
    assert ranged_first(q, [big, small]) == [small, big]
    # a prose sentence on top is left to the yes-or-no rules
    prose = sentence("工程完工且未发生工资拖欠的，施工总承包单位可以申请返还。", score=3.3)
    assert ranged_first(q, [prose, small])[0] is prose


def test_whether_it_is_approved_asks_the_time_limit_or_the_decisions(segmenter):
    from offline_support import sentence

    from agent.offline.gather.rank import time_limit_first

    q = analyze("在翀阳县交了法律援助申请，多少天能知道批不批？", segmenter)
    step = sentence("各镇（街道）司法所可以代为接收申请材料，并在2个工作日内转交市法律援助中心。", score=3.33)
    decided = sentence("法律援助中心自收到申请之日起7个工作日内进行审查，作出是否给予法律援助的决定。", score=3.15, start=90)
    assert time_limit_first(q, [step, decided]) == [decided, step]
    # a stated time limit comes before a step's decision
    q = analyze("翀阳县办低保，从受理到批下来一般最多要多少个工作日？", segmenter)
    limit = sentence("全流程办结时限为30个工作日。", score=3.0, start=200)
    county = sentence("县民政局在收到审核材料之日起10个工作日内作出确认决定。", score=3.2, start=150)
    assert time_limit_first(q, [step, county, limit])[0] is limit


# a real index ------------------------------------------------------------------------------------
SCRAPPING = """翀阳县农业机械报废更新补贴实施细则

第一条　报废拖拉机、联合收割机的，按机型给予报废补贴。
第二条　每户（组织）每年度享受报废补贴的机具不超过3台。
第三条　机主将机具交至县指定回收企业拆解，取得回收确认表。
"""

LAND = """关于农村集体经营性建设用地入市的实施意见

一、土地增值收益调节金按下列比例征收：
用途｜入市方式｜调节金征收比例
工业用地｜出让｜成交总价款的15%
商业用地｜出让｜成交总价款的30%
二、调节金由入市主体在取得价款之日起15日内缴入县财政专户。

璩川县自然资源局　璩川县财政局
2026年4月1日
"""

VETERANS = """关于发放2026年度退役士兵一次性经济补助的通知

各乡镇人民政府、街道办事处：
一、补助标准
服役满2年的，每满1年发放6500元。
二、增发情形
（一）荣获二等功以上奖励的，增发15%；
（二）在西藏、新疆等艰苦边远地区服役满3年的，增发10%。
三、联系方式
联系地址：鲸垌县人民路215号县退役军人事务局二楼安置股

鲸垌县退役军人事务局　鲸垌县财政局
2026年5月20日
"""


@pytest.fixture(scope="module")
def notices(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "kinds",
                             {"scrapping.txt": SCRAPPING, "land.txt": LAND, "veterans.txt": VETERANS},
                             folder="notices")


def test_machines_are_counted_by_the_notices_general_term(notices):
    answer = notices.ask("翀阳县我们家一年最多能报废几台农机拿补贴？")
    assert not answer.refused and "3台" in answer.short


def test_a_levy_asked_in_money_is_answered_by_its_share(notices):
    answer = notices.ask("璩川县村里把商业用地卖出去，调节金要交多少？")
    assert not answer.refused and "成交总价款的30%" in answer.short


def test_a_notice_is_about_the_place_that_signs_it(notices):
    answer = notices.ask("鲸垌县的，我在新疆当了三年多兵，补助能多拿吗？")
    assert not answer.refused and "增发10%" in answer.text.split("\n", 1)[0]
    assert "鲸垌县退役军人事务局　鲸垌县财政局" not in answer.text.split("\n", 1)[0]


MEALS = """翀阳县民政局　翀阳县财政局关于印发《翀阳县老年人助餐服务补贴实施细则》的通知
翀民发〔2025〕17号

第三条　补贴对象为具有本县户籍、年满60周岁并在本县实际居住的老年人。

第四条　补贴标准按年龄和困难程度分档执行，具体如下：

档次｜对象条件｜每餐补贴
第一档｜60—69周岁｜2元
第二档｜70—79周岁｜3元
第三档｜80—89周岁｜5元
第四档｜90周岁及以上｜8元
第五档｜低保、特困供养、经评估失能的老年人｜10元

第五条　每人每日最多补贴2餐，每人每月补贴累计不超过300元。
"""


@pytest.fixture(scope="module")
def meals(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "meals", {"meals.txt": MEALS}, folder="notices")


def test_the_row_whose_range_holds_the_askers_age_covers_the_question(meals):
    from agent.offline.check.rules import _row_covers

    docs = meals.offline.pipeline.stages[-1].docs
    rows = {c.norm: c for c in docs.sentences("notices/meals.txt")}

    class _FewWords:  # the row's words and its header's cover little of the question
        index, tuning = docs.index, docs.tuning
        evidence = type("E", (), {"coverage": staticmethod(lambda *a, **k: (0.1, ()))})

        def title_line(self, source):
            return ""

    q = analyze("翀阳县我奶奶都92了，她每顿饭能补多少？", docs.index.segmenter)
    assert _row_covers(q, [rows["第四档|90周岁及以上|8元"]], _FewWords())
    assert not _row_covers(q, [rows["第一档|60—69周岁|2元"]], _FewWords())
    answer = meals.ask("翀阳县我奶奶都92了，她每顿饭能补多少？")
    assert not answer.refused and "8元" in answer.short
