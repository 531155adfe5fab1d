"""Registering, filling in, claiming and submitting a professional's profile."""

import datetime
import zoneinfo
from collections.abc import Iterable, Sequence

import phonenumbers
from allauth.account.models import EmailAddress
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from skillbridge.common.countries import main_timezone
from skillbridge.common.services import audit_record, mail_queue
from skillbridge.common.transitions import locked
from skillbridge.common.uploads import PDF_ONLY, validate_upload
from skillbridge.experts.consent import CONSENT_TEXT_VERSION
from skillbridge.experts.languages import LANGUAGE_CODES
from skillbridge.experts.models import (
    AvailabilityWindow,
    ExpertLanguage,
    ExpertProfile,
    QualificationLevel,
    Skill,
)
from skillbridge.experts.states import PROFILE
from skillbridge.people.models import ProgrammeRole, Role, User
from skillbridge.people.selectors import active_consent
from skillbridge.people.services import consent_give
from skillbridge.programmes.models import Programme, Sector

CV_MAX_MEGABYTES = 5
MAX_CAPACITY = 10
MAX_YEARS = 70


def phone_normalise(raw: str, country: str) -> str:
    """An international phone number in E.164, read in the country of residence.

    Any country is accepted; a number written without its country code is
    read as a number of the country of residence.
    """
    raw = (raw or "").strip()
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(raw, (country or "").upper() or None)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            {
                "phone": _(
                    "This is not a valid phone number. Write it with its country code, "
                    "for example +32 470 12 34 56."
                )
            }
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def skills_for_names(names: Iterable[str]) -> list[Skill]:
    """Taxonomy skills matching the names (or their synonyms); new free skills for the rest."""
    by_name: dict[str, Skill] = {}
    for skill in Skill.objects.all():
        by_name.setdefault(skill.name.casefold(), skill)
        for synonym in skill.synonyms or []:
            by_name.setdefault(str(synonym).casefold(), skill)
    found: list[Skill] = []
    for raw in names:
        name = " ".join(raw.split())[:120]
        if not name:
            continue
        skill = by_name.get(name.casefold())
        if skill is None:
            skill = Skill.objects.create(name=name, in_taxonomy=False)
            by_name[name.casefold()] = skill
        if skill not in found:
            found.append(skill)
    return found


@transaction.atomic
def expert_register(
    *,
    user: User,
    programme: Programme,
    country: str,
    full_name: str = "",
    phone: str = "",
    sex: str = "",
    for_pool: bool,
    for_contact: bool,
    for_sharing_with_host: bool,
) -> ExpertProfile:
    """Register a signed-in person as a professional of `programme`.

    Creates the profile (claimed, since the person signed up themselves), the
    expert role and the informed consent; logs it. Only the country of
    residence is required; a phone is optional and may be of any country. A
    full name, when given, becomes the account's name (allauth's sign-up asks
    only for an email address).
    """
    if ExpertProfile.objects.filter(user=user, programme=programme).exists():
        raise ValidationError({"country": _("You are already registered in this programme.")})
    if country not in countries:
        raise ValidationError({"country": _("Choose your country of residence.")})
    if sex and sex not in ExpertProfile.Sex.values:
        raise ValidationError({"sex": _("Choose one of the options.")})
    if full_name.strip() and full_name.strip() != user.full_name:
        user.full_name = full_name.strip()
        user.save(update_fields=["full_name"])
    profile = ExpertProfile.objects.create(
        programme=programme,
        user=user,
        country=country,
        phone=phone_normalise(phone, country),
        sex=sex,
        timezone=main_timezone(country),
        source=ExpertProfile.Source.REGISTERED,
        claimed_at=timezone.now(),
    )
    ProgrammeRole.objects.get_or_create(user=user, programme=programme, role=Role.EXPERT)
    consent_give(
        user=user,
        programme=programme,
        text_version=CONSENT_TEXT_VERSION,
        for_pool=for_pool,
        for_contact=for_contact,
        for_sharing_with_host=for_sharing_with_host,
    )
    audit_record(actor=user, action="expert.registered", target=profile, after=profile.state)
    return profile


def _check_windows(windows: Sequence[tuple[datetime.date, datetime.date]]) -> None:
    for start, end in windows:
        if end < start:
            raise ValidationError({"availability": _("A window cannot end before it starts.")})


def _check_languages(languages: Sequence[tuple[str, str]]) -> None:
    codes = [code for code, _level in languages]
    if len(codes) != len(set(codes)):
        raise ValidationError({"languages": _("List each language once.")})
    for code, level in languages:
        if code not in LANGUAGE_CODES:
            raise ValidationError({"languages": _("Choose languages from the list.")})
        if level and level not in ExpertLanguage.Level.values:
            raise ValidationError({"languages": _("Choose a level from the list.")})


@transaction.atomic
def profile_update(
    *,
    profile: ExpertProfile,
    actor: User,
    sex: str,
    phone: str,
    country: str,
    city: str,
    timezone_name: str,
    profession: str,
    employer: str,
    years_experience: int | None,
    qualification: QualificationLevel | None,
    sectors: Iterable[Sector],
    skills: Iterable[Skill],
    free_skills: Iterable[str] = (),
    languages: Sequence[tuple[str, str]] = (),
    windows: Sequence[tuple[datetime.date, datetime.date]] = (),
    onsite: bool,
    remote: bool,
    capacity: int,
    bio: str,
    cv: UploadedFile | None = None,
    remove_cv: bool = False,
) -> ExpertProfile:
    """Save the whole profile as its owner wrote it, after checking every field.

    Languages and availability windows are replaced by the lists given; free
    skill names become skills outside the taxonomy until an officer merges
    them. A new CV replaces the old file. An empty time zone is the country's main one.
    """
    _check_values(
        country=country,
        timezone_name=timezone_name,
        years_experience=years_experience,
        capacity=capacity,
        sex=sex,
    )
    _check_languages(languages)
    _check_windows(windows)
    _check_cv(cv)
    phone = phone_normalise(phone, country)

    profile = locked(profile, "user")
    replaced_cv = _attach_cv(profile, cv=cv, remove_cv=remove_cv)
    profile.sex, profile.phone, profile.country = sex, phone, country
    profile.city, profile.timezone = city.strip(), timezone_name or main_timezone(country)
    profile.profession, profile.employer = profession.strip(), employer.strip()
    profile.years_experience, profile.qualification = years_experience, qualification
    profile.onsite, profile.remote, profile.capacity = onsite, remote, capacity
    profile.bio = bio.strip()
    profile.save()
    if replaced_cv:
        profile.cv.storage.delete(replaced_cv)
    profile.sectors.set(sectors)
    profile.skills.set([*skills, *skills_for_names(free_skills)])
    _replace_languages_and_windows(profile, languages=languages, windows=windows)
    audit_record(actor=actor, action="expert.profile_updated", target=profile)
    return profile


def _check_values(
    *, country: str, timezone_name: str, years_experience: int | None, capacity: int, sex: str
) -> None:
    if country and country not in countries:
        raise ValidationError({"country": _("Choose your country of residence.")})
    if timezone_name and timezone_name not in zoneinfo.available_timezones():
        raise ValidationError({"timezone": _("Choose a time zone from the list.")})
    if years_experience is not None and not 0 <= years_experience <= MAX_YEARS:
        raise ValidationError({"years_experience": _("Give a number of years between 0 and 70.")})
    if not 1 <= capacity <= MAX_CAPACITY:
        raise ValidationError({"capacity": _("Give a number of projects between 1 and 10.")})
    if sex and sex not in ExpertProfile.Sex.values:
        raise ValidationError({"sex": _("Choose one of the options.")})


def _check_cv(cv: UploadedFile | None) -> None:
    if cv is None:
        return
    try:
        validate_upload(cv, extensions=PDF_ONLY, max_megabytes=CV_MAX_MEGABYTES)
    except ValidationError as error:
        raise ValidationError({"cv": error.messages}) from error


def _attach_cv(profile: ExpertProfile, *, cv: UploadedFile | None, remove_cv: bool) -> str:
    """Store the new CV (or none) on the unsaved profile; name the old file to delete once saved."""
    old_cv = profile.cv.name if profile.cv else ""
    if cv is not None:
        profile.cv.save(cv.name, cv, save=False)
    elif remove_cv:
        profile.cv = ""
    else:
        return ""
    return old_cv


def _replace_languages_and_windows(
    profile: ExpertProfile,
    *,
    languages: Sequence[tuple[str, str]],
    windows: Sequence[tuple[datetime.date, datetime.date]],
) -> None:
    profile.languages.all().delete()
    ExpertLanguage.objects.bulk_create(
        ExpertLanguage(profile=profile, code=code, level=level) for code, level in languages
    )
    profile.availability.all().delete()
    AvailabilityWindow.objects.bulk_create(
        AvailabilityWindow(profile=profile, starts_on=start, ends_on=end)
        for start, end in sorted(set(windows))
    )


@transaction.atomic
def profile_submit(*, profile: ExpertProfile, actor: User) -> ExpertProfile:
    """Send a profile to the programme officer for vetting.

    Needs what vetting and matching cannot do without: a country, a
    profession, a sector, a language, a modality, and active consent. A
    rejected profile may be corrected and submitted again.
    """
    profile = locked(profile, "user", "programme")
    PROFILE.refuse_unless_can(profile, "submit")
    missing = []
    if not profile.country:
        missing.append(_("country of residence"))
    if not profile.profession:
        missing.append(_("profession"))
    if not profile.sectors.exists():
        missing.append(_("at least one sector"))
    if not profile.languages.exists():
        missing.append(_("at least one language"))
    if not (profile.onsite or profile.remote):
        missing.append(_("on site or remote"))
    if missing:
        raise ValidationError(
            {"state": _("Before you submit, add: %(missing)s.") % {"missing": ", ".join(missing)}}
        )
    if active_consent(profile.user, profile.programme) is None:
        raise ValidationError({"state": _("Give your consent before you submit.")})
    profile.state_reason = ""
    profile.state_changed_at = timezone.now()
    PROFILE.move(
        profile,
        "submit",
        actor=actor,
        update_fields=("state_reason", "state_changed_at", "updated_at"),
    )
    mail_queue(
        to=profile.user.email,
        template="experts/mail/submitted",
        context={"profile": profile, "programme": profile.programme},
        language=profile.user.preferred_language,
        programme=profile.programme,
        kind="experts:submitted",
    )
    return profile


@transaction.atomic
def profile_claim(
    *,
    profile: ExpertProfile,
    password: str,
    for_pool: bool,
    for_contact: bool,
    for_sharing_with_host: bool,
) -> ExpertProfile:
    """Let an imported professional take over their account from the invitation link.

    Sets the password (unless the account already has one), marks the email
    verified (the link proved it), records their own consent, and stamps the
    profile claimed, which also makes the link stop working.
    """
    user = User.objects.select_for_update(of=("self",)).get(pk=profile.user_id)
    if not user.has_usable_password():
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise ValidationError({"password1": error.messages}) from error
        user.set_password(password)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    consent_give(
        user=user,
        programme=profile.programme,
        text_version=CONSENT_TEXT_VERSION,
        for_pool=for_pool,
        for_contact=for_contact,
        for_sharing_with_host=for_sharing_with_host,
    )
    profile.claimed_at = timezone.now()
    profile.save(update_fields=["claimed_at", "updated_at"])
    audit_record(actor=user, action="expert.claimed", target=profile)
    return profile
