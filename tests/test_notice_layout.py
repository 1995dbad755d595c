"""Residents' questions about notices (probe36, session 27): the issuer's line under a notice's
title, the typed sentence kept before a line that only names the place, a Taiwan closing date,
a house number, a spoken cap, floors and ranges in Chinese numerals. Literal strings: no index,
no model."""

from __future__ import annotations

from dataclasses import replace

import pytest
from offline_support import LiteralDocuments, draft, sentence

from agent.offline.check import rules
from agent.offline.check.stages import Check
from agent.offline.extract.figures import numerals
from agent.offline.extract.stages import Calculate
from agent.offline.extract.tables import as_counted, range_fit
from agent.offline.gather.evidence import title_block
from agent.offline.gather.rank import asked_type, named_first, typed_first
from agent.offline.understand.question import GRANT_ASKED, analyze, unglued
from agent.types import Refusal
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def _named(d, place: str):
    return replace(d, q=replace(d.q, names=(place,)))  # as the Analyze stage names the place


# the title block ---------------------------------------------------------------------------------
START = "关于做好2025年度一次性创业补贴申领工作的通知"


def test_the_issuers_line_under_a_title_gives_its_place():
    text = f"{START}\n\n沩屺市就业服务中心\n沩就字〔2025〕11号\n2025年5月20日\n\n一、补贴对象\n"
    assert title_block(text, START) == f"{START} 沩屺市就业服务中心"
    joint = f"{START}\n淯泷县民政局\u3000淯泷县财政局\n2025年10月28日\n正文。\n"
    assert title_block(joint, START) == f"{START} 淯泷县民政局 淯泷县财政局"
    labelled = f"{START}\n发布单位：鄀阳县农业农村局\n发布日期：2025年2月20日\n正文。\n"
    assert title_block(labelled, START) == f"{START} 鄀阳县农业农村局"
    # a line with no number or date after it is no issuer (the body's first heading)
    assert title_block(f"{START}\n\n各乡镇人民政府：\n一、补贴对象\n正文。\n", START) == START
    assert title_block(f"{START}\n\n各乡镇人民政府\n一、补贴对象\n正文。\n", START) == START


# gather ------------------------------------------------------------------------------------------
def test_a_line_that_only_names_the_place_does_not_displace_the_typed_answer(segmenter):
    dated = sentence("集中受理时间为2025年6月1日至2025年9月30日，逾期未申领的视为自动放弃。")
    issuer = sentence("沩屺市就业服务中心", score=0.95)
    d = _named(draft(segmenter, "沩屺市今年的创业补贴最晚哪天之前去办？", dated, issuer), "沩屺市")
    title = lambda source: START  # a title that does not name the place
    ranked = list(d.candidates)
    typed, _ = asked_type(d.q, ranked)
    assert named_first(d.q, ranked, title, typed)[0] is dated
    # a line that names the place and holds the asked type still goes first (a bulletin's row)
    row = sentence("沩屺市集中受理截止日期为2025年9月30日", score=0.95)
    assert named_first(d.q, [dated, row], title, typed)[0] is row


def test_a_house_number_is_no_figure_of_a_sum(segmenter):
    address = sentence("在市本级注册的，到沩屺市人民路156号市就业服务大厅1号窗口申领。")
    amount = sentence("创业者为脱贫人口或防止返贫监测对象的，补贴标准提高至8000元。", score=0.9)
    d = draft(segmenter, "我是脱贫户，在沩屺市第一次开店，一次性创业补贴给多少？", address, amount)
    assert typed_first(d.q, list(d.candidates))[0] is amount


# check -------------------------------------------------------------------------------------------
def test_a_closing_date_in_a_taiwan_year_ends_the_asked_period(segmenter):
    line = "三、受理期間：自115年3月2日起至115年4月30日止，郵寄者以郵戳為憑，逾期不予受理。"
    text = f"溦琈縣青年創業啟動金補助計畫公告\n{line}\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    d = draft(segmenter, "溦琈縣創業補助今年收件到哪一天截止？", sentence(line, start=text.index(line)))
    assert rules.other_event(d, docs) is None
    # a start date alone states no end
    start = "三、審查期間：115年5月1日開始審查，郵寄者以郵戳為憑。"
    d = draft(segmenter, "溦琈縣創業補助今年收件到哪一天截止？", sentence(start))
    assert rules.other_event(d, LiteralDocuments({"a.txt": f"標題\n{start}\n"}, segmenter=segmenter)) == Refusal(
        "other-event", "the dated sentence is about another event")


def test_a_refused_dated_sentence_is_not_replaced_by_an_undated_runner_up(segmenter):
    paid = "（四）发放：县财政局将补贴资金通过“一卡通”系统，于2025年12月20日前足额发放到补贴对象账户。"
    preamble = "为切实保障困难群众温暖过冬，经县政府同意，决定发放2025—2026年度困难群众冬季取暖补贴。"
    text = f"关于做好困难群众冬季取暖补贴发放工作的通知\n{preamble}\n{paid}\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    d = draft(segmenter, "取暖补贴最晚什么时候打到卡上？", sentence(paid, start=text.index(paid)),
              sentence(preamble, score=0.98, start=text.index(preamble)))
    assert rules.other_event(d, docs) is not None  # 打到 is not 发放到: the rule alone refuses it
    checked = Check(docs)(d)
    assert checked.refusal is None and checked.candidates[0].text == paid


# understand and extract --------------------------------------------------------------------------
def test_a_modal_glued_to_a_rare_dictionary_word_comes_off(segmenter):
    assert unglued("顶多能") == "顶多" and unglued("最多能") == "最多"
    assert unglued("联合会") == "联合会" and unglued("舍不得") == "舍不得"  # a noun in 会; a common word
    assert "顶多" in analyze("创业补贴顶多能拿到多少？", segmenter).terms


def test_a_stated_cap_answers_a_spoken_total(segmenter):
    line = "（二）创业实体吸纳就业3人以上的，每多吸纳1人再增加1000元，补贴总额最高不超过15000元。"
    docs = LiteralDocuments({"a.txt": f"标题\n{line}\n"}, segmenter=segmenter)
    d = Calculate(docs)(draft(segmenter, "创业补贴要是招的人多，加起来顶多能拿到多少？", sentence(line)))
    assert not d.settled and d.q.qtype == "number"  # stated by the notice, not summed from its figures
    d = Calculate(docs)(draft(segmenter, "创业补贴招3人再加1人，加起来一共多少人？", sentence(line)))
    assert d.settled and "3人 + 1人 = 4人" in d.short


def test_a_floor_falls_in_a_range_written_in_chinese_numerals():
    question = "我们楼要加电梯，我家住5楼，得掏多少钱？"
    assert range_fit("加装电梯｜四至六层住户｜每户2.8万元", question) == 1
    assert range_fit("加装电梯｜二至三层住户｜每户1.5万元", question) == -1
    assert range_fit("七层及以上住户｜每户3.5万元", "我家住8楼") == 1
    assert range_fit("一般长者｜一百岁以上｜12000元", "今年72岁") == -1
    assert as_counted("我住3号楼5楼") == "我住3号楼5层"  # a building's number is no floor


def test_a_magnitude_and_its_unit_are_one_measure():
    assert [f.text for f in numerals("每户2.8万元")] == ["2.8万元"]
    assert [f.text for f in numerals("约1.5万，")] == ["1.5万"]
    assert [f.text for f in numerals("三万元")] == ["三万元"]


def test_an_age_short_of_a_bound_falls_in_the_row():
    question = "低保家庭里15岁的孩子，每个月加发多少钱？"
    assert range_fit("未成年人｜未满16周岁｜120元", question) == 1
    assert range_fit("未成年人｜未满16周岁｜120元", "孩子17岁了，加发多少") == -1
    assert range_fit("老年人｜70—79周岁｜150元", question) == -1
    # the upper end of a range read as one (「满5年不足10年」)
    assert range_fit("满5年不足10年的，最长领取18个月", "交了12年") == -1
    assert range_fit("满5年不足10年的，最长领取18个月", "交了7年") == 1


def test_dialling_which_number_is_no_date_and_paying_asks_a_sum(segmenter):
    assert analyze("租金補貼想打電話問住宅科，要打幾號？", segmenter).qtype != "when"
    assert analyze("租金补贴最晚几号之前交？", segmenter).qtype == "when"
    assert analyze("低保户交医保，自己还得掏多少？", segmenter).unit == "钱"
    assert analyze("社保要交多少年？", segmenter).unit == "时长"  # the measure word decides first
    # a difference may be a share: answered in money or a share of a charge, as a grant is
    assert analyze("残保金能少交多少？", segmenter).unit == GRANT_ASKED


def test_the_title_of_the_issued_rule_is_a_title_line():
    from types import SimpleNamespace

    from agent.offline.gather.evidence import EvidenceFinder

    title = "关于印发《滟汀区2025年城镇老旧小区改造居民出资实施办法》的通知"
    text = f"{title}\n\n滟汀区住房和城乡建设局\n滟住建发〔2025〕9号\n\n滟汀区2025年城镇老旧小区改造居民出资实施办法\n（一）城乡低保家庭免于出资；\n"
    finder = EvidenceFinder.__new__(EvidenceFinder)  # only its title lookups: no index
    finder.index = SimpleNamespace(documents={"a.txt": SimpleNamespace(text=text, meta=SimpleNamespace(title=title))})
    finder._titles, finder._title_lines = {}, {}
    assert finder._is_title("a.txt", "滟汀区2025年城镇老旧小区改造居民出资实施办法")
    assert finder._is_title("a.txt", "滟汀区住房和城乡建设局")  # the issuer's line of the title block
    assert not finder._is_title("a.txt", "（一）城乡低保家庭免于出资；")


def test_a_weekday_question_is_answered_by_its_weekdays(segmenter):
    assert analyze("寶特瓶、鋁罐是禮拜幾回收？", segmenter).qtype == "when"
    assert analyze("垃圾车一周几次上门？", segmenter).qtype != "when"  # a count per week
    days = sentence("週二、週五｜塑膠類、鐵鋁罐、玻璃瓶", score=0.9)
    number = sentence("發文字號：府環廢字第1150002153號")
    d = draft(segmenter, "鄣圻縣的寶特瓶、鋁罐是禮拜幾回收？", number, days)
    assert typed_first(d.q, list(d.candidates))[0] is days
    docs = LiteralDocuments({"a.txt": "公告\n週二、週五｜塑膠類\n"}, segmenter=segmenter)
    assert rules.no_time(draft(segmenter, "寶特瓶是禮拜幾回收？", days), docs) is None


def test_where_a_thing_is_sent_is_the_place_asked(segmenter):
    penalty = sentence("十、以不實資料申請者，本局應撤銷補助，且申請人於2年內不得再申請本局各項補助。")
    sent = sentence("七、申請方式：申請人應將文件親送或郵寄至本局就業服務科（鄞峒市中正路100號5樓）。", score=0.95)
    d = draft(segmenter, "鄞峒市的見習補助申請資料要寄到哪個地址？", penalty, sent)
    assert d.q.qtype == "where" and typed_first(d.q, list(d.candidates))[0] is sent


def test_a_line_that_gives_a_number_with_its_area_code_answers_a_phone_question(segmenter):
    apply = sentence("申请人向便民服务中心社保窗口提交材料，也可通过微信公众号线上申请。")
    office = sentence("郗渫市就业服务中心：0593-5216688", score=0.8)
    d = draft(segmenter, "郗渫市灵活就业社保补贴有不懂的地方，打哪个电话问？", apply, office)
    assert typed_first(d.q, list(d.candidates))[0] is office
    # a complaints line answers no inquiry
    tip = sentence("举报电话：鄞漈县城市管理局0578-6630512", score=0.8)
    d = draft(segmenter, "郗渫市灵活就业社保补贴有不懂的地方，打哪个电话问？", apply, tip)
    assert typed_first(d.q, list(d.candidates))[0] is apply


def test_of_the_notices_contact_lines_the_one_labelled_with_the_asked_errand_answers(segmenter):
    from types import SimpleNamespace

    from agent.offline.extract.fields import labelled_field

    lines = ["四、巨大垃圾（廢家具、廢床墊等）：應事先以電話預約，由清潔隊派車免費清運。\n", "五、罰則：\n",
             "（一）未依規定分類者，處新臺幣1,200元罰鍰。\n", "九、本案洽詢單位：\n",
             "鄣圻縣環境保護局廢棄物管理科，電話：(037)568321；\n", "巨大垃圾預約專線：(037)568399（週一至週五）。\n"]
    text = "".join(lines)
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    starts = [sum(map(len, lines[:i])) for i in range(len(lines))]
    spans = [SimpleNamespace(start=a, end=a + len(s.rstrip("\n"))) for a, s in zip(starts, lines)]
    docs.index.chunks = [SimpleNamespace(source="a.txt", sentences=spans)]
    doc = docs.index.documents["a.txt"]
    doc.headings = [SimpleNamespace(level=1, start=starts[i], title=lines[i].strip()) for i in (0, 1, 3)]
    top = sentence(lines[0].strip(), start=0)
    field = labelled_field(draft(segmenter, "鄣圻縣家裡舊衣櫃要請清潔隊來載，打哪支電話預約？", top).q, docs.index, [top])
    assert field is not None and field.value.startswith("(037)568399")
    # a question that names no line's label gets none of two
    field = labelled_field(draft(segmenter, "鄣圻縣家裡舊衣櫃要請清潔隊來載，打哪支電話？", top).q, docs.index, [top])
    assert field is None


def test_spoken_bounds_and_modals_name_no_topic(segmenter):
    q = analyze("澴琦县我的车位是租的，租期起码多长才能装桩？", segmenter)
    assert "起码" not in q.terms and "多长" not in q.terms and "才能" not in q.focus_verbs
    line = "在本县居民小区内，于本人拥有产权或租期1年以上的固定车位上安装的个人自用交流充电桩。"
    text = f"澴琦县居民小区个人充电桩安装办事指南\n{line}\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    d = _named(draft(segmenter, "澴琦县我的车位是租的，租期起码多长才能装桩？", sentence(line, start=text.index(line))), "澴琦县")
    assert rules.unknown_noun(d, docs) is None


def test_a_rate_asked_as_a_share_is_answered_by_the_share_row(segmenter):
    who = sentence("本通知所称就业困难人员，包括女性40周岁以上、男性50周岁以上的失业人员。")
    row = sentence("二档｜女性40—49周岁、男性50—54周岁｜60%｜500元", score=0.95)
    d = draft(segmenter, "我是郗渫市的，女的，今年45岁，失业后打零工自己交社保，能按多少比例补？", who, row)
    assert typed_first(d.q, list(d.candidates))[0] is row


def test_the_first_time_without_a_numeral_is_the_first(segmenter):
    from agent.offline.extract.figures import ordinals
    from agent.offline.gather.rank import ordinal_first

    assert ordinals("个人首次违反规定的") == {"1"} and ordinals("头一回没分类") == {"1"} and ordinals("1年内再次违反的") == set()
    again = sentence("1年内再次违反的，依法处以罚款。")
    first = sentence("个人首次违反规定的，予以书面警告，不予罚款；", score=0.98)
    d = draft(segmenter, "在鄞漈县头一回没分类扔垃圾，会被罚钱吗？", again, first)
    assert ordinal_first(d.q, list(d.candidates), lambda source: "鄞漈县生活垃圾分类管理通告")[0] is first


def test_a_row_the_question_names_goes_before_a_sentence_that_does_not_name_it(segmenter):
    from agent.offline.gather.rank import row_named_first

    clinic = sentence("参保人在签约的基层医疗机构就诊，政策范围内门诊费用报销比例为55%。")
    row = sentence("三级医院｜1000元｜60%", score=0.97)
    d = draft(segmenter, "在碚溇区参保，住进三级医院看病，能报百分之多少？", clinic, row)
    assert row_named_first(d.q, list(d.candidates))[0] is row
    # a sentence that says the row's name itself keeps its place
    said = sentence("三级医院住院报销比例为60%，起付线1000元。")
    assert row_named_first(d.q, [said, row])[0] is said


def test_a_labelled_field_answers_a_duration_question_only_with_a_length_of_time(segmenter):
    from agent.offline.extract.fields import _of_asked_type

    q = analyze("在磐湍市上班想申请保租房，社保得连着交多久？", segmenter)
    assert not _of_asked_type(q, "通过微信小程序在线提交申请，上传身份证等材料")
    assert _of_asked_type(q, "连续缴纳社会保险满6个月")


def test_a_worked_example_outranks_a_bare_coefficient_of_the_table(segmenter):
    from agent.offline.extract.stages import _outranks_row

    example = sentence("2口人的低收入家庭，每月补贴为45×18×0.8=648元；", coverage=0.66)
    row = sentence("低收入家庭｜0.8", score=0.93, coverage=0.61, start=100)
    q = analyze("礁垚市我们家两口人，算低收入家庭，租房补贴每月能拿多少？", segmenter)
    assert _outranks_row(q, example, "低收入家庭补贴系数：0.8", row)
    # a cell with its unit answers (「第2年个人贷款贴息比例：80%」), whatever sentence ranks above it
    assert not _outranks_row(q, example, "第2年个人贷款贴息比例：80%", row)
    # nor a bare number under a header that gives its unit (「紧缺职业（元/人）｜2400」)
    assert not _outranks_row(q, example, "高级工（三级）紧缺职业（元/人）：2400", row)
    # a rate lowered by points is no rate: the named row's 80% answers 「救助百分之几」
    lowered = sentence("第九条 救助对象未按规定转诊的，住院救助比例降低10个百分点。", score=3.0, coverage=0.5)
    named = sentence("低保对象、返贫致贫人口｜不设起付线｜1000元｜80%｜5万元", score=0.0, coverage=0.0, start=200)
    rate = analyze("我是低保户，住院报完医保后自己掏的那部分能救助百分之几？", segmenter)
    assert not _outranks_row(rate, lowered, "低保对象、返贫致贫人口住院救助比例：80%", named)
    change = analyze("没按规定转诊的，住院救助比例降低几个点？", segmenter)
    assert _outranks_row(change, lowered, "低保对象、返贫致贫人口住院救助比例：80%", named)


def test_an_address_question_without_an_address_in_the_notice_is_refused(segmenter):
    duty = "县民政局负责全县低保工作的组织实施；"
    text = f"碣泺县最低生活保障实施细则\n{duty}\n乡镇人民政府负责受理。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    d = draft(segmenter, "碣泺县民政局办公地址在哪条路上？", sentence(duty, start=text.index(duty)))
    assert rules.no_address(d, docs) == Refusal("no-address", "no street address in the best sentences")
    office = "地址：碣泺县人民路18号县政务服务中心二楼"
    d = draft(segmenter, "碣泺县民政局办公地址在哪条路上？", sentence(duty, start=text.index(duty)), sentence(office, score=0.9))
    assert rules.no_address(d, docs) is None
    # a paragraph with no title (an encyclopedia's) is not read so
    bare = LiteralDocuments({"a.txt": duty}, segmenter=segmenter)
    assert rules.no_address(draft(segmenter, "碣泺县民政局办公地址在哪条路上？", sentence(duty)), bare) is None
    # a path is no street (「沿着什么路径发展」)
    assert rules.no_address(draft(segmenter, "碣泺县接下来会沿着什么路径发展？", sentence(duty, start=text.index(duty))), docs) is None
