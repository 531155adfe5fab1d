"""The pairing pages: who may open them (404 outsiders, 403 members), and what they show."""

import pytest
from django.urls import reverse

from skillbridge.pairing.models import MatchingRun, PairDecision, Pairing
from tests.calls.factories import TeamMemberFactory
from tests.pairing.factories import ExpertProfileFactory, NeedFactory, PairingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(programme, need, officer):
    return MatchingRun.objects.create(programme=programme, created_by=officer)


def officer_pages(programme, need, run):
    slug = programme.slug
    return [
        reverse("pairing:overview", args=[slug]),
        reverse("pairing:need", args=[slug, need.pk]),
        reverse("pairing:need_edit", args=[slug, need.pk]),
        reverse("pairing:project_need_new", args=[slug, need.proposal_id]),
        reverse("pairing:request_new", args=[slug]),
        reverse("pairing:runs", args=[slug]),
        reverse("pairing:run", args=[slug, run.pk]),
        reverse("pairing:run_progress", args=[slug, run.pk]),
        reverse("pairing:run_confirm", args=[slug, run.pk]),
        reverse("pairing:pairings", args=[slug]),
    ]


def test_officer_pages_answer_404_to_outsiders_and_403_to_members(
    client, programme, need, run, officer, outsider, coordinator, expert, donor
):
    pages = officer_pages(programme, need, run)
    client.force_login(officer)
    assert [client.get(url).status_code for url in pages] == [200] * len(pages)
    client.force_login(outsider)
    assert [client.get(url).status_code for url in pages] == [404] * len(pages)
    for member in (coordinator, expert, donor):
        client.force_login(member)
        assert [client.get(url).status_code for url in pages] == [403] * len(pages)


def test_officer_posts_answer_404_to_outsiders_and_403_to_members(
    client, programme, need, run, outsider, coordinator, profile
):
    slug = programme.slug
    posts = [
        reverse("pairing:run_start", args=[slug]),
        reverse("pairing:run_confirm", args=[slug, run.pk]),
        reverse("pairing:run_rerun", args=[slug, run.pk]),
        reverse("pairing:decide", args=[slug, need.pk]),
    ]
    for user, status in ((outsider, 404), (coordinator, 403)):
        client.force_login(user)
        assert [
            client.post(url, {"expert": profile.pk, "kind": "lock"}).status_code for url in posts
        ] == [status] * 4
    assert MatchingRun.objects.count() == 1
    assert PairDecision.objects.count() == 0


def test_anonymous_visitors_are_sent_to_sign_in(client, programme):
    response = client.get(reverse("pairing:overview", args=[programme.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_officer_runs_locks_reruns_and_confirms_from_the_pages(
    client, officer, programme, need, energy, django_capture_on_commit_callbacks
):
    first = ExpertProfileFactory(programme=programme, sectors=[energy])
    second = ExpertProfileFactory(programme=programme)
    client.force_login(officer)
    slug = programme.slug
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("pairing:run_start", args=[slug]), {"objective": "total"})
    run = MatchingRun.objects.get()
    assert response["Location"] == reverse("pairing:run", args=[slug, run.pk])
    page = client.get(response["Location"]).content.decode()
    assert "same sector: Energy" in page
    assert "Review the invitations, then confirm" in page
    client.post(
        reverse("pairing:decide", args=[slug, need.pk]), {"expert": second.pk, "kind": "lock"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("pairing:run_rerun", args=[slug, run.pk]))
    rerun = MatchingRun.objects.exclude(pk=run.pk).get()
    assert Pairing.objects.get(run=rerun, state="proposed").expert == second
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("pairing:run_confirm", args=[slug, rerun.pk]))
    assert Pairing.objects.get(run=rerun).state == Pairing.State.INVITED
    assert first.pairings.get().state == Pairing.State.CANCELLED


def test_the_progress_block_polls_while_the_run_works(client, officer, programme, run):
    client.force_login(officer)
    page = client.get(reverse("pairing:run", args=[programme.slug, run.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert reverse("pairing:run", args=[programme.slug, run.pk]) in page  # the no-JS refresh link
    MatchingRun.objects.filter(pk=run.pk).update(status="failed", error="The engine refused.")
    page = client.get(reverse("pairing:run", args=[programme.slug, run.pk])).content.decode()
    assert "hx-trigger" not in page
    assert "The engine refused." in page


def test_a_bad_need_is_refused_at_the_field_and_nothing_is_written(
    client, officer, programme, need
):
    client.force_login(officer)
    response = client.post(
        reverse("pairing:need_edit", args=[programme.slug, need.pk]),
        {
            "languages": ["en"],
            "modality": "remote",
            "starts_on": "2027-05-01",
            "ends_on": "2027-04-01",
            "seats": 1,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"ends_on": ["The end must not be before the start."]}
    need.refresh_from_db()
    assert str(need.starts_on) == "2027-02-01"


def test_the_professional_accepts_from_their_page(client, expert, programme, need, profile):
    pairing = PairingFactory.invited(need=need, expert=profile, programme=programme)
    client.force_login(expert)
    assert pairing.need.owner_title in client.get(reverse("pairing:mine")).content.decode()
    client.post(reverse("pairing:accept", args=[pairing.pk]))
    pairing.refresh_from_db()
    assert pairing.state == Pairing.State.ACCEPTED


def test_the_invitation_describes_the_project_and_its_team_before_the_answer(
    client, expert, programme, need, profile, project
):
    TeamMemberFactory(proposal=project, kind="trainer")
    TeamMemberFactory(proposal=project, kind="trainer", status="invited")
    project.summary = "Solar dryers for maize cooperatives."
    project.save()
    pairing = PairingFactory.invited(need=need, expert=profile, programme=programme)
    client.force_login(expert)
    for url in (reverse("pairing:detail", args=[pairing.pk]), reverse("pairing:mine")):
        page = client.get(url).content.decode()
        assert "Solar dryers for maize cooperatives." in page
        assert f'<dd translate="no">{project.college.name}</dd>' in page
        # The lead is a student; the trainer still invited to the team is not counted.
        assert "<dd>1 student, 1 trainer</dd>" in page
        assert "<dt>Answer by</dt>" in page
        assert str(pairing.respond_by.year) in page
        assert reverse("pairing:accept", args=[pairing.pk]) in page
        assert project.lead.full_name not in page


def test_the_invitation_names_the_languages_and_the_reasons_in_words(
    client, expert, programme, need, profile
):
    need.languages = ["en", "rw"]
    need.save()
    pairing = PairingFactory.invited(
        need=need, expert=profile, programme=programme, reasons=["speaks en, rw"]
    )
    client.force_login(expert)
    page = client.get(reverse("pairing:detail", args=[pairing.pk])).content.decode()
    assert "<dd>English, Kinyarwanda</dd>" in page
    assert "<li>speaks English, Kinyarwanda</li>" in page
    assert "I cannot take it on" in page


def test_officers_plan_a_mission_from_an_accepted_or_active_pairing_only(
    client, officer, expert, programme, need, profile
):
    pairing = PairingFactory(need=need, expert=profile, programme=programme)
    url = reverse("pairing:detail", args=[pairing.pk])
    plan = f"/missions/{programme.slug}/new/?pairing={pairing.pk}"
    client.force_login(officer)
    shown = {}
    for state in ("proposed", "invited", "accepted", "active", "completed", "cancelled"):
        Pairing.objects.filter(pk=pairing.pk).update(state=state, invited_at="2026-01-01T00:00Z")
        shown[state] = plan in client.get(url).content.decode()
    assert shown == {
        "proposed": False,
        "invited": False,
        "accepted": True,
        "active": True,
        "completed": False,
        "cancelled": False,
    }
    client.force_login(expert)  # the professional does not plan missions
    Pairing.objects.filter(pk=pairing.pk).update(state="accepted")
    assert plan not in client.get(url).content.decode()


def test_a_decline_without_reason_is_refused_at_the_field(client, expert, programme, need, profile):
    pairing = PairingFactory.invited(need=need, expert=profile, programme=programme)
    client.force_login(expert)
    response = client.post(reverse("pairing:decline", args=[pairing.pk]), {"reason": ""})
    assert response.status_code == 400
    assert response.context["decline_form"].errors == {"reason": ["This field is required."]}
    pairing.refresh_from_db()
    assert pairing.state == Pairing.State.INVITED


def test_answering_someone_elses_invitation_is_404_and_an_officer_gets_403(
    client, programme, need, officer, applicant
):
    other = PairingFactory.invited(need=need, programme=programme)
    someone = ExpertProfileFactory(programme=programme)
    client.force_login(someone.user)
    assert client.post(reverse("pairing:accept", args=[other.pk])).status_code == 404
    assert client.get(reverse("pairing:detail", args=[other.pk])).status_code == 404
    client.force_login(officer)
    assert client.post(reverse("pairing:accept", args=[other.pk])).status_code == 403
    client.force_login(applicant)  # team member, but not accepted yet: cannot see it
    assert client.get(reverse("pairing:detail", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.state == Pairing.State.INVITED


def test_an_expert_cannot_move_a_pairing_on(client, expert, programme, need, profile):
    pairing = PairingFactory(
        need=need,
        expert=profile,
        programme=programme,
        state="accepted",
        invited_at="2026-01-01T00:00Z",
    )
    client.force_login(expert)
    assert client.post(reverse("pairing:action", args=[pairing.pk, "start"])).status_code == 403
    assert (
        client.post(reverse("pairing:cancel", args=[pairing.pk]), {"reason": "x"}).status_code
        == 403
    )


def test_the_team_sees_its_mentor_only_once_accepted(client, applicant, programme, need, profile):
    pairing = PairingFactory.invited(need=need, expert=profile, programme=programme)
    client.force_login(applicant)
    url = reverse("pairing:mentors", args=[programme.slug])
    page = client.get(url).content.decode()
    assert profile.user.full_name not in page
    Pairing.objects.filter(pk=pairing.pk).update(state=Pairing.State.ACCEPTED)
    page = client.get(url).content.decode()
    assert profile.user.full_name in page
    assert "Electrical engineer" in page
    assert "Belgium" in page


def test_mentors_page_is_403_for_coordinators_and_donors_and_404_for_outsiders(
    client, programme, coordinator, donor, outsider
):
    url = reverse("pairing:mentors", args=[programme.slug])
    for user, status in ((coordinator, 403), (donor, 403), (outsider, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status


def test_without_consent_to_share_the_team_sees_the_name_only(
    client, applicant, programme, need, energy
):
    private = ExpertProfileFactory(
        programme=programme, consent__sharing=False, profession="Surgeon"
    )
    PairingFactory(need=need, expert=private, programme=programme, state="accepted")
    client.force_login(applicant)
    page = client.get(reverse("pairing:mentors", args=[programme.slug])).content.decode()
    assert private.user.full_name in page
    assert "Surgeon" not in page


@pytest.mark.parametrize("rows", [1, 12])
def test_the_pairing_list_makes_a_fixed_number_of_queries(
    client, officer, programme, rows, django_assert_num_queries
):
    for _ in range(rows):
        PairingFactory(need=NeedFactory(programme=programme), programme=programme)
    client.force_login(officer)
    with django_assert_num_queries(6):
        response = client.get(reverse("pairing:pairings", args=[programme.slug]))
    assert len(response.context["page"].object_list) == rows


@pytest.mark.parametrize("rows", [1, 12])
def test_the_run_list_makes_a_fixed_number_of_queries(
    client, officer, programme, need, rows, django_assert_num_queries
):
    for _ in range(rows):
        MatchingRun.objects.create(programme=programme, created_by=officer).needs.set([need])
    client.force_login(officer)
    with django_assert_num_queries(7):
        response = client.get(reverse("pairing:runs", args=[programme.slug]))
    assert len(response.context["page"].object_list) == rows


@pytest.mark.parametrize("rows", [1, 6])
def test_my_pairings_make_a_fixed_number_of_queries(
    client, expert, programme, profile, rows, django_assert_num_queries
):
    profile.capacity = 10
    profile.save()
    for _ in range(rows):
        PairingFactory.invited(
            need=NeedFactory(programme=programme), expert=profile, programme=programme
        )
    client.force_login(expert)
    # Session, user, the open invitations with the team's counts, their skills, the rest.
    with django_assert_num_queries(6):
        response = client.get(reverse("pairing:mine"))
    assert len(response.context["invitations"]) == rows


def test_the_need_page_leaves_out_drafts_replaced_before_any_invitation(
    client, officer, programme, need, profile
):
    replaced = PairingFactory(
        need=need, programme=programme, state="cancelled", reason="Replaced by matching run #2."
    )
    invited = PairingFactory.invited(need=need, expert=profile, programme=programme)
    client.force_login(officer)
    page = client.get(reverse("pairing:need", args=[programme.slug, need.pk])).content.decode()
    assert str(invited.expert) in page
    assert str(replaced.expert) not in page
    assert "1 earlier proposal, dropped before any invitation, is not listed." in page
