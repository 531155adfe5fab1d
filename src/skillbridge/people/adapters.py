"""Hooks into django-allauth."""

from allauth.account.adapter import DefaultAccountAdapter
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
