"""The editing forms' inputs: enum choices in the reader's language, a company's people and departments, the
contact form's fields as model values.

Split from the panels because the contact panel and the "add" forms both build the same contact form and
the same choices; these functions only draw widgets and shape what was entered, they never save.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

import networkx as nx
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from graph.domain.access import Viewer
from graph.domain.enums import BuyingRole, Stance, Status
from ui.i18n import enum_label, t

__all__ = [
    "blank",
    "choice_label",
    "company_people",
    "company_units",
    "contact_fields",
    "enum_choice",
    "reps_to_record",
]


def choice_label(value: object) -> str:
    """A model value as the reader's word for it (a selectbox's ``format_func``)."""
    return str(enum_label(value))


def blank(text: str) -> str | None:
    """An entered text, or ``None`` when nothing but spaces was entered."""
    return text.strip() or None


def reps_to_record(reps: Iterable[Mapping[str, Any]], viewer: Viewer) -> dict[str, str]:
    """The active reps whose ties and touches ``viewer`` records, id → name: themselves, a lead's team, admin anyone.

    The same rule ``graph.services.editing`` applies when saving: a picker offers only what would be accepted.
    """
    active = (r for r in reps if r.get("status") != "left" and viewer.acts_for(str(r["id"])))
    return {str(r["id"]): str(r.get("name", r["id"])) for r in active}


def company_people(graph: nx.MultiDiGraph[str], company_id: str) -> dict[str, str]:
    """The company's contacts, id → name, sorted by name for the pickers."""
    people = {
        str(d["id"]): str(d.get("name", d["id"]))
        for _, d in graph.nodes(data=True)
        if d["label"] == "Contact" and d.get("company_id") == company_id
    }
    return dict(sorted(people.items(), key=lambda item: (item[1], item[0])))


def company_units(graph: nx.MultiDiGraph[str], company_id: str) -> dict[str, str]:
    """The company's departments, id → name."""
    return {
        str(d["id"]): str(d.get("name", d["id"]))
        for _, d in graph.nodes(data=True)
        if d["label"] == "OrgUnit" and d.get("company_id") == company_id
    }


def enum_choice(column: DeltaGenerator, field: str, choices: type[StrEnum], current: str, key: str) -> str:
    """A selectbox over a model enum, labelled and listed in the chosen language, starting at ``current``."""
    options = [member.value for member in choices]
    return str(
        column.selectbox(t(f"col.{field}"), options, index=options.index(current), format_func=choice_label, key=key)
    )


def contact_fields(
    prefix: str, values: dict[str, Any], units: dict[str, str], people: dict[str, str]
) -> dict[str, Any]:
    """The contact form's inputs (inside an ``st.form``), as model values."""
    left, right = st.columns(2)
    name = left.text_input(t("col.person"), value=values.get("name", ""), key=f"{prefix}.name")
    title = right.text_input(t("col.title"), value=values.get("title") or "", key=f"{prefix}.title")
    unit_ids = [None, *units]
    unit = left.selectbox(
        t("col.unit"),
        unit_ids,
        index=unit_ids.index(values.get("unit_id")) if values.get("unit_id") in units else 0,
        format_func=lambda u: "—" if u is None else units[u],
        key=f"{prefix}.unit",
    )
    level = right.number_input(
        t("edit.level"), min_value=0, max_value=20, value=int(values.get("level") or 0), key=f"{prefix}.level"
    )
    role = enum_choice(left, "buying_role", BuyingRole, values.get("buying_role", "unknown"), f"{prefix}.role")
    stance = enum_choice(right, "stance", Stance, values.get("stance", "unknown"), f"{prefix}.stance")
    phone = left.text_input(t("col.phone"), value=values.get("phone") or "", key=f"{prefix}.phone")
    email = right.text_input(t("col.email"), value=values.get("email") or "", key=f"{prefix}.email")
    status = enum_choice(left, "status", Status, values.get("status", "active"), f"{prefix}.status")
    others = [p for p in people if p != values.get("id")]
    managers = right.multiselect(
        t("col.reports_to"),
        others,
        default=[m for m in values.get("reports_to", ()) if m in others],
        format_func=people.__getitem__,
        key=f"{prefix}.managers",
        placeholder=t("widget.choose"),
    )
    return {
        "name": name,
        "title": blank(title),
        "unit_id": unit,
        "level": level or None,
        "buying_role": role,
        "stance": stance,
        "phone": blank(phone),
        "email": blank(email),
        "status": status,
        "reports_to": tuple(managers),
    }
