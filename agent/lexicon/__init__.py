"""Word data with provenance: the thesaurus and policy-writing paraphrases (agent/lexicon/*.tsv)."""

from agent.lexicon.thesaurus import synonyms

__all__ = ["synonyms"]
