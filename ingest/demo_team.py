"""Our side in the demo: 16 reps over three channels, and who of theirs knows whom at the customers.

One account manager has left (``rep-zhao``): his relationships stay and his touches stop about seven
months ago, so the analyses have a departed owner to report. Coverage differs by company on purpose:
some decision makers nobody on our side knows.
"""

from __future__ import annotations

from graph.domain.model import Relationship, Rep
from ingest.demo_builder import DemoBuilder, add_touches
from ingest.demo_ids import CHINESE_GROUP_ID, ENGLISH_GROUP_ID, SINGLE_COMPANY_ID

__all__ = ["add_team"]

_REPS = (
    ("rep-wang", "王磊", "AM", "direct", "华东大客户部", None),
    ("rep-li", "李娜", "AE", "direct", "华东大客户部", "rep-wang"),
    ("rep-zhou", "周杰", "FAE", "direct", "华东大客户部", "rep-wang"),
    ("rep-xu", "徐静", "solution", "direct", "华东大客户部", "rep-wang"),
    ("rep-he", "何勇", "delivery", "direct", "华东大客户部", "rep-wang"),
    ("rep-zhao", "赵建国", "AM", "direct", "华东大客户部", "rep-wang"),
    ("rep-sun", "孙丽", "SDR", "telesales", "Telesales", "rep-ma"),
    ("rep-ma", "马超", "AE", "telesales", "Telesales", None),
    ("rep-gao", "高鹏", "BDR", "telesales", "Telesales", "rep-ma"),
    ("rep-chen", "陈辉", "AE", "partner", "渠道部", "rep-lin"),
    ("rep-lin", "林芳", "AM", "partner", "渠道部", None),
    ("rep-emma", "Emma Tan", "AE", "direct", "Enterprise APAC", "rep-david"),
    ("rep-david", "David Lim", "AM", "direct", "Enterprise APAC", None),
    ("rep-priya", "Priya Nair", "CSM", "direct", "Enterprise APAC", "rep-david"),
    ("rep-ken", "Ken Wong", "MDR", "telesales", "Enterprise APAC", "rep-david"),
    ("rep-sara", "Sara Goh", "FAE", "direct", "Enterprise APAC", "rep-david"),
)

_COVERAGE = {  # company → reps who work it, and the share of its senior people they know
    CHINESE_GROUP_ID: (("rep-wang", "rep-xu", "rep-zhao"), 0.5),
    "co-hd-hz": (("rep-li", "rep-zhou", "rep-he", "rep-zhao"), 0.8),
    "co-hd-nb": (("rep-li",), 0.3),
    "co-hd-jx": (("rep-zhao",), 0.4),
    "co-hd-ls": (("rep-chen",), 0.3),
    "co-hd-tz": (("rep-li", "rep-zhou"), 0.5),
    "co-hd-sx": (("rep-gao",), 0.2),
    ENGLISH_GROUP_ID: (("rep-emma", "rep-sara", "rep-priya"), 0.6),
    "co-nw-hk": (("rep-emma",), 0.4),
    "co-nw-syd": (("rep-priya", "rep-ken"), 0.4),
    SINGLE_COMPANY_ID: (("rep-sun",), 0.5),
}


def add_team(b: DemoBuilder) -> None:
    for rid, name, role, channel, team, manager in _REPS:
        status = "left" if rid == "rep-zhao" else "active"
        b.records.append(
            Rep(
                id=rid,
                name=name,
                role=role,
                channel=channel,
                team=team,
                manager_id=manager,
                status=status,
                email=f"{rid.removeprefix('rep-')}@example.com",  # their sign-in on a team deployment
            )
        )
    for company, (reps, share) in _COVERAGE.items():
        for person in b.contacts[company]:
            odds = share if (person.level or 5) <= 4 else share / 4
            if b.rng.random() > odds and person.level != 1:
                continue
            if person.level == 1 and company in ("co-hd-nb", "co-hd-jx"):
                continue  # decision makers nobody on our side knows
            rep = b.rng.choice(reps)
            left = rep == "rep-zhao"
            b.records.append(
                Relationship(
                    rep_id=rep,
                    contact_id=person.id,
                    closeness=b.rng.randint(2, 5),
                    solution_acceptance=b.rng.randint(1, 5),
                    price_acceptance=b.rng.randint(1, 5),
                    since=b.days_ago(400, 1500),
                )
            )
            add_touches(b, rep, person.id, old=left)
