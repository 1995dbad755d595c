"""Answer shapes that hold for any policy document: numbered blocks and annex lists, colon and
（一）-style enumerations, section leads, asked units, level qualifiers, calculations over years.

Two made-up documents (a 实施方案 and a news report); nothing here is tuned to the shipped report.
"""

import pytest
from support import open_small_corpus

PLAN = """江澜市关于推进制造业数字化转型的实施方案
江政办发〔2025〕17号

一、主要目标
到2026年底，全市累计建成市级数字化车间120个、智能工厂25家；
到2028年底，全市累计建成市级数字化车间300个、智能工厂60家。
二、重点任务
（一）推动中小企业上云用云。发布“上云产品目录”，推动中小企业业务系统向云端迁移。牵头单位：市大数据中心；配合单位：市工业和信息化局、市财政局。
（二）培育工业互联网平台。对新获评国家级工业互联网平台的企业，给予一次性奖励500万元。
三、支持政策
专项资金主要用于设备更新、软件购置和人才培训，不得用于偿还债务。
下列企业不予支持：（一）近三年发生重大安全事故的企业；（二）被列入失信名单的企业；（三）环保不达标的企业。
四、实施步骤
（一）启动阶段（2025年3月至2025年12月）。遴选首批试点企业。
（二）全面推进阶段（2026年1月至2027年12月）。全面推广试点经验。
（三）巩固提升阶段（2028年1月至2028年12月）。开展总结评估。

首批试点企业名单
（共4家）
1. 江澜华拓新材料股份有限公司（临港区）
2. 江澜启辰电子科技有限公司（高新区）
3. 江澜远航船舶装备有限公司（临港区）
4. 江澜青禾生物医药有限公司（南溪区）

江澜市人民政府办公室
2025年3月18日
"""

NEWS = """云溪国庆中秋假期文旅市场持续升温

本报讯（记者 林悦）今年国庆中秋假期，我市共接待游客486.3万人次，同比增长12.4%，实现旅游总收入38.7亿元。
国家5A级景区青崖山景区门票为120元/人，60岁以上老人凭证享受半价优惠。
云溪古镇门票为80元/人，假期接待游客68.9万人次。
为巩固假期消费热度，我市将从今年11月起推出一系列新举措：延长青崖山景区夜间开放时间，开通云溪古镇至白鹭湖的旅游专线公交，并发行“云溪文旅一卡通”。
"""


@pytest.fixture(scope="module")
def two_docs(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "shapes", {"plan.txt": PLAN, "news.txt": NEWS})


def first_line(answer) -> str:
    return answer.text.splitlines()[0]


def test_stages_come_from_the_numbered_block(two_docs):
    ans = two_docs.ask("整个方案分成了哪几个阶段？")
    assert first_line(ans) == "启动阶段、全面推进阶段、巩固提升阶段"
    assert [c.quote[:3] for c in ans.citations[:3]] == ["（一）", "（二）", "（三）"]


def test_annex_lines_are_narrowed_by_the_asked_district(two_docs):
    ans = two_docs.ask("临港区有哪些企业进了首批试点名单？")
    assert first_line(ans) == "江澜华拓新材料股份有限公司、江澜远航船舶装备有限公司"
    assert all("临港区" in c.quote for c in ans.citations[:2])


def test_lead_department_comes_from_the_task_paragraph(two_docs):
    ans = two_docs.ask("中小企业上云用云这件事是哪个单位牵头？")
    assert "市大数据中心" in first_line(ans)


def test_numbered_exclusions_are_listed(two_docs):
    ans = two_docs.ask("哪些企业不予支持？")
    short = first_line(ans)
    assert "近三年发生重大安全事故的企业" in short and "被列入失信名单的企业" in short


def test_colon_enumeration_of_the_asked_kind(two_docs):
    ans = two_docs.ask("云溪接下来准备推出哪些新举措？")
    short = first_line(ans)
    assert "开通云溪古镇至白鹭湖的旅游专线公交" in short and "发行“云溪文旅一卡通”" in short


def test_use_of_funds_list_is_quoted_as_its_sentence(two_docs):
    # the sentence that holds the enumeration, as written, with what it says of the same funds
    # after it (session 36: the list's clauses alone lost the lead and the tail of lists on the
    # CMRC 2018 trial, span in the first line 74.9% → 76.5%)
    ans = two_docs.ask("专项资金主要用于哪些方面？")
    assert first_line(ans) == "专项资金主要用于设备更新、软件购置和人才培训，不得用于偿还债务"


def test_figure_in_another_unit_is_no_answer(two_docs):
    assert two_docs.ask("青崖山景区有多少名员工？").refused is True


def test_other_level_qualifier_is_no_answer(two_docs):
    assert two_docs.ask("被评为省级工业互联网平台的企业能拿多少奖励？").refused is True
    assert "500万元" in first_line(two_docs.ask("被评为国家级工业互联网平台的企业能拿多少奖励？"))


def test_difference_between_two_years(two_docs):
    ans = two_docs.ask("2028年比2026年多建成多少个市级数字化车间？")
    assert first_line(ans) == "计算：300个 − 120个 = 180个"


def test_share_is_a_percentage(two_docs):
    ans = two_docs.ask("云溪古镇接待的游客占全市游客的比例大约是多少？")
    assert first_line(ans) == "计算：68.9万人次 ÷ 486.3万人次 ≈ 14.17%"


def test_document_date_as_written(two_docs):
    ans = two_docs.ask("这份实施方案是哪天印发的？")
    assert "2025年3月18日" in first_line(ans)


def test_reporter_byline(two_docs):
    assert "林悦" in first_line(two_docs.ask("这篇报道是哪位记者写的？"))


def test_elliptical_follow_up_swaps_the_year(two_docs):
    from agent.types import Turn

    first = two_docs.ask("到2026年底要建成多少个市级数字化车间？")
    assert "120个" in first_line(first)
    again = two_docs.ask("2028年呢？", history=[Turn("到2026年底要建成多少个市级数字化车间？", first.text)])
    assert "300个" in first_line(again)


def test_year_on_year_growth_is_read_not_computed(two_docs):
    ans = two_docs.ask("假期游客同比增长多少？")
    assert "12.4%" in first_line(ans) and not first_line(ans).startswith("计算")


PLAN_2028 = """江澜市制造业数字化转型实施方案（2025—2028年）

一、主要目标
到2026年底，全市累计建成市级数字化车间120个、智能工厂25家；培育市级以上工业互联网平台8个；新增上云企业1500家。
到2028年底，全市累计建成市级数字化车间300个、智能工厂60家；培育市级以上工业互联网平台15个，其中国家级平台不少于2个；累计上云企业达到5000家。
"""

INTERVIEW = """让数字化转型看得见摸得着——访江澜市工业和信息化局局长

问：全市的短板在哪里？
答：我们做过对比，短板主要有三个：一是平台少，能够服务全行业的工业互联网平台只有5个，国家级平台还是空白；二是中小企业上云比例低；三是人才不足。
问：三年后要达到什么样子？
答：比如平台这块，三年后要培育到15个，而且国家级的至少要有2个。
"""

PARK_NEWS = """青禾经济开发区去年营业收入突破三百亿元 增速连续三年保持两位数

本报讯（记者 周岚）2025年2月10日，青禾经济开发区管理委员会召开年度工作会议，发布开发区上一年度发展成绩单。
开发区管委会主任在会上表示：“去年在外部环境复杂多变的情况下，开发区全年营业收入依然保持了两位数增长，企业满意度达到96%。”
开发区营业收入的快速增长，主要得益于集成电路和新材料两大产业全年保持满负荷生产，两大产业营业收入占比达到六成。
营业收入排名前十的企业全年合计贡献超过一半，其中三家企业营业收入达到百亿级。
开发区全年实现出口总额42亿元，同比增长8.6%，产品远销40多个国家和地区。
开发区去年推行“企业服务专员”制度，全年协调解决企业用地、融资、用工等各类诉求320余件，企业满意度达到95%。
2024年，开发区实现营业收入318亿元，比2023年的276亿元增长15.2%，增速比全市平均水平高出4.1个百分点。
"""

CAPS = """临川市支持新能源汽车产业发展的若干措施

一、支持重大项目落地
（一）对新引进的新能源汽车整车项目，固定资产投资额在20亿元以上的，按设备投资额的8%给予补助，最高不超过5000万元。
（二）对动力电池、驱动电机等关键零部件项目，固定资产投资额在2亿元以上的，按设备投资额的10%给予补助，最高不超过2000万元。
二、支持技术改造
对现有企业实施的智能化改造项目，按核定投资额的6%给予奖励，单个项目最高500万元。
"""

FAIR = """梧川市中小外贸企业参加境外展会补贴实施细则

一、补贴对象。在梧川市注册、依法办理对外贸易经营者备案登记的中小外贸企业，上年度进出口额在4500万美元以下。
二、展位费补贴。对企业参加境外展会的展位费，按实际发生额的50%给予补贴。
三、人员费用补贴。对参展人员往返国际机票（经济舱）给予50%补贴，每展补贴不超过2人。
四、补贴限额。单个企业年度补贴总额不超过30万元。
五、申报时间。每年1月10日至1月31日申报上一年度参展补贴。
"""

RENTALS = """柘川区出租屋安全管理办法

第三条 下列出租屋应当向街道办事处备案：
（一）用于经营的出租屋；
（二）出租房间数在10间以上，或者居住人数在20人以上的集中出租屋（以下简称“群租房”）；
第五条 出租屋应当符合下列安全条件：
（一）出租屋内配备灭火器和烟感报警器；
（二）不得使用易燃可燃材料分隔房间；
（三）出租屋人均居住使用面积不得低于5平方米，每个房间居住不得超过6人；
"""


# A best sentence refused or beaten by another word for what the question asks, and the sentence
# that answers (one small index each; every case fails on the code before session 40):
# - other-entity: the interview's 「国家级的至少要有2个」 does not name 工业互联网平台; the plan's
#   target does (a runner-up of any document that names the entity and covers the question as well)
# - year: the best sentences (「去年…全年营业收入依然保持了两位数增长」) name no year; the runner-up
#   that dates the asked figure 2024年 answers
# - bound words: no sentence says 封顶, 「最高不超过」 states the cap (clause_cues.tsv upper-bound);
#   「四、补贴限额」 puts the cap before its figure while the best sentences state rates, conditions
#   and dates; 「最多」 is stated 「不得超过」, and the threshold 「20人以上」 is no cap
RUNNER_UPS = [
    ("entity", {"plan.txt": PLAN_2028, "interview.txt": INTERVIEW},
     "到2028年，国家级工业互联网平台最少要有几个？", "其中国家级平台不少于2个", "plan.txt"),
    ("year", {"news.txt": PARK_NEWS}, "青禾经济开发区2024年全年营业收入达到多少？", "开发区实现营业收入318亿元", "news.txt"),
    ("cap-word", {"policy.txt": CAPS}, "关键零部件项目的补助封顶额是多少？", "最高不超过2000万元", "policy.txt"),
    ("stated-cap", {"fair.txt": FAIR}, "梧川市外贸企业参展补贴封顶多少？", "单个企业年度补贴总额不超过30万元", "fair.txt"),
    ("bound-group", {"rent.txt": RENTALS}, "柘川区出租屋一个房间最多能住几个人？", "每个房间居住不得超过6人", "rent.txt"),
]


@pytest.mark.parametrize(("name", "files", "question", "answer", "source"), RUNNER_UPS, ids=[c[0] for c in RUNNER_UPS])
def test_the_sentence_that_says_what_is_asked_answers(tmp_path_factory, embedder, name, files, question, answer, source):
    ans = open_small_corpus(tmp_path_factory, embedder, name, files).ask(question)
    assert first_line(ans) == answer
    assert ans.citations[0].source.endswith(source)


TOURISM = """云溪国庆中秋假期文旅市场持续升温

本报讯（记者 林悦）记者昨日从市文化广电旅游局获悉，今年国庆中秋假期（10月1日至8日），我市共接待游客486.3万人次，同比增长12.4%；
实现旅游总收入38.7亿元，同比增长15.2%。
云溪古镇门票为80元/人，假期接待游客68.9万人次，同比增长21.3%，接待量位居全市景区首位。
白鹭湖湿地公园门票为40元/人，假期接待游客31.2万人次，同比增长17.8%，亲子家庭游客占比超过四成。
为激发跨区域客源市场，今年假期，市级财政对组织外地游客来云溪旅游的旅行社给予补助，补助标准为每人次30元，共发放补助资金216万元。
此外，位于城东的云溪博物馆实行免费预约参观，假期共接待观众11.7万人次。
"""

CAPS_800 = CAPS.replace("单个项目最高500万元", "单个项目最高不超过800万元")

# Calculations over the figures the question names (one small index each; every case fails on the
# code before session 41):
# - average: the total's sum over the total's count in another unit (万人次), not refused because
#   the best sentence's figures are a grant (每人次30元), nor over one site's visitors
# - part of a stated whole: 「占全市游客总量」 is the total the report states (共接待), not the next
#   site's visitors nor the two sites' ticket prices
# - two caps compared: 「相当于…的几成」 of the two named projects' caps, not the stated rate (10%)
#   nor another project's cap
CALCULATIONS = [
    ("average", {"news.txt": TOURISM}, "按报道的数据算，今年国庆中秋假期平均每位游客花了多少钱？",
     "计算：38.7亿元 ÷ 486.3万人次 ≈ 795.81元/人次（约796元）", "news.txt"),
    ("part-of-whole", {"news.txt": TOURISM}, "云溪古镇接待的游客大概占全市游客总量的百分之几？",
     "计算：68.9万人次 ÷ 486.3万人次 ≈ 14.17%", "news.txt"),
    ("caps-compared", {"policy.txt": CAPS_800}, "关键零部件项目的补助封顶额相当于整车项目补助封顶额的几成？",
     "计算：2000万元 ÷ 5000万元 ≈ 40%（约4成）", "policy.txt"),
]


@pytest.mark.parametrize(("name", "files", "question", "answer", "source"), CALCULATIONS, ids=[c[0] for c in CALCULATIONS])
def test_computed_from_the_figures_the_question_names(tmp_path_factory, embedder, name, files, question, answer, source):
    ans = open_small_corpus(tmp_path_factory, embedder, name, files).ask(question)
    assert first_line(ans) == answer
    assert ans.citations[0].source.endswith(source)


HEALTH_PLAN = """# 江川省关于全面推进紧密型县域医共体建设的工作方案（2025—2027年）

## 一、工作目标
到2025年底，全省80%以上的县（市）建成紧密型县域医共体，县域内就诊率达到88%；
到2027年底，紧密型县域医共体实现全省县（市）全覆盖，县域内就诊率稳定在90%以上。
## 二、重点任务
推动25家县级医院达到三级医院医疗服务能力水平。
2025年底前建成全省县域医共体信息平台，实现电子病历在医共体内互联互通。
"""


def test_a_wrong_year_is_answered_with_what_that_year_holds(tmp_path_factory, embedder):
    # the year the question asks (2025) is quoted where it is a date (「到2025年底」), not where it
    # starts the title's span (「（2025—2027年）」)
    ans = open_small_corpus(tmp_path_factory, embedder, "premise-year", {"health.md": HEALTH_PLAN}).ask(
        "江川省计划2025年底就让紧密型县域医共体全省全覆盖，是吧？")
    assert first_line(ans).startswith("到2027年底，紧密型县域医共体实现全省县（市）全覆盖")
    assert ans.citations[1].quote.startswith("到2025年底，全省80%以上的县（市）建成紧密型县域医共体")


TASK_INTERVIEW = """让中小企业上云用云——访江澜市工业和信息化局局长

问：中小企业上云用云进展如何？
答：目前全市上云企业累计达到2100家，但中小企业上云比例还不高，上云的大多是办公软件，生产环节上云用云的很少。
问：下一步怎么推动中小企业上云用云？
答：我们会同大数据部门发布上云产品目录，对中小企业上云费用给予补贴，让中小企业上云用云看得见、用得起。
问：这项任务由哪些部门来配合推进？
答：这项任务光靠一个部门不够，需要各部门配合，我们会和各区一起把上云补贴落到实处。
"""


def test_a_labelled_field_is_read_below_prose_that_has_none(tmp_path_factory, embedder):
    # the interview's prose ranks first and holds no 「配合单位：」; the plan's task paragraph does
    # (fails on the code before session 41, which quoted the interview's answer)
    ans = open_small_corpus(tmp_path_factory, embedder, "task-fields",
                            {"plan.txt": PLAN, "interview.txt": TASK_INTERVIEW}).ask("推动中小企业上云用云这项任务，配合的部门都有谁？")
    assert first_line(ans) == "市工业和信息化局、市财政局"
    assert ans.citations[0].source.endswith("plan.txt")
