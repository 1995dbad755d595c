"""Shapes of probe51 (read in session 35, issue 9): what the asker says of their own situation is
not what they ask. A period before the asker's own figure (「公司一年营业额3个亿」) asks no rate per
year; the administrative level that pays (「县里一次性奖多少」) is not counted; a table cell is not
named by the asker's figure without its sign (「贷了30万」 is not the cell 「30%」). And a short form
made of a name's word initials (「高企」: 高新技术企业) is a word the notice writes; a share is
looked for further down when it is a share of what the question asks about; a kind of company
(「外贸公司」) is no company's name. The strings are written here for their shape, not copied from
a probe."""

from __future__ import annotations

import pytest
from offline_support import LiteralDocuments, draft, sentence

from agent.offline.check.rules import period, table_row
from agent.offline.extract.answer_clause import asked_period
from agent.offline.gather.rank import asked_type
from agent.offline.understand.abbreviation import abbreviates
from agent.offline.understand.question import analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def test_a_period_of_the_askers_own_figure_asks_no_rate(segmenter):
    stated = analyze("翀阳市这边，公司一年营业额3个亿，第一次认定高新技术企业给多少奖励？", segmenter)
    assert asked_period(stated) == ""
    once = sentence("（一）首次通过认定的企业，给予一次性奖励30万元。")
    assert period(draft(segmenter, stated.text, once), None) is None
    # the period asked after the asker's figure still is one, and so is one with no figure
    assert asked_period(analyze("翀阳市公司一年营业额3个亿，一年能给多少奖励？", segmenter)) == "年"
    assert asked_period(analyze("翀阳市一年能给多少奖励？", segmenter)) == "年"
    refusal = period(draft(segmenter, "翀阳市高新技术企业奖励一年给多少钱？", once), None)
    assert refusal is not None and refusal.rule == "period"


def test_the_level_that_pays_is_not_the_counted_thing(segmenter):
    assert analyze("在翀阳县，第一次拿到高新技术企业证书，县里一次性奖多少？", segmenter).asked == ()
    asked = analyze("翀阳县村里的路灯一年电费多少？", segmenter).asked
    assert "村里" not in asked and "电费" in asked


def test_a_short_form_of_word_initials_is_written(segmenter):
    assert abbreviates("高企", "对首次通过高新技术企业认定的企业，给予一次性奖励")
    assert abbreviates("医保", "参加城乡居民医疗保险的人员")
    # a character inside a word is no initial, nor is a word the short form skips
    assert not abbreviates("押金", "以抵押贷款资金作为担保")
    assert not abbreviates("网址", "通过网上申报地址提交")


def test_a_share_further_down_answers_when_it_is_of_the_thing_asked(segmenter):
    listed = sentence("4. 贷款银行出具的利息支付清单（加盖银行业务章）；", score=3.5)
    share = sentence("（一）贴息比例：按企业实际支付利息的50%给予贴息。", score=3.0, start=40)
    q = analyze("翀阳区第一次从银行贷款，利息政府能帮着出几成？", segmenter)
    typed, _ = asked_type(q, [listed, share])
    assert typed(share) and not typed(listed)
    # another share (of the water fee) answers no share of the basic fee
    q = analyze("翀阳市停水超过24小时，基本费减收几成？", segmenter)
    typed, _ = asked_type(q, [listed, share])
    assert not typed(sentence("经检验确认的，依营业章程减收当期水费30%。"))


def test_the_askers_sum_does_not_name_a_share_cell(segmenter):
    text = ("翀阳市首贷贴息实施细则\n首贷金额｜贴息比例｜单户上限\n50万元（含）以下｜60%｜1.5万元\n"
            "200万元—300万元（含）｜30%｜6万元\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    row = "50万元（含）以下｜60%｜1.5万元"
    d = draft(segmenter, "翀阳市我们小公司第一次贷款贷了30万，利息能贴百分之多少？", sentence(row, start=text.index(row)))
    assert table_row(d, docs) is None


def test_a_kind_of_company_is_no_name(segmenter):
    names = analyze("翀阳市外贸公司去欧洲参展，一个标准展位最多补多少？", segmenter).names
    assert "外贸公司" not in names and "欧洲" in names
    # an organisation's name jieba also tags nt stays one (LAC reads it alone as ORG)
    assert "农业银行" in analyze("翀阳市农业银行的贷款利率是多少？", segmenter).names


def test_a_length_of_time_of_another_stage_of_the_procedure_is_refused(segmenter):
    from agent.offline.check.rules import other_stage

    reviewed = sentence("自受理之日起20个工作日内审批完毕。")
    refusal = other_stage(draft(segmenter, "翀阳区高龄津贴申请后，在社区公示几天？", reviewed), None)
    assert refusal is not None and refusal.rule == "other-stage"
    # the stage asked is answered by its own length of time, a processing limit is the review's
    assert other_stage(draft(segmenter, "翀阳区高龄津贴审批要多少个工作日？", reviewed), None) is None
    limit = sentence("承诺时限20个工作日（不含公示时间）。")
    assert other_stage(draft(segmenter, "翀阳区这个奖励扶助申领，承诺多少个工作日办完？", limit), None) is None
    # nor is it refused when a close sentence of the notice gives the asked stage a length of time
    shown = sentence("审核结果在社区公示7天。", score=0.9, start=30)
    assert other_stage(draft(segmenter, "翀阳区高龄津贴申请后，在社区公示几天？", reviewed, shown), None) is None


def test_a_rate_per_kilowatt_is_not_one_per_kilowatt_hour(segmenter):
    from agent.offline.check.rules import per_unit

    docs = LiteralDocuments({"a.txt": "翀阳县充电设施补贴通知\n个人自用充电桩执行居民电价，每千瓦时0.5683元。\n"}, segmenter=segmenter)
    energy = sentence("个人自用充电桩执行居民电价，每千瓦时0.5683元。")
    refusal = per_unit(draft(segmenter, "翀阳县建直流快充公共桩，每千瓦补多少？", energy), docs)
    assert refusal is not None and refusal.rule == "per-unit"
    assert per_unit(draft(segmenter, "翀阳县充电每千瓦时多少钱？", energy), docs) is None
    assert per_unit(draft(segmenter, "翀阳县充电每度电多少钱？", energy), docs) is None


def test_a_fine_answers_no_price(segmenter):
    from agent.offline.check.rules import fine_only

    fined = sentence("未按规定使用专用垃圾袋的，处新臺幣1,200元以上6,000元以下罰鍰。")
    refusal = fine_only(draft(segmenter, "翀阳县的专用垃圾袋一卷卖多少钱？", fined), None)
    assert refusal is not None and refusal.rule == "fine"
    # a question about the penalty is answered by it, and a sentence with another figure is no fine only
    assert fine_only(draft(segmenter, "翀阳县不用专用垃圾袋罚多少钱？", fined), None) is None
    priced = sentence("专用垃圾袋每卷售价20元，未按规定使用的处200元罚款。")
    assert fine_only(draft(segmenter, "翀阳县的专用垃圾袋一卷卖多少钱？", priced), None) is None


def test_a_fine_asked_is_not_answered_by_another_figure(segmenter):
    from agent.offline.check.rules import fine_only

    text = "翀阳县公租房管理办法\n保障对象｜租金标准\n低保家庭｜每平方米每月1元\n以欺骗手段承租的，处1000元以下罚款。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    row = "低保家庭｜每平方米每月1元"
    asked = "翀阳县弄虚作假骗租公租房，罚款多少钱？"
    refusal = fine_only(draft(segmenter, asked, sentence(row, start=text.index(row))), docs)
    assert refusal is not None and refusal.rule == "fine"
    fined = "以欺骗手段承租的，处1000元以下罚款。"
    kept = draft(segmenter, asked, sentence(row, start=text.index(row)), sentence(fined, score=0.9, start=text.index(fined)))
    assert fine_only(kept, docs) is None


def test_a_one_character_unit_is_said_after_a_figure(segmenter):
    from agent.offline.check.rules import per_unit

    docs = LiteralDocuments({"a.txt": "翀阳县水价通知\n2025年度复水费300元。\n"}, segmenter=segmenter)
    yearly = sentence("2025年度复水费300元。")
    refusal = per_unit(draft(segmenter, "翀阳县污水处理费每度收多少？", yearly), docs)
    assert refusal is not None and refusal.rule == "per-unit"
    assert per_unit(draft(segmenter, "翀阳县污水处理费每度收多少？", sentence("污水处理费每度0.8元。")), docs) is None


def test_what_the_asker_pays_is_not_a_grant(segmenter):
    from agent.offline.check.rules import paid_not_given

    text = "翀阳市长者营养餐饮服务须知\n服务项目｜对象｜每餐补助\n送餐服务｜独居或失能长者｜新台币90元\n共餐服务｜一般长者｜新台币40元\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    row = sentence("送餐服务｜独居或失能长者｜新台币90元", start=text.index("送餐服务｜"))
    refusal = paid_not_given(draft(segmenter, "翀阳市的送餐服务，长者自己每餐要付多少钱？", row), docs)
    assert refusal is not None and refusal.rule == "paid"
    # a grant asked is answered by it, and a sentence that says the payment answers what is paid
    assert paid_not_given(draft(segmenter, "翀阳市的送餐服务每餐补助多少钱？", row), docs) is None
    paid = sentence("送餐服务每次不超过4元，其中3元由财政承担，其余部分由老年人自付。")
    assert paid_not_given(draft(segmenter, "翀阳市的送餐服务，长者自己每餐要付多少钱？", paid), docs) is None


def test_a_range_reads_thousands_separators_and_a_bound_said_before_its_figure():
    from agent.offline.extract.tables import range_fit

    asked = "实收资本额8,000万元，可以领多少奖励金？"
    assert range_fit("首次认定｜实收资本额逾5,000万元｜60万元", asked) == 1
    assert range_fit("首次认定｜实收资本额5,000万元以下｜40万元", asked) == -1
    assert range_fit("首次认定｜实收资本额逾5,000万元｜60万元", "实收资本额3,000万元，可以领多少？") == -1
    # 「不超过」 is no bound from below
    assert range_fit("年龄不超过60周岁，身体健康", "我今年62岁了") == 0


def test_a_fine_asked_looks_further_down_for_the_penalty(segmenter):
    q = analyze("翀阳县如果把狗丢掉不养，会被罚多少？", segmenter)
    lost = sentence("犬只遗失应于5日内向本所办理遗失登记。", score=3.5)
    fined = sentence("弃养者处新台币3万元以上15万元以下罚锾。", score=3.0, start=40)
    typed, far = asked_type(q, [lost, fined])
    assert typed(fined) and not typed(lost) and far is typed
    # a share of a fine asked is a share
    q = analyze("翀阳县罚款按多少比例减免？", segmenter)
    typed, _ = asked_type(q, [lost, fined])
    assert not typed(fined)


def test_the_askers_own_situation_in_their_own_words_is_no_topic(segmenter):
    from agent.offline.check.rules import unknown_noun

    text = "云溪县重点群体创业场地租金补贴实施细则\n在孵化基地外自行租用经营场地的，按实际租金的50%给予补贴，每年补贴上限3000元。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    said = "在孵化基地外自行租用经营场地的，按实际租金的50%给予补贴，每年补贴上限3000元。"
    own = draft(segmenter, "云溪县我在乡镇上自己租了个门面开店，租金补贴一年最多多少？", sentence(said, start=text.index(said)))
    assert unknown_noun(own, docs) is None
    # the same words as the topic asked about are a topic the notice does not cover
    topic = draft(segmenter, "云溪县门面开店的租金补贴一年最多多少？", sentence(said, start=text.index(said)))
    refusal = unknown_noun(topic, docs)
    assert refusal is not None and refusal.rule == "unknown-noun"


def test_a_time_word_is_no_row_the_table_lacks(segmenter):
    from agent.offline.extract.tables import unlisted_row

    text = ("翀阳县居住证积分管理办法\n计分项目｜情形｜分值\n年龄｜18—35周岁｜20分\n年龄｜36—45周岁｜10分\n"
            "持证年限｜每满1年｜5分\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    row = "持证年限｜每满1年｜5分"
    d = draft(segmenter, "翀阳县居住证过期两个多月一直没去签注，现在怎么办？", sentence(row, start=text.index(row)))
    assert unlisted_row(d.q, docs.index, list(d.candidates)) == ""


def test_a_rate_asked_per_one_period_is_not_one_stated_per_another(segmenter):
    from agent.offline.check.rules import other_period

    text = "翀阳县创业场地租金补贴办法\n孵化基地内每年补贴上限：6000元。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    yearly = sentence("孵化基地内每年补贴上限：6000元。", start=text.index("孵化"))
    refusal = other_period(draft(segmenter, "翀阳县孵化基地场地按每平方米每月补多少钱？", yearly), docs)
    assert refusal is not None and refusal.rule == "other-period"
    assert other_period(draft(segmenter, "翀阳县孵化基地场地一年最多补多少钱？", yearly), docs) is None
    # a close sentence of the notice that says the asked period keeps the question
    monthly = sentence("按每平方米每月10元给予补贴。", score=0.9, start=40)
    assert other_period(draft(segmenter, "翀阳县孵化基地场地按每平方米每月补多少钱？", yearly, monthly), docs) is None
