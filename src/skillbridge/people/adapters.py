"""Hooks into django-allauth."""

import ipaddress

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from skillbridge.common.services import mail_queue_rendered


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Route account mail (verification, password reset) through the outbox.

        allauth renders it as usual, in the language of the page the person is
        on; the outbox then records and delivers it like any other message.
        """
        context = {
            "request": self.request,
            "email": email,
            "current_site": get_current_site(self.request),
            **context,
        }
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
            language=translation.get_language() or "en",
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
