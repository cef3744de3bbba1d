"""The onboarding digest in the chosen language: reasons, threats and the downloadable document.

The analysis (``graph.analysis.onboarding_digest``) keeps an English sentence per
reason for the command line and the facts behind it; the page and the
downloads compose theirs here, from those facts, so the table on screen and
the file a new owner prints say the same thing in the same language.
"""

from __future__ import annotations

from graph.analysis.onboarding_digest import FirstMeeting, OnboardingDigest, StaleContact, Threat
from graph.render.digest import DigestDocument, DigestSection
from graph.render.numbers import date_text, influence_points, money, score
from ui.i18n import enum_label, language, t, tn
from ui.phrases import listing, roles_text

__all__ = ["digest_document", "meeting_reason", "stale_reason", "threat_text"]


def meeting_reason(meeting: FirstMeeting) -> str:
    """Why to meet this person first, from the facts the digest recorded."""
    if meeting.why == "unknown_decider":
        return t("onboarding.why.unknown_decider", role=enum_label(meeting.role))
    if meeting.why == "carry_over":
        return t("onboarding.why.carry_over", rep=meeting.rep_name, strength=score(meeting.strength))
    if meeting.why == "on_deal":
        return t("onboarding.why.on_deal", role=enum_label(meeting.role), deal=meeting.deal_name)
    if meeting.why == "ally":
        return t("onboarding.why.ally")
    return t("onboarding.why.influential", influence=score(influence_points(meeting.influence)))


def stale_reason(stale: StaleContact) -> str:
    return t(f"onboarding.stale.{stale.kind}", day=stale.since or "")


def threat_text(threat: Threat) -> str:
    if threat.kind == "competitor_tie":
        return t("onboarding.threat.tie", name=threat.contact_name or "", strength=threat.strength or 0)
    return t(
        "onboarding.threat.install",
        category=threat.category or "",
        product=threat.product or "",
        since=threat.since or "?",
    )


def _left(left: bool) -> str:
    return t("onboarding.left_mark") if left else ""


def digest_document(digest: OnboardingDigest, names: dict[str, str]) -> DigestDocument:
    """The digest as a document in the chosen language; ``names`` maps company ids to names."""

    def name(company_id: str | None) -> str:
        return names.get(company_id or "", company_id or "")

    def columns(*keys: str) -> list[str]:
        return [t(f"col.{k}") for k in keys]

    sections = [
        DigestSection(
            heading=t("onboarding.first_meetings"),
            columns=columns("person", "title", "why_first"),
            rows=[[m.name, m.title or "", meeting_reason(m)] for m in digest.first_meetings],
        ),
        DigestSection(
            heading=t("onboarding.key_people"),
            columns=columns("person", "title", "company", "influence", "buying_role", "stance", "known_by_reps", "you"),
            rows=[
                [
                    p.name,
                    p.title or "",
                    name(p.company_id),
                    score(influence_points(p.influence)),
                    str(enum_label(p.buying_role)),
                    str(enum_label(p.stance)),
                    listing(f"{a.rep_name} {score(a.strength)}{_left(a.rep_left)}" for a in p.known_by)
                    or t("onboarding.nobody"),
                    score(p.new_owner_strength),
                ]
                for p in digest.key_people
            ],
        ),
        DigestSection(
            heading=t("onboarding.handover"),
            columns=columns("from_rep", "contact", "title", "score", "last_touch", "importance", "you"),
            rows=[
                [
                    f"{h.rep_name}{_left(h.rep_left)}",
                    h.contact_name,
                    h.title or "",
                    score(h.strength),
                    tn(
                        "onboarding.days_ago",
                        "onboarding.days_ago.plural",
                        h.days_since_last_touch,
                        days=h.days_since_last_touch,
                    )
                    if h.days_since_last_touch is not None
                    else t("onboarding.never"),
                    score(h.importance * 100),
                    score(h.new_owner_strength),
                ]
                for h in digest.handover
            ],
        ),
        DigestSection(
            heading=t("onboarding.opportunities"),
            columns=columns("name", "stage", "amount", "close_date", "missing_roles", "uncovered"),
            rows=[
                [
                    o.name,
                    str(enum_label(o.stage)),
                    money(o.amount),
                    date_text(o.close_date),
                    roles_text(o.missing_roles) or t("onboarding.none"),
                    str(len(o.uncovered_decision_makers)),
                ]
                for o in digest.open_opportunities
            ],
        ),
        DigestSection(
            heading=t("onboarding.threats"),
            columns=columns("competitor", "company", "detail"),
            rows=[[th.competitor, name(th.company_id), threat_text(th)] for th in digest.threats],
        ),
        DigestSection(
            heading=t("onboarding.stale"),
            columns=columns("person", "reason"),
            rows=[[s.name, stale_reason(s)] for s in digest.stale],
        ),
    ]
    title = t(
        "onboarding.digest_title",
        accounts=listing(name(c) for c in digest.company_ids),
        owner=digest.new_owner_name,
        day=date_text(digest.as_of),
    )
    meta = t("onboarding.previous", names=listing(digest.previous_owner_names)) if digest.previous_owners else None
    return DigestDocument(
        language=language(),
        title=title,
        meta=meta,
        sections=sections,
        empty=t("onboarding.nothing"),
        print_label=t("onboarding.print"),
        print_hint=t("onboarding.print.hint"),
    )
