"""Evidence scoring: the conversation's terms pick among sentences that answer alike."""

import pytest

from tests.support import open_small_corpus

REPORT = (
    "全市工业经济运行简报\n\n"
    "碧螺春全年销量同比增长30%，主要销往华东地区。\n"
    "龙井茶全年销量同比增长12%，主要销往西南地区。\n"
)


@pytest.fixture(scope="module")
def qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "evidence", {"brief.txt": REPORT})


@pytest.mark.parametrize(("previous", "figure"), [("龙井茶卖得怎么样？", "12%"), ("碧螺春卖得怎么样？", "30%")])
def test_follow_up_stays_on_the_previous_turns_topic(qa, previous, figure):
    # both sentences answer 「销量同比增长了多少」 equally; the earlier turn decides which one
    answer = qa.ask("全年销量同比增长了多少？", history=[(previous, "")])
    other = {"12%", "30%"} - {figure}
    assert figure in answer.short and other.pop() not in answer.short
    assert figure in answer.citations[0].quote


def test_lowered_chunk_texts_keep_the_text_itself_where_nothing_changes():
    from agent.offline.gather.evidence import _lowered

    texts = ["算力3700P", "东兴区人民政府", "abc", "Bingji 并济"]
    low = _lowered(iter(texts))
    assert low == ["算力3700p", "东兴区人民政府", "abc", "bingji 并济"]
    assert low[1] is texts[1] and low[2] is texts[2]
    assert low[0] is not texts[0] and low[3] is not texts[3]
