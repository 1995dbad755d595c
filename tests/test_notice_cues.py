"""Residents' questions about notices (probes 34 and 35, session 26): what the question asks,
read off its form and its asker's figure, and what a notice says without the question's word.
Literal strings: no index, no model."""

from __future__ import annotations

from dataclasses import replace

import pytest
from offline_support import LiteralDocuments, draft, sentence

from agent.offline.check import rules
from agent.offline.extract.span import TIME_SPAN
from agent.offline.extract.stages import Calculate
from agent.offline.extract.tables import named_cell
from agent.offline.gather.rank import capped_first, typed_first, unconditioned_first
from agent.offline.understand.question import analyze
from agent.types import Refusal
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def _named(d, place: str):
    return replace(d, q=replace(d.q, names=(place,)))  # as the Analyze stage names the place


# understand ------------------------------------------------------------------------------------
def test_spoken_what_and_a_range_of_days_ask_a_time(segmenter):
    assert analyze("这个补贴的钱啥时候打到卡上？", segmenter).qtype == "when"
    assert analyze("下半年那批几号到几号报？", segmenter).qtype == "when"
    assert analyze("想装燃气还要准备啥材料？", segmenter).kind == "材料"
    assert analyze("现场办理去几号窗口？", segmenter).qtype != "when"
    # 「電話是幾號」 asks the number to dial, as 「电话是多少」 does
    assert analyze("縝沘市就業服務中心的電話是幾號？", segmenter).qtype == "number"
    assert analyze("服务中心的电话几号？", segmenter).qtype == "number"


def test_a_numbered_window_or_door_is_no_day():
    assert [m.group(0) for m in TIME_SPAN.finditer("携带材料到市民中心B区2楼12号窗口现场办理")] == []
    assert [m.group(0) for m in TIME_SPAN.finditer("地址：滨江大道66号")] == []
    assert [m.group(0) for m in TIME_SPAN.finditer("每月12号前缴纳")] == ["12号"]


# check -----------------------------------------------------------------------------------------
FUNERAL = ("漳溪市民政局关于实施基本殡葬服务费用减免政策的公告\n"
           "遗体火化减免标准：每具650元。\n"
           "漳溪市殡仪馆（24小时服务）：0742-5316999\n")


def test_a_phone_without_the_word_answers_a_phone_question(segmenter):
    docs = LiteralDocuments({"a.txt": FUNERAL}, segmenter=segmenter)
    line = "漳溪市殡仪馆（24小时服务）：0742-5316999"
    d = _named(draft(segmenter, "漳溪市殡仪馆全天候的电话是多少？", sentence(line, start=FUNERAL.index(line))), "漳溪市")
    assert rules.unknown_noun(d, docs) is None
    assert rules.quantity(d, docs) is None
    # a notice that gives no number still has no phone
    bare = LiteralDocuments({"a.txt": FUNERAL.replace("：0742-5316999", "设在城东")}, segmenter=segmenter)
    d = _named(draft(segmenter, "漳溪市殡仪馆全天候的电话是多少？", sentence("漳溪市殡仪馆（24小时服务）设在城东")), "漳溪市")
    assert rules.unknown_noun(d, bare) == Refusal("unknown-noun", "asked about 电话, which the documents never mention")


def test_an_age_the_notice_states_in_years_is_no_unknown_noun(segmenter):
    text = "濉峪市青年人才安家補助辦法\n第三條 申請人應符合下列資格：\n一、中華民國國民，年滿20歲至45歲。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    d = _named(draft(segmenter, "濉峪市的安家补助，申请人年纪有什么限制？", sentence("一、中華民國國民，年滿20歲至45歲。")), "濉峪市")
    assert rules.unknown_noun(d, docs) is None
    # a sum of money is no such quantity: 元 stands in every notice, whatever sum is asked
    from agent.offline.extract.figures import states_quantity

    assert states_quantity("年纪", "年满20岁至45岁") and not states_quantity("金额", "营收达2.6亿元")
    # without an age in it, the notice does not say
    young = LiteralDocuments({"a.txt": text.replace("年滿20歲至45歲", "設有戶籍")}, segmenter=segmenter)
    assert rules.unknown_noun(d, young) == Refusal(
        "unknown-noun", "asked about 年纪, which the notice about 濉峪市 never mentions")


def test_the_askers_place_word_is_no_unknown_noun_of_a_where_question(segmenter):
    text = "洮岭县医疗救助政策问答\n答：出院之日起3个月内，到县政务服务中心2楼医保窗口申请。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    line = "答：出院之日起3个月内，到县政务服务中心2楼医保窗口申请。"
    d = _named(draft(segmenter, "洮岭县医疗救助现场去哪儿办？", sentence(line, start=text.index(line))), "洮岭县")
    assert "现场" in d.q.asked and rules.unknown_noun(d, docs) is None


# gather ----------------------------------------------------------------------------------------
def test_an_errand_is_done_where_the_notice_says_to_apply(segmenter):
    signature = sentence("洮岭县医疗保障局    2025年5月20日")
    place = sentence("答：出院之日起3个月内，携带身份证到县政务服务中心2楼医保窗口申请。", score=0.98)
    d = draft(segmenter, "洮岭县医疗救助去哪儿办？", signature, place)
    assert typed_first(d.q, list(d.candidates))[0] is place


def test_the_askers_own_figure_is_no_answer(segmenter):
    when = sentence("无工作单位的城镇居民，年满60周岁时申领。")
    row = sentence("城镇无业居民一次性奖励｜1500元｜一次性", score=0.8)
    d = draft(segmenter, "没单位的城镇居民满60岁了，一次能领多少奖励？", when, row)
    assert typed_first(d.q, list(d.candidates))[0] is row
    # a figure the asker did not give answers a question that asks no unit
    d = draft(segmenter, "没单位的城镇居民满55岁了，一次能领多少？", when, row)
    assert typed_first(d.q, list(d.candidates))[0] is when
    # (one that names the grant, 奖励, asks a sum of money: the row's 1500元 answers it)
    d = draft(segmenter, "没单位的城镇居民满55岁了，一次能领多少奖励？", when, row)
    assert typed_first(d.q, list(d.candidates))[0] is row


def test_the_date_of_the_asked_act_said_with_another_complement(segmenter):
    report = sentence("享受补贴的家庭应于每年5月前申报家庭人口、收入和住房变化情况。")
    form = sentence("1. 《住房租赁补贴申请表》一式两份；", score=0.98)
    paid = sentence("补贴按季度发放，于每季度首月15日前打入申请人社会保障卡金融账户。", score=0.95)
    d = draft(segmenter, "这个租赁补贴的钱啥时候打到卡上？", report, form, form, form, form, paid)
    assert typed_first(d.q, list(d.candidates))[0] is paid
    docs = LiteralDocuments({"a.txt": ""}, segmenter=segmenter)
    assert rules.other_event(draft(segmenter, "这个租赁补贴的钱啥时候打到卡上？", paid), docs) is None
    assert rules.other_event(draft(segmenter, "这个租赁补贴的钱啥时候打到卡上？", report), docs) == Refusal(
        "other-event", "the dated sentence is about another event")


def test_a_best_sentence_with_the_asked_cap_keeps_its_place(segmenter):
    def notice(source: str) -> str:
        return "琬溪区按比例安排残疾人就业问答"

    cap = sentence("答：对超比例安排的，每超过1人，每年奖励2000元，单个单位每年最高奖励10万元。")
    rule = sentence("答：用人单位安排残疾人就业的比例不低于本单位在职职工总数的1.5%。", score=0.97)
    d = draft(segmenter, "琬溪区单位多招了残疾人，一年最多能奖多少？", cap, rule)
    assert unconditioned_first(d.q, list(d.candidates), notice)[0] is cap
    # nor does a runner-up without the act asked take it (「会罚多少」: 罚款)
    fine = sentence("擅自改动的，责令限期改正，对个人处5000元以上5万元以下罚款。")
    fee = sentence("（二）老旧小区居民用户新装，户内安装费每户2280元（含燃气表）；", score=0.98)
    d = draft(segmenter, "个人私自挪燃气表，会罚多少钱？", fine, fee)
    assert unconditioned_first(d.q, list(d.candidates), notice)[0] is fine


def test_a_table_row_with_a_cap_column_is_capped(segmenter):
    row = sentence("第一类｜居民医保｜500元｜60%｜3000元")
    extra = sentence("同时患有两种及以上第一类病种的，每增加一个病种，年度支付限额增加1000元，最高不超过8000元。", score=0.98)
    d = draft(segmenter, "居民医保门诊慢性病一年最多能报多少钱？", row, extra)
    assert capped_first(d.q, list(d.candidates))[0] is extra
    assert capped_first(d.q, list(d.candidates), lambda c: "病种类别 参保类型 起付线 报销比例 年度支付限额")[0] is row


# extract: tables -------------------------------------------------------------------------------
AID = ("浔峪市城乡医疗救助实施细则\n"
       "对象类别｜年度起付标准｜救助比例｜年度救助限额\n"
       "最低生活保障对象｜不设起付线｜80%｜6万元\n"
       "低保边缘家庭成员｜1500元｜70%｜5万元\n")
INSURANCE = ("瑄岭县种植业保险保费补贴通知\n"
             "险种｜保险金额｜费率｜财政补贴比例｜农户自缴\n"
             "水稻｜每亩1000元｜5%｜75%｜每亩12.5元\n"
             "油菜｜每亩500元｜6%｜70%｜每亩9元\n")
FAMILY = ("瑭岭县计划生育奖励扶助通知\n"
          "项目｜年龄段｜标准\n"
          "农村奖励扶助｜60—69周岁｜每人每月100元\n"
          "农村奖励扶助｜70周岁及以上｜每人每月150元\n")


def _cell(segmenter, text: str, question: str, line: str):
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    d = draft(segmenter, question, sentence(line, start=text.index(line)))
    return named_cell(d.q, docs.index, list(d.candidates))


def test_a_question_for_the_most_is_the_cap_column(segmenter):
    cell = _cell(segmenter, AID, "低保边缘家庭一年住院救助最多能拿多少？", "低保边缘家庭成员｜1500元｜70%｜5万元")
    assert (cell.label, cell.value) == ("年度救助限额", "5万元")


def test_a_share_asked_is_the_share_column(segmenter):
    cell = _cell(segmenter, INSURANCE, "油菜的保险，政府补贴占保费多少？", "油菜｜每亩500元｜6%｜70%｜每亩9元")
    assert (cell.label, cell.value) == ("财政补贴比例", "70%")
    docs = LiteralDocuments({"a.txt": INSURANCE}, segmenter=segmenter)
    line = "油菜｜每亩500元｜6%｜70%｜每亩9元"
    d = Calculate(docs)(draft(segmenter, "油菜的保险，政府补贴占保费多少？", sentence(line, start=INSURANCE.index(line))))
    assert not d.settled and d.q.qtype == "number"  # stated in the row, not computed from its cells


def test_of_rows_with_one_name_the_one_whose_range_holds_the_askers_figure(segmenter):
    cell = _cell(segmenter, FAMILY, "我爸今年72岁，农村计生奖励扶助一个月多少钱？", "农村奖励扶助｜60—69周岁｜每人每月100元")
    assert cell.value == "每人每月150元"
    cell = _cell(segmenter, FAMILY, "我爸今年65岁，农村计生奖励扶助一个月多少钱？", "农村奖励扶助｜60—69周岁｜每人每月100元")
    assert cell.value == "每人每月100元"


FUNERAL_AID = ("湄溪区惠民殡葬补贴通知\n"
               "对象类别｜补贴金额\n"
               "特困供养人员｜2000元\n"
               "最低生活保障对象｜3000元\n"
               "低保边缘家庭成员｜2500元\n")


def test_a_group_named_by_its_short_form_names_its_row(segmenter):
    cell = _cell(segmenter, FUNERAL_AID, "湄溪区低保户家里老人去世了，殡葬补贴能领多少？", "低保边缘家庭成员｜2500元")
    assert (cell.name, cell.value) == ("最低生活保障对象", "3000元")
    # a group whose qualifier says more (低保 + 边缘) is another group
    cell = _cell(segmenter, FUNERAL_AID, "湄溪区低保边缘家庭老人去世了，殡葬补贴能领多少？", "低保边缘家庭成员｜2500元")
    assert (cell.name, cell.value) == ("低保边缘家庭成员", "2500元")


def test_a_row_the_table_would_have_and_has_not_is_refused(segmenter):
    from agent.offline.extract.tables import unlisted_row

    docs = LiteralDocuments({"a.txt": INSURANCE}, segmenter=segmenter)
    line = "水稻｜每亩1000元｜5%｜75%｜每亩12.5元"
    d = draft(segmenter, "种花生上保险，每亩保额是多少？", sentence(line, start=INSURANCE.index(line)))
    assert unlisted_row(d.q, docs.index, list(d.candidates)) == "花生"
    d = draft(segmenter, "种水稻上保险，每亩保额是多少？", sentence(line, start=INSURANCE.index(line)))
    assert unlisted_row(d.q, docs.index, list(d.candidates)) == ""


def test_a_look_alikes_table_does_not_refuse_the_best_sentences_notice(segmenter):
    from agent.offline.extract.tables import unlisted_row

    other = "璠溪县独生子女父母奖励办事指南\n项目｜标准｜期限\n独生子女父母奖励金｜每月20元｜至子女18周岁\n城镇无业居民一次性奖励｜1500元｜一次性\n"
    mine = "瑭溪县计划生育奖励通知\n企业职工中持有《独生子女父母光荣证》的，办理退休手续时一次性发放奖励金3000元。\n"
    docs = LiteralDocuments({"a.txt": mine, "b.txt": other}, segmenter=segmenter)
    said = "企业职工中持有《独生子女父母光荣证》的，办理退休手续时一次性发放奖励金3000元。"
    row = "独生子女父母奖励金｜每月20元｜至子女18周岁"
    d = draft(segmenter, "瑭溪县企业职工退休时独生子女父母能一次拿多少奖励？", sentence(said, "a.txt", start=mine.index(said)),
              sentence(row, "b.txt", score=0.9, start=other.index(row)))
    assert unlisted_row(d.q, docs.index, list(d.candidates)) == ""
    # the look-alike's own question is still read against its own table
    d = draft(segmenter, "璠溪县独生子女父母奖励金一次性给多少？", sentence(row, "b.txt", start=other.index(row)))
    assert unlisted_row(d.q, docs.index, list(d.candidates)) == "独生子女父母奖励金 一次性"


def test_the_first_time_is_no_first_batch(segmenter):
    from agent.offline.gather.rank import ordinal_first

    def notice(source: str) -> str:
        return "沅溪市引进人才安家补贴申领通知"

    batches = sentence("每年分两批受理：第一批3月1日至3月31日，第二批9月1日至9月30日。")
    bought = sentence("在本市首次购买商品住房的，另给予一次性购房补贴：博士10万元，硕士5万元。", score=0.9)
    d = draft(segmenter, "我是硕士，在沅溪市第一次买房，另外的购房补贴给多少？", bought, batches)
    assert ordinal_first(d.q, list(d.candidates), notice)[0] is bought
    # an item asked by its ordinal still goes first, whatever measure word follows it
    d = draft(segmenter, "沅溪市安家补贴第二批什么时候受理？", bought, batches)
    assert ordinal_first(d.q, list(d.candidates), notice)[0] is batches
    second = sentence("第2次违反规定的，处500元罚款。", score=0.9)
    d = draft(segmenter, "第二次违反规定罚多少？", bought, second)
    assert ordinal_first(d.q, list(d.candidates), notice)[0] is second


def test_animals_are_counted_in_one_anothers_classifiers(segmenter):
    from agent.offline.extract.figures import figures

    assert [f.text for f in figures("重点管理区每户限养1只犬")] == ["1只"]
    q = analyze("城区一户人家最多能养几条狗？", segmenter)
    assert q.unit == "条" and q.unit_fits("1只") and not q.unit_fits("300元")
    docs = LiteralDocuments({"a.txt": "泸溪县养犬登记办事指南\n（二）重点管理区每户限养1只犬；\n"}, segmenter=segmenter)
    assert rules.unit(draft(segmenter, "城区一户人家最多能养几条狗？", sentence("（二）重点管理区每户限养1只犬；")), docs) is None


def test_the_half_of_the_year_asked_picks_its_clause(segmenter):
    from agent.offline.extract.stages import in_asked_half

    line = "补贴每年受理两批，第一批为3月1日至3月31日，第二批为9月1日至9月30日。"
    q = analyze("下半年那一批几号开始报？", segmenter)
    assert in_asked_half(q, "第一批为3月1日至3月31日", line) == "第二批为9月1日至9月30日"
    q = analyze("上半年那一批几号开始报？", segmenter)
    assert in_asked_half(q, "第一批为3月1日至3月31日", line) == "第一批为3月1日至3月31日"


def test_a_sum_paid_once_is_no_monthly_sum(segmenter):
    docs = LiteralDocuments({"a.txt": ""}, segmenter=segmenter)
    once = sentence("企业职工中持有《独生子女父母光荣证》的，办理退休手续时一次性发放奖励金3000元。")
    asked = "孩子还没满18岁的独生子女父母，每个月有多少奖励金？"
    assert rules.period(draft(segmenter, asked, once), docs) == Refusal(
        "period", "asked a sum by the month or year; the best sentence gives one paid once")
    monthly = sentence("独生子女父母奖励金每月20元，自领证之月起发放至子女年满18周岁。")
    assert rules.period(draft(segmenter, asked, monthly), docs) is None
    assert rules.period(draft(segmenter, "退休时一次性能拿多少奖励金？", once), docs) is None


RENT = ("琯溪市住房和城乡建设局关于发放住房租赁补贴的通知\n"
        "补贴标准为每平方米每月18元，补贴面积按家庭人口人均15平方米计算。\n"
        "事业单位在编人员不予受理。\n")


def test_a_kind_of_person_the_notice_never_names_gets_no_sum(segmenter):
    docs = LiteralDocuments({"a.txt": RENT}, segmenter=segmenter)
    line = "补贴标准为每平方米每月18元，补贴面积按家庭人口人均15平方米计算。"
    d = _named(draft(segmenter, "琯溪市住房租赁补贴，家里有残疾人的能多补多少？", sentence(line, start=RENT.index(line))), "琯溪市")
    assert rules.unknown_noun(d, docs) == Refusal(
        "unknown-noun", "asked about 残疾人, whom the notice about 琯溪市 never names")
    # a condition on the asker of a yes/no question may be the notice's in other words (在编人员)
    d = _named(draft(segmenter, "我是事业编的老师，能申请琯溪市这个住房租赁补贴吗？", sentence("事业单位在编人员不予受理。")), "琯溪市")
    assert rules.unknown_noun(d, docs) is None


def test_a_kind_of_person_the_notice_names_by_a_synonym_is_named(segmenter):
    text = "临溪区课后服务经费管理办法\n校内教师参与课后服务的，按60元/课时的标准给予补助。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    line = "校内教师参与课后服务的，按60元/课时的标准给予补助。"
    d = _named(draft(segmenter, "临溪区校内老师参与课后服务，每节课补助多少钱？", sentence(line, start=text.index(line))), "临溪区")
    assert rules.unknown_noun(d, docs) is None
    # or by a word of its kind (同义词词林's fourth level, Ae13B: 大学生 and 毕业生)
    text = "临溪区扩岗补助通知\n企业招用离校2年内未就业高校毕业生的，按每招用1人1500元发放一次性扩岗补助。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    line = text.split("\n")[1]
    d = _named(draft(segmenter, "临溪区公司招了个还没找到工作的大学生，一次性扩岗补助给多少钱？", sentence(line, start=text.index(line))), "临溪区")
    assert rules.unknown_noun(d, docs) is None
    d = _named(draft(segmenter, "临溪区公司招了个残疾人，一次性扩岗补助给多少钱？", sentence(line, start=text.index(line))), "临溪区")
    assert rules.unknown_noun(d, docs) == Refusal("unknown-noun", "asked about 残疾人, whom the notice about 临溪区 never names")


def test_what_before_a_negated_verb_asks_no_kind(segmenter):
    assert analyze("有啥不懂的打哪个电话？", segmenter).kind == "电话"
    assert analyze("有什么不良记录？", segmenter).kind == "记录"


def test_the_first_payment_is_no_first_offence(segmenter):
    from agent.offline.gather.rank import ordinal_first

    def notice(source: str) -> str:
        return "沅溪县草原补奖资金发放细则"

    paid = sentence("补奖资金每年分两次兑付：7月31日前发放50%，12月20日前发放剩余资金。")
    warned = sentence("禁牧区发现放牧的，第一次给予警告，第二次扣减补助50%。", score=0.9)
    d = draft(segmenter, "沅溪县补奖的第一笔钱最晚什么时候到卡上？", paid, warned)
    # 「第一次」 counts offences; the question's 「第一笔」 counts no times
    assert ordinal_first(d.q, list(d.candidates), notice)[0] is paid
