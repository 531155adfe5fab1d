"""A professional's data across the apps: what their download holds, and how erasure reaches it.

The right of access (GDPR art. 15 and 20, Law 058/2021 art. 21) and the
right to erasure (art. 17, art. 24) cover every table that holds something
about the professional, and some of those tables belong to apps above this
one (pairing, missions). Each app's `personal_data` module, imported when
Django starts (`ExpertsConfig.ready`), registers here the sections it adds
to the download and the eraser that clears what it holds; this app asks the
registry and imports none of them.
"""

from collections.abc import Callable
from datetime import date, datetime

from skillbridge.common.access import personal_data_reads_of
from skillbridge.common.models import OutboxMessage
from skillbridge.experts.models import ExpertProfile
from skillbridge.people.models import Consent, User

# A section reads the professional's rows of one kind as plain data.
Section = Callable[[ExpertProfile], list[dict]]
# An eraser clears what its app holds about the profile's owner; `email` is the address they
# had (None when the profile had no account left), read before the account was deleted.
Eraser = Callable[..., None]

_sections: dict[str, Section] = {}
_erasers: dict[str, Eraser] = {}


def section(name: str) -> Callable[[Section], Section]:
    """Register the decorated function as the section `name` of the download, in app order."""

    def register(read: Section) -> Section:
        _sections[name] = read
        return read

    return register


def eraser(erase: Eraser) -> Eraser:
    """Register the decorated function to run, as `erase(profile=, email=)`, at erasure."""
    _erasers[f"{erase.__module__}.{erase.__qualname__}"] = erase
    return erase


def erase_elsewhere(*, profile: ExpertProfile, email: str | None) -> None:
    """Run every registered eraser, in the order the apps registered them."""
    for erase in _erasers.values():
        erase(profile=profile, email=email)


def iso(moment: date | datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def profile_export_data(profile: ExpertProfile) -> dict:
    """Everything the programme holds about the profile's owner, as plain data.

    The account, the profile, consents, the mail the programme wrote to
    them, the sections other apps registered (their pairings, missions,
    surveys and certificates), and who among the staff read their record
    (the access log).
    """
    user = profile.user
    return {
        "account": _account(user),
        "profile": _profile(profile),
        "consents": _consents(user),
        "mail": [
            {"written": m.created_at.isoformat(), "subject": m.subject, "body": m.body}
            for m in OutboxMessage.objects.filter(to__iexact=user.email)
        ],
        **{name: read(profile) for name, read in _sections.items()},
        "read_by_staff": [
            {
                "when": entry.created_at.isoformat(),
                "what": entry.data.get("what", ""),
                "via": entry.data.get("via", ""),
                "by": entry.actor.get_full_name() if entry.actor else "",
            }
            for entry in personal_data_reads_of(profile)
        ],
    }


def _account(user: User) -> dict:
    return {
        "email": user.email,
        "full_name": user.full_name,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined.isoformat(),
    }


def _profile(profile: ExpertProfile) -> dict:
    return {
        "programme": profile.programme.slug,
        "state": profile.state,
        "state_reason": profile.state_reason,
        "source": profile.source,
        "sex": profile.sex,
        "phone": profile.phone,
        "country": profile.country.code or "",
        "city": profile.city,
        "timezone": profile.timezone,
        "profession": profile.profession,
        "employer": profile.employer,
        "years_experience": profile.years_experience,
        "qualification": profile.qualification.name if profile.qualification else "",
        "sectors": [sector.slug for sector in profile.sectors.all()],
        "skills": [skill.name for skill in profile.skills.all()],
        "languages": [
            {"code": language.code, "level": language.level} for language in profile.languages.all()
        ],
        "bio": profile.bio,
        "cv": profile.cv.name.rsplit("/", 1)[-1] if profile.cv else "",
        "availability": [
            {"start": w.starts_on.isoformat(), "end": w.ends_on.isoformat()}
            for w in profile.availability.all()
        ],
        "modalities": profile.modalities,
        "capacity": profile.capacity,
        "created_at": profile.created_at.isoformat(),
    }


def _consents(user: User) -> list[dict]:
    return [
        {
            "programme": consent.programme.slug,
            "text_version": consent.text_version,
            "pool": consent.for_pool,
            "contact": consent.for_contact,
            "sharing_with_host": consent.for_sharing_with_host,
            "given_at": consent.given_at.isoformat(),
            "withdrawn_at": iso(consent.withdrawn_at),
        }
        for consent in Consent.objects.filter(user=user).select_related("programme")
    ]
