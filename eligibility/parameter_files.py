"""Reading and validating the dated parameter files in eligibility/parameters/.

Each file follows OpenFisca's parameter layout: description, reference, unit and
`values` keyed by the date from which each value holds, each with its own
reference. Everything wrong with a file is reported as a ParameterError naming
the file and the field, so a maintainer can fix the data without reading Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hijridate import Hijri

from .errors import ParameterError

Value = int | Decimal

# Every file the rules need, with the unit it must declare. A missing, unknown or
# mis-united file is a data error: catching it at start-up beats a wrong decision.
REQUIRED_UNITS: Mapping[str, str] = {
    "reference_amount": "SAR/month",
    "dependent_amount": "SAR/month",
    "independent_min_age": "years",
    "review_period_days": "days",
    "review_period_days_regulation": "days",
    "results_day": "day_of_month",
    "payment_day": "day_of_month",
    "earned_income_share": "share",
    "assets_excluded_homes": "count",
    "assets_excluded_cars": "count",
    "assets_wealth_divisor": "months",
    "max_months_abroad": "months",
}
_TOP_KEYS = {"description", "reference", "unit", "values", "note"}
_PERIOD_KEYS = {"value", "reference", "hijri", "trust", "note"}
_TRUST_LEVELS = {"H", "M", "L"}


@dataclass(frozen=True)
class ValuePeriod:
    """One dated value: it holds from `start` until the next period starts."""

    start: dt.date
    value: Value
    reference: str
    trust: str | None = None
    hijri: str | None = None


@dataclass(frozen=True)
class ParameterSeries:
    """All dated values of one parameter file, oldest first."""

    name: str
    file: str
    description: str
    reference: str
    unit: str
    note: str | None
    periods: tuple[ValuePeriod, ...]

    def period_on(self, on: dt.date) -> ValuePeriod | None:
        """The period in force on `on`, or None before the first one."""
        current = None
        for period in self.periods:
            if period.start <= on:
                current = period
        return current

    def period_before(self, period: ValuePeriod) -> ValuePeriod | None:
        index = self.periods.index(period)
        return self.periods[index - 1] if index > 0 else None


class _DuplicateKey(Exception):
    def __init__(self, key: Any, line: int) -> None:
        super().__init__(key, line)
        self.key, self.line = key, line


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys (PyYAML silently keeps the last one,
    which would hide two values for the same date)."""


def _construct_strict_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise _DuplicateKey(key, key_node.start_mark.line + 1)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_strict_mapping)


def _whole_number(low: int, high: int | None) -> Callable[[Any], Value]:
    def check(raw: Any) -> Value:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError(f"must be a whole number, found {raw!r}")
        if raw < low or (high is not None and raw > high):
            bound = f"between {low} and {high}" if high is not None else f"at least {low}"
            raise ValueError(f"must be {bound}, found {raw}")
        return raw

    return check


def _share(raw: Any) -> Value:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise ValueError(f"must be a number between 0 and 1, found {raw!r}")
    value = Decimal(str(raw))
    if not Decimal(0) < value <= Decimal(1):
        raise ValueError(f"must be above 0 and at most 1, found {raw}")
    return value


_UNIT_CHECKS: Mapping[str, Callable[[Any], Value]] = {
    # Amounts are whole riyals so that thresholds and estimates stay exact integers.
    "SAR/month": _whole_number(0, None),
    "years": _whole_number(0, 130),
    "days": _whole_number(1, 366),
    "months": _whole_number(1, 12 * 100),
    "count": _whole_number(0, 100),
    "day_of_month": _whole_number(1, 31),
    "share": _share,
}


def _text(data: Mapping[str, Any], key: str, file: str, field: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(file, field, "is missing or empty; give a non-empty text")
    return value.strip()


def _check_hijri(raw: Any, start: dt.date, file: str, field: str) -> str:
    text = raw.isoformat() if isinstance(raw, dt.date) else str(raw)
    try:
        year, month, day = (int(part) for part in text.split("-"))
        gregorian = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError) as exc:
        raise ParameterError(file, field, f"is not a valid Hijri date YYYY-MM-DD ({exc})") from None
    if dt.date(gregorian.year, gregorian.month, gregorian.day) != start:
        raise ParameterError(
            file, field, f"Hijri {text} is {gregorian.isoformat()} (Umm al-Qura), not the start date {start}"
        )
    return text


def _parse_period(key: Any, raw: Any, unit: str, file: str) -> ValuePeriod:
    if isinstance(key, dt.datetime) or not isinstance(key, dt.date):
        raise ParameterError(file, f"values.{key}", "key must be a start date written YYYY-MM-DD")
    field = f"values.{key.isoformat()}"
    if not isinstance(raw, dict):
        raise ParameterError(file, field, "must be a mapping with `value` and `reference`")
    unknown = set(raw) - _PERIOD_KEYS
    if unknown:
        raise ParameterError(file, f"{field}.{sorted(map(str, unknown))[0]}", "unknown field")
    if "value" not in raw:
        raise ParameterError(file, f"{field}.value", "is missing")
    try:
        value = _UNIT_CHECKS[unit](raw["value"])
    except ValueError as exc:
        raise ParameterError(file, f"{field}.value", f"{exc} (unit {unit})") from None
    reference = _text(raw, "reference", file, f"{field}.reference")
    trust = raw.get("trust")
    if trust is not None and trust not in _TRUST_LEVELS:
        raise ParameterError(file, f"{field}.trust", f"must be one of H, M, L, found {trust!r}")
    hijri = _check_hijri(raw["hijri"], key, file, f"{field}.hijri") if "hijri" in raw else None
    return ValuePeriod(start=key, value=value, reference=reference, trust=trust, hijri=hijri)


def read_parameter_file(path: Path) -> ParameterSeries:
    """Parse and validate one file; the file name (without .yaml) is the parameter name."""
    file = path.name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    except _DuplicateKey as dup:
        raise ParameterError(file, str(dup.key), f"appears twice (line {dup.line}); keep one") from None
    except yaml.YAMLError as exc:
        raise ParameterError(file, None, f"is not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ParameterError(file, None, "must be a YAML mapping with description, reference, unit, values")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ParameterError(file, sorted(map(str, unknown))[0], "unknown field")
    name = path.stem
    unit = _text(data, "unit", file, "unit")
    expected_unit = REQUIRED_UNITS.get(name)
    if expected_unit is not None and unit != expected_unit:
        raise ParameterError(file, "unit", f"must be {expected_unit}, found {unit}")
    if unit not in _UNIT_CHECKS:
        raise ParameterError(file, "unit", f"unknown unit {unit}; use one of {sorted(_UNIT_CHECKS)}")
    raw_values = data.get("values")
    if not isinstance(raw_values, dict) or not raw_values:
        raise ParameterError(file, "values", "must map at least one start date to a value")
    periods = tuple(sorted((_parse_period(k, v, unit, file) for k, v in raw_values.items()), key=lambda p: p.start))
    note = data.get("note")
    if note is not None and not isinstance(note, str):
        raise ParameterError(file, "note", "must be text")
    return ParameterSeries(
        name=name,
        file=file,
        description=_text(data, "description", file, "description"),
        reference=_text(data, "reference", file, "reference"),
        unit=unit,
        note=note,
        periods=periods,
    )


def read_parameter_directory(directory: Path) -> dict[str, ParameterSeries]:
    """Read every *.yaml file and check the set is complete and consistent."""
    if not directory.is_dir():
        raise ParameterError(str(directory), None, "parameter directory not found")
    series: dict[str, ParameterSeries] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.stem not in REQUIRED_UNITS:
            raise ParameterError(path.name, None, "unknown parameter file (check the name for a typo)")
        series[path.stem] = read_parameter_file(path)
    for name in REQUIRED_UNITS:
        if name not in series:
            raise ParameterError(f"{name}.yaml", None, f"required parameter file is missing in {directory}")
    # All parameters must start together; otherwise some dates would have a
    # threshold but no review period, and decisions there would be half-defined.
    program_start = min(s.periods[0].start for s in series.values())
    for item in series.values():
        if item.periods[0].start != program_start:
            raise ParameterError(
                item.file,
                f"values.{item.periods[0].start.isoformat()}",
                f"first value must start on the program start {program_start} like the other files",
            )
    return series
