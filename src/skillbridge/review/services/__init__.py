"""Every write of the review app: one function per step, each one transaction."""

from skillbridge.review.services.adjusting import assignment_add, assignment_remove
from skillbridge.review.services.assigning import RunSummary, assignment_run
from skillbridge.review.services.deciding import (
    decision_stage,
    decisions_release,
    decisions_stage_selection,
)
from skillbridge.review.services.declaring import conflict_declare
from skillbridge.review.services.pool import pool_member_remove, pool_member_save
from skillbridge.review.services.previewing import Prepared, assignment_preview
from skillbridge.review.services.releasing import ReleasePreview, release_preview
from skillbridge.review.services.reserve import reserve_promote, selection_disqualify
from skillbridge.review.services.reviewing import review_save, review_submit

__all__ = [
    "Prepared",
    "ReleasePreview",
    "RunSummary",
    "assignment_add",
    "assignment_preview",
    "assignment_remove",
    "assignment_run",
    "conflict_declare",
    "decision_stage",
    "decisions_release",
    "decisions_stage_selection",
    "pool_member_remove",
    "pool_member_save",
    "release_preview",
    "reserve_promote",
    "review_save",
    "review_submit",
    "selection_disqualify",
]
