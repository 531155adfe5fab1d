"""The review assignment's two transition tables and the one function that moves it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from skillbridge.common.models import AuditEntry
from skillbridge.review import services
from skillbridge.review.models import Review
from skillbridge.review.states import DECLARATION, REVIEW
from tests.review.conftest import submit

Status, Declaration = Review.Status, Review.Declaration

# Every way a review's status and declaration change: action → (from, to).
STATUS_TABLE = {
    "remove": ({Status.ACTIVE}, Status.REMOVED),
    "withdraw": ({Status.ACTIVE}, Status.CONFLICT),
    "reinstate": ({Status.REMOVED}, Status.ACTIVE),
}
DECLARATION_TABLE = {
    "declare_none": ({Declaration.PENDING}, Declaration.NONE),
    "declare_conflict": ({Declaration.PENDING}, Declaration.CONFLICT),
}


def table(machine):
    return {name: (set(t.sources), t.target) for name, t in machine.transitions.items()}


def test_the_tables_hold_every_move_and_no_other():
    assert table(REVIEW) == STATUS_TABLE
    assert table(DECLARATION) == DECLARATION_TABLE


def audit_of(review):
    return list(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Review), object_id=str(review.pk)
        )
        .exclude(action="review.submitted")
        .order_by("id")
        .values_list("action", "before", "after", "data")
    )


@pytest.fixture
def review(assigned, panel):
    return Review.objects.filter(reviewer=panel[0], status="active").order_by("pk").first()


def test_an_assignment_is_audited_as_reaching_active(review):
    [(action, before, after, data)] = audit_of(review)
    assert (action, before, after) == ("review.active", "", "active")
    assert (data["transition"], data["by"], data["reviewer"]) == (
        "assign",
        "engine",
        review.reviewer_id,
    )
    assert data["affinity"] == pytest.approx(float(review.affinity), abs=0.001)


def test_a_removal_and_a_reinstatement_are_audited_with_the_state_they_reach(
    officer, review, panel
):
    services.assignment_remove(actor=officer, review=review)
    services.assignment_add(actor=officer, proposal=review.proposal, reviewer=panel[0])
    review.refresh_from_db()
    assert (review.status, review.source, review.is_locked) == ("active", "officer", True)
    assert audit_of(review)[1:] == [
        ("review.removed", "active", "removed", {"transition": "remove", "by": "officer"}),
        ("review.active", "removed", "active", {"transition": "reinstate", "by": "officer"}),
    ]


def test_a_declared_conflict_records_the_declaration_and_the_withdrawal(review, panel):
    services.conflict_declare(reviewer=panel[0], review=review, conflict_kind="business")
    assert audit_of(review)[1:] == [
        (
            "declaration.conflict",
            "pending",
            "conflict",
            {"transition": "declare_conflict", "kind": "business"},
        ),
        ("review.conflict", "active", "conflict", {"transition": "withdraw", "by": "reviewer"}),
    ]


def test_declaring_twice_is_refused_with_the_tables_message(review, panel):
    services.conflict_declare(reviewer=panel[0], review=review)
    with pytest.raises(ValidationError) as refused:
        services.conflict_declare(reviewer=panel[0], review=review, conflict_kind="relative")
    assert refused.value.message_dict == {"__all__": ["You have already declared."]}
    review.refresh_from_db()
    assert (review.status, review.declaration) == ("active", "none")


def test_a_pair_removed_twice_is_refused_with_the_tables_message(officer, review):
    services.assignment_remove(actor=officer, review=review)
    with pytest.raises(ValidationError) as refused:
        services.assignment_remove(actor=officer, review=review)
    assert refused.value.message_dict == {"__all__": ["This assignment is no longer current."]}


def test_the_first_assignment_moves_the_proposal_under_review_in_the_one_vocabulary(review):
    entry = AuditEntry.objects.get(
        object_id=str(review.proposal_id), action__startswith="proposal."
    )  # the proposal's only move in review so far
    assert (entry.action, entry.before, entry.after, entry.data) == (
        "proposal.under_review",
        "eligible",
        "under_review",
        {"transition": "start_review"},
    )


def test_a_submitted_review_is_not_removed(officer, review):
    submit(review)
    with pytest.raises(ValidationError) as refused:
        services.assignment_remove(actor=officer, review=review)
    assert refused.value.message_dict == {"review": ["A submitted review cannot be removed."]}
