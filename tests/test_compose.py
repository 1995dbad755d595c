"""The answer in the asker's script, written as the cited passage writes it."""

from support import open_small_corpus

from agent.offline.compose import quoted, written_as

RULES = """嘉禾縣青年創業貸款利息補貼辦法
第一條 本府為鼓勵青年創業，特訂定本辦法。
第五條 每一申請人補貼期間最長為三年，自貸款撥付日起算。
第六條 台灣地區設籍之青年，得向本府勞工處提出申請。
"""


def test_a_clause_of_the_passage_is_written_as_the_passage_writes_it():
    passage = "第五條 每一申請人補貼期間最長為三年，自貸款撥付日起算。"
    # converting the Simplified reading back would give 爲
    assert written_as("每一申请人补贴期间最长为三年", [passage], traditional=True) == "每一申請人補貼期間最長為三年"
    # words of the answerer's own (「不是」) and clauses no passage holds are converted
    assert written_as("不是。最长为三年", [passage], traditional=True) == "不是。最長為三年"
    assert written_as("最长为五年", [passage], traditional=True) == "最長為五年"
    assert written_as("最长为三年", [passage], traditional=False) == "最长为三年"
    # a Simplified passage, asked in Traditional: converted, not copied
    assert written_as("最长为三年", ["补贴期间最长为三年。"], traditional=True) == "最長為三年"
    # in the forms readers write (審核, 群眾), not OpenCC's standard ones (審覈, 羣衆)
    assert written_as("应于三十日内完成审核，服务群众", [], traditional=True) == "應於三十日內完成審核，服務群眾"


def test_a_piece_of_a_passage_keeps_its_brackets_and_digits_as_written():
    passage = "（三）个人年度内申请补贴的机具原则上不超过3台（套），新增补贴１２０元。"
    # the search form reads （套） as (套) and １２０ as 120; the answer quotes the passage
    assert written_as("不超过3台(套)", [passage], traditional=False) == "不超过3台（套）"
    assert written_as("新增补贴120元", [passage], traditional=False) == "新增补贴１２０元"
    tw = "每胎每月發給新臺幣6,000元（第三胎以上）"
    assert written_as("每胎每月发给新台币6,000元(第三胎以上)", [tw], traditional=True) == tw
    assert written_as("每胎每月发给新台币6,000元(第三胎以上)", [tw], traditional=False) == "每胎每月发给新台币6,000元（第三胎以上）"


def test_a_quote_already_in_the_askers_script_is_shown_as_written():
    assert quoted("台灣地區設籍之青年", traditional=True) == "台灣地區設籍之青年"  # not 臺灣
    assert quoted("台灣地區設籍之青年", traditional=False) == "台湾地区设籍之青年"
    assert quoted("台湾地区设籍之青年", traditional=True) == "臺灣地區設籍之青年"


def test_a_traditional_answer_quotes_the_rules_exactly(tmp_path_factory, embedder):
    qa = open_small_corpus(tmp_path_factory, embedder, "traditional-rules", {"rules.txt": RULES})
    answer = qa.ask("嘉禾縣青年創業貸款利息補貼最長可以領多久？")
    assert answer.short == "每一申請人補貼期間最長為三年"
    lines = answer.text.splitlines()
    assert lines[0] == answer.short
    assert lines[3] == "[1] 第五條 每一申請人補貼期間最長為三年，自貸款撥付日起算。（docs/rules.txt）"
