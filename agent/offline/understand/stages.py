"""Understanding the question: follow-ups resolved, a wrong title corrected, a two-hop
description replaced by the entity it describes, the question analysed."""

from __future__ import annotations

import re
from dataclasses import replace

from agent.lexicon import entities
from agent.offline.check.premise import claimed_opposites
from agent.offline.draft import Draft, Stage
from agent.offline.gather.evidence import Candidate
from agent.offline.gather.neighbours import sentences_before
from agent.offline.understand.followup import resolve
from agent.offline.understand.multihop import Hop, bridge_entity, split_relative
from agent.offline.understand.question import analyze
from ingest.normalize import is_traditional, normalize_query

# a place's name and level, alone or at the start of an organisation's (「峤南市图书馆」)
_OPENING_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,3}?[省市县区]")


class ResolveFollowUp(Stage):
    """「它的营收呢？」 read with the previous turn; the asker's script noted."""

    name = "resolve-follow-up"

    def __call__(self, draft: Draft) -> Draft:
        resolved = resolve(draft.question, draft.turns, self.docs.index.segmenter.words)
        return replace(draft, traditional=is_traditional(draft.question), resolved=resolved)


class CorrectRole(Stage):
    """「区长高铭浩…」 when the documents' 区长 is 陈伟: the question is about the title's holder."""

    name = "correct-role"

    def __call__(self, draft: Draft) -> Draft:
        resolved = draft.resolved
        conflict = self.docs.roles.conflict(normalize_query(resolved))
        if conflict is not None and conflict.holder is not None:
            resolved = normalize_query(resolved).replace(conflict.person, conflict.holder.name)
        return replace(draft, resolved=resolved, conflict=conflict)


class Analyze(Stage):
    """Two hops resolved to one, then the question's type, terms and focus; a name abbreviated
    as the documents never do read as they spell it; English questions get Chinese terms, and a
    presupposed claim (「为什么下降」) its documented opposites."""

    name = "analyze"

    def __call__(self, draft: Draft) -> Draft:
        resolved = draft.resolved
        bridge: list[Candidate] = []
        hop = split_relative(resolved)
        if hop is not None:
            resolved, bridge = self._hop(hop, resolved)
        q = analyze(resolved, self.docs.index.segmenter)
        # 「西贡商信银行」 of a document that writes 「西贡商业信用银行」: the name is the one written
        # there (for the checks; the question's words, which found the evidence, stay as asked)
        q = replace(q, names=tuple(self.docs.spelled_out(q.text, n) or n for n in q.names))
        q = replace(q, names=(*q.names, *self._bare_places(q)))
        if q.english:
            chinese = self.docs.pinyin().terms(resolved)
            if chinese:
                resolved = f"{resolved} {' '.join(chinese)}"
                q = replace(q, terms=tuple(chinese))
        if q.qtype in ("why", "yesno"):
            # 「营收为什么下降了」: the documents state the opposite, if anything; look for it too
            claimed = claimed_opposites(q.text)
            q = replace(q, terms=tuple(dict.fromkeys([*q.terms, *claimed[:2]])))
        return replace(draft, resolved=resolved, q=q, bridge=tuple(bridge))

    def _bare_places(self, q) -> tuple[str, ...]:
        """A place the question writes without its level (「洄川的公积金」, which LAC reads as a
        person) where the documents write it with one (「洄川市」), and a place with its level that
        jieba cut, alone or opening an organisation's name (「峤南市图书馆」: 峤南市), when the
        documents write it and no name of the question holds it; a bare place opening a longer
        one (「湜陵小区」: 湜陵, of 湜陵市)."""
        out = []
        for t in entities.tokens(q.text):
            if t.tag == "LOC" and _OPENING_PLACE.fullmatch(t.text) and any(
                    t.text.endswith(n) and n != t.text for n in q.names):
                # 「苔|山市」 to jieba, 苔山市 to LAC: the place is LAC's (not 「东引区」 of a name
                # jieba reads without its level, 东引, which the documents may write so)
                out.append(t.text)
                continue
            if any(t.text in n or n in t.text for n in q.names):
                continue
            if t.tag in ("PER", "LOC") and 2 <= len(t.text) <= 3 and self.docs.leveled_place(t.text):
                out.append(t.text)
            elif t.tag in ("LOC", "ORG"):  # 「洄|川|市」 to jieba, 洄川市 to LAC
                m = _OPENING_PLACE.match(t.text)
                if m and self.docs.writes(m.group(0)):
                    out.append(m.group(0))
                elif t.tag == "LOC" and len(t.text) >= 4:  # 「湜陵小区」: a bare place opens it
                    out += [t.text[:n] for n in (2, 3) if self.docs.leveled_place(t.text[:n])][:1]
        return tuple(dict.fromkeys(out))

    def _hop(self, hop: Hop, question: str) -> tuple[str, list[Candidate]]:
        """Resolve the description to an entity; return the rewritten question and the bridge."""
        docs = self.docs
        q = analyze(hop.description, docs.index.segmenter)
        qvec = docs.retriever.query_vector(hop.description)
        passages = docs.retriever.retrieve(hop.description, k=3, vector=qvec)
        found = docs.evidence.candidates(q, passages, qvec)
        if not found or found[0].coverage < docs.tuning.min_coverage:
            return question, []
        bridge = [found[0]]
        vocabulary = set(docs.index.segmenter.words)
        entity = bridge_entity(hop, bridge, vocabulary, docs.index.segmenter.tagged)
        if not entity and re.match(r"^.{0,8}?(?:这家|该|此|其|这座|这个|它)", found[0].norm):
            # 「改造完成后，该企业产能提升35%」: the company is named a sentence or three before
            # (when the sentence names no other entity)
            for previous in reversed(sentences_before(docs.index, found[0], 3)):
                named = bridge_entity(hop, [previous], vocabulary, docs.index.segmenter.tagged)
                if named:
                    entity = named
                    break
        if not entity:
            return question, []
        return f"{entity}{hop.rest}", [found[0]]


__all__ = ["Analyze", "CorrectRole", "ResolveFollowUp"]
