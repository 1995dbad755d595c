"""Word data with provenance: the thesaurus and policy-writing paraphrases (agent/lexicon/*.tsv)."""

from agent.lexicon.thesaurus import is_aspect, synonyms

__all__ = ["is_aspect", "synonyms"]
