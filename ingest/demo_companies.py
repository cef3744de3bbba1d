"""The demo's customers: companies and their branches, departments, people, reporting lines and influence.

Three accounts of different shape: 华东电网集团 (an HQ in 杭州, nine branches, one of them with a branch of
its own), Northwind Logistics (an English-speaking HQ and three branches/subsidiaries) and 苏州精工 (one
company). Each site gets the same department tree and a reporting tree of five levels, with a few dotted
lines, informal influence towards seniors, and ties across branches.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

from graph.domain.model import Company, Contact, OrgUnit
from ingest.demo_builder import DemoBuilder
from ingest.demo_ids import CHINESE_GROUP_ID, ENGLISH_GROUP_ID, SINGLE_COMPANY_ID

__all__ = ["add_companies"]

_TOP_TITLE = {True: "总经理", False: "Managing Director"}
_DEPUTY_TITLES = {
    True: ("副总经理", "总工程师", "总会计师"),
    False: ("Chief Financial Officer", "Chief Information Officer", "Chief Operating Officer"),
}
_DEPUTY_ROLES = ("decision_maker", "influencer", "decision_maker")


@dataclass(frozen=True)
class _Site:
    """One company to generate: where it sits in its group, and how many of its people the demo names."""

    id: str
    name: str
    city: str
    people: int
    kind: str = "branch"
    parent: str | None = None
    employees: int = 800


def _stance(rng: random.Random) -> str:
    return rng.choices(("unknown", "neutral", "supporter", "opponent"), weights=(40, 35, 16, 9))[0]


def _company_people(b: DemoBuilder, site: _Site, chinese: bool, domain: str) -> list[Contact]:
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


def add_companies(b: DemoBuilder) -> None:
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
