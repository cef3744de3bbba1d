"""The claim policy's one home: a TOML file sales ops edit by hand or from the Claims page.

A missing file means seed 000's defaults. A file that cannot be used is a
``ConfigError`` naming the file and the setting, never a silent default:
sales ops must know their rule is not the one applied. Saving replaces the
file whole (write a sibling, then rename), so a reader never sees half of it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from graph.config.toml_file import load_toml
from graph.domain.claim_policy import ClaimPolicy, TierRule
from graph.domain.errors import ConfigError

__all__ = ["load_policy", "policy_toml", "save_policy"]

_HEADER = """\
# kagraph claim policy (报备规则). [default] applies to every tier; [tiers.N] overrides it for tier N
# (1 large enterprise, 2 mid-market, 3 micro).
#   days          natural days a claim protects, the claim day being the first
#   renewals      how many times real progress (a deal moving to a later stage, or won) renews it
#   cap           live claims one rep may hold on customers of the tier
#   cooling_days  days before a rep may claim again an enterprise they let lapse or released
# separate_branches: group ids whose branches are claimed one by one (otherwise a claim covers the group).
# team_shares: the holder's team in the same channel shares the claim.
"""


def _rule_lines(rule: TierRule) -> list[str]:
    return [f"{name} = {value}" for name, value in rule.model_dump().items()]


def policy_toml(policy: ClaimPolicy) -> str:
    """The policy as the file's text.

    JSON's string escapes (with ``ensure_ascii`` off) are valid TOML basic strings.

    >>> import tomllib
    >>> text = policy_toml(ClaimPolicy(tiers={1: TierRule(days=30)}))
    >>> tomllib.loads(text)["tiers"]["1"]["days"], tomllib.loads(text)["default"]["days"]
    (30, 14)
    """
    groups = ", ".join(json.dumps(group, ensure_ascii=False) for group in sorted(policy.separate_branches))
    lines = [_HEADER, f"separate_branches = [{groups}]", f"team_shares = {str(policy.team_shares).lower()}", ""]
    lines += ["[default]", *_rule_lines(policy.default), ""]
    for tier in sorted(policy.tiers):
        lines += [f"[tiers.{tier}]", *_rule_lines(policy.tiers[tier]), ""]
    return "\n".join(lines)


def load_policy(path: Path) -> ClaimPolicy:
    """The policy in ``path``, or the defaults when there is no such file."""
    return load_toml(path, ClaimPolicy, "claim policy")


def save_policy(path: Path, policy: ClaimPolicy) -> None:
    """Write the policy to ``path`` whole."""
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        draft.write_text(policy_toml(policy), encoding="utf-8")
        os.replace(draft, path)
    except OSError as error:
        raise ConfigError(f"claim policy {path}: cannot be saved ({error.strerror or error})") from error
