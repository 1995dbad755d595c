"""The offline answerer: ordered stages over a `Draft` (pipeline.py), no generative model."""
