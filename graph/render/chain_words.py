"""The reader's words on the decision-chain map: model values in their language, tooltips, card badges.

Kept apart from the styling so that what a card *says* can be read (and translated) in one place.
Every word comes from ``text``, the page's translations; tooltips are plain strings, which vis-network
shows as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["badge", "contact_tooltip", "enum_label"]


def enum_label(text: Mapping[str, str], value: object) -> str:
    """A model value (``economic_buyer``) in the reader's language; data values (``AE``) as they are."""
    return text.get(f"enum.{value}", str(value))


def contact_tooltip(
    data: Mapping[str, Any], role: str, influence: float, best: tuple[str, float] | None, text: Mapping[str, str]
) -> str:
    """A contact's hover text, one fact a line: name, title, role, stance, influence, level, our best tie."""
    lines = [
        str(data.get("name", "")),
        str(data.get("title") or ""),
        text["map.tip.role"].format(role=enum_label(text, role)),
        text["map.tip.stance"].format(stance=enum_label(text, data.get("stance", "unknown"))),
        text["map.tip.influence"].format(score=round(100 * influence)),
    ]
    if data.get("level"):
        lines.append(text["map.tip.level"].format(level=data["level"]))
    if best:
        lines.append(text["map.tip.best"].format(rep=best[0], score=round(best[1])))
    else:
        lines.append(text["map.no_tie"])
    if data.get("status") == "left":
        lines.append(text["enum.left"])
    return "\n".join(line for line in lines if line)


def badge(role: str, left: bool, in_deal: bool, text: Mapping[str, str]) -> str:
    """The badge's words: "has left" first; a role only where it is known and, with a deal, played in it."""
    if left:
        return text["enum.left"]
    return text.get(f"map.role.{role}", enum_label(text, role)) if in_deal and role != "unknown" else ""
