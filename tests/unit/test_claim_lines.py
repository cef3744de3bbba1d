"""The claims table's "protected until" cell never shows "None" nor a day before the claim was made."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.analysis.claim_status import ClaimState, ClaimStatus, Reason
from ui.claim_lines import protected_until

FILED = dt.date(2026, 12, 2)


def _claim(status: ClaimState, reason: Reason, expires_on: dt.date, **detail: str) -> ClaimStatus:
    return ClaimStatus(
        id="k", company_id="c", group_id="c", scope_id="c", rep_id="r", rep_name="R", channel="direct", tier=1,
        claimed_on=FILED, expires_on=expires_on, renewed_on=[], status=status, reason=reason, detail=detail,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("claim", "cell"),
    [
        (_claim("live", "", FILED + dt.timedelta(days=13)), "2026-12-15"),
        (_claim("lapsed", "lapsed", FILED + dt.timedelta(days=13)), "2026-12-15"),
        (_claim("released", "released", FILED - dt.timedelta(days=1), on="2026-12-02"), "released on 2026-12-02"),
        (_claim("refused", "held", FILED, holder="H"), "—"),
    ],
    ids=["live", "lapsed", "released-on-its-first-day", "refused"],
)
def test_the_protected_until_cell_says_what_the_claim_did(claim: ClaimStatus, cell: str) -> None:
    assert protected_until(claim) == cell
