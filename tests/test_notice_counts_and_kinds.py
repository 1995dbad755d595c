"""Shapes of probes 73 and 74 (read in session 46, issue 9): a numeral and its measure word that
is no row a table lacks (「一头猪」); a table none of whose rows is among the best sentences; a
notice's bare phone line for the office it names; a LAC word cut across a dictionary word of
jieba's (「够格领补贴」), and a word LAC reads as a verb in one place and a noun in another
(「租房过渡…租房补贴」); a thing asked by its name with 子 (「箱子」) that a notice counts by the stem
(「每箱」); a weight in 斤 against a range in 公斤; a bracket's qualifier; a free check whose range
misses the asker's age, and how often it is given; 「什么时间段」 and a time word beside a date; an
ordinal day that is no length of time; a best row whose range holds the figure already; a kind
asked by 「哪个窗口」; a count written after its noun (「病种共43种」); the length of time of the stage
asked (拨付); 申请人, no application; the date things are due by, for 「最晚」; a count by the measure
word asked (「几张」); a length of time asked in another scale (「几天」, 「近3年」); a rate asked to
fall by its spoken verb (「要降多少」); a thing named by an acronym only a look-alike writes (SMA);
a time labelled by a short form of the question's words (「秋防时间为…」 of 「秋天…打防疫针」).
The strings are written here for their shape, not copied from a probe."""

from __future__ import annotations

import pytest
from offline_support import LiteralDocuments, draft, paragraph, sentence

from agent.lexicon.thesaurus import suffix_stem
from agent.offline.check.rules import (
    first_refusal,
    other_direction,
    other_event,
    other_office,
    other_scale,
    unknown_acronym,
)
from agent.offline.extract.figures import durations
from agent.offline.extract.span import asked_slot, extract_span
from agent.offline.extract.stages import Extract, closing
from agent.offline.extract.tables import range_fit, unlisted_row
from agent.offline.gather.rank import (
    asked_measure,
    free_first,
    ranged_first,
    row_item_first,
    stages_said,
    stated_frequency,
    time_labelled,
    typed_first,
)
from agent.offline.understand.question import analyze
from ingest.normalize import normalize_query
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def places():
    return Segmenter(["翀阳县", "翀阳市"])


_DEATHS = ("翀阳市病死畜禽无害化处理补助\n畜种｜体重｜补助标准\n生猪｜10公斤以下｜每头10元\n"
           "生猪｜10—50公斤（不含50公斤）｜每头40元\n生猪｜50公斤及以上｜每头80元\n牛｜不分大小｜每头200元\n"
           "羊｜不分大小｜每只20元\n")


def _rows(text: str, first: int = 2) -> list:
    return [sentence(line, score=3.0, start=text.index(line)) for line in text.splitlines()[first:]]


def test_a_numeral_and_its_measure_word_is_no_row_the_table_lacks(places):
    docs = LiteralDocuments({"a.txt": _DEATHS}, segmenter=places)
    rows = _rows(_DEATHS)
    q = analyze("翀阳市我家一头猪病死了，送去处理一头补多少？", places)
    assert unlisted_row(q, docs.index, rows) == ""
    # (a thing of the rows' class the table has no row for still is one)
    q = analyze("翀阳市养的骡子死了一匹，送去处理补多少？", places)
    assert unlisted_row(q, docs.index, rows) == "骡子"


def test_a_table_none_of_whose_rows_is_among_the_best_sentences_lacks_no_row(places):
    text = _DEATHS + "三、养殖场户未按规定实施强制免疫的，逾期不改正的，处1000元以上5000元以下罚款。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    fine = sentence("三、养殖场户未按规定实施强制免疫的，逾期不改正的，处1000元以上5000元以下罚款。", score=4.0,
                    start=text.index("三、"))
    q = analyze("翀阳市养殖场不给骡子打强制免疫，过了期限还不改，罚多少？", places)
    assert unlisted_row(q, docs.index, [fine]) == ""
    assert unlisted_row(q, docs.index, [fine, *_rows(_DEATHS)]) == "骡子"


def test_a_bare_phone_line_is_the_phone_of_the_office_its_notice_names(places):
    text = ("翀阳县婚姻登记问答\n答：翀阳县民政局婚姻登记中心位于县城滨河东路9号。\n"
            "答：每周六上午照常办理结婚登记。\n咨询电话：0794-7321588。\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    line = sentence("咨询电话：0794-7321588。", score=4.0, start=text.index("咨询电话"))
    where = sentence("答：翀阳县民政局婚姻登记中心位于县城滨河东路9号。", score=3.9, start=text.index("答："))
    assert other_office(draft(places, "翀阳县婚姻登记中心电话是多少？", line, where), docs) is None
    # (an office the notice never names has no phone in it)
    refused = other_office(draft(places, "翀阳县社保中心电话是多少？", line, where), docs)
    assert refused is not None and refused.rule == "other-office"


def test_a_sum_asked_by_a_cut_across_a_dictionary_word_is_no_kind(places):
    text = "翀阳县中蜂养殖补贴办法\n（二）年末存栏中蜂不少于10群，且使用活框蜂箱饲养；\n中蜂存栏补助每群60元。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    line = sentence("（二）年末存栏中蜂不少于10群，且使用活框蜂箱饲养；", score=3.0, start=text.index("（二）"))
    assert first_refusal(draft(places, "翀阳县养中蜂起码得有多少箱才够格领补贴？", line), docs) is None
    # (jieba's HMM word is no dictionary word: 「作业本费一学期」 is still a sum the notice never names)
    fee = "翀阳县中小学收费\n初中生课后服务费标准为每生每学期不超过260元。\n"
    docs = LiteralDocuments({"a.txt": fee}, segmenter=places)
    line = sentence("初中生课后服务费标准为每生每学期不超过260元。", score=3.0, start=fee.index("初中生"))
    refused = first_refusal(draft(places, "翀阳县初中生的作业本费一学期交多少？", line), docs)
    assert refused is not None and "作业本费" in refused.detail


def test_a_word_read_as_a_verb_in_one_place_may_name_a_sum_in_another(places):
    text = ("翀阳县避险搬迁补助细则\n第五条 搬迁户拆除原住房的，另给予拆旧奖励每户5000元。\n"
            "（三）货币安置：每户一次性补助6万元。\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    line = sentence("第五条 搬迁户拆除原住房的，另给予拆旧奖励每户5000元。", score=3.0, start=text.index("第五条"))
    refused = first_refusal(draft(places, "翀阳县搬迁户在外面租房过渡，每个月有多少租房补贴？", line), docs)
    assert refused is not None and refused.rule == "unknown-noun" and "租房补贴" in refused.detail


def test_a_thing_named_with_子_is_counted_by_its_stem(places):
    assert suffix_stem("箱子") == "箱" and suffix_stem("车子") == "车"
    assert suffix_stem("儿子") == "" and suffix_stem("日子") == "" and suffix_stem("院子") == ""
    text = "翀阳市中蜂扶持办法\n扶持项目｜补助标准｜说明\n活框饲养改造｜每箱40元｜由旧式桶养改为活框饲养\n中蜂存栏补助｜每群60元｜存栏20群以上\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    row = sentence("活框饲养改造｜每箱40元｜由旧式桶养改为活框饲养", score=3.0, start=text.index("活框饲养改造"))
    assert first_refusal(draft(places, "翀阳市我把木桶里养的蜂改成活框养，一个箱子补多少钱？", row), docs) is None


def test_a_weight_in_jin_is_half_as_many_kilograms():
    question = "我家一头猪病死了，大概60斤重，送去处理补多少？"
    assert range_fit("生猪｜10—50公斤（不含50公斤）｜每头40元", question) == 1
    assert range_fit("生猪｜50公斤及以上｜每头80元", question) == -1
    assert range_fit("生猪｜50公斤及以上｜每头80元", "那头猪有120斤") == 1


def test_a_brackets_qualifier_names_no_more_of_the_item(places):
    q = analyze("翀阳市我家养了300箱中蜂，一箱补多少？", places)
    big = sentence("中蜂存栏补助（规模场）｜每群90元｜存栏200群及以上", score=3.25)
    small = sentence("中蜂存栏补助｜每群60元｜存栏20—199群", score=3.24)
    assert row_item_first(q, [big, small]) == [big, small]


def test_a_free_check_is_the_one_whose_range_holds_the_asker_and_says_how_often(places):
    q = analyze("翀阳县家庭医生签约，我今年68岁，多久可以免费体检一次？", places)
    assert stated_frequency(q.text, normalize_query("65岁以上｜每年1次｜免费"))
    follow = sentence("慢性病会员每3个月追踪1次血压、血糖等指标。", score=3.15)
    young = sentence("40—64岁｜每3年1次｜免费", score=3.14)
    old = sentence("65岁以上｜每年1次｜免费", score=3.13)
    assert free_first(q, [follow, young, old])[0] is old


def test_a_time_span_is_asked_by_什么时间段_and_a_time_word_gives_way_to_a_date(places):
    assert asked_slot("公益岗补贴什么时间段申报?").end - asked_slot("公益岗补贴什么时间段申报?").start == 5
    assert asked_slot("一年中哪个时段申报?").kind == "time"
    found = extract_span("公益岗补贴一年里什么时间段申报?",
                         "公益性岗位补贴实行年度集中申报,申报时间为每年3月1日至3月31日,逾期视为自动放弃当年申报。",
                         places.tagged)
    assert found.text.startswith("3月1日") and "当年" not in found.text


def test_an_ordinal_day_is_no_length_of_time():
    assert [d.text for d in durations("期间最后一日是法定节假日的，顺延至节假日后的第一个工作日。")] == []
    assert [d.text for d in durations("在10个工作日内办结，第3天公示，公示3天")] == ["10个工作日", "3天"]


def test_a_best_row_whose_range_holds_the_figure_keeps_its_place(places):
    q = analyze("翀阳县卖烟给17岁的学生会被罚多少？", places)
    sold = sentence("供应烟品予未满20岁者｜贩卖者｜1万元以上5万元以下罚款", score=3.48)
    smoked = sentence("未满20岁者吸烟｜吸烟者本人｜应接受戒烟教育", score=3.29)
    assert ranged_first(q, [sold, smoked]) == [sold, smoked]


def test_a_which_question_takes_the_sentence_that_names_the_asked_kind(places):
    q = analyze("翀阳县个人养老金想去现场问，去哪个窗口？", places)
    title = sentence("翀阳县个人养老金开户缴费办事指南", score=3.5)
    window = sentence("线下咨询地点：翀阳县社会保险经办中心一楼大厅5号窗口", score=3.3)
    assert typed_first(q, [title, window])[0] is window
    # (a kind word said of something else names nothing asked: 「用火单位或个人」 for 「由哪个单位批」)
    q = analyze("翀阳县想烧8亩地的杂草，最后由哪个单位批？", places)
    approve = sentence("用火面积在5亩以上的，经乡镇人民政府审核后报县林业局审批；", score=3.16)
    apply = sentence("1．用火单位或个人提前3天向所在地村（居）民委员会提出书面申请；", score=3.0)
    assert typed_first(q, [approve, apply]) == [approve, apply]


def test_a_count_written_after_its_noun_counts_it(places):
    q = analyze("翀阳县现在门诊慢病有多少个病种？", places)
    total = sentence("答：目前我县执行的门诊慢特病病种共43种，其中职工医保和城乡居民医保统一执行。", score=4.0)
    added = sentence("2025年新增了阿尔茨海默病、重症肌无力3个病种。", score=3.9)
    assert typed_first(q, [total, added]) == [total, added]


def test_a_length_of_time_asked_of_one_stage_is_the_one_given_that_stage(places):
    q = analyze("翀阳县公益岗补贴审核通过了，钱多久能打到单位账上？", places)
    term = sentence("公益性岗位补贴期限一般不超过3年。", score=3.46)
    paid = sentence("（三）经审核无误的，资金在受理之日起20个工作日内拨付至用人单位基本账户。", score=3.45)
    assert typed_first(q, [term, paid])[0] is paid


def test_a_party_or_form_named_by_a_stage_word_is_no_stage():
    assert stages_said("本局于收件后30个工作天内审核完毕，并将补助款拨入申请人帐户。") == {"审核", "拨付"}
    assert stages_said("填写申请表后提交申请。") == {"申请"}


def test_a_deadline_is_the_date_things_are_due_by(places):
    q = analyze("翀阳县去年底买的电车，补贴申请最晚拖到哪天？", places)
    line = "购车发票开具日期在2025年3月1日至2025年12月31日期间的车辆，消费者应于2026年1月20日前提交申请，逾期视为自动放弃。"
    assert extract_span(q.text, normalize_query(line), places.tagged).text == "2026年1月20日"
    assert closing(q, line, normalize_query(line)) == "消费者应于2026年1月20日前提交申请"


def test_a_count_asked_by_its_measure_word_is_the_figure_counted_by_it(places):
    assert asked_measure("去领证要准备几张两个人的合照？") == "张"
    assert asked_measure("最多能开多少张发票？") == "张"
    assert asked_measure("几个工作日能办好？") == "" and asked_measure("要交多少钱？") == ""
    q = analyze("翀阳县去领证要准备几张两个人的合照？", places)
    group = sentence("答：县民政局每年举办一次集体婚礼，每届限额30对，当年领证的新人均可报名。", score=3.6)
    photos = sentence("双方各带本人居民身份证原件，另需3张2寸近期半身免冠双人合影照片。", score=3.4)
    assert typed_first(q, [group, photos])[0] is photos


def test_a_length_of_time_asked_in_one_scale_is_not_one_given_in_another(places):
    text = "翀阳县公益性岗位管理办法\n近3年内因违反公益性岗位管理规定被解除协议的，不得再次安置。\n补贴按月发放。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    years = sentence("近3年内因违反公益性岗位管理规定被解除协议的，不得再次安置。", score=3.0, start=text.index("近3年"))
    refused = other_scale(draft(places, "翀阳县公益岗的人无故连续旷工几天会被解除协议？", years), docs)
    assert refused is not None and refused.rule == "other-scale"
    # (a length in the asked scale answers; and 「多久」 asks none)
    days = sentence("安置人员无正当理由连续旷工超过7日的，用人单位可以解除协议。", score=3.0)
    assert other_scale(draft(places, "翀阳县公益岗的人无故连续旷工几天会被解除协议？", days), docs) is None
    assert other_scale(draft(places, "翀阳县公益岗的人被解除协议后多久不能再安置？", years), docs) is None
    # (the asker's own rough length, 「满80好几年了」, asks no scale: 「最多能补几个月」 asks months)
    months = sentence("答：可以补发，但最多只补发申请当月之前12个月的津贴。", score=4.0)
    assert other_scale(draft(places, "翀阳县我爸满80好几年了一直没去办，以前的钱最多能补几个月？", months), docs) is None


def test_a_count_by_its_measure_word_may_be_in_ten_thousands(places):
    q = analyze("翀阳县一个作业主体一年最多能补多少亩？", places)
    cap = sentence("单个作业主体年度补贴面积不超过1.5万亩。", score=3.5)
    plot = sentence("单个地块面积不少于20亩。", score=3.4)
    assert typed_first(q, [cap, plot]) == [cap, plot]


def test_a_rate_asked_to_fall_by_its_spoken_verb_is_not_answered_by_a_rise(places):
    up = sentence("职工医保参保人员的报销比例在上表基础上提高10个百分点。", score=1.6)
    refused = other_direction(draft(places, "翀阳县慢病病人在外地长住办了备案，报销比例要降多少？", up), None)
    assert refused is not None and refused.rule == "other-direction"
    down = sentence("异地长期居住备案人员的报销比例降低10个百分点。", score=1.6)
    assert other_direction(draft(places, "翀阳县慢病病人在外地长住办了备案，报销比例要降多少？", down), None) is None


def test_a_thing_named_by_an_acronym_that_only_a_look_alike_writes_is_its_topic():
    places = Segmenter(["翀阳县", "璩川市"])
    mine = "翀阳县新生儿疾病筛查免费项目\n项目｜补助标准｜方式\n遗传代谢病筛查｜每例150元｜直接减免\n"
    theirs = "璩川市新生儿筛检加码补助\n针对脊髓性肌肉萎缩症（SMA）等自费扩大筛检项目，每名新生儿补助1500元。\n"
    docs = LiteralDocuments({"a.txt": mine, "b.txt": theirs}, segmenter=places)
    row = sentence("遗传代谢病筛查｜每例150元｜直接减免", score=2.2, start=mine.index("遗传"))
    refused = unknown_acronym(draft(places, "翀阳县新生儿做脊髓性肌萎缩症（SMA）筛查能补助多少钱？", row), docs)
    assert refused is not None and "SMA" in refused.detail
    other = sentence("针对脊髓性肌肉萎缩症（SMA）等自费扩大筛检项目，每名新生儿补助1500元。", source="b.txt", score=2.2,
                     start=theirs.index("针对"))
    assert unknown_acronym(draft(places, "璩川市新生儿做SMA筛查能补助多少钱？", other), docs) is None


def test_a_figure_asked_of_a_best_sentence_that_gives_none_is_refused(places):
    said = "本通知执行前已认定的门诊慢特病患者，不需重新申请，由县医保服务中心统一按新标准调整待遇。"
    docs = paragraph(places, said)
    done = Extract(docs)(draft(places, "翀阳县新申请门诊慢病认定，几个工作日出结果？", sentence(said)))
    assert done.refusal is not None and done.refusal.rule == "no-figure"
    timed = "资料齐全的在10个工作日内完成认定。"
    done = Extract(paragraph(places, timed))(draft(places, "翀阳县新申请门诊慢病认定，几个工作日出结果？", sentence(timed)))
    assert done.refusal is None and "10个工作日" in done.short
    # (an ordinal answers 「第几个」 without a digit: 「首个」)
    first = "紫东太初是全球首个千亿参数多模态大模型。"
    done = Extract(paragraph(places, first))(draft(places, "紫东太初是全球第几个多模态大模型？", sentence(first)))
    assert done.refusal is None and "首个" in done.short


def test_a_time_labelled_by_a_short_form_of_the_questions_words_answers_when(places):
    assert time_labelled("春防时间为3月15日至4月25日，秋防时间为9月10日至10月20日。", "秋天集中打防疫针是哪段时间？")
    assert not time_labelled("申报时间为每年3月1日至3月31日。", "秋天集中打防疫针是哪段时间？")
    q = analyze("翀阳县秋天集中打防疫针是哪段时间？", places)
    paid = sentence("补助资金每半年集中兑付一次，分别于7月和次年1月发放。", score=2.99)
    season = sentence("春防时间为3月15日至4月25日，秋防时间为9月10日至10月20日。", score=2.87)
    assert typed_first(q, [paid, season])[0] is season
    text = "翀阳县动物强制免疫通知\n春防时间为3月15日至4月25日，秋防时间为9月10日至10月20日。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=places)
    season = sentence("春防时间为3月15日至4月25日，秋防时间为9月10日至10月20日。", start=text.index("春防"))
    assert other_event(draft(places, "翀阳县秋天集中打防疫针是哪段时间？", season), docs) is None
