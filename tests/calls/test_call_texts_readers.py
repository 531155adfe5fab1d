"""A call named in the reader's language wherever an officer reads it: exports, filters."""

import csv
import io

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from skillbridge.common.models import ExportJob
from tests.calls.factories import CallFactory, ProposalFactory, TeamMemberFactory
from tests.factories import SectorFactory
from tests.queries import same_queries


@pytest.fixture
def french_reader(client, officer, call):
    call.translations = {"fr": {"title": "Appel à l'innovation"}}
    call.save()
    officer.preferred_language = "fr"
    officer.save()
    client.force_login(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    return client


def test_the_csv_export_names_the_call_in_the_readers_language(french_reader, draft):
    exported = french_reader.get(reverse("calls:proposal_list"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert [row[2] for row in rows[1:]] == ["Appel à l'innovation"]


def test_the_xlsx_built_in_the_background_names_the_call_in_french(french_reader, draft):
    french_reader.get(reverse("calls:proposal_list"), {"export": "xlsx"})
    job = ExportJob.objects.latest("pk")
    with job.file.open("rb") as stored:
        values = list(load_workbook(io.BytesIO(stored.read())).active.values)
    assert [row[2] for row in values[1:]] == ["Appel à l'innovation"]


def test_the_call_filter_offers_the_call_in_the_readers_language(french_reader, draft, call):
    page = french_reader.get(reverse("calls:proposal_list")).content.decode()
    assert f'<option value="{call.pk}">Appel à l&#x27;innovation</option>' in page
    assert ">Innovation Call</option>" not in page


def test_an_english_reader_keeps_the_main_title(client, officer, call, draft):
    call.translations = {"fr": {"title": "Appel à l'innovation"}}
    call.save()
    client.force_login(officer)
    page = client.get(reverse("calls:proposal_list")).content.decode()
    assert f'<option value="{call.pk}">Innovation Call</option>' in page


def test_the_filter_reads_more_translated_calls_with_no_more_queries(
    french_reader, call, draft, programme, django_assert_num_queries
):
    def grow():
        for n in range(4):
            other = CallFactory(programme=programme, translations={"fr": {"title": f"Appel {n}"}})
            ProposalFactory(call=other, college=draft.college, lead=draft.lead)

    page = same_queries(
        french_reader, reverse("calls:proposal_list"), grow, django_assert_num_queries
    )
    assert ">Appel 3</option>" in page.content.decode()


def test_the_sector_filter_reads_and_sorts_its_labels_in_the_readers_language(french_reader):
    SectorFactory(slug="t-water", name="Test water", name_fr="Eau")
    SectorFactory(slug="t-energy", name="Test energy", name_fr="Énergie")
    SectorFactory(slug="t-agri", name="Test animals", name_fr="Zootechnie")
    page = french_reader.get(reverse("calls:proposal_list")).content.decode()
    options = page[page.index('name="sector"') :].split("</select>")[0]
    french = [label for label in ("Eau", "Énergie", "Zootechnie") if label in options]
    assert french == ["Eau", "Énergie", "Zootechnie"]
    assert options.index("Eau") < options.index("Énergie") < options.index("Zootechnie")
    assert ">Test water<" not in options


def test_an_unknown_call_in_the_filter_is_refused_at_the_field_in_french(french_reader, draft):
    response = french_reader.get(reverse("calls:proposal_list"), {"call": "999999"})
    assert response.status_code == 200
    assert response.context["form"].errors["call"]
    assert "Sélectionnez un choix valide" in response.content.decode()


def test_the_list_counts_members_and_women_each_in_its_own_number_in_french(
    french_reader, call, college
):
    team = ProposalFactory(call=call, college=college, title="Équipe", lead_member__sex="male")
    TeamMemberFactory(proposal=team, sex="female")
    ProposalFactory(call=call, college=college, title="Seule", lead_member__sex="female")
    withdrawn = ProposalFactory(call=call, college=college, title="Retrait", state="withdrawn")
    page = french_reader.get(reverse("calls:proposal_list")).content.decode()
    assert "2 membres, 1 femme<" in page  # not "1 femmes"
    assert "1 membre, 1 femme<" in page
    row = page[page.index(withdrawn.title) :].split("</tr>")[0]
    # The state is a word; "retiré le" is the date a consent was withdrawn.
    assert ">retirée</span>" in row
