"""The best set of N proposals under quotas, computed exactly, and why.

A small integer programme solved by SciPy's HiGHS ``milp``: choose x_i in
{0, 1} for every candidate to maximise sum(value_i * x_i) subject to
sum(x_i) = N and the quotas:

* at least ``min_per_sector`` from every sector that has candidates (a sector
  with fewer candidates than that must have all of them chosen);
* at most ``max_per_college`` from any one college;
* at least ``min_per_sex`` proposals led by a woman and as many led by a man.

Values are compared in thousandths (scores carry three decimals), so optimality
is exact. Among sets of equal value the one holding the best-ranked candidates
wins (each candidate also earns a tie-break bonus smaller than one thousandth in
total, by its place in the ranking), so the answer is deterministic.

A quota *binds* when dropping it alone gives a strictly better total; the
result lists, for every binding quota, what would enter and leave the set.
Pure functions: no database access.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from skillbridge.common.choices import Sex

FEMALE, MALE = Sex.FEMALE.value, Sex.MALE.value


@dataclass(frozen=True)
class Candidate:
    id: int
    value: float  # on the 1-5 scale; candidates come in ranking order
    sector: str
    college: str
    lead_sex: str


@dataclass(frozen=True)
class Quota:
    kind: str  # "sector_min", "college_max" or "sex_min"
    subject: str  # the sector, college or sex it is about
    bound: int
    members: frozenset[int] = field(compare=False, repr=False)

    @property
    def is_minimum(self) -> bool:
        return self.kind != "college_max"

    @property
    def led_by_woman(self) -> bool:
        return self.kind == "sex_min" and self.subject == FEMALE


@dataclass(frozen=True)
class Binding:
    quota: Quota
    total_without: float
    would_enter: tuple[int, ...]
    would_leave: tuple[int, ...]


@dataclass(frozen=True)
class Selection:
    feasible: bool
    chosen: tuple[int, ...]  # in ranking order
    total: float
    quotas: tuple[Quota, ...]
    binding: tuple[Binding, ...]


def build_quotas(
    candidates: Sequence[Candidate],
    *,
    min_per_sector: int = 0,
    max_per_college: int | None = None,
    min_per_sex: int = 0,
) -> list[Quota]:
    quotas: list[Quota] = []

    def members(attr: str, value: str) -> frozenset[int]:
        return frozenset(i for i, c in enumerate(candidates) if getattr(c, attr) == value)

    if min_per_sector > 0:
        for sector in sorted({c.sector for c in candidates if c.sector}):
            group = members("sector", sector)
            quotas.append(Quota("sector_min", sector, min(min_per_sector, len(group)), group))
    if max_per_college is not None:
        for college in sorted({c.college for c in candidates}):
            group = members("college", college)
            if len(group) > max_per_college:
                quotas.append(Quota("college_max", college, max_per_college, group))
    if min_per_sex > 0:
        for sex in (FEMALE, MALE):
            quotas.append(Quota("sex_min", sex, min_per_sex, members("lead_sex", sex)))
    return quotas


def _milli(value: float) -> int:
    return round(value * 1000)


def _solve(candidates: Sequence[Candidate], n: int, quotas: Sequence[Quota]) -> list[int] | None:
    """Indexes of the optimal set, or None when no set meets the quotas."""
    count = len(candidates)
    if n > count:
        return None
    if count == 0:  # nothing to choose from: only the empty set, if no minimum is demanded
        return None if any(q.is_minimum and q.bound > 0 for q in quotas) else []
    # Lexicographic objective in exact integers: value first, ranking place second.
    big = count * (count + 1) + 1
    weights = np.array(
        [_milli(c.value) * big + (count - i) for i, c in enumerate(candidates)], dtype=float
    )
    rows, lower, upper = [np.ones(count)], [n], [n]
    for quota in quotas:
        row = np.zeros(count)
        row[list(quota.members)] = 1
        rows.append(row)
        lower.append(quota.bound if quota.is_minimum else 0)
        upper.append(np.inf if quota.is_minimum else quota.bound)
    result = milp(
        c=-weights,
        integrality=np.ones(count),
        bounds=Bounds(0, 1),
        constraints=LinearConstraint(np.array(rows), lower, upper),
        options={"mip_rel_gap": 0},
    )
    if result.status != 0 or result.x is None:
        return None
    return [i for i in range(count) if result.x[i] > 0.5]


def _total(candidates: Sequence[Candidate], indexes: Sequence[int]) -> float:
    return sum(_milli(candidates[i].value) for i in indexes) / 1000


def best_set(
    candidates: Sequence[Candidate],
    n: int,
    *,
    min_per_sector: int = 0,
    max_per_college: int | None = None,
    min_per_sex: int = 0,
) -> Selection:
    """The optimal set of `n` candidates under the quotas, with the quotas that bound it."""
    quotas = build_quotas(
        candidates,
        min_per_sector=min_per_sector,
        max_per_college=max_per_college,
        min_per_sex=min_per_sex,
    )
    chosen = _solve(candidates, n, quotas)
    if chosen is None:
        return Selection(False, (), 0.0, tuple(quotas), ())
    total = _total(candidates, chosen)
    binding = []
    for quota in quotas:
        without = _solve(candidates, n, [q for q in quotas if q is not quota])
        if without is None or _total(candidates, without) <= total:
            continue
        binding.append(
            Binding(
                quota=quota,
                total_without=_total(candidates, without),
                would_enter=tuple(candidates[i].id for i in without if i not in chosen),
                would_leave=tuple(candidates[i].id for i in chosen if i not in without),
            )
        )
    return Selection(
        True, tuple(candidates[i].id for i in chosen), total, tuple(quotas), tuple(binding)
    )
