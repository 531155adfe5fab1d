"""Every results page: who may open it (404 for outsiders, 403 for members without the
right), what it writes, and that lists keep a fixed number of queries."""

import pytest
from django.urls import reverse

from skillbridge.results import services
from skillbridge.results.models import Indicator, IndicatorValue, ProjectStory, ReportingPeriod
from tests.common.test_pages import assert_clean
from tests.grants.factories import award, selected_proposal
from tests.results.framework import build_framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(programme, officer):
    return build_framework(programme, officer)


@pytest.fixture
def period(programme, officer, framework):
    return services.period_open(
        actor=officer, programme=programme, kind="quarter", year=2026, quarter=2
    )


def page_urls(programme, period):
    manual = Indicator.objects.get(code="M1")
    return {
        "dashboard": reverse("results:dashboard", args=[programme.slug]),
        "framework": reverse("results:framework", args=[programme.slug]),
        "periods": reverse("results:periods", args=[programme.slug]),
        "period": reverse("results:period", args=[period.pk]),
        "pdf": reverse("results:report", args=[period.pk, "pdf"]),
        "xlsx": reverse("results:report", args=[period.pk, "xlsx"]),
        "json": reverse("results:report", args=[period.pk, "json"]),
        "narrative": reverse("results:narrative", args=[period.pk]),
        "value": reverse("results:value", args=[period.pk, manual.pk]),
        "statement": reverse("results:statement_new", args=[programme.slug]),
        "indicator": reverse("results:indicator_new", args=[programme.slug]),
    }


READ = ["dashboard", "framework", "periods", "period", "pdf", "xlsx", "json"]
MANAGE = ["narrative", "value", "statement", "indicator"]


@pytest.mark.parametrize("name", READ + MANAGE)
def test_outsiders_get_404(client, outsider, programme, period, name):
    client.force_login(outsider)
    assert client.get(page_urls(programme, period)[name]).status_code == 404


@pytest.mark.parametrize("name", READ + MANAGE)
def test_members_without_the_right_get_403(client, applicant, programme, period, name):
    client.force_login(applicant)
    assert client.get(page_urls(programme, period)[name]).status_code == 403


@pytest.mark.parametrize("name", MANAGE)
def test_donors_may_not_manage(client, donor, programme, period, name):
    client.force_login(donor)
    assert client.get(page_urls(programme, period)[name]).status_code == 403


def test_donors_may_not_close_a_period(client, donor, period):
    client.force_login(donor)
    assert client.post(reverse("results:close", args=[period.pk])).status_code == 403
    period.refresh_from_db()
    assert period.state == "open"


@pytest.mark.parametrize("name", READ + MANAGE)
def test_anonymous_visitors_are_sent_to_sign_in(client, programme, period, name):
    response = client.get(page_urls(programme, period)[name])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "name", ["dashboard", "framework", "periods", "period", "narrative", "value"]
)
def test_officer_pages_have_no_inline_code(client, officer, programme, period, name):
    client.force_login(officer)
    assert_clean(client.get(page_urls(programme, period)[name]))


def test_the_officer_closes_a_period_from_its_preview(client, officer, period):
    client.force_login(officer)
    response = client.post(reverse("results:close", args=[period.pk]), {"confirm": "close"})
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.state == ReportingPeriod.State.CLOSED
    assert IndicatorValue.objects.filter(period=period).count() >= 6


def test_a_value_without_a_source_is_refused_at_the_field(client, officer, programme, period):
    client.force_login(officer)
    url = page_urls(programme, period)["value"]
    response = client.post(url, {"value": "3", "source": "", "note": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["source"]
    assert not IndicatorValue.objects.exists()


def test_a_statement_under_the_wrong_level_is_refused_at_the_field(
    client, officer, programme, period
):
    client.force_login(officer)
    output = Indicator.objects.get(code="P1").statement
    response = client.post(
        page_urls(programme, period)["statement"],
        {"level": "output", "parent": output.pk, "code": "OP9", "text": "x", "position": 0},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["parent"]
    assert not output.children.exists()


def test_the_officer_opens_a_period(client, officer, programme, framework):
    client.force_login(officer)
    response = client.post(
        reverse("results:periods", args=[programme.slug]),
        {"kind": "quarter", "year": "2027", "quarter": "1"},
    )
    assert response.status_code == 302
    assert ReportingPeriod.objects.get().label == "2027 Q1"


def test_the_periods_list_keeps_a_fixed_number_of_queries(
    client, officer, programme, framework, django_assert_num_queries
):
    client.force_login(officer)
    url = reverse("results:periods", args=[programme.slug])
    services.period_open(actor=officer, programme=programme, kind="year", year=2026)
    client.get(url)
    with django_assert_num_queries(5) as one:
        client.get(url)
    for quarter in (1, 2, 3, 4):
        services.period_open(
            actor=officer, programme=programme, kind="quarter", year=2026, quarter=quarter
        )
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url)


def test_the_framework_keeps_a_fixed_number_of_queries(
    client, officer, programme, framework, django_assert_num_queries
):
    client.force_login(officer)
    url = reverse("results:framework", args=[programme.slug])
    client.get(url)
    with django_assert_num_queries(6) as before:
        client.get(url)
    build_more = Indicator.objects.get(code="P1")
    for n in range(5):
        build_more.pk, build_more.code = None, f"Q{n}"
        build_more.save()
    with django_assert_num_queries(len(before.captured_queries)):
        client.get(url)


# The team lead's public description of a funded project.


@pytest.fixture
def funded(programme, college, applicant, officer):
    proposal = selected_proposal(programme=programme, college=college, lead=applicant)
    award(proposal, officer)
    return proposal


def test_the_lead_approves_the_description(client, applicant, funded):
    client.force_login(applicant)
    text = "Students build a solar dryer for fruit, sold to cooperatives in the south."
    response = client.post(
        reverse("results:story", args=[funded.pk]), {"text": text, "approve": "on"}
    )
    assert response.status_code == 302
    story = ProjectStory.objects.get(proposal=funded)
    assert (story.text, story.approved_by, story.is_approved) == (text, applicant, True)


def test_a_description_without_approval_is_not_saved(client, applicant, funded):
    client.force_login(applicant)
    response = client.post(
        reverse("results:story", args=[funded.pk]),
        {"text": "Students build a solar dryer for fruit, sold to cooperatives."},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["approve"]
    assert not ProjectStory.objects.exists()


def test_the_lead_withdraws_the_description(client, applicant, funded):
    services.story_approve(
        actor=applicant, proposal=funded, text="A long enough public description of the project."
    )
    client.force_login(applicant)
    client.post(reverse("results:story", args=[funded.pk]), {"withdraw": "1"})
    assert not ProjectStory.objects.exists()


def test_only_the_lead_may_approve(client, officer, outsider, funded):
    url = reverse("results:story", args=[funded.pk])
    client.force_login(officer)
    assert client.get(url).status_code == 403
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_the_impact_page_is_public_and_shows_only_approved_descriptions(
    client, programme, applicant, funded
):
    response = client.get(reverse("results:impact", args=[programme.slug]))
    assert_clean(response)
    assert funded.title not in response.content.decode()
    services.story_approve(
        actor=applicant, proposal=funded, text="A long enough public description of the project."
    )
    page = client.get(reverse("results:impact", args=[programme.slug])).content.decode()
    assert funded.title in page
    assert "A long enough public description of the project." in page


# What a period's page offers depends on its state ---------------------------------


def test_an_open_period_offers_its_officer_the_narrative_values_and_closing(
    client, officer, donor, programme, period
):
    urls = page_urls(programme, period)
    client.force_login(officer)
    html = client.get(urls["period"]).content.decode()
    assert urls["narrative"] in html
    assert urls["value"] in html
    assert reverse("results:close", args=[period.pk]) in html
    client.force_login(donor)
    html = client.get(urls["period"]).content.decode()
    for url in (urls["narrative"], urls["value"], reverse("results:close", args=[period.pk])):
        assert url not in html


def test_a_closed_period_offers_no_change(client, officer, programme, period):
    services.period_close(actor=officer, period=period)
    urls = page_urls(programme, period)
    client.force_login(officer)
    html = client.get(urls["period"]).content.decode()
    for url in (urls["narrative"], urls["value"], reverse("results:close", args=[period.pk])):
        assert url not in html
    assert "Closed: the values below were frozen" in html
