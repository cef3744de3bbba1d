"""The lock installs what the requirement files ask for: a requirement added without re-locking fails here."""

from __future__ import annotations

import re
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


def _requirements(path: Path) -> list[Requirement]:
    found: list[Requirement] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        if text.startswith("-r "):
            found += _requirements(path.parent / text[3:].strip())
        elif text:
            found.append(Requirement(text))
    return found


def _locked() -> dict[str, set[str]]:
    """Package → the versions the lock pins (a universal lock may pin two, for older and newer Pythons)."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins: dict[str, set[str]] = {}
    for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", text, re.M):
        pins.setdefault(canonicalize_name(name), set()).add(version)
    return pins


def test_every_requirement_is_locked_at_a_version_it_allows() -> None:
    locked = _locked()
    wrong = {
        str(r): sorted(locked.get(canonicalize_name(r.name), ()))
        for r in _requirements(ROOT / "requirements-dev.txt")
        if not locked.get(canonicalize_name(r.name))
        or not all(v in r.specifier for v in locked[canonicalize_name(r.name)])
    }
    assert wrong == {}, "re-lock: see the README's Dependencies section"


def test_every_locked_package_carries_hashes() -> None:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.strip())
    assert len(blocks) == sum(len(versions) for versions in _locked().values()) > 50
    assert [b.split(" ", 1)[0] for b in blocks if "--hash=sha256:" not in b] == []


def test_dev_tools_are_pinned_exactly() -> None:
    runtime = {canonicalize_name(r.name) for r in _requirements(ROOT / "requirements.txt")}
    tools = [r for r in _requirements(ROOT / "requirements-dev.txt") if canonicalize_name(r.name) not in runtime]
    assert len(tools) >= 10
    assert [str(r) for r in tools if not str(r.specifier).startswith("==")] == []
