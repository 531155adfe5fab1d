"""A matching run end to end on factory data, through the background task."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from skillbridge.pairing import services
from skillbridge.pairing.models import Candidate, MatchingRun, PairDecision, Pairing
from tests.calls.factories import ProposalFactory
from tests.pairing.factories import ExpertProfileFactory, NeedFactory, SkillFactory

pytestmark = pytest.mark.django_db


def _run(officer, programme, **kwargs):
    """Start a run and let the (immediate) task backend execute it after the commit."""
    return services.run_start(actor=officer, programme=programme, **kwargs)


def test_a_run_proposes_the_best_professional_with_reasons_and_alternates(
    officer, programme, need, energy, django_capture_on_commit_callbacks
):
    solar = SkillFactory(name="solar pv")
    need.skills.set([solar])
    best = ExpertProfileFactory(programme=programme, sectors=[energy], skills=[solar])
    others = [ExpertProfileFactory(programme=programme) for _ in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        run = _run(officer, programme)
    run.refresh_from_db()
    assert run.status == MatchingRun.Status.DONE, run.error
    proposed = Pairing.objects.get(run=run)
    assert proposed.expert == best
    assert proposed.state == Pairing.State.PROPOSED
    assert "shares skills: solar pv" in proposed.reasons
    assert "same sector: energy" in proposed.reasons
    alternates = list(
        Candidate.objects.filter(run=run, rank__gte=1)
        .order_by("rank")
        .values_list("rank", flat=True)
    )
    assert alternates == [1, 2, 3]
    assert set(Candidate.objects.filter(run=run, rank__gte=1).values_list("expert", flat=True)) <= {
        o.pk for o in others
    }
    assert run.summary["filled_seats"] == 1
    assert run.summary["total_seats"] == 1
    assert run.summary["mean_score"] == run.summary["lowest_score"] == round(proposed.score, 4)
    assert run.summary["loads"] == [{"expert": best.pk, "assigned": 1, "free_before": 1}]
    assert mail.outbox == []  # nobody is invited before the officer confirms


def test_it_explains_a_need_nobody_can_fill(
    officer, programme, need, energy, django_capture_on_commit_callbacks
):
    need.languages = ["fr"]
    need.save()
    ExpertProfileFactory(programme=programme, languages=["en"], sectors=[energy])
    with django_capture_on_commit_callbacks(execute=True):
        run = _run(officer, programme)
    run.refresh_from_db()
    assert run.status == MatchingRun.Status.DONE
    assert run.summary["unfilled"] == [
        {
            "need": need.pk,
            "open_seats": 1,
            "reasons": [{"code": "no_language", "values": {"languages": "fr"}}],
        }
    ]


def test_on_site_needs_without_overlapping_availability_are_explained(
    officer, programme, need, energy, django_capture_on_commit_callbacks
):
    need.modality = "onsite"
    need.save()
    ExpertProfileFactory(
        programme=programme,
        sectors=[energy],
        windows=[(datetime.date(2028, 1, 1), datetime.date(2028, 2, 1))],
    )
    with django_capture_on_commit_callbacks(execute=True):
        run = _run(officer, programme)
    run.refresh_from_db()
    codes = [reason["code"] for reason in run.summary["unfilled"][0]["reasons"]]
    assert codes == ["no_dates"]


def test_locks_and_forbids_hold_across_runs(
    officer, programme, need, energy, django_capture_on_commit_callbacks
):
    solar = SkillFactory(name="solar pv")
    need.skills.set([solar])
    best = ExpertProfileFactory(programme=programme, sectors=[energy], skills=[solar])
    second = ExpertProfileFactory(programme=programme, sectors=[energy])
    third = ExpertProfileFactory(programme=programme)
    services.decision_set(actor=officer, need=need, expert=best, kind=PairDecision.Kind.FORBID)
    with django_capture_on_commit_callbacks(execute=True):
        first_run = _run(officer, programme)
    assert Pairing.objects.get(run=first_run).expert == second
    services.decision_set(actor=officer, need=need, expert=third, kind=PairDecision.Kind.LOCK)
    with django_capture_on_commit_callbacks(execute=True):
        second_run = _run(officer, programme)
    assert Pairing.objects.get(run=second_run).expert == third
    # The first run's unconfirmed proposal was replaced.
    assert Pairing.objects.get(run=first_run).state == Pairing.State.CANCELLED
    with django_capture_on_commit_callbacks(execute=True):
        third_run = _run(officer, programme)
    assert Pairing.objects.get(run=third_run).expert == third
    assert not Candidate.objects.filter(need=need, expert=best).exists()


def test_a_locked_pair_survives_any_number_of_runs(
    officer, programme, need, energy, django_capture_on_commit_callbacks
):
    solar = SkillFactory(name="solar pv")
    need.skills.set([solar])
    ExpertProfileFactory(programme=programme, sectors=[energy], skills=[solar])
    locked = ExpertProfileFactory(programme=programme, sectors=[energy])
    services.decision_set(actor=officer, need=need, expert=locked, kind=PairDecision.Kind.LOCK)
    runs = []
    for _ in range(4):
        with django_capture_on_commit_callbacks(execute=True):
            runs.append(_run(officer, programme))
    # Each run replaced the previous proposal; none of that counts as the
    # professional having been asked, so the lock still holds the fourth time.
    assert [Pairing.objects.get(run=run).expert for run in runs] == [locked] * 4
    assert [Pairing.objects.get(run=run).state for run in runs] == [
        Pairing.State.CANCELLED,
        Pairing.State.CANCELLED,
        Pairing.State.CANCELLED,
        Pairing.State.PROPOSED,
    ]


def test_a_replaced_proposal_may_be_proposed_again(
    officer, programme, need, energy, django_capture_on_commit_callbacks
):
    solar = SkillFactory(name="solar pv")
    need.skills.set([solar])
    best = ExpertProfileFactory(programme=programme, sectors=[energy], skills=[solar])
    ExpertProfileFactory(programme=programme)
    runs = []
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            runs.append(_run(officer, programme))
    assert [Pairing.objects.get(run=run).expert for run in runs] == [best] * 3


def test_a_professional_who_declined_is_not_proposed_again(
    officer, programme, need, energy, django_capture_on_commit_callbacks
):
    solar = SkillFactory(name="solar pv")
    need.skills.set([solar])
    best = ExpertProfileFactory(programme=programme, sectors=[energy], skills=[solar])
    second = ExpertProfileFactory(programme=programme, sectors=[energy])
    with django_capture_on_commit_callbacks(execute=True):
        first_run = _run(officer, programme)
    with django_capture_on_commit_callbacks(execute=True):
        services.run_confirm(actor=officer, run=first_run)
    services.pairing_decline(
        actor=best.user, pairing=Pairing.objects.get(run=first_run), reason="No time."
    )
    with django_capture_on_commit_callbacks(execute=True):
        second_run = _run(officer, programme)
    assert Pairing.objects.get(run=second_run).expert == second


def test_a_conflict_keeps_a_team_member_off_their_own_project(
    officer, programme, college, energy, django_capture_on_commit_callbacks
):
    member = ExpertProfileFactory(programme=programme, sectors=[energy])
    own = ProposalFactory(
        call__programme=programme, college=college, lead=member.user, state="selected"
    )
    need = NeedFactory(programme=programme, proposal=own)
    with django_capture_on_commit_callbacks(execute=True):
        run = _run(officer, programme, needs=[need])
    run.refresh_from_db()
    assert not Pairing.objects.filter(run=run).exists()
    assert run.summary["unfilled"][0]["reasons"] == [{"code": "all_excluded", "values": {}}]


def test_existing_pairings_use_up_a_professionals_capacity(
    officer, programme, need, energy, django_capture_on_commit_callbacks
):
    busy = ExpertProfileFactory(programme=programme, sectors=[energy], capacity=1)
    other_need = NeedFactory(programme=programme)
    Pairing.objects.create(
        programme=programme, need=other_need, expert=busy, state=Pairing.State.ACCEPTED
    )
    with django_capture_on_commit_callbacks(execute=True):
        run = _run(officer, programme, needs=[need])
    run.refresh_from_db()
    assert run.summary["professionals"] == 0
    assert run.summary["unfilled"][0]["reasons"] == [{"code": "nobody_free", "values": {}}]


def test_an_impossible_lock_fails_the_run_with_a_clear_message(
    officer, programme, need, django_capture_on_commit_callbacks
):
    french_only = ExpertProfileFactory(programme=programme, languages=["fr"])
    services.decision_set(actor=officer, need=need, expert=french_only, kind="lock")
    with django_capture_on_commit_callbacks(execute=True):
        run = _run(officer, programme)
    run.refresh_from_db()
    assert run.status == MatchingRun.Status.FAILED
    assert run.error.startswith(f"The locked pair {french_only} – {need} cannot be used:")
    assert "speaks none of the languages" in run.error


def test_a_run_needs_an_open_need(officer, programme, need):
    need.pairings.create(
        programme=programme,
        expert=ExpertProfileFactory(programme=programme),
        state=Pairing.State.ACCEPTED,
    )
    with pytest.raises(ValidationError) as error:
        _run(officer, programme)
    assert error.value.message_dict == {"needs": ["No chosen need has an open seat to fill."]}
    assert MatchingRun.objects.count() == 0


def test_a_professional_the_officer_forbade_counts_as_excluded(
    officer, programme, need, energy, django_capture_on_commit_callbacks
):
    only = ExpertProfileFactory(programme=programme, sectors=[energy])
    services.decision_set(actor=officer, need=need, expert=only, kind=PairDecision.Kind.FORBID)
    with django_capture_on_commit_callbacks(execute=True):
        run = _run(officer, programme)
    run.refresh_from_db()
    # Before the engine gave the reasons, a forbidden professional was said to qualify.
    assert run.summary["unfilled"][0]["reasons"] == [{"code": "all_excluded", "values": {}}]


def test_short_periods_that_add_up_to_a_week_meet_the_dates_as_in_the_engine(
    officer, programme, need, energy, django_capture_on_commit_callbacks
):
    need.modality = "onsite"
    need.save()
    solar = SkillFactory(name="solar pv")
    remote_need = NeedFactory(programme=programme, sector=energy, skills=[solar])
    ExpertProfileFactory(
        programme=programme,
        sectors=[energy],
        skills=[solar],
        windows=[
            (datetime.date(2027, 2, 1), datetime.date(2027, 2, 4)),
            (datetime.date(2027, 3, 1), datetime.date(2027, 3, 3)),
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        run = _run(officer, programme)
    run.refresh_from_db()
    assert Pairing.objects.get(run=run).need == remote_need
    # Four days and three days: a week, so the on-site need lost the professional
    # to a better match; it was not for want of dates.
    assert run.summary["unfilled"] == [
        {
            "need": need.pk,
            "open_seats": 1,
            "reasons": [{"code": "taken_elsewhere", "values": {"count": 1}}],
        }
    ]
