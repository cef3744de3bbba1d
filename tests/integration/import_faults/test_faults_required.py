"""Faults of missing and unknown values (#15): a required column left empty, a word that is not one of the
allowed choices.

The check is ``fault_kit``'s, the same for every family: see ``test_fault_corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from tests.integration.import_faults.fault_kit import ROLES, RowFault, check_row_fault

pytestmark = pytest.mark.integration

CASES: list[tuple[str, str, str, str, str, str]] = [
    # stem, header, bad row, good row, column reported, reason
    ("companies", "id,name,tier", "x1,,1", "g1,Good,1", "name", "is required"),
    ("companies", "id,name,tier", "x1,X,4", "g1,Good,1", "tier", "is not one of the allowed values"),
    ("companies", "id,name,tier", "x1,X,abc", "g1,Good,1", "tier", "is not one of the allowed values"),
    (
        "companies",
        "id,name,kind",
        "x1,X,castle",
        "g1,Good,hq",
        "kind",
        "must be one of hq (总部/集团), branch (分公司) or subsidiary (子公司)",
    ),
    ("companies", "id,name", ",X", "g1,Good", "id", "is required"),
    ("org_units", "id,company_id,name", "v1,c1,", "v2,c1,Ops", "name", "is required"),
    ("contacts", "id,name,company_id", "q1,,c1", "q2,Good,c1", "name", "is required"),
    ("contacts", "id,name,company_id", "q1,Q,", "q2,Good,c1", "company_id", "is required"),
    ("contacts", "id,name,company_id", ",Q,c1", "q2,Good,c1", "id", "is required"),
    (
        "contacts",
        "id,name,company_id,buying_role",
        "q1,Q,c1,emperor",
        "q2,Good,c1,内线",
        "buying_role",
        ROLES,
    ),
    (
        "contacts",
        "id,name,company_id,stance",
        "q1,Q,c1,love",
        "q2,Good,c1,支持",
        "stance",
        "must be one of supporter (支持), neutral (中立), opponent (反对) or unknown (未知)",
    ),
    (
        "contacts",
        "id,name,company_id,status",
        "q1,Q,c1,gone",
        "q2,Good,c1,离职",
        "status",
        "must be one of active (在职) or left (离职/已离职)",
    ),
    (
        "influence",
        "from_id,to_id,kind,weight",
        "p1,p2,enemy,0.5",
        "p2,p1,前同事,0.5",
        "kind",
        "must be one of advice (请教/建议), informal (非正式), family (家人/亲属), former_colleague (前同事/老同事), "
        "coworker (同事/共事), friend (朋友) or other (其他)",
    ),
    (
        "reps",
        "id,name,role",
        "s1,S,CEO",
        "s2,Good,AE",
        "role",
        "must be one of AE, SDR, MDR, BDR, FAE, CSM, AM, solution or delivery",
    ),
    (
        "reps",
        "id,name,channel",
        "s1,S,carrier pigeon",
        "s2,Good,电销",
        "channel",
        "must be one of direct (直销), telesales (电销) or partner (渠道/合作伙伴)",
    ),
    ("reps", "id,name", "s1,", "s2,Good", "name", "is required"),
    (
        "relationships",
        "rep_id,contact_id,closeness,solution_acceptance,price_acceptance",
        "r1,p1,3,,3",
        "r1,p2,5,3,3",
        "solution_acceptance",
        "is required",
    ),
    ("interactions", "date,rep_id,contact_id,kind", ",r1,p1,call", "2026-10-01,r1,p2,拜访", "date", "is required"),
    (
        "interactions",
        "date,rep_id,contact_id,kind",
        "2026-10-01,r1,p1,telepathy",
        "2026-10-01,r1,p2,call",
        "kind",
        "must be one of visit (拜访), call (电话), meeting (会议), demo (演示), message (消息/微信), email (邮件), "
        "event (活动) or other (其他)",
    ),
    ("competitor_relationships", "competitor,contact_id,strength", ",p1,3", "Apex,p2,4", "competitor", "is required"),
    ("purchases", "company_id,product,category,vendor", "c1,X,,us", "c1,Y,Net,我方", "category", "is required"),
    (
        "opportunities",
        "id,company_id,name,stage",
        "n1,c1,N,dreaming",
        "n2,c1,Good,投标",
        "stage",
        "must be one of validate (验证), approve (立项), needs_analysis (需求分析), value_presentation (方案呈现), "
        "bid (投标), negotiate (谈判/商务谈判), won (赢单) or lost (输单/丢单)",
    ),
    (
        "opportunity_roles",
        "opportunity_id,contact_id,role",
        "o1,p1,boss",
        "o1,p2,拍板人",
        "role",
        ROLES,
    ),
    (
        "claims",
        "company_id,rep_id,channel,claimed_on",
        "c1,r1,fax,2026-10-01",
        "c1,r1,直销,2026-10-02",
        "channel",
        "must be one of direct (直销), telesales (电销) or partner (渠道/合作伙伴)",
    ),
    ("companies", "id,name,tier", "x1,X,0", "g1,Good,1", "tier", "is not one of the allowed values"),
    (
        "companies",
        "id,name,kind",
        "x1,X,headquarter",
        "g1,Good,分公司",
        "kind",
        "must be one of hq (总部/集团), branch (分公司) or subsidiary (子公司)",
    ),
    ("org_units", "id,company_id,name", "v1,,IT", "v2,c1,Ops", "company_id", "is required"),
    ("org_units", "id,company_id,name", ",c1,IT", "v2,c1,Ops", "id", "is required"),
    (
        "contacts",
        "id,name,company_id,status",
        "q1,Q,c1,在职中",
        "q2,Good,c1,在职",
        "status",
        "must be one of active (在职) or left (离职/已离职)",
    ),
    (
        "influence",
        "from_id,to_id,kind,weight",
        "p1,p2,敌人,0.5",
        "p2,p1,家人,0.5",
        "kind",
        "must be one of advice (请教/建议), informal (非正式), family (家人/亲属), former_colleague (前同事/老同事), "
        "coworker (同事/共事), friend (朋友) or other (其他)",
    ),
    (
        "reps",
        "id,name,role",
        "s1,S,经理",
        "s2,Good,FAE",
        "role",
        "must be one of AE, SDR, MDR, BDR, FAE, CSM, AM, solution or delivery",
    ),
    (
        "reps",
        "id,name,status",
        "s1,S,retired",
        "s2,Good,离职",
        "status",
        "must be one of active (在职) or left (离职/已离职)",
    ),
    (
        "interactions",
        "date,rep_id,contact_id,kind",
        "2026-10-01,r1,p1,smoke",
        "2026-10-01,r1,p2,微信",
        "kind",
        "must be one of visit (拜访), call (电话), meeting (会议), demo (演示), message (消息/微信), email (邮件), "
        "event (活动) or other (其他)",
    ),
    ("purchases", "company_id,product,category,vendor", "c1,,Net,us", "c1,Y,Net,us", "product", "is required"),
    ("purchases", "company_id,product,category,vendor", ",X,Net,us", "c1,Y,Net,us", "company_id", "is required"),
    ("opportunities", "id,company_id,name", "n1,c1,", "n2,c1,Good", "name", "is required"),
    (
        "claims",
        "company_id,rep_id,channel,claimed_on",
        "c1,r1,direct,",
        "c1,r1,direct,2026-10-02",
        "claimed_on",
        "is required",
    ),
]


@pytest.mark.parametrize(("stem", "header", "bad", "good", "column", "reason"), CASES)
def test_bad_row_is_rejected_with_its_reason_and_the_good_row_lands(
    account: GraphStore, tmp_path: Path, stem: str, header: str, bad: str, good: str, column: str, reason: str
) -> None:
    check_row_fault(account, tmp_path, RowFault(stem, header, bad, good, column, reason))
