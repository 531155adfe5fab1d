"""Reads of the review app, already limited to what the asking user may see."""

from skillbridge.review.selectors.access import (
    automatic_conflicts,
    call_for_member,
    conflicts_automatically,
    proposal_for_member,
    review_for_member,
)
from skillbridge.review.selectors.decisions import (
    decisions_of,
    own_proposals_in_review,
    places_to_fill,
    reserve_list,
    shared_comments,
    unreviewed_undecided,
)
from skillbridge.review.selectors.ranking import (
    DECIDED,
    IN_REVIEW,
    SORTS,
    RankingRow,
    SelectionView,
    assignments_of,
    pool_of,
    ranking,
    review_candidates,
    selection_for,
    sort_and_filter,
)
from skillbridge.review.selectors.reviewers import (
    criteria_of,
    next_review,
    others_reviews,
    reviews_of,
    team_names,
)

__all__ = [
    "DECIDED",
    "IN_REVIEW",
    "SORTS",
    "RankingRow",
    "SelectionView",
    "assignments_of",
    "automatic_conflicts",
    "call_for_member",
    "conflicts_automatically",
    "criteria_of",
    "decisions_of",
    "next_review",
    "others_reviews",
    "own_proposals_in_review",
    "places_to_fill",
    "pool_of",
    "proposal_for_member",
    "ranking",
    "reserve_list",
    "review_candidates",
    "review_for_member",
    "reviews_of",
    "selection_for",
    "shared_comments",
    "sort_and_filter",
    "team_names",
    "unreviewed_undecided",
]
