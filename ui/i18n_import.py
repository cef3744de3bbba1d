"""Why the importer refused a row, in English and Simplified Chinese; ``ui.i18n`` merges these into ``TEXTS``.

One key per reason code (``ingest.reasons`` and the model's rules, through
``graph.domain.validation.issue_code``), with the code's parameters as placeholders;
``ui.import_reasons`` words the parameters that are codes themselves (a
record's kind, the lines a cycle runs along, a JSON value's kind).
"""

from __future__ import annotations

__all__ = ["IMPORT_TEXTS"]

IMPORT_TEXTS: dict[str, tuple[str, str]] = {
    "import.reason.missing": ("is required", "必填"),
    "import.reason.date": ("is not a date (use YYYY-MM-DD)", "不是日期（请写成 YYYY-MM-DD）"),
    "import.reason.whole_number": ("is not a whole number", "不是整数"),
    "import.reason.number": ("is not a number", "不是数字"),
    "import.reason.too_small": ("is too small (limit {limit})", "太小（下限 {limit}）"),
    "import.reason.too_large": ("is too large (limit {limit})", "太大（上限 {limit}）"),
    "import.reason.empty": ("is empty", "为空"),
    "import.reason.too_long": ("is too long", "太长"),
    "import.reason.not_allowed": ("is not one of the allowed values", "不是允许的取值"),
    "import.reason.one_of": ("must be one of {values}", "必须是以下之一：{values}"),
    "import.reason.extra_forbidden": ("is not a column here", "不是该文件的列"),
    "import.reason.finite_number": (
        "is not a finite number (inf and NaN are not amounts)",
        "不是有限的数字（inf 和 NaN 不能作为金额）",
    ),
    "import.reason.string_unicode": (
        "holds a broken character (half of a surrogate pair) that cannot be stored",
        "含有无法保存的损坏字符（半个代理对）",
    ),
    "import.reason.other": ("{text}", "{text}"),
    "import.reason.id_separator": (
        "holds {found}, which separates managers in a list: a contact id cannot hold ; , or 、",
        "含有 {found}，它用于分隔多位上级：联系人编号不能包含 ; , 或 、",
    ),
    "import.reason.no_letter": ("is not a name: it has no letter or digit", "不是名称：没有任何文字或数字"),
    "import.reason.legal_form_only": ("is only a legal form, not a name", "只有公司类型（如“有限公司”），不是名称"),
    "import.reason.unstorable": (
        "holds a NUL character or half of a surrogate pair, which cannot be stored",
        "含有无法保存的 NUL 字符或半个代理对",
    ),
    "import.reason.text_too_long": (
        "is too long ({length} characters; limit {limit})",
        "太长（{length} 个字符；上限 {limit}）",
    ),
    "import.reason.own_branch": ("a company cannot be a branch of itself", "公司不能是自己的分支机构"),
    "import.reason.own_department": ("a department cannot be part of itself", "部门不能隶属于自己"),
    "import.reason.not_phone": ("not a phone number: {value}", "不是电话号码：{value}"),
    "import.reason.not_email": ("not an e-mail address: {value}", "不是电子邮箱：{value}"),
    "import.reason.self_report": ("a contact cannot report to themselves", "联系人不能向自己汇报"),
    "import.reason.self_influence": ("a contact cannot influence themselves", "联系人不能影响自己"),
    "import.reason.own_manager": ("a rep cannot be their own manager", "销售不能是自己的上级"),
    "import.reason.released_before_claim": (
        "a claim cannot be released before the day it was made",
        "报备的退回日期不能早于报备日期",
    ),
    "import.reason.transfer_needs_release": (
        "a transferred claim needs the day it was released",
        "转移的报备需要填写退回日期",
    ),
    "import.reason.split_share": (
        "a split names the holder's share, and only a split does",
        "只有分单才填写报备人分成，分单也必须填写",
    ),
    "import.reason.duplicate_id": ("duplicate id: {file} row {row} has it too", "编号重复：{file} 第 {row} 行也用了它"),
    "import.reason.repeated_relationship": (
        "the same relationship as row {row} of this file",
        "与本文件第 {row} 行是同一条关系",
    ),
    "import.reason.cycle": ("{lines} form a cycle: {loop}", "{lines}形成了循环：{loop}"),
    "import.reason.cycle_with_stored": (
        "{lines} form a cycle with what is stored: {loop}",
        "{lines}与已存数据形成了循环：{loop}",
    ),
    "import.reason.unknown_reference": (
        "refers to {record} “{id}”, which is neither in the import nor in the store",
        "引用的{record}“{id}”既不在本次导入中，也不在数据库中",
    ),
    "import.reason.rejected_reference": (
        "refers to {record} “{id}”, whose own row was rejected ({file} row {row})",
        "引用的{record}“{id}”所在行被拒绝了（{file} 第 {row} 行）",
    ),
    "import.reason.department_moves": (
        "department “{unit}” belongs to {owner}; it cannot move to another company (add a new one)",
        "部门“{unit}”属于 {owner}，不能移到另一家公司（请新建一个部门）",
    ),
    "import.reason.contact_moves": (
        "moves {contact} to {company}, but their department “{unit}” belongs to {owner}: give unit_id too",
        "把 {contact} 移到 {company}，但其部门“{unit}”属于 {owner}：请同时填写部门编号（unit_id）",
    ),
    "import.reason.department_elsewhere": (
        "department “{unit}” belongs to another company ({owner}), not to {company}",
        "部门“{unit}”属于另一家公司（{owner}），不属于 {company}",
    ),
    "import.reason.no_known_column": (
        "no column of {stem} found in the header (expected {expected}, …); nothing was read",
        "表头中没有 {stem} 的任何列（应有 {expected} 等）；未读取任何内容",
    ),
    "import.reason.json_not_row": (
        "is not a row: each item of a list must be an object, not {kind}",
        "不是一行数据：列表中的每一项都必须是对象，而不是{kind}",
    ),
    "import.reason.json_cell": (
        "holds {kind}: a cell takes text, a number or true/false",
        "含有{kind}：单元格只能是文字、数字或 true/false",
    ),
    "import.reason.after_merge": ("{reason} (after merging duplicate contacts)", "{reason}（合并重复联系人之后）"),
    "import.record.Company": ("company", "公司"),
    "import.record.OrgUnit": ("department", "部门"),
    "import.record.Contact": ("contact", "联系人"),
    "import.record.Rep": ("rep", "销售"),
    "import.record.Opportunity": ("opportunity", "商机"),
    "import.lines.Contact": ("reporting lines", "汇报关系"),
    "import.lines.Company": ("branch lines", "上下级公司关系"),
    "import.lines.OrgUnit": ("department lines", "部门隶属关系"),
    "import.lines.Rep": ("rep manager lines", "销售上下级关系"),
    "import.json.object": ("an object", "对象"),
    "import.json.list": ("a list", "列表"),
    "import.json.text": ("a text", "文字"),
    "import.json.bool": ("true/false", "true/false"),
    "import.json.null": ("null", "null"),
    "import.json.number": ("a number", "数字"),
    "import.column.row": ("(row)", "（整行）"),
    "import.column.header": ("(header)", "（表头）"),
    "import.notice.no_file": (
        "no importable file found (expected companies.csv, contacts.csv, … or a workbook)",
        "未找到可导入的文件（应为 companies.csv、contacts.csv……或一个工作簿）",
    ),
    "import.notice.header_below": (
        "{file}: the header is on row {row}; the rows above it were skipped",
        "{file}：表头在第 {row} 行，其上方的行已跳过",
    ),
    "import.notice.unknown_column": (
        "{file}: column {column} is not part of the format; ignored",
        "{file}：列 {column} 不属于导入格式，已忽略",
    ),
    "import.notice.not_linked": ("not linked, the other end is missing: {link}", "未建立关联，另一端不存在：{link}"),
    "import.notice.merged": (
        "{file} row {row}: {contact} has the same {field} as {earlier} in {company}; merged into {earlier}",
        "{file} 第 {row} 行：{contact} 与 {company} 的 {earlier} {field}相同，已合并到 {earlier}",
    ),
    "import.field.phone": ("phone", "电话"),
    "import.field.e-mail": ("e-mail", "邮箱"),
    "import.field.email": ("e-mail", "邮箱"),
}
