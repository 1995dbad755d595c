"""Extracting the short answer: spans, clauses, figures, lists, arithmetic, direct look-ups."""
