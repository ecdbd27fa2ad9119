"""Errors of the mapper package; each message says what is wrong and what to do."""

from __future__ import annotations


class MapperError(Exception):
    """Base of every mapper error."""


class TemplateError(MapperError):
    """The SLA template file is unreadable or malformed."""


class PatternError(MapperError):
    """A measurability pattern file is unreadable or malformed."""


class AnnotationError(MapperError):
    """Findings could not be written back into a document."""
