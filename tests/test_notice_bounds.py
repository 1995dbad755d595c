"""The asker's own figure against a notice's bounds (probes 41 and 42, session 30, issue 9):
「我今年62了，还能考吗」 is answered by 「年龄不超过60周岁」 wherever it stands in the notice; a
temperature said in 度 falls in a row of ℃; a sum of money asked with 「有多少」 is answered in money;
an item that says a whole sentence is no heading over the next one; a row of the same table whose
range holds the figure replaces the row that does not. The notices are written here for their
shape, not copied from a probe."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from offline_support import sentence
from support import open_small_corpus

from agent.offline.extract.tables import as_counted, range_fit
from agent.offline.gather.neighbours import section_opening
from agent.offline.gather.rank import bound_first
from agent.offline.understand.question import GRANT_ASKED, analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


# literal strings ---------------------------------------------------------------------------------
def test_an_age_said_without_its_unit_is_counted_in_years():
    assert as_counted("我今年62了，还能考吗？") == "我今年62岁了,还能考吗?"
    assert as_counted("我都70了") == "我都70岁了"
    assert as_counted("我家3口人") == "我家3人"  # (as before)


def test_one_sided_bounds_are_read_only_when_asked_for():
    assert range_fit("（四）年龄不超过60周岁，身体健康；", "我今年62了，还能考吗") == 0
    assert range_fit("（四）年龄不超过60周岁，身体健康；", "我今年62了，还能考吗", bounds=True) == -1
    assert range_fit("（四）年龄不超过60周岁，身体健康；", "我今年58了，还能考吗", bounds=True) == 1
    assert range_fit("开学后1个月内申请停乘的，退还乘车费的50%；", "开学两个月了，钱能退吗", bounds=True) == -1
    assert range_fit("持有本市居住证满1年的，参照户籍居民办理。", "我办居住证两年了，能办吗", bounds=True) == 1
    assert range_fit("持有本市居住证满1年的，参照户籍居民办理。", "我办居住证半年", bounds=True) == 0
    # 「未满」 is no lower bound
    assert range_fit("未满16周岁的不得驾驶。", "我今年17了", bounds=True) == -1
    assert range_fit("未满16周岁的不得驾驶。", "我今年15了", bounds=True) == 1


def test_a_temperature_in_du_falls_in_a_row_of_degrees_celsius():
    assert range_fit("37℃—38.9℃｜20元｜14元", "那天气温37.5度，高温津贴有多少") == 1
    assert range_fit("35℃—36.9℃｜15元｜10元", "那天气温37.5度，高温津贴有多少") == -1
    assert range_fit("35℃—36.9℃｜15元｜10元", "那天气温36℃") == 1


def test_a_sum_paid_asked_with_you_duoshao_is_asked_in_money(segmenter):
    assert analyze("夏天高温补贴一个月有多少？", segmenter).unit == "钱"
    assert analyze("当天的高温津贴有多少？", segmenter).unit == "钱"
    # not capital in any currency, a tax that a rate answers, an income beside other statistics
    assert analyze("西贡商信银行的注册资本是多少？", segmenter).unit == ""
    assert analyze("买第二套房契税按多少算？", segmenter).unit == ""
    assert analyze("农村居民人均可支配收入是多少？", segmenter).unit == ""
    assert analyze("补贴比例是多少？", segmenter).unit == ""
    # 补贴 as the verb: a grant, which a share of the price may answer (「按购置价的15%给予补贴」)
    granted = analyze("对新购置工业无人机的企业补贴多少？", segmenter)
    assert granted.unit == GRANT_ASKED and granted.unit_fits("15%") and granted.unit_fits("3000元")
    assert not granted.unit_fits("1年")


def test_a_rate_per_something_is_in_its_unit(segmenter):
    q = analyze("夏天高温补贴一个月有多少？", segmenter)
    assert q.unit_fits("1600元/月") and q.unit_fits("300元")
    assert not q.unit_fits("4个月")


def _said(c):
    """A literal sentence's coverage, and the words of the question it says (their characters)."""
    return c.coverage, tuple(w for w in ("单身", "开学", "月", "退", "岁", "申请") if w in c.text)


def test_the_notices_bound_of_the_askers_figure_goes_first(segmenter):
    fine = sentence("未取得从业资格证从事网约车经营的，对驾驶员处200元以上2000元以下罚款；", start=200)
    age = sentence("（四）年龄不超过60周岁，身体健康；", coverage=0.2, start=100)
    years = sentence("（一）具有3年以上驾驶经历；", coverage=0.3, start=50)
    document = {"a.txt": [fine, years, age]}
    TEXT = "\n" * 300
    q = analyze("我今年62了，还能考网约车司机的资格证吗？", segmenter)
    ranked = bound_first(q, [fine], document.__getitem__, _said, lambda source: TEXT)
    assert ranked[0].text == age.text and ranked[1] is fine
    q = analyze("驾照刚拿两年，能报网约车从业资格吗？", segmenter)
    assert bound_first(q, [fine], document.__getitem__, _said, lambda source: TEXT)[0].text == years.text
    # a date's year is no measure; a figure question is not answered this way
    q = analyze("我家孩子2019年10月生的，能报名吗？", segmenter)
    assert bound_first(q, [fine], document.__getitem__, _said, lambda source: TEXT) == [fine]
    q = analyze("我今年62了，罚多少钱？", segmenter)
    assert bound_first(q, [fine], document.__getitem__, _said, lambda source: TEXT) == [fine]


def _index(text: str):
    """An index of one document whose numbered lines without a comma are its headings (as ingest
    marked 「（一）新生儿监护人应当…申报出生登记。」 in probe42) and whose lines are its sentences."""
    headings, sentences, at = [], [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        if body:
            sentences.append(SimpleNamespace(start=at, end=at + len(body)))
            if body.startswith(("一、", "二、", "三、")):
                headings.append(SimpleNamespace(level=1, start=at, end=at + len(body)))
            elif body.startswith("（") and "，" not in body:  # (a line of clauses is body text)
                headings.append(SimpleNamespace(level=2, start=at, end=at + len(body)))
        at += len(line)
    chunk = SimpleNamespace(sentences=sentences)
    return SimpleNamespace(documents={"a.txt": SimpleNamespace(text=text, headings=headings)},
                           chunks_of=lambda source: [chunk])


def test_an_item_that_says_a_whole_sentence_is_no_heading_over_the_next():
    text = ("翀阳县新生儿出生一件事联办指南\n二、时限要求\n"
            "（一）新生儿监护人应当在新生儿出生后30日内申报出生登记。\n"
            "（二）参加城乡居民基本医疗保险的，应当在出生后3个月内办理参保缴费。\n")
    index = _index(text)

    def line(words: str):
        at = text.index(words)
        return sentence(text[at : text.index("\n", at)], start=at)

    assert section_opening(index, line("（一）新生儿")) is None
    # a label heading still opens its section
    opened = section_opening(index, line("二、时限要求"))
    assert opened is not None and opened.text.startswith("（一）新生儿")


# a real index ------------------------------------------------------------------------------------
BIRTH = """翀阳县新生儿出生“一件事”联办指南

一、办理事项
出生医学证明、户口登记、医保参保登记、社会保障卡申领。
二、时限要求
（一）新生儿监护人应当在新生儿出生后30日内申报出生登记。
（二）参加城乡居民基本医疗保险的，应当在出生后3个月内办理参保缴费，缴费后自出生之日起享受待遇。
三、咨询电话
翀阳县政务服务中心0731-8862001。
"""

HEAT = """璩川市夏季高温津贴发放实施细则

第一条　每年6月1日至9月30日，日最高气温达到35℃以上，用人单位安排劳动者露天作业的，应当发放高温津贴。
第二条　高温津贴按日发放，标准如下：
日最高气温｜露天作业（每人每天）｜室内高温作业（每人每天）
35℃—36.9℃｜12元｜8元
37℃—38.9℃｜18元｜12元
39℃及以上｜25元｜16元
第三条　用人单位未按规定发放高温津贴的，由市人力资源和社会保障局责令限期支付。
"""

TAX = """翀阳县二手住房契税补贴办法

一、契税税率
档次｜住房面积｜契税税率
家庭首套住房｜90平方米及以下｜1%
家庭首套住房｜90平方米以上｜1.5%
家庭第二套住房｜90平方米及以下｜1%
家庭第二套住房｜90平方米以上｜2%
二、补贴标准
按实际缴纳契税的50%给予补贴。
"""


DRIVER = """翀阳县网约车驾驶员从业资格考试报名须知

一、报名条件
（一）取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历；
（二）无交通肇事犯罪记录；
（三）年龄不超过60周岁，身体健康；
二、违规处理
未取得从业资格证从事网约车经营的，由交通运输主管部门对驾驶员处200元以上2000元以下罚款。
"""


@pytest.fixture(scope="module")
def notices(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "bounds",
                             {"birth.txt": BIRTH, "heat.txt": HEAT, "tax.txt": TAX, "driver.txt": DRIVER},
                             folder="notices")


def test_the_askers_age_against_the_notices_bound_answers_yes_or_no(notices):
    old = notices.ask("我今年62了，在翀阳县还能考网约车司机的资格证吗？")
    assert old.short.startswith("不是") and "不超过60周岁" in old.short
    young = notices.ask("我今年45了，在翀阳县能考网约车司机的资格证吗？")
    assert not young.short.startswith("不是") and "不超过60周岁" in young.short


def test_a_row_read_under_its_header_answers_a_temperature_in_du(notices):
    answer = notices.ask("璩川市那天最高气温37.5度，室内高温作业的津贴当天有多少？")
    assert not answer.refused
    assert "12元" in answer.short and answer.citations[0].quote.startswith("37℃—38.9℃")


def test_a_row_of_the_same_table_whose_range_holds_the_figure_answers(notices):
    answer = notices.ask("翀阳县买第二套二手房，120平的，契税按多少算？")
    assert "2%" in answer.short and "90平方米以上" in answer.short


def test_a_bound_that_misses_the_figure_gives_way_to_the_other_case_on_its_line(segmenter):
    within = sentence("开学后1个月内申请停乘的，退还当学期乘车费的50%；")
    after = sentence("超过1个月申请的，不予退费。", start=len(within.text))
    q = analyze("开学两个月了不想坐校车，钱能退吗？", segmenter)
    line = within.text + after.text + "\n"
    ranked = bound_first(q, [within], {"a.txt": [within, after]}.__getitem__, _said, lambda s: line)
    assert ranked[0].text == after.text and ranked[1] is within
    # not a case of another line
    apart = sentence("超过1个月申请的，不予退费。", start=len(within.text) + 1)
    lines = within.text + "\n" + apart.text + "\n"
    assert bound_first(q, [within], {"a.txt": [within, apart]}.__getitem__, _said,
                       lambda s: lines) == [within]
    # a figure the bound holds keeps its sentence
    q = analyze("开学才1个月，不想坐了，钱能退吗？", segmenter)
    assert bound_first(q, [within], {"a.txt": [within, after]}.__getitem__, _said,
                       lambda s: line) == [within]
    # nor a general rule in place of the asker's own case (「我单身」)
    single = sentence("单身人员申请的，须年满30周岁；")
    adult = sentence("申请人年满18周岁。", start=len(single.text))
    q = analyze("我单身，今年27岁，能申请公租房吗？", segmenter)
    line = single.text + adult.text + "\n"
    assert bound_first(q, [single], {"a.txt": [single, adult]}.__getitem__, _said, lambda s: line) == [single]


def test_a_deadline_is_asked_of_the_act_after_it(segmenter):
    from agent.offline.gather.rank import deadline_act_first

    served = sentence("4. 送达：自作出决定之日起20日内，将《认定工伤决定书》送达受伤害职工和用人单位。")
    filed = sentence("（一）所在单位应当自事故伤害发生之日起30日内提出工伤认定申请。", score=0.9, start=100)
    q = analyze("工人在厂里受伤了，公司最晚多少天内要去报工伤认定？", segmenter)
    assert deadline_act_first(q, [served, filed]) == [filed, served]
    # the act the best sentence already says keeps it; a question of no deadline is not moved
    assert deadline_act_first(q, [filed, served]) == [filed, served]
    q = analyze("认定工伤决定书多少天内送达？", segmenter)
    assert deadline_act_first(q, [served, filed]) == [served, filed]
    q = analyze("工伤认定的电话是多少？", segmenter)
    assert deadline_act_first(q, [served, filed]) == [served, filed]


def test_a_time_asked_from_an_event_is_one_counted_from_an_event(segmenter):
    from agent.offline.gather.rank import deadline_act_first

    window = sentence("同一户一年内申请救助金合计不得超过3万元。")
    limit = sentence("第五条 前条申请，应于灾害发生之日起两个月内提出。", score=0.9, start=100)
    q = analyze("家里遭了灾以后多久之内要申请？", segmenter)
    assert deadline_act_first(q, [window, limit]) == [limit, window]
    # a question that counts from no event keeps the act it asks (申请 after 一年内)
    q = analyze("多久之内要申请？", segmenter)
    assert deadline_act_first(q, [window, limit]) == [window, limit]


def test_a_range_of_time_in_two_units_holds_a_length_in_either():
    row = "夜间20分钟—3小时（含）｜4元"
    assert range_fit(row, "晚上停了两个半小时，收多少钱？") == 1
    assert range_fit(row, "晚上停了4小时，收多少钱？") == -1
    assert range_fit("6个月—2年｜减半", "只干了一年半") == 1
    assert range_fit("6个月—2年｜减半", "干了3年") == -1


def test_what_is_free_is_asked_of_the_line_that_waives_the_charge(segmenter):
    from agent.offline.gather.rank import free_first

    charged = sentence("超过1小时的，每小时收费3元，当日累计不超过30元。")
    waived = sentence("来访车辆临时停放不超过1小时的，免费；", score=0.95, start=40)
    q = analyze("外面的车临时停一会儿，多久以内不收钱？", segmenter)
    assert free_first(q, [charged, waived]) == [waived, charged]
    # a yes or no of a charge (收不收钱) is not asked of the free line
    q = analyze("外面的车临时停一会儿，收不收钱？", segmenter)
    assert free_first(q, [charged, waived]) == [charged, waived]
    # nor of a free line without a figure in the asked unit (another group's: 身高, not 多久)
    child = sentence("身高1.2米以下儿童免费停放。", score=0.95, start=40)
    q = analyze("外面的车临时停一会儿，多久以内不收钱？", segmenter)
    assert free_first(q, [charged, child]) == [charged, child]


def test_a_deadline_is_looked_for_below_a_best_sentence_that_tells_no_time(segmenter):
    from agent.offline.gather.rank import undated_deadline_first

    how = sentence("七、申请方式：申请人应将文件亲送或邮寄至本局就业服务科。", score=4.4)
    others = [sentence(f"（{i}）见习单位应当按月发放生活补助。", score=3.9 - 0.1 * i, start=40 * i) for i in range(1, 7)]
    window = sentence("五、申请期间：自2026年2月1日起至2026年4月30日止受理申请。", score=3.0, start=400)
    q = analyze("这个见习计划最晚什么时候要把申请送出去？", segmenter)
    assert undated_deadline_first(q, [how, *others, window])[0] == window
    # a best sentence that tells a time keeps its place; so does one when no deadline is asked
    dated = sentence("本局于2026年5月20日前完成审查。", score=4.4)
    assert undated_deadline_first(q, [dated, *others, window])[0] == dated
    q = analyze("这个见习计划怎么申请？", segmenter)
    assert undated_deadline_first(q, [how, *others, window])[0] == how


def test_who_need_not_pay_is_asked_of_the_line_that_waives_the_charge(segmenter):
    from agent.offline.gather.rank import free_first

    settled = sentence("财政补助资金实行“先服务、后结算”，由区教育局根据参与学生人数按学期核拨到校。")
    waived = sentence("下列学生免收课后服务费：（一）城乡最低生活保障家庭学生；", score=0.98, start=40)
    q = analyze("临江区哪几类学生可以不用交课后服务费？", segmenter)
    assert q.qtype == "list"
    assert free_first(q, [settled, waived]) == [waived, settled]
    # a list asked of nothing waived keeps its order
    q = analyze("临江区哪几类学生可以参加课后服务？", segmenter)
    assert free_first(q, [settled, waived]) == [settled, waived]

