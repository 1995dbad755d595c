"""Answers read straight from what the index knows, before any sentence is ranked: a document's
metadata (「发文字号是什么」) and the role book (「周明远是谁」「茗香茶业的总经理是谁」)."""

from __future__ import annotations

import re

from agent.offline.draft import Draft, Stage
from agent.offline.extract.docmeta import answer_from_metadata
from agent.offline.extract.roles import TITLES
from agent.offline.gather.evidence import Candidate
from agent.offline.gather.neighbours import role_sentence
from ingest.normalize import normalize_query

_PLACE = re.compile(r"[\u4e00-\u9fff]{2,6}?[省市县区州]")  # a place the question names (「乐山市」)
_WHO_IS = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,4})(?:是谁|是什么人|是哪位|是干什么的|是做什么的|担任什么职务|是什么职务|什么职务)[?？]?$")
_WHO_HOLDS = re.compile(
    r"^(?:请问)?(?P<org>[\u4e00-\u9fffA-Za-z0-9]{2,24}?)的?(?P<title>" + "|".join(TITLES) + r")(?:是谁|是哪位|叫什么名字|叫什么)[?？]?$"
)


class AnswerFromMetadata(Stage):
    """A field of the document's metadata, cited by the line that states it."""

    name = "metadata"

    def __call__(self, draft: Draft) -> Draft:
        index = self.docs.index
        docs = list(index.documents.values())
        if len(docs) > 1:
            # the notice the question names by its place (「乐山市…由哪个单位发布」), else the best
            # passage's document
            found = [p.source for p in self.docs.retriever.retrieve(draft.resolved, k=5)]
            places = _PLACE.findall(normalize_query(draft.resolved))
            named = [s for s in found if any(p in self.docs.title_line(s) for p in places)]
            first = (named or found or [""])[0]
            docs = sorted(docs, key=lambda d: d.source != first)
        hit = answer_from_metadata(draft.resolved, docs)
        if hit is None:
            return draft
        text = index.documents[hit.source].text
        line_start = text.rfind("\n", 0, hit.start) + 1
        line_end = text.find("\n", hit.end)
        line_end = len(text) if line_end < 0 else line_end
        sentence = Candidate(hit.source, line_start, line_end, text[line_start:line_end],
                             normalize_query(text[line_start:line_end]), 0, 0.0, 1.0, 1.0, ())
        short = f"{hit.label}：{normalize_query(hit.value).strip('（）() ')}"
        return draft.settle(short, [sentence], self.name)


class AnswerAboutPerson(Stage):
    """「周明远是谁？」: the person's titles as the documents give them, cited where they stand;
    「茗香茶业的总经理是谁？」: the person whose titles hold it, in that organisation."""

    name = "person"

    def __call__(self, draft: Draft) -> Draft:
        docs = self.docs
        text = normalize_query(draft.resolved)
        asked = _WHO_IS.match(text)
        holder = None if asked else _WHO_HOLDS.match(text)
        if holder:
            title, org = holder.group("title"), holder.group("org")
            holders = docs.roles.holders(title)
            found = docs.roles.holders_in(title, org)
            org = re.sub(r"(?:县委|市委|区委|党委|人民政府|政府)$", "", org)  # 「青禾县县委」书记
            if not found and len({r.name for r in holders}) == 1:
                # 「云岫县县长」 when the report on 云岫县 only says 「县长陈海波」: the same document
                # must name the organisation, or the title belongs to someone else's
                found = [r for r in holders if org in docs.document_norm(r.source)]
            if not found:
                return draft
            role = found[0]
            return draft.settle(f"{role.name}（{role.chain}）", [role_sentence(docs.index, role)], self.name)
        if not asked:
            return draft
        roles = docs.roles.named(asked.group("name"))
        if not roles:
            return draft
        chains = "；".join(dict.fromkeys(r.chain for r in roles))
        stated = list({(r.source, r.start): r for r in roles}.values())[:3]
        return draft.settle(f"{roles[0].name}：{chains}", [role_sentence(docs.index, r) for r in stated],
                            self.name)


__all__ = ["AnswerAboutPerson", "AnswerFromMetadata"]
