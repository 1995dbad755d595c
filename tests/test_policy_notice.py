"""The answerer on a second, differently shaped document: a policy notice with 第X条 clauses,
a document number and an issuing office. Nothing here is tuned to the shipped report."""

import pytest
from support import open_small_corpus

NOTICE = """宜宾市翠屏区人民政府办公室关于促进数字经济高质量发展的若干措施
翠府办发〔2024〕15号

各乡镇人民政府、街道办事处，区级各部门：
为加快建设数字经济强区，现提出以下措施。
第一条 支持企业上云。对当年上云用云费用超过20万元的企业，按实际费用的30%给予补助，单个企业最高不超过50万元。
第二条 鼓励算力建设。对新建智算中心且算力规模达到500P以上的项目，给予一次性奖励300万元。
第三条 引进高端人才。对引进的博士研究生，给予每人每月3000元生活补贴，连续发放3年。
第四条 本措施自2024年6月1日起施行，有效期3年，由区经济和信息化局负责解释。
2023年，全区数字经济核心产业增加值达到86.5亿元，同比增长12.4%，规模以上数字经济企业达到47家。

宜宾市翠屏区人民政府办公室
2024年5月20日
"""


@pytest.fixture(scope="module")
def notice_qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "notice", {"notice.txt": NOTICE}, folder="policies")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("企业上云最多能拿多少补助？", "50万元"),
        ("新建智算中心的奖励是多少？", "300万元"),
        ("博士每月补贴多少钱？", "3000元"),
        ("这些措施从什么时候开始施行？", "2024年6月1日"),
        ("这份文件的文号是什么？", "翠府办发〔2024〕15号"),
        ("谁负责解释这些措施？", "区经济和信息化局"),
        ("数字经济核心产业增加值增长了多少？", "12.4%"),
        ("規上數字經濟企業有多少家？", "47家"),
    ],
)
def test_answers_come_first(notice_qa, question, expected):
    answer = notice_qa.ask(question)
    assert answer.refused is False
    assert expected in answer.text.splitlines()[0]
    assert answer.citations[0].source == "policies/notice.txt"
    text = notice_qa.document_text("policies/notice.txt")
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)


@pytest.mark.parametrize("question", ["翠屏区的GDP是多少？", "对引进硕士有什么补贴？"])
def test_refuses_what_the_notice_does_not_say(notice_qa, question):
    assert notice_qa.ask(question).refused is True


def test_issuer_and_headings_from_the_notice(notice_qa):
    answer = notice_qa.ask("发文机关是哪个单位？")
    assert answer.short == "发文机关：宜宾市翠屏区人民政府办公室"
    doc = notice_qa.documents()[0]
    assert doc.meta.doc_number == "翠府办发〔2024〕15号"
    assert doc.meta.date == "2024-05-20"


# two notices that look alike (the same programme in two cities): the question's city picks the
# notice, the title line answers nothing itself, a heading's section answers for it
NORTH = """关于开展2026年度江北市小微企业技术改造补贴申报工作的通知

各区经信局，各有关企业：
为推动小微企业技术改造，现就2026年度补贴申报工作通知如下。

一、支持对象
在江北市注册登记、具有独立法人资格的小微企业。

二、支持标准
按设备投资额的15%给予补贴，单个企业最高不超过80万元。

三、申报材料
（一）申报书；（二）营业执照复印件；（三）设备购置发票。

四、联系方式
联系人：周宁，联系电话：023-6712345，地址：江北市滨江路8号综合楼305室。

江北市经济和信息化局
2026年2月10日
"""

SOUTH = """关于开展2026年度江南市小微企业技术改造补贴申报工作的通知

各区经信局，各有关企业：
为推动全市小微企业技术改造，现就2026年度补贴申报工作通知如下。

一、支持对象
在江南市注册登记的小微企业。

二、支持标准
按设备投资额的10%给予补贴，单个企业最高不超过50万元。

三、联系方式
联系人：吴芳，咨询电话：028-7654321。

江南市经济和信息化局
2026年3月2日
"""


@pytest.fixture(scope="module")
def notices_qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "lookalike-notices",
                             {"north.txt": NORTH, "south.txt": SOUTH}, folder="notices")


@pytest.mark.parametrize(
    ("question", "expected", "source"),
    [
        # the other notice's label matches the question's word (咨询电话); the city decides
        ("江北市的咨询电话是多少？", "023-6712345", "notices/north.txt"),
        ("江南市补贴资金的联系人是谁？", "吴芳", "notices/south.txt"),
        ("江北市补贴比例是多少？", "15%", "notices/north.txt"),
        ("江北市每家企业最多补贴多少？", "80万元", "notices/north.txt"),
        ("江北市申报需要提交哪些材料？", "营业执照复印件", "notices/north.txt"),
    ],
)
def test_lookalike_notices_answer_from_the_named_citys_notice(notices_qa, question, expected, source):
    answer = notices_qa.ask(question)
    assert answer.refused is False
    assert expected in answer.text.splitlines()[0]
    assert answer.citations[0].source == source



# a notice with numbered conditions, an exclusion, a section that says how, and graded awards;
# and a public notice whose title names every word of a question about its period
CONDITIONS = """关于组织申报2025年度临江市专精特新中小企业的通知

各县（市、区）经济和信息化局：
现组织开展2025年度临江市专精特新中小企业申报工作，有关事项通知如下：

一、申报条件
（一）在临江市内注册登记、具有独立法人资格的中小企业；
（二）从事特定细分市场时间达到2年以上；
（三）上年度研发费用总额不低于100万元；
（四）上年度营业收入总额在1000万元以上。

二、不予受理情形
近三年有偷漏税等违法违规行为的企业，不得申报。

三、认定奖励
对新认定为国家5A级旅游景区的企业配套服务项目给予奖励200万元；对新认定为国家4A级旅游景区的给予奖励50万元。

四、申报方式
企业登录临江市中小企业服务平台在线填报，并将纸质材料报送所在县（市、区）经济和信息化局。

临江市经济和信息化局
2025年6月20日
"""

PUBLIC = """青川县文化旅游局关于2025年度乡村民宿评定结果的公示

经企业申报、专家评审，拟评定以下民宿为等级民宿，现予以公示。
公示期为2025年6月10日至6月16日。
如有异议，请在公示期内向县文化旅游局反映。

青川县文化旅游局
2025年6月10日
"""


@pytest.fixture(scope="module")
def conditions_qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "notice-conditions",
                             {"conditions.txt": CONDITIONS, "public.txt": PUBLIC}, folder="notices")


def test_every_numbered_condition_is_listed_though_only_one_names_the_city(conditions_qa):
    first = conditions_qa.ask("临江市专精特新申报需要满足哪些条件？").text.splitlines()[0]
    assert all(item in first for item in ("具有独立法人资格", "细分市场", "研发费用", "营业收入总额"))


def test_a_denied_verb_answers_a_yes_no_question_no(conditions_qa):
    assert conditions_qa.ask("有偷漏税行为的企业可以申报吗？").text.startswith("不是。")


def test_a_how_question_is_answered_from_the_section_that_names_a_way(conditions_qa):
    assert "在线填报" in conditions_qa.ask("企业怎么申报？").text.splitlines()[0]


def test_a_title_line_does_not_answer_for_its_document(conditions_qa):
    answer = conditions_qa.ask("青川县民宿评定结果公示期到哪天？")
    assert answer.text.splitlines()[0] == "公示期为2025年6月10日至6月16日"


def test_a_grade_the_notice_does_not_reward_is_refused(conditions_qa):
    assert conditions_qa.ask("新认定为国家3A级旅游景区的奖励多少？").refused is True
    assert "200万元" in conditions_qa.ask("新认定为国家5A级旅游景区的奖励多少？").text.splitlines()[0]


# four notices from one template (the same programme in four cities): the answer is in the named
# city's notice, in a sentence that does not repeat the city; its preamble, addressees and title
# are like every question about it and answer none
TEMPLATE = """关于开展2026年度{city}中小企业技术改造补助资金申报工作的通知

各县（市、区）经信局，各有关企业：
为推动{city}中小企业技术改造，现就2026年度补助资金申报工作通知如下。

一、支持对象
在{city}行政区域内依法登记注册的中小企业。

二、支持标准
按照项目实际投资额的{share}%给予补助，单个企业最高不超过{cap}万元。

三、申报时间
申报截止时间为2026年{deadline}。

四、联系方式
联系人：{person}，联系电话：{phone}，地址：{city}{street}。
{extra}
{city}经济和信息化局
2026年2月10日
"""
MATERIALS = "\n五、申报材料\n（一）申报书；（二）营业执照复印件；（三）审计报告。\n"
CITIES = {
    "east.txt": {"city": "东陵市", "share": 15, "cap": 100, "deadline": "4月18日", "person": "黄丽",
                 "phone": "0821-7066048", "street": "人民路4号", "extra": MATERIALS},
    "west.txt": {"city": "西陵市", "share": 25, "cap": 50, "deadline": "5月2日", "person": "陈静",
                 "phone": "0816-8015873", "street": "文昌路12号", "extra": ""},
    "south.txt": {"city": "南陵市", "share": 20, "cap": 80, "deadline": "6月30日", "person": "赵磊",
                  "phone": "0837-6388762", "street": "滨河路8号", "extra": MATERIALS},
    "north.txt": {"city": "北陵市", "share": 10, "cap": 30, "deadline": "8月13日", "person": "杨帆",
                  "phone": "0835-6839469", "street": "建设路25号", "extra": ""},
}


@pytest.fixture(scope="module")
def template_qa(tmp_path_factory, embedder):
    files = {name: TEMPLATE.format(**fields) for name, fields in CITIES.items()}
    return open_small_corpus(tmp_path_factory, embedder, "template-notices", files, folder="notices")


@pytest.mark.parametrize(
    ("question", "expected", "source"),
    [
        ("西陵市的补助比例是多少？", "25%", "notices/west.txt"),
        ("东陵市技术改造补助什么时候截止？", "4月18日", "notices/east.txt"),
        ("北陵市的咨询电话是多少？", "0835-6839469", "notices/north.txt"),  # the notices say 联系电话
        ("南陵市补助按什么比例？", "20%", "notices/south.txt"),
        ("东陵市经信局地址在哪？", "人民路4号", "notices/east.txt"),
        ("南陵市申报需要哪些材料？", "营业执照复印件", "notices/south.txt"),
        ("北陵市补助资金由哪个单位发布？", "发文机关：北陵市经济和信息化局", "notices/north.txt"),
        # 「联系人：杨帆，联系电话：…」: two fields on one line, the one the question asks
        ("2026年北陵市的联系人是谁？", "杨帆", "notices/north.txt"),
        ("北陵市补助的联系人电话是多少？", "0835-6839469", "notices/north.txt"),
    ],
)
def test_template_notices_answer_from_the_named_citys_sentence(template_qa, question, expected, source):
    answer = template_qa.ask(question)
    assert answer.refused is False
    assert expected in answer.text.splitlines()[0]
    assert answer.citations[0].source == source


def test_template_notices_refuse_what_the_named_citys_notice_lacks(template_qa):
    # 西陵市's notice has no 申报材料 section; two other cities' notices have one
    assert template_qa.ask("西陵市申报需要哪些材料？").refused is True
    assert template_qa.ask("东陵市2023年度的补助比例是多少？").refused is True  # every notice is 2026's
    # a contact field's head may take another modifier (咨询电话 ← 联系电话), a subsidy's may not
    assert template_qa.ask("北陵市的住房补助是多少？").refused is True


# measures written as 第X条 articles: limits, durations, stated shares, consequences, and a list
# whose lead-in denies what its items describe
MEASURES = """青峰市科技计划项目管理办法

第一条 为规范市级科技计划项目管理，制定本办法。
第二条 项目负责人年龄一般不超过60周岁。
第三条 有下列情形之一的，不得申报：（一）有在研项目逾期未结题的；（二）存在严重失信行为的；（三）近三年发生重大安全事故的。
第四条 项目资金分两次拨付，立项后拨付70%，验收合格后拨付剩余30%。
第五条 项目实施周期一般为2年，最长不超过3年。
第六条 未通过验收的项目负责人，3年内不得申报市级科技计划项目。
第七条 本办法自2025年1月1日起施行，有效期5年。
"""


@pytest.fixture(scope="module")
def measures_qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "measures", {"measures.txt": MEASURES}, folder="policies")


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        ("本办法有效期多久？", "有效期5年"),  # a duration, not the year it starts
        ("立项后拨付多少比例的资金？", "立项后拨付70%"),  # a stated share, nothing to compute
        ("未通过验收会有什么后果？", "未通过验收的项目负责人，3年内不得申报市级科技计划项目"),
    ],
)
def test_measures_answer_with_the_clause_that_states_it(measures_qa, question, first_line):
    assert measures_qa.ask(question).text.splitlines()[0] == first_line


def test_an_item_of_a_denied_list_answers_a_yes_no_question_no(measures_qa):
    assert measures_qa.ask("存在严重失信行为的单位能申报吗？").text.startswith("不是。")


# a public notice whose sections answer by their headings and whose contact lines close them; a
# notice that spells out the bureau another city's notice abbreviates, with an attachment list
# that repeats its title's words; and that other city's notice
PUBLICITY = """溪口市商务局关于2026年度外贸稳增长奖励拟支持企业的公示

经企业申报、县（区）商务主管部门初审和专家评审，拟对以下3家企业给予外贸稳增长奖励，奖励资金合计66万元。现予以公示。

一、拟支持企业名单
1.溪口华腾进出口有限公司（城东区）：30万元；
2.溪口明远纺织有限公司（青山县）：20万元；
3.溪口市博越电器有限公司（城东区）：16万元。

二、公示时间
2026年3月2日至2026年3月6日（5个工作日）。

三、异议处理
公示期间，任何单位和个人对公示名单有异议的，可以书面形式向市商务局对外贸易科反映，并提供真实姓名和有效联系方式。

联系地址：溪口市人民路18号市政务中心5楼
联系电话：0577-6612345

溪口市商务局
2026年2月27日
"""
DESIGN = """临川市经济和信息化局关于组织申报2026年度市级工业设计中心的通知

各县（区）经济和信息化局，有关企业：
为提升我市工业设计水平，现就2026年度市级工业设计中心申报工作通知如下。

一、申报条件
（一）在临川市依法注册、具有独立法人资格的工业企业；
（二）设计团队专职人员不少于10人。

二、认定奖励
对新认定的市级工业设计中心，给予一次性奖励20万元。

三、申报时间
请于2026年5月15日前将申报材料报送至市经济和信息化局产业发展科。
联系人：王敏，联系电话：0794-8231567
各县（区）咨询电话详见“临川工信”平台。

附件：1.临川市2026年度市级工业设计中心申报书
2.临川市工业设计中心认定评价指标

临川市经济和信息化局
2026年4月1日
"""
ABBREVIATED = """关于开展2026年度南丰市中小企业技术改造补助申报工作的通知

各县（区）经信局，各有关企业：
为推动南丰市中小企业技术改造，现就补助申报工作通知如下。

一、支持标准
按照项目实际投资额的15%给予补助，单个企业最高不超过80万元。

二、申报时间
申报截止时间为2026年6月30日。

联系人：刘洋，联系电话：0836-5512078

南丰市经信局
2026年3月10日
"""


@pytest.fixture(scope="module")
def sections_qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "notice-sections",
                             {"list.txt": PUBLICITY, "design.txt": DESIGN, "other.txt": ABBREVIATED}, folder="notices")


@pytest.mark.parametrize(
    ("question", "expected", "source"),
    [
        # the dates under 「二、公示时间」 are the 公示's, though their line never says 公示
        ("溪口市外贸稳增长奖励的公示期到哪天结束？", "2026年3月6日", "notices/list.txt"),
        # the figure of the counted noun (「5个工作日」), not the first figure (「以下3家企业」)
        ("溪口市外贸稳增长奖励公示几个工作日？", "5个工作日", "notices/list.txt"),
        # the contact line after the section on objections, though the question names no label
        ("对溪口市外贸奖励公示名单有异议，应打哪个电话？", "0577-6612345", "notices/list.txt"),
        # a line that names a phone without its number says none (「咨询电话详见…平台」)
        ("临川市工业设计中心申报有问题打哪个电话？", "0794-8231567", "notices/design.txt"),
        # 「经信局」 (only the other notice writes it) spelled out as this notice writes it
        ("临川市经信局这次申报的联系电话是多少？", "0794-8231567", "notices/design.txt"),
        # 「请于…前报送」 states the deadline; the attachment list repeats the title, dates nothing
        ("临川市2026年度市级工业设计中心的申报截止日期是哪天？", "2026年5月15日", "notices/design.txt"),
        # the year and the centres are the title's: every sentence of the notice is about them
        ("临川市2026年度市级工业设计中心的奖励是多少？", "20万元", "notices/design.txt"),
        ("临川市工业设计中心申报需要设计团队多少人？", "10人", "notices/design.txt"),
    ],
)
def test_a_notices_sections_title_and_contact_lines_answer_for_its_sentences(sections_qa, question, expected, source):
    answer = sections_qa.ask(question)
    assert answer.refused is False
    first = answer.text.splitlines()[0]
    assert expected in first and not first.startswith("附件")
    assert answer.citations[0].source == source


@pytest.mark.parametrize(
    "question",
    [
        "临川市2025年度市级工业设计中心的申报截止日期是哪天？",  # the notice is of 2026年度
        "溪口市对新能源汽车以旧换新的奖励标准是多少？",  # a city's notice on one thing says nothing of another
        "溪口市对家电以旧换新的奖励是多少？",  # (家电, 以旧换新: no document's words)
        "临川市对新能源汽车充电桩的奖励是多少？",
    ],
)
def test_a_notice_of_another_year_or_topic_is_no_answer(sections_qa, question):
    assert sections_qa.ask(question).refused is True


# a public notice that enacts a rule: the rule's title stands over its first article, which only
# restates it as the rule's purpose
REGULATION = """临川市人民政府公告

主旨：订定《临川市青年创业贷款贴息办法》，自即日起施行。

临川市青年创业贷款贴息办法

第一条 为鼓励青年创业，减轻其贷款利息负担，特制定本办法。
第二条 本办法由市人力资源和社会保障局负责实施。
第三条 贴息期限最长为三年，自贷款发放之日起计算。
第四条 市人力资源和社会保障局受理贴息申请后，应于二十个工作日内完成审核。
"""


@pytest.fixture(scope="module")
def regulation_qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "notice-regulation", {"rule.txt": REGULATION}, folder="notices")


def test_a_rules_enacting_article_answers_only_for_its_purpose(regulation_qa):
    first = regulation_qa.ask("临川市青年创业贷款贴息申请受理后多久内完成审核？").text.splitlines()[0]
    assert "二十个工作日" in first
    assert "鼓励青年创业" in regulation_qa.ask("临川市制定青年创业贷款贴息办法的目的是什么？").text.splitlines()[0]


# four one-page notices from one template, each cut by its headings into twelve small chunks: the
# notice the question names is read whole, as a short one is
SECTIONED = """{city}商务局关于印发《{city}2026年商贸流通企业稳增长补助标准》的通知

各街道办事处，区直有关单位，各有关企业：

为促进消费扩容提质，支持商贸流通企业做大做强，经区政府同意，现将2026年商贸流通企业稳增长补助标准印发如下，请遵照执行。

一、批发业企业
年销售额同比增长10%以上的限额以上批发企业，按照以下标准给予补助：
1.年销售额50亿元以上的，补助{big}万元；
2.年销售额20亿元（含）至50亿元的，补助50万元。

二、零售业企业
年销售额同比增长8%以上的限额以上零售企业，年销售额5亿元以上的，补助30万元。

三、住宿餐饮业企业
年营业额同比增长8%以上的限额以上住宿餐饮企业，年营业额1亿元以上的，补助20万元。

四、新纳统企业
对首次纳入限额以上统计的商贸企业，给予一次性奖励5万元。

五、其他事项
（一）同一企业同时符合多项条件的，按最高标准给予补助，不重复享受。
（二）补助资金由区财政统筹安排。
（三）申报企业须无严重失信记录。
（四）申报时间为2027年{month}月1日至{month}月28日，具体申报事项另行通知。

六、联系方式
联系人：区商务局商贸流通科 {person}

{city}商务局
2026年12月15日
"""
DISTRICTS = {"a.txt": ("青湾区", 80, 2, "陈思远"), "b.txt": ("红湾区", 60, 3, "李文"),
             "c.txt": ("白沙区", 70, 4, "王丽"), "d.txt": ("黑沙区", 90, 5, "赵强")}


@pytest.fixture(scope="module")
def sectioned_qa(tmp_path_factory, embedder):
    files = {name: SECTIONED.format(city=city, big=big, month=month, person=person)
             for name, (city, big, month, person) in DISTRICTS.items()}
    return open_small_corpus(tmp_path_factory, embedder, "sectioned-notices", files, folder="notices")


def test_a_named_one_page_notice_is_read_whole_however_many_sections_it_has(sectioned_qa):
    answer = sectioned_qa.ask("白沙区商贸流通企业稳增长补助什么时候申报？")
    assert answer.refused is False
    assert "2027年4月1日" in answer.text.splitlines()[0]
    assert answer.citations[0].source == "notices/c.txt"


# two notices of one city, each under a two-line title (the issuers' line, then 「关于…」): the
# city is named only by the issuers' line; one verb of the question (「准备」) is in the other
# notice only, and no other word of the question tells them apart (another city's look-alike
# subsidy notice shares them)
SUBSIDY = """青禾市人力资源和社会保障局 青禾市财政局
关于开展2026年度一次性创业补贴申领工作的通知

各县（区）人力资源社会保障局、财政局：
现将2026年度一次性创业补贴申领工作有关事项通知如下。

一、补贴标准
创办小微企业的，给予一次性创业补贴8000元。

二、申领材料
1.《一次性创业补贴申请表》；
2.申请人居民身份证；
3.营业执照副本；
4.经营场所租赁合同。

三、申领时间
申领时间为2026年8月1日至10月31日。
"""
OUTAGE = """青禾市供水有限公司
关于沐阳区部分区域临时停水的通告

尊敬的用户：
因供水管网改造施工，现将有关事项通告如下：

一、停水时间
2026年8月16日22:00至8月17日14:00，共计16小时。

二、注意事项
请停水范围内的用户提前做好储水准备，停水期间关闭水龙头。
"""
OTHERS = {f"other{i}.txt": f"{city}发展和改革委员会关于印发{city}物价监测工作要点的通知\n\n"
          f"一、监测品种\n粮油、蔬菜、猪肉等{n}类重要民生商品。\n"
          for i, (city, n) in enumerate([("北岭市", 12), ("南岭市", 15), ("东岭市", 9), ("西岭市", 11)])}


@pytest.fixture(scope="module")
def issuers_qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "issuer-lines",
                             {"subsidy.txt": SUBSIDY, "outage.txt": OUTAGE, **OTHERS,
                              "lookalike.txt": SUBSIDY.replace("青禾市", "白禾市").replace("8000元", "6000元")},
                             folder="notices")


def test_a_two_line_titles_issuer_names_the_city_and_verbs_route_no_question(issuers_qa):
    answer = issuers_qa.ask("青禾市申领创业补贴要准备哪些材料？")
    first = answer.text.splitlines()[0]
    assert answer.citations[0].source == "notices/subsidy.txt"
    assert all(item in first for item in ("身份证", "营业执照副本", "租赁合同"))
    outage = issuers_qa.ask("青禾市沐阳区这次停水从什么时候开始停？")
    assert "2026年8月16日22:00" in outage.text.splitlines()[0]


# a page of questions and answers: its questions are like the user's, its answers answer
QA_PAGE = """青石县2026年度城乡居民基本医疗保险参保缴费政策问答

为方便群众了解参保缴费政策，现将群众关心的问题解答如下：

问一：2026年度城乡居民医保个人缴费标准是多少？
答：个人缴费标准为每人每年420元，各级财政补助标准为每人每年不低于690元。

问二：什么时候缴费？
答：集中缴费期为2025年9月1日至2025年12月31日。

问三：有疑问可以咨询哪里？
答：可拨打青石县医疗保障局咨询电话0833-4125566。
"""


@pytest.fixture(scope="module")
def qa_page(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "qa-page", {"qa.txt": QA_PAGE}, folder="notices")


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        ("青石县城乡居民医保什么时候缴费？", "集中缴费期为2025年9月1日至2025年12月31日"),
        ("青石县医保有疑问可以咨询哪里？", "可拨打青石县医疗保障局咨询电话0833-4125566"),
    ],
)
def test_a_qa_pages_answer_answers_not_its_question(qa_page, question, first_line):
    assert qa_page.ask(question).text.splitlines()[0] == first_line


# a Taiwan 公告 (its subject on a 「主旨：」 line, fields after item numbers), a joint notice whose
# two issuers stand on lines of their own above its title, and a city's bulletin with a table
GONGGAO = """北汐市政府環境保護局　公告

發文日期：中華民國115年3月2日

主旨：公告本市「115年度汰換老舊熱水器換購太陽能熱水器補助」申請作業事項，請查照。

依據：北汐市汰換老舊熱水器補助辦法。

公告事項：
一、補助對象：設籍本市之自然人，於115年1月1日起至115年11月30日止汰換使用10年以上之燃氣熱水器者。
二、補助金額：
（一）每台補助新臺幣4,000元。
（二）具低收入戶資格者，每台另加碼補助新臺幣2,000元。
三、洽詢專線：(02)2765-3318分機12。
"""
JOINT = """南岭市人力资源和社会保障局
南岭市财政局
关于做好2026年度返乡创业补贴申报工作的通知

各区县人力资源社会保障局、财政局：

一、补贴对象
在本市首次创办小微企业，且自登记注册之日起正常经营满1年以上的下列人员：
（一）返乡农民工；
（二）毕业5年内高校毕业生。

二、补贴标准
每户给予返乡创业补贴10000元。

三、申报时间
2026年4月1日至2026年6月30日。逾期不予受理。

四、办理时限
人社部门自受理之日起10个工作日内完成审核。
"""
BULLETIN = """绵阳市2025年国民经济和社会发展统计公报

初步核算，2025年全市地区生产总值3350.2亿元，按不变价格计算，比上年增长6.1%。
分区县地区生产总值如下：
区县｜地区生产总值（亿元）｜增速
涪城区｜1020.36｜5.4%
游仙区｜480.15｜7.2%
全市规模以上工业增加值比上年增长8.3%。
"""
LIST_NOTICE = """南岭市农业农村局关于2026年度市级示范家庭农场奖补名单的公示

经县级推荐、市级评审，拟对以下6家市级示范家庭农场给予奖补，现将名单予以公示。
序号｜家庭农场名称｜奖补金额
1｜南岭市青石家庭农场｜8.5万元
2｜南岭市白鹭家庭农场｜7.8万元
公示期间如有异议，请向市农业农村局反映，联系电话：0736-7712001。
"""


# a service guide whose title names its kind and whose second line the item it guides
GUIDE = """南岭市政务服务事项办事指南
食品经营许可（新办）

实施主体：南岭市市场监督管理局
办理对象：企业法人、个体工商户

一、受理条件
（一）已取得营业执照；
（二）有与经营的食品品种、数量相适应的经营场所。

二、办理材料
序号｜材料名称｜份数
1｜食品经营许可申请书｜1份
2｜营业执照复印件｜1份
3｜食品安全管理制度｜1份

三、办理时限
法定时限：20个工作日
承诺时限：3个工作日

四、收费标准：不收费

五、许可证有效期：5年

六、咨询电话：0736-2281816
监督投诉电话：0736-2280939
"""


# a heading line that gives its value after the colon answers itself
TW_OUTAGE = """北汐縣政府　公告
主旨：公告本縣楓林鄉部分地區因管線汰換工程停止供水。
公告事項：
一、停水原因：楓林鄉中山路段老舊管線汰換。
二、停水時間：115年6月9日（星期二）上午9時至下午4時。
三、停水範圍：
（一）楓林鄉：中山路一段全段。
"""


# a rule whose exclusions are a list under a lead line of their own
RULES = """南岭市青年人才住房补贴管理暂行办法

第三条　博士研究生每月1500元，硕士研究生每月1000元。
第四条　有下列情形之一的，不予发放补贴：
（一）机关事业单位在编人员；
（二）已享受其他住房保障待遇的。
第五条　本办法自2026年3月1日起施行。
"""


@pytest.fixture(scope="module")
def layouts_qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "layouts",
                             {"gonggao.txt": GONGGAO, "joint.txt": JOINT, "bulletin.txt": BULLETIN,
                              "list.txt": LIST_NOTICE, "guide.txt": GUIDE, "outage-tw.txt": TW_OUTAGE,
                              "rules.txt": RULES},
                             folder="notices")


@pytest.mark.parametrize(
    ("question", "expected", "source"),
    [
        # the subject line restates the title; the amount in the asked unit answers
        ("北汐市汰換老舊熱水器換購太陽能熱水器，每台補助多少錢？", "4,000元", "gonggao.txt"),
        # 「洽詢專線」 is a phone; its area code is no item number
        ("北汐市環保局熱水器補助的洽詢電話是多少？", "(02)2765-3318", "gonggao.txt"),
        # the dates under 「三、申报时间」 of the notice the two issuers' lines name
        ("南岭市2026年度返乡创业补贴最晚什么时候要申报？", "2026年6月30日", "joint.txt"),
        # a condition put before its list, and a length of time
        ("在南岭市创业要正常经营多长时间才能申请返乡创业补贴？", "1年以上", "joint.txt"),
        ("南岭市返乡创业补贴受理后几个工作日内完成审核？", "10个工作日", "joint.txt"),
        # the district's row of the table, not the city's growth; 「比上年」 asks no difference
        ("绵阳市游仙区2025年地区生产总值比上年增长了多少？", "7.2%", "bulletin.txt"),
        # a count stated in the notice, not a sum of its amounts
        ("南岭市这次一共有几家家庭农场列入奖补名单？", "6家", "list.txt"),
        # the guide's second line names its item for every line; its rows of materials do not answer
        ("在南岭市办食品经营许可，承诺几个工作日办完？", "3个工作日", "guide.txt"),
        ("对南岭市食品经营许可办理不满意，打哪个电话投诉？", "0736-2280939", "guide.txt"),
        ("北汐縣楓林鄉這次停水是哪一天？", "115年6月9日", "outage-tw.txt"),
        # a heading line with its value (guard: passes with or without the title-line credit,
        # which probe12's longer guide needed: EvidenceFinder.coverage, Tuning.title_line_credit)
        ("南岭市发的食品经营许可证管几年？", "5年", "guide.txt"),
        # an item of a list whose lead line above says no: the answer is no, with the lead quoted
        ("我是南岭市机关事业单位在编人员，可以领青年人才住房补贴吗？", "不是。资料记载：有下列情形之一的，不予发放补贴", "rules.txt"),
        ("南岭市硕士研究生每月住房补贴多少？", "1000元", "rules.txt"),
    ],
)
def test_notice_layouts_answer_from_the_line_that_states_it(layouts_qa, question, expected, source):
    answer = layouts_qa.ask(question)
    assert expected in answer.text.splitlines()[0]
    assert answer.citations[0].source == f"notices/{source}"
