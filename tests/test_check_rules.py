"""Each refusal rule of agent/offline/check/ on a literal draft: the case it refuses and the
case it lets through. No index and no model (jieba only)."""

from dataclasses import replace

import pytest
from offline_support import LiteralDocuments, draft, sentence

from agent.offline.check import rules
from agent.offline.check.polarity import denied, stated_verdict
from agent.offline.check.premise import claimed_opposites, false_premise
from agent.offline.check.stages import Caveat, Check
from agent.offline.understand.question import analyze
from agent.types import Refusal
from ingest.segment import Segmenter

REPORT = "东兴区人工智能产业报告：并济科技在东兴区稳定运营算力7300P，营收增长39.3%。"
OTHER = "华兴市数字经济简报：华兴集团算力规模达到500P，2023年营收58亿元。"


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


@pytest.fixture(scope="module")
def docs():
    return LiteralDocuments({"report.txt": REPORT, "other.txt": OTHER}, segmenter=Segmenter(["并济科技", "华兴集团"]))


def rule_of(rule, d, docs) -> str | None:
    found = rule(d, docs)
    return found.rule if found is not None else None


def test_dense_refuses_an_english_question_far_from_every_sentence(segmenter, docs):
    far = draft(segmenter, "What is the revenue of Bingji?", sentence("营收增长39.3%。", dense=0.5))
    near = draft(segmenter, "What is the revenue of Bingji?", sentence("营收增长39.3%。", dense=0.9))
    assert rules.dense(far, docs) == Refusal("dense", "best dense similarity 0.50 < 0.72")
    assert rules.dense(near, docs) is None
    assert rules.rules_for(far.q) == (rules.dense,)


def test_coverage_refuses_evidence_that_says_too_little_of_the_question(segmenter, docs):
    thin = draft(segmenter, "园区的营收是多少？", sentence("营收增长39.3%。", coverage=0.1),
                 sentence("算力7300P。", coverage=0.15))
    assert rules.coverage(thin, docs) == Refusal(
        "coverage", "best sentence covers 0.15 of the question < 0.18")
    # a question put in other words than its sentence's (DRCD dev: 0.19–0.29) is answered
    paraphrased = draft(segmenter, "园区的营收是多少？", sentence("营收增长39.3%。", coverage=0.25))
    assert rules.coverage(paraphrased, docs) is None
    spoken = draft(segmenter, "园区的营收是多少？", sentence("营收增长39.3%。", coverage=0.19))
    assert rules.coverage(spoken, docs) is None
    why = draft(segmenter, "并济科技的营收为什么下降了？", sentence("营收增长39.3%。", coverage=0.1))
    assert rules.coverage(why, docs) is None
    assert rules.rules_for(why.q) == (rules.coverage,)  # a premise is answered, not refused


def test_a_contact_field_answers_under_another_modifier_a_subsidy_does_not(segmenter):
    notice = "北陵市就业补贴申报通知\n3.社会保险补贴：按实际缴费的50%给予补贴。\n联系电话：0835-6839469。"
    docs = LiteralDocuments({"a.txt": notice}, segmenter=segmenter)
    phone = draft(segmenter, "北陵市的咨询电话是多少？", sentence("联系电话：0835-6839469。", source="a.txt"))
    assert rules.unknown_noun(phone, docs) is None
    housing = draft(segmenter, "北陵市的住房补贴是多少？", sentence("3.社会保险补贴：按实际缴费的50%给予补贴。", source="a.txt"))
    assert rules.unknown_noun(housing, docs) == Refusal(
        "unknown-noun", "asked about 住房补贴, which the notice about 北陵 never mentions")


def test_a_number_asked_by_another_word_for_the_phone_is_no_unknown_noun(segmenter):
    notice = "北陵市创业担保贷款通知\n个人创业担保贷款最高额度为30万元。\n咨询电话：0835-6839470。"
    docs = LiteralDocuments({"a.txt": notice}, segmenter=segmenter)
    d = draft(segmenter, "北陵市问创业贷款的事情打哪个号码？", sentence("个人创业担保贷款最高额度为30万元。", source="a.txt"))
    assert (rules.unknown_noun(d, docs), rules.unknown_kind(d, docs)) == (None, None)


def test_a_word_jieba_glues_onto_a_measure_word_is_no_topic(segmenter):
    notice = "北陵区退役军人优待证办理指南\n制证周期为45个工作日，制证完成后短信通知本人领取。"
    docs = LiteralDocuments({"a.txt": notice}, segmenter=segmenter)
    d = draft(segmenter, "北陵区办优待证，材料交上去以后多少天能做好证？", sentence("制证周期为45个工作日，制证完成后短信通知本人领取。"))
    d = replace(d, q=replace(d.q, names=("北陵区",)))  # as the Analyze stage names it
    assert "天能" in d.q.terms and rules.unknown_noun(d, docs) is None  # (jieba: 多少|天能|做好)


def test_unknown_noun_is_a_noun_no_document_uses(segmenter, docs):
    staff = draft(segmenter, "园区有多少名员工？", sentence("园区现有企业12家。"))
    assert rules.unknown_noun(staff, docs) == Refusal(
        "unknown-noun", "asked about 员工, which the documents never mention")
    power = draft(segmenter, "并济科技运营多少算力？", sentence("并济科技稳定运营算力7300P。"))
    assert rules.unknown_noun(power, docs) is None


def test_a_topic_the_named_notice_never_mentions_is_refused_though_another_notice_does(segmenter):
    fees = "（二）伙食费按月收取，全日制幼儿园每生每天不超过12元。"
    notices = LiteralDocuments({
        "a.txt": "蔺州县公办幼儿园保育教育费收费标准\n" + fees,
        "b.txt": "渟州市创业担保贷款管理办法\n个人创业担保贷款最高可申请30万元。"}, segmenter=segmenter)
    d = draft(segmenter, "蔺州县个人创业担保贷款最多能贷多少钱？", sentence(fees))
    refusal = rules.unknown_noun(d, notices)
    assert refusal is not None and refusal.rule == "unknown-noun"
    assert refusal.detail.endswith("which the notice about 蔺州县 never mentions"), refusal.detail


def test_a_sum_of_money_of_a_kind_the_named_notice_never_names_is_refused(segmenter):
    item = "3.生育医疗费用报销和生育津贴申领（限参加职工基本医疗保险的父母）；"
    guide = LiteralDocuments({"a.txt": "青石区新生儿出生一件事联办服务指南\n" + item}, segmenter=segmenter)
    d = draft(segmenter, "青石区生二孩有没有育儿补贴，一年给多少钱？", sentence(item))
    d = replace(d, q=replace(d.q, names=("青石区",)))  # as the Analyze stage names it
    assert rules.unknown_noun(d, guide) == Refusal(
        "unknown-noun", "asked about 育儿补贴, a sum the notice about 青石区 never names")
    # an asked sum whose parts the notice writes in other sums (失业保险金, 丧葬补助金) is not named
    death = "八、失业人员在领取失业保险金期间死亡的，对其家属一次性发给丧葬补助金8000元；"
    jobless = LiteralDocuments({"a.txt": "青石市失业保险金申领和发放办法\n" + death}, segmenter=segmenter)
    d = draft(segmenter, "青石市不符合条件的人，能领失业补助金吗？每月多少？", sentence(death))
    d = replace(d, q=replace(d.q, names=("青石市",)))
    assert rules.unknown_noun(d, jobless) == Refusal(
        "unknown-noun", "asked about 失业补助金, a sum the notice about 青石市 never names")
    # a kind told by a distinguishing word (jieba's b: 「临时」), though LAC calls it an adjective
    d = draft(segmenter, "青石市领失业金期间的价格临时补贴每月多少？", sentence(death))
    d = replace(d, q=replace(d.q, names=("青石市",)))
    assert rules.unknown_noun(d, jobless) == Refusal(
        "unknown-noun", "asked about 临时补贴, a sum the notice about 青石市 never names")
    # a sum the notice names by its parts, apart (人才公寓 … 租金), is named
    rent = "（二）人才公寓租金按市场评估租金的40%收取。"
    flats = LiteralDocuments({"a.txt": "青石区人才公寓管理办法\n" + rent}, segmenter=segmenter)
    d = draft(segmenter, "青石区硕士租人才公寓，公寓租金怎么算？", sentence(rent))
    assert rules.unknown_noun(replace(d, q=replace(d.q, names=("青石区",))), flats) is None
    # so is one the question qualifies by a count (「单台补贴」: 单 a, 台 n to LAC)
    row = "轮式拖拉机 | 30马力以下 | 1500"
    machines = LiteralDocuments({"a.txt": "青石县农机报废补贴实施细则\n机具品目 | 档次 | 补贴额（元/台）\n" + row}, segmenter=segmenter)
    d = draft(segmenter, "青石县农机补贴一览表里单台补贴最高的是哪个档次？", sentence(row))
    assert rules.unknown_noun(replace(d, q=replace(d.q, names=("青石县",))), machines) is None
    # nor a verb before it that jieba tags as a noun (「动用公积金」: 动用 v to LAC)
    refit = "答：单纯装修住房不能提取。"
    fund = LiteralDocuments({"a.txt": "青石县住房公积金提取问答\n" + refit}, segmenter=segmenter)
    d = draft(segmenter, "青石县我家房子想装修一下，能动用公积金吗？", sentence(refit))
    assert rules.unknown_noun(replace(d, q=replace(d.q, names=("青石县",))), fund) is None


def test_a_thing_and_an_action_on_it_the_named_notice_never_mentions_are_a_topic(segmenter):
    rule = "（一）租房提取：无自有住房且租房居住的，每年可提取一次。"
    # (another notice writes 房子: the word is no stranger to the documents, only to this notice)
    notices = LiteralDocuments({"a.txt": "洄川市住房公积金提取办事指南\n" + rule,
                                "b.txt": "澄湖县农村危房改造实施方案\n房子经鉴定为D级危房的，予以拆除重建。"}, segmenter=segmenter)
    refit = draft(segmenter, "洄川市的公积金能取出来装修房子吗？", sentence(rule))
    refit = replace(refit, q=replace(refit.q, names=("洄川市",)))  # as the Analyze stage names it
    refusal = rules.unknown_noun(refit, notices)
    assert refusal is not None and refusal.detail.endswith("which the notice about 洄川市 never mentions")
    # the asker's own people (cilin's A classes of kin, age and relations) are no topic
    move = "（二）初三下学期原则上不予办理转学。"
    school = LiteralDocuments({"a.txt": "樨城县义务教育转学办事指南\n" + move}, segmenter=segmenter)
    assert rules.unknown_noun(draft(segmenter, "孩子初三下学期了，在樨城县还能办转学吗？", sentence(move)), school) is None
    # nor an event told with two verbs (「遇到下雨」): the notice may say it otherwise (天候不佳)
    delay = "如遇天候不佳，工程将顺延至5月19日同一时段办理。"
    water = LiteralDocuments({"a.txt": "蓁峰县停水公告\n" + delay}, segmenter=segmenter)
    assert rules.unknown_noun(draft(segmenter, "蓁峰县停水如果遇到下雨会延到哪一天？", sentence(delay)), water) is None


def test_the_askers_own_people_are_no_unknown_noun_nor_an_unsaid_quantity(segmenter):
    rule = "个人账户资金余额可以依法继承，并向其亲属一次性发放丧葬补助金800元。"
    notices = LiteralDocuments({"a.txt": "漳屿市城乡居民基本养老保险办法\n" + rule}, segmenter=segmenter)
    d = draft(segmenter, "漳屿市领养老金的老人去世了，家属能领多少丧葬补助金？", sentence(rule))
    assert "家属" in d.q.asked
    assert rules.unknown_noun(d, notices) is None and rules.quantity(d, notices) is None


def test_a_word_the_thesaurus_lists_alone_is_said_by_a_close_word_sharing_a_character():
    from agent.offline.documents import written

    # 房租 is an "@" word of cilin's Dj06B, whose "=" line holds 租金
    assert written("房租", "一房型每月租金6300元。") and not written("房租", "一房型每月管理费500元。")


def test_a_short_form_of_the_documents_word_is_no_unknown_noun(segmenter):
    # 「公租房」 of a notice that only writes 公共租赁住房, 「奖金」 of one that writes 奖励金
    rental = LiteralDocuments({"a.txt": "公共租赁住房租金按月缴纳。累计拖欠租金6个月以上的，收回住房。"},
                              segmenter=segmenter)
    owed = draft(segmenter, "公租房房租拖欠多久会被收回房子？", sentence("累计拖欠租金6个月以上的，收回住房。"))
    assert rules.unknown_noun(owed, rental) is None
    prize = LiteralDocuments({"a.txt": "清洁日评比第一名颁发环境维护奖励金2万元。"}, segmenter=segmenter)
    first = draft(segmenter, "清洁日评比第一名可以拿到多少奖金？", sentence("清洁日评比第一名颁发环境维护奖励金2万元。"))
    assert rules.unknown_noun(first, prize) is None and rules.quantity(first, prize) is None
    # the characters too far apart, or out of order, are another word: still refused
    deposit = draft(segmenter, "清洁日评比第一名要交多少押金？", sentence("清洁日评比第一名颁发环境维护奖励金2万元。"))
    assert rules.unknown_noun(deposit, prize) == Refusal(
        "unknown-noun", "asked about 押金, which the documents never mention")


def test_aspects_the_documents_describe_without_naming_them_are_no_unknown_nouns(segmenter):
    plant = LiteralDocuments({"a.txt": "牡蒿为菊科蒿属的植物。牡蒿茎直立，叶子互生。"}, segmenter=segmenter)
    # the kind of the answer (a season, a look) is no fact the documents must name
    season = draft(segmenter, "牡蒿在什么季节开花？", sentence("牡蒿茎直立，秋季开花。"))
    assert "季节" not in season.q.asked and rules.unknown_noun(season, plant) is None
    shape = draft(segmenter, "牡蒿的外形是怎样的？", sentence("牡蒿茎直立，叶子互生。"))
    assert "外形" not in shape.q.asked and rules.unknown_noun(shape, plant) is None
    looks = draft(segmenter, "牡蒿的外貌特征是什么？", sentence("牡蒿茎直立，叶子互生。"))
    assert looks.q.asked == ("外貌", "特征")
    assert rules.unknown_noun(looks, plant) is None
    # an aspect asked of a thing the sentence does not name is still unknown
    other = draft(segmenter, "黄蝉的外貌特征是什么？", sentence("牡蒿茎直立，叶子互生。"))
    assert rules.unknown_noun(other, plant) == Refusal(
        "unknown-noun", "asked about 外貌, which the documents never mention")
    # a sentence that names every thing the question does (百老汇), if not 「至今」
    theatre = LiteralDocuments({"b.txt": "百老汇经历了1919年美国罢工、经济大萧条等的挑战。"}, segmenter=segmenter)
    hardship = draft(segmenter, "百老汇至今经历了哪些磨难？", sentence("百老汇经历了1919年美国罢工、经济大萧条等的挑战。", source="b.txt"))
    assert rules.unknown_noun(hardship, theatre) is None
    elsewhere = draft(segmenter, "黄蝉至今经历了哪些磨难？", sentence("百老汇经历了1919年美国罢工、经济大萧条等的挑战。", source="b.txt"))
    assert rules.unknown_noun(elsewhere, theatre) == Refusal(
        "unknown-noun", "asked about 磨难, which the documents never mention")


def test_unknown_name_refuses_a_figure_of_a_place_never_named(segmenter, docs):
    d = draft(segmenter, "小明哪一年开始担任区长？", sentence("2019年，东兴区召开大会。"))
    assert rules.unknown_name(d, docs) == Refusal("unknown-name", "the documents never name 小明")
    named = draft(segmenter, "东兴区2024年的算力规模是多少？", sentence("东兴区算力规模7300P。"))
    assert rules.unknown_name(named, docs) is None


def test_a_name_jieba_cut_across_words_the_documents_write_is_no_unknown_name(segmenter):
    notice = LiteralDocuments({"a.txt": "璠阳市电动自行车登记通告\n璠阳市的车管服务站如下：\n2.城西车管服务站：璠阳市西华大道88号；"})
    d = draft(segmenter, "璠阳城西那个车管服务站在什么地方？", sentence("2.城西车管服务站：璠阳市西华大道88号；"))
    assert "阳城" in d.q.names  # jieba: 璠|阳城|西
    assert rules.unknown_name(d, notice) is None
    # a place the documents never name stays unknown, though 「市的」 is in every notice
    other = draft(segmenter, "梓陵市的车管服务站在什么地方？", sentence("2.城西车管服务站：璠阳市西华大道88号；"))
    assert rules.unknown_name(other, notice) == Refusal("unknown-name", "the documents never name 梓陵市")


SCORES = "考核结果\n序号｜单位｜指标得分｜总分｜等次\n4｜栖梧区｜55.10｜88.02｜优秀\n5｜石濑县｜54.28｜87.73｜良好\n"
FEES = "修复费标准（元/平方米）\n路面类型｜修复费\n沥青混凝土车行道｜486\n水泥混凝土车行道｜420\n"


def test_a_tables_row_holds_bare_figures_in_its_headers_units(segmenter):
    tables = LiteralDocuments({"t.txt": SCORES, "f.txt": FEES})
    row = draft(segmenter, "石濑县的总分是多少？", sentence("5｜石濑县｜54.28｜87.73｜良好", source="t.txt", start=SCORES.index("5｜")))
    assert rules.no_figure(row, tables) is None
    line = sentence("5｜石濑县｜54.28｜87.73｜良好", source="t.txt")  # at the caption's place: no row
    assert rules.no_figure(draft(segmenter, "白石县的总分是多少？", line), tables) == Refusal(
        "no-figure", "no figure in the three best sentences")
    # the header as the best sentence, over the row the question names (session 19)
    header = sentence("序号｜单位｜指标得分｜总分｜等次", source="t.txt", start=SCORES.index("序号"))
    assert rules.no_figure(draft(segmenter, "石濑县的总分是多少？", header), tables) is None
    assert rules.no_figure(draft(segmenter, "白石县的总分是多少？", header), tables) == Refusal(
        "no-figure", "no figure in the three best sentences")
    fee = draft(segmenter, "挖开沥青路面，每平方米修复费要交多少？",
                sentence("沥青混凝土车行道｜486", source="f.txt", start=FEES.index("沥青")))
    assert rules.per_unit(fee, tables) is None  # 「（元/平方米）」 over the table


def test_a_figure_asked_per_a_unit_comes_from_a_sentence_that_says_the_unit(segmenter, docs):
    asked = "云岫毛尖在市场上每斤卖多少钱？"
    invest = draft(segmenter, asked, sentence("此次大会共签约茶产业数字化项目12个，总投资9.6亿元。"))
    assert rules.per_unit(invest, docs) == Refusal("per-unit", "no figure per 斤")
    assert rules.per_unit(draft(segmenter, asked, sentence("云岫毛尖明前茶每斤售价1200元。")), docs) is None
    # a unit by its other name (「平米」 of 「平方米」, agent/lexicon/rate_units.txt)
    rent = draft(segmenter, "公租房每平方米租金多少钱？", sentence("公租房租金为每平米8.2元。"))
    assert rules.per_unit(rent, docs) is None


def test_year_must_be_in_the_figure_sentence(segmenter, docs):
    d = draft(segmenter, "东兴区2024年的算力规模是多少？", sentence("东兴区算力规模达到7300P。", source="report.txt"))
    assert rules.year(d, docs) == Refusal("year", "year 2024 not in the evidence")
    dated = draft(segmenter, "东兴区2024年的算力规模是多少？", sentence("2024年，东兴区算力规模达到7300P。", source="report.txt"))
    assert rules.year(dated, docs) is None
    # a decade may be written by its century (DRCD dev: 「20世纪50年代东德官方鼓励…」)
    for said in ("20世纪50年代，官方鼓励现实主义艺术。", "二十世纪五十年代，官方鼓励现实主义艺术。"):
        decade = draft(segmenter, "哪一种艺术形式在1950年代被官方鼓励？", sentence(said, source="report.txt"))
        assert rules.year(decade, docs) is None
    other = draft(segmenter, "哪一种艺术形式在1950年代被官方鼓励？", sentence("20世纪60年代，官方鼓励现实主义艺术。", source="report.txt"))
    assert rules.year(other, docs) == Refusal("year", "year 1950 not in the evidence")
    # a when-question of one year is not answered by the dates of others
    period = "2026年10月1日至2027年5月31日为本县森林防火期。"
    later = draft(segmenter, "2025年的森林防火期是从哪天到哪天？", sentence(period, source="report.txt"))
    assert rules.year(later, docs) == Refusal("year", "the dates are of 2026/2027, not 2025")
    assert rules.year(draft(segmenter, "2026年的森林防火期是从哪天到哪天？", sentence(period, source="report.txt")), docs) is None
    undated = draft(segmenter, "2025年的森林防火期是从哪天到哪天？", sentence("每年10月1日至次年5月31日为森林防火期。", source="report.txt"))
    assert rules.year(undated, docs) is None
    # a year said of the document (「2023年出台的…措施」) is a premise the answer corrects, not a
    # year of the asked figure; the figure's own year still is
    valid = sentence("本措施自2025年3月1日起施行，有效期3年。", source="report.txt")
    assert rules.year(draft(segmenter, "临江市2023年出台的扶持措施有效期是几年？", valid), docs) is None
    assert rules.year(draft(segmenter, "临江市2023年的扶持措施有效期是几年？", valid), docs) == Refusal(
        "year", "year 2023 not in the evidence")


def test_a_notice_names_its_own_places_office_by_the_level_alone(segmenter):
    rule = "第七条　参加区人社部门组织的创业培训并取得合格证书的个人，贷款额度可增加5万元。"
    docs = LiteralDocuments({"a.txt": "翚渚区创业担保贷款实施细则\n" + rule,
                             "b.txt": "璆川市创业担保贷款通知\n个人创业担保贷款最高额度为30万元。"}, segmenter=segmenter)
    d = draft(segmenter, "我参加了翚渚区人社组织的创业培训，贷款能多给点吗？", sentence(rule))
    assert rules.other_entity(d, docs) is None


def test_other_document_refuses_a_sentence_from_a_document_about_another_place(segmenter, docs):
    wrong = draft(segmenter, "东兴区2024年的算力规模是多少？",
                  sentence("华兴集团算力规模达到500P。", source="other.txt"))
    assert rules.other_document(wrong, docs) == Refusal(
        "other-document", "the best sentence's document never names 东兴区")
    right = draft(segmenter, "东兴区2024年的算力规模是多少？", sentence("算力7300P。", source="report.txt"))
    assert rules.other_document(right, docs) is None


def test_a_place_with_a_generic_head_is_found_by_its_place(segmenter):
    """「韩国公司」 (LAC: 韩国 LOC + 公司) is a company of 韩国: a document about 韩国 may answer;
    one about another country may not."""
    economies = LiteralDocuments({
        "korea.txt": "韩国经济概况：在海洋勘探船方面，三星重工业占有世界市场60%的份额。",
        "japan.txt": "日本经济概况：在液化气船方面，川崎重工占有世界市场30%的份额。",
        "market.txt": "全球造船市场：多家韩国公司和日本公司参与竞争。",
    }, segmenter=segmenter)
    asked = "哪家韩国公司占有世界市场60%的份额？"
    right = draft(segmenter, asked, sentence("在海洋勘探船方面，三星重工业占有世界市场60%的份额。", source="korea.txt"))
    assert rules.other_document(right, economies) is None
    wrong = draft(segmenter, asked, sentence("在液化气船方面，川崎重工占有世界市场30%的份额。", source="japan.txt"))
    assert rules.other_document(wrong, economies) == Refusal(
        "other-document", "the best sentence's document never names 韩国公司")


def test_a_region_is_found_by_its_place_unless_another_level_is_named(segmenter):
    """「青海地区」 in a document that writes 「青海」; not in one about 「云溪市」 asked as 「云溪地区」,
    nor a district (「华兴区」) in a document that names only 「华兴」."""
    regions = LiteralDocuments({
        "qing.txt": "清朝设理藩院，管理青海蒙古各部事务。",
        "city.txt": "云溪市设有文旅局，管理云溪景区。",
        "brand.txt": "华兴是一家企业，管理多个园区。",
        "plateau.txt": "青海地区地处高原。",  # the region is named somewhere: no false premise
    }, segmenter=segmenter)
    qinghai = draft(segmenter, "清朝时哪一机构管理青海地区？", sentence("清朝设理藩院，管理青海蒙古各部事务。", source="qing.txt"))
    assert qinghai.q.names == ("青海地区",)
    assert rules.other_document(qinghai, regions) is None
    in_city, in_brand = (sentence(regions.index.documents[s].text, source=s) for s in ("city.txt", "brand.txt"))
    assert regions.in_document(in_city, "云溪地区") is False
    assert regions.in_document(in_city, "云溪市") is True
    assert regions.in_document(in_brand, "华兴区") is False
    assert regions.in_document(sentence("", source="qing.txt"), "青海省") is True  # a level dropped in the text


def test_other_entity_and_entity_figure_want_the_named_company(segmenter, docs):
    about_other = draft(segmenter, "并济科技的算力规模是多少？",
                        sentence("华兴集团算力规模达到500P。", source="other.txt"))
    assert rules.other_entity(about_other, docs) == Refusal(
        "other-entity", "the best sentence is about something other than 并济科技")
    no_figure = draft(segmenter, "并济科技的算力规模是多少？", sentence("并济科技位于东兴区。", source="report.txt"))
    assert rules.entity_figure(no_figure, docs) == Refusal("entity-figure", "no figure in a sentence about 并济科技")
    stated = draft(segmenter, "并济科技的算力规模是多少？", sentence("并济科技稳定运营算力7300P。", source="report.txt"))
    assert rules.other_entity(stated, docs) is None and rules.entity_figure(stated, docs) is None
    # any measure word counts (「2000起」), as for the other figure rules
    counted = draft(segmenter, "并济科技有多少起专利纠纷？", sentence("并济科技记录了2000起专利纠纷。", source="report.txt"))
    assert rules.entity_figure(counted, docs) is None


def test_a_sentence_that_refers_back_to_the_documents_place_is_about_it(segmenter):
    places = LiteralDocuments({
        "north.txt": "黑龙江省位于中国东北。清初将这里作为起源禁地，禁止汉人入内。",
        "south.txt": "福建省位于东南沿海。清初将这里作为海防要地，禁止商船入内。",
    }, segmenter=Segmenter(["黑龙江省", "福建省"]))
    asked = "清初将黑龙江省作为起源禁地，并禁止谁入内？"
    here = draft(segmenter, asked, sentence("清初将这里作为起源禁地，禁止汉人入内。", source="north.txt", coverage=0.5))
    assert rules.other_entity(here, places) is None
    there = draft(segmenter, asked, sentence("清初将这里作为海防要地，禁止商船入内。", source="south.txt", coverage=0.5))
    assert rules.other_entity(there, places) == Refusal(
        "other-entity", "the best sentence is about something other than 黑龙江省")


def test_a_name_the_notices_title_quotes_is_what_its_sentences_are_about(segmenter):
    hours = "周六上午9:00—12:00提供延时服务（法定节假日除外）。"
    guide = LiteralDocuments({"guide.txt": "青石区新生儿出生“一件事”联办服务指南\n" + hours},
                             segmenter=Segmenter(["出生一件事"]))
    asked = draft(segmenter, "周六能去政务中心办出生一件事吗？", sentence(hours, source="guide.txt"))
    assert guide.named_entity(asked.q) == "出生一件事"
    assert rules.other_entity(asked, guide) is None


def test_a_yes_or_no_about_a_named_place_wants_a_sentence_that_names_it(segmenter):
    parks = LiteralDocuments({"tourism.txt": (
        "假期文旅市场持续升温\n青崖山景区门票为120元/人，60岁以上老人凭证享受半价优惠。"
        "白鹭湖湿地公园门票为40元/人，亲子家庭游客占比超过四成。")}, segmenter=Segmenter())
    asked = "白鹭湖湿地公园对60岁以上老人有没有门票优惠？"  # jieba's name: 白鹭; LAC's place: the park
    other = draft(segmenter, asked, sentence("青崖山景区门票为120元/人，60岁以上老人凭证享受半价优惠。",
                                             source="tourism.txt", coverage=0.82))
    assert rules.other_entity(other, parks) == Refusal(
        "other-entity", "the best sentence is about something other than 白鹭湖湿地公园")
    own = draft(segmenter, asked, sentence("白鹭湖湿地公园门票为40元/人，亲子家庭游客占比超过四成。",
                                           source="tourism.txt", coverage=0.47))
    assert rules.other_entity(own, parks) is None
    # the place the document is about, in its title, need not be repeated by the sentence
    report = LiteralDocuments({"report.txt": "东兴区人工智能产业报告\n全区产业营收增长39.3%。"}, segmenter=Segmenter())
    growth = draft(segmenter, "东兴区人工智能产业营收下降了吗？", sentence("全区产业营收增长39.3%。", source="report.txt"))
    assert rules.other_entity(growth, report) is None


def test_unknown_kind_refuses_a_kind_of_thing_never_mentioned(segmenter, docs):
    d = draft(segmenter, "园区举办了什么比赛？", sentence("园区举办了推介大会。"))
    assert rules.unknown_kind(d, docs) == Refusal(
        "unknown-kind", "asked for a 比赛, which the documents never mention")
    known = draft(segmenter, "并济科技运营什么算力？", sentence("并济科技稳定运营算力7300P。"))
    assert rules.unknown_kind(known, docs) is None
    # a quantity the sentence gives in its units without naming it: 「按什么比例」 ← 「…的25%」
    share = draft(segmenter, "园区补助按什么比例？", sentence("园区按项目投资额的25%给予补助。"))
    assert rules.unknown_kind(share, docs) is None


def test_level_refuses_a_sentence_about_another_level(segmenter, docs):
    d = draft(segmenter, "省级平台的奖励是多少？", sentence("认定为国家级平台的，奖励500万元。"))
    assert rules.level(d, docs) == Refusal("level", "the sentence is about 国家级, the question about 省级")
    same = draft(segmenter, "省级平台的奖励是多少？", sentence("认定为省级平台的，奖励100万元。"))
    assert rules.level(same, docs) is None
    # the sponsors of a school
    private = draft(segmenter, "民办初中今年怎么报名？", sentence("区内公办小学毕业生按对口直升方式安排到初中。"))
    assert rules.level(private, docs) == Refusal("level", "the sentence is about 公办, the question about 民办")


def test_a_named_notice_that_sets_out_other_levels_of_a_group_is_not_about_the_asked_one(segmenter):
    meals = "（一）营养膳食补助：农村义务教育阶段学生每生每天补助5元，全年按200天计算。"
    notice = LiteralDocuments({"a.txt": "青石县学生营养改善计划实施通知\n" + meals + "\n覆盖全县小学和初中。"},
                              segmenter=segmenter)
    d = draft(segmenter, "青石县的高中生有没有营养餐补助，每天补多少？", sentence(meals))
    d = replace(d, q=replace(d.q, names=("青石县",)))
    assert rules.level(d, notice) == Refusal("level", "the notice about 青石县 sets out 小学、初中, not 高中")
    said = replace(d, q=replace(draft(segmenter, "青石县的初中生有没有营养餐补助，每天补多少？").q, names=("青石县",)))
    assert rules.level(said, notice) is None


def test_figure_rules_want_a_figure_of_the_asked_quantity_and_unit(segmenter, docs):
    none = draft(segmenter, "这种鸟有多少颗牙齿？", sentence("这种鸟的牙齿很尖。"))
    assert rules.no_figure(none, docs) == Refusal("no-figure", "no figure in the three best sentences")
    claws = draft(segmenter, "这种鸟有多少颗牙齿？", sentence("这种鸟有3颗爪子。"))
    assert rules.no_figure(claws, docs) is None
    assert rules.quantity(claws, docs) == Refusal("quantity", "no figure of the asked quantity")
    teeth = draft(segmenter, "这种鸟有多少颗牙齿？", sentence("这种鸟有20颗牙齿。"))
    assert rules.quantity(teeth, docs) is None
    # a reading in degrees (「度数」: °C) and a record (「最高纪录」, the asked figure itself)
    degrees = draft(segmenter, "热力学温标的度数加上多少可以转换成摄氏？", sentence("热力学温标的起始点0K=−273.15°C。"))
    assert rules.quantity(degrees, docs) is None
    record = draft(segmenter, "单一科系收到的捐赠最高纪录是多少？", sentence("谢明捐赠了3500万美元给电机系，这是史上单一科系收到的最大捐赠。"))
    assert rules.quantity(record, docs) is None
    # a counted noun abbreviated to its first character after the numeral (「三国」: 三个国家)
    three = draft(segmenter, "战后几个国家共同控制着这座城市？", sentence("战后这座城市实际上由美英法三国共同控制。"))
    assert rules.quantity(three, docs) is None
    unnamed = draft(segmenter, "战后几个国家共同控制着这座城市？", sentence("战后这座城市实际上由三方共同控制。"))
    assert rules.quantity(unnamed, docs) == Refusal("quantity", "no figure of the asked quantity")
    money = draft(segmenter, "园区有多少名员工？", sentence("园区员工创造产值58亿元。"))
    assert rules.unit(money, docs) == Refusal("unit", "no figure counted in 名")
    staff = draft(segmenter, "园区有多少名员工？", sentence("园区共有员工1200名。"))
    assert rules.unit(staff, docs) is None
    # a bare count in groups of three digits counts in any unit (「人口达2,790,060」)
    people = draft(segmenter, "该市有多少人？", sentence("该市人口达2,790,060，为全国最大城市。"))
    assert rules.unit(people, docs) is None
    assert rules.unit(draft(segmenter, "该市有多少人？", sentence("该市人口排名全国第一。")), docs) == Refusal(
        "unit", "no figure counted in 人")
    # a figure in a unit of the asked quantity names it (「体重」: 公斤), one in another unit does not
    weight = draft(segmenter, "这种鸟的体重大约是多少？", sentence("这种鸟很细小，约只有8公斤重。"))
    assert rules.quantity(weight, docs) is None
    length = draft(segmenter, "这种鸟的体重大约是多少？", sentence("这种鸟很细小，约只有80厘米长。"))
    assert rules.quantity(length, docs) == Refusal("quantity", "no figure of the asked quantity")
    share = draft(segmenter, "目前学校男女生比例是多少？", sentence("目前学校男女生比例约为1:7。"))
    assert rules.quantity(share, docs) is None
    # a number that is a code answers 「多少」 too: a hotline has no measure word
    hotline = draft(segmenter, "园区的服务热线是多少？", sentence("园区服务热线：0832-2120000。"))
    assert rules.no_figure(hotline, docs) is None and rules.quantity(hotline, docs) is None


def test_time_rules_want_a_date_of_the_asked_event(segmenter, docs):
    undated = draft(segmenter, "大会于什么时候召开？", sentence("大会在县会展中心召开。"))
    assert rules.no_time(undated, docs) == Refusal("no-time", "no time in the best sentence")
    dated = draft(segmenter, "大会于什么时候召开？", sentence("大会于3月18日在县会展中心召开。"))
    assert rules.no_time(dated, docs) is None
    # a date in Chinese numerals, as lunar dates are written; the end of another event
    lunar = draft(segmenter, "大会于什么时候召开？", sentence("大会于每年农历九月初九在县会展中心召开。"))
    assert rules.no_time(lunar, docs) is None
    after = draft(segmenter, "选手什么时候交换场地？", sentence("一局比赛结束之后交换场地。"))
    assert rules.no_time(after, docs) is None
    undecided = draft(segmenter, "大会于什么时候召开？", sentence("大会开始时间未定。"))
    assert rules.no_time(undecided, docs) == Refusal("no-time", "no time in the best sentence")
    other = draft(segmenter, "小明哪一年开始担任区长？", sentence("小明2019年毕业于清华大学。"))
    assert rules.other_event(other, docs) == Refusal("other-event", "the dated sentence is about another event")
    event = draft(segmenter, "小明哪一年开始担任区长？", sentence("小明2019年开始担任区长。"))
    assert rules.other_event(event, docs) is None


def test_a_latest_time_answers_a_question_about_how_late(segmenter, docs):
    late = draft(segmenter, "初中晚自习最晚可以上到几点？", sentence("初中学校可开设晚自习，结束时间不得晚于20:30。"))
    assert rules.other_event(late, docs) is None
    due = draft(segmenter, "材料最迟交到哪天？", sentence("申报单位须不迟于6月30日报送。"))
    assert rules.other_event(due, docs) is None
    # a time that bounds nothing is still another event's
    opened = draft(segmenter, "初中晚自习最晚可以上到几点？", sentence("初中学校于2019年9月开设晚自习。"))
    assert rules.other_event(opened, docs) == Refusal("other-event", "the dated sentence is about another event")


def test_a_sentence_under_another_levels_heading_is_about_that_level(segmenter):
    from types import SimpleNamespace

    from agent.offline.gather.evidence import _level_heading

    measure = "1. 工业企业排放总量削减10%以上；"
    plan = LiteralDocuments({"a.txt": f"（一）黄色预警\n{measure}\n"}, segmenter=segmenter)
    at = plan.index.documents["a.txt"].text.index(measure)
    plan.index.chunks = [SimpleNamespace(source="a.txt", heading="四、应急措施>（一）黄色预警",
                                         sentences=[SimpleNamespace(start=at, end=at + len(measure))])]
    blue = draft(segmenter, "蓝色预警时工业企业排放总量要削减多少？", sentence(measure, start=at))
    assert rules.level(blue, plan) == Refusal("level", "the sentence is about 黄色预警, the question about 蓝色预警")
    yellow = draft(segmenter, "黄色预警时工业企业排放总量要削减多少？", sentence(measure, start=at))
    assert rules.level(yellow, plan) is None
    # and in ranking, the section named by the asked level is preferred
    assert _level_heading(yellow.q, "四、应急措施>（一）黄色预警（Ⅲ级响应）")
    assert not _level_heading(blue.q, "四、应急措施>（一）黄色预警（Ⅲ级响应）")


def test_a_verb_asked_with_a_modal_is_the_verb_the_sentence_dates(segmenter, docs):
    window = "服务窗口办理时间为每日8:00—17:00，节假日不休。"
    asked = draft(segmenter, "出生一件事窗口每天几点到几点能办？", sentence(window))
    assert rules.other_event(asked, docs) is None
    other = draft(segmenter, "出生一件事窗口每天几点到几点能办？", sentence("服务窗口于2024年3月1日启用。"))
    assert rules.other_event(other, docs) == Refusal("other-event", "the dated sentence is about another event")


def test_hours_of_the_asked_day_answer_a_clock_question_whatever_the_verb(segmenter, docs):
    saturday = draft(segmenter, "公积金中心周六上班吗？几点到几点？", sentence("周六上午9:00—12:00提供延时服务，仅受理提取业务。"))
    assert rules.other_event(saturday, docs) is None
    # hours of another day are another event's
    weekdays = draft(segmenter, "公积金中心周六上班吗？几点到几点？", sentence("工作日上午9:00—12:00提供延时服务。"))
    assert rules.other_event(weekdays, docs) == Refusal("other-event", "the dated sentence is about another event")


def test_a_when_question_of_a_table_row_is_answered_by_its_time_cell(segmenter):
    from agent.offline.extract.tables import table_answer

    text = ("收运时间调整如下：\n乡镇｜计划车次｜调整前收运时间｜调整后收运时间\n东崎乡｜4｜18:00—20:00｜19:00—21:00\n"
            "东埔乡｜3｜16:00—18:00｜16:30—18:30\n西河乡｜2｜17:00—19:00｜17:30—19:30\n")
    plan = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    header = "乡镇｜计划车次｜调整前收运时间｜调整后收运时间"
    asked = draft(segmenter, "东埔乡调整后垃圾收运时间是几点到几点？", sentence(header, start=text.index(header)))
    assert rules.no_time(asked, plan) is None
    assert table_answer(asked.q, plan.index, list(asked.candidates))[0] == "东埔乡调整后收运时间：16:30—18:30"
    # a column of counts tells no time, however well its heading fits
    counted = draft(segmenter, "东埔乡计划车次是哪天？", sentence(header, start=text.index(header)))
    assert table_answer(counted.q, plan.index, list(counted.candidates)) is None


def test_a_table_row_answers_for_the_entity_its_document_names(segmenter):
    text = ("里民活动中心场地借用收费标准\n场地｜容纳人数｜平日每时段｜例假日每时段\n会议室｜40人｜新台币500元｜新台币700元\n"
            "大礼堂｜200人｜新台币1,500元｜新台币2,000元\n舞蹈教室｜30人｜新台币400元｜新台币600元\n")
    hall = LiteralDocuments({"a.txt": text}, names=("活动中心",))
    header = "场地｜容纳人数｜平日每时段｜例假日每时段"
    asked = draft(segmenter, "活动中心的会议室，假日借一个时段要多少钱？", sentence(header, start=text.index(header)))
    assert [rules.other_entity(asked, hall), rules.entity_figure(asked, hall), rules.unit(asked, hall)] == [None] * 3
    # without a row the question names, the header line is still no sentence about it
    unnamed = draft(segmenter, "活动中心的游泳池，假日借一个时段要多少钱？", sentence(header, start=text.index(header)))
    assert rules.entity_figure(unnamed, hall) == Refusal("entity-figure", "no figure in a sentence about 活动中心")


def test_a_time_told_by_another_event_or_an_age_is_a_time(segmenter, docs):
    asked = "长宗我部家何时成为丰臣家的从属势力？"
    after = draft(segmenter, asked, sentence("四国征伐后，长宗我部家随即成为丰臣家的从属势力。"))
    assert rules.no_time(after, docs) is None
    age = draft(segmenter, "符泳什么时候开始成为冠军？", sentence("自十八岁开始至今，符泳是香港的冠军。"))
    assert rules.no_time(age, docs) is None
    during = draft(segmenter, "张天霖何时拍了MV？", sentence("原本是模特儿的张天霖，高二的时候拍了MV。"))
    assert rules.no_time(during, docs) is None
    # 「后」 inside a clause (「后勤」「后来」) tells no time
    undated = draft(segmenter, asked, sentence("长宗我部家后来成为丰臣家的从属势力。"))
    assert rules.no_time(undated, docs) == Refusal("no-time", "no time in the best sentence")


def test_a_date_whose_sentence_says_all_but_the_verb_is_of_the_asked_event(segmenter, docs):
    listed = draft(segmenter, "卡塞雷斯老城区是何时被列为世界文化遗产的？",
                   sentence("卡塞雷斯老城区在1986年被UNESCO登录为世界文化遗产。"))
    assert rules.other_event(listed, docs) is None
    # the verb and the thing it is about both missing: another event
    other = draft(segmenter, "卡塞雷斯老城区是何时被列为世界文化遗产的？",
                  sentence("卡塞雷斯老城区在1986年举办了音乐节。"))
    assert rules.other_event(other, docs) == Refusal("other-event", "the dated sentence is about another event")
    # all the question's words there, but the date is the meeting's, in a clause without them
    meeting = draft(segmenter, "小明哪一年开始担任区长？", sentence("在2019年举行的大会上，区长小明介绍了情况。"))
    assert rules.other_event(meeting, docs) == Refusal("other-event", "the dated sentence is about another event")
    named = draft(segmenter, "纽约证券交易所这个名字是何时出现的？",
                  sentence("1863年，纽约证券和交易管理处改名为纽约证券交易所。"))
    assert rules.other_event(named, docs) is None


def test_the_first_refusing_rule_decides_and_the_check_stage_records_it(segmenter, docs):
    # the unknown-noun, year and unit rules all refuse; unknown-noun comes first in RULES
    d = draft(segmenter, "东兴区2024年有多少名员工？", sentence("东兴区算力规模达到7300P。", source="report.txt"))
    assert [rule_of(r, d, docs) for r in (rules.unknown_noun, rules.year, rules.unit)] == [
        "unknown-noun", "year", "unit"]
    checked = Check(docs)(d)
    assert (checked.refusal.rule, checked.decided_by, checked.done) == ("unknown-noun", "check", True)
    fine = draft(segmenter, "并济科技运营多少算力？", sentence("并济科技稳定运营算力7300P。", source="report.txt"))
    assert Check(docs)(fine) == fine


def test_a_length_of_time_asked_is_answered_by_one_whatever_noun_stands_before_the_question_word(segmenter, docs):
    said = sentence("法定办结时限20个工作日，承诺办结时限12个工作日。")
    assert rules.quantity(draft(segmenter, "农村申请宅基地，乡镇承诺多少天内办完？", said), docs) is None
    roads = sentence("城市道路交付使用后5年内不得挖掘。")
    assert rules.quantity(draft(segmenter, "新修好的马路多少年内不允许开挖？", roads), docs) is None
    # a figure that is no length of time does not answer it
    fee = sentence("审批按每宗50元收取工本费。")
    assert rules.quantity(draft(segmenter, "农村申请宅基地，乡镇承诺多少天内办完？", fee), docs) == Refusal(
        "quantity", "no figure of the asked quantity")


def test_a_close_runner_up_of_the_notice_answers_when_the_best_sentence_dates_another_event(segmenter, docs):
    course = sentence("（二）全程马拉松赛道：11月10日6:30至13:30，按比赛进程分段管制。", score=3.6)
    bridge = sentence("（四）芦汀大桥：7:40至11:30封闭，禁止车辆和行人通过。", score=3.4)
    asked = "马拉松那天芦汀大桥几点到几点封闭？"
    docs = LiteralDocuments({"a.txt": "芦汀马拉松交通管制通告\n" + course.text + bridge.text, "b.txt": bridge.text},
                            segmenter=segmenter)
    d = draft(segmenter, asked, course, bridge)
    assert rules.other_event(d, docs) is not None
    checked = Check(docs)(d)
    assert not checked.done and [c.text for c in checked.candidates] == [bridge.text, course.text]
    # not one far behind, nor one of another document: the best sentence answers with its quote
    # (a notice's date said in other words), and only a person's other event is refused
    far = draft(segmenter, asked, course, sentence(bridge.text, score=2.0))
    assert Check(docs)(far).refusal is None and Check(docs)(far).candidates[0] is course
    other = draft(segmenter, asked, course, sentence(bridge.text, score=3.4, source="b.txt"))
    assert Check(docs)(other).refusal is None
    life = LiteralDocuments({"a.txt": "陈明2019年毕业于清华大学。"}, segmenter=segmenter)
    person = draft(segmenter, "陈明哪一年开始担任区长？", sentence("陈明2019年毕业于清华大学。"))
    assert Check(life)(person).refusal == Refusal("other-event", "the dated sentence is about another event")
    # a place LAC reads as a person (溥城, of 溥城区) is no person
    fireworks = LiteralDocuments({"a.txt": "溥城区烟花爆竹限放规定\n（二）农历正月初一7:00至22:00；"}, segmenter=segmenter)
    place = draft(segmenter, "溥城这边除夕晚上放鞭炮能放到几点？", sentence("（二）农历正月初一7:00至22:00；"))
    assert rules.other_event(place, fireworks) is not None and Check(fireworks)(place).refusal is None


def test_a_presupposed_claim_is_looked_for_and_noted_when_contradicted():
    assert claimed_opposites("营收为什么下降了") == ["增长", "上升", "提高", "提升", "增加"]
    assert false_premise("营收下降了吗", ["营收增长39.3%。"]) == (
        "注意：资料并未提到“下降”，与问题的前提不符；以上为资料记载的情况。")
    assert false_premise("营收下降了吗", ["营收下降5%。"]) == ""


def test_a_charge_the_notice_denies_is_a_no_to_paying(segmenter, docs):
    # the resident asks whether they pay (交费, 交钱), the notice says whether it charges
    free = sentence("首次申领居住证不收费。", source="report.txt")
    d = draft(segmenter, "第一次办居住证需要交费吗？", free, short="首次申领居住证不收费", evidence=(free,))
    assert Caveat(docs)(d).short == "不是。资料记载：首次申领居住证不收费"
    none = sentence("电动自行车登记、核发号牌不收取任何费用。", source="report.txt")
    d = draft(segmenter, "给电动车上牌要交钱吗？", none, short="电动自行车登记、核发号牌不收取任何费用", evidence=(none,))
    assert Caveat(docs)(d).short.startswith("不是。")
    paid = sentence("补领号牌按每副10元收取成本费用。", source="report.txt")
    d = draft(segmenter, "补领号牌要交钱吗？", paid, short="补领号牌按每副10元收取成本费用", evidence=(paid,))
    assert not Caveat(docs)(d).short.startswith("不是。")


def test_no_yes_for_a_noun_the_notice_never_says_though_another_notice_does(segmenter):
    notices = LiteralDocuments({
        "a.txt": "蓠州市退役军人创业补助办法\n退役军人在本市创业的，给予一次性创业补助10000元。",
        "b.txt": "霈州市人才安家补贴办法\n引进的硕士给予购房补贴5万元。"}, segmenter=segmenter)
    top = sentence("退役军人在本市创业的，给予一次性创业补助10000元。")
    d = draft(segmenter, "蓠州退役军人创业有没有购房补贴？", top, short="给予一次性创业补助10000元", evidence=(top,))
    assert not Caveat(notices)(d).short.startswith("是的")
    said = draft(segmenter, "蓠州退役军人创业有没有创业补助？", top, short="给予一次性创业补助10000元", evidence=(top,))
    assert Caveat(notices)(said).short.startswith("是的")


def test_caveat_answers_yes_or_no(segmenter, docs):
    top = sentence("并济科技营收增长39.3%。", source="report.txt", coverage=0.8)
    contradicted = draft(segmenter, "并济科技的营收下降了吗？", top, short="并济科技营收增长39.3%", evidence=(top,))
    said = Caveat(docs)(contradicted)
    assert said.short == "不是。资料记载：并济科技营收增长39.3%"
    assert said.notes == ("注意：资料并未提到“下降”，与问题的前提不符；以上为资料记载的情况。",)
    assert (said.settled, said.decided_by) == (True, "extract")
    stated = draft(segmenter, "并济科技的营收增长了吗？", top, short="并济科技营收增长39.3%", evidence=(top,))
    assert Caveat(docs)(stated).short == "是的。并济科技营收增长39.3%"


def test_caveat_notes_a_name_no_document_uses(segmenter, docs):
    top = sentence("并济科技稳定运营算力7300P。", source="report.txt")
    d = draft(segmenter, "小明公司运营多少算力？", top, short="7300P", evidence=(top,))
    assert d.q.names == ("小明",)
    assert Caveat(docs)(d).notes == ("注意：资料中没有提到“小明”，与问题的前提不符；以上为资料记载的情况。",)


def test_the_kind_of_the_answer_need_not_be_named_by_a_sentence_that_names_the_rest(segmenter):
    party = "反对奴隶制度扩张的是自由土党。"
    texts = LiteralDocuments({"a.txt": party}, segmenter=segmenter)
    asked = draft(segmenter, "反对奴隶制度扩张的是什么党派？", sentence(party))
    assert (asked.q.kind, asked.q.qtype) == ("党派", "which")
    assert rules.unknown_noun(asked, texts) is None
    assert rules.unknown_kind(asked, texts) is None
    # a sentence about another thing (奴隶贸易), or no instance of the kind (no 党): refused
    other = draft(segmenter, "反对奴隶贸易的是什么党派？", sentence(party))
    assert rules.first_refusal(other, texts) is not None
    kinds = LiteralDocuments({"a.txt": "反对奴隶制度扩张的是北方各州。"}, segmenter=segmenter)
    states = draft(segmenter, "反对奴隶制度扩张的是什么党派？", sentence("反对奴隶制度扩张的是北方各州。"))
    assert rules.first_refusal(states, kinds) is not None


def test_a_yes_no_question_is_answered_no_when_the_sentence_denies_its_word():
    segmenter = Segmenter()
    q = analyze("有欠税记录的企业可以申报吗？", segmenter)
    assert denied(q, "近三年有欠税记录的企业,不得申报。") == "不得申报"
    assert denied(q, "符合条件的企业均可申报。") == ""
    asks_the_denial = analyze("有欠税记录的企业是否不得申报？", segmenter)
    assert denied(asks_the_denial, "近三年有欠税记录的企业,不得申报。") == ""


def test_a_word_written_with_brackets_is_said():
    from agent.offline.documents import written

    assert written("县区", "一、县（区）考核结果") and written("县区", "各县（市、区）人民政府")
    assert written("乡镇", "各乡（镇）人民政府")
    assert not written("县区", "本县辖区内") and not written("县区", "县市区")


def test_a_doubled_character_is_said_by_the_character_or_its_synonym(segmenter):
    from agent.offline.documents import written

    assert written("狗狗", "携犬出户应当束犬链。") and written("狗狗", "禁止遛狗不牵绳。")
    assert not written("狗狗", "猫应当登记。") and not written("狗", "携犬出户应当束犬链。")
    # a compound's head by a synonym (公司 ~ 企业)
    assert written("燃气公司", "燃气企业应当每年入户检查。") and not written("燃气公司", "供热企业应当每年入户检查。")
    dogs = LiteralDocuments({"a.txt": "犬只满3月龄的，应当办理养犬登记。"}, segmenter=segmenter)
    age = draft(segmenter, "狗狗长到多大必须办登记？", sentence("犬只满3月龄的，应当办理养犬登记。"))
    assert rules.unknown_noun(age, dogs) is None


def test_a_level_said_only_inside_a_longer_one_is_not_said():
    from agent.lexicon.wordlists import mentioned

    group = ("博士后", "博士", "硕士")
    assert mentioned(group, "对博士后每月补贴多少") == ["博士后"]
    assert mentioned(group, "博士研究生每月1500元，硕士研究生每月1000元") == ["博士", "硕士"]
    assert rules.level_clash("对博士后每月补贴多少", "博士研究生每月1500元") != ""
    assert rules.level_clash("硕士每月补贴多少", "博士研究生每月1500元，硕士研究生每月1000元") == ""


def test_a_time_something_lasts_until_or_starts_from_dates_what_is_asked(segmenter, docs):
    until = draft(segmenter, "以后晚上去白鹭山，最晚能待到几点？",
                  sentence("我市将推出新举措：白鹭山景区夜间开放时间延长至21时30分。"))
    assert rules.other_event(until, docs) is None
    start = draft(segmenter, "那些留住游客的新措施打算从几月份开始搞？",
                  sentence("为巩固消费热度，我市将从今年11月起推出一系列新举措。"))
    assert rules.other_event(start, docs) is None
    # a date of another event is still another event's
    other = draft(segmenter, "那些留住游客的新措施打算从几月份开始搞？", sentence("10月3日，白鹭山景区一度启动限流。"))
    assert rules.other_event(other, docs) == Refusal("other-event", "the dated sentence is about another event")


def test_a_denial_may_put_a_verb_before_the_asked_words_head(segmenter):
    q = draft(segmenter, "事业单位在编人员可以领人才住房补贴吗？").q
    assert denied(q, "有下列情形之一的,不予发放补贴:") == "不予发放补贴"
    assert denied(q, "补贴按月发放。") == ""


def test_a_verb_of_exclusion_denies_the_asked_words(segmenter):
    # 「不纳入补助范围」 excludes as 「不予补助」 does (agent/lexicon/negators.txt)
    q = draft(segmenter, "我儿子在县城买了商品房，我家的危房还能申请改造补助吗？").q
    assert denied(q, "有下列情形之一的,不纳入补助范围:") == "不纳入补助"
    assert denied(q, "有下列情形之一的,纳入补助范围:") == ""


def test_a_numbered_name_with_another_number_is_another_thing(segmenter, docs):
    assert rules.designations("地铁1号线当日首班车提前至5:30发车") == {("1", "号线")}
    assert rules.designations("第三批国家级专精特新企业") == {("3", "批")}
    assert rules.designations("2024年10号前报送") == set()  # a day of the month names nothing
    line2 = draft(segmenter, "马拉松那天地铁2号线首班车几点开？", sentence("地铁1号线当日首班车提前至5:30发车。"))
    assert rules.designation(line2, docs) == Refusal("designation", "asked about 2号线; the best sentence names 1号线")
    line1 = draft(segmenter, "马拉松那天地铁一号线首班车几点开？", sentence("地铁1号线当日首班车提前至5:30发车。"))
    assert rules.designation(line1, docs) is None


def test_a_row_the_table_does_not_list_for_the_named_name_is_refused(segmenter):
    rentals = ("公租房配租公告\n小区名称｜房型｜月租金（元）\n金桂苑｜一室户｜650\n金桂苑｜三室户｜1320\n"
               "银杏园｜一室户｜600\n银杏园｜两室户｜900\n")
    docs = LiteralDocuments({"a.txt": rentals})
    asked = draft(segmenter, "银杏园三室户每个月租金多少？", sentence("公租房配租公告"))
    assert rules.table_row(asked, docs) == Refusal("table-row", "the table has no row for 银杏园 三室户")
    listed = draft(segmenter, "银杏园两室户每个月租金多少？", sentence("公租房配租公告"))
    assert rules.table_row(listed, docs) is None


def test_a_count_in_a_tables_heading_answers_a_how_many_people_question(segmenter):
    schools = "招生计划\n学校｜计划班数｜计划人数\n实验小学｜10｜450\n东湖小学｜6｜270\n"
    docs = LiteralDocuments({"a.txt": schools})
    d = draft(segmenter, "东湖小学今年计划招多少人？", sentence("招生计划"))
    assert rules.unit(d, docs) is None
    assert rules.unit(draft(segmenter, "东湖小学今年计划招多少人？", sentence("东湖小学始建于1952年。")),
                      LiteralDocuments({"a.txt": "东湖小学始建于1952年。"})) == Refusal("unit", "no figure counted in 人")


def test_a_stop_dates_what_the_question_asks_not_to_happen(segmenter, docs):
    stop = draft(segmenter, "鹤川县的中小学哪天因为防汛不上课？", sentence("全县中小学、幼儿园6月19日停课1天。"))
    assert rules.other_event(stop, docs) is None
    # a stop of something the question does not name, or a date of something else, is another event's
    elsewhere = draft(segmenter, "鹤川县的中小学哪天因为防汛不上课？", sentence("旅游景区6月19日暂停开放。"))
    assert rules.other_event(elsewhere, docs) == Refusal("other-event", "the dated sentence is about another event")
    other = draft(segmenter, "鹤川县的中小学哪天因为防汛不上课？", sentence("6月18日16时发布暴雨橙色预警信号。"))
    assert rules.other_event(other, docs) == Refusal("other-event", "the dated sentence is about another event")


def test_a_company_whose_own_name_no_document_writes_is_refused(segmenter):
    listed = "稳岗返还公示\n序号｜企业名称｜返还金额（元）\n1｜琅峪星辰电子科技有限公司｜67,104.00\n2｜琅峪城建集团有限公司｜158,760.00\n"
    docs = LiteralDocuments({"a.txt": listed}, segmenter=segmenter)
    other = draft(segmenter, "琅峪星辰光电有限公司这次稳岗返还拿到多少钱？", sentence("1｜琅峪星辰电子科技有限公司｜67,104.00"))
    assert rules.unknown_company(other, docs) == Refusal(
        "unknown-name", "the documents never name 琅峪星辰光电有限公司 (星辰光电)")
    # its name without the 有限公司 the notice adds is its name
    same = draft(segmenter, "琅峪星辰电子科技公司这次稳岗返还拿到多少钱？", sentence("1｜琅峪星辰电子科技有限公司｜67,104.00"))
    assert rules.unknown_company(same, docs) is None


def test_a_figure_of_a_township_the_best_sentence_does_not_name_is_refused(segmenter):
    bulletin = ("榆津区统计局前三季度经济运行情况\n农村居民人均可支配收入24,518元，增长6.7%。\n"
                "街道（镇）｜地区生产总值（亿元）\n东埠街道｜156.82\n临渠镇｜107.56\n")
    docs = LiteralDocuments({"a.txt": bulletin})
    whole_district = sentence("农村居民人均可支配收入24,518元，增长6.7%。", start=bulletin.index("农村"))
    township = draft(segmenter, "榆津区临渠镇前三季度农村居民人均可支配收入是多少？", whole_district)
    assert rules.other_place(township, docs) == Refusal("other-entity", "the best sentence is not about 临渠镇")
    district = draft(segmenter, "榆津区前三季度农村居民人均可支配收入是多少？", whole_district)
    assert rules.other_place(district, docs) is None


def test_a_yes_needs_the_sentence_to_state_the_asked_verb(segmenter):
    docs = LiteralDocuments({"a.txt": "消费券发放公告\n纸本券领取：3月25日起至4月30日止，凭身份证至区公所领取。"
                                      "纸本消费券遗失的，可于4月30日前补发一次。"}, segmenter=segmenter)
    top = sentence("纸本券领取：3月25日起至4月30日止，凭身份证至区公所领取。", coverage=0.8)
    lost = draft(segmenter, "纸本消费券弄丢了可以补发吗？", top, short="纸本券领取：3月25日起至4月30日止", evidence=(top,))
    assert Caveat(docs)(lost).short == "纸本券领取：3月25日起至4月30日止"  # was 「是的。…」
    reissued = sentence("纸本消费券遗失的，可于4月30日前补发一次。", coverage=0.8)
    asked = draft(segmenter, "纸本消费券弄丢了可以补发吗？", reissued, short="可于4月30日前补发一次", evidence=(reissued,))
    assert Caveat(docs)(asked).short == "是的。可于4月30日前补发一次"


def test_no_yes_for_a_question_noun_no_document_uses(segmenter):
    said = "家长持接收意见到转出学校办理转学手续，转出学校在系统中发起转学申请。"
    notice = LiteralDocuments({"a.txt": "樨城县转学办事指南\n" + said}, segmenter=segmenter)
    top = sentence(said, coverage=0.8)
    bus = draft(segmenter, "孩子转学以后可以申请坐校车吗？", top, short=said, evidence=(top,))
    assert Caveat(notice)(bus).short == said  # 校车: no document says it
    asked = draft(segmenter, "孩子转学可以在系统中发起申请吗？", top, short=said, evidence=(top,))
    assert Caveat(notice)(asked).short == f"是的。{said}"


def test_clock_hours_under_a_label_that_names_the_asked_thing(segmenter):
    """「…东湖大桥几点到几点不能走」: the item labelled 东湖大桥 gives its hours in its own words
    (封闭); a label naming only what the notice's title names (马拉松) dates another event."""
    bridge = "（四）东湖大桥：7:40至11:30封闭，禁止车辆和行人通过。"
    course = "（二）全程马拉松赛道：11月10日6:30至13:30分段封闭。"
    text = f"石门马拉松交通管制通告\n{course}\n{bridge}\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    asked = "马拉松那天东湖大桥几点到几点不能走？"
    assert rules.other_event(draft(segmenter, asked, sentence(bridge, start=text.index(bridge))), docs) is None
    assert rules.other_event(draft(segmenter, asked, sentence(course, start=text.index(course))), docs) == Refusal(
        "other-event", "the dated sentence is about another event")


def test_a_day_of_the_week_is_a_time_cell(segmenter):
    from agent.offline.extract.tables import table_answer

    text = "垃圾收运调整表\n乡镇｜收运时间｜每周停收日\n东崎乡｜06:30—08:30｜周三\n西河乡｜07:00—09:00｜周四、周日\n"
    plan = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    row = "西河乡｜07:00—09:00｜周四、周日"
    asked = draft(segmenter, "西河乡每周哪几天不收垃圾？", sentence(row, start=text.index(row)))
    assert table_answer(asked.q, plan.index, list(asked.candidates))[0] == "西河乡每周停收日：周四、周日"


def test_a_named_time_of_day_answers_a_clock_question_whatever_the_verb(segmenter, docs):
    asked = "城南小学课后托管下午几点放学？"
    assert rules.other_event(draft(segmenter, asked, sentence("小学课后服务结束时间为17:30。")), docs) is None
    assert rules.other_event(draft(segmenter, asked, sentence("家长会定于17:30召开。")), docs) == Refusal(
        "other-event", "the dated sentence is about another event")


def test_the_label_of_an_asked_place_is_no_unknown_noun(segmenter):
    line = "也可以到市社会保险事业管理中心失业保险科（北陵市解放南路77号二楼）现场办理。"
    notices = LiteralDocuments({"a.txt": "北陵市失业保险金申领问答\n" + line}, segmenter=segmenter)
    d = draft(segmenter, "北陵市失业金要去现场办的话，办公地点在哪？", sentence(line))
    d = replace(d, q=replace(d.q, names=("北陵市",)))  # as the Analyze stage names it
    assert "办公" in d.q.asked and rules.unknown_noun(d, notices) is None
    # a noun the notice never uses is still refused when it is not a place's label
    d = draft(segmenter, "北陵市失业金的办公补贴有多少？", sentence(line))
    d = replace(d, q=replace(d.q, names=("北陵市",)))
    assert rules.unknown_noun(d, notices) is not None


def test_a_vehicle_the_table_has_no_row_for_is_refused_though_a_column_names_the_asked_time(segmenter):
    # 「一小时」 names the row 「计时（每半小时）」 by its description, not by its vehicle: 大客车 is a
    # vehicle (同义词词林 Bo) beside 摩托车, with the 车 that 小型车 ends in, that no row lists
    parking = "澜川县公共停车场收费标准\n车种｜计费方式｜收费金额\n小型车｜计时（每半小时）｜5元\n小型车｜当日最高｜60元\n摩托车｜计次｜2元\n"
    docs = LiteralDocuments({"a.txt": parking})
    coach = draft(segmenter, "澜川县大客车停一小时收多少钱？", sentence("小型车｜计时（每半小时）｜5元", start=parking.index("小型车｜计时")))
    assert rules.table_row(coach, docs) == Refusal("table-row", "the table has no row for 大客车")
    car = draft(segmenter, "澜川县小型车停一小时收多少钱？", sentence("小型车｜计时（每半小时）｜5元", start=parking.index("小型车｜计时")))
    assert rules.table_row(car, docs) is None


def test_a_company_counted_by_a_numeral_is_no_name(segmenter):
    rule = "第七条 每家用人单位每年度享受扩岗补助人数不超过30人。"
    docs = LiteralDocuments({"a.txt": "澜川县扩岗补助实施细则\n" + rule}, segmenter=segmenter)
    # LAC reads 「澜川县一家公司」 as one ORG; 一家 (jieba m) counts a company, it names none
    some = draft(segmenter, "澜川县一家公司一年里扩岗补助最多能报几个人？", sentence(rule))
    assert rules.unknown_company(some, docs) is None
    named = draft(segmenter, "澜川县星辰光电公司一年里扩岗补助最多能报几个人？", sentence(rule))
    assert rules.unknown_company(named, docs) == Refusal("unknown-name", "the documents never name 澜川县星辰光电公司 (星辰光电)")


def test_a_conjunction_the_notice_never_writes_is_no_topic(segmenter):
    rule = "深松作业同步实施旋耕施肥的，每亩另加5元。"
    notice = LiteralDocuments({"a.txt": "澜川县农机深松整地作业补贴公告\n" + rule}, segmenter=segmenter)
    d = draft(segmenter, "澜川县深松的同时顺带旋耕施肥，每亩多给多少？", sentence(rule))
    assert rules.unknown_noun(replace(d, q=replace(d.q, names=("澜川县",))), notice) is None
    # two nouns side by side the notice never writes still are (「热泵烘干」)
    other = draft(segmenter, "澜川县热泵烘干设备每台补多少？", sentence(rule))
    refusal = rules.unknown_noun(replace(other, q=replace(other.q, names=("澜川县",))), notice)
    assert refusal is not None and refusal.rule == "unknown-noun"


def test_a_question_and_answer_notice_says_yes_or_no_in_its_own_words(segmenter):
    qa = ("澜川县棚改货币化安置政策问答\n问3：买了二手房能拿购房奖励吗？\n答：不能。购房奖励仅限购买本县城区新建商品住房。\n"
          "问4：对购房面积有要求吗？\n答：没有。购房面积不限。\n")
    assert stated_verdict("能拿购房奖励吗", qa, qa.index("购房奖励仅限")) == "不能"
    assert stated_verdict("可以拿购房奖励吗", qa, qa.index("问3")) == "不能"  # from the question line, the answer after it
    assert stated_verdict("面积小能落户吗", qa, qa.index("购房面积不限")) == ""  # 没有 answers 有…吗, not 能…吗
    docs = LiteralDocuments({"a.txt": qa}, segmenter=segmenter)
    said = "购房奖励仅限购买本县城区新建商品住房。"
    d = draft(segmenter, "澜川县用补偿款买二手房，能拿购房奖励吗？", sentence(said, start=qa.index(said)))
    assert Caveat(docs)(replace(d, short="购房奖励仅限购买本县城区新建商品住房")).short == "不能。购房奖励仅限购买本县城区新建商品住房"


def test_a_notice_dates_its_grant_in_its_own_verb(segmenter):
    # 「发下来」 is 拨付 in the notice's words; 深松 is the title's, 最晚 the deadline asked, 下来 a direction
    paid = "核查结果公示7天，无异议后于2026年1月31日前将补贴资金直接拨付至作业服务主体账户。"
    notice = LiteralDocuments({"a.txt": "澜川县关于开展秋季农机深松整地作业补贴工作的公告\n作业时间为2025年9月20日至11月30日。\n" + paid},
                              segmenter=segmenter)
    d = draft(segmenter, "澜川县深松补贴的钱最晚什么时候发下来？", sentence(paid))
    assert rules.other_event(d, notice) is None
    # a sentence that says none of the question's own words dates another event
    work = draft(segmenter, "澜川县深松补贴的钱最晚什么时候发下来？", sentence("作业服务主体于2025年9月15日前与所在乡镇签订作业协议。"))
    assert rules.other_event(work, notice) == Refusal("other-event", "the dated sentence is about another event")


def test_a_change_by_points_is_answered_only_in_the_asked_direction(segmenter, docs):
    lowered = sentence("第九条 救助对象未按规定转诊的，住院救助比例降低10个百分点。")
    asked = draft(segmenter, "对70岁以上老人，住院救助比例提高几个点？", lowered)
    assert rules.other_direction(asked, docs) == Refusal("other-direction", "no sentence says by how much it is 提高")
    bare = draft(segmenter, "看中医开中药饮片，报销比例能提高几个百分点？", sentence("经签约机构转诊到市内二级定点医院的，支付比例为45%；"))
    assert rules.other_direction(bare, docs) == Refusal("other-direction", "no sentence says by how much it is 提高")
    raised = draft(segmenter, "看中医开中药饮片，报销比例能提高几个百分点？", sentence("中药饮片报销比例在上述基础上提高5个百分点。"))
    assert rules.other_direction(raised, docs) is None
    assert rules.other_direction(draft(segmenter, "没按规定转诊的，住院救助比例降低几个点？", lowered), docs) is None
