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
