"""Who may open which page: 404 to outsiders, 403 to members without the right.

Donors, coordinators, applicants and reviewers never see a professional's
personal data: the pool holds a professional (`pool_member`) whose name,
email, phone and city would show if anything leaked.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from skillbridge.experts.models import ImportBatch
from tests.common.test_pages import assert_clean
from tests.factories import ProgrammeFactory, ProgrammeRoleFactory

PDF = b"%PDF-1.4 a CV"
# The phone as stored (exports, API) and as pages show it.
LEAKS = [
    "Jeanne Secretariat",
    "jeanne.secret@example.org",
    "+4915112345678",
    "+49 1511 2345678",
    "Hamburg",
]
NOT_ALLOWED = ["donor", "coordinator", "applicant", "reviewer", "expert", "finance"]


@pytest.fixture
def batch(programme, officer):
    return ImportBatch.objects.create(programme=programme, created_by=officer, filename="x.csv")


def officer_urls(programme, pool_member, batch):
    slug, pk = programme.slug, pool_member.pk
    return [
        ("get", reverse("experts:pool", args=[slug])),
        ("get", reverse("experts:pool", args=[slug]) + "?export=csv"),
        ("get", reverse("experts:pool", args=[slug]) + "?export=xlsx"),
        ("get", reverse("experts:pool_profile", args=[slug, pk])),
        ("post", reverse("experts:pool_vet", args=[slug, pk])),
        ("get", reverse("experts:pool_cv", args=[slug, pk])),
        ("get", reverse("experts:skills", args=[slug])),
        ("get", reverse("experts:import_list", args=[slug])),
        ("get", reverse("experts:import_detail", args=[slug, batch.pk])),
        ("get", reverse("experts:import_progress", args=[slug, batch.pk])),
        ("post", reverse("experts:import_confirm", args=[slug, batch.pk])),
    ]


def own_urls(programme):
    slug = programme.slug
    return [
        ("get", reverse("experts:my_profile", args=[slug])),
        ("get", reverse("experts:my_profile_edit", args=[slug])),
        ("post", reverse("experts:my_profile_submit", args=[slug])),
        ("get", reverse("experts:my_consent", args=[slug])),
        ("get", reverse("experts:my_data", args=[slug])),
        ("get", reverse("experts:my_cv", args=[slug])),
        ("get", reverse("experts:my_erase", args=[slug])),
    ]


@pytest.mark.parametrize("persona", NOT_ALLOWED)
def test_officer_pages_refuse_every_other_role_with_403_and_leak_nothing(
    client, request, persona, programme, pool_member, batch, officer
):
    pool_member.cv.save("cv.pdf", ContentFile(PDF))
    client.force_login(request.getfixturevalue(persona))
    for method, url in officer_urls(programme, pool_member, batch):
        response = getattr(client, method)(url)
        assert response.status_code == 403, url
        page = response.content.decode(errors="replace")
        assert not any(leak in page for leak in LEAKS), url
        assert PDF not in response.content


def test_officer_pages_answer_404_to_outsiders(
    client, outsider, programme, pool_member, batch, officer
):
    client.force_login(outsider)
    for method, url in officer_urls(programme, pool_member, batch):
        assert getattr(client, method)(url).status_code == 404, url


def test_officer_pages_send_anonymous_visitors_to_sign_in(
    client, programme, pool_member, batch, officer
):
    for method, url in officer_urls(programme, pool_member, batch):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login"))


def test_an_officer_of_another_programme_gets_404(client, pool_member, batch, officer):
    other = ProgrammeFactory()
    stranger = ProgrammeRoleFactory(programme=other, role="programme_officer").user
    client.force_login(stranger)
    for method, url in officer_urls(pool_member.programme, pool_member, batch):
        assert getattr(client, method)(url).status_code == 404, url


def test_an_officer_sees_the_pool_and_the_profile(client, officer, programme, pool_member):
    client.force_login(officer)
    page = client.get(reverse("experts:pool", args=[programme.slug])).content.decode()
    assert "Jeanne Secretariat" in page
    page = client.get(
        reverse("experts:pool_profile", args=[programme.slug, pool_member.pk])
    ).content.decode()
    assert "+49 1511 2345678" in page


@pytest.mark.parametrize("persona", ["donor", "coordinator", "applicant", "officer"])
def test_own_pages_refuse_members_without_the_expert_role(client, request, persona, programme):
    client.force_login(request.getfixturevalue(persona))
    for method, url in own_urls(programme):
        assert getattr(client, method)(url).status_code == 403, url


def test_own_pages_answer_404_to_outsiders(client, outsider, programme, esther):
    client.force_login(outsider)
    for method, url in own_urls(programme):
        assert getattr(client, method)(url).status_code == 404, url


def test_own_pages_show_only_the_professionals_own_data(client, esther, pool_member, programme):
    client.force_login(esther.user)
    page = client.get(reverse("experts:my_profile", args=[programme.slug])).content.decode()
    assert "Brussels" in page
    assert not any(leak in page for leak in LEAKS)
    data = client.get(reverse("experts:my_data", args=[programme.slug])).content.decode()
    assert esther.user.email in data
    assert not any(leak in data for leak in LEAKS)


def test_a_cv_is_downloaded_only_through_the_checked_views(client, esther, officer, programme):
    esther.cv.save("cv.pdf", ContentFile(PDF))
    client.force_login(esther.user)
    own = client.get(reverse("experts:my_cv", args=[programme.slug]))
    assert b"".join(own.streaming_content) == PDF
    client.force_login(officer)
    staff = client.get(reverse("experts:pool_cv", args=[programme.slug, esther.pk]))
    assert b"".join(staff.streaming_content) == PDF
    assert staff["X-Content-Type-Options"] == "nosniff"


def test_the_outreach_page_is_public_in_three_languages(client, db):
    for language, phrase in [
        ("en", "Share your skills with Rwanda"),
        ("fr", 'lang="fr"'),
        ("rw", 'lang="rw"'),
    ]:
        client.cookies["django_language"] = language
        page = client.get(reverse("experts:outreach")).content.decode()
        assert phrase in page
        assert reverse("account_signup") in page


def test_the_experts_pages_carry_no_inline_code(client, esther, officer, programme, pool_member):
    assert_clean(client.get(reverse("experts:outreach")))
    client.force_login(esther.user)
    for name in ("my_profile", "my_profile_edit", "my_consent", "my_erase"):
        assert_clean(client.get(reverse(f"experts:{name}", args=[programme.slug])))
    client.force_login(officer)
    for name in ("pool", "skills", "import_list"):
        assert_clean(client.get(reverse(f"experts:{name}", args=[programme.slug])))
    assert_clean(client.get(reverse("experts:pool_profile", args=[programme.slug, pool_member.pk])))
