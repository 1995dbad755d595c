"""「还能申请吗」 asked with the asker's own situation (session 29, issue 9): the item of a notice's
「有下列情形之一的，不予…：」 list that the situation is close to in e5 space answers no, though
they share no word (小轿车 for 机动车辆, 退休金 for 养老金); a situation no item is close to is
not answered by the list. The notice is written here for its shape, not copied from a probe."""

import pytest
from support import open_small_corpus

RELIEF = """青梧县临时救助实施办法

第三条　临时救助标准以本县城乡居民最低生活保障标准为基数确定。
第四条　申请临时救助，应向户籍所在地乡镇人民政府提出，并提交下列材料：
1. 临时救助申请书；
2. 申请人居民身份证、户口簿；
3. 能够证明困难情况的材料。
第七条　有下列情形之一的，不予救助：
（一）拒绝配合调查核实家庭经济状况的；
（二）因赌博、吸毒等违法行为导致生活困难的；
（三）家庭拥有机动车辆（残疾人功能性补偿代步机动车辆除外）的；
（四）已按月领取基本养老金且高于当地低保标准的。
第八条　咨询电话：青梧县民政局社会救助股0737-5216688。
"""


@pytest.fixture(scope="module")
def relief(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "relief", {"relief.txt": RELIEF}, folder="notices")


@pytest.mark.parametrize("question, item", [
    ("青梧县家里有辆小轿车，还能申请临时救助吗？", "机动车辆"),
    ("我在青梧县，按月拿着退休金，还能申请临时救助吗？", "基本养老金"),
])
def test_the_denied_case_the_askers_situation_is_answers_no(relief, question, item):
    answer = relief.ask(question)
    assert answer.short.startswith("不是") and "不予救助" in answer.short and item in answer.short
    assert item in answer.citations[0].quote


def test_a_situation_no_denied_case_is_close_to_is_not_answered_by_the_list(relief):
    answer = relief.ask("青梧县的临时救助，我单身，今年27岁，能申请吗？")
    assert "不予救助" not in answer.short


FEES = """青梧县公证处公证收费及减免公告

一、收费标准
证明出生、婚姻状况、学历等｜每件80元
证明委托书、声明书｜每件200元
二、减免范围
（一）有下列情形之一的，免收公证费：
1. 最低生活保障对象、特困供养人员；
2. 农民工申办与追索劳动报酬、工伤赔偿相关的公证事项；
3. 烈士遗属申办与抚恤相关的公证事项。
（二）有下列情形之一的，减半收取公证费：
1. 持有残疾人证的当事人；
2. 低保边缘家庭成员。
三、咨询电话：青梧县公证处0737-5218810。
"""


@pytest.fixture(scope="module")
def fees(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "fees", {"fees.txt": FEES}, folder="notices")


def test_a_cost_asked_of_a_case_charged_nothing_is_answered_by_its_list(fees):
    # (session 48: the cases a notice waives a charge for, read as the denied ones are)
    answer = fees.ask("我在青梧县打工，老板拖欠工资，要去公证处做公证讨薪，要收钱吗？")
    assert answer.short.startswith("不是") and "免收公证费" in answer.short and "追索劳动报酬" in answer.short
    assert "追索劳动报酬" in answer.citations[0].quote
