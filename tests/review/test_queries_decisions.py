"""The officer's pages of a call's decisions cost the same number of queries whatever their
rows (issue 17): the best selection as reviewed proposals grow past the awards planned,
and one proposal's reviews side by side as its reviews and the call's criteria grow.
(The ranking and the decisions have theirs in test_views and test_ranking; the reviewers'
and the API's lists in test_list_queries.)"""

import pytest
from django.urls import reverse

from skillbridge.calls.models import Proposal
from skillbridge.review import services
from skillbridge.review.models import Review
from tests.calls.factories import ProposalFactory, RubricCriterionFactory
from tests.factories import CollegeFactory, SectorFactory
from tests.queries import same_queries
from tests.review.conftest import make_reviewer, submit


def reviewed(call, officer, values=(4, 3, 5), ict=(1, 2, 1)) -> None:
    """Assign the eligible proposals across the panel and submit every review with `values`,
    or `ict` for an ICT proposal."""
    call.pool.update(load_limit=50)
    services.assignment_run(actor=officer, call=call)
    for review in Review.objects.filter(status="active", submitted_at=None).order_by("pk"):
        submit(review, values=ict if review.proposal.sector.slug == "ict" else values)


def release_all(call, officer) -> None:
    """Stage and release a decision on every reviewed proposal still under review."""
    waiting = call.proposals.filter(state=Proposal.State.UNDER_REVIEW).order_by("pk")
    services.decisions_stage_selection(
        actor=officer,
        call=call,
        selected=list(waiting.values_list("pk", flat=True)[:2]),
        reserve=[],
        reason_selected="Most innovative.",
        reason_reserve="",
        reason_not_selected="Less innovative than the others.",
    )
    services.decisions_release(actor=officer, call=call, share_comments=False)


@pytest.mark.parametrize("released", [False, True], ids=["to_stage", "compared"])
def test_the_best_selection_is_constant(
    client, call, officer, assigned, released, django_assert_num_queries
):
    """Before the decisions, and once all are released (the set is then computed among
    them all, to compare with the committee's choice)."""
    reviewed(call, officer)
    if released:
        release_all(call, officer)
    ict = SectorFactory(slug="ict", name="ICT")
    call.sectors.add(ict)

    def grow():
        tumba = CollegeFactory(short_name="IPRC Tumba")
        for i in range(12):
            ProposalFactory(
                call=call,
                college=tumba,
                sector=ict if i % 3 == 0 else call.sectors.get(slug="energy"),
                state=Proposal.State.ELIGIBLE,
                title=f"Grown {i}",
            )
        reviewed(call, officer, values=(5, 5, 5))
        if released:
            release_all(call, officer)
        client.get(url)  # the submissions dropped the ranking's cached statistics

    client.force_login(officer)
    # Ten awards planned: the set grows with the reviewed proposals up to ten, and both
    # quotas bind once Tumba's many well-scored proposals and ICT's low ones arrive.
    url = reverse("review:selection", args=[call.pk])
    url += f"?size={call.awards_planned}&reserve=3&min_per_sector=1&max_per_college=7"
    response = same_queries(client, url, grow, django_assert_num_queries)
    assert response.context["comparison"] is released
    found = response.context["found"]
    assert len(found.chosen_rows) == 10
    assert len(found.reserve_rows) == 3
    assert {b["quota"].kind for b in found.bindings} == {"sector_min", "college_max"}


def test_a_proposals_reviews_side_by_side_are_constant(
    client, call, officer, assigned, django_assert_num_queries
):
    proposal = assigned[0]
    first, pending = proposal.reviews.filter(status="active").order_by("pk")
    submit(first)

    def grow():
        for position in (3, 4):
            RubricCriterionFactory(call=call, name=f"Criterion {position}", position=position)
        for i in range(4):
            user = make_reviewer(call.programme, f"extra{i}@example.org")
            services.pool_member_save(actor=officer, call=call, reviewer=user, load_limit=5)
            review = services.assignment_add(actor=officer, proposal=proposal, reviewer=user)
            submit(review, values=(5, 4, 3, 2, 1 + i))
        submit(pending, values=(2, 2, 2, 2, 2))
        client.get(url)  # the submissions dropped the ranking's cached statistics

    client.force_login(officer)
    url = reverse("review:proposal_reviews", args=[call.pk, proposal.pk])
    response = same_queries(client, url, grow, django_assert_num_queries)
    grid = response.context["grid"]
    assert len(grid.reviews) == 6
    assert [len(line.values) for line in grid.lines] == [6] * 5
    assert grid.lines[4].values == [None, 1, 2, 3, 4, 2]
