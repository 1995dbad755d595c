"""Gathering evidence: candidate sentences, their scores, ranking, neighbouring sentences."""
