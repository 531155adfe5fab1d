"""Hooks into django-allauth."""

import ipaddress
from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from skillbridge.common.services import mail_queue_rendered
from skillbridge.people.models import User
from skillbridge.people.services import language_cookie_set, language_of_request


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """A new account keeps the language its owner signed up in."""
        user.preferred_language = language_of_request(request)
        return super().save_user(request, user, form, commit=commit)

    def post_login(self, request, user, **kwargs):
        """Signing in brings back the person's own language, whatever the page was in."""
        translation.activate(user.preferred_language)
        response = super().post_login(request, user, **kwargs)
        language_cookie_set(response, user.preferred_language)
        return response

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Route account mail (verification, password reset) through the outbox.

        The mail is in the recipient's language when the address has an
        account (the language of the page otherwise), and its links start with
        SITE_URL, never with the host the request happened to name.
        """
        account = User.objects.filter(email__iexact=email).only("preferred_language").first()
        language = account.preferred_language if account else language_of_request(self.request)
        context = {
            **{key: site_link(self.request, value) for key, value in context.items()},
            "request": self.request,
            "email": email,
            "current_site": SimpleNamespace(name="SkillBridge", domain=settings.SITE_URL),
            "site_url": settings.SITE_URL,
        }
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        html_body = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        mail_queue_rendered(
            to=email,
            subject=message.subject,
            body=message.body,
            html_body=html_body,
            language=language,
            kind=f"account:{template_prefix.rsplit('/', 1)[-1]}",
        )

    def get_client_ip(self, request) -> str:
        """The address sign-in limits count against.

        X-Forwarded-For is written by whoever sends the request, so it is read
        only when the request comes from a proxy named in TRUSTED_PROXIES; then
        the nearest address that is not one of those proxies is the client.
        Anyone else is counted by the address they connect from.
        """
        return client_ip(request)


def site_link(request, value):
    """`value` with the request's own scheme and host replaced by SITE_URL, if it is a link."""
    if request is None or not isinstance(value, str):
        return value
    origin = request.build_absolute_uri("/")
    if value.startswith(origin):
        return f"{settings.SITE_URL}/{value.removeprefix(origin)}"
    return value


def _is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(
        ip in ipaddress.ip_network(proxy, strict=False) for proxy in settings.TRUSTED_PROXIES
    )


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted_proxy(remote):
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([a for a in forwarded if a]):
        if not _is_trusted_proxy(address):
            return address
    return remote
