"""Span extraction on literal strings: no index, no model (jieba's tagger only)."""

import pytest

from agent.offline.extract.span import extract_span
from agent.offline.understand.answer_type import asked_slot
from ingest.normalize import normalize_query
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def tagger():
    return Segmenter().tagged


@pytest.mark.parametrize(
    ("question", "kind", "noun"),
    [
        ("谁发现了印欧语系？", "person", ""),
        ("亚洲协会在哪里举行？", "place", ""),
        ("该游戏于何时发售？", "time", ""),
        ("这种鸟的体长可达多少公分？", "number", "公分"),
        ("机场每天起降几架次？", "number", "架次"),
        ("他是哪国人？", "place", ""),
        ("该公司隶属于哪个集团？", "entity", "集团"),
        ("生命数耗完即算为什么？", "entity", ""),  # 为+什么 at the end: not a why-question
        ("为什么生命数会耗完？", "reason", ""),
        ("梵语是什么？", "definition", ""),
        ("这项政策是否适用于个体户？", "yesno", ""),
        ("如何申请补贴？", "manner", ""),
        ("抗日战争是在西元几年的时候结束？", "time", ""),  # a year, not a count of years
        # the asked kind is LAC's word after the question word, or nothing: not two characters
        ("该市加入了哪个经济圈？", "entity", "经济圈"),
        ("轨道交通以及什么又为铁路运输的别称？", "entity", ""),
        ("这座城市是由于什么的宪法改革成为自由市？", "entity", ""),
        ("米的哪一部分持有九成以上的营养？", "entity", ""),
        ("民主德国成立时几个国家控制着西柏林？", "number", "个"),
        ("该项目总投资多少亿元？", "number", "亿元"),
    ],
)
def test_asked_slot_types(question, kind, noun):
    slot = asked_slot(normalize_query(question))
    assert (slot.kind, slot.noun) == (kind, noun)


def test_asked_slot_splits_the_question_around_the_question_word():
    q = "陆特和汉斯雷顿开创了哪一地区对梵语的学术研究？"
    slot = asked_slot(q)
    assert slot.left(q) == "陆特和汉斯雷顿开创了"
    assert slot.right(q) == "地区对梵语的学术研究"


@pytest.mark.parametrize(
    ("question", "sentence", "answer"),
    [
        ("生命数耗完即算为什么？", "每次泡封会减少生命数，生命数耗完即算为踢爆。", "踢爆"),
        ("《战国无双3》是由哪两个公司合作开发的？",
         "《战国无双3》是由光荣和ω-force开发的战国无双系列的正统第三续作。", "光荣和ω-force"),
        ("该游戏于何时发售？", "本作于2009年12月3日在日本发售。", "2009年12月3日"),
        ("陸特和漢斯雷頓開創了哪一地區對梵語的學術研究？",
         "在歐洲，梵語的學術研究，由德國學者陸特和漢斯雷頓開創。", "欧洲"),
        ("这种鸟的体长可达多少公分？", "成鸟体长可达45公分，翼展约80公分。", "45公分"),
        ("綠島隸屬於哪一個縣管轄？", "綠島位於太平洋上，隸屬於臺東縣管轄。", "台东县"),
        ("谁发现了印欧语系？", "后来威廉·琼斯发现印欧语系，也要归功于对梵语的研究。", "威廉·琼斯"),
        ("亚洲协会在哪里举行？", "1786年2月2日，亚洲协会在加尔各答举行。", "加尔各答"),
        ("亚洲协会于哪一天举行？", "1786年2月2日，亚洲协会在加尔各答举行。", "1786年2月2日"),
        ("热线电话是多少？", "咨询热线电话为0832-2026888，工作日受理。", "0832-2026888"),
        # a range is one answer, its unit on either end
        ("果实的长度约是多少厘米？", "非洲猴面包树的果实长约15至20厘米。", "约15至20厘米"),
        ("生长的地区海拔约是多少米？", "生长于海拔100米至2,800米的地区，多生于林下。", "100米至2,800米"),
        # the question's words next to the question word pull harder than its subject, which the
        # sentence names again elsewhere (distance-weighted alignment)
        ("王五在球队司职哪里？", "王五，中国足球运动员，司职中场，现效力于成都队。", "中场"),
        ("这座钟楼是由谁设计的？", "这座钟楼又称圣约翰钟楼，是一座位于城西的砖石建筑，由建筑师陈明设计。", "陈明"),
    ],
)
def test_extract_span_fills_the_slot(tagger, question, sentence, answer):
    span = extract_span(normalize_query(question), normalize_query(sentence), tagger)
    assert span is not None and span.text == answer


def test_extract_span_declines_a_sentence_without_the_asked_type(tagger):
    # a figure question over a sentence with no numeral: no span rather than a wrong one
    assert extract_span("园区有多少家企业？", "园区企业发展势头良好。", tagger) is None


def test_extract_span_leaves_why_questions_to_the_reason_clause(tagger):
    assert extract_span("为什么营收增长了？", "得益于新产品，营收增长了。", tagger) is None


def test_the_asked_measure_word_beats_a_closer_figure(tagger):
    # 「几处」 is answered by the figure counted in 处, not by the year beside the subject
    span = extract_span("A-135共有几处发射基地？", "A-135于1989年宣布成军，一共有7处发射基地，其中5处是新建造。", tagger)
    assert span is not None and span.text.startswith("7处")


def test_time_spans_include_era_years_seasons_and_periods():
    from agent.offline.extract.span import TIME_SPAN

    found = lambda text: [m.group(0) for m in TIME_SPAN.finditer(text)]  # noqa: E731
    assert found("康熙七年设省") == ["康熙七年"]
    assert found("成年礼在秋季举行") == ["秋季"]
    assert found("侏罗纪时开始分裂") == ["侏罗纪"]
    assert found("这是关键环节") == []
    # a length counted from an event is no era's year
    assert found("自撤销之日起五年内不得再申请") == []
    assert found("期满后三年内不得申领") == []
    assert found("一直到了第九年才成功") == ["直到了第九年"]  # (an ordinal year is a time)


@pytest.mark.parametrize(
    ("question", "sentence", "span"),
    [
        # 「…的人是谁」: the clause before 的 tells of the answer, its subject in the sentence
        ("以环保为诉求在大学校园获得支持的人是谁？", "议员王建国以环保为诉求在大学校园获得支持，并赢得州长李明的提名。", "王建国"),
        ("选择临江作为举行加冕礼城市的人为谁？",
         "国王哈康于1299年即位，他选择了临江作为举行加冕礼的城市，并在此后扩建了圣玛丽教堂。", "哈康"),
        # the sentence names the head (居民): the answer follows it, as the question's order says
        ("最初在城东居住的居民是谁？", "公元前1世纪时，城东已经有人居住，居民是当地的渔猎部落。", "当地的渔猎部落"),
    ],
)
def test_a_relative_clause_question_asks_for_the_clause_subject(tagger, question, sentence, span):
    found = extract_span(question, sentence, tagger)
    assert found is not None and found.text == span


@pytest.mark.parametrize(
    ("question", "sentence", "span"),
    [
        # a person is a person by LAC: jieba tags the place 石岐 nr and misses 王天祥
        ("香山八景的评选最初是由谁发起的？",
         "元朝，香山县令王天祥召集文人墨客第一次评选出了「香山八景」，他们是阜峰文笔、石岐晚渡、长洲烟雨。", "王天祥"),
        # jieba tags the dynasty 曹魏 nr; the person who did it is 司马懿
        ("是谁把望平设在玄菟郡的？", "曹魏联合高句丽灭了公孙渊后，景初二年，曹魏太尉司马懿灭公孙渊，设望平四县于玄菟郡。", "司马懿"),
        # a name written across 「·」 is one name, though LAC tags only its second part; and 「·盖」
        # of the question's 「H·盖茨」 lines up nothing
        ("谁设计威廉·H·盖茨大楼？", "比尔盖茨捐款建造名为威廉·H·盖茨大楼的电脑实验室，此建筑物由法兰克·盖瑞设计。", "法兰克·盖瑞"),
    ],
)
def test_person_spans_are_names_by_the_ner_tagger(tagger, question, sentence, span):
    found = extract_span(normalize_query(question), normalize_query(sentence), tagger)
    assert found is not None and (found.text, found.typed) == (span, 1.5)
