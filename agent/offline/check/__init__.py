"""Checking: each refusal rule a function returning Refusal | None, and the caveats."""
