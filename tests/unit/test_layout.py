"""The layout a newcomer reads is the layout there is: README's tree names every module, and no module twice."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("app_pages", "bench", "graph", "ingest", "ui")
SHARED_NAMES = {"__init__.py", "__main__.py", "conftest.py"}


def _tracked_modules() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [Path(line) for line in listed.stdout.splitlines() if (ROOT / line).exists()]


def _layout_block() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How the code is laid out", 1)[1]
    return section.split("```", 2)[1]


def test_no_two_modules_share_a_name() -> None:
    names = Counter(p.name for p in _tracked_modules() if p.name not in SHARED_NAMES)
    assert {name: count for name, count in names.items() if count > 1} == {}


def test_the_readme_tree_names_every_product_module_and_no_other() -> None:
    block = _layout_block()
    product = {p for p in _tracked_modules() if p.parts[0] in FOLDERS and p.name not in SHARED_NAMES}
    assert len(product) > 100
    named = set(re.findall(r"[a-z_0-9]+\.py", block))
    assert {p.name for p in product} - named == set(), "add them to the README's layout section"
    assert named - {p.name for p in product} - {"app.py", "serve.py"} == set(), "the README names modules that are gone"


def test_every_package_is_in_the_tree_and_says_what_it_may_import() -> None:
    block = _layout_block()
    packages = sorted({p.parent for p in _tracked_modules() if p.name == "__init__.py" and p.parts[0] in FOLDERS})
    assert [str(p) for p in packages if f"{p}/" not in block] == []
    for package in packages:
        doc = (ROOT / package / "__init__.py").read_text(encoding="utf-8")
        assert re.search(r"\b(may import|imports nothing|nothing below imports)\b", doc, re.I), package
