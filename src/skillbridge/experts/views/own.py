"""A professional's own pages: profile, consent, data download and erasure.

Every view here: experts of the programme only. Non-members get 404 (the
programme lookup), members without the expert role 403.
"""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillbridge.common.countries import main_timezone, main_timezones
from skillbridge.common.forms import show_errors
from skillbridge.common.uploads import private_file_response
from skillbridge.experts.consent import CONSENT_TEXT_VERSION
from skillbridge.experts.forms import (
    ConsentForm,
    LanguageFormSet,
    ProfileForm,
    WindowFormSet,
)
from skillbridge.experts.personal_data import profile_export_data
from skillbridge.experts.selectors import profile_completeness, profile_for
from skillbridge.experts.services.privacy import expert_consent_withdraw, profile_erase
from skillbridge.experts.services.profiles import profile_submit, profile_update
from skillbridge.people.models import User
from skillbridge.people.selectors import active_consent, programme_for
from skillbridge.people.services import consent_give


def _own(request, slug: str):
    programme = programme_for(request.user, slug, "experts.keep_own_profile")
    return profile_for(request.user, None, programme=programme)


@login_required
def my_profile(request, slug: str):
    """Experts: their profile, how complete it is, its state and their consent."""
    profile = _own(request, slug)
    return render(
        request,
        "experts/my_profile.html",
        {
            "profile": profile,
            "completeness": profile_completeness(profile),
            "consent": active_consent(request.user, profile.programme),
        },
    )


def _initial(profile) -> dict:
    return {
        "country": profile.country.code or "",
        "city": profile.city,
        "timezone": profile.timezone or main_timezone(profile.country.code or ""),
        "phone": profile.phone_display,
        "sex": profile.sex,
        "profession": profile.profession,
        "employer": profile.employer,
        "years_experience": profile.years_experience,
        "qualification": profile.qualification,
        "sectors": list(profile.sectors.all()),
        "skills": [s for s in profile.skills.all() if s.in_taxonomy],
        "free_skills": "; ".join(s.name for s in profile.skills.all() if not s.in_taxonomy),
        "onsite": profile.onsite,
        "remote": profile.remote,
        "capacity": profile.capacity,
        "bio": profile.bio,
    }


def _edit_forms(request, profile) -> tuple:
    """The profile form and the language and availability formsets, bound on a POST."""
    post = request.POST if request.method == "POST" else None
    form = ProfileForm(post, request.FILES or None, initial=_initial(profile))
    languages = LanguageFormSet(
        post,
        prefix="lang",
        initial=[{"code": lang.code, "level": lang.level} for lang in profile.languages.all()],
    )
    windows = WindowFormSet(
        post,
        prefix="window",
        initial=[
            {"starts_on": w.starts_on, "ends_on": w.ends_on} for w in profile.availability.all()
        ],
    )
    return form, languages, windows


def _save_profile(request, profile, form, languages, windows) -> bool:
    """Save the valid forms through the service; on refusal, put its errors on the form."""
    data = form.cleaned_data
    try:
        profile_update(
            profile=profile,
            actor=request.user,
            sex=data["sex"],
            phone=data["phone"],
            country=data["country"],
            city=data["city"],
            timezone_name=data["timezone"],
            profession=data["profession"],
            employer=data["employer"],
            years_experience=data["years_experience"],
            qualification=data["qualification"],
            sectors=data["sectors"],
            skills=data["skills"],
            free_skills=data["free_skills"].split(";"),
            languages=[
                (f.cleaned_data["code"], f.cleaned_data["level"])
                for f in languages
                if f.cleaned_data.get("code")
            ],
            windows=[
                (f.cleaned_data["starts_on"], f.cleaned_data["ends_on"])
                for f in windows
                if f.cleaned_data.get("starts_on")
            ],
            onsite=data["onsite"],
            remote=data["remote"],
            capacity=data["capacity"],
            bio=data["bio"],
            cv=data["cv"],
            remove_cv=data["remove_cv"],
        )
    except ValidationError as error:
        show_errors(form, error)
        return False
    return True


@login_required
def my_profile_edit(request, slug: str):
    """Experts: edit their own profile, languages and availability on one page."""
    profile = _own(request, slug)
    form, languages, windows = _edit_forms(request, profile)
    if (
        request.method == "POST"
        and all(part.is_valid() for part in (form, languages, windows))
        and _save_profile(request, profile, form, languages, windows)
    ):
        messages.success(request, _("Your profile is saved."))
        return redirect("experts:my_profile", slug)
    return render(
        request,
        "experts/my_profile_edit.html",
        {
            "profile": profile,
            "form": form,
            "languages": languages,
            "windows": windows,
            "country_zones": json.dumps(main_timezones()),
        },
    )


@require_POST
@login_required
def my_profile_submit(request, slug: str):
    """Experts: send their profile for vetting."""
    profile = _own(request, slug)
    try:
        profile_submit(profile=profile, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Your profile is submitted. We will write to you."))
    return redirect("experts:my_profile", slug)


@login_required
def my_consent(request, slug: str):
    """Experts: read the consent text, give consent again or withdraw it."""
    profile = _own(request, slug)
    consent = active_consent(request.user, profile.programme)
    form = ConsentForm(
        request.POST or None,
        initial={
            "for_pool": consent.for_pool if consent else False,
            "for_contact": consent.for_contact if consent else False,
            "for_sharing_with_host": consent.for_sharing_with_host if consent else False,
        },
    )
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        expert_consent_withdraw(profile=profile, actor=request.user)
        messages.success(request, _("Your consent is withdrawn. You will not be matched."))
        return redirect("experts:my_profile", slug)
    if request.method == "POST" and form.is_valid():
        try:
            consent_give(
                user=request.user,
                programme=profile.programme,
                text_version=CONSENT_TEXT_VERSION,
                **form.cleaned_data,
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your consent is recorded."))
            return redirect("experts:my_profile", slug)
    return render(
        request,
        "experts/my_consent.html",
        {"profile": profile, "consent": consent, "form": form, "version": CONSENT_TEXT_VERSION},
    )


@login_required
def my_data(request, slug: str):
    """Experts: download everything the programme holds about them, as JSON."""
    profile = _own(request, slug)
    response = HttpResponse(
        json.dumps(profile_export_data(profile), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-skillbridge-data.json"'
    return response


@login_required
def my_cv(request, slug: str):
    """Experts: download their own CV."""
    profile = _own(request, slug)
    if not profile.cv:
        raise Http404
    return private_file_response(profile.cv, filename="cv.pdf")


@login_required
def my_erase(request, slug: str):
    """Experts: erase their personal data, after confirming."""
    profile = _own(request, slug)
    if request.method == "POST" and request.POST.get("confirm") == "erase":
        user_pk = request.user.pk
        profile_erase(profile=profile, actor=request.user)
        if not User.objects.filter(pk=user_pk).exists():
            logout(request)
            messages.success(request, _("Your data is erased and your account is closed."))
            return redirect("home")
        messages.success(request, _("Your professional profile is erased."))
        return redirect("dashboard")
    return render(request, "experts/my_erase.html", {"profile": profile})
