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


def test_role_lookups_equal_the_plain_scans():
    """`holders`, `holders_in`, `named` and `conflict` narrow the scan (name table, title cache,
    character pairs) but return exactly what the plain loops over every role return."""
    import random
    import re
    from types import SimpleNamespace

    from agent.offline.extract.roles import (
        _AS_TITLE,
        _CLAUSE_BREAK,
        TITLES,
        RoleBook,
        _shared,
        org_named,
    )

    rng = random.Random(7)
    places = ["东兴区", "南溪区", "云溪市", "青禾县", "市科技局", "绿源茶业有限公司", "并济科技", "天济科技"]
    titles = ["区长", "副区长", "县长", "书记", "局长", "总经理", "副县长", "董事长"]
    names = ["李明远", "赵敏", "周启航", "陈海波", "高铭浩", "王", "欧阳明月", "张伟"]
    table: dict[str, list] = {}
    for d in range(40):
        rows = []
        for _ in range(rng.randint(0, 5)):
            chain = [rng.choice(places) + rng.choice(["", "人民政府", "委"]) + rng.choice(titles)
                     for _ in range(rng.randint(1, 2))]
            rows.append((rng.choice(names), chain, rng.randint(0, 99), rng.randint(100, 199)))
        table[f"doc{d}.txt"] = rows
    book = RoleBook(SimpleNamespace(role_rows=table))
    roles = book.roles

    def plain_conflict(question):  # the loop as it was, over every role
        by_name: dict = {}
        for role in roles:
            by_name.setdefault(role.name, []).append(role)
        for name, held in by_name.items():
            at = question.find(name)
            if at < 0:
                continue
            before = _CLAUSE_BREAK.split(question[:at])[-1]
            after = _AS_TITLE.match(question, at + len(name))
            phrase = after.group(1) if after else before
            title = next((t for t in TITLES if phrase.endswith(t)), "")
            if title and not title.startswith("副") and phrase.endswith("副" + title):
                title = "副" + title
            if not title:
                continue
            place = phrase[: -len(title)]
            if any(r.holds(title) for r in held) and org_named(place, held):
                continue
            if any(r.holds(title) for r in held):
                title = place[-12:] + title if place else title
            holders = [r for r in roles if r.name != name and r.holds(title)]
            holders.sort(key=lambda r: -_shared(place, r.chain))
            return (name, title, tuple(held), holders[0] if holders else None)
        return None

    orgs = ["", "的", "是东兴区", "东兴", "南溪区人民政府", "市科技局", "并济科技", "天济科技有限",
            "云溪", "绿源茶业", "青禾县县委", "区人民政府", "溪区"]
    for title in titles + ["副总经理"]:
        assert book.holders(title) == [r for r in roles if r.holds(title)]
        for org in orgs:
            assert book.holders_in(title, org) == [r for r in book.holders(title) if org_named(org, [r])]
    for name in names + ["无名"]:
        assert book.named(name) == [r for r in roles if r.name == name]
    for name in names:
        for place in places:
            for title in titles:
                for question in (f"{place}{title}{name}说了什么？", f"{name}作为{place}{title}指出了什么？",
                                 f"{title}{name}是谁？"):
                    got = book.conflict(question)
                    got = got and (got.person, got.title, got.roles, got.holder)
                    assert got == plain_conflict(question), question


def test_an_index_without_a_role_table_reads_the_same_roles_off_its_chunks(county_qa):
    from dataclasses import replace

    from agent.offline.extract.roles import RoleBook

    built = RoleBook(county_qa.index).roles
    older = replace(county_qa.index, roles_file=None)  # as written before the ingest kept roles.json
    assert older.role_rows is None
    assert len(built) > 0
    assert RoleBook(older).roles == built


def test_a_name_jieba_cuts_short_before_a_speech_verb_is_read_whole():
    from ingest.segment import Segmenter
    from ingest.titles import titled_names

    segmenter = Segmenter()
    # jieba: 王明 nr + 远 a + 表示 v
    assert titled_names("公司董事长王明远表示，将继续加大研发投入。", segmenter) == [("王明远", ("公司董事长",))]
    assert titled_names("公司董事长王明表示，将继续加大研发投入。", segmenter) == [("王明", ("公司董事长",))]
