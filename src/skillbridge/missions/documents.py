"""The mission report and the certificates as PDFs, rendered by WeasyPrint.

Fonts come from the system and the print stylesheet from this app's `pdf/`
folder: a document never fetches anything from the network.
"""

from pathlib import Path

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from skillbridge.common.pdf import html_in, pdf_bytes
from skillbridge.missions import selectors
from skillbridge.missions.models import Certificate, Mission
from skillbridge.programmes.documents import document_partners

STYLESHEET = Path(__file__).resolve().parent / "pdf" / "missions.css"


def plan_vs_done(plan_days, sessions) -> list[dict]:
    """One row per day that was planned or worked: the plan's activities, the sessions held."""
    days: dict = {}
    for plan_day in plan_days:
        row = days.setdefault(plan_day.day, {"day": plan_day.day, "planned": "", "sessions": []})
        row["planned"] = "\n".join(filter(None, [row["planned"], plan_day.activities]))
    for session in sessions:
        days.setdefault(session.held_on, {"day": session.held_on, "planned": "", "sessions": []})
        days[session.held_on]["sessions"].append(session)
    return [days[day] for day in sorted(days)]


def report_context(mission: Mission) -> dict:
    sessions = list(selectors.sessions_of(mission).order_by("held_on", "pk"))
    plan_days = list(mission.plan_days.all())
    surveys = mission.surveys.all()
    return {
        "mission": mission,
        "plan_vs_done": plan_vs_done(plan_days, sessions),
        "sessions": sessions,
        "counts": selectors.head_counts(mission.sessions.all()),
        "named": mission.participants.count(),
        "surveys": selectors.survey_summary(surveys),
        "comments": selectors.answered_comments(surveys),
        "costs": mission.costs.all(),
        "cost_totals": selectors.cost_totals(mission),
        "today": timezone.localdate(),
    }


def report_html(mission: Mission, *, language: str) -> str:
    return html_in("missions/pdf/report.html", report_context(mission), language=language)


def report_pdf(mission: Mission, *, language: str) -> bytes:
    return pdf_bytes(
        "missions/pdf/report.html",
        report_context(mission),
        language=language,
        stylesheet=STYLESHEET,
    )


def verification_url(certificate: Certificate) -> str:
    return f"{settings.SITE_URL}{reverse('missions:verify', args=[certificate.code])}"


def verification_qr(url: str) -> str:
    """The QR code of `url` as a PNG data URI, one pixel per module: the PDF embeds the code
    itself and the stylesheet scales it up without smoothing (a blurred code scans badly).
    Always a full QR code: phone cameras do not read Micro QR."""
    return segno.make_qr(url, error="m").png_data_uri(scale=1, border=4)


def certificate_pdf(certificate: Certificate, *, language: str) -> bytes:
    verify_url = verification_url(certificate)
    context = {
        "certificate": certificate,
        "mission": certificate.mission,
        "verify_url": verify_url,
        "verify_qr": verification_qr(verify_url),
        # The programme's partners and who signs for it, as on the grant agreement.
        "document_partners": document_partners(certificate.mission.programme),
    }
    return pdf_bytes(
        "missions/pdf/certificate.html", context, language=language, stylesheet=STYLESHEET
    )
