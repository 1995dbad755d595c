"""The asker's situation is not the question, and other shapes of probe47 (read in session 33,
issue 9): 「做完体检，这张证明多久内有用」 asks how long the paper is valid, not how long the check
takes; 「年初几个月少发的钱，什么时候补」 asks a date; a 的-phrase over two clauses names the case, not
the figure; a window that qualifies by date (「…期间的车辆」) is no deadline; an increase the notice
states over its standard is the difference asked; a row named by a figure (「第三年」 → 「第3年」) is
found however far down; a fraction is a share; a rare character OpenCC would turn into one outside
the Basic Multilingual Plane keeps its form. The strings are written here for their shape, not
copied from a probe."""

from __future__ import annotations

import pytest
from offline_support import calculate, sentence

from agent.offline.extract.answer_clause import figure_clause
from agent.offline.extract.figures import figures, numerals
from agent.offline.extract.stages import closing
from agent.offline.gather.rank import row_named_first, time_limit_first
from agent.offline.understand.question import analyze
from ingest.normalize import normalize, normalize_query
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def test_a_rare_character_keeps_its_form_when_opencc_would_leave_the_basic_plane(segmenter):
    assert normalize_query("在皑湋市做完体检") == "在皑湋市做完体检"
    assert normalize("皑湋市體檢中心").text == "皑湋市体检中心"  # the rest is still simplified
    assert normalize_query("䌰") == "䌰"
    known = Segmenter(["皑湋市"])
    assert analyze("在皑湋市做完驾驶人体检，这张证明多久内有用？", known).names == ("皑湋市",)


def test_a_done_word_in_the_askers_situation_asks_no_time_limit(segmenter):
    q = analyze("在翀阳县做完驾驶人体检，这张证明多久内有用？", segmenter)
    valid = sentence("体检证明自出具之日起6个月内有效。", score=3.6)
    mailed = sentence("网上办理的，3个工作日内办结并寄出。", score=3.3, start=40)
    assert time_limit_first(q, [valid, mailed]) == [valid, mailed]
    # the done word in the asking clause still asks the service's time limit
    q = analyze("在翀阳县换驾驶证，多少天能办下来？", segmenter)
    assert time_limit_first(q, [valid, mailed]) == [mailed, valid]


def test_a_phrase_over_two_clauses_names_the_case_not_the_figure(segmenter):
    q = analyze("翀阳县要是把开了五年的油车报废了再换电车，还能多拿多少？", segmenter)
    line = sentence("报废本人名下注册登记满3年的燃油乘用车，并购买新能源乘用车的，在上述标准基础上再增加2000元。")
    assert figure_clause(q, [line]) == "在上述标准基础上再增加2000元"


def test_a_window_that_qualifies_by_date_is_no_deadline(segmenter):
    q = analyze("翀阳县去年底提的电车，补贴申请最晚拖到哪天？", segmenter)
    line = "购车发票开具日期在2025年3月1日至2025年12月31日期间的车辆，消费者应于2026年1月20日前提交申请。"
    assert closing(q, "购车发票开具日期在2025年3月1日至2025年12月31日期间的车辆", normalize_query(line)) == (
        "消费者应于2026年1月20日前提交申请。".rstrip("。"))
    # a window of the act itself still gives its last day
    assert closing(q, "申报时间为2025年3月1日至2025年3月31日", "申报时间为2025年3月1日至2025年3月31日。") == ""


def test_a_figure_in_the_askers_account_does_not_make_a_when_question_a_count(segmenter):
    q = analyze("翀阳县年初几个月按老标准少发的钱，什么时候补给我们？", segmenter)
    assert (q.qtype, q.unit) == ("when", "")
    assert analyze("翀阳县的补贴，几个月发一次？", segmenter).qtype == "number"
    assert analyze("翀阳县年初几个月少发的钱，补多少？", segmenter).qtype == "number"


def test_an_increase_stated_over_the_standard_is_the_difference_asked(segmenter):
    done = calculate(segmenter, "翀阳县我爸72岁一级残疾，低保户，生活补贴比标准还能多给多少？",
                     "年满60周岁的一级、二级困难残疾人，生活补贴在上述标准基础上每人每月另加20元。",
                     "一级｜每人每月150元｜每人每月200元")
    assert done.settled and done.short == "生活补贴在上述标准基础上每人每月另加20元"
    # two figures and no stated increase are still subtracted
    done = calculate(segmenter, "翀阳县一级比二级每月多给多少？", "一级每人每月150元，二级每人每月100元。")
    assert done.settled and "50" in done.short


def test_a_row_named_by_a_figure_in_words_is_found_further_down(segmenter):
    q = analyze("翀阳县创业贷款到第三年，利息还补多少？", segmenter)
    top = sentence("每一事业补贴之贷款本金以200万元为限。", score=3.77)
    others = [sentence(f"第{i}条其他规定。", score=3.5 - i / 100, start=20 * i) for i in range(1, 9)]
    row = sentence("第3年｜补贴二分之一", score=3.31, start=400)
    assert row_named_first(q, [top, *others, row])[0] is row
    # a row's serial number is no figure the question says (「一共有几家」)
    serial = sentence("1｜青石家庭农场｜8.5万元", score=3.31, start=400)
    q = analyze("翀阳县这次一共有几家家庭农场列入奖补名单？", segmenter)
    assert row_named_first(q, [top, *others, serial])[0] is top


def test_a_fraction_is_a_share_that_answers_a_grant(segmenter):
    assert [f.text for f in figures("第3年｜补贴二分之一")] == ["3年", "二分之一"]
    assert "三分之一" in [f.text for f in numerals("补贴三分之一的费用")]
    q = analyze("翀阳县创业贷款利息能补多少？", segmenter)
    assert q.unit_fits("二分之一") and q.unit_fits("50%") and not q.unit_fits("3年")


def test_a_bound_from_below_said_with_lower_than():
    from agent.offline.extract.tables import range_fit

    question = "翀阳县一台裸车价7万出头的小电车，能拿补贴吗？"
    assert range_fit("裸车价格低于8万元的车型不予补贴。", question, bounds=True) == 1
    assert range_fit("裸车价格低于6万元的车型不予补贴。", question, bounds=True) == -1
    assert range_fit("裸车价格不低于8万元的", question, bounds=True) != 1  # 不低于 is the other way


def test_a_level_and_a_locative_is_the_askers_place_not_an_unknown_noun(segmenter):
    from offline_support import draft
    from test_notice_rows_contacts import _Docs

    from agent.offline.check.rules import unknown_noun

    line = "新申请两项补贴的，可到县政务服务中心一楼7号窗口申请。"
    docs = _Docs(line)
    top = sentence(line, source="notice.txt")
    assert unknown_noun(draft(segmenter, "翀阳县第一次申请两项补贴，去县里哪个窗口办？", top), docs) is None
    # the thing asked beside it is still looked up (「柜台」 of a notice that never says it)
    refused = unknown_noun(draft(segmenter, "翀阳县第一次申请两项补贴，去县里哪个柜台办？", top), docs)
    assert refused is not None and "柜台" in refused.detail and "县里" not in refused.detail


def test_a_day_of_every_month_is_looked_for_further_down(segmenter):
    from agent.offline.gather.rank import typed_first

    q = analyze("翀阳县的残疾人补贴每个月几号之前能打到卡上？", segmenter)
    rows = [sentence(f"{i}级残疾人每人每月{200 - 10 * i}元。", score=3.3 - i / 100, start=30 * i) for i in range(1, 9)]
    dated = sentence("第十一条　本细则自2025年3月1日起施行。", score=3.2, start=300)
    monthly = sentence("补贴资金按月通过社会保障卡发放，每月20日前发放到位。", score=3.1, start=400)
    assert typed_first(q, [*rows, dated, monthly])[0] is monthly
    # a question of one date takes the close date as before
    q = analyze("翀阳县的残疾人补贴从哪天开始施行？", segmenter)
    assert typed_first(q, [rows[0], dated, monthly])[0] is dated



def test_a_closing_day_named_as_such_is_a_closing_date():
    from agent.offline.gather.rank import CLOSING_DATE

    assert CLOSING_DATE.search("受理签约截止日为2026年11月30日。")
    assert CLOSING_DATE.search("申请截止时间为2026年4月30日。")
    assert not CLOSING_DATE.search("截止日前提交的申请予以受理。")


def test_how_often_it_is_paid_is_asked_and_answered_by_the_period(segmenter):
    from agent.offline.gather.rank import frequency_fit, stated_frequency, typed_first

    quarterly = "两项补贴按季度发放，于每季度首月10日前发放至补贴对象的一卡通。"
    assert frequency_fit("翀阳县的残疾人补贴是每个月发一次吗？", quarterly) == -1
    assert frequency_fit("翀阳县的残疾人补贴是每个季度发一次吗？", quarterly) == 1
    assert frequency_fit("翀阳县的残疾人补贴每个月多少钱？", quarterly) == 0
    assert stated_frequency("翀阳县扶助金多长时间发一次？", "特别扶助金按季度发放。") == "特别扶助金按季度发放"
    assert stated_frequency("翀阳县扶助金多长时间能批下来？", "特别扶助金按季度发放。") == ""
    q = analyze("翀阳县的残疾人补贴是每个月发一次吗？", segmenter)
    rows = [sentence(f"{i}级残疾人每人每月{200 - 10 * i}元。", score=3.3 - i / 100, start=30 * i) for i in range(1, 8)]
    paid = sentence(quarterly, score=3.1, start=400)
    assert typed_first(q, [*rows, paid])[0] is paid


def test_a_yes_or_no_of_another_period_is_a_no(small_notices):
    answer = small_notices.ask("翀阳县的残疾人两项补贴是每个月发一次吗？")
    assert answer.text.startswith("不是。") and "按季度发放" in answer.text.split("\n", 1)[0]


PAYMENTS = """翀阳县困难残疾人两项补贴实施办法

第一条　困难残疾人生活补贴标准为每人每月150元。
第二条　重度残疾人护理补贴标准为每人每月200元。
第三条　年满60周岁的一级、二级困难残疾人，生活补贴在上述标准基础上每人每月另加20元。
第四条　两项补贴按季度发放，于每季度首月10日前发放至补贴对象的一卡通。
"""


@pytest.fixture(scope="module")
def small_notices(tmp_path_factory, embedder):
    from support import open_small_corpus

    return open_small_corpus(tmp_path_factory, embedder, "situations", {"payments.txt": PAYMENTS}, folder="notices")


def test_an_agent_noun_does_not_say_the_act_asked(segmenter):
    from agent.offline.gather.rank import deadline_act_first

    q = analyze("翀阳县车子上完牌以后，几天之内得把补贴申请交上去？", segmenter)
    paid = sentence("公示无异议的，由市财政局在公示期满后15个工作日内将补贴资金发放至申请人银行账户。", score=3.3)
    applied = sentence("申请人应自车辆注册登记之日起60日内提出申请，逾期不予受理。", score=3.25, start=90)
    assert deadline_act_first(q, [applied, paid]) == [applied, paid]


def test_a_sum_the_notice_names_in_its_own_words_is_written():
    from agent.offline.check.rules import _compound_written

    assert _compound_written("油费", "补贴", "残疾人机动轮椅车燃油补贴每人每年600元")
    assert _compound_written("买车", "补贴", "领取新能源汽车购置补贴的车辆2年内不得过户")
    # a sum of another kind is not (「护理补贴」 of a notice that pays a 生活补贴 only)
    assert not _compound_written("护理", "补贴", "困难残疾人生活补贴每人每月150元")


def test_a_fee_the_thesaurus_does_not_list_is_money_written_alike(segmenter):
    from agent.lexicon.thesaurus import names_money
    from agent.offline.check.rules import _sum_written_alike

    assert names_money("暖气费") and names_money("医药费") and not names_money("暖气")
    assert _sum_written_alike("暖气费", lambda: "居民住宅供暖费按应缴金额的50%减免")
    assert not _sum_written_alike("暖气费", lambda: "居民住宅物业费按月收取")


def test_the_aspect_particle_glued_to_a_noun_is_no_topic():
    from agent.offline.check.rules import _aspect_glued

    assert _aspect_glued("过车", "我跟老婆名下都从来没有过车，头一回买电车，补贴能多出多少？")
    assert not _aspect_glued("过户", "车买了多久以后能过户？")


def test_a_proportion_asked_is_answered_by_a_share_or_refused(segmenter):
    from agent.offline.extract.answer_clause import asks_share

    assert asks_share("门诊慢特病报销比例是多少？") and asks_share("住三级医院能报销多少比例？")
    assert not asks_share("比例高的那档要交多少钱？")
    done = calculate(segmenter, "翀阳县的门诊慢特病报销比例是多少？",
                     "区医保服务大厅地址：翀阳县长庚路102号区政务服务中心2楼。", "受理时间为工作日9:00—17:00。")
    assert done.refusal is not None and done.refusal.rule == "calc/share"
    done = calculate(segmenter, "翀阳县的门诊慢特病报销比例是多少？", "门诊慢特病报销比例为65%。", "受理时间为工作日9:00—17:00。")
    assert done.refusal is None


APPLIANCES = """翀阳县节能家电以旧换新补助要点

一、补助项目及金额如下：
项目｜能源效率条件｜每台补助金额
冷气机｜能源效率1级｜1,000元
电冰箱｜能源效率1级或2级｜800元
除湿机｜能源效率1级｜500元
"""


def test_a_thing_of_the_rows_kind_the_table_lacks_is_no_row(segmenter):
    from agent.offline.extract.tables import unlisted_row
    from agent.offline.gather.evidence import Candidate

    def index_of(text):
        from types import SimpleNamespace

        from ingest.normalize import normalize_query as nq
        lines, at, rows = text.splitlines(keepends=True), 0, []
        for line in lines:
            if "｜" in line:
                rows.append(Candidate("a.txt", at, at + len(line.rstrip()), line.rstrip(), nq(line.rstrip()), 0, 0.9, 0.5, 3.0, ()))
            at += len(line)
        return SimpleNamespace(documents={"a.txt": SimpleNamespace(text=text)}), rows

    index, rows = index_of(APPLIANCES)
    q = analyze("翀阳县买一级能效的洗衣机，可以补助多少钱？", segmenter)
    assert unlisted_row(q, index, rows[1:]) == "洗衣机"
    # a thing the table lists is its row
    assert unlisted_row(analyze("翀阳县买一级能效的电冰箱，可以补助多少钱？", segmenter), index, rows[1:]) == ""


def test_the_phone_of_an_office_is_on_a_line_that_names_it(segmenter):
    from offline_support import LiteralDocuments, draft

    from agent.offline.check.rules import other_office

    docs = LiteralDocuments({"a.txt": "通知\n正文\n"}, segmenter=segmenter)
    other = sentence("市车辆管理所驾驶证业务科：0968-3312122")
    refused = other_office(draft(segmenter, "翀阳县中医院的驾驶人体检室电话是多少？", other), docs)
    assert refused is not None and refused.rule == "other-office" and "体检室" in refused.detail
    own = sentence("市中医院驾驶人体检室：0968-3312000")
    assert other_office(draft(segmenter, "翀阳县中医院的驾驶人体检室电话是多少？", own), docs) is None
    # an office named by its head on the line, and a phone of no office, are answered
    site = sentence("征收现场指挥部：仓前街45号，咨询电话：0593-2268017。")
    assert other_office(draft(segmenter, "翀阳县仓前街那边拆迁指挥部电话是多少？", site), docs) is None
    assert other_office(draft(segmenter, "翀阳县补贴的事打哪个电话问？", other), docs) is None


def test_the_line_of_the_office_the_question_names_goes_first(segmenter):
    from agent.offline.gather.rank import office_phone_first
    from agent.offline.understand.contact import offices_named

    q = analyze("翀阳县租金补贴想打电话问住宅科，要打几号？", segmenter)
    assert offices_named(q) == ("住宅科",)
    hotline = sentence("或拨打租金补贴专线：0800-211-338。", score=3.3)
    office = sentence("答：请洽翀阳县政府都市发展处住宅科，电话：(03)5512306转2410。", score=3.1, start=60)
    assert office_phone_first(q, [hotline, office]) == [office, hotline]
    # a question that names no office keeps the order
    q = analyze("翀阳县租金补贴打哪个电话问？", segmenter)
    assert office_phone_first(q, [hotline, office]) == [hotline, office]
