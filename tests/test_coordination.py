"""The item a question leaves out of a list it quotes (agent/offline/extract/coordination.py), on
literal strings: no index."""

import pytest
from offline_support import sentence

from agent.offline.extract.coordination import left_out_items
from agent.offline.understand.question import analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


@pytest.mark.parametrize(("question", "text", "left_out"), [
    # the middle of the list, as written (Simplified)
    ("申请时要交身份证、户口簿以及什么材料？", "申请人应提交身份证、收入证明和户口簿等材料。", "收入证明"),
    # the end of the list, its noun phrase only (Traditional)
    ("補助對象包括低收入戶、中低收入戶以及哪一類家庭？", "補助對象為低收入戶、中低收入戶及特殊境遇家庭，每戶每月補助3000元。", "特殊境遇家庭"),
    # the start of the list, after the preposition and verb before it
    ("对农机合作社和什么组织给予奖励？", "市财政对家庭农场和农机合作社给予一次性奖励。", "家庭农场"),
    # two left out side by side are quoted as the sentence writes them
    ("东湖区与哪些区一起试点？", "东湖区与西岭区、南港区和北塘区一起开展试点。", "西岭区、南港区和北塘区"),
])
def test_the_item_the_question_leaves_out(segmenter, question, text, left_out):
    assert left_out_items(analyze(question, segmenter), sentence(text), segmenter.tagged) == left_out


@pytest.mark.parametrize(("question", "text"), [
    # no item joined to the question word
    ("申请时要交什么材料？", "申请人应提交身份证、收入证明和户口簿等材料。"),
    # the sentence's list holds none of the question's items
    ("申请时要交身份证以及什么材料？", "补助对象为低收入户、中低收入户和特殊境遇家庭。"),
    # every item of the sentence's list is named by the question
    ("申请时要交身份证、户口簿以及什么材料？", "申请人应提交身份证和户口簿。"),
    # a word that only holds a conjunction's character (和平, 参与) joins nothing
    ("市民参与以及什么活动可以积分？", "市民参与和平纪念活动可以积分。"),
])
def test_no_item_is_left_out(segmenter, question, text):
    assert left_out_items(analyze(question, segmenter), sentence(text), segmenter.tagged) == ""
