"""Company hierarchies from parent ids: which group root each company belongs to.

Shared by the store (group lists without a variable-length match per root)
and the analyses (portfolio, claims), so it depends on nothing but Python.
"""

from __future__ import annotations

__all__ = ["group_roots"]


def group_roots(parents: dict[str, str | None]) -> dict[str, str]:
    """Each company's group root, following parents up (a cycle or a missing parent ends the walk).

    Companies are walked in id order, so a cycle ends at the same company whatever order the rows came in.

    >>> group_roots({"hq": None, "b": "hq", "c": "b", "lone": None})
    {'hq': 'hq', 'b': 'hq', 'c': 'hq', 'lone': 'lone'}
    """
    roots: dict[str, str] = {}
    for company in sorted(parents):
        trail = []
        current = company
        while current not in roots and parents.get(current) and current not in trail:
            trail.append(current)
            current = str(parents[current])
        root = roots.get(current, current)
        for step in (*trail, current):
            roots.setdefault(step, root)
    return {company: roots[company] for company in parents}
