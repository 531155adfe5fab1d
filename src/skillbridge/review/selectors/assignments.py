"""The officers' list of a call's assignments: who reviews which proposal, in what state."""

from django.db.models import Q, QuerySet

from skillbridge.calls.models import Call
from skillbridge.review.models import Review

ASSIGNMENT_STATES = {
    "to_declare": Q(status=Review.Status.ACTIVE, declaration=Review.Declaration.PENDING),
    "writing": Q(
        status=Review.Status.ACTIVE,
        declaration=Review.Declaration.NONE,
        submitted_at__isnull=True,
    ),
    "submitted": Q(status=Review.Status.ACTIVE, submitted_at__isnull=False),
    "removed": Q(status=Review.Status.REMOVED),
    "conflict": Q(status=Review.Status.CONFLICT),
}


# What the assignments list and its API read (the rules read the programme's id): never the
# reviews' comments, the proposals' texts and frozen copy, or the call's texts, which rode
# through the sort with every review of the call.
ASSIGNMENT_COLUMNS = (
    "proposal_id",
    "reviewer_id",
    "source",
    "is_locked",
    "status",
    "declaration",
    "declared_at",
    "conflict_kind",
    "conflict_detail",
    "submitted_at",
    "proposal__title",
    "proposal__call_id",
    "proposal__college_id",
    "proposal__college__short_name",
    "proposal__call__programme_id",
    "proposal__call__programme__id",
    "reviewer__full_name",
    "reviewer__email",
)


def assignments_of(
    call: Call, *, reviewer: int | None = None, proposal: str = "", state: str = ""
) -> QuerySet[Review]:
    """The call's assignments, with what its rules read (the proposal's programme).

    Filtered by reviewer (id), proposal (its number, or part of its title) and
    state (a key of ASSIGNMENT_STATES), when given.
    """
    reviews = Review.objects.filter(proposal__call=call)
    if reviewer:
        reviews = reviews.filter(reviewer_id=reviewer)
    proposal = proposal.strip()
    if proposal.isdigit():
        reviews = reviews.filter(proposal_id=int(proposal))
    elif proposal:
        reviews = reviews.filter(proposal__title__icontains=proposal)
    if state in ASSIGNMENT_STATES:
        reviews = reviews.filter(ASSIGNMENT_STATES[state])
    # By title, then number: the order officers find a proposal in, read from the
    # proposals' (call, title, id) index, so a page stops after its rows.
    return (
        reviews.select_related("proposal__call__programme", "proposal__college", "reviewer")
        .only(*ASSIGNMENT_COLUMNS)
        .order_by("proposal__title", "proposal_id", "reviewer__email")
    )
