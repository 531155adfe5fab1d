"""From a call's panel and proposals to an assignment-engine instance, and back.

No database access: the service hands in plain values and applies the plan.

**Affinity.** Every allowed (proposal, reviewer) pair gets a score in 0-1:

* 0.9 when the reviewer declared the proposal's sector as expertise,
  0.6 when the reviewer declared no sector at all (a generalist),
  0.4 otherwise;
* times 0.25 when the proposal already holds a kept reviewer (locked, or one
  who has started) from the same organisation, so panels mix RP, MINAFFET and IOM.

Pairs that conflict (automatically or declared) and pairs the officer removed
are left out of ``scores`` (and also passed as ``forbidden``), so the engine
can never use them; kept pairs are ``locked``.

**Balanced loads (capacity tuning).** The engine first runs with every
reviewer at their own load limit to learn how many seats can be filled at
all. Then a binary search finds the smallest common cap c such that giving
each reviewer min(load limit, c) still fills that many seats; the final run
uses those capacities. The busiest reviewer therefore carries as few
proposals as possible, and nobody ever exceeds their own limit.

**Different organisations (iterative).** The engine's ``fair`` objective fills
as many seats as possible, then maximises the lowest pair score, then the
total. After a run, any proposal that received two reviewers from the same
organisation has the weaker new pair's score lowered to 0.01 and the engine
runs again (at most three rounds), which moves the duplicate elsewhere
whenever another reviewer can take the seat.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from skillbridge.assignment import solve

SECTOR_MATCH = 0.9
GENERALIST = 0.6
OTHER_SECTOR = 0.4
SAME_ORGANISATION_FACTOR = 0.25
DUPLICATE_SCORE = 0.01
BALANCE_ROUNDS = 3


@dataclass(frozen=True)
class Panelist:
    reviewer_id: int
    organisation_id: int | None
    load_limit: int
    sector_ids: frozenset[int]


@dataclass(frozen=True)
class Seat:
    proposal_id: int
    sector_id: int | None
    seats: int


@dataclass
class Plan:
    pairs: dict[tuple[int, int], float] = field(default_factory=dict)  # chosen, with scores
    unfilled: dict[int, int] = field(default_factory=dict)  # proposal id → open seats
    loads: dict[int, int] = field(default_factory=dict)  # reviewer id → load in the call


def pid(proposal_id: int) -> str:
    return f"P{proposal_id:09d}"  # zero-padded: the engine breaks ties by id order


def rid(reviewer_id: int) -> str:
    return f"R{reviewer_id:09d}"


def affinity(panelist: Panelist, sector_id: int | None, same_organisation: bool) -> float:
    if not panelist.sector_ids:
        score = GENERALIST
    elif sector_id is not None and sector_id in panelist.sector_ids:
        score = SECTOR_MATCH
    else:
        score = OTHER_SECTOR
    return round(score * (SAME_ORGANISATION_FACTOR if same_organisation else 1), 4)


def plan_assignment(
    *,
    seats: list[Seat],
    panel: list[Panelist],
    kept: set[tuple[int, int]],
    excluded: set[tuple[int, int]],
) -> Plan:
    """Choose reviewers for `seats`, keeping the `kept` pairs and never using `excluded` ones.

    `kept` holds every current pair of the call that must stay, in scope or not:
    those outside `seats` only count towards the reviewer's load.
    """
    if not seats or not panel:
        return Plan(unfilled={s.proposal_id: s.seats for s in seats})
    instance = _Instance.build(seats, panel, kept, excluded)
    cap = _smallest_cap(instance)
    result = instance.run(cap)
    for _ in range(BALANCE_ROUNDS):
        if not _penalise_duplicates(result, instance.by_id, instance.locked, instance.scores):
            break
        result = instance.run(cap)
    return instance.plan(result)


@dataclass
class _Instance:
    """One call's assignment problem in the engine's terms, run at any common load cap."""

    seats: list[Seat]
    panel: list[Panelist]
    excluded: set[tuple[int, int]]
    by_id: dict[int, Panelist]
    locked: dict[int, list[int]]  # proposal → kept reviewers
    load_outside: dict[int, int]  # reviewer → kept pairs outside `seats`
    scores: dict[tuple[int, int], float] = field(default_factory=dict)

    @classmethod
    def build(cls, seats, panel, kept, excluded) -> _Instance:
        by_id = {p.reviewer_id: p for p in panel}
        in_scope = {s.proposal_id for s in seats}
        load_outside: dict[int, int] = defaultdict(int)
        locked: dict[int, list[int]] = defaultdict(list)
        for proposal_id, reviewer_id in sorted(kept):
            if proposal_id in in_scope and reviewer_id in by_id:
                locked[proposal_id].append(reviewer_id)
            else:
                load_outside[reviewer_id] += 1
        instance = cls(seats, panel, excluded, by_id, locked, load_outside)
        instance.scores = instance._affinities()
        return instance

    def _affinities(self) -> dict[tuple[int, int], float]:
        """Every allowed pair's score; a kept pair is always allowed."""
        scores = {}
        for seat in self.seats:
            kept = self.locked[seat.proposal_id]
            kept_orgs = {self.by_id[r].organisation_id for r in kept}
            for panelist in self.panel:
                pair = (seat.proposal_id, panelist.reviewer_id)
                is_kept = panelist.reviewer_id in kept
                if pair in self.excluded and not is_kept:
                    continue
                same = (
                    panelist.organisation_id is not None and panelist.organisation_id in kept_orgs
                )
                scores[pair] = affinity(panelist, seat.sector_id, same and not is_kept)
        return scores

    def capacities(self, cap: int) -> dict[int, int]:
        """Each reviewer's room under `cap`, never below the kept pairs they already hold."""
        locked_load: dict[int, int] = defaultdict(int)
        for reviewers in self.locked.values():
            for reviewer_id in reviewers:
                locked_load[reviewer_id] += 1
        result = {}
        for p in self.panel:
            room = min(p.load_limit, cap) - self.load_outside[p.reviewer_id]
            room = max(room, locked_load[p.reviewer_id])
            if room > 0:
                result[p.reviewer_id] = room
        return result

    def run(self, cap: int) -> dict:
        capacity = self.capacities(cap)
        in_scope = {s.proposal_id for s in self.seats}
        locked = self.locked
        return solve(
            {
                "objective": "fair",
                "projects": [
                    {"id": pid(s.proposal_id), "seats": max(s.seats, len(locked[s.proposal_id]))}
                    for s in self.seats
                ],
                "experts": [{"id": rid(r), "capacity": c} for r, c in capacity.items()],
                "scores": [
                    {"project": pid(p), "expert": rid(r), "score": score}
                    for (p, r), score in self.scores.items()
                    if r in capacity
                ],
                "locked": [
                    {"project": pid(p), "expert": rid(r)} for p, rs in locked.items() for r in rs
                ],
                "forbidden": [
                    {"project": pid(p), "expert": rid(r)}
                    for p, r in sorted(self.excluded)
                    if p in in_scope and r in capacity and r not in locked[p]
                ],
            }
        )

    def plan(self, result: dict) -> Plan:
        plan = Plan()
        for item in result["assignments"]:
            pair = (int(item["project"][1:]), int(item["expert"][1:]))
            plan.pairs[pair] = item["score"]
        for item in result["unfilled"]:
            plan.unfilled[int(item["project"][1:])] = item["open_seats"]
        for reviewer_id in self.by_id:
            plan.loads[reviewer_id] = self.load_outside[reviewer_id] + sum(
                1 for _, r in plan.pairs if r == reviewer_id
            )
        return plan


def _smallest_cap(instance: _Instance) -> int:
    """The smallest common load cap that still fills as many seats as the load limits allow."""
    widest = max(p.load_limit for p in instance.panel)
    best = instance.run(widest)["stats"]["filled_seats"]
    low, high = 1, widest
    while low < high:
        middle = (low + high) // 2
        if instance.run(middle)["stats"]["filled_seats"] >= best:
            high = middle
        else:
            low = middle + 1
    return low


def _penalise_duplicates(
    result: dict,
    by_id: dict[int, Panelist],
    locked: dict[int, list[int]],
    scores: dict[tuple[int, int], float],
) -> bool:
    """Lower the score of new pairs that repeat an organisation on a proposal; True if any."""
    chosen: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for item in result["assignments"]:
        chosen[int(item["project"][1:])].append((item["score"], int(item["expert"][1:])))
    changed = False
    for proposal_id, pairs in chosen.items():
        seen: set[int] = set()
        # Locked reviewers claim their organisation first, then the best-scored pairs.
        ordered = sorted(pairs, key=lambda sr: (sr[1] not in locked[proposal_id], -sr[0], sr[1]))
        for _, reviewer_id in ordered:
            organisation = by_id[reviewer_id].organisation_id
            if organisation is None:
                continue
            pair = (proposal_id, reviewer_id)
            is_new = reviewer_id not in locked[proposal_id]
            if organisation in seen and is_new and scores[pair] > DUPLICATE_SCORE:
                scores[pair] = DUPLICATE_SCORE
                changed = True
            seen.add(organisation)
    return changed
