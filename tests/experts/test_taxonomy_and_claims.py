"""Officers keep the taxonomy in three languages, re-invite imported professionals, and
unconfirmed uploads do not outlive their day (issues 15, 16)."""

import datetime

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from skillbridge.common.models import AuditEntry, OutboxMessage
from skillbridge.common.scheduling import JOBS
from skillbridge.experts.models import ExpertProfile, ImportBatch, Skill
from skillbridge.experts.services.import_files import import_previews_clean
from tests.experts.factories import ExpertProfileFactory, SkillFactory


def test_an_officer_adds_a_skill_with_its_labels_synonyms_and_esco_uri(client, officer, programme):
    client.force_login(officer)
    response = client.post(
        reverse("experts:skill_new", args=[programme.slug]),
        {
            "name": "Welding",
            "name_fr": "Soudage",
            "name_rw": "Gusudira",
            "synonyms": "arc welding; mig welding; arc welding",
            "esco_uri": "http://data.europa.eu/esco/skill/welding",
        },
    )
    assert response.status_code == 302
    skill = Skill.objects.get(name="Welding")
    assert skill.synonyms == ["arc welding", "mig welding"]
    assert skill.esco_uri == "http://data.europa.eu/esco/skill/welding"
    assert skill.in_taxonomy
    with translation.override("fr"):
        assert str(skill) == "Soudage"
    with translation.override("rw"):
        assert skill.label == "Gusudira"
    assert AuditEntry.objects.filter(action="expert.skill_saved").count() == 1


def test_a_label_left_empty_reads_in_english(db):
    skill = SkillFactory(name="CNC machining", name_fr="Usinage CNC")
    with translation.override("rw"):
        assert skill.label == "CNC machining"
    assert skill.missing_labels == ["rw"]


def test_two_skills_cannot_share_a_name_whatever_its_case(client, officer, programme):
    SkillFactory(name="Welding")
    other = SkillFactory(name="Soldering")
    client.force_login(officer)
    response = client.post(
        reverse("experts:skill_edit", args=[programme.slug, other.pk]), {"name": "WELDING"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == ["A skill of this name exists already."]
    other.refresh_from_db()
    assert other.name == "Soldering"


def test_a_free_text_skill_has_no_edit_page(client, officer, programme):
    free = SkillFactory(name="Beekeeping", in_taxonomy=False)
    client.force_login(officer)
    response = client.get(reverse("experts:skill_edit", args=[programme.slug, free.pk]))
    assert response.status_code == 404


def _imported(programme, **fields):
    return ExpertProfileFactory(
        programme=programme,
        source=ExpertProfile.Source.IMPORTED,
        claimed_at=None,
        imported_consent=True,
        **fields,
    )


def test_an_officer_sends_the_claim_invitation_again(client, officer, programme):
    profile = _imported(programme, invited_at=timezone.now() - datetime.timedelta(days=30))
    before = OutboxMessage.objects.count()
    client.force_login(officer)
    page = client.get(reverse("experts:pool_profile", args=[programme.slug, profile.pk]))
    assert "Send the invitation again" in page.content.decode()
    client.post(reverse("experts:pool_invite", args=[programme.slug, profile.pk]))
    assert OutboxMessage.objects.count() == before + 1
    profile.refresh_from_db()
    assert profile.invited_at > timezone.now() - datetime.timedelta(minutes=1)
    assert AuditEntry.objects.filter(action="expert.claim_invited_again").count() == 1


def test_a_claimed_profile_is_not_invited(client, officer, programme):
    profile = ExpertProfileFactory(programme=programme)
    client.force_login(officer)
    page = client.get(reverse("experts:pool_profile", args=[programme.slug, profile.pk]))
    assert "Send the invitation again" not in page.content.decode()
    before = OutboxMessage.objects.count()
    client.post(reverse("experts:pool_invite", args=[programme.slug, profile.pk]))
    assert OutboxMessage.objects.count() == before


def _batch(programme, status, age_hours):
    batch = ImportBatch.objects.create(programme=programme, filename="pool.csv", status=status)
    batch.file.save("pool.csv", ContentFile(b"email\nx@example.org\n"))
    ImportBatch.objects.filter(pk=batch.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=age_hours)
    )
    return batch


def test_unconfirmed_uploads_are_deleted_after_a_day(programme):
    stale = _batch(programme, ImportBatch.Status.PREVIEWED, 25)
    fresh = _batch(programme, ImportBatch.Status.PREVIEWED, 2)
    done = _batch(programme, ImportBatch.Status.DONE, 48)
    storage, stale_name = stale.file.storage, stale.file.name
    assert import_previews_clean() == 1
    assert not storage.exists(stale_name)
    assert set(ImportBatch.objects.values_list("pk", flat=True)) == {fresh.pk, done.pk}
    assert import_previews_clean() == 0


def test_the_clean_up_is_a_scheduled_job():
    job = JOBS["skillbridge.experts.tasks.delete_unconfirmed_imports"]
    assert job.minutes == 60
