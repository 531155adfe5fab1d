"""The calls pages: who may open what (404 outsiders, 403 members without the right)."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from skillbridge.calls.models import BudgetLine, Call, Proposal, RubricCriterion
from skillbridge.calls.tokens import invitation_token
from skillbridge.people.models import ProgrammeRole, Role
from tests.calls.factories import PDF_BYTES
from tests.common.test_pages import assert_clean


def url(name, *args):
    return reverse(f"calls:{name}", args=args)


# Outsiders and members without the right ------------------------------------------

PROPOSAL_PAGES = ["proposal_detail", "proposal_edit"]
PROPOSAL_ACTIONS = ["proposal_submit", "proposal_withdraw", "proposal_autosave"]


@pytest.mark.parametrize("name", PROPOSAL_PAGES + PROPOSAL_ACTIONS)
def test_another_team_gets_404(client, draft, other_applicant, name):
    client.force_login(other_applicant)
    response = client.post(url(name, draft.pk)) if name in PROPOSAL_ACTIONS else None
    response = response or client.get(url(name, draft.pk))
    assert response.status_code == 404


@pytest.mark.parametrize("name", PROPOSAL_PAGES)
def test_a_coordinator_of_another_college_gets_404(client, draft, other_coordinator, name):
    client.force_login(other_coordinator)
    assert client.get(url(name, draft.pk)).status_code == 404


@pytest.mark.parametrize("name", PROPOSAL_PAGES)
def test_people_without_a_role_get_404(client, draft, outsider, name):
    client.force_login(outsider)
    assert client.get(url(name, draft.pk)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, draft):
    response = client.get(url("proposal_edit", draft.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_member_who_is_not_the_lead_cannot_submit_withdraw_or_invite(client, draft, member):
    client.force_login(member)
    assert client.post(url("proposal_submit", draft.pk)).status_code == 403
    assert client.post(url("proposal_withdraw", draft.pk)).status_code == 403
    invite = {"email": "x@example.org", "kind": "student"}
    assert client.post(url("member_invite", draft.pk), invite).status_code == 403
    draft.refresh_from_db()
    assert draft.state == Proposal.State.DRAFT
    assert draft.members.count() == 2


def test_the_coordinator_and_officer_may_read_but_not_write_a_draft(
    client, draft, coordinator, officer
):
    for person in (coordinator, officer):
        client.force_login(person)
        assert client.get(url("proposal_detail", draft.pk)).status_code == 200
        assert client.get(url("proposal_edit", draft.pk)).status_code == 403
        assert client.post(url("proposal_submit", draft.pk)).status_code == 403


def test_only_officers_decide_eligibility_and_only_coordinators_affiliation(
    client, draft, applicant, coordinator
):
    client.force_login(applicant)
    decision = {"decision": "eligible", "reason": ""}
    assert client.post(url("eligibility_decide", draft.pk), decision).status_code == 403
    lead = draft.members.get()
    client.force_login(coordinator)
    assert client.post(url("eligibility_decide", draft.pk), decision).status_code == 403
    confirm = {"decision": "confirm", "note": ""}
    client.force_login(applicant)
    assert client.post(url("affiliation_decide", draft.pk, lead.pk), confirm).status_code == 403


# Writing a draft ------------------------------------------------------------------


def answers(draft, **changes):
    data = {
        "title": draft.title,
        "sector": draft.sector_id,
        "requested_amount_rwf": draft.requested_amount_rwf,
        "summary": draft.summary,
        "problem": draft.problem,
        "solution": draft.solution,
        "innovation": draft.innovation,
        "market": draft.market,
        "implementation_plan": draft.implementation_plan,
    }
    return {**data, **changes}


def test_the_form_shows_every_question_with_its_limit(client, draft, applicant):
    client.force_login(applicant)
    response = client.get(url("proposal_edit", draft.pk))
    assert_clean(response)
    page = response.content.decode()
    for label, limit in [("What is innovative", 1200), ("Implementation plan", 2000)]:
        assert label in page
        assert f'maxlength="{limit}"' in page
    assert "<span>16</span> / 600 characters" in page  # "A short summary." counted
    assert 'hx-post="/calls/proposals/' in page


def test_saving_without_javascript_keeps_the_answers(client, draft, applicant):
    client.force_login(applicant)
    response = client.post(url("proposal_edit", draft.pk), answers(draft, problem="Long queues."))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.problem == "Long queues."


def test_autosave_saves_and_answers_the_time(client, draft, applicant):
    client.force_login(applicant)
    response = client.post(
        url("proposal_autosave", draft.pk),
        answers(draft, market="Bus passengers in Kigali."),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.content.decode().startswith("Saved at ")
    draft.refresh_from_db()
    assert draft.market == "Bus passengers in Kigali."


def test_autosave_refreshes_the_still_missing_list(client, draft, applicant):
    client.force_login(applicant)
    page = client.get(url("proposal_edit", draft.pk)).content.decode()
    assert '<a href="#q-market">Answer this question: Market and users.</a>' not in page
    response = client.post(
        url("proposal_autosave", draft.pk),
        answers(draft, market=""),
        headers={"HX-Request": "true"},
    )
    content = response.content.decode()
    assert '<div id="missing-parts" hx-swap-oob="true">' in content
    assert '<a href="#q-market">Answer this question: Market and users.</a>' in content


def test_the_title_shows_its_limit_and_count(client, draft, applicant):
    client.force_login(applicant)
    page = client.get(url("proposal_edit", draft.pk)).content.decode()
    assert f"<span>{len(draft.title)}</span> / 150 characters" in page


def test_a_refused_save_changes_nothing(client, draft, applicant):
    client.force_login(applicant)
    too_much = answers(draft, problem="Changed.", requested_amount_rwf=25_000_000)
    response = client.post(url("proposal_edit", draft.pk), too_much)
    assert response.status_code == 200
    assert "more than the maximum grant of 20,000,000 RWF" in response.content.decode()
    autosaved = client.post(url("proposal_autosave", draft.pk), too_much)
    assert "Not saved:" in autosaved.content.decode()
    draft.refresh_from_db()
    assert (draft.problem, draft.requested_amount_rwf) == ("The problem.", 5_000_000)


def test_budget_lines_are_added_with_their_total_and_bad_ones_refused(client, draft, applicant):
    client.force_login(applicant)
    line = {"item": "Card reader", "category": "equipment", "quantity": "3", "unit_cost_rwf": 1}
    assert client.post(url("budget_line_add", draft.pk), line).status_code == 302
    bad = {**line, "quantity": "0"}
    response = client.post(url("budget_line_add", draft.pk), bad)
    assert response.status_code == 200
    assert BudgetLine.objects.filter(proposal=draft).count() == 2
    page = client.get(url("proposal_edit", draft.pk)).content.decode()
    assert "5,000,003" in page


def test_attachments_of_a_wrong_type_are_refused_and_downloads_are_checked(
    client, draft, applicant, officer, other_applicant
):
    client.force_login(applicant)
    fake = SimpleUploadedFile("plan.exe", b"MZ\x90\x00", content_type="application/pdf")
    response = client.post(url("attachment_add", draft.pk), {"kind": "other", "file": fake})
    assert "This file type is not accepted" in response.content.decode()
    assert draft.attachments.count() == 1
    pdf = SimpleUploadedFile("plan.pdf", PDF_BYTES, content_type="application/pdf")
    client.post(url("attachment_add", draft.pk), {"kind": "other", "file": pdf})
    attachment = draft.attachments.get(original_name="plan.pdf")
    client.force_login(officer)
    download = client.get(url("attachment_download", draft.pk, attachment.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    client.force_login(other_applicant)
    assert client.get(url("attachment_download", draft.pk, attachment.pk)).status_code == 404


def test_submitting_a_draft_with_missing_parts_lists_them(client, draft, applicant):
    draft.summary = ""
    draft.save()
    draft.budget_lines.all().delete()
    client.force_login(applicant)
    response = client.post(url("proposal_submit", draft.pk), follow=True)
    page = response.content.decode()
    assert "Answer this question: Summary." in page
    assert "Add at least one budget line." in page
    draft.refresh_from_db()
    assert draft.state == "draft"


def test_a_late_submission_says_so_plainly_and_the_draft_stays(client, draft, applicant, call):
    call.closes_at = timezone.now() - datetime.timedelta(hours=2)
    call.save()
    client.force_login(applicant)
    page = client.post(url("proposal_submit", draft.pk), follow=True).content.decode()
    assert "The deadline of this call passed on" in page
    assert "Your draft is kept" in page
    assert client.get(url("proposal_edit", draft.pk)).status_code == 200


def test_the_lead_submits_and_the_team_sees_the_officers_reason(
    client, draft, applicant, officer, coordinator
):
    client.force_login(applicant)
    assert client.post(url("proposal_submit", draft.pk)).status_code == 302
    client.force_login(coordinator)
    lead = draft.members.get()
    client.post(url("affiliation_decide", draft.pk, lead.pk), {"decision": "confirm"})
    client.force_login(officer)
    client.post(
        url("eligibility_decide", draft.pk),
        {"decision": "ineligible", "reason": "Budget lines are not justified."},
    )
    client.force_login(applicant)
    page = client.get(url("proposal_detail", draft.pk)).content.decode()
    assert "Budget lines are not justified." in page
    assert "not eligible" in page.lower() or "ineligible" in page


# Starting, inviting, calls ---------------------------------------------------------


def test_someone_without_a_role_starts_a_proposal_and_becomes_an_applicant(
    client, call, outsider, college
):
    client.force_login(outsider)
    data = {
        "title": "Solar dryer",
        "sector": call.sectors.get().pk,
        "kind": "student",
        "sex": "female",
        "college": college.pk,
    }
    response = client.post(url("proposal_start", call.pk), data)
    proposal = Proposal.objects.get(title="Solar dryer")
    assert response["Location"] == url("proposal_edit", proposal.pk)
    assert (proposal.lead, proposal.college, proposal.state) == (outsider, college, "draft")
    role = ProgrammeRole.objects.get(user=outsider)
    assert (role.role, role.organisation) == (Role.APPLICANT, college)


def test_staff_cannot_start_a_proposal(client, call, coordinator):
    client.force_login(coordinator)
    assert client.get(url("proposal_start", call.pk)).status_code == 403


def test_an_invitation_link_opens_for_the_invitee_and_a_bad_one_says_so(client, draft, applicant):
    client.force_login(applicant)
    client.post(url("member_invite", draft.pk), {"email": "neza@example.org", "kind": "trainer"})
    token = invitation_token(draft.members.get(email="neza@example.org"))
    assert client.get(url("invitation", token)).status_code == 200
    bad = client.get(url("invitation", token + "x"))
    assert bad.status_code == 400
    assert "This invitation link does not work" in bad.content.decode()


def test_the_open_calls_page_is_public_and_counts_down(client, call):
    response = client.get(url("open_calls"))
    assert_clean(response)
    page = response.content.decode()
    assert "Innovation Call" in page
    assert "data-deadline=" in page
    assert re.search(r"\d+ days? and \d+ hours? left", page)
    assert "(Africa/Kigali)" in page


def call_data(programme, **changes):
    return {
        "title": "Call 2028",
        "description": "Projects for 2028.",
        "sectors": [programme.sectors.get().pk],
        "opens_at": "2028-01-10T08:00",
        "closes_at": "2028-03-10T17:00",
        "max_grant_rwf": "15000000",
        "awards_planned": "10",
        "reviews_per_proposal": "3",
        "required_documents": "Budget sheet\nLetter of support",
        "is_published": "on",
        "criteria-TOTAL_FORMS": "5",
        "criteria-INITIAL_FORMS": "0",
        "criteria-0-name": "Innovation",
        "criteria-0-weight": "0.4",
        **{f"criteria-0-level_{i}": f"Level {i}" for i in range(1, 6)},
        **changes,
    }


def test_an_officer_opens_a_call_with_its_rubric_in_kigali_time(client, call, officer, programme):
    client.force_login(officer)
    response = client.post(url("call_create", programme.slug), call_data(programme))
    new = Call.objects.get(title="Call 2028")
    assert response["Location"] == url("call_detail", new.pk)
    assert timezone.localtime(new.closes_at).strftime("%H:%M %Z") == "17:00 CAT"
    assert new.required_documents == ["Budget sheet", "Letter of support"]
    criterion = RubricCriterion.objects.get(call=new)
    assert (criterion.name, str(criterion.weight), criterion.levels["5"]) == (
        "Innovation",
        "0.40",
        "Level 5",
    )


def test_a_refused_call_writes_nothing(client, call, officer, programme):
    client.force_login(officer)
    data = call_data(programme, closes_at="2027-12-01T17:00")
    response = client.post(url("call_create", programme.slug), data)
    assert "The call must close after it opens." in response.content.decode()
    assert not Call.objects.filter(title="Call 2028").exists()


def test_only_officers_open_calls(client, call, applicant, programme, outsider):
    client.force_login(applicant)
    assert client.get(url("call_create", programme.slug)).status_code == 403
    assert client.get(url("call_edit", call.pk)).status_code == 403
    client.force_login(outsider)
    assert client.get(url("call_create", programme.slug)).status_code == 404
