"""The demo's deals and claims: opportunities at every stage with their buying roles, and the claims (报备).

The claims are dated so that every part of the claims desk has something to show on ``DEMO_TODAY``: a
live claim, one lapsed into the pool, and a collision (撞单) waiting for a manager.
"""

from __future__ import annotations

import datetime as dt

from graph.domain.claim_records import Claim
from graph.domain.model import Opportunity, OpportunityRole, Touch
from ingest.demo_builder import DemoBuilder, add_touches
from ingest.demo_ids import CHINESE_GROUP_ID, COLLISION_COMPANY_ID, ENGLISH_GROUP_ID, SINGLE_COMPANY_ID

__all__ = ["add_claims", "add_deals"]

_OPPORTUNITIES = (  # id, company, name, product, stage, amount, owner, close in days, roles filled
    (
        "opp-hd-hq-sec",
        CHINESE_GROUP_ID,
        "集团网络安全统一采购",
        "安全网关 SG-3000",
        "needs_analysis",
        9_800_000,
        "rep-wang",
        150,
        ("economic_buyer", "technical_evaluator", "user"),
    ),
    (
        "opp-hd-nb-backup",
        "co-hd-nb",
        "宁波数据备份扩容",
        "数据备份一体机",
        "bid",
        680_000,
        "rep-li",
        40,
        ("economic_buyer", "technical_evaluator", "user", "champion"),
    ),
    (
        "opp-hd-jx-sec",
        "co-hd-jx",
        "嘉兴安全网关试点",
        "安全网关 SG-3000",
        "validate",
        450_000,
        "rep-zhao",
        120,
        ("technical_evaluator", "user"),
    ),
    (
        "opp-hd-hz-sec",
        "co-hd-hz",
        "杭州安全网关",
        "安全网关 SG-3000",
        "won",
        1_280_000,
        "rep-li",
        -240,
        ("economic_buyer", "technical_evaluator", "user", "champion"),
    ),
    (
        "opp-hd-wz-sec",
        "co-hd-wz",
        "温州安全网关",
        "安全网关 SG-3000",
        "lost",
        990_000,
        "rep-li",
        -195,
        ("economic_buyer", "technical_evaluator"),
    ),
    (
        "opp-nw-sg-sdwan",
        ENGLISH_GROUP_ID,
        "SD-WAN phase 2",
        "SD-WAN Enterprise",
        "negotiate",
        380_000,
        "rep-emma",
        30,
        ("economic_buyer", "technical_evaluator", "user", "champion"),
    ),
    (
        "opp-nw-hk-backup",
        "co-nw-hk",
        "Backup replacement",
        "Backup Appliance",
        "value_presentation",
        150_000,
        "rep-emma",
        90,
        ("technical_evaluator", "user"),
    ),
    (
        "opp-sj-backup",
        SINGLE_COMPANY_ID,
        "备份系统替换",
        "数据备份一体机",
        "approve",
        300_000,
        "rep-sun",
        75,
        ("economic_buyer", "technical_evaluator", "user"),
    ),
)
_ROLE_SEAT = {"economic_buyer": 0, "technical_evaluator": 7, "user": -1, "champion": 9}
"""Which contact of the company plays each role: index into its people list."""


_STAGE_AGE = {"opp-sj-backup": 12, "opp-nw-hk-backup": 20, "opp-hd-hq-sec": 40}
"""Days since these deals entered their stage: the stage changes that renew (or do not renew) the demo's claims."""


def add_deals(b: DemoBuilder) -> None:
    for oid, company, name, product, stage, amount, owner, close, roles in _OPPORTUNITIES:
        b.records.append(
            Opportunity(
                id=oid,
                company_id=company,
                name=name,
                product=product,
                stage=stage,
                amount=float(amount),
                owner_id=owner,
                close_date=b.today + dt.timedelta(days=close),
                stage_since=b.today - dt.timedelta(days=_STAGE_AGE[oid]) if oid in _STAGE_AGE else None,
            )
        )
        for role in roles:
            player = b.contacts[company][_ROLE_SEAT[role]]
            b.records.append(OpportunityRole(opportunity_id=oid, contact_id=player.id, role=role))
        if stage not in ("won", "lost"):
            add_touches(b, owner, b.contacts[company][7].id, old=owner == "rep-zhao", opportunity=oid)


def add_claims(b: DemoBuilder) -> None:
    """Claims that put every part of the claims desk on show on the demo day.

    The Chinese group: live, its last day three days out. Northwind: renewed
    once by a stage change, then lapsed into the pool five days ago. 苏洁科技:
    renewed by its deal's stage change and collided with by a partner's visit,
    a dispute waiting for a manager.
    """
    claims = (
        (CHINESE_GROUP_ID, "rep-wang", "direct", -10),
        (ENGLISH_GROUP_ID, "rep-emma", "direct", -27),
        (COLLISION_COMPANY_ID, "rep-sun", "telesales", -22),
    )
    for company, rep, channel, days in claims:
        claimed_on = b.today + dt.timedelta(days=days)
        b.records.append(Claim(company_id=company, rep_id=rep, channel=channel, claimed_on=claimed_on))
    cio = b.contacts[COLLISION_COMPANY_ID][2]
    b.records.append(
        Touch(
            date=b.today - dt.timedelta(days=12),
            rep_id="rep-chen",
            contact_id=cio.id,
            kind="visit",
            note="渠道伙伴上门介绍备份方案",
        )
    )
