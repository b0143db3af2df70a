"""Parameter files: valid data loads once; broken data fails naming file and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hijridate import Hijri

from eligibility import ParameterError, load_parameters, parameters_on
from eligibility.parameter_files import read_parameter_directory
from eligibility.parameters import DEFAULT_DIRECTORY


@pytest.fixture
def params_dir(tmp_path: Path) -> Path:
    """A private copy of the real parameter directory to break."""
    target = tmp_path / "parameters"
    shutil.copytree(DEFAULT_DIRECTORY, target)
    return target


def _edit(directory: Path, name: str, old: str, new: str) -> None:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _error_for(directory: Path) -> ParameterError:
    with pytest.raises(ParameterError) as caught:
        read_parameter_directory(directory)
    return caught.value


def test_real_parameters_load_and_are_cached():
    assert load_parameters() is load_parameters()
    assert load_parameters(DEFAULT_DIRECTORY) is load_parameters()


def test_loader_accepts_a_directory_argument(params_dir):
    _edit(params_dir, "results_day.yaml", "value: 27", "value: 28")
    assert parameters_on("2024-01-01", directory=params_dir).results_day == 28
    assert parameters_on("2024-01-01").results_day != 28


def test_reference_amount_starts_on_the_decree_date_converted_from_hijri():
    start = load_parameters().series["reference_amount"].periods[0].start
    decree = Hijri(1442, 4, 2).to_gregorian()
    assert start.isoformat() == decree.isoformat()


def test_duplicate_start_dates_fail_naming_file_and_date(params_dir):
    _edit(
        params_dir,
        "reference_amount.yaml",
        "  2023-11-01:\n",
        "  2023-11-01:\n    value: 1300\n    reference: duplicate\n  2023-11-01:\n",
    )
    error = _error_for(params_dir)
    assert (error.file, error.field) == ("reference_amount.yaml", "2023-11-01")
    assert "twice" in str(error) and "reference_amount.yaml" in str(error)


def test_value_that_is_not_a_number_fails_naming_the_value(params_dir):
    _edit(params_dir, "dependent_amount.yaml", "value: 660", "value: six hundred")
    error = _error_for(params_dir)
    assert (error.file, error.field) == ("dependent_amount.yaml", "values.2023-11-01.value")


def test_missing_value_reference_fails(params_dir):
    _edit(
        params_dir,
        "payment_day.yaml",
        "    reference: أخبار وزارة الموارد البشرية والتنمية الاجتماعية (https://www.hrsd.gov.sa)\n    trust",
        "    trust",
    )
    error = _error_for(params_dir)
    assert (error.file, error.field) == ("payment_day.yaml", "values.2020-11-17.reference")


def test_missing_file_reference_fails(params_dir):
    _edit(params_dir, "max_months_abroad.yaml", "reference: اللائحة", "source: اللائحة")
    error = _error_for(params_dir)
    assert error.file == "max_months_abroad.yaml" and error.field in ("source", "reference")


def test_missing_description_fails(params_dir):
    _edit(params_dir, "results_day.yaml", "description:", "# description:")
    error = _error_for(params_dir)
    assert (error.file, error.field) == ("results_day.yaml", "description")


def test_share_above_one_fails(params_dir):
    _edit(params_dir, "earned_income_share.yaml", "value: 0.5", "value: 50")
    error = _error_for(params_dir)
    assert (error.file, error.field) == ("earned_income_share.yaml", "values.2020-11-17.value")


def test_day_of_month_out_of_range_fails(params_dir):
    _edit(params_dir, "results_day.yaml", "value: 27", "value: 32")
    error = _error_for(params_dir)
    assert (error.file, error.field) == ("results_day.yaml", "values.2020-11-17.value")


def test_fractional_riyal_amount_fails(params_dir):
    _edit(params_dir, "reference_amount.yaml", "value: 1320", "value: 1320.5")
    error = _error_for(params_dir)
    assert error.field == "values.2023-11-01.value"


def test_wrong_unit_fails(params_dir):
    _edit(params_dir, "review_period_days.yaml", "unit: days", "unit: months")
    error = _error_for(params_dir)
    assert (error.file, error.field) == ("review_period_days.yaml", "unit")


def test_hijri_date_contradicting_the_start_date_fails(params_dir):
    _edit(params_dir, "reference_amount.yaml", "hijri: 1445-04-17", "hijri: 1445-04-18")
    error = _error_for(params_dir)
    assert (error.file, error.field) == ("reference_amount.yaml", "values.2023-11-01.hijri")


def test_key_that_is_not_a_date_fails(params_dir):
    _edit(params_dir, "payment_day.yaml", "  2020-11-17:", "  first:")
    error = _error_for(params_dir)
    assert (error.file, error.field) == ("payment_day.yaml", "values.first")


def test_file_starting_after_the_others_fails(params_dir):
    _edit(params_dir, "results_day.yaml", "2020-11-17", "2021-01-01")
    error = _error_for(params_dir)
    assert (error.file, error.field) == ("results_day.yaml", "values.2021-01-01")


def test_invalid_yaml_fails_naming_the_file(params_dir):
    (params_dir / "payment_day.yaml").write_text("values: [unclosed\n", encoding="utf-8")
    assert _error_for(params_dir).file == "payment_day.yaml"


def test_missing_required_file_fails(params_dir):
    (params_dir / "dependent_amount.yaml").unlink()
    assert _error_for(params_dir).file == "dependent_amount.yaml"


def test_misspelled_file_name_fails(params_dir):
    (params_dir / "payment_day.yaml").rename(params_dir / "payment_dya.yaml")
    assert _error_for(params_dir).file == "payment_dya.yaml"


def test_missing_directory_fails(tmp_path):
    with pytest.raises(ParameterError):
        load_parameters(tmp_path / "nowhere")


def test_every_value_and_file_has_a_reference():
    for series in load_parameters().series.values():
        assert series.reference and series.description and series.unit
        assert all(period.reference for period in series.periods)


def test_seed_004_disagreement_is_recorded_as_a_note():
    note = load_parameters().series["reference_amount"].note or ""
    assert "seed 004" in note and "550" in note
