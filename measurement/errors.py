"""Errors of the measurement package: each message says what is wrong and what to do."""

from __future__ import annotations


class MeasurementError(Exception):
    """Base class of every error raised by measurement/."""


class SLADefinitionError(MeasurementError):
    """A `*.sla.yaml` file does not follow schema slareg.sla/1."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(
            f"{source}: not a valid slareg.sla/1 definition:\n{lines}\n"
            "Fix the fields named above (see DESIGN.md, 'The SLA definition')."
        )


class InputDataError(MeasurementError):
    """A performance-data CSV file has bad rows; nothing of it was used."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:20]
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        lines = "\n".join(f"  - {p}" for p in shown)
        super().__init__(
            f"performance data rejected ({len(problems)} problem(s)):\n{lines}{more}\n"
            "Correct these rows (file:line: column) and run again; no row was imported."
        )


class CalendarRangeError(MeasurementError):
    """A business-time query fell outside the range the clock was built for."""


class PeriodError(MeasurementError):
    """A period label such as 2026-10, 2026-Q4 or 2026 could not be read."""


class DraftFormatError(MeasurementError):
    """A draft given to backtest cannot be read as an SLA definition."""
