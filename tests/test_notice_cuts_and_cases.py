"""Shapes of probes 69 and 70 (read in session 44, issue 9): the segmenter's cuts that are no
thing asked (a modal glued to its verb before a sum, 「能领学费」; a word cut across the asker's own
word, 车|商会 after 车商; a kind glued to its locative, 「什么卡里」); two kin characters side by
side, 「爸妈」; and a best sentence whose bound misses the asker's figure giving way to the other
case of its rule, on its line or in its table, whatever the question asks; a row named by its
name and its bracketed kind; a day of the week by any of its names; a sum by the asked period over one paid once; 「出认定结果」
asks the time limit of 「作出认定结论」; a which-question's thing named by the best sentence, not by a
table's cell; a year and the years after it; the asker's own figure said bare (「满18了」), and the figure of the case a 的-phrase names (「申请
语文学科教师资格的」); a length of time
counted from the event the question counts from; where one applies, said by 向 an office; an address line scored nearly as well, further down. The strings are written
here for their shape, not copied from a probe."""

from __future__ import annotations

import pytest
from offline_support import LiteralDocuments, draft, paragraph, sentence

from agent.lexicon.thesaurus import is_personal
from agent.offline.extract.stages import Extract
from agent.offline.check.rules import first_refusal
from agent.offline.extract.tables import heading_of_row, named_cell, range_fit
from agent.offline.extract.answer_clause import figure_clause
from agent.offline.gather.rank import (
    addressed_first,
    applied_at_first,
    bound_first,
    days_named,
    deadline_act_first,
    periodic_first,
    time_limit_first,
    weekday_first,
)
from agent.offline.understand.question import analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def test_a_modal_glued_to_its_verb_qualifies_no_sum(segmenter):
    text = "翀阳县大学生应征入伍学费补偿办事指南\n新生入伍的，退役后复学时享受学费减免，不再补偿入学前学费。\n"
    places = Segmenter(["翀阳县"])
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    best = sentence("新生入伍的，退役后复学时享受学费减免，不再补偿入学前学费。", score=3.6, start=18)
    d = draft(places, "我是自考的学生，在翀阳县参军能领学费补偿吗？", best)
    assert d.q.names == ("翀阳县",) and first_refusal(d, docs) is None
    # (a sum the notice never names, by a qualifier that is a noun, still is one)
    d = draft(places, "在翀阳县参军，住房补贴能领多少？", best)
    assert first_refusal(d, docs).rule == "unknown-noun"


def test_a_cut_across_the_askers_own_word_is_no_noun_asked(segmenter):
    q = analyze("翀阳县要是车商把泡水车瞒着卖给我，车商会被罚多少？", segmenter)
    assert "车商" in q.terms and q.asked == ()
    # (the same noun not next to the asker's word is asked)
    assert analyze("翀阳县商会会长由谁担任？", segmenter).asked != ()


def test_a_kind_glued_to_its_locative_is_the_kind(segmenter):
    assert analyze("翀阳县的育儿补贴钱是打到什么卡里？", segmenter).kind == "卡"
    assert analyze("材料放在什么袋子里？", segmenter).kind == "袋子"


def test_two_kin_characters_side_by_side_are_the_askers_people():
    assert is_personal("爸妈") and is_personal("公婆")
    assert not is_personal("车商") and not is_personal("星星") and not is_personal("明星")


def test_a_bound_that_misses_the_figure_gives_way_to_its_other_case_for_any_question(segmenter):
    line = "2．用火面积在5亩以下的，由乡镇人民政府审批；用火面积在5亩以上的，经乡镇人民政府审核后报县林业局审批；"
    text = "翀阳县森林防火期野外用火管理通告\n" + line + "\n"
    small_at = text.index("2．")
    large_at = text.index("用火面积在5亩以上")
    small = sentence("2．用火面积在5亩以下的，由乡镇人民政府审批；", score=3.3, start=small_at)
    large = sentence("用火面积在5亩以上的，经乡镇人民政府审核后报县林业局审批；", score=3.1, start=large_at)
    q = analyze("翀阳县想烧8亩地的杂草，最后由哪个单位批？", segmenter)
    said = lambda c: (0.3, tuple(w for w in ("亩", "单位", "批", "由") if w in c.norm))
    ranked = bound_first(q, [small, large], lambda s: [small, large], said, lambda s: text)
    assert ranked[0] is not small and ranked[0].start == large_at
    # (a figure inside the best sentence's bound keeps it first)
    q = analyze("翀阳县想烧3亩地的杂草，最后由哪个单位批？", segmenter)
    assert bound_first(q, [small, large], lambda s: [small, large], said, lambda s: text)[0] is small


def test_a_table_rows_other_cases_are_the_rows_of_its_table(segmenter):
    rows = ["车辆注册年限｜查验方式", "未满6年｜现场人工查验，免予上线检测",
            "6年—10年（含）｜现场人工查验，须提供有效检验合格标志", "10年以上｜须到检验机构上线检测合格后办理"]
    text = "翀阳县二手车过户办事指南\n" + "\n".join(rows) + "\n五、其他事项\n"
    cands = [sentence(r, score=3.0, start=text.index(r)) for r in rows]
    q = analyze("翀阳县过户，我这车上牌8年了，还要不要开去上线检测？", segmenter)
    said = lambda c: (0.2, tuple(w for w in ("上线", "检测") if w in c.norm))
    ranked = bound_first(q, [cands[1], cands[3]], lambda s: cands, said, lambda s: text)
    assert ranked[0].start == text.index(rows[2])
    # (a line outside the table is no row of it)
    q = analyze("翀阳县过户，我这车上牌12年了，还要不要开去上线检测？", segmenter)
    assert bound_first(q, [cands[1]], lambda s: cands, said, lambda s: text)[0].start == text.index(rows[3])


def test_a_row_named_by_its_name_and_bracketed_kind(segmenter):
    text = ("翀阳县清洁取暖补贴细则\n设备类型｜补贴比例｜每户补贴上限\n空气源热泵（热风型）｜设备费用的70%｜7000元\n"
            "空气源热泵（热水型）｜设备费用的70%｜24000元\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    rows = [sentence(line, start=text.index(line)) for line in text.splitlines()[2:]]
    water = analyze("翀阳县家里装热水型空气源热泵，最多能补多少钱？", segmenter)
    assert named_cell(water, docs.index, rows).value == "24000元"
    air = analyze("翀阳县装空气源热泵热风型的，最多能补多少钱？", segmenter)
    assert named_cell(air, docs.index, rows).value == "7000元"


def test_a_day_of_the_week_by_any_of_its_names(segmenter):
    assert days_named("办理时间：周二至周日9:00—17:00，周一全天停止对外办理") == set(range(1, 8))
    assert days_named("礼拜一去能办吗") == {1} and days_named("周末开门吗") == {6, 7}
    assert days_named("星期一至五") == {1, 2, 3, 4, 5} and days_named("每周一次，周期3年") == set()
    q = analyze("翀阳县二手车市场那个服务站，礼拜一去能办过户吗？", segmenter)
    place = sentence("在翀阳县二手车交易市场设立车驾管服务站，交易、查验、过户一窗通办。", score=3.9)
    hours = sentence("办理时间：周二至周日9:00—17:00，周一全天停止对外办理。", score=2.9, start=80)
    other = sentence("办理时间：周一至周五8:30—17:00。", source="b.txt", score=3.0)
    assert weekday_first(q, [place, other, hours]) == [hours, place, other]
    # (a best sentence that names a day keeps its place)
    assert weekday_first(q, [hours, place])[0] is hours


def test_a_sum_by_the_asked_period_over_one_paid_once(segmenter):
    once_text, row_text = "县财政对大学生入伍给予一次性奖励：本科每人8000元，专科每人5000元。", "专科、本科｜20000元"
    text = f"翀阳县大学生应征入伍资助指南\n{once_text}\n学历层次｜每生每年最高金额\n{row_text}\n研究生｜28000元\n"
    places = Segmenter(["翀阳县"])
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    once = sentence(once_text, score=3.3, start=text.index(once_text))
    row = sentence(row_text, score=3.0, start=text.index(row_text))
    heading = lambda c: heading_of_row(docs.index, c)
    q = analyze("翀阳县本科生去当兵，学费每年最多能补多少？", places)
    assert periodic_first(q, [once, row], heading) == [row, once]
    assert first_refusal(draft(places, q.raw, once, row), docs) is None
    # (without a sum by the year in the notice, one paid once answers no yearly sum)
    assert first_refusal(draft(places, q.raw, once), docs).rule == "period"
    # (a sum asked once is answered by the one paid once)
    asked_once = analyze("翀阳县本科生去当兵，一次性奖励多少钱？", places)
    assert periodic_first(asked_once, [once, row], heading) == [once, row]
    # (nor by a row of another sum, when the question and the best sentence name theirs)
    bonus = sentence("持有光荣证的，退休时一次性发放奖励金3000元；", score=4.0)
    other = sentence("特别扶助｜女方49周岁及以上｜每人每月720元", score=3.6, start=60)
    monthly = analyze("翀阳县独生子女父母每个月有多少奖励金？", places)
    assert periodic_first(monthly, [bonus, other], lambda c: "") == [bonus, other]


def test_a_result_asked_is_the_time_limit_of_the_conclusion(segmenter):
    q = analyze("翀阳县交完材料以后，多久能出认定结果？", segmenter)
    ban = sentence("被撤销教师资格的，自撤销之日起5年内不得重新申请认定；", score=3.3)
    limit = sentence("自受理申请之日起60个工作日内作出认定结论，证书到现场领取。", score=2.9, start=90)
    assert time_limit_first(q, [ban, limit]) == [limit, ban]


def test_the_thing_a_which_question_asks_is_named_by_the_sentence_not_the_cell(segmenter):
    lines = ["认定类别｜学历要求｜认定机构\n", "幼儿园教师资格｜大学专科及以上｜翀阳区教育局\n",
             "小学教师资格｜大学专科及以上｜翀阳区教育局\n",
             "（三）体检：5月6日至5月15日，统一在翀阳区人民医院体检中心进行，费用自理。\n"]
    docs = paragraph(segmenter, *lines)
    at = [sum(map(len, lines[:i])) for i in range(len(lines))]
    check = sentence(lines[3].strip(), score=3.9, coverage=0.9, start=at[3])
    row = sentence(lines[1].strip(), score=3.2, coverage=0.5, start=at[1])
    d = Extract(docs)(draft(segmenter, "翀阳区认定教师资格的体检要去哪家医院做？", check, row))
    assert "翀阳区人民医院体检中心" in d.short and d.evidence[0] is check
    # (a question whose thing the cell names takes the cell)
    d = Extract(docs)(draft(segmenter, "翀阳区幼儿园教师资格归哪个机构认定？", check, row))
    assert d.short.endswith("翀阳区教育局")


def test_a_year_and_the_years_after_it_hold_a_later_year():
    q = "翀阳县女职工2030年退休，医保最少要缴多少年？"
    assert range_fit("2029年及以后｜28年｜23年", q) == 1 and range_fit("2031年以后", q) == -1
    assert range_fit("2025年及以前｜25年｜20年", q) == -1 and range_fit("2027—2028年｜27年｜22年", q) == -1


def test_a_range_from_a_lower_to_an_upper_bound_is_read_whole():
    q = "我阿嬤今年70歲，去風景區玩還要買票嗎？"
    assert range_fit("優待票｜新臺幣80元｜6歲以上未滿12歲兒童", q) == -1
    assert range_fit("年滿65歲以上之長者", q) == 1 and range_fit("6歲以上未滿12歲兒童", "孩子8歲") == 1
    # (in the question's unit, one character of the range's: 岁 of 周岁)
    assert range_fit("16周岁以上不满18周岁、以自己的劳动收入为主要生活来源的", "我17岁，能办个体户吗？") == 1


def test_the_askers_own_figure_said_bare_is_no_answer(segmenter):
    q = analyze("翀阳县孩子满18了还在念大学，生活费最长能领到几岁？", segmenter)
    rule = sentence("年满18周岁仍在全日制学校就读的，基本生活费可以继续发放至毕业当年的7月，最长不超过23周岁。")
    assert figure_clause(q, [rule]) == "最长不超过23周岁"
    # the figure after a 的-phrase that names the asker's case, which no other clause names
    teacher = analyze("翀阳县想当语文老师，普通话得考到几级？", segmenter)
    levels = sentence("（三）普通话水平达到二级乙等及以上，申请语文学科教师资格的，须达到二级甲等及以上；")
    assert figure_clause(teacher, [levels]) == "须达到二级甲等及以上"
    assert figure_clause(analyze("翀阳县想当数学老师，普通话得考到几级？", segmenter), [levels]).endswith("普通话水平达到二级乙等及以上")
    # (a number of a code, 「7/34P号决议」, is none of the asker's figures)
    coded = analyze("2007年通过7/34P号决议是在第几次会议上？", segmenter)
    meeting = sentence("伊斯兰会议组织外交部长理事会第34次会议通过7/34P号决议。")
    assert "第34次会议" in figure_clause(coded, [meeting])


def test_a_length_of_time_counted_from_the_event_the_question_counts_from(segmenter):
    q = analyze("我在翀阳县刚生完小孩，最晚要在出生后几天内去申请生育奖励金？", segmenter)
    apply = sentence("第五条 申请期限：应于新生儿出生之日起60日内，向户政事务所提出申请；", score=3.37)
    decide = sentence("本府应于受理之日起30日内核定，并将奖励金拨入申请人账户。", score=3.37, start=80)
    assert deadline_act_first(q, [apply, decide]) == [apply, decide]
    assert deadline_act_first(q, [decide, apply]) == [apply, decide]


def test_where_one_applies_is_said_by_the_office_one_applies_to(segmenter):
    q = analyze("翀阳县的生育奖励金要到哪个单位去申请？", segmenter)
    item = sentence("四、申请人名下金融机构存折封面影本。", score=3.5)
    period = sentence("第五条 申请期限：应于新生儿出生之日起60日内，向户政事务所提出申请；", score=3.3, start=90)
    other = sentence("申请人向乡镇人民政府提出申请。", source="b.txt", score=3.4)
    assert applied_at_first(q, [item, other, period]) == [period, item, other]
    handed = analyze("翀阳县申报电商补助，材料先交给谁？", segmenter)
    filed = sentence("申报主体于11月1日至11月20日向所在乡镇人民政府提交申报材料；", score=3.2, start=40)
    assert applied_at_first(handed, [item, filed])[0] is filed
    # (nor over a best sentence that gives where already, by a labelled place or an address)
    where = analyze("翀阳县申请护理补贴，材料交到哪个窗口？", segmenter)
    window = sentence("受理地点：翀阳县政务服务中心二楼12号窗口（县城北大道56号）。", score=3.5)
    general = sentence("申领人应当向户籍所在地乡镇人民政府提出申请。", score=3.4, start=60)
    assert applied_at_first(where, [window, general])[0] is window
    # (not for a question that asks no act done at an office)
    asked_sum = analyze("翀阳县的生育奖励金能拿多少？", segmenter)
    assert applied_at_first(asked_sum, [item, period])[0] is item


def test_an_address_line_scored_nearly_as_well_further_down(segmenter):
    q = analyze("翀阳县医保年限不够，去哪儿办补缴？", segmenter)
    apply = sentence("参保人员在办理退休手续前3个月内，到参保地医保经办机构申请核定缴费年限，需提供：", score=3.52)
    limit = sentence("医保经办机构自受理之日起5个工作日内完成缴费年限核定。", score=3.59, start=60)
    form = sentence("2. 《职工医保缴费年限补缴申请表》；", score=3.58, start=100)
    place = sentence("经办地点：翀阳县医疗保障事务中心一楼综合服务大厅（翀阳县人民南路155号）。", score=3.49, start=130)
    assert addressed_first(q, [apply, limit, form, place])[0] is place
    # (not one scored far below)
    far = sentence(place.text, score=2.9, start=130)
    assert addressed_first(q, [apply, limit, form, far])[0] is apply
