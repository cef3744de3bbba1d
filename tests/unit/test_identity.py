"""Who a sign-in is: a verified e-mail or a subject the access file names, never a name the person typed."""

from __future__ import annotations

from typing import Any

import pytest

from graph.domain.access import AccessEntry, Role
from graph.domain.identity import signed_in_as

LINES = {
    "ops@acme.com": AccessEntry(role=Role.OPS),
    "Pinned@Acme.com": AccessEntry(role=Role.ADMIN, sub="sub-admin"),
}


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": "s1", "name": "ops@acme.com"},  # no e-mail: the display name is never an identity
        {"sub": "s1", "email": "ops@acme.com", "email_verified": False},
        {"sub": "s1", "email": "ops@acme.com", "email_verified": "false"},
        {"sub": "s1", "email": "ops@acme.com"},  # absent: the provider asserts nothing
        {"sub": "s1", "email": "ops@acme.com", "email_verified": 1},
        {"sub": "s1", "email": "  ", "email_verified": True, "name": "ops@acme.com"},
        {"sub": "s1", "email": "pinned@acme.com", "email_verified": True},  # that line is bound to another subject
        {},
    ],
)
def test_only_a_verified_email_or_a_mapped_subject_identifies_a_person(claims: dict[str, Any]) -> None:
    assert signed_in_as(claims, LINES) is None


def test_a_verified_email_is_who_they_are() -> None:
    claims = {"sub": "s1", "email": " ops@acme.com ", "email_verified": True, "name": "Someone Else"}
    assert signed_in_as(claims, LINES) == "ops@acme.com"
    assert signed_in_as({**claims, "email_verified": "true"}, LINES) == "ops@acme.com"  # a provider's string form
    assert signed_in_as({"email": "li@acme.com", "email_verified": True}, {}) == "li@acme.com"


def test_a_subject_the_access_file_names_is_that_line_whatever_the_token_says() -> None:
    assert signed_in_as({"sub": "sub-admin"}, LINES) == "Pinned@Acme.com"
    assert signed_in_as({"sub": "sub-admin", "email": "x@y.org", "email_verified": False}, LINES) == "Pinned@Acme.com"
    assert signed_in_as({"sub": "another", "name": "Pinned@Acme.com"}, LINES) is None
