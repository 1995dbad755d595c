"""Abbreviations spelled out as the documents write them: literal strings, no index."""

from agent.offline.understand.abbreviation import expand, expansion_pattern

BANK = "西贡商业信用银行(sacombank),成立于1991年12月21日,是越南第二大私营的商业银行。"
BUREAU = "内江市人力资源和社会保障局的电话是0832-2222222。"


def test_an_abbreviation_between_question_words_is_read_as_the_full_name_written_there():
    assert expand("西贡商信银行成立的时间是什么时候？", "商信", [BANK]) == "商业信用"


def test_a_name_at_the_start_of_the_question_needs_only_the_words_after_it():
    assert expand("人社局的电话是多少？", "人社局", ["无关的句子。", BUREAU]) == "人力资源和社会保障局"


def test_two_different_full_names_are_no_answer():
    other = "西贡商务信托银行成立于1995年。"
    assert expand("西贡商信银行成立的时间是什么时候？", "商信", [BANK, other]) == ""


def test_without_question_words_around_it_nothing_is_guessed():
    assert expansion_pattern("商信？", "商信") is None
    assert expand("商信？", "商信", [BANK]) == ""


def test_characters_too_far_apart_are_not_an_abbreviation():
    # 「商」 and 「信」 five characters apart, or a sentence's 「的」 between them: not one name
    assert expand("西贡商信银行在哪里？", "商信", ["西贡商业区里边电信银行在河边。"]) == ""
    assert expand("西贡商信银行在哪里？", "商信", ["西贡商业区的电信银行在河边。"]) == ""


def test_the_characters_must_come_in_the_abbreviations_order():
    assert expand("西贡商信银行在哪里？", "商信", ["西贡信用商业银行在河边。"]) == ""


def test_one_sides_words_suffice_when_the_text_never_repeats_both():
    # 「临川市经信局这次申报…」: the notice says 「临川市经济和信息化局」 but never 「…这次申报」
    design = "请将申报材料报送至临川市经济和信息化局产业发展科。"
    assert expand("临川市经信局这次申报的联系电话是多少？", "经信局", [design]) == "经济和信息化局"
    # the words after it alone, when those before it are not repeated
    assert expand("临川市经信局的电话是多少？", "经信局", ["经济和信息化局的电话是0794-8231567。"]) == "经济和信息化局"


def test_a_short_form_keeps_the_longer_words_characters_in_order_and_close():
    from agent.offline.understand.abbreviation import abbreviates

    assert abbreviates("公租房", "申请公共租赁住房的家庭")
    assert abbreviates("奖金", "颁发环境维护奖励金2万元")
    assert abbreviates("文才", "招集文人才士所编写")  # DRCD dev: 「文才人士」 of 「文人才士」
    assert not abbreviates("押金", "颁发环境维护奖励金2万元")  # not its characters
    assert not abbreviates("租房", "租赁合同解除后收回住房")  # too far apart
    assert not abbreviates("金奖", "颁发奖励金")  # not in its order
    assert not abbreviates("租房", "租的房")  # a particle between them joins words, not a word
