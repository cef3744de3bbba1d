"""How kagraph writes its numbers, in one place, so a figure reads the same on every page and in every export.

Four kinds of number reach a user, each with its own rule:

- *scores* (relationship strength, target score, 0–100) are points, never
  percents: ``80``, not ``80%`` (a 0–100 score shown as a percent read "7,970%");
- *influence* (0–1, relative weight) is shown as points out of 100 too, with
  no decimals: two decimals ("88.18%") claimed a precision the model does not
  have;
- *shares* (coverage, 0–1 of something) are percents without decimals, and a
  share above 0 but below 1 % says ``<1%`` rather than a misleading ``0%``;
- *counts* (head counts, people) carry thousands separators: ``12,000``;
- *money* carries thousands separators and the currency. The import format
  holds no currency column; amounts are yuan, written ``¥1,500,000`` in both
  languages (Chinese readers use the same digits and separators).

Dates are ISO ``YYYY-MM-DD`` in both languages, as stored and imported.
The ``*_FORMAT`` constants are the same rules as printf formats for
Streamlit's column configs (which take the value already scaled to 0–100).
"""

from __future__ import annotations

import datetime as dt

__all__ = [
    "COUNT_FORMAT",
    "CURRENCY",
    "MONEY_FORMAT",
    "SCORE_FORMAT",
    "SHARE_FORMAT",
    "date_text",
    "influence_points",
    "money",
    "score",
    "share",
    "share_points",
]

CURRENCY = "¥"
COUNT_FORMAT = "%,d"
MONEY_FORMAT = f"{CURRENCY}%,.0f"
SCORE_FORMAT = "%.0f"
SHARE_FORMAT = "%.0f%%"


def score(value: float | None) -> str:
    """A 0–100 score as whole points.

    >>> score(79.7), score(0), score(None)
    ('80', '0', '')
    """
    return "" if value is None else f"{value:.0f}"


def influence_points(value: float) -> float:
    """Influence (0–1) as points out of 100, the scale scores use, rounded to whole points.

    >>> influence_points(0.8818), influence_points(0.004)
    (88.0, 0.0)
    """
    return float(round(value * 100))


def share_points(value: float) -> float:
    """A share (0–1) scaled to 0–100 for a progress bar labelled with ``SHARE_FORMAT``.

    >>> share_points(0.2345)
    23.45
    """
    return round(value * 100, 2)


def share(value: float) -> str:
    """A share (0–1) as a percent without decimals; a non-zero share under 1 % reads ``<1%``.

    >>> share(0.2345), share(0.0), share(0.004), share(1.0)
    ('23%', '0%', '<1%', '100%')
    """
    if 0 < value < 0.005:
        return "<1%"
    return f"{value:.0%}"


def money(amount: float | None) -> str:
    """An amount in yuan with thousands separators; nothing for an unknown amount.

    >>> money(1500000.0), money(12.6), money(None), money(-2500)
    ('¥1,500,000', '¥13', '', '-¥2,500')
    """
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}{CURRENCY}{abs(amount):,.0f}"


def date_text(day: dt.date | str | None) -> str:
    """A day as ``YYYY-MM-DD`` (both languages), nothing for an unknown one.

    >>> date_text(dt.date(2026, 12, 1)), date_text("2026-12-01"), date_text(None)
    ('2026-12-01', '2026-12-01', '')
    """
    if day is None:
        return ""
    return day.isoformat() if isinstance(day, dt.date) else str(day)
