"""Sentences the pages compose from analysis results, in the chosen language.

The analyses keep one English sentence each for the command line's JSON; a
page never shows it, because a Chinese user must read Chinese. Each sentence
here is built from the result's parts (path hops, roles, history entries)
with the words of ``ui.i18n``. Names stay as written; callers escape them for
Markdown where they render it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping

import networkx as nx

from graph.analysis._graph import display_name
from graph.analysis.history import TimelineItem
from graph.analysis.warm_path import WarmPath
from graph.domain.actions import Action, ActionCode
from graph.render.numbers import money, share
from ui.i18n import enum_label, known, language, t, tn

__all__ = [
    "action_text",
    "category_label",
    "change_text",
    "listing",
    "path_sentence",
    "path_why",
    "record_text",
    "roles_text",
    "value_text",
]

_MONEY_FIELDS = {"amount", "estimated_value"}
_SHARE_FIELDS = {"weight", "holder_share"}
"""Shares of 0–1 (an influence line's weight, a split's share), read as percents, as in every table."""
_INTERNAL_FIELDS = {"id", "key", "name_key", "version"}
"""Kept by the store for matching and edits, not typed by anyone: a history line leaves them out."""
_REFERS_TO = {
    "company_id": "Company",
    "unit_id": "OrgUnit",
    "reports_to": "Contact",
    "from_id": "Contact",
    "to_id": "Contact",
    "contact_id": "Contact",
    "manager_id": "Rep",
    "owner_id": "Rep",
    "rep_id": "Rep",
    "other_rep_id": "Rep",
    "transferred_to": "Rep",
    "opportunity_id": "Opportunity",
    "competitor_id": "Competitor",
}
"""Fields that hold another record's id, and that record's label: a history line names the record where it can
(``parent_id`` is of the changed record's own label). An id nobody can name, e.g. of a record since removed, stays,
except a person's or a deal's (``_UNSHOWN``)."""
_UNSHOWN = frozenset({"Contact", "Opportunity"})
"""Labels whose records a viewer may not see (people and deals of accounts outside their full view): on a timeline,
one the map does not name reads as a placeholder, never as its id."""


def _name_of(key: str, names: Mapping[str, str]) -> str:
    """The name ``names`` gives the node ``key``; else its id, or for a person or a deal a translated placeholder."""
    label, _, record_id = key.partition(":")
    if key in names:
        return names[key]
    return t("history.hidden") if label in _UNSHOWN else record_id


def listing(items: Iterable[str]) -> str:
    """Items joined the way the language lists them (``a, b`` or ``a、b``)."""
    return ("、" if language() == "zh" else ", ").join(items)


def category_label(category: str) -> str:
    """A product category in the chosen language where kagraph knows it (``网络`` → ``Network``), else as written."""
    key = f"category.{category}"
    return t(key) if known(key) else category


def roles_text(roles: Iterable[str]) -> str:
    """Buying roles in the chosen language: ``champion`` → ``内线``."""
    return listing(str(enum_label(role)) for role in roles)


def _how_well(strength: float) -> str:
    return t("path.well") if strength >= 0.7 else t("path.fairly_well") if strength >= 0.4 else t("path.a_little")


def path_sentence(graph: nx.MultiDiGraph[str], path: WarmPath) -> str:
    """The path as one sentence a rep can act on; ``graph`` holds its people (their names and titles)."""
    parts = []
    last = path.node_keys[-1]
    for (a, b), edge in zip(itertools.pairwise(path.node_keys), path.edges, strict=True):
        name_a, name_b = display_name(graph, a), display_name(graph, b)
        if b == last and graph.nodes[b].get("title"):
            name_b = t("path.with_title", name=name_b, title=graph.nodes[b]["title"])
        if edge.type == "KNOWS":
            parts.append(t("path.knows", a=name_a, b=name_b, how=_how_well(edge.strength)))
        else:
            kind = "REPORTS_TO" if edge.type == "REPORTS_TO" else edge.kind or "other"
            direction = "forward" if edge.forward else "back"
            parts.append(t(f"path.{kind}.{direction}", a=name_a, b=name_b))
    return ("；" if language() == "zh" else "; ").join(parts)


def path_why(path: WarmPath, max_hops: int) -> str:
    """Why the path breaks a limit, or is longer than the shortest way in (``WarmPath.reasons``); ``""`` when neither.

    ``max_hops`` is the limit the path was asked to keep.
    """
    words = {
        "passes_opponent": lambda: t("chain.path.why.passes_opponent"),
        "over_limit": lambda: tn(
            "chain.path.why.over_limit", "chain.path.why.over_limit.plural", max_hops, limit=max_hops, hops=path.hops
        ),
        "around_opponents": lambda: tn(
            "chain.path.why.around_opponents",
            "chain.path.why.around_opponents.plural",
            max_hops,
            limit=max_hops,
            hops=path.hops,
        ),
        "shorter_passes_opponent": lambda: tn(
            "chain.path.why.shorter_passes_opponent",
            "chain.path.why.shorter_passes_opponent.plural",
            path.shortest_hops,
            shortest=path.shortest_hops,
        ),
    }
    return ("" if language() == "zh" else " ").join(words[code]() for code in path.reasons)


def value_text(field: str, value: object) -> str:
    """A stored value as a reader wants it: enum words translated, amounts as money, ``1.0`` as ``1``, lists listed."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list | tuple):
        return listing(value_text(field, item) for item in value)
    if field in _MONEY_FIELDS and isinstance(value, int | float):
        return money(float(value))
    if field in _SHARE_FIELDS and isinstance(value, int | float):
        return share(float(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(enum_label(value))


def _field(name: str) -> str:
    key = f"field.{name}" if known(f"field.{name}") else f"col.{name}"
    return t(key) if known(key) else name


def _named(item: TimelineItem, field: str, value: object, names: Mapping[str, str]) -> object:
    """``value`` with the ids it holds replaced by the names ``names`` (by node key) knows."""
    label = item.subject.split(":", 1)[0] if field == "parent_id" else _REFERS_TO.get(field)
    if label is None or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_name_of(f"{label}:{one}", names) for one in value]
    return _name_of(f"{label}:{value}", names)


def change_text(item: TimelineItem, names: Mapping[str, str] | None = None) -> str:
    """``stance: unknown → supporter; title: — → 处长`` (only the properties that changed), in the language.

    ``names`` (node key → name) turns the ids a change holds, a manager's or a department's, into names.
    """
    known = names or {}

    def shown(field: str, value: object) -> str:
        return value_text(field, _named(item, field, value, known))

    if item.what == "created" and not item.before:
        fields = sorted(k for k in item.after if k not in _INTERNAL_FIELDS and item.after[k] is not None)
        return "; ".join(f"{_field(k)}: {shown(k, item.after[k])}" for k in fields)
    changed = sorted((set(item.before) | set(item.after)) - _INTERNAL_FIELDS)
    return "; ".join(f"{_field(k)}: {shown(k, item.before.get(k))} → {shown(k, item.after.get(k))}" for k in changed)


def record_text(item: TimelineItem, names: Mapping[str, str]) -> str:
    """The record a change touched: a name, or ``张伟 —汇报给→ 王芳`` for a relationship."""
    subject = _name_of(item.subject, names)
    if item.other is None:
        return subject
    kind = item.entity.split("-", 2)[1]
    word = t(f"rel.{kind}") if known(f"rel.{kind}") else kind
    return f"{subject} —{word}→ {_name_of(item.other, names)}"


def action_text(action: Action) -> str:
    """What the change was done as (``edit_contact``, ``import_file`` of ``contacts.csv``), in the language.

    Every code kagraph writes has its words in the catalogs, with its parameters
    (the file, the rep) filled in; anything a script wrote stays as written.
    """
    if action.code is ActionCode.OTHER:
        return action.params.get("text", "")
    return t(f"action.{action.code.value}", **action.params)
