"""A call's texts and rubric in each language: the fallback, the editor, the missing list."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from skillbridge.access_matrix.pages_calls import PAGES
from skillbridge.calls import selectors, services
from skillbridge.calls.forms import AttachmentForm
from skillbridge.calls.models import Call, Proposal, RubricCriterion
from skillbridge.review.forms import ReviewForm
from tests.calls.factories import CallFactory, RubricCriterionFactory
from tests.calls.test_views import call_data

LEVELS = {str(i): f"Level {i}" for i in range(1, 6)}


def url(name, *args):
    return reverse(f"calls:{name}", args=args)


def page(client, path, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(path).content.decode()


@pytest.fixture
def translated(call):
    """The cast's call (main language English) with French texts and no Kinyarwanda ones."""
    call.translations = {
        "fr": {"title": "Appel à l'innovation", "required_documents": ["Lettre de soutien"]}
    }
    call.save()
    criterion = call.criteria.get()
    criterion.description = ""
    criterion.translations = {
        "fr": {"name": "Innovation (fr)", "levels": {"1": "Faible"}},
        "rw": {"description": "Uko igitekerezo ari gishya."},
    }
    criterion.save()
    return Call.objects.select_related("programme").get(pk=call.pk)


# The fallback ----------------------------------------------------------------------


def test_a_reader_sees_their_own_language_first(translated):
    with translation.override("fr"):
        assert translated.texts.title == "Appel à l'innovation"
        assert translated.texts.required_documents == ["Lettre de soutien"]
    assert translated.text("title", "fr") == "Appel à l'innovation"


def test_a_missing_translation_falls_back_to_the_main_language(translated):
    with translation.override("rw"):
        assert translated.texts.title == "Innovation Call"
        assert translated.texts.description == translated.description
        assert translated.texts.required_documents == ["Letter of support from the college"]


def test_a_text_missing_in_the_main_language_too_comes_from_any_language(translated):
    criterion = translated.criteria.get()
    with translation.override("fr"):
        assert criterion.texts.description == "Uko igitekerezo ari gishya."
    with translation.override("en"):
        assert criterion.texts.description == "Uko igitekerezo ari gishya."


def test_levels_and_documents_fall_back_one_by_one(translated):
    criterion = translated.criteria.get()
    with translation.override("fr"):
        levels = criterion.texts.levels
    assert levels["1"] == "Faible"
    assert levels["2"] == criterion.levels["2"]
    assert list(levels) == ["1", "2", "3", "4", "5"]
    translated.required_documents = ["Letter of support", "Budget sheet"]
    assert translated.text("required_documents", "fr") == ["Lettre de soutien", "Budget sheet"]


def test_a_french_programme_falls_back_to_french(programme):
    programme.main_language = "fr"
    programme.save()
    call = CallFactory(
        programme=programme,
        title="Appel 2028",
        translations={"en": {"title": "Call 2028"}},
    )
    assert call.text("title", "en") == "Call 2028"
    assert call.text("title", "rw") == "Appel 2028"
    assert call.missing_translations() == {"en": ["description"], "rw": ["title", "description"]}


def test_the_page_reads_the_call_in_the_readers_language(client, translated):
    french = page(client, url("call_detail", translated.pk), "fr")
    assert '<h1 translate="no">Appel à l&#x27;innovation</h1>' in french
    assert "Lettre de soutien" in french
    assert "Innovation (fr)" in french
    kinyarwanda = page(client, url("call_detail", translated.pk), "rw")
    assert '<h1 translate="no">Innovation Call</h1>' in kinyarwanda
    assert "Uko igitekerezo ari gishya." in kinyarwanda


def test_the_open_calls_list_reads_each_call_in_the_readers_language(client, translated):
    assert "Appel à l&#x27;innovation" in page(client, url("open_calls"), "fr")
    assert "Appel à l&#x27;innovation" not in page(client, url("open_calls"), "rw")


def test_the_attachment_choice_keeps_the_main_name_and_shows_the_readers(translated, draft):
    with translation.override("fr"):
        form = AttachmentForm(call=translated)
        choices = list(form.fields["kind"].choices)
    assert choices[0] == ("Letter of support from the college", "Lettre de soutien")


def _open_calls_queries(count: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        for call in selectors.calls_open():
            read = [call.texts.title, call.texts.description]
            for criterion in call.criteria.all():
                read += [criterion.texts.name, criterion.texts.levels]
    return len(queries)


def test_reading_translated_calls_costs_no_query_per_call(programme, translated):
    one = _open_calls_queries(1)
    for n in range(4):
        other = CallFactory(
            programme=programme,
            opens_at=translated.opens_at,
            closes_at=translated.closes_at,
            is_published=True,
            translations={"fr": {"title": f"Appel {n}"}},
        )
        RubricCriterionFactory(call=other, translations={"fr": {"name": "Critère"}})
    with translation.override("fr"):
        assert _open_calls_queries(5) == one


def test_a_reviewer_scores_on_the_rubric_in_their_language(translated):
    criterion = translated.criteria.get()
    with translation.override("fr"):
        field = ReviewForm(criteria=[criterion]).fields[f"score_{criterion.pk}"]
        choices = [str(label) for _value, label in field.choices]
    assert (field.label, field.help_text) == ("Innovation (fr)", "Uko igitekerezo ari gishya.")
    assert choices[0] == "1 · Faible"
    assert choices[1] == f"2 · {criterion.levels['2']}"


def test_a_mail_names_the_call_in_its_recipients_language(translated):
    title = translated.text_when_read("title")
    with translation.override("fr"):
        assert f"{title}" == "Appel à l'innovation"
    with translation.override("rw"):
        assert f"{title}" == "Innovation Call"


# The officer's editor --------------------------------------------------------------


def translated_call_data(programme, **changes):
    translations = {
        "title_fr": "Appel 2028",
        "description_fr": "Projets pour 2028.",
        "required_documents_fr": "Fiche budgétaire\nLettre de soutien",
        "title_rw": "Itangazo 2028",
        "criteria-0-name_rw": "Udushya",
        "criteria-0-level_1_rw": "Nta gishya",
    }
    return call_data(programme, **{**translations, **changes})


def test_an_officer_gives_the_call_and_its_rubric_in_each_language(
    client, officer, programme, call
):
    client.force_login(officer)
    client.post(url("call_create", programme.slug), translated_call_data(programme))
    new = Call.objects.get(title="Call 2028")
    assert new.translations == {
        "fr": {
            "title": "Appel 2028",
            "description": "Projets pour 2028.",
            "required_documents": ["Fiche budgétaire", "Lettre de soutien"],
        },
        "rw": {"title": "Itangazo 2028"},
    }
    criterion = RubricCriterion.objects.get(call=new)
    assert criterion.translations == {"rw": {"name": "Udushya", "levels": {"1": "Nta gishya"}}}
    with translation.override("rw"):
        assert (new.texts.title, new.texts.description) == ("Itangazo 2028", "Projects for 2028.")
        assert criterion.texts.levels["1"] == "Nta gishya"


def test_the_editor_shows_the_stored_translations_folded_by_language(
    client, officer, programme, call
):
    client.force_login(officer)
    client.post(url("call_create", programme.slug), translated_call_data(programme))
    new = Call.objects.get(title="Call 2028")
    html = page(client, url("call_edit", new.pk), "en")
    assert html.count('<details class="card translation">') == 2
    assert 'name="title_fr"' in html
    assert 'value="Appel 2028"' in html
    assert "Fiche budgétaire\nLettre de soutien</textarea>" in html
    assert 'name="criteria-0-name_rw"' in html
    assert 'value="Udushya"' in html
    # The main language has no twin: its text is the main field.
    assert 'name="title_en"' not in html


def test_saving_the_editor_again_keeps_every_translation(client, officer, programme, call):
    client.force_login(officer)
    client.post(url("call_create", programme.slug), translated_call_data(programme))
    new = Call.objects.get(title="Call 2028")
    before = (new.translations, new.criteria.get().translations)
    criterion = new.criteria.get()
    data = translated_call_data(
        programme,
        **{
            "criteria-TOTAL_FORMS": "1",
            "criteria-INITIAL_FORMS": "1",
            "criteria-0-id": str(criterion.pk),
        },
    )
    response = client.post(url("call_edit", new.pk), data)
    assert response.status_code == 302
    new.refresh_from_db()
    assert (new.translations, new.criteria.get().translations) == before


def test_a_french_programme_asks_for_english_and_kinyarwanda(client, officer, programme, call):
    programme.main_language = "fr"
    programme.save()
    client.force_login(officer)
    html = page(client, url("call_create", programme.slug), "en")
    assert 'name="title_en"' in html
    assert 'name="title_rw"' in html
    assert 'name="title_fr"' not in html


def test_more_document_names_than_documents_is_a_field_error(client, officer, programme, call):
    client.force_login(officer)
    data = translated_call_data(programme, required_documents_fr="Un\nDeux\nTrois")
    response = client.post(url("call_create", programme.slug), data)
    assert "Give at most one name per document required, in the same order." in (
        response.content.decode()
    )
    assert not Call.objects.filter(title="Call 2028").exists()


def test_a_frozen_rubric_still_takes_its_translations(officer, draft, call):
    Proposal.objects.filter(pk=draft.pk).update(state=Proposal.State.UNDER_REVIEW)
    criterion = call.criteria.get()
    services.call_update(
        actor=officer,
        call=call,
        values={f: getattr(call, f) for f in services.calls.CALL_FIELDS},
        sectors=list(call.sectors.all()),
        colleges=[],
        required_documents=call.required_documents,
        criteria=[
            {
                "id": criterion.pk,
                "name": criterion.name,
                "weight": criterion.weight,
                "levels": criterion.levels,
                "translations": {"fr": {"name": "Innovation (fr)"}},
            }
        ],
    )
    criterion.refresh_from_db()
    assert criterion.translations == {"fr": {"name": "Innovation (fr)"}}


# Missing translations --------------------------------------------------------------


def test_the_missing_list_names_each_untranslated_text_per_language(translated):
    missing = {row["language"]: row for row in selectors.call_missing_translations(translated)}
    assert list(missing) == ["fr", "rw"]
    assert missing["fr"]["call_fields"] == ["description"]
    criterion = translated.criteria.get()
    # Only level 1 is in French; a blank main description needs no translation.
    assert missing["fr"]["criteria"] == [(criterion, ["level descriptions"])]
    assert missing["rw"]["call_fields"] == ["title", "description", "documents required"]
    assert missing["rw"]["criteria"] == [(criterion, ["name", "level descriptions"])]


def test_the_officer_reads_the_missing_list_from_the_call_page(client, officer, translated):
    client.force_login(officer)
    detail = page(client, url("call_detail", translated.pk), "en")
    assert url("call_translations", translated.pk) in detail
    html = page(client, url("call_translations", translated.pk), "en")
    assert "<li>The call's documents required</li>" in html
    assert '<span translate="no">Innovation</span>: name, level descriptions</li>' in html
    assert "Every text is translated." not in html


def test_a_fully_translated_call_has_nothing_missing(client, officer, translated):
    texts = {"title": "T", "description": "D", "required_documents": ["R"]}
    translated.translations = {"fr": texts, "rw": texts}
    translated.save()
    translated.criteria.update(translations={})
    RubricCriterion.objects.filter(call=translated).delete()
    client.force_login(officer)
    html = page(client, url("call_translations", translated.pk), "en")
    assert html.count("Every text is translated.") == 2


def _missing_list_queries(client, call) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("call_translations", call.pk)).status_code == 200
    return len(queries)


def test_the_missing_list_runs_the_same_queries_for_1_and_5_criteria(client, officer, translated):
    client.force_login(officer)
    one = _missing_list_queries(client, translated)
    for n in range(4):
        RubricCriterionFactory(call=translated, name=f"Criterion {n}", translations={})
    assert _missing_list_queries(client, translated) == one


def test_only_the_programmes_officers_see_the_missing_list(client, translated, applicant, outsider):
    client.force_login(applicant)
    assert client.get(url("call_translations", translated.pk)).status_code == 403
    client.force_login(outsider)
    unpublished = CallFactory(programme=translated.programme, is_published=False)
    assert client.get(url("call_translations", unpublished.pk)).status_code == 404


def test_the_matrix_names_who_may_open_the_missing_list():
    assert "calls:call_translations" in PAGES
