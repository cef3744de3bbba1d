"""Who a sign-in is: the rule that turns an OpenID Connect token's claims into one address, or into nobody.

Pure (no Streamlit): ``ui.cached_store`` hands it ``st.user`` and the access
file's lines; what it answers is what the history records as who, and what
``graph.domain.access.resolve_viewer`` maps to a rep and a role.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.domain.access import AccessEntry

__all__ = ["signed_in_as"]


def _verified(claims: Mapping[str, Any]) -> bool:
    """Whether the provider vouches for the e-mail: ``email_verified`` is true (JSON ``true``, or ``"true"``).

    An absent claim means the provider asserts nothing (OpenID Connect Core
    5.1), and an unverified address is one anyone may type into their
    profile: both are refused.
    """
    verified = claims.get("email_verified")
    return verified is True or (isinstance(verified, str) and verified.strip().casefold() == "true")


def signed_in_as(claims: Mapping[str, Any], access: Mapping[str, AccessEntry]) -> str | None:
    """The address a sign-in's claims identify, or ``None``: then nobody, and the page says so.

    A person is identified by the provider's stable subject (``sub``) where
    an access file line names it (the line's address is then who they are,
    whatever e-mail the token carries), else by an e-mail the provider marks
    verified, unless that address's line is bound to another subject. Never by
    the display ``name``, which the person types themselves.

    >>> from graph.domain.access import Role
    >>> lines = {"ops@x.com": AccessEntry(role=Role.OPS, sub="s-1")}
    >>> signed_in_as({"sub": "s-1", "email": "me@home.org"}, lines)
    'ops@x.com'
    >>> signed_in_as({"sub": "s-2", "email": "ops@x.com", "email_verified": True}, lines) is None
    True
    >>> signed_in_as({"sub": "s-3", "email": "li@x.com", "email_verified": True}, lines)
    'li@x.com'
    >>> signed_in_as({"sub": "s-4", "name": "ops@x.com"}, lines) is None
    True
    """
    subject = str(claims.get("sub") or "").strip()
    if subject:
        bound = next((a for a, e in access.items() if e.sub and e.sub.strip() == subject), None)
        if bound is not None:
            return bound.strip()
    email = claims.get("email")
    if not isinstance(email, str) or not email.strip() or not _verified(claims):
        return None
    address = email.strip().casefold()
    line = next((e for a, e in access.items() if a.strip().casefold() == address), None)
    if line is not None and line.sub:
        return None
    return email.strip()
