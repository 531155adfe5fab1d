"""Demo data of the experts app: the skills taxonomy and about sixty professionals.

Idempotent: every row is looked up by a natural key and set to the same
values, so running it twice changes nothing.
"""

import datetime

from allauth.account.models import EmailAddress
from django.utils import timezone

from skillbridge.calls.demo import demo_programme
from skillbridge.experts.consent import CONSENT_TEXT_VERSION
from skillbridge.experts.models import (
    AvailabilityWindow,
    ExpertLanguage,
    ExpertProfile,
    QualificationLevel,
    Skill,
)
from skillbridge.people.demo import DEMO_PASSWORD, demo_user
from skillbridge.people.models import Consent, ProgrammeRole, Role, User
from skillbridge.programmes.models import Sector

QUALIFICATION_LEVELS = [
    ("TVET certificate (RTQF levels 1–5)", 10),
    ("Diploma (RTQF level 6)", 20),
    ("Advanced diploma (RTQF level 7)", 30),
    ("Bachelor's degree", 40),
    ("Master's degree", 50),
    ("Doctorate", 60),
]

# sector slug → [(skill, synonyms)]
TAXONOMY = {
    "energy": [
        ("Solar PV installation", ["solar pv", "photovoltaic installation"]),
        ("Mini-grid design", ["off-grid systems"]),
        ("Energy auditing", ["energy efficiency"]),
        ("Biogas systems", ["biodigesters"]),
        ("Battery storage systems", ["energy storage"]),
    ],
    "electrical-engineering": [
        ("Electrical installation", ["wiring"]),
        ("PLC programming", ["programmable logic controllers", "industrial automation"]),
        ("Motor control", []),
        ("Power distribution", []),
        ("Electronics repair", []),
    ],
    "ict": [
        ("Mobile app development", ["android development", "ios development"]),
        ("Web development", []),
        ("Computer networking", ["networking"]),
        ("Data analysis", ["data science"]),
        ("Cybersecurity", []),
        ("Embedded systems", ["iot"]),
    ],
    "agriculture": [
        ("Irrigation design", ["drip irrigation"]),
        ("Food processing", ["agro-processing"]),
        ("Greenhouse farming", []),
        ("Post-harvest handling", []),
        ("Agribusiness planning", []),
        ("Soil and water conservation", []),
    ],
    "mechanical-engineering": [
        ("Welding", ["arc welding", "mig welding"]),
        ("CNC machining", []),
        ("Automotive maintenance", []),
        ("Refrigeration and air conditioning", ["hvac"]),
        ("Agricultural machinery maintenance", []),
        ("Computer-aided design (CAD)", ["cad"]),
    ],
}

PROFESSIONS = {
    "energy": ["Solar energy engineer", "Energy consultant"],
    "electrical-engineering": ["Electrical engineer", "Automation technician"],
    "ict": ["Software developer", "Network engineer", "Data analyst"],
    "agriculture": ["Agronomist", "Food technologist", "Irrigation engineer"],
    "mechanical-engineering": [
        "Mechanical engineer",
        "Welding inspector",
        "Maintenance technician",
    ],
}

# country → (cities, time zone, local language, phone prefix)
COUNTRIES = {
    "BE": (["Brussels", "Liège", "Antwerp", "Ghent", "Namur"], "Europe/Brussels", "fr", "+3247"),
    "DE": (["Berlin", "Frankfurt am Main", "Munich", "Cologne"], "Europe/Berlin", "de", "+49151"),
    "NL": (["Amsterdam", "Rotterdam", "The Hague", "Eindhoven"], "Europe/Amsterdam", "nl", "+316"),
    "FR": (["Paris", "Lyon", "Lille", "Toulouse"], "Europe/Paris", "fr", "+336"),
    "GB": (["London", "Manchester", "Birmingham", "Leeds"], "Europe/London", "en", "+447"),
    "SE": (["Stockholm", "Gothenburg", "Malmö", "Uppsala"], "Europe/Stockholm", "sv", "+4670"),
}

FIRST_NAMES = [
    ("Aimé", "male"), ("Angélique", "female"), ("Béatrice", "female"), ("Claude", "male"),
    ("Clarisse", "female"), ("Damascène", "male"), ("Delphine", "female"), ("Emmanuel", "male"),
    ("Espérance", "female"), ("Fabrice", "male"), ("Félicien", "male"), ("Gisèle", "female"),
    ("Honorine", "female"), ("Innocent", "male"), ("Jacqueline", "female"), ("Janvier", "male"),
    ("Joselyne", "female"), ("Liliane", "female"), ("Olivier", "male"), ("Pacifique", "male"),
    ("Providence", "female"), ("Sandrine", "female"), ("Théogène", "male"), ("Valens", "male"),
    ("Yvonne", "female"), ("Christian", "male"), ("Divine", "female"), ("Hervé", "male"),
    ("Gaudence", "female"), ("Alphonse", "male"), ("Chantal", "female"),
]  # fmt: skip
LAST_NAMES = [
    "Habimana", "Hakizimana", "Ingabire", "Iradukunda", "Kamanzi", "Karangwa", "Mugabo",
    "Mukamana", "Mukeshimana", "Munyaneza", "Murenzi", "Mutesi", "Ndayisaba", "Niyonsaba",
    "Nkurunziza", "Nsengiyumva", "Ntwali", "Rugamba", "Sebatware", "Twagirimana", "Umutoni",
    "Uwamahoro", "Uwimana", "Bizimana", "Gatete", "Kalisa", "Mugisha", "Nshuti", "Gasana",
]  # fmt: skip

STATE_CYCLE = ["approved"] * 5 + ["submitted", "registered", "rejected", "suspended", "approved"]
GENERATED = 58


def seed_taxonomy() -> None:
    for name, rank in QUALIFICATION_LEVELS:
        QualificationLevel.objects.update_or_create(name=name, defaults={"rank": rank})
    for slug, skills in TAXONOMY.items():
        sector = Sector.objects.filter(slug=slug).first()
        for name, synonyms in skills:
            Skill.objects.update_or_create(
                name=name, defaults={"sector": sector, "synonyms": synonyms, "in_taxonomy": True}
            )


def _ascii(text: str) -> str:
    table = str.maketrans("éèêëç", "eeeec")
    return text.lower().translate(table).replace(" ", "")


def _profile(
    *,
    email: str,
    full_name: str,
    sex: str,
    country: str,
    city: str,
    sectors: list[str],
    skills: list[str],
    languages: list[tuple[str, str]],
    windows: list[tuple[datetime.date, datetime.date]],
    state: str,
    profession: str,
    years: int,
    qualification: str,
    onsite: bool = True,
    remote: bool = True,
    capacity: int = 1,
    phone: str = "",
    claimed: bool = True,
    consent: bool = True,
) -> ExpertProfile:
    programme = demo_programme()
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
    if created and claimed:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    elif created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": claimed, "primary": True}
    )
    ProgrammeRole.objects.get_or_create(user=user, programme=programme, role=Role.EXPERT)
    stamp = datetime.datetime(2026, 10, 1, 9, 0, tzinfo=datetime.UTC)
    reasons = {
        "rejected": "The qualifications could not be confirmed from the documents provided.",
        "suspended": "Suspended at the professional's request while abroad on a long assignment.",
    }
    profile, _ = ExpertProfile.objects.update_or_create(
        user=user,
        programme=programme,
        defaults={
            "state": state,
            "state_reason": reasons.get(state, ""),
            "state_changed_at": stamp if state != "registered" else None,
            "source": ExpertProfile.Source.REGISTERED if claimed else ExpertProfile.Source.IMPORTED,
            "claimed_at": stamp if claimed else None,
            "invited_at": None if claimed else stamp,
            "imported_consent": not claimed,
            "sex": sex,
            "phone": phone,
            "country": country,
            "city": city,
            "timezone": COUNTRIES[country][1],
            "profession": profession,
            "years_experience": years,
            "qualification": QualificationLevel.objects.get(name=qualification),
            "bio": (
                f"{profession} based in {city}, {years} years of experience. "
                "Keen to coach trainers and students at an IPRC."
            ),
            "onsite": onsite,
            "remote": remote,
            "capacity": capacity,
        },
    )
    profile.sectors.set(Sector.objects.filter(slug__in=sectors))
    profile.skills.set(Skill.objects.filter(name__in=skills))
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
    has_consent = Consent.objects.filter(
        user=user, programme=programme, withdrawn_at__isnull=True
    ).exists()
    if claimed and consent and not has_consent:
        Consent.objects.create(
            user=user,
            programme=programme,
            text_version=CONSENT_TEXT_VERSION,
            for_pool=True,
            for_contact=True,
            for_sharing_with_host=True,
            given_at=stamp,
        )
    if not consent:
        Consent.objects.filter(user=user, programme=programme, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now()
        )
    return profile


def seed_experts() -> None:
    """The taxonomy, the two demo professionals, and 58 more in every state."""
    seed_taxonomy()
    first, second = demo_user("expert@example.org"), demo_user("expert2@example.org")
    _profile(
        email=first.email,
        full_name=first.full_name,
        sex="male",
        country="BE",
        city="Brussels",
        sectors=["energy", "electrical-engineering"],
        skills=["Solar PV installation", "Mini-grid design", "Electrical installation"],
        languages=[("rw", "native"), ("fr", "fluent"), ("en", "working")],
        windows=[(datetime.date(2027, 2, 1), datetime.date(2027, 4, 30))],
        state="approved",
        profession="Electrical engineer, solar energy",
        years=12,
        qualification="Master's degree",
        capacity=2,
        phone="+32470123456",
    )
    _profile(
        email=second.email,
        full_name=second.full_name,
        sex="female",
        country="DE",
        city="Berlin",
        sectors=["ict"],
        skills=["Mobile app development", "Web development", "Data analysis"],
        languages=[("rw", "native"), ("de", "fluent"), ("en", "fluent")],
        windows=[(datetime.date(2027, 3, 1), datetime.date(2027, 3, 31))],
        state="approved",
        profession="Software developer",
        years=8,
        qualification="Bachelor's degree",
        onsite=False,
        capacity=1,
    )
    sector_slugs = list(TAXONOMY)
    countries = list(COUNTRIES)
    for i in range(GENERATED):
        given, sex = FIRST_NAMES[(i * 7) % len(FIRST_NAMES)]
        family = LAST_NAMES[(i * 11) % len(LAST_NAMES)]
        country = countries[i % len(countries)]
        cities, _tz, local, prefix = COUNTRIES[country]
        sector = sector_slugs[i % len(sector_slugs)]
        extra_sector = sector_slugs[(i + 2) % len(sector_slugs)] if i % 4 == 0 else None
        skills = [name for name, _syn in TAXONOMY[sector]]
        state = STATE_CYCLE[i % len(STATE_CYCLE)]
        start = datetime.date(2027, 1 + i % 10, 1 + i % 20)
        languages = [("rw", "native"), (local, "fluent")]
        if local != "en":
            languages.append(("en", "working" if i % 3 else "fluent"))
        if local != "fr" and i % 5 == 0:
            languages.append(("fr", "basic"))
        _profile(
            email=f"{_ascii(given)}.{_ascii(family)}{i}@example.org",
            full_name=f"{given} {family}",
            sex="undisclosed" if i % 9 == 0 else sex,
            country=country,
            city=cities[i % len(cities)],
            sectors=[sector] + ([extra_sector] if extra_sector else []),
            skills=skills[i % 3 : i % 3 + 2],
            languages=languages,
            windows=[(start, start + datetime.timedelta(days=21 + 7 * (i % 8)))],
            state=state,
            profession=PROFESSIONS[sector][i % len(PROFESSIONS[sector])],
            years=3 + (i * 5) % 25,
            qualification=QUALIFICATION_LEVELS[1 + i % 5][0],
            onsite=i % 6 != 1,
            remote=i % 6 != 2,
            capacity=1 + i % 3,
            phone=f"{prefix}{1000000 + i * 7919}" if i % 2 == 0 else "",
            claimed=not (state == "registered" and i % 3 == 0),
            consent=not (state == "approved" and i % 17 == 0),
        )
