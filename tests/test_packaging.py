"""The dependency bounds: each has an upper bound, and CI pins exactly the lower ones."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
#: A requirement such as ``textual>=8.2,<9``: name, lower bound, upper bound.
REQUIREMENT = re.compile(r"^([A-Za-z0-9_.-]+)>=([0-9.]+),<([0-9.]+)$")


def requirements() -> list[str]:
    extras = PROJECT["optional-dependencies"]
    return [*PROJECT["dependencies"], *extras["test"], *extras["lint"]]


def test_every_dependency_has_a_lower_and_an_upper_bound() -> None:
    loose = [r for r in requirements() if not REQUIREMENT.match(r)]
    assert loose == []


def test_ci_pins_the_lower_bound_of_every_runtime_and_test_dependency() -> None:
    pinned = dict(
        line.split("==")
        for line in (ROOT / ".ci" / "constraints-min.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    )
    extras = PROJECT["optional-dependencies"]
    for requirement in [*PROJECT["dependencies"], *extras["test"]]:
        match = REQUIREMENT.match(requirement)
        assert match is not None
        name, lower, _ = match.groups()
        assert name in pinned, f"{name} is not in .ci/constraints-min.txt"
        wanted = lower if lower.count(".") >= 2 else f"{lower}.0"
        assert pinned[name] == wanted, f"{name}: CI pins {pinned[name]}, pyproject allows {lower}"
