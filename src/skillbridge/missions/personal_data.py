"""A professional's missions, surveys and certificates: in their data download, and at erasure."""

from skillbridge.experts.models import ExpertProfile
from skillbridge.experts.personal_data import eraser, iso, section
from skillbridge.missions.models import Certificate, Mission, Survey


def _own_surveys(profile: ExpertProfile, email: str):
    return Survey.objects.filter(
        mission__expert=profile, respondent=Survey.Respondent.PROFESSIONAL, email__iexact=email
    )


def _contributions(profile: ExpertProfile):
    return Certificate.objects.filter(mission__expert=profile, kind=Certificate.Kind.CONTRIBUTION)


@section("missions")
def missions_of(profile: ExpertProfile) -> list[dict]:
    missions = Mission.objects.filter(expert=profile).select_related("host_college")
    return [
        {
            "id": mission.pk,
            "title": mission.title,
            "kind": mission.kind,
            "state": mission.state,
            "host_college": mission.host_college.name,
            "place": mission.place,
            "starts_on": mission.starts_on.isoformat(),
            "ends_on": mission.ends_on.isoformat(),
        }
        for mission in missions.order_by("starts_on", "pk")
    ]


@section("surveys")
def surveys_of(profile: ExpertProfile) -> list[dict]:
    surveys = _own_surveys(profile, profile.user.email).select_related("mission")
    return [
        {
            "mission": survey.mission.title,
            "wave": survey.wave,
            "invited_at": iso(survey.invited_at),
            "answered_at": iso(survey.answered_at),
            "experience": survey.experience,
            "obstacles": survey.obstacles,
        }
        for survey in surveys.order_by("pk")
    ]


@section("certificates")
def certificates_of(profile: ExpertProfile) -> list[dict]:
    certificates = _contributions(profile).select_related("mission")
    return [
        {
            "mission": certificate.mission.title,
            "kind": certificate.kind,
            "name": certificate.full_name,
            "code": certificate.code,
            "issued_at": iso(certificate.issued_at),
        }
        for certificate in certificates.order_by("pk")
    ]


@eraser
def missions_forget(*, profile: ExpertProfile, email: str | None) -> None:
    """Take the name off certificates of contribution; forget the professional's own surveys.

    Unanswered surveys go; answered ones keep only the 1–5 rating, for the
    programme's evaluation, tied to no one: the address, name and free text
    (which may name them) go. Missions stay, naming a "former participant".
    """
    _contributions(profile).update(full_name="")
    if email is None:
        return
    own = _own_surveys(profile, email)
    own.filter(answered_at__isnull=True).delete()
    for survey in own:
        survey.email = f"former-participant-{survey.pk}@erased.invalid"
        survey.name = ""
        survey.obstacles = ""
        survey.what_changed = ""
        survey.save(update_fields=["email", "name", "obstacles", "what_changed"])
