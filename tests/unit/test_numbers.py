"""One rule per kind of number (graph/render/numbers.py): scores, influence, shares, money, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.render import numbers


@pytest.mark.parametrize(("value", "text"), [(79.7, "80"), (100.0, "100"), (0.4, "0"), (None, "")])
def test_scores_are_points_not_percents(value: float | None, text: str) -> None:
    assert numbers.score(value) == text
    assert "%" not in numbers.score(value)


@pytest.mark.parametrize(("value", "points"), [(0.8818, 88.0), (1.0, 100.0), (0.0049, 0.0), (0.125, 12.0)])
def test_influence_reads_as_whole_points(value: float, points: float) -> None:
    assert numbers.influence_points(value) == points


@pytest.mark.parametrize(
    ("value", "text"), [(0.2345, "23%"), (0.0, "0%"), (0.003, "<1%"), (0.67, "67%"), (1.0, "100%")]
)
def test_shares_are_whole_percents_and_small_ones_are_not_zero(value: float, text: str) -> None:
    assert numbers.share(value) == text


def test_share_points_match_the_progress_format() -> None:
    assert numbers.SHARE_FORMAT % numbers.share_points(0.2345) == "23%"
    assert numbers.SCORE_FORMAT % 79.7 == "80"


@pytest.mark.parametrize(
    ("amount", "text"),
    [(1500000.0, "¥1,500,000"), (999.5, "¥1,000"), (0.0, "¥0"), (-2500.0, "-¥2,500"), (None, "")],
)
def test_money_has_separators_and_currency(amount: float | None, text: str) -> None:
    assert numbers.money(amount) == text


def test_money_format_for_tables_is_the_same_rule() -> None:
    assert numbers.MONEY_FORMAT.replace("%,.0f", "{:,.0f}").format(1500000.0) == numbers.money(1500000.0)


@pytest.mark.parametrize(
    ("day", "text"), [(dt.date(2026, 12, 1), "2026-12-01"), ("2026-12-01", "2026-12-01"), (None, "")]
)
def test_dates_are_iso(day: dt.date | str | None, text: str) -> None:
    assert numbers.date_text(day) == text
