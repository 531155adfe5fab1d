"""Turn stored runs into what the officer's pages show, in a fixed number of queries."""

from dataclasses import dataclass, field

from skillbridge.experts.models import ExpertProfile
from skillbridge.pairing.models import Candidate, MatchingRun, Need
from skillbridge.pairing.phrases import alternate_reasons, diagnosis_text, engine_reason
from skillbridge.pairing.selectors import decisions_by_pair


@dataclass
class NeedRow:
    need: Need
    proposed: list = field(default_factory=list)
    alternates: list = field(default_factory=list)


def present_candidates(candidates, needs: list[Need]) -> list[NeedRow]:
    """A run's candidates grouped by need, each with its reasons in words and any decision."""
    decided = decisions_by_pair(needs)
    rows: dict[int, NeedRow] = {}
    for candidate in candidates:
        row = rows.setdefault(candidate.need_id, NeedRow(need=candidate.need))
        candidate.reason_texts = [
            engine_reason(text, candidate.need.sector) for text in candidate.reasons
        ]
        candidate.decision = decided.get((candidate.need_id, candidate.expert_id), "")
        (row.alternates if candidate.is_alternate else row.proposed).append(candidate)
    for row in rows.values():
        best = max((candidate.score for candidate in row.proposed), default=None)
        for candidate in row.alternates:
            candidate.reason_texts = alternate_reasons(candidate.rank, candidate.score, best)
    return list(rows.values())


def present_summary(run: MatchingRun) -> dict:
    """The run's stored summary, with needs and professionals named and reasons in words."""
    summary = dict(run.summary)
    unfilled = summary.get("unfilled", [])
    loads = summary.get("loads", [])
    needs = Need.objects.select_related("proposal", "training_request").in_bulk(
        [item["need"] for item in unfilled]
    )
    experts = ExpertProfile.objects.select_related("user").in_bulk(
        [item["expert"] for item in loads]
    )
    summary["unfilled"] = [
        {
            "need": needs.get(item["need"]),
            "open_seats": item["open_seats"],
            "reasons": [diagnosis_text(reason) for reason in item["reasons"]],
        }
        for item in unfilled
    ]
    summary["loads"] = [
        {
            "expert": experts.get(item["expert"]),
            "assigned": item["assigned"],
            "free_before": item["free_before"],
        }
        for item in loads
    ]
    return summary


__all__ = ["Candidate", "NeedRow", "present_candidates", "present_summary"]
