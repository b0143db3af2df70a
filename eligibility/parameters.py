"""The parameters in force on a date, as one typed, immutable object.

Files are read and validated once per directory (cached): `load_parameters()` is
called when the package is imported, so a broken file stops the bot at start-up
instead of producing a wrong answer later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from saudi_locale.clock import riyadh_today

from .answers import coerce_count
from .errors import EligibilityError
from .parameter_files import ParameterSeries, ValuePeriod, read_parameter_directory
from .texts_ar import INPUT_ERRORS, fill

DEFAULT_DIRECTORY = Path(__file__).resolve().parent / "parameters"
DateLike = dt.date | str | None
# Amount fields carry their unit in the name, as the facts() keys do.
_FIELD_NAMES = {"reference_amount": "reference_amount_sar", "dependent_amount": "dependent_amount_sar"}


@dataclass(frozen=True)
class Source:
    """Where one number comes from: file, the file's reference, and the value's own."""

    parameter: str
    file: str
    reference: str
    value_reference: str
    start: dt.date
    trust: str | None


@dataclass(frozen=True)
class ParameterBook:
    """All parameter files of one directory."""

    directory: str
    series: Mapping[str, ParameterSeries]

    @property
    def program_start(self) -> dt.date:
        return min(s.periods[0].start for s in self.series.values())

    def period(self, name: str, on: dt.date) -> ValuePeriod:
        period = self.series[name].period_on(on)
        if period is None:  # resolve_date() prevents this; kept as a guard
            raise EligibilityError("on", INPUT_ERRORS["date_before_program"], f"{on} is before the program start")
        return period

    def source(self, name: str, on: dt.date) -> Source:
        item, period = self.series[name], self.period(name, on)
        return Source(name, item.file, item.reference, period.reference, period.start, period.trust)


@dataclass(frozen=True)
class Parameters:
    """Every value the rules use, as in force on `on`."""

    on: dt.date
    rules_version: dt.date  # start of the latest period in force: names the rule set used
    reference_amount_sar: int
    dependent_amount_sar: int
    independent_min_age: int
    review_period_days: int
    review_period_days_regulation: int
    results_day: int
    payment_day: int
    earned_income_share: Decimal
    assets_excluded_homes: int
    assets_excluded_cars: int
    assets_wealth_divisor: int
    max_months_abroad: int
    sources: Mapping[str, Source]

    def threshold_sar(self, dependents: int) -> int:
        """Family threshold: the reference amount plus the per-dependent amount for each dependent."""
        return self.reference_amount_sar + self.dependent_amount_sar * dependents


@lru_cache(maxsize=16)
def _load(directory: str) -> ParameterBook:
    return ParameterBook(directory, read_parameter_directory(Path(directory)))


def load_parameters(directory: str | Path | None = None) -> ParameterBook:
    """Read and validate a parameter directory once; raises ParameterError if broken."""
    return _load(str(Path(directory).resolve() if directory else DEFAULT_DIRECTORY))


def resolve_date(on: DateLike, book: ParameterBook | None = None) -> dt.date:
    """Turn None/ISO text/date into a date inside the program's lifetime."""
    book = book or load_parameters()
    if on is None:
        day = riyadh_today()  # the rules change at midnight in Riyadh, not the server's
    elif isinstance(on, dt.datetime):
        day = on.date()
    elif isinstance(on, dt.date):
        day = on
    elif isinstance(on, str):
        try:
            day = dt.date.fromisoformat(on.strip())
        except ValueError:
            message_ar = fill(INPUT_ERRORS["date_not_iso"], {"example": "2024-01-31"})
            raise EligibilityError("on", message_ar, f"date {on!r} is not YYYY-MM-DD") from None
    else:
        raise EligibilityError(
            "on", INPUT_ERRORS["date_wrong_type"], f"date must be a date or YYYY-MM-DD, got {type(on).__name__}"
        )
    if day < book.program_start:
        raise EligibilityError(
            "on",
            fill(
                INPUT_ERRORS["date_before_start"],
                {"day": day.isoformat(), "program_start": book.program_start.isoformat()},
            ),
            f"date {day} is before the program started on {book.program_start}",
        )
    return day


def parameters_on(on: DateLike = None, directory: str | Path | None = None) -> Parameters:
    """The typed parameters in force on `on` (today in Riyadh by default)."""
    book = load_parameters(directory)
    day = resolve_date(on, book)
    values: dict[str, object] = {_FIELD_NAMES.get(name, name): book.period(name, day).value for name in book.series}
    sources = {name: book.source(name, day) for name in book.series}
    version = max(source.start for source in sources.values())
    return Parameters(on=day, rules_version=version, sources=sources, **values)  # type: ignore[arg-type]


def previous_values(on: DateLike = None, directory: str | Path | None = None) -> dict[str, object]:
    """Each parameter's value in the period before the one in force (or the current one if none)."""
    book = load_parameters(directory)
    day = resolve_date(on, book)
    result: dict[str, object] = {}
    for name, item in book.series.items():
        current = book.period(name, day)
        before = item.period_before(current)
        result[name] = (before or current).value
    return result


def threshold_sar(dependents: int, on: DateLike = None) -> int:
    """Family threshold in SAR on a date; `dependents` is validated like an answer."""
    return parameters_on(on).threshold_sar(coerce_count("dependents_count", dependents))
