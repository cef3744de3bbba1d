"""A deterministic, realistic demo data set: three customers, our team, 18 months of work.

Seeded, so every run writes the same records (ids, names, dates). Contents:

- 华东电网集团 (tier 1): HQ in 杭州 and nine branches with their own purchasing, one of
  them (萧山供电所) a level below 杭州分公司; nested departments; 300+ contacts with
  reporting lines, dotted lines and informal influence, across branches too.
- Northwind Logistics (tier 2): HQ in Singapore and three branches/subsidiaries.
- 苏州精工机械股份有限公司 (tier 3): one mid-size company.
- 16 reps over direct, telesales and partner channels; one account manager has left
  (``rep-zhao``), his relationships and touches are still here.
- Seed 003's case: 杭州分公司 bought 网络安全 from us; within ~10 weeks three other
  branches bought the same category from competitors.
- Claims, with one collision (撞单): ``rep-sun`` (telesales) claimed 苏州精工
  (``COLLISION_COMPANY_ID``) on 2026-10-10; ``rep-chen`` (partner channel) visited its
  总工程师 (who runs IT) on 2026-10-20.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field

from graph.domain.claim_records import Claim
from graph.domain.fields import Record
from graph.domain.model import (
    US_VENDOR_ID,
    Company,
    Competitor,
    CompetitorRelationship,
    Contact,
    Influence,
    Opportunity,
    OpportunityRole,
    OrgUnit,
    Purchase,
    Relationship,
    Rep,
    Touch,
)
from ingest.validate import competitor_id

__all__ = [
    "CHINESE_GROUP_ID",
    "COLLISION_COMPANY_ID",
    "DEMO_TODAY",
    "ENGLISH_GROUP_ID",
    "SINGLE_COMPANY_ID",
    "demo_records",
]

DEMO_TODAY = dt.date(2026, 11, 1)
CHINESE_GROUP_ID = "co-hd-hq"
ENGLISH_GROUP_ID = "co-nw-hq"
SINGLE_COMPANY_ID = "co-sj"
COLLISION_COMPANY_ID = SINGLE_COMPANY_ID
DINGXIN = competitor_id("鼎信科技")
APEX = competitor_id("Apex Systems")
"""Competitor ids as an import would derive them from the names, so an export re-imports unchanged."""

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
)
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宇浩然思远晨阳文博欣怡泽佳琪俊雅婷凯峰斌健"
_FIRST = [
    "James",
    "Olivia",
    "Wei",
    "Mei",
    "Daniel",
    "Grace",
    "Ethan",
    "Chloe",
    "Ryan",
    "Hannah",
    "Marcus",
    "Priya",
    "Arjun",
    "Siti",
    "Ahmad",
    "Lucas",
    "Emily",
    "Nathan",
    "Sophie",
    "Kevin",
    "Rachel",
    "Jason",
    "Vivian",
    "Adrian",
    "Irene",
    "Derek",
    "Fiona",
    "Kenneth",
    "Jasmine",
    "Victor",
]
_LAST = [
    "Tan",
    "Lim",
    "Ng",
    "Wong",
    "Lee",
    "Chan",
    "Goh",
    "Ong",
    "Smith",
    "Brown",
    "Taylor",
    "Kumar",
    "Singh",
    "Rahman",
    "Cheng",
    "Ho",
    "Lau",
    "Yeo",
    "Teo",
    "Koh",
]
_TOP_TITLE = {True: "总经理", False: "Managing Director"}
_DEPUTY_TITLES = {
    True: ("副总经理", "总工程师", "总会计师"),
    False: ("Chief Financial Officer", "Chief Information Officer", "Chief Operating Officer"),
}
_DEPUTY_ROLES = ("decision_maker", "influencer", "decision_maker")
_NOTES = (
    "例行拜访",
    "方案交流",
    "技术演示",
    "商务沟通",
    "需求调研",
    "quarterly review",
    "POC follow-up",
    "pricing call",
)


@dataclass
class _Builder:
    """Accumulates records and the facts later steps need (who sits where)."""

    rng: random.Random
    today: dt.date
    records: list[Record] = field(default_factory=list)
    contacts: dict[str, list[Contact]] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    influence: set[tuple[str, str, str]] = field(default_factory=set)

    def days_ago(self, low: int, high: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def chinese_name(self) -> str:
        for _ in range(1000):
            name = self.rng.choice(_SURNAMES) + "".join(self.rng.choices(_GIVEN, k=self.rng.choice((1, 2, 2))))
            if name not in self.names:
                self.names.add(name)
                return name
        raise RuntimeError("name pool exhausted")

    def english_name(self) -> str:
        for _ in range(1000):
            name = f"{self.rng.choice(_FIRST)} {self.rng.choice(_LAST)}"
            if name not in self.names:
                self.names.add(name)
                return name
        raise RuntimeError("name pool exhausted")

    def influences(self, source: str, target: str, kind: str, weight: float) -> None:
        if source != target and (source, target, kind) not in self.influence:
            self.influence.add((source, target, kind))
            self.records.append(Influence(from_id=source, to_id=target, kind=kind, weight=round(weight, 2)))


@dataclass(frozen=True)
class _Site:
    id: str
    name: str
    city: str
    people: int
    kind: str = "branch"
    parent: str | None = None
    employees: int = 800


def _stance(rng: random.Random) -> str:
    return rng.choices(("unknown", "neutral", "supporter", "opponent"), weights=(40, 35, 16, 9))[0]


def _company_people(b: _Builder, site: _Site, chinese: bool, domain: str) -> list[Contact]:
    """Departments and a reporting tree: top (1), deputies (2), heads (3), section heads (4), staff (5)."""
    rng, prefix = b.rng, site.id.removeprefix("co-")
    units = (
        ("office", "办公室", "Office"),
        ("finance", "财务部", "Finance"),
        ("purchasing", "采购部", "Procurement"),
        ("it", "信息中心", "IT"),
        ("ops", "运维部", "Operations"),
    )
    for key, zh, en in units:
        b.records.append(OrgUnit(id=f"ou-{prefix}-{key}", company_id=site.id, name=zh if chinese else en))
    sections = (("sec", "网络安全处", "Cyber Security"), ("infra", "基础设施处", "Infrastructure"))
    for key, zh, en in sections:
        b.records.append(
            OrgUnit(
                id=f"ou-{prefix}-{key}", company_id=site.id, name=zh if chinese else en, parent_id=f"ou-{prefix}-it"
            )
        )
    name = b.chinese_name if chinese else b.english_name
    people: list[Contact] = []

    def add(level: int, title: str, unit: str | None, managers: tuple[str, ...], role: str = "unknown") -> Contact:
        number = len(people) + 1
        cid = f"ct-{prefix}-{number:03d}"
        verified = None if rng.random() < 0.15 else b.days_ago(5, 700)
        person = Contact(
            id=cid,
            name=name(),
            company_id=site.id,
            unit_id=unit,
            title=title,
            level=level,
            reports_to=managers,
            phone=f"1{rng.choice('358')}{rng.randint(0, 999_999_999):09d}",
            email=f"{cid.removeprefix('ct-')}@{domain}",
            buying_role=role,
            stance=_stance(rng),
            status="left" if rng.random() < 0.03 else "active",
            last_verified=verified,
        )
        people.append(person)
        return person

    top = add(1, _TOP_TITLE[chinese], None, (), "economic_buyer")
    deputies = [add(2, t, None, (top.id,), r) for t, r in zip(_DEPUTY_TITLES[chinese], _DEPUTY_ROLES, strict=True)]
    heads: dict[str, Contact] = {}
    for (key, zh, en), roles in zip(
        units, ("gatekeeper", "influencer", "gatekeeper", "technical_evaluator", "user"), strict=True
    ):
        title = f"{zh}主任" if chinese else f"Head of {en}"
        heads[key] = add(3, title, f"ou-{prefix}-{key}", (rng.choice(deputies).id,), roles)
    for key, zh, en in sections:
        heads[key] = add(4, f"{zh}处长" if chinese else f"{en} Lead", f"ou-{prefix}-{key}", (heads["it"].id,))
    staff_titles = (
        ("工程师", "高级工程师", "专员", "主管") if chinese else ("Engineer", "Analyst", "Specialist", "Officer")
    )
    while len(people) < site.people:
        unit = rng.choice(list(heads))
        managers: tuple[str, ...] = (heads[unit].id,)
        if rng.random() < 0.05:
            managers += (rng.choice([h.id for k, h in heads.items() if k != unit]),)  # dotted line
        role = rng.choices(("unknown", "user", "champion", "blocker"), weights=(70, 22, 5, 3))[0]
        add(5, rng.choice(staff_titles), f"ou-{prefix}-{unit}", managers, role)
    b.records.extend(people)
    b.contacts[site.id] = people
    for person in people[4:]:
        if rng.random() < 0.3:
            senior = rng.choice([p for p in people if (p.level or 5) < (person.level or 5)])
            kind = rng.choices(("advice", "informal", "friend", "other"), weights=(5, 3, 2, 1))[0]
            b.influences(person.id, senior.id, kind, rng.uniform(0.2, 0.9))
    b.influences(heads["office"].id, top.id, "informal", 0.9)  # the boss's ear
    return people


def _companies(b: _Builder) -> None:
    cities = (
        ("hz", "杭州"),
        ("nb", "宁波"),
        ("wz", "温州"),
        ("sx", "绍兴"),
        ("jx", "嘉兴"),
        ("huz", "湖州"),
        ("jh", "金华"),
        ("tz", "台州"),
        ("ls", "丽水"),
    )
    chinese = [_Site(CHINESE_GROUP_ID, "华东电网集团有限公司", "杭州", 60, "hq", employees=42000)]
    chinese += [
        _Site(f"co-hd-{code}", f"华东电网{city}供电分公司", city, 27, parent=CHINESE_GROUP_ID, employees=2500 + 300 * i)
        for i, (code, city) in enumerate(cities)
    ]
    chinese.append(_Site("co-hd-xs", "华东电网杭州萧山供电所", "杭州", 12, parent="co-hd-hz", employees=600))
    english = [_Site(ENGLISH_GROUP_ID, "Northwind Logistics Ltd.", "Singapore", 30, "hq", employees=6800)]
    english += [
        _Site(f"co-nw-{code}", name, city, 15, kind, ENGLISH_GROUP_ID, employees=900)
        for code, name, city, kind in (
            ("hk", "Northwind Logistics (Hong Kong) Ltd.", "Hong Kong", "branch"),
            ("syd", "Northwind Logistics Australia Pty Ltd", "Sydney", "subsidiary"),
            ("kl", "Northwind Logistics Malaysia Sdn Bhd", "Kuala Lumpur", "branch"),
        )
    ]
    single = [_Site(SINGLE_COMPANY_ID, "苏州精工机械股份有限公司", "苏州", 40, "hq", employees=1200)]
    for sites, chinese_names, tier, industry, domain in (
        (chinese, True, 1, "电力", "hdgrid.example.cn"),
        (english, False, 2, "Logistics", "northwind.example.com"),
        (single, True, 3, "机械制造", "sjjg.example.cn"),
    ):
        for site in sites:
            b.records.append(
                Company(
                    id=site.id,
                    name=site.name,
                    kind=site.kind,
                    parent_id=site.parent,
                    city=site.city,
                    industry=industry,
                    tier=tier,
                    employees=site.employees,
                )
            )
            _company_people(b, site, chinese_names, domain)
    it_heads = [b.contacts[s.id][7] for s in chinese[1:]]
    cio = b.contacts[CHINESE_GROUP_ID][2]  # 总工程师: the deputy who runs IT at HQ
    for head in it_heads[:5]:
        b.influences(head.id, cio.id, "advice", b.rng.uniform(0.4, 0.8))
    for first, second in itertools.pairwise(it_heads):
        if b.rng.random() < 0.5:
            b.influences(first.id, second.id, "former_colleague", b.rng.uniform(0.3, 0.7))
    b.influences(b.contacts["co-hd-hz"][1].id, b.contacts[CHINESE_GROUP_ID][1].id, "former_colleague", 0.8)
    b.influences(b.contacts["co-hd-hz"][0].id, b.contacts[CHINESE_GROUP_ID][0].id, "family", 0.7)


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


def _team(b: _Builder) -> None:
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
            _touches(b, rep, person.id, old=left)


def _touches(b: _Builder, rep: str, contact: str, *, old: bool, opportunity: str | None = None) -> None:
    """Touches over the last 18 months; a departed rep's stop ~7 months ago."""
    kinds = ("visit", "call", "meeting", "demo", "message", "email")
    for _ in range(b.rng.randint(3, 20)):
        date = b.days_ago(220, 540) if old else b.days_ago(1, 540)
        b.records.append(
            Touch(
                date=date,
                rep_id=rep,
                contact_id=contact,
                kind=b.rng.choice(kinds),
                opportunity_id=opportunity,
                note=b.rng.choice(_NOTES),
            )
        )


def _market(b: _Builder) -> None:
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


def _deals(b: _Builder) -> None:
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
            _touches(b, owner, b.contacts[company][7].id, old=owner == "rep-zhao", opportunity=oid)


def _claims(b: _Builder) -> None:
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


def demo_records(seed: int = 7, today: dt.date = DEMO_TODAY) -> list[Record]:
    """Every demo record, identical for the same ``seed`` and ``today``.

    >>> records = demo_records()
    >>> sum(isinstance(r, Contact) for r in records) >= 300, records == demo_records()
    (True, True)
    """
    builder = _Builder(rng=random.Random(seed), today=today)
    _companies(builder)
    _team(builder)
    _market(builder)
    _deals(builder)
    _claims(builder)
    return builder.records
