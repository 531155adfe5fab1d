"""The skills taxonomy and about sixty diaspora professionals (data/experts.toml).

Idempotent: every row is looked up by a natural key and set to the same
values, so running it twice changes nothing.
"""

import datetime

from allauth.account.models import EmailAddress
from django.utils import timezone

from skillbridge.demo.people import demo_person, demo_user
from skillbridge.demo.programmes import demo_programme
from skillbridge.demo.texts import texts
from skillbridge.experts.consent import CONSENT_TEXT_VERSION
from skillbridge.experts.models import (
    AvailabilityWindow,
    ExpertLanguage,
    ExpertProfile,
    QualificationLevel,
    Skill,
)
from skillbridge.people.models import Consent, ProgrammeRole, Role
from skillbridge.programmes.models import Sector

STATE_CYCLE = ["approved"] * 5 + ["submitted", "registered", "rejected", "suspended", "approved"]
GENERATED = 58
# When the demo professionals registered, were vetted and consented.
STAMP = datetime.datetime(2026, 10, 1, 9, 0, tzinfo=datetime.UTC)


def seed_taxonomy() -> None:
    data = texts("experts")
    for name, rank, name_fr, name_rw in data["qualification_levels"]:
        QualificationLevel.objects.update_or_create(
            name=name, defaults={"rank": rank, "name_fr": name_fr, "name_rw": name_rw}
        )
    for slug, skills in data["taxonomy"].items():
        sector = Sector.objects.filter(slug=slug).first()
        for skill in skills:
            Skill.objects.update_or_create(
                name=skill["name"],
                defaults={
                    "name_fr": skill["fr"],
                    "name_rw": skill["rw"],
                    "sector": sector,
                    "synonyms": list(skill["synonyms"]),
                    "in_taxonomy": True,
                },
            )


def _ascii(text: str) -> str:
    table = str.maketrans("éèêëç", "eeeec")
    return text.lower().translate(table).replace(" ", "")


def _profile_fields(row: dict, *, claimed: bool) -> dict:
    """The profile's own columns: registered by the professional, or imported unclaimed."""
    data = texts("experts")
    state = row["state"]
    return {
        "state": state,
        "state_reason": data["reasons"].get(state, ""),
        "state_changed_at": STAMP if state != "registered" else None,
        "source": ExpertProfile.Source.REGISTERED if claimed else ExpertProfile.Source.IMPORTED,
        "claimed_at": STAMP if claimed else None,
        "invited_at": None if claimed else STAMP,
        "imported_consent": not claimed,
        "sex": row["sex"],
        "phone": row.get("phone", ""),
        "country": row["country"],
        "city": row["city"],
        "timezone": data["countries"][row["country"]]["timezone"],
        "profession": row["profession"],
        "years_experience": row["years"],
        "qualification": QualificationLevel.objects.get(name=row["qualification"]),
        "bio": data["bio"].format(**row),
        "onsite": row.get("onsite", True),
        "remote": row.get("remote", True),
        "capacity": row.get("capacity", 1),
    }


def _set_languages_and_windows(profile: ExpertProfile, row: dict) -> None:
    languages, windows = row["languages"], row["windows"]
    profile.languages.exclude(code__in=[code for code, _level in languages]).delete()
    for code, level in languages:
        ExpertLanguage.objects.update_or_create(
            profile=profile, code=code, defaults={"level": level}
        )
    profile.availability.exclude(starts_on__in=[start for start, _end in windows]).delete()
    for start, end in windows:
        AvailabilityWindow.objects.update_or_create(
            profile=profile, starts_on=start, defaults={"ends_on": end}
        )


def _set_consent(profile: ExpertProfile, *, claimed: bool, consent: bool) -> None:
    """A claimed profile's consent, given once; withdrawn where the row says so."""
    current = Consent.objects.filter(
        user=profile.user, programme=profile.programme, withdrawn_at__isnull=True
    )
    if claimed and consent and not current.exists():
        Consent.objects.create(
            user=profile.user,
            programme=profile.programme,
            text_version=CONSENT_TEXT_VERSION,
            for_pool=True,
            for_contact=True,
            for_sharing_with_host=True,
            given_at=STAMP,
        )
    if not consent:
        current.update(withdrawn_at=timezone.now())


def _profile(row: dict) -> ExpertProfile:
    """One professional: an account (signed in only once claimed), a role and a profile."""
    programme = demo_programme()
    claimed = row.get("claimed", True)
    user = demo_person(row["email"], row["full_name"], signs_in=claimed)
    EmailAddress.objects.update_or_create(
        user=user, email=row["email"], defaults={"verified": claimed, "primary": True}
    )
    ProgrammeRole.objects.get_or_create(user=user, programme=programme, role=Role.EXPERT)
    profile, _ = ExpertProfile.objects.update_or_create(
        user=user, programme=programme, defaults=_profile_fields(row, claimed=claimed)
    )
    profile.sectors.set(Sector.objects.filter(slug__in=row["sectors"]))
    profile.skills.set(Skill.objects.filter(name__in=row["skills"]))
    _set_languages_and_windows(profile, row)
    _set_consent(profile, claimed=claimed, consent=row.get("consent", True))
    return profile


def _languages(i: int, local: str) -> list[tuple[str, str]]:
    languages = [("rw", "native"), (local, "fluent")]
    if local != "en":
        languages.append(("en", "working" if i % 3 else "fluent"))
    if local != "fr" and i % 5 == 0:
        languages.append(("fr", "basic"))
    return languages


def _generated(i: int) -> dict:
    """The i-th made-up professional, spread over sectors, countries and states."""
    data = texts("experts")
    given, sex = data["first_names"][(i * 7) % len(data["first_names"])]
    family = data["last_names"][(i * 11) % len(data["last_names"])]
    country = list(data["countries"])[i % len(data["countries"])]
    place = data["countries"][country]
    sectors = list(data["taxonomy"])
    sector = sectors[i % len(sectors)]
    professions = data["professions"][sector]
    state = STATE_CYCLE[i % len(STATE_CYCLE)]
    start = datetime.date(2027, 1 + i % 10, 1 + i % 20)
    return {
        "email": f"{_ascii(given)}.{_ascii(family)}{i}@example.org",
        "full_name": f"{given} {family}",
        "sex": "undisclosed" if i % 9 == 0 else sex,
        "country": country,
        "city": place["cities"][i % len(place["cities"])],
        "sectors": [sector] + ([sectors[(i + 2) % len(sectors)]] if i % 4 == 0 else []),
        "skills": [skill["name"] for skill in data["taxonomy"][sector]][i % 3 : i % 3 + 2],
        "languages": _languages(i, place["language"]),
        "windows": [(start, start + datetime.timedelta(days=21 + 7 * (i % 8)))],
        "state": state,
        "profession": professions[i % len(professions)],
        "years": 3 + (i * 5) % 25,
        "qualification": data["qualification_levels"][1 + i % 5][0],
        "onsite": i % 6 != 1,
        "remote": i % 6 != 2,
        "capacity": 1 + i % 3,
        "phone": f"{place['phone_prefix']}{1000000 + i * 7919}" if i % 2 == 0 else "",
        "claimed": not (state == "registered" and i % 3 == 0),
        "consent": not (state == "approved" and i % 17 == 0),
    }


def seed_experts() -> None:
    """The taxonomy, the two demo professionals, and 58 more in every state."""
    seed_taxonomy()
    for row in texts("experts")["professionals"]:
        _profile({**row, "full_name": demo_user(row["email"]).full_name})
    for i in range(GENERATED):
        _profile(_generated(i))
