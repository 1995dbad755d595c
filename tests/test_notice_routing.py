"""A city's notices among look-alikes (issue 9): the notice whose title names the question's
place and programme is read, and a sentence of another city's notice never goes first when one of
the named city's does not."""

import pytest
from offline_support import LiteralDocuments, draft, sentence

from agent.offline.gather.stages import Gather
from ingest.segment import Segmenter
from tests.support import open_small_corpus


def _notice(city: str, programme: str, body: str) -> str:
    return f"{city}{programme}申报指南\n\n{city}人力资源和社会保障局\n\n{body}\n"


FILES = {
    "a-startup.txt": _notice("澄川市", "一次性创业补贴", "一、补贴标准\n创办小微企业的，按每户8000元给予补贴。\n"
                             "二、申报时间\n2026年3月1日至2026年5月31日。逾期不予受理。"),
    "a-insurance.txt": _notice("澄川市", "城乡居民医保参保缴费", "一、缴费标准\n个人缴费每人每年400元。\n"
                               "二、缴费时间\n集中缴费期为2025年9月1日至2025年12月31日。"),
    "a-residence.txt": _notice("澄川市", "居住证办理", "一、办理条件\n在本市居住半年以上。\n二、办理时限\n10个工作日内办结。"),
    "b-startup.txt": _notice("云河市", "一次性创业补贴", "一、补贴标准\n创办小微企业的，按每户6000元给予补贴。\n"
                             "二、申报时间\n2026年4月1日至2026年6月30日。"),
}


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


@pytest.fixture(scope="module")
def qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "city-notices", FILES)


def test_the_notice_titled_with_the_named_place_and_programme_is_routed_to(qa):
    evidence = qa.offline.pipeline.docs.evidence
    # 澄川市 is in three titles: the programme's words pick one
    assert evidence.titled_document(("澄川市", "一次性", "创业", "补贴", "申报"), ("澄川市",)) == "docs/a-startup.txt"
    # no title names 岚平县; and two of the city's notices tie on 澄川市 alone
    assert evidence.titled_document(("岚平县", "创业", "补贴"), ("岚平县",)) == ""
    assert evidence.titled_document(("澄川市",), ("澄川市",)) == ""


def test_a_deadline_of_the_named_citys_notice_is_answered(qa):
    answer = qa.ask("澄川市2026年度一次性创业补贴最晚什么时候要提交申报？")
    assert not answer.refused and "2026年5月31日" in answer.text.splitlines()[0]
    assert answer.citations[0].source == "docs/a-startup.txt"


def test_sentences_of_a_document_naming_the_asked_place_go_first(segmenter):
    docs = LiteralDocuments({"a.txt": FILES["a-startup.txt"], "b.txt": FILES["b-startup.txt"]})
    theirs = sentence("创办小微企业的，按每户6000元给予补贴。", source="b.txt", score=3.6)
    ours = sentence("创办小微企业的，按每户8000元给予补贴。", source="a.txt", score=3.3)
    q = draft(segmenter, "澄川市创办小微企业的补贴每户多少钱？").q
    assert Gather(docs)._naming_first(q, [theirs, ours]) == [ours, theirs]
    # a question that names no place keeps the order
    plain = draft(segmenter, "创办小微企业的补贴每户多少钱？").q
    assert Gather(docs)._naming_first(plain, [theirs, ours]) == [theirs, ours]


def test_the_best_passages_notice_is_read_whole(tmp_path_factory, embedder):
    """The line that answers may be in a chunk retrieval ranks below the notice's look-alike lines
    (「最低生活保障家庭按租金标准的10%缴纳」 under 「转租…公租房的」): every chunk of the best
    passage's notice is gathered."""
    from agent.offline.understand.question import analyze

    sections = "\n".join(f"第{i}条 承租人第{i}项义务：按时缴纳租金，爱护公租房及其附属设施，不得擅自改变房屋用途。"
                         for i in range(1, 31))
    files = {"rent.txt": "汀屿市公共租赁住房租金管理办法\n\n汀屿市住房和城乡建设局\n\n" + sections + "\n",
             "other.txt": _notice("云河市", "一次性创业补贴", "一、补贴标准\n创办小微企业的，按每户6000元给予补贴。")}
    qa = open_small_corpus(tmp_path_factory, embedder, "whole-notice", files)
    docs = qa.offline.pipeline.docs
    chunks = [c.id for c in docs.index.chunks if c.source == "docs/rent.txt"]
    assert len(chunks) > 8  # more than retrieval returns
    question = "公租房租金怎么缴纳？"
    q = analyze(question, docs.index.segmenter)
    passages = Gather(docs)._passages(question, docs.retriever.query_vector(question), q)
    assert {p.chunk_id for p in passages} >= set(chunks)


def test_a_place_named_without_its_level_routes_like_the_whole_name(segmenter):
    # 「澄川创办小微企业…」: the Analyze stage adds 澄川 (the documents write 澄川市) to the names
    from dataclasses import replace
    docs = LiteralDocuments({"a.txt": FILES["a-startup.txt"], "b.txt": FILES["b-startup.txt"]})
    theirs = sentence("创办小微企业的，按每户6000元给予补贴。", source="b.txt", score=3.6)
    ours = sentence("创办小微企业的，按每户8000元给予补贴。", source="a.txt", score=3.3)
    q = replace(draft(segmenter, "我在澄川创办小微企业，补贴每户多少钱？").q, names=("澄川",))
    assert Gather(docs)._naming_first(q, [theirs, ours]) == [ours, theirs]
