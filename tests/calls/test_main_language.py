"""Changing a programme's main language moves its calls' texts: the new language's become
the columns, the old columns become translations, and no reader sees a different text."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from skillbridge.calls import selectors
from skillbridge.calls.checks import proposal_missing_parts
from skillbridge.calls.models import Attachment, Call, Proposal, RubricCriterion
from skillbridge.calls.services import programme_main_language_set
from skillbridge.common.models import AuditEntry
from skillbridge.people.models import User
from tests.calls.factories import RubricCriterionFactory

FRENCH_LEVELS = {"1": "Faible", "2": "Modeste", "3": "Moyen", "4": "Bon", "5": "Excellent"}


@pytest.fixture
def bilingual(call):
    """The cast's call (English) with French texts, part of them in Kinyarwanda too."""
    call.translations = {
        "fr": {
            "title": "Appel à l'innovation",
            "description": "Des projets pour 2028.",
            "required_documents": ["Lettre de soutien"],
        },
        "rw": {"title": "Itangazo ry'udushya"},
    }
    call.save()
    criterion = call.criteria.get()
    criterion.translations = {"fr": {"name": "Innovation (fr)", "levels": {"1": "Faible"}}}
    criterion.save()
    return call


def move(call, language="fr", actor=None):
    programme_main_language_set(actor=actor, programme=call.programme, language=language)
    return Call.objects.select_related("programme").get(pk=call.pk)


def test_the_french_texts_become_the_columns_and_english_a_translation(bilingual):
    english = (bilingual.description, bilingual.required_documents)
    call = move(bilingual)
    assert call.programme.main_language == "fr"
    assert (call.title, call.description, call.required_documents) == (
        "Appel à l'innovation",
        "Des projets pour 2028.",
        ["Lettre de soutien"],
    )
    assert call.translations == {
        "en": {
            "title": "Innovation Call",
            "description": english[0],
            "required_documents": english[1],
        },
        "rw": {"title": "Itangazo ry'udushya"},
    }


def test_a_partly_translated_criterion_takes_its_french_and_keeps_the_rest(bilingual):
    criterion = bilingual.criteria.get()
    english_levels = dict(criterion.levels)
    move(bilingual)
    criterion.refresh_from_db()
    assert criterion.name == "Innovation (fr)"
    assert criterion.levels == {**english_levels, "1": "Faible"}
    assert criterion.translations == {"en": {"name": "Innovation", "levels": english_levels}}


def test_english_and_french_readers_read_what_they_read_before(bilingual):
    criterion = bilingual.criteria.get()
    before = {}
    for language in ("en", "fr", "rw"):
        with translation.override(language):
            before[language] = (bilingual.texts.title, criterion.texts.levels)
    call = move(bilingual)
    criterion = call.criteria.get()
    for language in ("en", "fr"):
        with translation.override(language):
            assert (call.texts.title, criterion.texts.levels) == before[language]
    # A Kinyarwanda reader keeps their own texts and falls back to the new main language.
    with translation.override("rw"):
        assert (call.texts.title, criterion.texts.levels) == (before["rw"][0], before["fr"][1])


def test_a_text_missing_in_french_stays_and_the_missing_page_lists_it(call):
    call.translations = {"fr": {"title": "Appel à l'innovation"}}
    call.save()
    english_description = call.description
    call = move(call)
    assert call.description == english_description
    assert call.translations["en"] == {
        "title": "Innovation Call",
    }
    missing = {row["language"]: row for row in selectors.call_missing_translations(call)}
    assert list(missing) == ["en", "rw"]
    assert missing["en"]["call_fields"] == ["description", "documents required"]


def test_the_attachments_follow_their_documents_new_name(bilingual, draft):
    assert proposal_missing_parts(draft).get("attachments") is None
    move(bilingual)
    kinds = list(Attachment.objects.filter(proposal=draft).values_list("kind", flat=True))
    assert kinds == ["Lettre de soutien"]
    assert proposal_missing_parts(Proposal.objects.get(pk=draft.pk)).get("attachments") is None


def test_criteria_that_would_share_a_french_name_keep_their_names(bilingual):
    RubricCriterionFactory(
        call=bilingual, name="Market", translations={"fr": {"name": "Innovation (fr)"}}
    )
    move(bilingual)
    names = list(RubricCriterion.objects.filter(call=bilingual).values_list("name", flat=True))
    assert sorted(names) == ["Innovation", "Market"]


def test_the_move_is_audited_once_and_the_same_language_changes_nothing(bilingual, officer):
    move(bilingual, "en", actor=officer)
    assert not AuditEntry.objects.filter(action="programme.main_language_set").exists()
    move(bilingual, "fr", actor=officer)
    entry = AuditEntry.objects.get(action="programme.main_language_set")
    assert (entry.actor, entry.before, entry.after) == (officer, "en", "fr")
    assert entry.data == {"calls": 1, "criteria": 1}


def test_a_language_the_site_does_not_have_is_refused(bilingual):
    with pytest.raises(ValidationError):
        move(bilingual, "de")
    bilingual.programme.refresh_from_db()
    assert bilingual.programme.main_language == "en"


def test_changing_the_main_language_in_the_admin_moves_the_texts(client, bilingual, programme):
    root = User.objects.create_superuser("root@example.org", "pw-root-long-enough")
    client.force_login(root)
    data = {
        "name": programme.name,
        "slug": programme.slug,
        "summary": programme.summary,
        "main_language": "fr",
        "lead_organisation": programme.lead_organisation_id,
        "sectors": [s.pk for s in programme.sectors.all()],
        "colleges": [c.pk for c in programme.colleges.all()],
        "envelope_eur": "0",
        "is_active": "on",
        "document_partners-TOTAL_FORMS": "0",
        "document_partners-INITIAL_FORMS": "0",
    }
    url = reverse("admin:programmes_programme_change", args=[programme.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    call = Call.objects.select_related("programme").get(pk=bilingual.pk)
    assert (call.programme.main_language, call.title) == ("fr", "Appel à l'innovation")
    assert AuditEntry.objects.filter(action="programme.main_language_set", actor=root).exists()
