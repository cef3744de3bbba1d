"""The demo's shared state: one seeded random source, the records so far, and who sits where.

Every generator (``demo_companies``, ``demo_team``, ``demo_market``, ``demo_deals``) appends to one
``DemoBuilder`` in a fixed order, so the same seed always draws the same numbers and the data set is
identical run after run. Names come from fixed pools and are never reused; touches are written here
because both the team's relationships and the deals log them.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from graph.domain.fields import Record
from graph.domain.model import Contact, Influence, Touch

__all__ = ["DemoBuilder", "add_touches"]

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
class DemoBuilder:
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


def add_touches(b: DemoBuilder, rep: str, contact: str, *, old: bool, opportunity: str | None = None) -> None:
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
