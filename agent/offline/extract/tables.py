"""Questions a table answers, not a sentence: 「哪个区县的地区生产总值增速最快？」 (the row with the
highest value in the asked column) and 「石濑县的总分是多少？」 (the cell of the named row under the
asked column). A bulletin's table (lines of cells split by 「｜」) states each row's figures; no
sentence says which is highest, nor puts a row's figure beside its column's name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from agent.lexicon import entities
from agent.lexicon.thesaurus import categories, is_personal
from agent.lexicon.wordlists import groups, mentioned, words
from agent.lexicon.wordlists import table as cue_table
from agent.offline.extract.figures import DIGITS, figures, ordinals
from agent.offline.gather.credit import term_credit
from agent.offline.gather.evidence import Candidate
from agent.offline.understand.abbreviation import abbreviates
from agent.offline.understand.answer_type import asked_slot
from agent.offline.understand.question import DURATION_ASKED, Question
from ingest.normalize import normalize
from ingest.reader import LoadedIndex
from ingest.segment import in_dictionary

# the superlative the question asks (「最高」「排第一」), and whether it asks for the highest value
_SUPERLATIVE = re.compile(r"最(高|快|多|大|长|低|慢|少|小|短)|排(?:名)?(第一)|(第一)名|(倒数第一)")
_HIGHEST = frozenset(["高", "快", "多", "大", "长", "第一"])
CELL_SEPARATOR = re.compile(r"\s*[｜|\t]\s*")
# a table laid out in plain text with runs of spaces between its cells (「芹塘镇　　　540　　　3200」);
# as one space may also stand inside a cell, such a table counts only under a header without figures
_ALIGNED = re.compile(r"[ \u3000]{2,}")
# (but not a rule's articles and chapters, each number set off by spaces: 「第四条  年满65周岁…」
# 「第二章  评估」)
_ARTICLE_LABEL = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,5}[条條章节節]")
_VALUE = re.compile(r"-?\d+(?:\.\d+)?")
# a cell that tells a time: a clock time, a date, a day of the week (「週四、週日」)
_TIMED = re.compile(r"\d{1,2}[:：]\d{2}|\d{1,2}月|\d{1,2}日|\d{4}年|\d{1,2}[时点]|(?:[周週]|星期|[礼禮]拜)[一二三四五六日天]")
_WHICH = re.compile(r"哪|什么|谁")  # 「最多收多少」 asks a cap, not which row is highest


@dataclass(frozen=True)
class Table:
    caption: str  # the line above it, normalised (「二、市直部门考核结果」)
    header: list[str]  # its first line's cells, normalised
    rows: list[tuple[list[str], Candidate]]  # each other line's cells (as written) and the line
    header_line: tuple[int, int] = (0, 0)  # where the header line is in the document

    @property
    def name_column(self) -> int:
        """The first column whose cells are mostly words, not figures: what each row is about
        (「单位」 after 「名次」)."""
        for j in range(len(self.header)):
            worded = sum(1 for cells, _ in self.rows if j < len(cells) and not re.search(r"\d", cells[j]))
            if worded * 2 > len(self.rows):
                return j
        return 0

    def fit(self, terms: tuple[str, ...]) -> float:
        """How much of the question its caption and header say."""
        said = self.caption + " " + " ".join(self.header)
        return sum(term_credit(t, said) for t in terms if len(t) >= 2)


@dataclass(frozen=True)
class Cell:
    name: str  # the row's name cell, as written
    label: str  # the column's header, normalised
    value: str  # the cell, as written
    sentence: Candidate  # the row's line, to quote


def extreme_row(q: Question, index: LoadedIndex, candidates: list[Candidate], depth: int = 5) -> Cell | None:
    """The row with the highest (「最高」「排第一」) or lowest (「最低」) value in the column the
    question names just before its superlative, in the table of the best sentences' documents
    whose caption and header say most of the question; None when the question asks no
    「哪…最…」 or no table has such a column with two valued rows."""
    found = _SUPERLATIVE.search(q.text)
    if found is None or not _WHICH.search(q.text):
        return None
    before = q.text[: found.start()]
    highest = any(g in _HIGHEST for g in found.groups() if g)
    best = None
    for table in _tables_of(index, candidates, depth):
        column = _asked_column(table, before, q.terms)
        if column is None:
            continue
        name = table.name_column
        valued = [(float(v.group(0)), cells, line) for cells, line in table.rows
                  if column < len(cells) and name < len(cells) and not _total(cells)
                  and (v := _VALUE.search(cells[column].replace(",", "")))]
        if len(valued) >= 2 and (best is None or table.fit(q.terms) > best[0]):
            _, cells, line = (max if highest else min)(valued, key=lambda r: r[0])
            best = (table.fit(q.terms), Cell(cells[name], table.header[column], cells[column], line))
    return best[1] if best else None


def named_cell(q: Question, index: LoadedIndex, candidates: list[Candidate], depth: int = 5) -> Cell | None:
    """「石濑县的总分是多少？」: the cell of the row the question names (its name cell is in the
    question) under the column whose header says the question's words, in the table whose
    caption and header say most of the question; None when no row is named or no header fits."""
    if not q.wants_number and q.qtype not in ("fact", "which", "when"):
        return None
    best = None
    # the characters right before the question word count three times too: the segmenter may cut
    # them apart (「起付线是多少」 is 起 + 付线 to it: the column 「年度起付线」, not 「救助比例」)
    beside = _beside(q.text)
    for table in _tables_of(index, candidates, depth):
        name = table.name_column
        for cells, line in _named_rows(table, q.text):
            said = _named(normalize(cells[name]).text, q.text)
            rest = q.text.replace(said, " ") if said else q.text
            # the words beside the question word count three times (「地区生产总值比上年增长了多少」:
            # the column 「增速」, not 「地区生产总值」), and so does a heading in the asked unit
            # (「能补多少钱」: 「补贴标准（元/人）」, not 「培训课时」), and a heading whose range holds
            # the question's figure names its column as well as a word (「60平方米左右」: 「50—70平方米」);
            # the column whose figure named the row is not the one asked
            weights = {t: 3.0 if t in q.focus else 1.0 for t in q.terms if len(t) >= 2 and t in rest}
            asked = _digits(q.text)
            # 「家里每顿出多少钱」: what the asker pays, the column of a payment (「家长承担（每生每餐）」)
            paid = PAID_ASKED.search(q.text) is not None
            # (of headings that say it alike, the one that adds least the question does not say:
            # 「调整后收运时间」, not 「调整前收运时间」)
            # a cell in the asked unit answers: the one such cell (「能领几个月」: 「9个月」), or one
            # whose heading says a word of the question (「一年最多能救助多少钱」: 「年度救助限额｜3万元」,
            # not 「救助比例｜55%」); two alike in it say nothing apart (「年度目标｜45公里」「完成情况｜
            # 完成28公里」: the row answers)
            fitting = [j for j in range(len(cells)) if j != name and q.unit and q.unit_fits(cells[j])]
            worded = {j: sum(w * _says(table.header[j], t) for t, w in weights.items()) for j in range(len(table.header))}
            credits = [(worded[j]
                        + 3.0 * in_unit(table.header[j], q.unit) + 3.0 * _in_range(normalize(table.header[j]).text, asked)
                        + 3.0 * (bool(beside) and beside in normalize(table.header[j]).text)
                        + (j in fitting and (len(fitting) == 1 or worded[j] > 0))
                        - 0.01 * _unasked(normalize(table.header[j]).text, q.text)
                        + _qualified(q.text, normalize(table.header[j]).text)
                        + 3.0 * _bound_fit(q.text, normalize(table.header[j]).text)
                        + 3.0 * (bool(_SHARE_ASKED.search(q.text)) and bool(_SHARE_HEADING.search(table.header[j])))
                        + 3.0 * (paid and any(p in table.header[j] for p in _PAYING))
                        + _ordinal_fit(normalize(table.header[j]).text, asked), j)
                       for j in range(len(table.header)) if j != name and j < len(cells)
                       and not _value_said(table.header[j], cells[j], q.text) and _may_answer(q, table.header[j], cells[j])
                       # (nor the range that holds the asker's figure: 「女方已经63岁了」 is 「60周岁及以上」's row;
                       # unless its heading is what is asked: 「今年43岁…年龄卡在多少」, 「年龄条件｜45周岁以下」)
                       and (range_fit(cells[j], q.text) != 1 or any(a in normalize(table.header[j]).text for a in q.asked))
                       and (q.qtype != "when" or _TIMED.search(cells[j]))]  # a when-question: a time
            credit, column = max(credits, default=(0.0, None))
            if column is not None and credit > 0 and (best is None or credit + table.fit(q.terms) > best[0]):
                best = (credit + table.fit(q.terms), Cell(cells[name], table.header[column], cells[column], line))
    return best[1] if best else None


def _beside(question: str) -> str:
    """The three characters right before the question word and its copula (「起付线是多少」: 起付线),
    when they are all Chinese, else ""."""
    before = re.sub(r"(?:是|为|有)$", "", asked_slot(question).left(question))[-3:]
    return before if re.fullmatch(r"[\u4e00-\u9fff]{3}", before) else ""


def _ordinal_fit(heading: str, asked: str) -> float:
    """+3 for a heading with the ordinal the question gives, whatever measure word follows it
    (「第1名子女」 for 「第一个孩子」), −1 for one with another ordinal, 0 for one with none."""
    said = ordinals(normalize(heading).text)
    if not said:
        return 0.0
    return 3.0 if said & ordinals(asked) else -1.0



def unlisted_row(q: Question, index: LoadedIndex, candidates: list[Candidate], depth: int = 5) -> str:
    """「榮興社會住宅三房型每個月租金多少」 where the table lists 榮興's 1房型 and 2房型 and only
    another row 3房型: the row the question describes is not in the table. Returns what the
    question asks that the named rows lack (「荣兴社会住宅 3房型」), or "" when a row fits or no
    row is named."""
    if not q.wants_number and q.qtype not in ("fact", "which") or not candidates:
        return ""
    # (the tables of the best sentence's notice: a look-alike's table lists its own rows)
    for table in _tables_of(index, [c for c in candidates if c.source == candidates[0].source], depth):
        name = table.name_column
        named = [cells for cells, _ in _by_name(table, q.text)]
        # (a table none of whose rows is among the best sentences answers another thing: the 种类｜标准
        # rows of 「病死畜禽无害化处理补助」 are no rows a fine asked of 「牲口」 lacks)
        shown = any(c.source == row.source and c.start <= row.start < c.end for _, row in table.rows for c in candidates[:depth])
        if shown and not any(name < len(cells) and _named(normalize(cells[name]).text, q.text) for cells in named):
            # (no row named by its name cell: one named by its description, 「計時（每半小時）」 of
            # 「一小時」, is no row of 「大客車」 over a table of 小型車 and 機車)
            sibling = _sibling_of_rows(q, table, index, names_only=bool(named))
            if sibling:
                return sibling
        if not named:
            continue
        asked = _digits(q.text)
        for j in range(len(table.header)):
            if j == name:
                continue
            said = {cells[j] for cells, _ in table.rows if j < len(cells) and _cell_said(cells[j], asked)}
            if said and not any(j < len(cells) and cells[j] in said for cells in named):
                return f"{normalize(named[0][name]).text} {'、'.join(sorted(said))}"
    return ""


def _sibling_of_rows(q: Question, table: Table, index: LoadedIndex, names_only: bool = False) -> str:
    """A word of the question the notice never writes that 同义词词林 files in the same major
    class as two of the table's row names or more (「种花生…每亩保额」 of a table of 水稻, 小麦, 玉米:
    Bh, plants): a row the table would have, and has not; or "". Row names are read in the name
    column and in any other column of words (「第一区｜小型车｜每小时30元」「第一区｜机车｜每次20元」:
    「大货车」 is a vehicle the table has no row for); in the name column only (``names_only``) when
    the question names a row by another column (「计时（每半小时）」 of 「一小时」: 「大客车」 still lacks
    a row of its own; 「剩菜」 of 「常见物品」 names the 厨余垃圾 row, whose items 「泔水」 belongs with)."""
    text = normalize(index.documents[table.rows[0][1].source].text).text if table.rows else ""
    for j in _worded_columns(table)[:1] if names_only else _worded_columns(table):
        # (another column's words name rows by things only, 同义词词林 B: 「小型车」 and 「机车」 are
        # vehicles; 「被查到」 in a column of cases is no row of its own)
        sibling = _sibling_in_column(q, table, j, text, things=j != table.name_column)
        if sibling:
            return sibling
    return ""


def _worded_columns(table: Table) -> list[int]:
    """The name column, then the other columns most of whose cells are words, not figures."""
    others = [j for j in range(len(table.header)) if j != table.name_column and sum(
        1 for cells, _ in table.rows if j < len(cells) and cells[j].strip() and not re.search(r"\d", cells[j])) * 2 > len(table.rows)]
    return [table.name_column, *others]


def _sibling_in_column(q: Question, table: Table, name: int, text: str, things: bool = False) -> str:
    major = "B" if things else ""
    classes = [{c[:2] for c in categories(normalize(cells[name]).text) if c.startswith(major)}
               for cells, _ in table.rows if name < len(cells)]
    heads = [normalize(cells[name]).text.strip()[-1:] for cells, _ in table.rows if name < len(cells) and len(cells[name].strip()) >= 3]
    for term in q.terms:
        if len(term) < 2 or term in q.names or term in text or is_personal(term) or _QUANTITY.fullmatch(term) or any(
                c.startswith("Ca") for c in categories(term)):
            continue  # (nor a time, 同义词词林 Ca: 「现在怎么办」 of a table of 过期期限; nor a numeral and its
            # measure word, 「一头」, which thesaurus files beside 猪 and 牛 in Dd)
        kinds = {c[:2] for c in categories(term) if c.startswith(major)}
        alike = sum(1 for named in classes if named & kinds) if kinds else 0
        # (or, beside one row of its class, the head character other row names end in, as a
        # compound's head says its kind: 「洗衣机」 of a table of 电冰箱 (Bo, as 洗衣机), 冷气机 and 除湿机,
        # which the thesaurus does not list; not 「二手房」, of no class, over 首套住房 and 第二套住房)
        headed = sum(1 for head in heads if head == term[-1]) if len(term) >= 3 and not things else 0
        if alike >= 2 or (alike >= 1 and alike + headed >= 3):
            return term
    return ""


_QUANTITY = re.compile(r"[\d一二两三四五六七八九十几半每]+[\u4e00-\u9fff]?")


def _may_answer(q: Question, heading: str, cell: str) -> bool:
    """A figure counted in another unit than the asked one answers nothing (「报废补贴额（元/台）」
    for 「要用满多少年」), nor does a bare figure answer a question that asks which thing or what
    (「哪个单位办注销」), nor a column whose heading does not name the kind a which-question asks."""
    if not q.wants_number and q.qtype in ("which", "fact") and re.fullmatch(r"[\d.,，\s%％]+", cell):
        return False
    if q.qtype == "which" and q.kind and not q.wants_number and not term_credit(q.kind, normalize(heading).text):
        return False  # 「去哪个窗口」 is answered under a heading that names windows, not 「补贴标准」
    bracket = "".join(re.findall(r"[(（]([^)）]*)[)）]", heading))
    counted = re.split(r"[/／每]", _UNIT_LABEL.sub("", bracket.strip()))[0]  # 「元/台」: 元; 「每人每月」 counts in nothing
    given = figures(cell)
    if q.unit and not q.unit_fits("1元") and given and all(_MONEY.search(f.text) for f in given):
        return False  # 「一个月能上门几个小时」: not 「每人每月400元」, whatever its heading says
    if q.unit in ("钱", "元") and given and all(not q.unit_fits(f.text) and re.search(r"[\u4e00-\u9fff]$", f.text) for f in given):
        return False  # 「单程多少钱」: not 「单程里程｜35公里」, a figure in another unit
    if not re.search(r"[\u4e00-\u9fff]", counted):
        return True
    if _QUALIFYING.match(counted):
        return True  # 「高层住宅（有电梯）」「（含税）」: the bracket qualifies the column, it gives no unit
    if q.unit and q.unit != DURATION_ASKED:
        return in_unit(heading, q.unit) > 0 or q.unit_fits(f"1{counted}")
    span = _ASKS_SPAN.search(q.text)  # 「满多少年」 asks no 元
    return span is None or span.group(1) in counted


_MONEY = re.compile(r"\d\s*(?:[万千百亿]*元|块)$")  # a sum of money
_ASKS_SPAN = re.compile(r"(?:多少|几)个?(年|月|天|日|周|小时|岁)")
_UNIT_LABEL = re.compile(r"^单位\s*[:：]\s*")
# a bracket that says what a column holds or leaves out (有/无/含/不含/非…), not a unit
_QUALIFYING = re.compile(r"^(?:有|无|没有|含|不含|非|未)")


def _named_rows(table: Table, question: str) -> list[tuple[list[str], Candidate]]:
    """The rows the question names by their name cell; of several with that name, those whose
    other cells it also says (「青埔社會住宅的兩房」: the 2房型 row of three 青埔 rows)."""
    name = table.name_column
    rows = _by_name(table, question)
    asked = _digits(question)
    fit = [sum(_cell_said(c, asked) for j, c in enumerate(cells) if j != name) for cells, _ in rows]
    rows = [row for row, n in zip(rows, fit) if n == max(fit)] if rows else []
    # (and of those, the ones whose range holds the asker's figure: 「今年72岁」 is the row
    # 「农村奖励扶助｜70周岁及以上｜…」, not 「农村奖励扶助｜60—69周岁｜…」 above it)
    ranged = [row for row in rows if len(rows) > 1 and range_fit(" ".join(row[0]), question) == 1]
    return ranged or rows


def _by_name(table: Table, question: str) -> list[tuple[list[str], Candidate]]:
    """The rows whose name cell the question says, whole when one is said whole (「榮興社會住宅」
    names its rows, not 「青埔社會住宅」's by the 「社会住宅」 they share), the longest of those
    (「小型轻型电动机车」, not 「轻型电动机车」)."""
    name = table.name_column
    said = [(_named(normalize(cells[name]).text, question), cells, line) for cells, line in table.rows
            if name < len(cells)]
    whole = [(cells, line) for part, cells, line in said if part and part == normalize(cells[name]).text]
    # of names said whole, the longest: 「小型轻型电动机车」 names its row, not 「轻型电动机车」's
    names = [normalize(cells[name]).text for cells, _ in whole]
    whole = [(cells, line) for (cells, line), n in zip(whole, names) if not any(n != m and n in m for m in names)]
    # (a row whose range holds the asker's figure before one named in part: 「66歲的失業者」 is
    # 「高齡者（65歲以上）」's, not 「其他失業者」's)
    # (of names said in part, those the question says most of: 「热水型空气源热泵」 is 「空气源热泵
    # （热水型）」's row, by its name and its bracketed kind, not 「空气源热泵（热风型）」's)
    parts = [(cells, line, _said_length(normalize(cells[name]).text, part, question)) for part, cells, line in said if part]
    most = max((n for *_, n in parts), default=0)
    # (of those, the one that gives the question's ordinal: 「第二次扣满12分」 is 「一个记分周期内第二次
    # 满分」's row, not 「…首次满分」's, which the question names as much)
    tied = [(cells, line) for cells, line, n in parts if n == most]
    asked = ordinals(normalize(question).text)
    ordered = [(cells, line) for cells, line in tied if asked & ordinals(normalize(cells[name]).text)] if len(tied) > 1 and asked else []
    return (whole or _by_range(table, question) or (ordered if len(ordered) == 1 else tied) or _by_value(table, question)
            or _by_ordinal(table, question) or _by_description(table, question))


def _said_length(name: str, part: str, question: str) -> int:
    """How much of a row's name the question says: its bare name and bracketed words that it says,
    or the part by which it names the row."""
    pieces = [re.sub(r"[(（][^)）]*[)）]", "", name), *re.findall(r"[(（]([^)）]{2,12})[)）]", name)]
    return max(len(part), sum(len(p) for p in pieces if len(p) >= 2 and p in question))


def _by_ordinal(table: Table, question: str) -> list[tuple[list[str], Candidate]]:
    """The one row whose name cell gives the ordinal the question gives, whatever measure word
    follows it (「第二胎」: the row 「第2名子女｜6,000元｜7,200元」)."""
    asked = ordinals(normalize(question).text)
    name = table.name_column
    rows = [(cells, line) for cells, line in table.rows
            if asked and name < len(cells) and ordinals(normalize(cells[name]).text) & asked]
    return rows if len(rows) == 1 else []


def _by_range(table: Table, question: str) -> list[tuple[list[str], Candidate]]:
    """The one row whose name cell is a range of a measure holding a figure the question gives in
    it (「我妈今年87岁」: the row 「85—89周岁｜130元｜175元」)."""
    name = table.name_column
    rows = [(cells, line) for cells, line in table.rows
            if name < len(cells) and range_fit(cells[name], question) == 1]
    return rows if len(rows) == 1 else []


def _by_description(table: Table, question: str) -> list[tuple[list[str], Candidate]]:
    """The one row a worded column after the name describes in words only its cell has, when the
    question names no row by its name (「我是硕士毕业…」: the row 「B类｜全日制硕士研究生或副高级
    职称｜…」, whose 「硕士」 no other row's 「认定条件」 says)."""
    asked = normalize(question).text
    # (not by the place the question names, 「庋溟县…哪一级部门批」 of the row whose 审批机关 is
    # 「庋溟县林业局」: the place says where the asker is, no row's description)
    for place in (t.text for t in entities.tokens(asked) if t.tag == "LOC"):
        asked = asked.replace(place, " ")
    rows = [normalize(" ".join(cells)).text for cells, _ in table.rows]
    for j in range(table.name_column + 1, len(table.header)):
        cells = [normalize(cells[j]).text if j < len(cells) else "" for cells, _ in table.rows]
        if sum(1 for c in cells if c and not re.search(r"\d", c)) * 2 <= len(cells):
            continue  # a column of figures describes nothing
        heading = re.sub(r"[(（][^)）]*[)）]", "", table.header[j])
        if any(heading[k : k + 2] in asked for k in range(len(heading) - 1)):
            continue  # a column the question asks about (「服务类别」 of 「…家庭服务机构」) is its answer
        # (what no other row says anywhere: 「燃气」 of 「须接入燃气企业监控平台」 is in the names of
        # other rows, 「燃气表移位」, and describes none of them)
        hits = {i for i, cell in enumerate(cells) if _only_in(cell, rows, asked)}
        if len(hits) == 1:
            return [table.rows[hits.pop()]]
    return []


def _only_in(cell: str, rows: list[str], asked: str) -> bool:
    """The question says two or more characters of ``cell`` that no other row of the table has."""
    for i in range(len(cell) - 1):
        for size in (4, 3, 2):
            part = cell[i : i + size]
            if len(part) == size and part in asked and not re.search(r"[\W\d]", part) and sum(part in r for r in rows) == 1:
                return True
    return False


def _by_value(table: Table, question: str) -> list[tuple[list[str], Candidate]]:
    """The one row whose figure under a column the question gives in that column's unit, when it
    names no row by its name (「一年交1500元…补贴多少」: the row 「第六档｜1500｜135」 under
    「个人年缴费额（元）」)."""
    rows = [(cells, line) for cells, line in table.rows
            if any(_value_said(table.header[j], cells[j], question)
                   for j in range(min(len(cells), len(table.header))) if j != table.name_column)]
    return rows if len(rows) == 1 else []


def _value_said(heading: str, cell: str, question: str) -> bool:
    """The question gives the cell's figure in the heading's unit (「1500元」 for 1500 under 「（元）」)."""
    value = re.sub(r"[,，\s]", "", cell)
    units = re.findall(r"[(（]([^)）/]+)", heading)
    if not re.fullmatch(r"\d+(?:\.\d+)?", value) or not units:
        return False
    return re.search(rf"(?<![\d.]){re.escape(value)}\s*{re.escape(units[0].strip())}", normalize(question).text) is not None


def _digits(text: str) -> str:
    """Simplified text with Chinese numerals as digits (「两房」 -> 「2房」, 「七十二岁」 -> 「72岁」, by
    cn2an), to compare with cells."""
    return _COMPOUND_NUMERAL.sub(_arabic, normalize(text).text).translate(DIGITS)


# a Chinese numeral of tens, hundreds or thousands (「七十二」「一百二十」), not 「十分」
_COMPOUND_NUMERAL = re.compile(r"[一二两三四五六七八九十百千零]*[十百千][一二两三四五六七八九十百千零]*")


def _arabic(m: re.Match) -> str:
    if len(m.group(0)) < 2:
        return m.group(0)
    try:
        return str(cn2an.cn2an(m.group(0), "smart"))
    except ValueError:
        return m.group(0)


def _cell_said(cell: str, asked: str) -> bool:
    """A worded cell (「2房型（约18坪）」「三级/高级工」) the question says: one of its parts without
    brackets, or that part less its last character (「2房」 for 「2房型」); or a range of a measure
    (「140—150马力四轮驱动」, 「8kg/s及以上」) holding a figure the question gives in it (「140马力」)."""
    if _in_range(normalize(cell).text, asked):
        return True
    bare = re.sub(r"[(（][^)）]*[)）]", "", _digits(cell))
    for part in re.split(r"[/／、]", bare):
        part = part.strip()
        if re.fullmatch(r"[\d.,]+|[-—]*", part) or len(part) < 2:
            continue
        # (not a figure less its sign: the cell 「30%」 is not said by 「贷了30万」)
        if part in asked or (len(part) >= 3 and part[:-1] in asked and not re.fullmatch(r"[\d.,]+", part[:-1])):
            return True
    return False


# a range of a measure: 「90至99周岁」, 「140—150马力」, and as tables write a closed bound
# 「50马力（含）—80马力」 (the unit and 「（含）」 before the dash too)
_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:(?:[a-zA-Z\u4e00-\u9fff/%]{1,4}?)?\s*(?:[(（]含[)）])?\s*[—\-–~～至到]\s*"
                    r"(\d+(?:\.\d+)?)|(?=[^\d\s]{0,6}?及?以上))\s*([a-zA-Z\u4e00-\u9fff/%]{1,4})")  # (and shares: 「50%—79%」)


# a measure from a bound up to, not including, another (「满3年不足4年」「1年以上不满5年」)
# (and with a pause between, 「年满55周岁、未满60周岁的」)
_UNDER = re.compile(r"(\d+(?:\.\d+)?)\s*([\u4e00-\u9fff]{1,3}?)(?:以上)?\s*[、，,]?\s*(?:不足|不满|未满|未达)\s*(\d+(?:\.\d+)?)\s*\2")
# a measure up to a bound (「50平方米以下」)
# (「10万元（含）以下」: a closed bound, as rules write it)
_BELOW = re.compile(r"(\d+(?:\.\d+)?)\s*([a-zA-Z\u4e00-\u9fff/]{1,4}?)\s*(?:[(（]含[)）])?\s*及?以下")
# (and a length or an area within a bound, 「距现有管网2公里以内」; not a time limit, 「30日以内」, a
# bound the measure may reach only, read with ``bounds`` by _AT_MOST; nor the end of a range,
# 「逾20公里至40公里以内」)
_WITHIN_BOUND = re.compile(r"(?<![至到—－~～\-\d.])(\d+(?:\.\d+)?)\s*((?!个?(?:工作日|日|天|月|年|周|小时|分钟|岁|周岁))[a-zA-Z\u4e00-\u9fff/]{1,4}?)\s*以内")
# a measure short of a bound (「未满16周岁」「不足3个月」), the bound itself left out
_AT_MOST = re.compile(r"(?:不超过|不高于|不大于|不多于|放宽至|放宽到)\s*(\d+(?:\.\d+)?)\s*个?([\u4e00-\u9fff]{1,2})|"
                      r"(?<![\d.])(\d+(?:\.\d+)?)\s*个?((?:周岁|岁|年|个月|月|天|日|工作日|次|台|人))(?:以内|之内|内)")
_AT_LEAST = re.compile(r"((?<![未不])满|(?<!不)(?:超过|超出|高于|多于|大于))\s*(\d+(?:\.\d+)?)\s*个?((?:周岁|岁|年|个月|月|天|日|工作日|次))(?!以上|及以上)")
_NOT_YET = re.compile(r"(?:未满|不满|不足|未达|(?<![不])(?:低于|少于|小于))\s*(\d+(?:\.\d+)?)\s*个?([\u4e00-\u9fff]{1,2})")


# a bound on years a notice states (「2005年12月31日前建成」「1990年及以前」「2006年1月1日以后」「2001年起」)
_YEAR_BOUND = re.compile(r"((?:19|20)\d\d)年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:及|以|之){0,2}(前|后|起)")
_YEAR_SPAN = re.compile(r"((?:19|20)\d\d)年?\s*[—–\-~～至到]\s*((?:19|20)\d\d)年")


def year_in_range(year: int, text: str) -> bool:
    """A sentence states a range of years that holds the year (「1991—2000年」「2010年以前建成」)."""
    if any(int(a) <= year <= int(b) for a, b in _YEAR_SPAN.findall(text)):
        return True
    return any(year <= int(a) if side == "前" else year >= int(a) for a, side in _YEAR_BOUND.findall(text))


def range_fit(clause: str, question: str, bounds: bool = False) -> int:
    """1 when a range of a measure in the clause (「面积为140平方米以上的」「90至99周岁」) holds a figure
    the question gives in that measure (「面积150平米」「92岁」: the units' last characters compared, as
    平米 is 平方米 and 岁 周岁), −1 when its ranges of that measure all miss the question's figures,
    0 when it has none."""
    fits = _range_fits(_in_wan(_over_as_above(_ungrouped(_range_digits(_wan_counted(normalize(clause).text))))),
                       _in_wan(_ungrouped(_wan_counted(_jin_in_kg(as_counted(question))))), short_unit=True, bounds=bounds)
    return 1 if any(fits) else -1 if fits else 0


# hours of the day from one time to another (「22:00—次日8:00」「8:00-22:00」), and a time of day the
# question gives (「晚上11点」「下午3点半」: 《现代汉语八百词》 时段词 before the hour)
_CLOCK_RANGE = re.compile(r"(\d{1,2})[:：](\d{2})\s*(?:—|－|-|~|～|至|到)\s*(次日|翌日)?\s*(\d{1,2})[:：](\d{2})")
_CLOCK_SAID = re.compile(r"(晚上|夜里|夜间|傍晚|下午|中午|凌晨|早上|上午|早晨)?(\d{1,2})\s*[点点時时](半)?(?![钟多前])")
_AFTERNOON = ("晚上", "夜里", "夜间", "傍晚", "下午")


def _jin_in_kg(text: str) -> str:
    """A weight the asker gives in 市斤 (「大概60斤重」) in 公斤, as notices weigh (「10—50公斤」):
    one 市斤 is half a 公斤 (国务院《关于统一我国计量制度的命令》, 1959: 1公斤 = 2市斤)."""
    return _JIN.sub(lambda m: f"{float(m.group(1)) / 2:g}公斤", text)


_JIN = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:市)?斤")


def _wan_counted(text: str) -> str:
    """A count in 万 of anything but money written out (「一万平米」 → 「10000平米」), so that it
    compares with a range written in units (「5000—20000平方米」); sums of money stay in 万."""
    return _WAN_COUNT.sub(lambda m: f"{float(m.group(1)) * 10000:g}", text)


_WAN_COUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*万(?=[平亩吨人户辆台套头只米公方立件株])")  # (not 「5000万的项目」: money)


def _ungrouped(text: str) -> str:
    """Figures without their thousands separators (「8,000万元」 → 「8000万元」), so that a range
    and a question compare whole numbers."""
    return _GROUPED_DIGITS.sub("", text)


def _over_as_above(text: str) -> str:
    """A bound from below said before its figure (「逾5000万元」「超过5000万元的」) as rules say it
    after (「5000万元以上」), for `_RANGE` to read; so is a year and the years after or before it
    (「2029年及以后｜28年」: 2029年以上)."""
    return _YEAR_ONWARD.sub(lambda m: f"{m.group(1)}年{'以上' if m.group(2) in _AFTER else '以下'}", _OVER_BOUND.sub(r"\1\2以上", text))


# a year and the years after or before it, no month or day (「2029年及以后」; `_YEAR_BOUND` reads dates too)
_YEAR_ONWARD = re.compile(r"(?<!\d)(\d{4})\s*年(?:度)?\s*(?:及|以及)?(以后|之后|以前|之前)")
_AFTER = ("以后", "之后")
_GROUPED_DIGITS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
# (also before 部分, the tier of a charge above a bound: 「建筑面积超过144平方米部分」)
# (and before an adverb that goes on with the case: 「超过60周岁仍接单的」)
_OVER_BOUND = re.compile(r"(?<![不未])(?:逾|超过|高于|多于|大于)\s*(\d+(?:\.\d+)?)\s*([\u4e00-\u9fff]{1,3}?)(?=[，,。；;）)｜|的仍还且]|部分|$)")


def _in_wan(text: str) -> str:
    """Figures in 亿 written in 万 (「1亿元」 → 「10000万元」), so that a range from 万 to 亿
    (「300万元（含）—1亿元（含）」) and a question's 「5000万」 compare in one magnitude; and a
    bound from above and one from below in a row, one range (「处5万元以上10万元以下罚款」:
    「5万元—10万元」, not 「5万元以上」 alone)."""
    return _ABOVE_BELOW.sub(r"\1\2—\3\2", _YI.sub(lambda m: f"{float(m.group(1)) * 10000:g}万", text))


_ABOVE_BELOW = re.compile(r"(\d+(?:\.\d+)?)\s*([^\d\s以]{1,4}?)\s*(?:[(（]含[)）])?\s*以上\s*[、，,]?\s*(\d+(?:\.\d+)?)\s*\2\s*(?:[(（]含[)）])?\s*以下")


_YI = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*亿")


def _range_digits(text: str) -> str:
    """The text with the Chinese numerals of its ranges as digits (「二至三层」 → 「2至3层」,
    「四层及以上」 → 「4层及以上」); other numerals stay (「一层住户」)."""
    text = _CELSIUS.sub("度", text)
    text = _MIXED_TIME.sub(_one_time_unit, text)
    text = _NUMERAL_RANGE.sub(lambda m: f"{_number(m.group(1))}{m.group(2)}{_number(m.group(3))}", text)
    text = _NUMERAL_NOT_YET.sub(lambda m: _number(m.group(1)), text)
    return _NUMERAL_BOUND.sub(lambda m: f"{_number(m.group(1))}{m.group(2)}", text)


# a range of time whose ends are in two units (「30分钟—2小时（含）」「6个月至2年」): its lower end in
# the upper end's unit (「0.5小时—2小时」), so the range reads as one measure
_MINUTES = {"分钟": 1, "小时": 60, "天": 1440, "日": 1440, "周": 10080, "个月": 43200, "月": 43200, "年": 525600}
_TIME_UNIT = "|".join(sorted(_MINUTES, key=len, reverse=True))
_MIXED_TIME = re.compile(rf"(\d+(?:\.\d+)?)\s*({_TIME_UNIT})(\s*(?:[(（]含[)）])?\s*[—\-–~～至到]\s*)(\d+(?:\.\d+)?)\s*({_TIME_UNIT})")


def _one_time_unit(m: re.Match) -> str:
    low, unit, dash, high, upper = m.groups()
    if _MINUTES[unit] == _MINUTES[upper]:
        return m.group(0)
    return f"{float(low) * _MINUTES[unit] / _MINUTES[upper]:g}{upper}{dash}{high}{upper}"


def _number(numeral: str) -> str:
    try:
        return str(cn2an.cn2an(numeral, "smart"))
    except ValueError:
        return numeral


# degrees Celsius (「37℃」, 「37°C」 once normalised), which people say as 度 (「气温37.5度」)
_CELSIUS = re.compile(r"(?<=\d)\s*(?:°\s*C|℃)")
# a range or a bound in Chinese numerals (「二至三层」「四层及以上」「七十岁以上」)
_NUMERAL = "[一二两三四五六七八九十百千零]{1,6}"
_NUMERAL_RANGE = re.compile(rf"(?<![\u4e00-\u9fff])({_NUMERAL})(\s*[至到—\-~～]\s*)({_NUMERAL})(?=[\u4e00-\u9fff])")
_NUMERAL_BOUND = re.compile(rf"(?<![\u4e00-\u9fff])({_NUMERAL})((?![一二两三四五六七八九十百千零])[\u4e00-\u9fff]{{1,2}}?及?以[上下])")
# a bound not yet reached (「住院未满七日者」「不足十年的」)
_NUMERAL_NOT_YET = re.compile(rf"(?<=[未不]满|不足)({_NUMERAL})(?=[\u4e00-\u9fff])")


def as_counted(question: str) -> str:
    """The question with its figures as a rule writes them: digits for Chinese numerals, and a
    household by its people (「5口人」 → 「5人」)."""
    counted = _ROUGHLY.sub(r"\1", _digits(_APPROXIMATE.sub(r"\1", question)))
    counted = _CELSIUS.sub("度", _FLOOR.sub(r"\1层", _HOUSEHOLD.sub(r"\1人", _PEOPLE.sub(r"\1人", counted))))
    counted = _HALF_MORE.sub(lambda m: f"{m.group(1)}.5{m.group(2)}", _YUAN_SPOKEN.sub(r"\1元", counted))
    counted = _TENTHS.sub(lambda m: f"{float(m.group(1)) * 10:g}%", counted)
    return _AGE_NOW.sub(r"\1\2岁\3", counted)


# 「就18个工人」「一共28个员工」: so many people, as a rule counts them (「20人（含）以下」)
_PEOPLE = re.compile(r"(\d+)\s*(?:个|名|位)(?:工人|员工|职工|人)")
# 「留下了六成的见习生」: tenths as a share (《现代汉语词典》 成: 十分之一), for a range of shares
# (「50%—79%」); not 成员, 成本, 成立
_TENTHS = re.compile(r"(?<![\d.])(\d(?:\.\d)?)\s*成(?![员本立果绩为交])")


def own_measure(clause: str, question: str) -> bool:
    """The clause counts in a measure the question gives a figure in (「3人户控制在…」 for 「家里3口
    人」): a case of its own, not the rest of the clause before it (「1至2人户…，3人户…」)."""
    asked = as_counted(question)
    units = {u for _, u in re.findall(r"(\d+(?:\.\d+)?)\s*([\u4e00-\u9fff])", asked)}
    return any(re.search(r"\d\s*" + re.escape(u), normalize(clause).text) for u in units)


# two neighbouring numerals say an approximate number (《现代汉语八百词》 概数: 「三四方」「七八十岁」
# 「两三个月」), counted by the first (not the two digits 「34方」)
_APPROXIMATE = re.compile(r"(一(?=二)|[两兩二](?=三)|三(?=四)|四(?=五)|五(?=六)|六(?=七)|七(?=八)|八(?=九))[二三四五六七八九]")
# 「三百来万」「七十多岁」「五十余人」: a round number and a little more (《现代汉语八百词》 概数: 来, 多,
# 余 after a numeral), counted by the round number
_ROUGHLY = re.compile(r"(\d+)\s*(?:来|多|余)(?=[万亿千百元块个岁周年月天人户亩])")
# 「一个月才挣1200块」「只打算贷8万块钱」: 块 as people say 元, when no noun follows it (「三块地」)
_YUAN_SPOKEN = re.compile(r"(\d+(?:\.\d+)?\s*[万千]?)块(?:钱|(?![\u4e00-\u9fff]))")
# 「停一个半小时」「两个半月」: a measure and a half
_HALF_MORE = re.compile(r"(\d+)个半(小时|月)")
# 「我今年62了」「我都70了」「我爸今年78，…」: an age said without its unit
_AGE_NOW = re.compile(r"((?:今年|已经|都|快)\s*)(\d{1,3})(\s*了|(?=[,，。？?!！]))")
# 「家里3口人」「5口之家」: a household of so many people, as a rule counts them (「3人户」「1至2人户」)
_HOUSEHOLD = re.compile(r"(\d+)\s*口(?:人|之家)")
# 「我家住5楼」: the fifth floor, as a rule counts floors (「四至六层住户」); not 「5号楼」「3栋楼」
_FLOOR = re.compile(r"(?<![号栋幢座])(\d+)\s*楼(?![房盘宇])")


def without_ranges(clause: str) -> str:
    """The clause with its ranges of a measure blanked out (「60周岁以上老年人」: what it says
    besides whom it is for)."""
    text = normalize(clause).text
    for pattern in (_UNDER, _RANGE, _BELOW, _WITHIN_BOUND, _NOT_YET):
        text = pattern.sub(" ", text)
    return text


def _in_range(cell: str, asked: str) -> bool:
    # (whole numbers: 「3,000頭」 is in 「1,001至5,000頭」, not in 「1,000頭以下」 by its 「000」)
    return any(_range_fits(_ungrouped(cell), _ungrouped(asked)))


# 「超过180方的那部分」「超出144平的」: the part above a figure, which the next step's range holds
# (「180—260立方米」「21至60度」「144平方米以上部分」), not the one ending at it
_OVER = r"(超过|超出|高于|多于|大于)?"


def _above(over: str, figure: str) -> float:
    """The figure, or just above it when the question asks the part over it."""
    value = float(figure)
    return value + (1 if value.is_integer() else 0.01) if over else value


def _range_fits(cell: str, asked: str, short_unit: bool = False, bounds: bool = False) -> list[bool]:
    """For each figure the question gives in the unit of a range in ``cell``: whether it is in it;
    with ``bounds``, of a one-sided bound too (「不超过60周岁」「1个月内」「满1年」)."""
    out = []
    unders = [m.span() for m in _UNDER.finditer(cell)]
    below = [("0", m.group(1), m.group(2)) for pattern in (_BELOW, _WITHIN_BOUND) for m in pattern.finditer(cell)]
    # (not the lower end of 「6歲以上未滿12歲」, a range read whole below)
    ranges = [(m.group(1), m.group(2), m.group(3)) for m in _RANGE.finditer(cell) if not any(a <= m.start() < b for a, b in unders)]
    for low, high, unit in [*ranges, *below]:
        unit = unit.removesuffix("以上").removesuffix("及")
        if not unit:
            continue
        if short_unit:  # the question's unit is one character of the range's (岁: 周岁, 平米: 平方米)
            # (after a general measure word: 「150个课时」 for 「120—199课时」)
            found = [(over, n) for over, n, u in re.findall(_OVER + r"(\d+(?:\.\d+)?)\s*个?([\u4e00-\u9fffa-zA-Z%])", asked)
                     if u in unit[:3] or (u == "天" and unit.startswith("日"))]  # 「占道施工20天」: 「8—30日」
        else:  # the unit as the question writes it after its figure: 「马力」 of 「马力四轮」
            found = re.findall(_OVER + rf"(\d+(?:\.\d+)?)\s*{re.escape(unit[:2] if len(unit) > 1 else unit)}", asked)
        out += [float(low) <= _above(over, n) <= (float(high) if high else float("inf")) for over, n in found]
    for m in _UNDER.finditer(cell):
        low, unit, high = m.group(1), m.group(2), m.group(3)
        # (the question's unit is one character of the range's: 岁 of 「16周岁以上不满18周岁」)
        found = [n for n, u in re.findall(r"(\d+(?:\.\d+)?)\s*个?([\u4e00-\u9fff])", asked) if u in unit]
        out += [float(low) <= float(n) < float(high) for n in found]
    for m in _AT_MOST.finditer(cell) if bounds else ():
        # 「年龄不超过60周岁」「开学后1个月内」: a bound the measure may reach
        high, unit = m.group(1) or m.group(3), m.group(2) or m.group(4)
        found = [n for n, u in re.findall(r"(\d+(?:\.\d+)?)\s*个?([\u4e00-\u9fff])", asked) if u in unit]
        out += [float(n) <= float(high) for n in found]
    for m in _AT_LEAST.finditer(cell) if bounds else ():
        # 「持有居住证满1年」: a bound the measure must reach; 「超过1个月申请的」: one it must pass
        low, unit = m.group(2), m.group(3)
        found = [n for n, u in re.findall(r"(\d+(?:\.\d+)?)\s*个?([\u4e00-\u9fff])", asked) if u in unit]
        out += [float(n) > float(low) if m.group(1) != "满" else float(n) >= float(low) for n in found]
    for m in _CLOCK_RANGE.finditer(cell):
        # 「晚上11点充一度多少钱」: the hours 「22:00—次日8:00」 hold 23:00, past midnight too
        begin, end = int(m.group(1)) + int(m.group(2)) / 60, int(m.group(4)) + int(m.group(5)) / 60
        for said in _CLOCK_SAID.finditer(asked):
            hour = int(said.group(2)) % 24 + (0.5 if said.group(3) else 0)
            # (an hour said without the part of the day may be either: 「托管到六点半」 is 18:30)
            hours = [hour + 12] if said.group(1) in _AFTERNOON and hour < 12 else (
                [hour] if said.group(1) or hour >= 12 else [hour, hour + 12])
            out.append(any(begin <= h <= end if begin < end and not m.group(3) else h >= begin or h <= end for h in hours))
    for m in _NOT_YET.finditer(cell):
        if any(a <= m.start() < b for a, b in unders):
            continue  # the upper end of 「满5年不足10年」, read above
        high, unit = m.group(1), m.group(2)
        # (the question's unit is one character of the bound's: 岁 of 周岁, 月 of 「3个月的」)
        found = [n for n, u in re.findall(r"(\d+(?:\.\d+)?)\s*个?([\u4e00-\u9fff])", asked) if u in unit]
        out += [float(n) < float(high) for n in found]
    return out


def in_unit(heading: str, unit: str) -> float:
    """1 when the heading counts in the asked unit: its unit in brackets (「（元/人）」 for
    「多少钱」) or a count of it (「计划人数」 for 「招多少人」)."""
    if not unit:
        return 0.0
    wanted = "元" if unit in ("钱", "元") else unit
    bracket = "".join(re.findall(r"[(（]([^)）]*)[)）]", heading))
    return 1.0 if wanted in bracket or f"{wanted}数" in heading else 0.0


def table_answer(q: Question, index: LoadedIndex, candidates: list[Candidate]) -> tuple[str, Candidate] | None:
    """The short answer a table gives and the row to quote: the extreme row's name (「松溪县」),
    else the named row's cell under its column's name (「松溪县总分：87.73」); None without one."""
    extreme = extreme_row(q, index, candidates)
    if extreme is not None:
        return extreme.name, extreme.sentence
    cell = named_cell(q, index, candidates)
    if cell is not None:
        return f"{cell.name}{cell.label}：{cell.value}", cell.sentence
    return None


def _asked_column(table: Table, before: str, terms: tuple[str, ...]) -> int | None:
    """The column (not the rows' names) whose heading says the question term right before the
    superlative (「…地区生产总值增速最快」: 增速, as 「比上年增长」 says it; not 地区生产总值), or
    None when no heading says it."""
    placed = [(before.rfind(t), t) for t in terms if len(t) >= 2 and t in before]
    if not placed:
        return None
    asked = max(placed)[1]
    name = table.name_column
    verb = re.fullmatch(r"(?:能)?([\u4e00-\u9fff])得", asked)  # 「补得最多」: the heading 「补贴标准」
    # of headings that say it alike, the one that adds least the question does not say
    # (「增长（%）」, not 「规上工业增加值增长（%）」, for 「地区生产总值增速最快」)
    credits = [((_says(cell, asked) or (0.5 if verb and cell.startswith(verb.group(1)) else 0.0))
                - 0.01 * _unasked(cell, before), -j, j)
               for j, cell in enumerate(table.header) if j != name]
    credit, _, column = max(credits, default=(0.0, 0, None))
    return column if credit > 0 else None


_EXCLUSIVE = groups("exclusive_qualifiers")  # agent/lexicon/exclusive_qualifiers.txt


# the words that ask for a cap or a floor (the first four of each row) and that state one
# (agent/lexicon/clause_cues.tsv: upper-bound, lower-bound)
# the words of an upper and of a lower bound (agent/lexicon/clause_cues.tsv: upper-bound, lower-bound),
# shared by the rules that read a cap or a floor
BOUNDS = tuple(tuple(cue_table("clause_cues")[row]) for row in ("upper-bound", "lower-bound"))


# 「补贴占保费多少」 asks a share: the column of one (「财政补贴比例」「费率」), not 「保险金额」
# (and 「按几个点给补」「打几折」「补百分之几」, a share by its own words)
_SHARE_ASKED = re.compile(r"[占佔][^，。？?,]{0,8}?(?:多少|百分之几|几成)|(?:几|多少)个点|(?:几|多少)折|百分之(?:几|多少)|几成")
_SHARE_HEADING = re.compile(r"比例|比率|[%％]")
_PAYING = tuple(words("paying_verbs"))  # agent/lexicon/paying_verbs.txt
# a payment asked, a verb of paying right before the question word (「自己要出多少」「每年交几」); not 「少交多少」,
# nor what another helps with (「政府幫忙出幾成」「帮着出多少」: a grant)
PAID_ASKED = re.compile(r"(?<![少多减免帮])(?<!帮忙)(?<!帮着)(?:" + "|".join(sorted(map(re.escape, _PAYING), key=len, reverse=True)) + r")了?(?:多少|几)")


def _bound_fit(question: str, heading: str) -> bool:
    """The question asks for a cap (or a floor) and the heading names one: 「一年最多能拿多少」 is
    the column 「年度救助限额」, not 「救助比例」 beside it."""
    return any(any(w in question for w in bound[:4]) and any(w in heading for w in bound) for bound in BOUNDS)


def _qualified(question: str, heading: str) -> float:
    """+1 for a heading with the one qualifier of an exclusive group the question asks
    (「退休人员报销比例」 for 「退休职工…报销多少」), −1 for one with another of the group."""
    fit = 0.0
    for group in _EXCLUSIVE:
        asked = mentioned(group, question)
        if len(asked) == 1:
            fit += 1.0 if asked[0] in heading else -1.0 if mentioned(group, heading) else 0.0
    return fit


def _unasked(heading: str, question: str) -> int:
    """How many Chinese characters of the heading (without its unit in brackets) the question lacks."""
    bare = re.sub(r"[(（][^)）]*[)）]", "", heading)
    return sum(1 for ch in bare if "\u4e00" <= ch <= "\u9fff" and ch not in question)


def _total(cells: list[str]) -> bool:
    """A row that adds the others up (「合计｜8家｜—｜2,467」): no row of its own."""
    return any(re.sub(r"\s", "", c) in _TOTALS for c in cells)


_TOTALS = frozenset(words("total_rows"))  # agent/lexicon/total_rows.txt


def row_named(name: str, question: str) -> bool:
    """The question names the row whose first cell is ``name``, whole or as its group (「低保户」
    for 「城镇最低生活保障家庭」, `_group_named`), not by a part another row may share."""
    return (len(name) >= 2 and name in question) or bool(_group_named(name, question))


def _named(name: str, question: str) -> str:
    """The words by which the question names a row: its name, or most of it (「公共充电桩」 for
    「新建公共充电桩」: at least 4 characters and 60% of the name), or the other name it gives in
    brackets (「低保边缘」 of 「低收入（低保边缘）人口」), or the name without them (「技师」 of
    「技师（二级）」); "" when it does not."""
    if len(name) >= 2 and name in question:
        return name
    for alias in re.findall(r"[(（]([^)）]{2,12})[)）]", name):
        if alias in question and not re.search(r"[、，,]", alias):
            return alias
    bare = re.sub(r"[(（][^)）]*[)）]", "", name)  # 「技师」 of 「技师（二级）」
    if bare != name and len(bare) >= 2 and bare in question:
        return bare
    need = max(4, -(-len(name) * 3 // 5))
    for size in range(len(name) - 1, need - 1, -1):
        for i in range(len(name) - size + 1):
            if name[i : i + size] in question:
                return name[i : i + size]
    # its short form: its first and last characters and some between, in order (「市级示范园」 of
    # 「市级示范幼儿园」, as Chinese abbreviates a name), 的 between its words or not (「寄宿的托养」
    # of 「寄宿制托养」)
    for size in range(len(name) - 1, 3, -1):
        for found in re.finditer("(?=(" + "的?".join([r"[\u4e00-\u9fff]"] * size) + "))", question):
            part = found.group(1).replace("的", "") if "的" not in name else found.group(1)
            # (with 的, at least half the name: not 「市普通的高中」 across 「圩濯市」 for 「市级及以上示范性普通高中」)
            if (len(part) == size and part[0] == name[0] and part[-1] == name[-1] and _in_order(part, name)
                    and (part == found.group(1) or 2 * size >= len(name))):
                return found.group(1)
    grouped = _group_named(name, question)
    if grouped:
        return grouped
    # its head: the last three characters or more, half of it or a word of the dictionary
    # (「插秧机」 of 「水稻插秧机」, 「收割机」 of 「稻麦联合收割机」)
    for size in range(len(name) - 1, 2, -1):
        head = name[-size:]
        if (re.fullmatch(r"[\u4e00-\u9fff]+", head) and head in question
                and (2 * size >= len(name) or in_dictionary(head))):
            return head
    return ""


# heads that name a group by the qualifier before them (agent/lexicon/group_heads.txt)
_GROUP_HEADS = "|".join(map(re.escape, words("group_heads")))
_GROUP = re.compile(rf"(?P<qualifier>[\u4e00-\u9fff]{{2,}}?)(?:{_GROUP_HEADS})")


def _group_named(name: str, question: str) -> str:
    """The question names a group of the cell by its qualifier with another head (「低保户」 for
    「低保对象、返贫致贫人口」: 低保 + 户 for 低保 + 对象), or ""."""
    for item in re.split(r"[、，,/／]", name):
        whole = _GROUP.fullmatch(item)
        if whole is None:
            continue
        for said in _GROUP.finditer(question):
            if said.group("qualifier").endswith(whole.group("qualifier")):
                return said.group(0)[len(said.group("qualifier")) - len(whole.group("qualifier")):]
            # (or by its short form: 「低保户」 for 「最低生活保障对象」)
            short = next((said.group("qualifier")[i:] for i in range(len(said.group("qualifier")) - 1)
                          if abbreviates(said.group("qualifier")[i:], whole.group("qualifier"))), "")
            # (not a literal part of it: 「低保边缘」 is another group than 低保)
            if short and len(short) < len(whole.group("qualifier")) and short not in whole.group("qualifier"):
                return said.group(0)[len(said.group("qualifier")) - len(short):]
    return ""


def _in_order(part: str, name: str) -> bool:
    """Every character of ``part`` in ``name``, in order."""
    it = iter(name)
    return all(ch in it for ch in part)


def _says(heading: str, term: str) -> float:
    """How far a column's heading says a question term: the term in it (「总分」), or the heading
    (without its unit in brackets) one of the term's words (「增速」 for 「增长」)."""
    bare = re.sub(r"[(（][^)）]*[)）]", "", heading)
    return max(term_credit(term, heading), term_credit(bare, term) if len(bare) >= 2 else 0.0)


def heading_of_row(index: LoadedIndex, cand: Candidate) -> str:
    """The caption and header of the table whose row the sentence is (what its figures are in:
    「修复费标准（元/平方米）」), normalised; "" when it is no table's row."""
    for table in _tables(index, cand.source):
        if any(line.start <= cand.start < line.end for _, line in table.rows):
            return " ".join((table.caption, *table.header))
    return ""


def is_header(index: LoadedIndex, cand: Candidate) -> bool:
    """The sentence is a table's header line (「改造方式｜危险等级｜补助标准（万元/户）｜备注」):
    it names columns and states nothing."""
    return any(t.header_line == (cand.start, cand.end) for t in _tables(index, cand.source))


def _tables_of(index: LoadedIndex, candidates: list[Candidate], depth: int) -> list[Table]:
    return [t for source in dict.fromkeys(c.source for c in candidates[:depth]) for t in _tables(index, source)]


def _tables(index: LoadedIndex, source: str) -> tuple[Table, ...]:
    doc = index.documents.get(source)
    return () if doc is None else _parse(source, doc.text)


_RULE_CELL = re.compile(r":?-{3,}:?")


@lru_cache(maxsize=256)
def _parse(source: str, text: str) -> tuple[Table, ...]:
    """Each run of ≥ 3 lines cut into the same number (≥ 2) of cells: the first is its header.
    Parsed once per document text (every value question looks at its best documents' tables)."""
    tables: list[Table] = []
    run: list = []
    caption = previous = ""
    at = 0

    def close() -> None:
        if len(run) >= 3 and not (aligned and (re.search(r"\d", run[0][1].text)
                                                or all(_ARTICLE_LABEL.fullmatch(cells[0]) for cells, _ in run))):
            head = run[0][1]
            tables.append(Table(caption, [normalize(c).text for c in run[0][0]], run[1:], (head.start, head.end)))

    aligned = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        cells = CELL_SEPARATOR.split(stripped) if stripped else []
        if len(cells) >= 4 and not cells[0].strip() and not cells[-1].strip():
            cells = cells[1:-1]  # a Markdown row, fenced by its separators: 「| B类 | 8万元 |」
            if all(_RULE_CELL.fullmatch(c.strip()) for c in cells):
                at += len(line)  # the rule under a Markdown header (「|---|:---:|」) is no row
                continue
        spaced = len(cells) < 2 and bool(stripped)
        if spaced:
            cells = _ALIGNED.split(stripped)
        if len(cells) < 2 or (run and (len(cells) != len(run[0][0]) or spaced != aligned)):
            close()  # the table ends here (a line of another width may start the next)
            run = []
        if not run:
            aligned = spaced
        if len(cells) >= 2:
            if not run:
                caption = normalize(previous).text
            begin = at + len(line) - len(line.lstrip())
            run.append((cells, Candidate(source, begin, begin + len(stripped), stripped,
                                         normalize(stripped).text, 0, 0.0, 0.0, 0.0, ())))
        if stripped:
            previous = stripped
        at += len(line)
    close()
    return tuple(tables)


__all__ = ["CELL_SEPARATOR", "PAID_ASKED", "Cell", "Table", "extreme_row", "heading_of_row", "in_unit", "is_header", "named_cell", "range_fit", "row_named", "table_answer", "unlisted_row",
           "without_ranges"]
