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

The ids and the day tests refer to are in ``demo_ids``; each part of the data set has its generator
module (``demo_companies``, ``demo_team``, ``demo_market``, ``demo_deals``), all drawing from one seeded
``demo_builder.DemoBuilder`` in the order below.
"""

from __future__ import annotations

import datetime as dt
import random

from graph.domain.fields import Record
from ingest.demo_builder import DemoBuilder
from ingest.demo_companies import add_companies
from ingest.demo_deals import add_claims, add_deals
from ingest.demo_ids import DEMO_TODAY
from ingest.demo_market import add_market
from ingest.demo_team import add_team

__all__ = ["demo_records"]


def demo_records(seed: int = 7, today: dt.date = DEMO_TODAY) -> list[Record]:
    """Every demo record, identical for the same ``seed`` and ``today``.

    >>> from graph.domain.model import Contact
    >>> records = demo_records()
    >>> sum(isinstance(r, Contact) for r in records) >= 300, records == demo_records()
    (True, True)
    """
    builder = DemoBuilder(rng=random.Random(seed), today=today)
    add_companies(builder)
    add_team(builder)
    add_market(builder)
    add_deals(builder)
    add_claims(builder)
    return builder.records
