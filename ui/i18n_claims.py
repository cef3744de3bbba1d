"""The claims desk's words (报备台) in English and Simplified Chinese; ``ui.i18n`` merges them into ``TEXTS``.

Kept apart because the desk says a lot (reasons, forms, the policy), and one
catalogue per area is easier to review than one file of every word.
"""

from __future__ import annotations

__all__ = ["CLAIMS_TEXTS"]

CLAIMS_TEXTS: dict[str, tuple[str, str]] = {
    "claims.as_of": ("Claims as they stand on", "报备状态日期"),
    "claims.as_of.elsewhere": (
        "You are looking at {day}; claims are filed, released and settled today only.",
        "当前查看的是 {day}；报备、退回和判单只能在今天进行。",
    ),
    "claims.who_needed": (
        "Choose your name in the sidebar first: every decision is recorded with who made it.",
        "请先在侧边栏选择你的名字：每个决定都会记录操作人。",
    ),
    "claims.metric.released": ("Released", "已退回"),
    "claims.metric.pool": ("In the pool", "公海中"),
    "claims.metric.waiting": ("Disputes to settle", "待判单"),
    "claims.attention": ("Needs attention", "待处理"),
    "claims.attention.for": ("For", "查看对象"),
    "claims.attention.everyone": ("everyone", "所有人"),
    "claims.attention.expiring": ("Claims ending within {days} days", "{days} 天内到期的报备"),
    "claims.attention.disputes": ("Disputes waiting for a manager", "等待主管判单的争议"),
    "claims.attention.returned": ("Back in the pool in the last {days} days", "最近 {days} 天退回公海"),
    "claims.attention.none": ("Nothing needs doing.", "暂无待办。"),
    "claims.attention.expiring.line": (
        "{company}: {holder}'s claim protects until {until}; only progress on a deal renews it",
        "{company}：{holder} 的报备保护至 {until}；只有商机推进才能续期",
    ),
    "claims.attention.dispute.line": (
        "{group}: {other} ({other_channel}) and holder {holder} — {kind} since {since}",
        "{group}：{other}（{other_channel}）与持有人 {holder} — {kind}，始于 {since}",
    ),
    "claims.attention.returned.line": (
        "{company}: back in the pool since {since} ({how}, last held by {holder})",
        "{company}：自 {since} 起回到公海（{how}，上一任持有人 {holder}）",
    ),
    "claims.file": ("File a claim", "提交报备"),
    "claims.file.company": ("Enterprise", "客户企业"),
    "claims.file.rep": ("For rep", "报备人"),
    "claims.file.why": ("Note (kept in the history)", "备注（记入变更历史）"),
    "claims.file.button": ("File the claim", "提交报备"),
    "claims.file.this": ("Claim {company}", "报备 {company}"),
    "claims.granted": (
        "Granted: {rep} holds {company} (the whole enterprise) until {until}.",
        "已通过：{rep} 报备 {company}（整个企业），保护至 {until}。",
    ),
    "claims.refused": ("Refused: {reason}", "未通过：{reason}"),
    "claims.release": ("Release (退回)", "退回"),
    "claims.release.pick": ("Live claim to release", "要退回的报备"),
    "claims.release.button": ("Release it to the pool", "退回公海"),
    "claims.released": (
        "Released: {company} is back in the pool from today.",
        "已退回：{company} 从今天起回到公海。",
    ),
    "claims.settle": ("Settle (判单)", "判单"),
    "claims.settle.pick": ("Dispute", "争议"),
    "claims.settle.decision": ("Decision", "判定"),
    "claims.settle.split_preview": (
        "Split from this dispute's own activity: {holder} {holder_share}, {other} {other_share}.",
        "按本次争议的实际活动分配：{holder} {holder_share}，{other} {other_share}。",
    ),
    "claims.settle.button": ("Record the decision", "记录判定"),
    "claims.settled": ("Settled: {decision}.", "已判单：{decision}。"),
    "claims.none_waiting": ("No dispute is waiting.", "没有待判单的争议。"),
    "claims.none_live": ("No live claim.", "没有保护中的报备。"),
    "claims.tab.pool": ("Pool (公海)", "公海"),
    "claims.tab.disputes": ("Disputes", "争议"),
    "claims.tab.policy": ("Policy", "规则"),
    "claims.pool.empty": ("The pool is empty.", "公海为空。"),
    "claims.pool.intro": (
        "Enterprises whose last claim lapsed or was released: anyone may claim them (the last holder after the "
        "cooling-off period).",
        "上一条报备已失效或被退回的企业：任何人都可以报备（上一任持有人需过冷静期）。",
    ),
    "claims.policy.intro": (
        "One policy for the whole team, kept in {path}. A claim protects for its days from the claim day; only a deal "
        "moving to a later stage, or won, renews it, never a touch and never on the claim day.",
        "全团队统一规则，保存在 {path}。报备自报备当日起保护相应天数；只有商机推进到更后的阶段或赢单才能续期，"
        "接触不算，报备当天的任何进展也不算。",
    ),
    "claims.policy.default": ("Every tier", "所有等级"),
    "claims.policy.tier": ("Tier {tier}", "{tier} 级客户"),
    "claims.policy.days": ("Protection (days)", "保护期（天）"),
    "claims.policy.renewals": ("Renewals by progress", "推进续期次数"),
    "claims.policy.cap": ("Live claims per rep", "每人保护中上限"),
    "claims.policy.cooling_days": ("Cooling-off (days)", "冷静期（天）"),
    "claims.policy.save": ("Save the policy", "保存规则"),
    "claims.policy.saved": ("The policy is saved.", "规则已保存。"),
    "claims.reason.": ("protected until {until}", "保护至 {until}"),
    "claims.reason.renewed": (
        "protected until {until}, renewed after progress on {on} ({stage})",
        "保护至 {until}，因 {on} 的推进（{stage}）续期",
    ),
    "claims.reason.lapsed": ("lapsed after {until}: back in the pool", "{until} 后失效：已回到公海"),
    "claims.reason.released": ("released on {on} by {by}: back in the pool", "{on} 由 {by} 退回：已回到公海"),
    "claims.reason.transferred": ("transferred to {to} on {on} by {by}", "{on} 由 {by} 判给 {to}"),
    "claims.reason.left": ("ended when the holder left on {on}", "持有人于 {on} 离职，报备终止"),
    "claims.reason.held": (
        "protected by {holder} ({channel}) until {until}",
        "已由 {holder}（{channel}）报备，保护至 {until}",
    ),
    "claims.reason.tie": (
        "claimed the same day as {holder} ({channel}): a tie for a manager to settle",
        "与 {holder}（{channel}）同日报备：同日冲突，等待主管判单",
    ),
    "claims.reason.repeat": ("already held by the same rep until {until}", "该销售已持有，保护至 {until}"),
    "claims.reason.cap": (
        "the rep already holds {cap} live claims on customers of this tier",
        "该销售在此等级客户上的保护中报备已达上限 {cap} 条",
    ),
    "claims.reason.cooling": (
        "the rep let it go lately and may claim it again from {again_from}",
        "该销售刚放弃此客户，{again_from} 起才能再次报备",
    ),
    "claims.reason.filed_refused": ("refused when it was filed", "提交时未通过"),
    "col.how": ("How", "方式"),
    "col.last_holder": ("Last holder", "上一任持有人"),
    "claims.line.held": (
        "Claim (报备): {holder} ({channel}) until {until}",
        "报备：{holder}（{channel}）保护至 {until}",
    ),
    "claims.line.pool": ("Not claimed: in the pool (公海) since {since}", "未报备：自 {since} 起在公海"),
    "claims.line.none": ("Not claimed yet: anyone may claim it", "尚未报备：任何人都可以报备"),
    "claims.box": ("claimed by {holder} to {until}", "报备 {holder} 至 {until}"),
    "claims.collision.note": (
        "collision (撞单): {other} ({other_channel}) made a {kind} on {date} inside the claim of {holder} ({channel})",
        "撞单：{other}（{other_channel}）于 {date} 进行了{kind}，处于 {holder}（{channel}）的报备保护期内",
    ),
    "claims.popover": ("Claim it", "报备"),
    "claims.choose": ("Choose…", "请选择…"),
    "claims.choose_groups": ("Choose groups…", "选择集团…"),
    "action.file_a_claim": ("file a claim", "提交报备"),
    "action.release_a_claim": ("release a claim", "退回报备"),
    "action.settle_a_dispute": ("settle a dispute", "判单"),
    "import.stem.settlements": ("settlements (判单)", "判单"),
    "history.source.claim": ("claims desk", "报备台"),
    "col.touches": ("Touches", "接触次数"),
    "col.settlement": ("Settlement", "判单结果"),
    "col.first_date": ("First", "首次"),
    "col.last_date": ("Last", "最近"),
    "enum.released": ("released", "已退回"),
    "enum.tie": ("same-day tie", "同日冲突"),
    "enum.collision": ("collision", "撞单"),
    "enum.keep": ("keep the holder", "维持原持有人"),
    "enum.transfer": ("transfer to the other rep", "判给对方"),
    "enum.split": ("split the credit", "分配业绩"),
}
