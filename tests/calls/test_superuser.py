"""A superuser's rights stay in the admin site: programme pages follow programme roles only."""

import pytest
from django.urls import reverse

from skillbridge.calls.models import Call
from skillbridge.people.models import User
from tests.calls.test_views import call_data


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("root@example.org", "pw-root-long-enough")


def test_a_superuser_without_a_programme_role_cannot_edit_a_call(client, call, superuser):
    client.force_login(superuser)
    edit = reverse("calls:call_edit", args=[call.pk])
    assert client.get(edit).status_code == 403
    response = client.post(edit, call_data(call.programme, title="Taken over"))
    assert response.status_code == 403
    call.refresh_from_db()
    assert call.title == "Innovation Call"
    page = client.get(reverse("calls:call_detail", args=[call.pk])).content.decode()
    assert edit not in page


def test_a_superuser_without_a_role_cannot_decide_a_proposal(client, draft, superuser):
    assert not superuser.has_perm("calls.decide_eligibility", draft)
    assert not superuser.has_perm("calls.edit_proposal", draft)
    assert not superuser.has_perm("calls.manage_calls", draft.call.programme)


def test_a_superuser_who_is_an_officer_edits_calls_like_any_officer(
    client, call, officer, programme
):
    officer.is_superuser = True
    officer.is_staff = True
    officer.save()
    client.force_login(officer)
    response = client.post(
        reverse("calls:call_edit", args=[call.pk]), call_data(programme, title="Call 2029")
    )
    assert response.status_code == 302
    assert Call.objects.get(pk=call.pk).title == "Call 2029"


def test_the_admin_site_still_answers_every_model_permission(client, programme, superuser):
    assert superuser.has_perm("programmes.change_programme")
    assert superuser.has_perm("calls.view_proposal")  # the model permission, without an object
    assert superuser.has_module_perms("calls")
    client.force_login(superuser)
    response = client.get(reverse("admin:programmes_programme_change", args=[programme.pk]))
    assert response.status_code == 200
    assert programme.name in response.content.decode()


@pytest.mark.parametrize("name", ["calls:calls_manage", "calls:proposal_list", "portal:outbox"])
def test_a_superuser_without_a_role_gets_no_index_of_programme_work(client, superuser, name):
    client.force_login(superuser)
    assert client.get(reverse(name)).status_code == 403
    assert not superuser.has_perm("people.read_outbox")
