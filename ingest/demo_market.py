"""The demo's market: two competitors, what each customer bought from whom, and whom the competitors know.

Seed 003's case lives here: 杭州分公司 bought 网络安全 from us, and within about ten weeks three other
branches bought the same category from competitors.
"""

from __future__ import annotations

import datetime as dt

from graph.domain.model import US_VENDOR_ID, Competitor, CompetitorRelationship, Purchase
from ingest.demo_builder import DemoBuilder
from ingest.demo_ids import APEX, CHINESE_GROUP_ID, DINGXIN, ENGLISH_GROUP_ID, SINGLE_COMPANY_ID

__all__ = ["add_market"]


def add_market(b: DemoBuilder) -> None:
    b.records += [Competitor(id=DINGXIN, name="鼎信科技"), Competitor(id=APEX, name="Apex Systems")]
    purchases = (
        ("co-hd-hz", "安全网关 SG-3000", "网络安全", US_VENDOR_ID, "2026-03-10", 1_280_000),
        ("co-hd-nb", "鼎信下一代防火墙", "网络安全", DINGXIN, "2026-04-02", 1_150_000),
        ("co-hd-wz", "Apex SecureEdge", "网络安全", APEX, "2026-04-21", 990_000),
        ("co-hd-sx", "鼎信下一代防火墙", "网络安全", DINGXIN, "2026-05-15", 870_000),
        ("co-hd-jh", "Apex SecureEdge", "网络安全", APEX, "2025-06-30", 640_000),
        (CHINESE_GROUP_ID, "SD-WAN 企业版", "网络", US_VENDOR_ID, "2024-09-01", 3_600_000),
        ("co-hd-nb", "数据备份一体机", "数据备份", APEX, "2024-11-20", 420_000),
        ("co-hd-tz", "数据备份一体机", "数据备份", US_VENDOR_ID, "2025-08-12", 460_000),
        (ENGLISH_GROUP_ID, "SD-WAN Enterprise", "Network", US_VENDOR_ID, "2025-02-01", 520_000),
        ("co-nw-hk", "Backup Appliance", "Backup", APEX, "2025-10-15", 180_000),
        (SINGLE_COMPANY_ID, "数据备份一体机", "数据备份", DINGXIN, "2025-12-01", 260_000),
    )
    for company, product, category, vendor, since, amount in purchases:
        b.records.append(
            Purchase(
                company_id=company,
                product=product,
                category=category,
                vendor=vendor,
                since=dt.date.fromisoformat(since),
                amount=float(amount),
            )
        )
    for company in (CHINESE_GROUP_ID, "co-hd-nb", "co-hd-wz", "co-hd-sx", "co-nw-hk", SINGLE_COMPANY_ID):
        for person in b.rng.sample(b.contacts[company][:12], 3):
            competitor = APEX if company.startswith("co-nw") else b.rng.choice((DINGXIN, APEX))
            b.records.append(
                CompetitorRelationship(competitor_id=competitor, contact_id=person.id, strength=b.rng.randint(2, 5))
            )
