"""A level asked of a notice whose section opens with another level, and an office's hours on
the line after its address (session 19, issue 9); a look-alike notice beside them. The documents are written
here for the shapes they have, not copied from any probe or dataset."""

import pytest
from support import open_small_corpus

# one section whose first sentence names 一级: the 三级 sentence under it answers 三级
INSURANCE = """石门县2026年度城乡居民医保参保缴费通知

一、缴费标准
2026年度居民医保个人缴费标准为每人每年380元，特困人员由财政全额资助。

二、待遇标准
（一）住院待遇：政策范围内住院费用，一级医疗机构起付标准150元，报销比例88%；二级医疗机构起付标准450元，报销比例72%；三级医疗机构起付标准900元，报销比例55%。转往县外住院的，报销比例再降低10个百分点。

三、县医保服务中心在石门县解放路8号政务大厅二楼办公，电话0736-5520016。办理时间：工作日8:00—12:00，14:00—17:30。
"""

# a housing notice that says 低保户 again and again, and names no 居民医保
HOUSING = """石门县农村低保户住房救助办法

一、低保户住房维修每户补助12000元，低保户个人每年自筹不超过2000元。
二、低保户住房重建每户补助36000元，低保户个人每年自筹不超过5000元。
三、低保户申请住房救助，向所在村民委员会提出书面申请。
"""


# a time line and a place line: the asked deadline is the time field's, not the place field's
JOBS = """石门县2026年公益性岗位招聘公告

一、招聘岗位：保洁员、护林员、治安巡逻员，共40名。
二、报名时间和地点
受理时间：2026年5月6日至5月15日，上午9:00—12:00，下午14:00—17:00。
受理地点：石门县就业服务中心二楼5号窗口（石门县解放路20号）。
"""


@pytest.fixture(scope="module")
def levels_qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "levels",
                             {"insurance.txt": INSURANCE, "housing.txt": HOUSING, "jobs.txt": JOBS}, folder="notices")


def test_the_sentence_that_names_the_asked_level_answers(levels_qa):
    answer = levels_qa.ask("在石门参加居民医保，去三级医院住院能报销百分之多少？")
    assert not answer.refused, answer.refusal
    assert "55%" in answer.text.splitlines()[0]
    assert answer.citations[0].source == "notices/insurance.txt"



def test_the_hours_after_an_offices_address_answer_a_clock_question(levels_qa):
    answer = levels_qa.ask("石门县医保服务中心下午几点开始办公？")
    assert not answer.refused, answer.refusal
    assert "14:00—17:30" in answer.text.splitlines()[0]
    assert answer.citations[0].quote.startswith("办理时间")


def test_a_deadline_is_read_from_the_time_field_not_the_place_field(levels_qa):
    answer = levels_qa.ask("石门县公益性岗位受理截止到哪天？")
    assert not answer.refused, answer.refusal
    assert "5月15日" in answer.text.splitlines()[0]
