"""The reviewer's and the officer's pages of one proposal name its sector in the reader's
language, from the labels its row already carries (no query of their own)."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from skillbridge.calls.models import Proposal
from skillbridge.programmes.models import Sector
from skillbridge.review import services
from skillbridge.review.models import Review
from tests.factories import SectorFactory
from tests.review.test_ranking import reviewed  # noqa: F401 (the fixture)


@pytest.fixture
def solar(call, reviewed):  # noqa: F811
    sector = SectorFactory(
        name="Solar power", name_fr="Énergie solaire", name_rw="Ingufu z'izuba", slug="solar"
    )
    Proposal.objects.filter(pk__in=[p.pk for p in reviewed]).update(sector=sector)
    return reviewed[0]


def read_in(client, person, language, url):
    person.preferred_language = language
    person.save()
    client.force_login(person)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.get(url)  # warm the session and the caches
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return html, len(queries.captured_queries)


@pytest.mark.parametrize("language", ["fr", "rw"])
def test_the_reviews_of_a_proposal_name_its_sector_in_the_readers_language(
    client, call, officer, solar, language
):
    url = reverse("review:proposal_reviews", args=[call.pk, solar.pk])
    english, counted = read_in(client, officer, "en", url)
    assert " · Solar power · " in english
    html, queries = read_in(client, officer, language, url)
    assert {"fr": " · Énergie solaire · ", "rw": " · Ingufu z&#x27;izuba · "}[language] in html
    assert "Solar power" not in html
    assert queries == counted


def test_the_review_page_names_the_sector_in_french(client, officer, panel, solar):
    review = Review.objects.filter(proposal=solar, reviewer=panel[0]).get()
    url = reverse("review:review", args=[review.pk])
    if review.declaration == "pending":
        services.conflict_declare(reviewer=panel[0], review=review)
    english, counted = read_in(client, panel[0], "en", url)
    assert " · Solar power" in english
    html, queries = read_in(client, panel[0], "fr", url)
    assert " · Énergie solaire" in html
    assert "Solar power" not in html
    assert queries == counted


def test_the_selection_names_a_binding_sector_quota_in_french(client, call, officer, solar):
    water = SectorFactory(name="Irrigation water", name_fr="Eau pour irriguer", slug="water")
    drip_kit = Proposal.objects.get(call=call, title="Drip kit")
    Proposal.objects.filter(pk=drip_kit.pk).update(sector=water)
    url = reverse("review:selection", args=[call.pk]) + "?size=2&reserve=0&min_per_sector=1"
    html, _ = read_in(client, officer, "fr", url)
    quota = html.split('id="quota-heading"')[1].split("<h3>")[1].split("</h3>")[0]
    assert quota.strip() == "au moins 1 en Eau pour irriguer"
    assert "Irrigation water" not in html
    assert "Solar power" not in html


def test_the_rankings_sector_filter_offers_the_sectors_in_french_by_their_labels(
    client, call, officer, solar
):
    water = SectorFactory(name="Irrigation water", name_fr="Eau pour irriguer", slug="water")
    call.sectors.add(Sector.objects.get(slug="solar"), water)
    url = reverse("review:ranking", args=[call.pk])
    html, _ = read_in(client, officer, "fr", url + "?sector=solar")
    options = html.split('name="sector"')[1].split("</select>")[0]
    # Accents aside, Eau comes before Énergie; the English names are gone.
    assert options.index(">Eau pour irriguer<") < options.index(">Énergie solaire<")
    assert 'value="solar" selected' in options
    assert "Solar power" not in html
    assert "Irrigation water" not in html
