"""Shapes of probe55 (read in session 36, issue 9): what the asker tells of their own case and
how a notice bounds it. A year the asker tells (「我们小区2008年盖的」) is held by a range of years
the notice states (「2006年1月1日以后建成的」); an approximate number (「三四方」) is counted by its
first numeral; a bound from below and one from above with 「、」 between are one range; a yes/no
question may end in 「不？」; a table's row answers who or where by the range holding the asker's
figure; a word the other rows also write describes no one row; a kind of a thing the notice lists
kinds of, not among them, is refused. The strings are written here for their shape, not copied
from a probe."""

from __future__ import annotations

import pytest
from offline_support import LiteralDocuments, draft, paragraph, sentence

from agent.lexicon import entities
from agent.offline.check.rules import other_document, unknown_noun, year
from agent.offline.extract.answer_clause import figure_clause
from agent.offline.extract.tables import as_counted, named_cell, range_fit, year_in_range
from agent.offline.gather.rank import (
    CLOSING_DATE,
    bounded_first,
    ranged_first,
    told_year_first,
    typed_first,
    untitled_first,
)
from agent.offline.understand.question import analyze, told_years
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def test_a_year_the_asker_tells_is_held_by_a_range_of_years():
    assert told_years("翀阳市燃气改造补助，我们小区2008年盖的，一般能报吗？") == ["2008"]
    assert told_years("翀阳市2008年的补助标准是多少？") == []  # asked, not told
    assert told_years("1998年6月至2000年4月，翀阳市长担任什么职务？") == []  # the time asked of
    assert year_in_range(2008, "2006年1月1日以后建成的小区原则上不纳入本轮补助范围")
    assert year_in_range(1985, "1990年及以前｜改造费用的85%｜2400元")
    assert year_in_range(1995, "1991—2000年｜改造费用的70%｜1800元")
    assert not year_in_range(2008, "本细则适用于2005年12月31日前建成的住宅小区")
    assert not year_in_range(1995, "2001年起建成的小区")


def test_the_year_rule_keeps_a_told_year_a_range_holds(segmenter):
    text = "翀阳市燃气设施改造补助细则\n2006年1月1日以后建成的小区原则上不纳入本轮补助范围。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    bound = sentence("2006年1月1日以后建成的小区原则上不纳入本轮补助范围。", start=text.index("2006"))
    told = draft(segmenter, "翀阳市燃气改造补助，我们小区2008年盖的，一般能报吗？", bound)
    assert year(told, docs) is None
    # a year the range misses is the asker's case too, answered by the notice's bound, not refused
    # (session 37: 「我家2020年改厕已经领过一回补贴了，这回还能再申请吗」 asks no year of the notice)
    missed = draft(segmenter, "翀阳市燃气改造补助，我们小区2003年盖的，一般能报吗？", bound)
    assert year(missed, docs) is None
    asked = draft(segmenter, "翀阳市2003年建成的小区补助标准是多少？", bound)
    assert year(asked, docs).rule == "year"  # a year asked of the notice


def test_a_sentence_whose_range_holds_the_told_year_goes_first(segmenter):
    how = sentence("3. 在微信公众号“燃气改造”栏目在线申报。", score=3.0)
    before = sentence("本细则适用于2005年12月31日前建成的住宅小区。", score=2.9, start=30)
    after = sentence("2006年1月1日以后建成的小区原则上不纳入本轮补助范围。", score=2.8, start=60)
    q = analyze("翀阳市燃气改造补助，我们小区2008年盖的，一般能报吗？", segmenter)
    assert told_year_first(q, [how, before, after])[0] is after
    # a year that is asked, not told, moves nothing
    asked = analyze("翀阳市2008年建成的小区能报吗？", segmenter)
    assert told_year_first(asked, [how, before, after])[0] is how


def test_an_approximate_number_is_counted_by_its_first_numeral():
    assert as_counted("就砍三四方的零星树，几天能批下来") == "就砍3方的零星树,几天能批下来"
    assert as_counted("家里老人七八十岁了") == "家里老人70岁了"
    assert range_fit("个人零星采伐｜5立方米以下｜乡镇林业站｜3个工作日", "就砍三四方的零星树，几天能批下来") == 1
    assert range_fit("一般商品林采伐｜5—50立方米｜县林业局｜7个工作日", "就砍三四方的零星树，几天能批下来") == -1


def test_bounds_from_below_and_above_with_a_comma_between_are_one_range():
    bounds = "（一）年龄在18周岁以上、60周岁以下；"
    assert range_fit(bounds, "我今年61岁了，还能申请不？") == -1
    assert range_fit(bounds, "我今年41岁了，还能申请不？") == 1


def test_a_question_ending_in_bu_asks_yes_or_no(segmenter):
    assert analyze("翀阳区创业担保贷款，我今年61岁了，还能申请不？", segmenter).qtype == "yesno"
    assert analyze("翀阳区老房子改造还能申请补贴没有？", segmenter).qtype == "yesno"
    assert analyze("翀阳区创业担保贷款最多能贷多少？", segmenter).qtype != "yesno"


def test_a_bound_on_the_askers_figure_answers_yes_or_no(segmenter):
    other = sentence("小微企业申请创业担保贷款，当年新招用人员应达到职工人数的20%。", score=3.4)
    age = sentence("（一）年龄在18周岁以上、60周岁以下；", score=3.0, start=40)
    q = analyze("翀阳区创业担保贷款，我今年61岁了，还能申请不？", segmenter)
    assert bounded_first(q, [other, age])[0] is age
    # a question that gives no figure keeps its best sentence
    plain = analyze("翀阳区创业担保贷款，个体户还能申请不？", segmenter)
    assert bounded_first(plain, [other, age])[0] is other


def test_a_row_whose_range_holds_the_askers_figure_answers_which_office(segmenter):
    title = sentence("翀阳县私有林木采伐申请须知", score=2.76)
    row = sentence("1—5公顷｜本府农业处｜30日", score=2.67, start=40)
    q = analyze("翀阳县我要砍大概3公顷的林子，要送哪个单位审？", segmenter)
    assert ranged_first(q, [title, row])[0] is row
    far = analyze("翀阳县我要砍大概8公顷的林子，要送哪个单位审？", segmenter)
    assert ranged_first(far, [title, row])[0] is title


def test_a_word_other_rows_write_describes_no_one_row(segmenter):
    text = ("翀阳市燃气设施改造补助细则\n改造项目｜改造内容｜补助标准｜备注\n"
            "灶前自闭阀加装｜每户限1只｜每只补助90元｜超出部分居民自付\n"
            "燃气泄漏报警器加装｜每户限1台｜每台补助160元｜须接入燃气企业监控平台\n"
            "户内立管、水平管更换｜按实际长度计算｜每米补助55元｜每户最高补助500元\n"
            "燃气表移位｜表具移出卧室｜每户补助200元｜仅限安全隐患移位\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    row = "户内立管、水平管更换｜按实际长度计算｜每米补助55元｜每户最高补助500元"
    q = analyze("翀阳市户内燃气管子换新是按米补的吧，一户顶多补多少？", segmenter)
    cell = named_cell(q, docs.index, [sentence(row, start=text.index(row))])
    # (no row is described by 「燃气」, which other rows' names write too: no cell is named)
    assert cell is None


def test_a_kind_the_notice_does_not_list_is_refused(segmenter):
    text = ("云溪县儿童免费疫苗接种须知\n1月龄｜乙肝疫苗｜第2剂\n2—4月龄｜脊灰疫苗｜第1—3剂\n"
            "3—5月龄｜百白破疫苗｜第1—3剂\n8月龄｜麻腮风疫苗、乙脑减毒活疫苗｜各第1剂\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    row = "8月龄｜麻腮风疫苗、乙脑减毒活疫苗｜各第1剂"
    unlisted = draft(segmenter, "云溪县13价肺炎疫苗能免费打几针？", sentence(row, start=text.index(row)))
    refusal = unknown_noun(unlisted, docs)
    assert refusal is not None and "肺炎疫苗" in refusal.detail
    listed = draft(segmenter, "云溪县乙肝疫苗能免费打几针？", sentence(row, start=text.index(row)))
    assert unknown_noun(listed, docs) is None


def test_a_sum_is_not_read_across_a_comma(segmenter):
    text = ("云溪县困境儿童基本生活保障细则\n孤儿年满18周岁后仍在全日制学校就读的，继续发放基本生活费至毕业，"
            "但最长不超过年满22周岁。\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    said = "孤儿年满18周岁后仍在全日制学校就读的，继续发放基本生活费至毕业，但最长不超过年满22周岁。"
    d = draft(segmenter, "云溪县孤儿满18岁了还在读大学，生活费能领到多大？", sentence(said, start=text.index(said)))
    assert unknown_noun(d, docs) is None


def test_a_corpus_word_of_common_words_names_no_other_document(segmenter):
    assert entities.common_phrase("燃气改造")
    texts = {"a.txt": "翀阳市燃气设施改造补助细则\n在“翀阳住建”公众号“燃气改造”栏目在线申报。\n",
             "b.txt": "云溪县老旧燃气管道更新改造补助通知\n1990年及以前｜改造费用的85%｜2400元\n"}
    docs = LiteralDocuments(texts, names=("燃气改造",))
    row = "1990年及以前｜改造费用的85%｜2400元"
    d = draft(segmenter, "云溪县老小区燃气改造一户最多能拿多少钱？", sentence(row, source="b.txt", start=texts["b.txt"].index(row)))
    assert other_document(d, docs) is None


def test_a_closing_date_may_give_the_hour():
    assert CLOSING_DATE.search("本县海域今年伏季休渔时间为5月1日12时至9月1日12时")
    assert CLOSING_DATE.search("受理时间为9月1日8:30至9月30日")


def test_a_deadline_asked_with_jie_dao_is_a_closing_date(segmenter):
    other = sentence("（三）已列入2024年度改造计划并完成施工的，不得重复申请；", score=3.9)
    closing = sentence("居民于2025年5月6日至2025年8月29日，向所在社区（村）提出书面申请。", score=3.8, start=40)
    q = analyze("翀阳县燃气管道改造补助申请截到哪天？", segmenter)
    assert typed_first(q, [other, closing])[0] is closing


def test_a_place_label_of_the_asked_act_is_looked_for_further_down(segmenter):
    lines = [sentence(f"（{i}）符合条件的船员，每人一次性补助{i}00元。", score=3.4 - 0.01 * i, start=40 * i) for i in range(1, 7)]
    place = sentence("（二）申报地点：渔船船籍港所在镇的渔业服务站。", score=3.2, start=400)
    q = analyze("翀阳县休渔补助去哪里报名？", segmenter)
    assert typed_first(q, [*lines, place])[0] is place
    # a label of another act is no place to sign up
    other = sentence("（二）咨询地址：县海港路15号。", score=3.2, start=400)
    assert typed_first(q, [*lines, other])[0] is lines[0]


def test_a_title_answers_no_yes_or_no_question(segmenter):
    title = sentence("翀阳市老旧燃气管线汰换补助作业要点", score=2.7)
    more = sentence("（三）同时将热水器由室内移设至室外者，另补助新台币3,000元。", score=2.6, start=40)
    q = analyze("翀阳市换瓦斯管的时候顺便把热水器搬到外面，还有多补吗？", segmenter)
    first_line = lambda source: "翀阳市老旧燃气管线汰换补助作业要点"
    assert untitled_first(q, [title, more], first_line)[0] is more
    assert untitled_first(analyze("翀阳市瓦斯管汰换补助是哪个文件？", segmenter), [title, more], first_line)[0] is title


def test_the_figure_ruling_on_a_case_answers_not_the_case(segmenter):
    q = analyze("翀阳市我家渔船主机才15千瓦，燃油补贴按多少千瓦算？", segmenter)
    said = sentence("主机功率不足20千瓦的，按20千瓦计算。")
    assert figure_clause(q, [said]) == "按20千瓦计算"
    # the case's own figure answers when it is what is asked
    age = analyze("翀阳市高龄津贴要多少岁才能领？", segmenter)
    assert "80周岁" in figure_clause(age, [sentence("年满80周岁的，每人每月发放100元。")])


def test_the_stage_asked_is_the_one_after_what_it_counts_from(segmenter):
    from agent.offline.check.rules import other_stage

    shown = sentence("公示期为7天。")
    paid = draft(segmenter, "翀阳区灵活就业社保补贴审核通过以后，多久能到账？", shown)
    assert other_stage(paid, None).rule == "other-stage"
    # a limit counted from the application is the review's, not a time to apply within
    done = sentence("自申请之日起10个工作日内办结。")
    assert other_stage(draft(segmenter, "翀阳市离职以后最晚多少天之内要去申请失业金？", done), None).rule == "other-stage"
    applied = sentence("丧葬补助金应在死亡之日起60日内提出申请。")
    assert other_stage(draft(segmenter, "翀阳县退休老人去世后，丧葬补助金最晚要在去世多少天内去申请？", applied), None) is None
    # the application asked with another stage asks that stage
    assert other_stage(draft(segmenter, "翀阳区补贴申请要审核多少天？", done), None) is None
    # what lasts after the event counted from is no stage (a validity)
    valid = sentence("自申请之日起2年内有效，申请人应按时复查。")
    assert other_stage(draft(segmenter, "翀阳区慢特病认定批下来以后管几年？", valid), None) is None


def test_a_vehicle_no_column_lists_is_no_row_of_the_table(segmenter):
    from agent.offline.extract.tables import unlisted_row

    text = ("翀阳县路内停车收费公告\n收费区域｜车型｜收费标准\n第一区（县府周边）｜小型车｜每小时30元\n"
            "第二区（其他地区）｜小型车｜每小时20元\n第一区（县府周边）｜机车｜每次20元\n第二区（其他地区）｜机车｜每次10元\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    row = "第一区（县府周边）｜小型车｜每小时30元"
    lorry = draft(segmenter, "翀阳县大货车在路边停车，每小时收多少钱？", sentence(row, start=text.index(row)))
    assert unlisted_row(lorry.q, docs.index, list(lorry.candidates)) == "货车"
    car = draft(segmenter, "翀阳县小型车在第一区停车，每小时收多少钱？", sentence(row, start=text.index(row)))
    assert unlisted_row(car.q, docs.index, list(car.candidates)) == ""


def test_an_online_channel_asked_is_not_answered_by_an_office(segmenter):
    from agent.offline.check.rules import no_channel

    office = sentence("新申请两项补贴的，本人携带身份证、户口簿到户籍所在地乡镇政府提出申请。")
    asked = draft(segmenter, "翀阳县的残疾人两项补贴在网上哪个平台可以申请？", office)
    assert no_channel(asked, None).rule == "no-channel"
    online = sentence("也可通过“翀阳人社”微信公众号线上申请。", score=0.9, start=60)
    assert no_channel(draft(segmenter, "翀阳县的残疾人两项补贴在网上哪个平台可以申请？", office, online), None) is None
    assert no_channel(draft(segmenter, "翀阳县的残疾人两项补贴去哪里申请？", office), None) is None


def test_the_government_that_pays_is_not_asked_about(segmenter):
    assert analyze("翀阳市带母狗去结扎，市政府补助多少钱？", segmenter).asked == ()
    assert "电费" in analyze("翀阳县政府大楼一年电费多少？", segmenter).asked


def test_water_asked_by_the_ton_is_answered_by_the_cubic_metre(segmenter):
    from agent.offline.check.rules import unit
    from agent.offline.extract.figures import figures

    assert [f.text for f in figures("每户每月免收5立方米水费")] == ["5立方米"]
    free = sentence("（一）享受城乡居民最低生活保障的家庭，每户每月免收5立方米水费。")
    assert unit(draft(segmenter, "翀阳市低保户每个月能免掉几吨水的钱？", free), None) is None


def test_a_line_for_complaints_answers_only_a_complaint(segmenter):
    from agent.offline.extract.fields import labelled_field

    docs = paragraph(segmenter, "区教育局基础教育科：0745-8830162。", "区教育局纪检监督电话：0745-8830177。")
    docs.index.documents["a.txt"].headings = []
    top = sentence("区教育局基础教育科：0745-8830162。")
    asked = draft(segmenter, "翀阳区招生这块有不清楚的，打哪个电话问？", top)
    field = labelled_field(asked.q, docs.index, list(asked.candidates))
    assert field is None  # the best sentence gives the number itself; the complaint line is no field asked
    complained = draft(segmenter, "翀阳区招生有违规的，打哪个监督电话举报？", top)
    assert "监督" in labelled_field(complained.q, docs.index, list(complained.candidates)).label


def test_a_ban_for_a_time_is_no_time_to_act_within(segmenter):
    banned = sentence("对骗取补贴的，追回已发放资金，5年内不得再申领技能提升补贴；", score=3.56)
    limit = sentence("（三）在证书核发之日起12个月内提出申请。", score=3.33, start=100)
    q = analyze("翀阳市证书拿到手以后，最晚多长时间内要申请技能补贴？", segmenter)
    assert typed_first(q, [banned, limit])[0] is limit
    from agent.offline.gather.rank import deadline_act_first
    assert deadline_act_first(q, [limit, banned])[0] is limit


def test_a_place_asked_is_answered_by_a_close_line_with_an_address(segmenter):
    from agent.offline.gather.rank import addressed_first

    referred = sentence("补贴由参保地经办机构受理，请向参保所在地就业服务机构申请。", score=3.50)
    window = sentence("2.窗口办理：翀阳区政务服务中心二楼就业服务专区18—20号窗口（翀阳区滨河大道9号）。", score=3.47, start=80)
    q = analyze("翀阳区技能补贴想去窗口当面办，在什么地方？", segmenter)
    assert addressed_first(q, [referred, window])[0] is window
    # a runner-up well behind stays there
    far = sentence(window.text, score=3.0, start=80)
    assert addressed_first(q, [referred, far])[0] is referred


def test_an_extra_sum_asked_needs_one_raised(segmenter):
    from agent.offline.check.rules import no_extra

    text = "翀阳县城乡低保标准通知\n我县城市低保标准为每人每月860元。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    plain = sentence("我县城市低保标准为每人每月860元。", start=text.index("我县"))
    asked = draft(segmenter, "翀阳县低保户家里有80多岁的老人，每月能多给多少钱？", plain)
    assert no_extra(asked, docs).rule == "no-extra"
    raised = sentence("80周岁以上的，在上述标准基础上每人每月另加50元。", score=0.9, start=60)
    assert no_extra(draft(segmenter, "翀阳县低保户家里有80多岁的老人，每月能多给多少钱？", plain, raised), docs) is None
    assert no_extra(draft(segmenter, "翀阳县低保标准每月多少钱？", plain), docs) is None


def test_a_kind_whose_rival_the_best_sentence_is_about_is_refused(segmenter):
    text = ("云溪县残疾人机动轮椅车燃油补贴实施办法\n一、补贴对象：持证下肢残疾人。\n"
            "二、补贴标准：每辆机动轮椅车每年补贴500元。\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    said = "二、补贴标准：每辆机动轮椅车每年补贴500元。"
    best = sentence(said, start=text.index(said))
    rival = draft(segmenter, "云溪县用电动轮椅车的残疾人，一年补多少钱？", best)
    refusal = unknown_noun(rival, docs)
    assert refusal is not None and "电动轮椅车" in refusal.detail
    # the kind the notice is about is answered
    own = draft(segmenter, "云溪县用机动轮椅车的残疾人，一年补多少钱？", best)
    assert unknown_noun(own, docs) is None
    # a verb's object is no rival kind: 「接待|游客」 names no kind of 游客
    text = "云溪县旅游统计公报\n云溪古镇今年接待游客68.9万人次，全县接待游客486.3万人次。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    said = "云溪古镇今年接待游客68.9万人次，全县接待游客486.3万人次。"
    told = draft(segmenter, "云溪县古镇接待的游客占全市游客的比例是多少？", sentence(said, start=text.index(said)))
    refusal = unknown_noun(told, docs)
    assert refusal is None or "全市游客" not in refusal.detail
