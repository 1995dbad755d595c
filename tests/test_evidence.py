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


def test_an_enacting_formula_says_only_its_rules_purpose():
    from agent.offline.gather.evidence import enacting_formula
    from agent.offline.understand.question import analyze
    from ingest.segment import Segmenter

    segmenter = Segmenter()

    first = "第一条 临川县政府为鼓励青年创业,减轻其贷款利息负担,特订定本办法。"
    asked = analyze("临川县政府收到申请后要在多久内审核完毕？", segmenter)
    assert enacting_formula(asked, first) is True
    assert enacting_formula(asked, "主旨:订定「临川县青年创业贷款利息补贴办法」,并自即日起生效。") is True
    # its purpose asked, it answers; and 「制定了相关规定」 enacts no rule of its own
    assert enacting_formula(analyze("临川县订定这个办法的目的是什么？", segmenter), first) is False
    assert enacting_formula(asked, "1982年制定了相关规定。") is False
    # 「制定本地区实施方案」 is a task the rule sets, not the rule enacting itself
    assert enacting_formula(asked, "各设区市要于2025年6月30日前制定本地区实施方案。") is False


STANDARDS = (
    "临川区商务局关于印发《临川区2026年商贸企业稳增长补助标准》的通知\n\n"
    "各街道办事处，各有关企业：\n"
    "为支持商贸企业做大做强，经区政府同意，现将2026年商贸企业稳增长补助标准印发如下，请遵照执行。\n\n"
    "一、补助标准\n"
    "年销售额5亿元以上的商贸企业，补助30万元。\n"
    "二、申报时间\n"
    "申报时间为2027年2月1日至2月28日。\n"
)


@pytest.fixture(scope="module")
def standards_qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "evidence-standards", {"standards.txt": STANDARDS})


def test_a_preamble_that_hands_over_to_what_follows_answers_nothing(standards_qa):
    # 「…印发如下，请遵照执行。」 repeats the title's words and says no date nor figure of its own
    first = standards_qa.ask("临川区2026年商贸企业稳增长补助标准什么时候申报？").text.splitlines()[0]
    assert "2027年2月1日" in first and "印发如下" not in first
