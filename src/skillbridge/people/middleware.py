"""Staff set up a second factor before they use anything else."""

from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from skillbridge.people.selectors import mfa_missing_for
from skillbridge.people.services import language_prefer

# Pages a person needs in order to set MFA up (allauth's own, which include
# signing out) and what every page loads.
OPEN_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/health/")


class MfaRequiredMiddleware:
    """Lead a staff member without MFA to set it up; the API answers 403.

    Tokens are checked the same way in BearerTokenAuthentication, since the
    API authenticates them after middleware has run.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(OPEN_PREFIXES) or not mfa_missing_for(request.user):
            return self.get_response(request)
        message = _("Set up two-factor authentication before you continue.")
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=403)
        messages.warning(request, message)
        return redirect("mfa_activate_totp")


class LanguagePreferenceMiddleware:
    """The language switcher also stores a signed-in person's choice as their preference.

    Django's own set_language view checks the language and sets the cookie;
    when it did, the same language becomes the person's preferred_language, so
    their mail and their next sign-in follow it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Asked after the view ran, so a URL configuration without the switcher is fine.
        match = getattr(request, "resolver_match", None)
        if request.method == "POST" and match is not None and match.url_name == "set_language":
            chosen = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
            if chosen is not None and request.user.is_authenticated:
                language_prefer(user=request.user, language=chosen.value)
        return response
