"""UI text in English and Simplified Chinese; data stays in whatever language it came in.

``t(key)`` looks the key up in the language chosen in the sidebar. Every key
has both languages (a unit test checks it and that pages use no unknown key).
"""

from __future__ import annotations

from typing import Literal

import streamlit as st

__all__ = ["LANGUAGES", "LANGUAGE_KEY", "TEXTS", "Language", "language", "t"]

Language = Literal["en", "zh"]
LANGUAGES: dict[str, Language] = {"English": "en", "简体中文": "zh"}
LANGUAGE_KEY = "language"

TEXTS: dict[str, tuple[str, str]] = {
    "app.title": ("kagraph — key-account relationship graph", "kagraph — 大客户关系图谱"),
    "nav.overview": ("Overview", "概览"),
    "nav.accounts": ("Accounts", "客户"),
    "sidebar.language": ("Language / 语言", "Language / 语言"),
    "sidebar.store": ("Store", "数据存储"),
    "sidebar.embedded": ("embedded FalkorDB", "内置 FalkorDB"),
    "sidebar.neo4j": ("Neo4j", "Neo4j"),
    "store.down": ("The graph store is not available: {reason}", "图数据库不可用：{reason}"),
    "store.down.hint": (
        "Check that the server is running and NEO4J_URI is right, then reload this page.",
        "请确认数据库服务已启动、NEO4J_URI 配置正确，然后刷新页面。",
    ),
    "store.loading_demo": ("Loading the demo data (first start)…", "首次启动，正在载入演示数据……"),
    "error.generic": ("Something went wrong: {reason}", "出现错误：{reason}"),
    "label.Company": ("Companies", "公司"),
    "label.OrgUnit": ("Departments", "部门"),
    "label.Contact": ("Contacts", "联系人"),
    "label.Rep": ("Our reps", "我方人员"),
    "label.Competitor": ("Competitors", "竞争对手"),
    "label.Vendor": ("Vendors", "供应商"),
    "label.Opportunity": ("Opportunities", "商机"),
    "label.Claim": ("Claims", "报备"),
    "label.relationships": ("Relationships", "关系"),
    "overview.title": ("Overview", "概览"),
    "overview.intro": (
        "Customer groups, their people and our relationships with them, as one graph.",
        "客户集团、组织中的人以及我方与他们的关系，汇于一张图。",
    ),
    "overview.groups": ("Customer groups and stand-alone companies", "客户集团与独立公司"),
    "overview.empty": ("The store is empty. Import data or load the demo.", "数据为空，请导入数据或载入演示数据。"),
    "col.id": ("ID", "编号"),
    "col.name": ("Name", "名称"),
    "col.tier": ("Tier", "等级"),
    "col.kind": ("Kind", "类型"),
    "col.city": ("City", "城市"),
    "col.industry": ("Industry", "行业"),
    "col.employees": ("Employees", "员工数"),
    "col.companies": ("Companies", "公司数"),
    "col.contacts": ("Contacts", "联系人数"),
    "col.title": ("Title", "职务"),
    "col.level": ("Level", "层级"),
    "col.unit": ("Department", "部门"),
    "col.company": ("Company", "公司"),
    "col.buying_role": ("Buying role", "采购角色"),
    "col.stance": ("Stance", "态度"),
    "col.status": ("Status", "状态"),
    "col.reports_to": ("Reports to", "直属上级"),
    "col.phone": ("Phone", "手机"),
    "col.email": ("Email", "邮箱"),
    "col.last_verified": ("Last verified", "最近核实"),
    "col.known_by": ("Known by", "我方熟悉者"),
    "accounts.title": ("Accounts", "客户"),
    "accounts.group": ("Customer group", "客户集团"),
    "accounts.company": ("Company", "公司"),
    "accounts.whole_group": ("Whole group", "整个集团"),
    "accounts.companies": ("Companies in the group", "集团内公司"),
    "accounts.contacts": ("People", "人员"),
    "accounts.no_contacts": ("No contacts recorded for this selection.", "该范围内尚无联系人。"),
    "accounts.search": ("Filter by name, title or department", "按姓名、职务或部门筛选"),
}


def language() -> Language:
    """The language chosen in the sidebar (English until one is chosen)."""
    chosen = st.session_state.get(LANGUAGE_KEY, "English")
    return LANGUAGES.get(chosen, "en")


def t(key: str, **values: object) -> str:
    """The text for ``key`` in the current language, with ``{placeholders}`` filled."""
    english, chinese = TEXTS[key]
    text = chinese if language() == "zh" else english
    return text.format(**values) if values else text
