"""The access log as a hash chain: every record names the hash of the one before it, so a deletion shows.

Each access record (``ChangeSource.ACCESS``: a view, a download) is stored
with a sequence number ``seq`` (1, 2, 3 …), the ``prev`` hash of the record
before it and its own ``hash`` over everything it says and those two. Taking
a record out leaves a gap in ``seq`` and a ``prev`` that matches nothing;
changing one changes its hash. ``verify_chain`` walks the chain and names the
first broken link. What no chain can show by itself is the newest records
taken off the end: ``ChainReport.head`` is the hash to keep elsewhere (a
ticket, a mail) and compare later. Records from before the chain have no
``seq`` and are counted apart.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel

__all__ = ["GENESIS", "ChainBreak", "ChainReport", "link_hash", "verify_chain"]

GENESIS = "0" * 64
"""The ``prev`` of the first record."""
_HASHED = ("id", "at", "stamp", "who", "source", "action", "action_params", "why", "entries")


def link_hash(row: Mapping[str, Any], seq: int, prev: str) -> str:
    """The hash of one record (``Change.to_row``) at place ``seq`` after the record hashed ``prev``.

    >>> row = {"id": "a", "at": "t", "stamp": 1, "who": "w", "action": "x", "why": "", "entries": "[]"}
    >>> link_hash(row, 1, GENESIS) == link_hash(dict(row), 1, GENESIS) != link_hash(row | {"who": "v"}, 1, GENESIS)
    True
    """
    fields = {key: row.get(key) for key in _HASHED} | {"seq": seq, "prev": prev}
    text = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


class ChainBreak(BaseModel):
    seq: int
    """Where the chain breaks: the first record that does not follow from the one before it."""
    change_id: str
    reason: str
    """``missing`` (records before it were taken out), ``relinked`` (its ``prev`` is not the hash of the record
    before it) or ``altered`` (what it says is not what was hashed)."""


class ChainReport(BaseModel):
    ok: bool
    records: int
    """Records that follow from the one before them: all of the chain's when ``ok``, else those before the break."""
    head: str
    """The newest record's hash (``GENESIS`` with none): kept elsewhere, it also shows records taken off the end."""
    first_break: ChainBreak | None = None
    unchained: int = 0
    """Access records from before the chain (no ``seq``)."""


def verify_chain(rows: Iterable[Mapping[str, Any]], unchained: int = 0) -> ChainReport:
    """Walk the chained records, in ``seq`` order, and report the first one that does not follow.

    >>> row = {"id": "a", "at": "t", "stamp": 1, "who": "w", "action": "x", "why": "", "entries": "[]"}
    >>> first = row | {"seq": 1, "prev": GENESIS, "hash": link_hash(row, 1, GENESIS)}
    >>> second = row | {"id": "b", "seq": 2, "prev": first["hash"]}
    >>> second["hash"] = link_hash(second, 2, first["hash"])
    >>> verify_chain([first, second]).ok, verify_chain([second]).first_break.reason
    (True, 'missing')
    """
    previous, count = GENESIS, 0
    for row in rows:
        seq, prev = int(row["seq"]), str(row.get("prev"))
        reason = (
            "missing"
            if seq != count + 1
            else "relinked"
            if prev != previous
            else "altered"
            if link_hash(row, seq, prev) != row.get("hash")
            else None
        )
        if reason is not None:
            broken = ChainBreak(seq=seq, change_id=str(row["id"]), reason=reason)
            return ChainReport(ok=False, records=count, head=previous, first_break=broken, unchained=unchained)
        previous, count = str(row["hash"]), seq
    return ChainReport(ok=True, records=count, head=previous, unchained=unchained)
