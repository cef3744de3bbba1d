"""The demo's fixed ids and day, which tests, benchmarks and the first-start tour refer to by name.

Kept apart from the generators so that a test can name "the Chinese group" or "the collided company"
without building the data set, and so that every generator module shares one definition.
"""

from __future__ import annotations

import datetime as dt

from ingest.validate import competitor_id

__all__ = [
    "APEX",
    "CHINESE_GROUP_ID",
    "COLLISION_COMPANY_ID",
    "DEMO_TODAY",
    "DINGXIN",
    "ENGLISH_GROUP_ID",
    "SINGLE_COMPANY_ID",
]

DEMO_TODAY = dt.date(2026, 11, 1)
CHINESE_GROUP_ID = "co-hd-hq"
ENGLISH_GROUP_ID = "co-nw-hq"
SINGLE_COMPANY_ID = "co-sj"
COLLISION_COMPANY_ID = SINGLE_COMPANY_ID
DINGXIN = competitor_id("鼎信科技")
APEX = competitor_id("Apex Systems")
"""Competitor ids as an import would derive them from the names, so an export re-imports unchanged."""
