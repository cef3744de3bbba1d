"""The README documents every import column and alias, and the templates cover every stem."""

from __future__ import annotations

from pathlib import Path

from ingest.columns import COLUMNS, ENUM_ALIASES, STEM_ALIASES, STEMS

ROOT = Path(__file__).resolve().parents[2]


def test_readme_lists_every_column_and_alias() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [
        f"{stem}.{name}"
        for stem, columns in COLUMNS.items()
        for column, aliases in columns.items()
        for name in (column, *aliases)
        if name not in readme
    ]
    missing += [word for word in ENUM_ALIASES if word not in readme]
    assert missing == []


def test_a_template_per_stem_with_canonical_headers() -> None:
    for stem in STEMS:
        header = (ROOT / "templates" / f"{stem}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == list(COLUMNS[stem]), stem


def test_readme_lists_every_chinese_file_name() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [alias for aliases in STEM_ALIASES.values() for alias in aliases if alias not in readme] == []
