"""Where the code disagrees with the table: each a bug to fix, written up in the findings.

The table states the rule; these cases answer otherwise today, so the
matrix marks them xfail(strict=True): the suite stays green until the owner
fixes the view, and then fails until the mark is removed here.
"""

from dataclasses import dataclass

import pytest

from skillbridge.access_matrix import MEMBERS


@dataclass(frozen=True)
class Finding:
    number: int
    rows: tuple  # URL names or API operations
    roles: tuple
    why: str
    label: str = ""  # one case of a row with several ("" for all of them)


def members_but(*kept: str) -> tuple:
    """Every role in the programme except `kept`."""
    return tuple(role for role in MEMBERS if role not in kept)


# /work/briefs/matrix_findings.md has each one in full: expected, got, why.
FINDINGS: list[Finding] = []


def xfail_mark(name: str, label: str, role: str):
    for finding in FINDINGS:
        if name in finding.rows and role in finding.roles and finding.label in ("", label):
            return pytest.mark.xfail(strict=True, reason=f"finding {finding.number}: {finding.why}")
    return None
