"""Pages anyone may open: the outreach page, registration and the claim link."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from skillbridge.common.forms import show_errors
from skillbridge.experts.consent import CONSENT_TEXT_VERSION
from skillbridge.experts.forms import ClaimForm, RegistrationForm
from skillbridge.experts.selectors import own_profiles, profile_completeness
from skillbridge.experts.services.profiles import expert_register, profile_claim
from skillbridge.experts.tokens import claim_token_profile
from skillbridge.programmes.models import Programme


def outreach(request):
    """Public: what a professional gives and gets, how their data is used; a sign-up button."""
    return render(
        request,
        "experts/outreach.html",
        {
            "programmes": Programme.objects.filter(is_active=True).order_by("name"),
            "version": CONSENT_TEXT_VERSION,
        },
    )


@login_required
def register(request):
    """Anyone signed in: register as a professional of an active programme."""
    existing = own_profiles(request.user).first()
    if existing is not None and request.method == "GET" and "again" not in request.GET:
        return redirect("experts:my_profile", existing.programme.slug)
    form = RegistrationForm(
        request.POST or None, initial={"for_pool": False, "full_name": request.user.full_name}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            profile = expert_register(
                user=request.user,
                programme=data["programme"],
                country=data["country"],
                full_name=data["full_name"],
                phone=data["phone"],
                sex=data["sex"],
                for_pool=data["for_pool"],
                for_contact=data["for_contact"],
                for_sharing_with_host=data["for_sharing_with_host"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("You are registered. Now complete your profile."))
            return redirect("experts:my_profile_edit", profile.programme.slug)
    return render(request, "experts/register.html", {"form": form, "version": CONSENT_TEXT_VERSION})


def claim(request, token: str):
    """Anyone holding a valid invitation link: claim an imported profile."""
    profile = claim_token_profile(token)
    if profile is None:
        return render(request, "experts/claim_invalid.html", status=404)
    needs_password = not profile.user.has_usable_password()
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            profile_claim(
                profile=profile,
                password=data["password1"],
                for_pool=data["for_pool"],
                for_contact=data["for_contact"],
                for_sharing_with_host=data["for_sharing_with_host"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            login(request, profile.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Your account is yours. Check your profile and submit it."))
            return redirect("experts:my_profile", profile.programme.slug)
    return render(
        request,
        "experts/claim.html",
        {
            "form": form,
            "profile": profile,
            "needs_password": needs_password,
            "completeness": profile_completeness(profile),
            "version": CONSENT_TEXT_VERSION,
        },
    )
