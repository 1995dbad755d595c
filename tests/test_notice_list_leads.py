"""Shapes of probes 77 and 78 (read in session 48, issue 9): a noun the segmenter cut across a word
of the evidence (「一次性能」); an item whose range answers before its siblings; a score asked
(「考多少分」); how much less is paid (「少缴多少」) answered by the lead of the asker's list item;
a granting lead over an item whose range holds the asker's figure; the asker's own payment beside
a grant; a degree of incapacity the notice does not set out; a fee jieba tags as a verb; the phone
line of the office asked; a figure grouped in thousands; a deposit added (「增存」); a yes or no asked
by 「给不给」; a table row whose range holds the asker's figure for 「哪项」. The strings are written
here for their shape, not copied from a probe."""

from __future__ import annotations

import pytest
from offline_support import draft, notice, sentence

from agent.offline.check.rules import first_refusal
from agent.offline.check.stages import Caveat
from agent.offline.extract.answer_clause import figure_clause
from agent.offline.extract.figures import numerals
from agent.offline.extract.stages import Extract
from agent.offline.gather.rank import ranged_first, situation_first, typed_first
from agent.offline.understand.question import GRANT_ASKED, analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def places():
    return Segmenter(["翀阳县", "翀阳市"])


def _line(text: str, line: str, score: float = 3.0) -> object:
    return sentence(line, score=score, start=text.index(line))


def test_a_noun_cut_across_a_word_of_the_evidence_is_no_thing_asked(places):
    text = "翀阳县个体户转型奖励公告\n（一）基础奖励：个体户转型为有限责任公司的，一次性奖励6000元；\n"
    docs = notice(places, text)
    line = _line(text, "（一）基础奖励：个体户转型为有限责任公司的，一次性奖励6000元；")
    # jieba cuts 「一次性能」 一次|性能: 性能 is a piece of 「一次性」, which the sentence writes
    assert "性能" in analyze("翀阳县的个体户改成有限公司，一次性能奖多少钱？", places).asked
    assert first_refusal(draft(places, "翀阳县的个体户改成有限公司，一次性能奖多少钱？", line), docs) is None
    # (a noun the question writes on its own is still asked about)
    refused = first_refusal(draft(places, "翀阳县的个体户改成有限公司，奖杯发几个？", line), docs)
    assert refused is not None and "奖杯" in refused.detail


def test_an_item_whose_range_tests_the_askers_figure_stays_before_its_siblings(places):
    q = analyze("翀阳县我今年62岁，还能报名当护林员吗？", places)
    bound = sentence("2. 年龄在18—60周岁之间，身体健康，能胜任野外巡护工作；", score=2.7)
    sibling = sentence("（二）护林员报名程序：个人申请、村级评议、乡镇审核。", score=2.8)
    ranked = situation_first(q, [bound, sibling], lambda c: "三、护林员选聘：", lambda source: "", lambda t: 1.0)
    assert ranked[0] is bound


def test_a_score_is_asked_by_fen_and_answered_by_the_clause_that_gives_it(places):
    assert analyze("翀阳县技能等级认定考试，考多少分才算过？", places).unit == "分"
    assert analyze("翀阳县办证几分钟能办完？", places).unit != "分"
    assert analyze("翀阳县补贴占几分之几？", places).unit != "分"
    q = analyze("翀阳县技能等级认定考试，考多少分才算过？", places)
    line = sentence("认定分理论知识考试和操作技能考核两部分，每部分均实行百分制，成绩皆达60分及以上者为合格。")
    assert figure_clause(q, [line]) == "成绩皆达60分及以上者为合格"
    # 十分 the adverb and 百分制 count nothing; 百分之一 is a share
    assert [f.text for f in numerals("这项工作十分重要，实行百分制")] == []
    assert [f.text for f in numerals("每日加收租金百分之一")] == ["百分"]


def test_how_much_less_is_paid_is_answered_by_the_lead_of_the_askers_item(places):
    assert analyze("翀阳县中低收入户办公证可以少缴多少？", places).unit == GRANT_ASKED
    assert analyze("翀阳县老人坐公交能便宜多少？", places).unit == GRANT_ASKED
    text = "翀阳县公证费减免办法\n二、下列县民得申请减收二分之一：\n（一）领有本县中低收入户证明者；\n（二）领有身心障碍证明者；\n"
    docs = notice(places, text)
    item = _line(text, "（一）领有本县中低收入户证明者；")
    out = Extract(docs)(draft(places, "翀阳县中低收入户办公证可以少缴多少？", item))
    assert out.refusal is None and out.short == "下列县民得申请减收二分之一：领有本县中低收入户证明者；"


def test_an_item_whose_range_holds_the_askers_figure_takes_its_granting_lead(places):
    text = ("翀阳县公证处收费公告\n（二）有下列情形之一的，减半收取公证费：\n1. 持有残疾人证的当事人；\n"
            "2. 70周岁及以上老年人申办遗嘱、继承公证的；\n")
    docs = notice(places, text)
    item = _line(text, "2. 70周岁及以上老年人申办遗嘱、继承公证的；")
    question = "我75岁了，想在翀阳县公证处办继承公证，能便宜点吗？"
    out = Caveat(docs)(Extract(docs)(draft(places, question, item)))
    assert out.short == "是的。资料记载：有下列情形之一的，减半收取公证费：70周岁及以上老年人申办遗嘱、继承公证的；"


def test_the_askers_own_payment_is_not_the_grant_beside_it(places):
    q = analyze("翀阳县家庭养老床位每个月的服务费，老人自己要掏多少？", places)
    line = sentence("区财政按每张床位每月200元给予运营补贴，老人自付100元。")
    assert figure_clause(q, [line]) == "老人自付100元"
    # (a grant asked is still the grant)
    q = analyze("翀阳县家庭养老床位每个月区财政补贴多少？", places)
    assert figure_clause(q, [line]) == "区财政按每张床位每月200元给予运营补贴"


def test_a_degree_of_incapacity_the_notice_does_not_set_out_is_refused(places):
    text = "翀阳县居家养老服务补贴发放办法\n中度失能老年人｜80周岁及以上｜400元\n重度失能老年人｜80周岁及以上｜600元\n"
    docs = notice(places, text)
    row = _line(text, "中度失能老年人｜80周岁及以上｜400元")
    refused = first_refusal(draft(places, "翀阳县轻度失能的老人，居家养老补贴每月能领多少？", row), docs)
    assert refused is not None and refused.rule == "level" and "轻度" in refused.detail
    assert first_refusal(draft(places, "翀阳县中度失能的老人，居家养老补贴每月能领多少？", row), docs) is None


def test_a_fee_is_asked_whatever_tag_the_segmenter_gives_it(places):
    assert "考试费" in analyze("翀阳县考中级工，技能等级认定的考试费是多少？", places).asked


def test_the_phone_line_of_the_office_asked_answers(places):
    from agent.offline.extract.fields import _FIELD

    found = _FIELD.search("翀阳县残联康复部:0943-6218375(工作日8:30—12:00、14:30—17:30)")
    assert found is not None and found.group(2) == "翀阳县残联康复部"
    assert found.group(3).startswith("0943-6218375(工作日8:30")


def test_a_figure_grouped_in_thousands_is_not_the_askers_count(places):
    q = analyze("翀阳县想自己花钱打狂犬病疫苗，一剂大概多少钱？", places)
    paid = sentence("五、自费接种：不符合公费条件而欲自费接种者，每剂费用约新台币1,200元，另加挂号费。", score=3.7)
    other = sentence("七、犬猫预防注射：每年4月至6月于各乡镇办理巡回注射，每只收费新台币100元；", score=3.3)
    assert typed_first(q, [paid, other])[0] is paid


def test_a_deposit_added_answers_an_extra_asked(places):
    text = "翀阳县旅行社设立指引\n（四）取得许可后设立分社的，每设立一个分社，应增存质量保证金5万元。\n"
    docs = notice(places, text)
    line = _line(text, "（四）取得许可后设立分社的，每设立一个分社，应增存质量保证金5万元。")
    assert first_refusal(draft(places, "翀阳县旅行社想多开一个分社，保证金还要再加多少？", line), docs) is None


def test_a_yes_or_no_asked_by_verb_not_verb_asks_about_what_follows(places):
    q = analyze("翀阳县的护林员，上面给不给买意外保险？", places)
    assert "意外保险" in q.asked
    text = "翀阳县生态护林员选聘办法\n（五）护林员每月巡护不少于20天，使用APP记录巡护轨迹；\n"
    docs = notice(places, text)
    line = _line(text, "（五）护林员每月巡护不少于20天，使用APP记录巡护轨迹；")
    refused = first_refusal(draft(places, "翀阳县的护林员，上面给不给买意外保险？", line), docs)
    assert refused is not None and refused.rule == "unknown-noun" and "意外保险" in refused.detail


def test_a_row_whose_range_holds_the_askers_figure_answers_which_one(places):
    q = analyze("翀阳县我现在怀孕17周，这时候该做哪项筛查？", places)
    top = sentence("（四）筛查机构：翀阳县妇幼保健院及各社区卫生服务中心。", score=3.3)
    early = sentence("孕11—13周+6天｜早孕期超声NT检查", score=2.9)
    middle = sentence("孕15—20周+6天｜孕中期血清学筛查", score=3.0)
    assert ranged_first(q, [top, early, middle])[0] is middle


def test_the_government_at_large_is_no_thing_a_notice_must_name(places):
    text = "翀阳县家庭养老床位建设指引\n其中适老化改造（扶手、防滑地面等）不超过2500元，智能设备不超过1500元。\n"
    docs = notice(places, text)
    line = _line(text, "其中适老化改造（扶手、防滑地面等）不超过2500元，智能设备不超过1500元。")
    assert first_refusal(draft(places, "翀阳县给老人家里装扶手，政府最多出多少钱？", line), docs) is None
    # (an organ of it is a thing the notice names or not)
    refused = first_refusal(draft(places, "翀阳县给老人家里装扶手，民政局最多出多少钱？", line), docs)
    assert refused is not None and "民政局" in refused.detail


def test_a_birth_without_surgery_is_the_notices_natural_delivery(places):
    from agent.lexicon.thesaurus import synonyms

    assert "自然分娩" in synonyms("顺产")


def test_a_grant_asked_is_not_answered_by_a_charge(places):
    text = "翀阳县职业技能等级认定公告\n3. 认定费由评价机构按备案价格收取，初级工不超过120元，中级工不超过180元。\n"
    docs = notice(places, text)
    line = _line(text, "3. 认定费由评价机构按备案价格收取，初级工不超过120元，中级工不超过180元。")
    refused = first_refusal(draft(places, "翀阳县企业自己组织职工搞技能评价，给企业补多少钱？", line), docs)
    assert refused is not None and refused.rule == "given"
    assert first_refusal(draft(places, "翀阳县考初级工，认定费要交多少钱？", line), docs) is None


def test_an_extra_asked_is_not_the_raise_of_a_case_the_question_does_not_name(places):
    text = "翀阳县食品安全违法行为举报奖励办法\n答：有。生产经营单位内部知情人员举报的，在上述标准基础上提高50%。\n"
    docs = notice(places, text)
    line = _line(text, "答：有。生产经营单位内部知情人员举报的，在上述标准基础上提高50%。")
    refused = first_refusal(draft(places, "翀阳县举报学校食堂的食品问题，奖金会往上加多少？", line), docs)
    assert refused is not None and refused.rule == "other-case" and "内部知情人员" in refused.detail
    assert first_refusal(draft(places, "翀阳县我是内部知情人员，举报以后奖金能往上加多少？", line), docs) is None
