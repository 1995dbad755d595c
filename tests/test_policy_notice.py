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
