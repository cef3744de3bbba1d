import datetime as dt

import pytest
from pydantic import ValidationError

from graph.domain.claim_records import Claim
from graph.domain.model import Company, Contact, Influence, Relationship, Touch


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Company(id="c", name="C", colour="red")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("buying_role", "emperor"),
        ("stance", "love"),
        ("status", "gone"),
        ("level", 0),
        ("email", "not-mail"),
        ("phone", "call me"),
        ("last_verified", "31/02/2026"),
    ],
)
def test_contact_rejects_bad_values(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as info:
        Contact(id="p", name="P", company_id="c", **{field: value})
    assert info.value.errors()[0]["loc"] == (field,)


def test_contact_normalises_phone_and_email_and_drops_reports_to_from_row() -> None:
    contact = Contact(
        id="p",
        name=" 王芳 ",
        company_id="c",
        phone="+86 139-1234-5678",
        email="W@X.CN",
        reports_to=("m",),
        last_verified=dt.date(2026, 1, 5),
    )
    assert contact.to_row() == {
        "id": "p",
        "name": "王芳",
        "company_id": "c",
        "phone": "13912345678",
        "email": "w@x.cn",
        "buying_role": "unknown",
        "stance": "unknown",
        "status": "active",
        "last_verified": "2026-01-05",
    }


@pytest.mark.parametrize(
    "build",
    [
        lambda: Influence(from_id="a", to_id="a"),
        lambda: Influence(from_id="a", to_id="b", weight=1.5),
        lambda: Contact(id="a", name="A", company_id="c", reports_to=("a",)),
        lambda: Company(id="c", name="C", parent_id="c"),
        lambda: Relationship(rep_id="r", contact_id="p", closeness=6, solution_acceptance=3, price_acceptance=3),
        lambda: Company(id="c", name="C", tier=4),
        lambda: Company(id="", name="C"),
    ],
)
def test_impossible_records_are_refused(build) -> None:
    with pytest.raises(ValidationError):
        build()


def test_company_carries_its_matching_key() -> None:
    assert Company(id="c", name="杭州供电（分公司）有限责任公司").to_row()["name_key"] == "杭州供电(分公司)"


def test_derived_ids_are_stable_and_distinguish_rows() -> None:
    a = Touch(date="2026-01-01", rep_id="r", contact_id="p", kind="call")
    assert a.id == Touch(date="2026-01-01", rep_id="r", contact_id="p", kind="call").id
    assert a.id != Touch(date="2026-01-02", rep_id="r", contact_id="p", kind="call").id
    assert Claim(company_id="c", rep_id="r", channel="direct", claimed_on="2026-01-01").id != a.id
