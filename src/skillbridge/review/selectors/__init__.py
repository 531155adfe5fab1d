"""Reads of the review app, already limited to what the asking user may see.

A call is reached through its own accessor, `calls.selectors.call_for` (re-exported
here): the pages of its review answer 403 to whoever sees the call without running it.
"""

from skillbridge.calls.selectors import call_for
from skillbridge.review.selectors.access import (
    automatic_conflicts,
    conflicts_automatically,
    decision_for,
    pool_member_for,
    review_for,
    reviewed_proposal_for,
)
from skillbridge.review.selectors.assignments import assignments_of
from skillbridge.review.selectors.decisions import (
    applicant_comments,
    decisions_of,
    own_proposals_in_review,
    places_to_fill,
    released_decision,
    reserve_list,
    shared_comments,
    unreviewed_undecided,
)
from skillbridge.review.selectors.grid import review_grid
from skillbridge.review.selectors.ranking import (
    SORTS,
    Placed,
    RankingRow,
    calls_run_by,
    pool_of,
    ranking,
    ranking_colleges_of,
    ranking_order,
    ranking_row,
    ranking_rows,
    review_candidates,
    sort_and_filter,
)
from skillbridge.review.selectors.ranking_stats import call_stats, ranking_forget
from skillbridge.review.selectors.reviewers import (
    criteria_of,
    next_review,
    others_reviews,
    review_attachment,
    review_material,
    review_progress,
    review_to_open,
    reviews_of,
    reviews_page,
    team_names,
)
from skillbridge.review.selectors.selection import SelectionView, selection_for
from skillbridge.review.states import DECIDED, IN_REVIEW

__all__ = [
    "DECIDED",
    "IN_REVIEW",
    "SORTS",
    "Placed",
    "RankingRow",
    "SelectionView",
    "applicant_comments",
    "assignments_of",
    "automatic_conflicts",
    "call_for",
    "call_stats",
    "calls_run_by",
    "conflicts_automatically",
    "criteria_of",
    "decision_for",
    "decisions_of",
    "next_review",
    "others_reviews",
    "own_proposals_in_review",
    "places_to_fill",
    "pool_member_for",
    "pool_of",
    "ranking",
    "ranking_colleges_of",
    "ranking_forget",
    "ranking_order",
    "ranking_row",
    "ranking_rows",
    "released_decision",
    "reserve_list",
    "review_attachment",
    "review_candidates",
    "review_for",
    "review_grid",
    "review_material",
    "review_progress",
    "review_to_open",
    "reviewed_proposal_for",
    "reviews_of",
    "reviews_page",
    "selection_for",
    "shared_comments",
    "sort_and_filter",
    "team_names",
    "unreviewed_undecided",
]
