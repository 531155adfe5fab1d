"""The calls demo step: an open call, about forty proposals in every state, idempotent."""

from collections import Counter

from skillbridge.calls.models import Attachment, Call, Proposal, TeamMember
from skillbridge.calls.services import programme_main_language_set
from skillbridge.common.models import AuditEntry
from skillbridge.demo.calls import CALL_TITLE, seed_calls
from skillbridge.demo.people import seed_accounts, seed_organisations
from skillbridge.demo.programmes import seed_programme


def counts():
    return (
        Proposal.objects.count(),
        TeamMember.objects.count(),
        Attachment.objects.count(),
        AuditEntry.objects.count(),
    )


def test_the_demo_call_has_proposals_in_every_state_and_seeding_twice_changes_nothing(db):
    seed_organisations()
    seed_programme()
    seed_accounts()
    seed_calls()
    first = counts()
    seed_calls()

    assert counts() == first
    call = Call.objects.get(title=CALL_TITLE)
    assert call.is_open
    assert (call.awards_planned, call.reviews_per_proposal, call.criteria.count()) == (10, 3, 5)
    states = Counter(Proposal.objects.values_list("state", flat=True))
    assert set(states) == {"draft", "submitted", "eligible", "ineligible", "withdrawn"}
    assert states["eligible"] >= 25
    assert Proposal.objects.values("college").distinct().count() == 8
    assert Proposal.objects.values("sector").distinct().count() == 5
    mine = dict(
        Proposal.objects.filter(lead__email="applicant@example.org").values_list("title", "state")
    )
    assert mine == {
        "Solar cold room for Nyabugogo market vendors": "draft",
        "InternLink: matching TVET students with internships": "submitted",
        "SmartTike: buy event and bus tickets online": "eligible",
    }
    assert Proposal.objects.get(lead__email="applicant2@example.org").state == "submitted"
    sexes = Counter(TeamMember.objects.filter(status="joined").values_list("sex", flat=True))
    assert sexes["female"] > 40
    assert sexes["male"] > 40
    for proposal in Proposal.objects.exclude(state="draft"):
        assert proposal.snapshot["title"] == proposal.title


def test_the_demo_call_and_its_rubric_read_in_french_and_kinyarwanda(db):
    seed_organisations()
    seed_programme()
    seed_accounts()
    seed_calls()
    call = Call.objects.select_related("programme").get(title=CALL_TITLE)
    assert call.programme.main_language == "en"
    assert call.missing_translations() == {}
    assert [c.missing_translations() for c in call.criteria.all()] == [{}] * 5
    assert call.text("title", "fr") == "Appel à l'innovation 2027"
    assert call.text("title", "rw") == "Itangazo ry'imishinga y'udushya 2027"
    assert call.text("required_documents", "fr") == [
        "Lettre de soutien du collège",
        "CV des membres de l'équipe",
    ]
    assert [c.text("name", "rw") for c in call.criteria.all()] == [
        "Udushya",
        "Gushyirwa mu bikorwa",
        "Isoko",
        "Akamaro ku rubyiruko no ku murimo",
        "Itsinda",
    ]


def test_seeding_moves_a_programme_switched_to_french_back_with_its_texts(db):
    seed_organisations()
    seed_programme()
    seed_accounts()
    seed_calls()
    call = Call.objects.get(title=CALL_TITLE)
    programme_main_language_set(actor=None, programme=call.programme, language="fr")
    assert Call.objects.get(pk=call.pk).title == "Appel à l'innovation 2027"
    seed_programme()
    seed_calls()
    moved_back = Call.objects.select_related("programme").get(pk=call.pk)
    assert (moved_back.programme.main_language, moved_back.title) == ("en", CALL_TITLE)
    assert moved_back.missing_translations() == {}
    assert Call.objects.count() == 1
