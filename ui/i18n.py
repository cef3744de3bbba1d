"""UI text in English and Simplified Chinese; data stays in whatever language it came in.

``t(key)`` looks the key up in the language chosen in the sidebar. Every key
has both languages (a unit test checks it and that pages use no unknown key).
"""

from __future__ import annotations

from typing import Literal

import streamlit as st

__all__ = ["LANGUAGES", "LANGUAGE_KEY", "TEXTS", "Language", "enum_label", "language", "t"]

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
    "nav.chain": ("Decision chain", "决策链"),
    "chain.title": ("Decision chain", "决策链"),
    "chain.opportunity": ("Opportunity", "商机"),
    "chain.whole_account": ("Whole account", "整个客户"),
    "chain.settings": ("Settings and filters", "设置与筛选"),
    "chain.as_of": ("As of", "截至日期"),
    "chain.threshold": ("Known at strength ≥", "视为熟悉的关系强度 ≥"),
    "chain.half_life": ("Touch half-life (days)", "互动半衰期（天）"),
    "chain.edge_kinds": ("Lines to draw", "显示的连线"),
    "chain.edge.REPORTS_TO": ("reports to", "汇报关系"),
    "chain.edge.INFLUENCES": ("influence", "影响关系"),
    "chain.edge.KNOWS": ("who knows whom", "熟识关系"),
    "chain.min_strength": ("Hide our ties weaker than", "隐藏弱于此强度的我方关系"),
    "chain.show_reps": ("Show our reps", "显示我方人员"),
    "chain.show_competitors": ("Show competitors", "显示竞争对手"),
    "chain.coverage": ("Coverage of decision power", "决策权覆盖率"),
    "chain.coverage.target": ("target {target:.0%} for tier {tier}", "{tier} 级客户目标 {target:.0%}"),
    "chain.findings": ("Findings", "发现"),
    "chain.no_findings": ("Nothing alarming in this decision chain.", "该决策链没有明显风险。"),
    "chain.legend": (
        "Shape = buying role (★ economic buyer, ◆ decision maker, ■ technical evaluator, ▲ influencer, "
        "⬢ champion, ▼ gatekeeper/blocker, ● user/unknown) · colour = stance (green supporter, amber neutral, "
        "red opponent, grey unknown; pale = has left) · size = influence · solid = reports to · dashed = "
        "influence · blue = our reps · dark red = competitors · orange = chosen warm path",
        "形状 = 采购角色（★ 拍板人，◆ 决策者，■ 技术评估，▲ 影响者，⬢ 内线，▼ 把关者/阻碍者，● 使用者/未知）· "
        "颜色 = 态度（绿 支持，黄 中立，红 反对，灰 未知；浅色 = 已离职）· 大小 = 影响力 · 实线 = 汇报 · "
        "虚线 = 影响 · 蓝色 = 我方人员 · 深红 = 竞争对手 · 橙色 = 所选引荐路径",
    ),
    "chain.tab.people": ("People", "人员"),
    "chain.tab.heatmap": ("Relationship heatmap", "关系热力图"),
    "chain.tab.paths": ("Warm paths", "引荐路径"),
    "chain.tab.export": ("Export", "导出"),
    "chain.heatmap.empty": ("No relationships recorded for these people yet.", "这些人员尚无我方关系记录。"),
    "chain.path.target": ("Reach", "目标联系人"),
    "chain.path.from_rep": ("Starting from", "起点"),
    "chain.path.anyone": ("anyone on our team", "我方任何人"),
    "chain.path.none": (
        "No warm path: nobody we know is tied to this person.",
        "没有引荐路径：我方熟识的人与此人无关联。",
    ),
    "chain.path.score": ("Path strength {score:.0%}", "路径强度 {score:.0%}"),
    "chain.path.show": ("Highlight on the map", "在图中高亮"),
    "chain.export.map": ("Download the map (HTML)", "下载关系图（HTML）"),
    "chain.export.findings": ("Download findings (CSV)", "下载发现（CSV）"),
    "chain.export.people": ("Download people (CSV)", "下载人员（CSV）"),
    "chain.no_contacts": ("No contacts to draw for this selection.", "该范围内没有可绘制的联系人。"),
    "finding.uncovered": (
        "Nobody on our side knows these decision makers well: {names}",
        "我方无人熟悉这些决策人：{names}",
    ),
    "finding.no_decision_maker": ("No decision maker is identified yet{names}", "尚未识别出决策人{names}"),
    "finding.missing_roles": ("Nobody plays these roles yet: {roles}", "以下角色尚无人承担：{roles}"),
    "finding.single_threaded": (
        "Single-threaded: all our access to the key people runs through {rep}",
        "单线联系：我方与关键人物的联系全部依赖 {rep}",
    ),
    "finding.opponents": ("Opponents and blockers: {names}", "反对者与阻碍者：{names}"),
    "finding.competitor": ("Close to a competitor: {names}", "与竞争对手关系密切：{names}"),
    "finding.left": ("Left the company: {names}", "已离职：{names}"),
    "finding.unverified": (
        "{count} contacts not verified in 180 days{names}",
        "{count} 位联系人超过 180 天未核实{names}",
    ),
    "col.influence": ("Influence", "影响力"),
    "col.best_rep": ("Best contact on our side", "我方最熟者"),
    "col.best_strength": ("Strength", "关系强度"),
    "col.rep": ("Rep", "我方人员"),
    "col.contact": ("Contact", "联系人"),
    "col.score": ("Strength", "强度"),
    "col.severity": ("Severity", "严重度"),
    "col.message": ("Finding", "发现"),
    "nav.import": ("Import", "导入"),
    "import.title": ("Import spreadsheets", "导入表格"),
    "import.intro": (
        "Upload CSV files named after their content (companies.csv, contacts.csv …), one Excel workbook with "
        "one sheet per kind, or a JSON file. Bad rows are listed with the reason; good rows land.",
        "上传以内容命名的 CSV 文件（companies.csv、contacts.csv……）、每类一个工作表的 Excel 工作簿，或 JSON 文件。"
        "有问题的行会列出原因，其余行照常导入。",
    ),
    "import.upload": ("Files", "文件"),
    "import.nothing": ("None of these files is part of the import format.", "这些文件都不属于导入格式。"),
    "import.preview": ("Preview: {file}", "预览：{file}"),
    "import.ignored_columns": ("Columns that will be ignored: {columns}", "将被忽略的列：{columns}"),
    "import.dry_run": ("Check only (dry run)", "仅检查（试运行）"),
    "import.commit": ("Import", "导入"),
    "import.progress": ("{stem}: {rows:,} rows read", "{stem}：已读取 {rows:,} 行"),
    "import.done": (
        "{created} created, {updated} updated, {unchanged} unchanged, {rejected} rows rejected",
        "新建 {created}，更新 {updated}，未变 {unchanged}，拒绝 {rejected} 行",
    ),
    "import.dry_done": (
        "Dry run: {landed} rows would land, {rejected} rows rejected",
        "试运行：{landed} 行可导入，{rejected} 行被拒绝",
    ),
    "import.errors": ("Rejected rows", "被拒绝的行"),
    "import.download_errors": ("Download the rejected rows (CSV)", "下载被拒绝的行（CSV）"),
    "import.merged": ("Merged duplicates", "已合并的重复联系人"),
    "import.warnings": ("Warnings", "提示"),
    "import.unreadable": ("This file cannot be read: {reason}", "无法读取该文件：{reason}"),
    "col.file": ("File", "文件"),
    "col.row": ("Row", "行号"),
    "col.column": ("Column", "列"),
    "col.value": ("Value", "值"),
    "col.reason": ("Reason", "原因"),
    "enum.economic_buyer": ("economic buyer", "拍板人"),
    "enum.decision_maker": ("decision maker", "决策者"),
    "enum.technical_evaluator": ("technical evaluator", "技术评估者"),
    "enum.user": ("user", "使用者"),
    "enum.influencer": ("influencer", "影响者"),
    "enum.champion": ("champion", "内线"),
    "enum.gatekeeper": ("gatekeeper", "把关者"),
    "enum.blocker": ("blocker", "阻碍者"),
    "enum.unknown": ("unknown", "未知"),
    "enum.supporter": ("supporter", "支持"),
    "enum.neutral": ("neutral", "中立"),
    "enum.opponent": ("opponent", "反对"),
    "enum.active": ("active", "在职"),
    "enum.left": ("left", "已离职"),
    "enum.hq": ("headquarters", "总部"),
    "enum.branch": ("branch", "分公司"),
    "enum.subsidiary": ("subsidiary", "子公司"),
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
    "nav.group": ("Group expansion", "集团拓展"),
    "nav.portfolio": ("Portfolio", "客户组合"),
    "group.title": ("Group expansion", "集团拓展"),
    "group.settings": ("Signal settings", "信号设置"),
    "group.window": ("Window (days)", "时间窗口（天）"),
    "group.min_branches": ("Branches that make a wave", "构成信号的分支数"),
    "group.min_share": ("…or this share of branches", "……或分支占比"),
    "group.category": ("Product category", "产品品类"),
    "group.metric.ours": ("Ours", "我方"),
    "group.metric.competitor": ("Competitor", "竞品"),
    "group.metric.untouched": ("Untouched", "空白"),
    "group.metric.our_amount": ("Our revenue", "我方金额"),
    "group.metric.competitor_amount": ("Competitor spend", "竞品金额"),
    "group.legend": (
        "Green: we supply this category · red: a competitor does · grey: nobody yet. "
        "Purple border: branches of an HQ buying wave · orange: the selected target's warm path.",
        "绿色：我方供货 · 红色：竞品供货 · 灰色：尚无供应商。"
        "紫色边框：总部统一采购信号中的分支 · 橙色：所选目标的引荐路径。",
    ),
    "group.signals": ("HQ policy signals", "总部统采信号"),
    "group.no_signals": (
        "No category was bought by enough branches at the same time.",
        "没有品类在同一时期被足够多的分支采购。",
    ),
    "group.signal.text": (
        "{count} of {branches} branches started buying {category} between {first} and {last}: "
        "most likely a headquarters decision.",
        "{branches} 个分支中有 {count} 个在 {first} 至 {last} 期间开始采购「{category}」，很可能是总部统一决策。",
    ),
    "group.signal.offer": (
        "Offer headquarters a group agreement covering the {count} companies that have not bought yet "
        "(estimated {value:,.0f}).",
        "建议向总部提出集团框架协议，覆盖尚未采购的 {count} 家公司（估算 {value:,.0f}）。",
    ),
    "group.signal.renewal": ("Every company already buys it: aim at the renewal.", "所有公司均已采购：瞄准续约。"),
    "group.targets": ("Expansion targets", "拓展目标"),
    "group.targets.hint": (
        "Select a row to draw its warm path on the tree.",
        "选中一行，即在树图上标出其引荐路径。",
    ),
    "group.no_targets": ("We supply every category everywhere in this group.", "该集团所有公司所有品类均由我方供货。"),
    "group.reason.competitor": ("{vendor} supplies it", "{vendor} 在供货"),
    "group.reason.untouched": ("nobody supplies it yet", "尚无供应商"),
    "group.reason.hq": ("branches bought it together: headquarters decides", "分支集中采购：总部决策"),
    "group.reason.path": ("warm path {score:.0%}", "引荐路径强度 {score:.0%}"),
    "group.reason.no_path": ("no warm path yet", "尚无引荐路径"),
    "group.path": ("Best way in", "最佳切入路径"),
    "group.open_chain": ("Open this company's decision chain", "打开该公司的决策链"),
    "portfolio.title": ("Portfolio", "客户组合"),
    "portfolio.intro": (
        "Every customer group on one line: what we earn, what competitors hold, and what is still open.",
        "每个客户集团一行：我方收入、竞品份额与尚未开发的空间。",
    ),
    "portfolio.filter.tier": ("Tier", "等级"),
    "portfolio.filter.industry": ("Industry", "行业"),
    "portfolio.filter.search": ("Search by name", "按名称搜索"),
    "portfolio.filter.signals": ("Only groups with an HQ signal", "仅显示有总部信号的集团"),
    "portfolio.metric.groups": ("Groups", "集团数"),
    "portfolio.metric.revenue": ("Our revenue", "我方收入"),
    "portfolio.metric.rivals": ("Competitor spend", "竞品金额"),
    "portfolio.metric.whitespace": ("Whitespace", "空白市场"),
    "portfolio.chart": ("Whitespace by group (top {count})", "各集团空白市场（前 {count}）"),
    "portfolio.open": ("Open group", "打开集团"),
    "portfolio.pick": ("Group to open", "要打开的集团"),
    "portfolio.pick_hint": ("Selecting a row in the table picks it here.", "在表格中选中一行即可在此选定。"),
    "portfolio.download": ("Download the table (CSV)", "下载表格（CSV）"),
    "portfolio.none": ("No group matches these filters.", "没有符合筛选条件的集团。"),
    "col.our_revenue": ("Our revenue", "我方收入"),
    "col.competitor_spend": ("Competitor spend", "竞品金额"),
    "col.competitors": ("Competitors", "竞争对手"),
    "col.branches": ("Branches", "分支数"),
    "col.untouched_branches": ("Branches without us", "未合作分支"),
    "col.whitespace": ("Whitespace", "空白市场"),
    "col.coverage": ("Decision makers known", "决策人覆盖"),
    "col.last_touch": ("Last touch", "最近互动"),
    "col.days_since_touch": ("Days since", "距今天数"),
    "col.hq_signals": ("HQ signals", "总部信号"),
    "col.product": ("Category", "品类"),
    "col.vendor": ("Held by", "当前供应商"),
    "col.amount": ("Amount", "金额"),
    "col.since": ("Since", "起始"),
    "col.target_score": ("Score", "得分"),
    "col.why": ("Why", "理由"),
    "enum.ours": ("ours", "我方"),
    "enum.competitor": ("competitor", "竞品"),
    "enum.untouched": ("untouched", "空白"),
}


def language() -> Language:
    """The language chosen in the sidebar (English until one is chosen)."""
    chosen = st.session_state.get(LANGUAGE_KEY, "English")
    return LANGUAGES.get(chosen, "en")


def enum_label(value: object) -> object:
    """A model enum value (``economic_buyer``) in the chosen language; other values unchanged."""
    key = f"enum.{value}"
    return t(key) if isinstance(value, str) and key in TEXTS else value


def t(key: str, **values: object) -> str:
    """The text for ``key`` in the current language, with ``{placeholders}`` filled."""
    english, chinese = TEXTS[key]
    text = chinese if language() == "zh" else english
    return text.format(**values) if values else text
