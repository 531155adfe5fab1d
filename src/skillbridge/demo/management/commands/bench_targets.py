"""`skillbridge bench_targets`: the pages `make bench` times, their query counts, sessions.

Run by `make bench` and `make load` against the database they seeded, and no
other: it refuses a database whose name does not start with sb_bench_, since it
gives the demo's staff accounts a second factor nobody holds. It prints one JSON
object: "pages", page name -> {role, url, queries, status}, and
"sessions", demo account -> session cookie. Queries are counted by serving each
page once in this process, signed in as the page's demo account, after one
request that warms the caches, as the timed requests find them.

The sessions are made here, as a signed-in browser holds them, because production
settings make staff sign in with a second factor, which a load test cannot type.
"""

import json

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from skillbridge.calls.models import Call
from skillbridge.people.models import User
from skillbridge.people.selectors import mfa_missing_for
from skillbridge.programmes.models import Programme
from skillbridge.results.models import ReportingPeriod

BENCH_DATABASES = "sb_bench_"


def wanted_pages() -> dict[str, tuple[str, str, dict, str]]:
    """Page name -> (demo account, URL name, its values, query string): issue 17's table."""
    programme = Programme.objects.order_by("pk").first()
    call = Call.objects.order_by("pk").first()
    closed = ReportingPeriod.objects.filter(
        programme=programme, state=ReportingPeriod.State.CLOSED
    ).first()
    slug = {"slug": programme.slug}
    return {
        "floor: bare view": ("officer", "health_live", {}, ""),
        "results dashboard": ("officer", "results:dashboard", slug, ""),
        "donor dashboard": ("donor", "results:dashboard", slug, ""),
        "donor report PDF (closed period)": (
            "donor",
            "results:report",
            {"pk": closed.pk if closed else 0, "file_format": "pdf"},
            "",
        ),
        "ranking": ("officer", "review:ranking", {"pk": call.pk}, ""),
        "grants list": ("officer", "grants:programme", slug, ""),
        "experts pool": ("officer", "experts:pool", slug, ""),
        "proposals list": ("officer", "calls:proposal_list", {}, ""),
        "proposals XLSX": ("officer", "calls:proposal_list", {}, "?export=xlsx"),
        "applicant dashboard": ("applicant", "dashboard", {}, ""),
        "my reviews": ("reviewer1", "review:mine", {}, ""),
    }


def signed_in(host: str, role: str) -> Client:
    user = User.objects.get(email=f"{role}@example.org")
    if mfa_missing_for(user):
        TOTP.activate(user, generate_totp_secret())
    client = Client(HTTP_HOST=host)
    client.force_login(user)
    return client


def counted(client: Client, role: str, url: str) -> dict:
    client.get(url, secure=True)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, secure=True)
    return {"role": role, "url": url, "queries": len(queries), "status": response.status_code}


class Command(BaseCommand):
    help = "Print the pages make bench times, as JSON, with their query counts (internal)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, host: str, **options):
        if not connection.settings_dict["NAME"].startswith(BENCH_DATABASES):
            raise CommandError(f"This is for the bench's own databases ({BENCH_DATABASES}*) only.")
        clients, pages = {}, {}
        for name, (role, url_name, values, query) in wanted_pages().items():
            try:
                url = reverse(url_name, kwargs=values) + query
            except NoReverseMatch:
                self.stderr.write(f"{name}: no such page ({url_name})")
                continue
            if role not in clients:
                clients[role] = signed_in(host, role)
            pages[name] = counted(clients[role], role, url)
        sessions = {
            role: client.cookies[settings.SESSION_COOKIE_NAME].value
            for role, client in clients.items()
        }
        output = {"pages": pages, "sessions": sessions, "cookie": settings.SESSION_COOKIE_NAME}
        self.stdout.write(json.dumps(output))
