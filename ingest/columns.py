"""The import format: one stem per kind of record, its columns, and accepted aliases.

Sales teams export from CRMs and keep sheets by hand, in English and Chinese.
Headers are matched after trimming and case-folding, against the canonical
English name or any alias listed here (the README's table is generated from
this module's data, so the two cannot drift apart). Chinese enum words that
sales people actually write (拍板人, 内线, 支持 …) map to the model's values.
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = [
    "COLUMNS",
    "ENUM_ALIASES",
    "STEMS",
    "STEM_ALIASES",
    "canonical_enum",
    "canonical_header",
    "canonical_stem",
    "typed_choices",
]

STEMS: tuple[str, ...] = (
    "companies",
    "org_units",
    "reps",
    "contacts",
    "influence",
    "relationships",
    "interactions",
    "competitor_relationships",
    "purchases",
    "opportunities",
    "opportunity_roles",
    "claims",
    "settlements",
)
"""Stems in the order they are imported: everything a row refers to comes earlier."""

STEM_ALIASES: dict[str, tuple[str, ...]] = {
    "companies": ("公司", "客户"),
    "org_units": ("部门",),
    "reps": ("销售", "销售人员", "我方人员"),
    "contacts": ("联系人",),
    "influence": ("影响关系",),
    "relationships": ("我方关系", "关系评分"),
    "interactions": ("拜访记录", "互动记录"),
    "competitor_relationships": ("竞品关系", "竞争对手关系"),
    "purchases": ("采购记录", "采购"),
    "opportunities": ("商机",),
    "opportunity_roles": ("商机角色",),
    "claims": ("报备",),
    "settlements": ("判单", "判单记录"),
}
"""Chinese names a file (``联系人.csv``), a workbook sheet or a JSON key may carry instead of the stem."""

COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "companies": {
        "id": ("公司编号", "公司id", "客户编号"),
        "name": ("公司名称", "客户名称", "工商注册名称", "company", "company name"),
        "parent_id": ("上级公司", "上级公司编号", "母公司", "parent"),
        "kind": ("类型", "公司类型"),
        "city": ("城市", "所在城市"),
        "industry": ("行业",),
        "tier": ("等级", "客户等级", "分级"),
        "employees": ("员工数", "人数", "员工人数"),
    },
    "org_units": {
        "id": ("部门编号", "部门id"),
        "company_id": ("公司编号", "公司id"),
        "name": ("部门名称", "部门"),
        "parent_id": ("上级部门", "上级部门编号"),
    },
    "contacts": {
        "id": ("联系人编号", "联系人id", "编号"),
        "name": ("姓名", "联系人", "名字", "full name"),
        "company_id": ("公司编号", "公司id"),
        "unit_id": ("部门编号", "部门id"),
        "title": ("职务", "职位", "头衔", "job title"),
        "level": ("层级", "级别"),
        "reports_to": ("直属上级", "上级", "汇报对象", "manager", "manager_id"),
        "phone": ("手机", "电话", "手机号", "联系电话", "mobile"),
        "email": ("邮箱", "电子邮箱", "e-mail", "mail"),
        "buying_role": ("采购角色", "角色", "role"),
        "stance": ("态度", "立场"),
        "status": ("状态", "在职状态"),
        "last_verified": ("核实日期", "最近核实", "最后核实日期"),
    },
    "influence": {
        "from_id": ("影响者", "影响人", "from"),
        "to_id": ("被影响者", "被影响人", "to"),
        "kind": ("关系类型", "类型"),
        "weight": ("权重", "影响力"),
    },
    "reps": {
        "id": ("员工编号", "销售编号"),
        "name": ("姓名", "销售"),
        "role": ("岗位", "角色"),
        "channel": ("渠道",),
        "team": ("团队", "部门"),
        "manager_id": ("上级", "直属上级", "主管"),
        "status": ("状态",),
        "left_on": ("离职日期",),
        "email": ("邮箱", "电子邮箱", "登录邮箱"),
    },
    "relationships": {
        "rep_id": ("销售编号", "员工编号"),
        "contact_id": ("联系人编号",),
        "closeness": ("关系紧密度", "紧密度"),
        "solution_acceptance": ("方案认可度", "认可度"),
        "price_acceptance": ("价格接受度", "接受度"),
        "since": ("开始日期", "认识时间"),
    },
    "interactions": {
        "date": ("日期", "拜访日期"),
        "rep_id": ("销售编号", "员工编号"),
        "contact_id": ("联系人编号",),
        "kind": ("方式", "类型", "拜访方式"),
        "opportunity_id": ("商机编号",),
        "note": ("备注", "纪要", "说明"),
    },
    "competitor_relationships": {
        "competitor": ("竞争对手", "竞品厂商"),
        "contact_id": ("联系人编号",),
        "strength": ("关系强度", "强度"),
    },
    "purchases": {
        "company_id": ("公司编号",),
        "product": ("产品", "产品名称"),
        "category": ("品类", "类别", "产品类别"),
        "vendor": ("供应商", "厂商"),
        "since": ("采购日期", "开始日期"),
        "amount": ("金额", "采购金额"),
    },
    "opportunities": {
        "id": ("商机编号",),
        "company_id": ("公司编号",),
        "name": ("商机名称", "名称"),
        "product": ("产品",),
        "stage": ("阶段", "销售阶段"),
        "amount": ("金额", "预计金额"),
        "owner_id": ("负责人", "负责人编号"),
        "close_date": ("预计成交日期", "成交日期"),
        "stage_since": ("阶段更新日期", "阶段变更日期"),
    },
    "opportunity_roles": {
        "opportunity_id": ("商机编号",),
        "contact_id": ("联系人编号",),
        "role": ("角色", "采购角色"),
    },
    "claims": {
        "company_id": ("公司编号",),
        "rep_id": ("销售编号", "员工编号"),
        "channel": ("渠道",),
        "claimed_on": ("报备日期", "日期"),
        "filed_at": ("报备时间", "提交时间"),
        "released_on": ("退回日期", "释放日期"),
        "released_by": ("退回人", "操作人"),
        "transferred_to": ("转给", "转移给", "接手人"),
        "refusal": ("拒绝原因",),
    },
    "settlements": {
        "claim_id": ("报备编号",),
        "company_id": ("公司编号",),
        "other_rep_id": ("对方销售编号", "撞单销售"),
        "decision": ("判单结果", "裁决"),
        "settled_on": ("判单日期", "裁决日期"),
        "settled_by": ("判单人", "裁决人"),
        "holder_share": ("报备人分成", "分成比例"),
        "note": ("备注", "说明"),
    },
}

ENUM_ALIASES: dict[str, str] = {
    # buying roles
    "拍板人": "economic_buyer", "决策人": "decision_maker", "决策者": "decision_maker",
    "经济决策者": "economic_buyer", "技术评估": "technical_evaluator", "技术评估者": "technical_evaluator",
    "使用者": "user", "用户": "user", "影响者": "influencer", "内线": "champion", "教练": "champion",
    "把关者": "gatekeeper", "守门人": "gatekeeper", "阻碍者": "blocker", "反对者": "blocker", "未知": "unknown",
    # stance
    "支持": "supporter", "中立": "neutral", "反对": "opponent",
    # status
    "在职": "active", "离职": "left", "已离职": "left",
    # company kind
    "总部": "hq", "集团": "hq", "分公司": "branch", "子公司": "subsidiary",
    # influence kinds
    "请教": "advice", "建议": "advice", "非正式": "informal", "家人": "family", "亲属": "family",
    "前同事": "former_colleague", "老同事": "former_colleague", "同事": "coworker", "共事": "coworker",
    "朋友": "friend", "其他": "other",
    # channels
    "直销": "direct", "电销": "telesales", "渠道": "partner", "合作伙伴": "partner",
    # touch kinds
    "拜访": "visit", "电话": "call", "会议": "meeting", "演示": "demo", "消息": "message", "微信": "message",
    "邮件": "email", "活动": "event",
    # stages
    "验证": "validate", "立项": "approve", "需求分析": "needs_analysis", "方案呈现": "value_presentation",
    "投标": "bid", "谈判": "negotiate", "商务谈判": "negotiate", "赢单": "won", "输单": "lost", "丢单": "lost",
    # our vendor id
    "我方": "us", "我们": "us", "本公司": "us",
}  # fmt: skip


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold().replace(" ", "_")


_HEADER_LOOKUP: dict[str, dict[str, str]] = {
    stem: {_fold(alias): column for column, aliases in columns.items() for alias in (column, *aliases)}
    for stem, columns in COLUMNS.items()
}


def canonical_header(stem: str, header: str) -> str | None:
    """The column a header means in ``stem``, or ``None`` when it is not one of ours.

    >>> canonical_header("contacts", " 直属上级 "), canonical_header("contacts", "Buying Role")
    ('reports_to', 'buying_role')
    """
    return _HEADER_LOOKUP[stem].get(_fold(header))


_STEM_LOOKUP: dict[str, str] = {_fold(alias): stem for stem in STEMS for alias in (stem, *STEM_ALIASES.get(stem, ()))}


def canonical_stem(name: str) -> str | None:
    """The stem a file, sheet or JSON key name means, or ``None`` when it is not one of ours.

    >>> canonical_stem("联系人"), canonical_stem(" Contacts "), canonical_stem("notes")
    ('contacts', 'contacts', None)
    """
    return _STEM_LOOKUP.get(_fold(name))


@functools.lru_cache(maxsize=8192)
def canonical_enum(value: str, allowed: tuple[str, ...]) -> str:
    """An enum cell in the model's words: Chinese equivalents mapped, case and spacing folded.

    A value that matches nothing comes back unchanged, so validation can name it.
    Cached: an import asks about the same few words on every row.

    >>> canonical_enum("拍板人", ("economic_buyer",)), canonical_enum(" Decision Maker ", ("decision_maker",))
    ('economic_buyer', 'decision_maker')
    >>> canonical_enum("ae", ("AE", "SDR")), canonical_enum("boss", ("AE",))
    ('AE', 'boss')
    """
    text = unicodedata.normalize("NFKC", value).strip()
    text = ENUM_ALIASES.get(text, text)
    by_fold = {option.casefold(): option for option in allowed}
    return by_fold.get(text.casefold().replace(" ", "_").replace("-", "_"), text)


_ALIASES_OF: dict[str, tuple[str, ...]] = {
    value: tuple(alias for alias, meant in ENUM_ALIASES.items() if meant == value)
    for value in set(ENUM_ALIASES.values())
}


def typed_choices(values: list[str]) -> list[str]:
    """Each allowed value with the Chinese words a file may hold for it, for a refusal to list what may be typed.

    >>> typed_choices(["hq", "branch", "AE"])
    ['hq (总部/集团)', 'branch (分公司)', 'AE']
    """
    return [f"{v} ({'/'.join(_ALIASES_OF[v])})" if v in _ALIASES_OF else v for v in values]
