"""Title-person pairings and demonstrative events on a document unlike the shipped report."""

import pytest
from support import open_small_corpus

REPORT = """青禾县茶产业数字化观察

3月18日，2025年青禾县春茶数字化推介大会暨产销对接会在县会展中心隆重举行。
在此次大会上，县里发布了茶园物联网监测平台，吸引了众多茶企关注。
当天，共有12家茶企与电商平台签约，意向采购金额达1.8亿元。
县委书记李明远在大会上指出，要用数字技术让茶农增收。
县人民政府县长赵敏介绍，全县茶园面积达到12.6万亩，2024年茶叶综合产值达到41亿元。
绿源茶业有限公司总经理周启航表示，公司今年将新建两条智能加工线。
"""


@pytest.fixture(scope="module")
def county_qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "county", {"tea.txt": REPORT})


def test_role_book_reads_titles_before_names(county_qa):
    from agent.offline.extract.roles import RoleBook

    book = RoleBook(county_qa.index)
    titles = {r.name: r.titles for r in book.roles}
    assert titles["李明远"] == ("县委书记",)
    assert titles["赵敏"] == ("县人民政府县长",)
    assert titles["周启航"] == ("绿源茶业有限公司总经理",)


@pytest.mark.parametrize(
    ("question", "person", "title", "holder"),
    [
        ("县长李明远在大会上指出了什么？", "李明远", "县长", "赵敏"),
        ("總經理趙敏表示了什麼？", "赵敏", "总经理", "周启航"),
        ("副县长周启航说了什么？", "周启航", "副县长", None),
    ],
)
def test_conflicting_title_is_found(county_qa, question, person, title, holder):
    from agent.offline.extract.roles import RoleBook
    from ingest.normalize import normalize_query

    conflict = RoleBook(county_qa.index).conflict(normalize_query(question))
    assert (conflict.person, conflict.title) == (person, title)
    assert (conflict.holder.name if conflict.holder else None) == holder


@pytest.mark.parametrize("question", ["县委书记李明远指出了什么？", "周启航是哪家公司的总经理？"])
def test_matching_title_is_no_conflict(county_qa, question):
    from agent.offline.extract.roles import RoleBook

    assert RoleBook(county_qa.index).conflict(question) is None


def test_answer_corrects_the_pairing_and_cites_both_people(county_qa):
    ans = county_qa.ask("县长李明远介绍了哪些数据？")
    # 赵敏, the county head, gave both figures in one sentence: the answer gives both
    first = ans.text.splitlines()[0]
    assert "全县茶园面积达到12.6万亩" in first and "2024年茶叶综合产值达到41亿元" in first
    assert "李明远是县委书记，并非县长" in ans.text and "县长是赵敏" in ans.text
    quotes = [c.quote for c in ans.citations]
    assert any("县长赵敏" in q for q in quotes) and any("县委书记李明远" in q for q in quotes)


def test_event_named_in_an_earlier_sentence(county_qa):
    ans = county_qa.ask("茶园物联网监测平台是在什么活动上发布的？")
    assert ans.short == "2025年青禾县春茶数字化推介大会暨产销对接会"
    assert ans.citations[0].quote.startswith("3月18日，2025年青禾县春茶数字化推介大会")


def test_referent_of_other_kinds_comes_from_corpus_names():
    from agent.offline.extract.coreference import mentions_kind, referent

    assert mentions_kind("在此次大会上，县里发布了平台", "活动")
    assert not mentions_kind("县里发布了茶园物联网监测平台", "活动")
    earlier = ["今年建成了茶叶溯源平台。", "该平台接入了300家茶企。"]
    assert referent("平台", earlier, frozenset({"茶叶溯源平台"})) == ("茶叶溯源平台", 0)
    assert referent("活动", earlier) is None


def test_who_is_a_person_answers_with_their_titles(county_qa):
    ans = county_qa.ask("赵敏是谁？")
    assert ans.short == "赵敏：县人民政府县长"
    assert "县长赵敏介绍" in ans.citations[0].quote
    assert county_qa.ask("王小二是谁？").refused is True


@pytest.mark.parametrize(
    ("question", "short"),
    [
        ("绿源茶业有限公司的总经理是谁？", "周启航（绿源茶业有限公司总经理）"),
        ("青禾县县委书记是谁？", "李明远（县委书记）"),
    ],
)
def test_who_holds_a_title(county_qa, question, short):
    assert county_qa.ask(question).short == short
