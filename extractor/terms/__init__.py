"""`clauses_to_terms`: the rule pipeline that turns clause text into typed SLA terms."""

from __future__ import annotations

from extractor.terms.collect import clauses_to_terms

__all__ = ["clauses_to_terms"]
