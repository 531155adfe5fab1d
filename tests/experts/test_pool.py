"""The officers' pool: filters, exports and a fixed number of queries."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from skillbridge.experts import selectors
from skillbridge.experts.models import ExpertLanguage, ExpertProfile, ImportBatch, Skill
from skillbridge.experts.selectors import PoolFilters, pool_page, pool_search
from skillbridge.people.models import User
from tests.experts.exports import pool_export
from tests.experts.factories import ExpertProfileFactory, SkillFactory
from tests.markers import needs_postgresql


def pool_url(programme, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("experts:pool", args=[programme.slug]) + (f"?{query}" if query else "")


def names(response):
    return sorted(p.user.email for p in response.context["page"].object_list)


def test_the_pool_list_makes_the_same_number_of_queries_for_1_or_many(
    client, officer, programme, django_assert_num_queries
):
    ExpertProfileFactory(programme=programme)
    client.force_login(officer)
    client.get(pool_url(programme))

    with CaptureQueriesContext(connection) as one:
        client.get(pool_url(programme))
    for _ in range(6):
        ExpertProfileFactory(programme=programme)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(pool_url(programme))
    assert len(response.context["page"].object_list) == 7


def test_filters_narrow_the_pool(client, officer, programme, sectors):
    brussels = ExpertProfileFactory(programme=programme, user__email="a@example.org")
    berlin = ExpertProfileFactory(
        programme=programme, user__email="b@example.org", country="DE", onsite=False
    )
    berlin.sectors.set([sectors["ict"]])
    berlin.languages.filter(code="fr").delete()
    berlin.availability.update(starts_on="2027-06-01", ends_on="2027-06-30")
    client.force_login(officer)
    assert names(client.get(pool_url(programme, country="DE"))) == ["b@example.org"]
    assert names(client.get(pool_url(programme, sector=sectors["ict"].pk))) == ["b@example.org"]
    assert names(client.get(pool_url(programme, language="fr"))) == ["a@example.org"]
    assert names(client.get(pool_url(programme, modality="onsite"))) == ["a@example.org"]
    window = {"available_from": "2027-06-10", "available_to": "2027-07-10"}
    assert names(client.get(pool_url(programme, **window))) == ["b@example.org"]
    assert names(client.get(pool_url(programme, state="approved"))) == [
        "a@example.org",
        "b@example.org",
    ]
    assert brussels.pk != berlin.pk


def test_the_export_never_lets_a_cell_run_as_a_formula(client, officer, programme):
    ExpertProfileFactory(programme=programme, profession='=HYPERLINK("x")', city="@evil")
    client.force_login(officer)
    rows = list(csv.reader(io.StringIO(pool_export(client, programme, "csv").decode("utf-8-sig"))))
    assert rows[1][4:6] == ["'@evil", '\'=HYPERLINK("x")']


def test_an_officer_imports_from_the_web_with_a_preview_then_progress(
    client, officer, programme, sectors, django_capture_on_commit_callbacks
):
    content = (
        "email,first_name,last_name,country,city,profession,employer,years_experience,sectors,"
        "skills,languages,available_from,available_to,modalities,capacity,consent\n"
        "ines.uwera@example.org,Inès,Uwera,FR,Lyon,Agronomist,,6,agriculture,,fr,,,onsite,1,yes\n"
        "bad,X,Y,FR,Lyon,Agronomist,,6,agriculture,,fr,,,onsite,1,yes\n"
    ).encode()
    client.force_login(officer)
    response = client.post(
        reverse("experts:import_list", args=[programme.slug]),
        {"file": SimpleUploadedFile("list.csv", content, content_type="text/csv")},
    )
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("experts:import_detail", args=[programme.slug, batch.pk])
    assert (batch.status, batch.valid_rows, batch.errors) == (
        "previewed",
        1,
        [{"line": 3, "reason": "email: not a valid email address"}],
    )

    assert not ExpertProfile.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "email: not a valid email address" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("experts:import_confirm", args=[programme.slug, batch.pk]))
    batch.refresh_from_db()
    assert (batch.status, batch.created_count, batch.processed_rows) == ("done", 1, 1)
    assert not batch.file
    assert ExpertProfile.objects.get().user.full_name == "Inès Uwera"
    progress = client.get(
        reverse("experts:import_progress", args=[programme.slug, batch.pk]),
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "1 created, 0 updated, 0 unchanged." in progress
    assert "hx-trigger" not in progress


def test_a_running_import_page_polls_and_offers_a_refresh_button(client, officer, programme):
    batch = ImportBatch.objects.create(
        programme=programme, filename="x.csv", status="running", valid_rows=10, processed_rows=4
    )
    client.force_login(officer)
    page = client.get(reverse("experts:import_detail", args=[programme.slug, batch.pk]))
    text = page.content.decode()
    assert 'hx-trigger="every 2s"' in text
    assert '<progress max="100" value="40">' in text
    assert "Refresh" in text


def test_an_officer_merges_a_free_skill_into_the_taxonomy(client, officer, programme):
    profile = ExpertProfileFactory(programme=programme)
    free = Skill.objects.create(name="PV panels", in_taxonomy=False)
    profile.skills.add(free)
    target = SkillFactory(name="Solar PV installation")
    client.force_login(officer)
    client.post(
        reverse("experts:skills", args=[programme.slug]),
        {"free_skill": free.pk, "into": target.pk},
    )
    target.refresh_from_db()
    assert not Skill.objects.filter(pk=free.pk).exists()
    assert "PV panels" in target.synonyms
    assert list(profile.skills.values_list("name", flat=True)) == ["Solar PV installation"]


def test_language_labels_follow_the_active_language(db):
    german = ExpertLanguage(code="de")
    with translation.override("en"):
        assert german.get_code_display() == "German"
    with translation.override("fr"):
        assert german.get_code_display() == "Allemand"
    with translation.override("en"):
        assert german.get_code_display() == "German"
    assert ExpertLanguage(code="zz").get_code_display() == "zz"


def test_the_pool_names_languages_in_the_readers_language(
    client, officer, programme, django_assert_num_queries
):
    ExpertProfileFactory(programme=programme)
    client.force_login(officer)
    client.get(pool_url(programme), HTTP_ACCEPT_LANGUAGE="en")
    with CaptureQueriesContext(connection) as in_english:
        english = client.get(pool_url(programme), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # Labels come from a dictionary, not the database: another language costs no query.
    with django_assert_num_queries(len(in_english.captured_queries)):
        french = client.get(pool_url(programme), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "French, Kinyarwanda" in english
    assert "Français, Kinyarwanda" in french


def test_the_pool_is_searched_by_name_or_email(client, officer, programme):
    ExpertProfileFactory(
        programme=programme, user__email="a@example.org", user__full_name="Aline Mukamana"
    )
    ExpertProfileFactory(
        programme=programme, user__email="kalisa@example.org", user__full_name="Eric Kalisa"
    )
    client.force_login(officer)
    assert names(client.get(pool_url(programme, q="mukam"))) == ["a@example.org"]
    assert names(client.get(pool_url(programme, q="KALISA@"))) == ["kalisa@example.org"]
    assert names(client.get(pool_url(programme, q="nobody"))) == []


def test_pages_follow_a_key_and_keep_the_filters(client, officer, programme):
    profiles = [
        ExpertProfileFactory(programme=programme, country="DE" if i % 2 else "BE")
        for i in range(105)
    ]
    germans = sorted((p.pk for p in profiles if p.country == "DE"), reverse=True)
    client.force_login(officer)
    first = client.get(pool_url(programme, country="DE"))
    page = first.context["page"]
    assert [p.pk for p in page.object_list] == germans[:50]
    assert page.count == 52
    assert f"country=DE&amp;after={germans[49]}" in first.content.decode()
    second = client.get(pool_url(programme, country="DE", after=germans[49]))
    assert [p.pk for p in second.context["page"].object_list] == germans[50:]
    assert second.context["page"].next_after is None
    assert client.get(pool_url(programme, after="x")).context["page"].after is None


def test_the_count_stops_at_its_limit_and_the_page_says_more_than(
    client, officer, programme, monkeypatch
):
    for _ in range(5):
        ExpertProfileFactory(programme=programme)
    profiles = pool_search(programme, PoolFilters())
    page = pool_page(profiles, after=None, size=2, count_limit=3)
    assert (page.count, page.more, len(page.object_list)) == (3, True, 2)
    page = pool_page(profiles, after=None, size=2, count_limit=5)
    assert (page.count, page.more) == (5, False)
    client.force_login(officer)
    assert "5 professionals" in client.get(pool_url(programme)).content.decode()
    monkeypatch.setattr(selectors, "COUNT_LIMIT", 4)
    assert "More than 4 professionals" in client.get(pool_url(programme)).content.decode()


def test_the_pool_page_reads_only_the_columns_it_shows(client, officer, programme):
    ExpertProfileFactory(programme=programme, bio="A long bio nobody reads on the list.")
    client.force_login(officer)
    with CaptureQueriesContext(connection) as queries:
        client.get(pool_url(programme))
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert '"experts_expertprofile"."bio"' not in sql
    assert "experts_availabilitywindow" not in sql
    assert "experts_expertprofile_skills" not in sql


@needs_postgresql
def test_a_search_by_name_or_email_can_be_answered_from_the_trigram_indexes(db):
    # The indexes are on the very expressions Django writes for the pool's icontains; were
    # they not, PostgreSQL could not use them and each search would read every person.
    searched = User.objects.filter(Q(full_name__icontains="mukam") | Q(email__icontains="mukam"))
    sql, params = searched.query.sql_with_params()
    with connection.cursor() as cursor:
        # On a test's few rows, a scan is cheaper: only the indexes' usability is asked.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "people_user_full_name_trgm" in plan
    assert "people_user_email_trgm" in plan
