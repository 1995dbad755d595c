"""Normalisation with offset mapping, sentence splitting, chunking and jieba tokens."""

from ingest.chunking import chunk_document
from ingest.normalize import is_traditional, normalize, normalize_query
from ingest.segment import Segmenter
from ingest.sentences import split_sentences
from ingest.types import Heading, LoadedDocument


def test_normalize_maps_every_span_back_to_the_original():
    original = "內江市東興區：２．６億元，㈠並濟科技"
    norm = normalize(original)
    assert norm.text == "内江市东兴区:2.6亿元,(一)并济科技"
    i = norm.text.index("2.6亿元")
    start, end = norm.original_span(i, i + len("2.6亿元"))
    assert original[start:end] == "２．６億元"
    j = norm.text.index("(一)")
    assert original[slice(*norm.original_span(j, j + 3))] == "㈠"
    k = norm.text.index("并济科技")
    assert original[slice(*norm.original_span(k, k + 4))] == "並濟科技"


def test_normalize_query_and_script_detection():
    assert normalize_query("並濟科技的算力接入了哪個經濟圈？") == "并济科技的算力接入了哪个经济圈?"
    assert is_traditional("並濟科技的算力接入了哪個經濟圈？") is True
    assert is_traditional("并济科技的算力接入了哪个经济圈？") is False
    assert is_traditional("How much is 7300P?") is False


def test_sentences_keep_closing_quotes_and_skip_decimals():
    text = "他說：“項目要做成標杆。”隨後離開。營收達2.6億元！增長39.3%；\n新段落沒有句號"
    spans = [text[s.start : s.end] for s in split_sentences(text)]
    assert spans == [
        "他說：“項目要做成標杆。”隨後離開。",
        "營收達2.6億元！",
        "增長39.3%；",
        "新段落沒有句號",
    ]


def test_sentences_do_not_end_inside_brackets_or_book_titles():
    text = "牛车水（英语：Chinatown；马来语：Kreta Ayer）是唐人街。专辑《再见！青春》发行于1998年！(见附表；下同)全文完。"
    spans = [text[s.start : s.end] for s in split_sentences(text)]
    assert spans == [
        "牛车水（英语：Chinatown；马来语：Kreta Ayer）是唐人街。",
        "专辑《再见！青春》发行于1998年！",
        "(见附表；下同)全文完。",
    ]
    # a bracket left open shields no more than 200 characters
    long = "注（" + "说明文字" * 60 + "；后文。"
    assert len(split_sentences(long)) == 2


def test_chunks_respect_sizes_overlap_and_headings():
    body = "".join(f"第{i}句说明人工智能产业的发展情况并给出具体的数字{i}。" for i in range(1, 13))
    text = "一、总体要求\n" + body + "\n二、保障措施\n加强组织领导。"
    second = text.index("二、保障措施")
    headings = (Heading(1, "一、总体要求", 0, 6), Heading(1, "二、保障措施", second, second + 6))
    doc = LoadedDocument("corpus/a.txt", text, "txt", headings=headings)
    chunks = chunk_document(doc, min_chars=60, max_chars=120)
    assert all(c.text == text[c.start : c.end] for c in chunks)
    assert all(len(c.text) <= 120 for c in chunks)
    assert chunks[-1].heading == "二、保障措施"
    assert chunks[-1].text == "二、保障措施\n加强组织领导。"
    # consecutive chunks of one section share exactly one sentence
    first, second_chunk = chunks[0], chunks[1]
    assert first.sentences[-1] == second_chunk.sentences[0]
    assert first.search_text.startswith("一、总体要求\n")
    assert len({c.id for c in chunks}) == len(chunks)


def test_jieba_tokens_with_and_without_domain_words():
    plain = Segmenter()
    domain = Segmenter(["四川并济科技有限公司", "紫东太初"])
    text = "四川并济科技有限公司与紫东太初合作"
    assert plain.cut(text) == ["四川", "并济", "科技", "有限公司", "与", "紫东", "太初", "合作"]
    assert domain.cut(text) == ["四川并济科技有限公司", "与", "紫东太初", "合作"]
    tokens = domain.tokens(text)
    assert "四川并济科技有限公司" in tokens and "并济" in tokens and "紫东太初" in tokens
    assert domain.terms("并济科技的算力接入了哪个经济圈？") == ["并济", "科技", "算力", "接入", "经济圈"]


def test_elliptical_follow_ups_reuse_the_last_question():
    from agent.offline.understand.followup import resolve
    from agent.types import Turn

    last = [Turn("临江区小学课后服务收费多少？", "小学600元/生/学期")]
    assert resolve("初中呢？", last) == "临江区初中课后服务收费多少?"
    assert resolve("收入呢？", [Turn("2024年产值是多少？", "33.2亿元")]) == "2024年收入是多少?"
    assert resolve("2023年呢？", [Turn("2024年产值是多少？", "33.2亿元")]) == "2023年产值是多少?"
