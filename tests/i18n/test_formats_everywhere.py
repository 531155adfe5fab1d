"""Every amount and date a person reads is written by CLDR, in the reader's language.

Two halves. A static scan of every template in the repository: a date formatted by
Django's `|date`/`|time` where it is read (outside an attribute, where ISO values for
machines belong: `<time datetime>`, `value=`), an amount grouped by `|intcomma` or
`|floatformat` (English grouping, or none), and an amount (a `*_rwf`/`*_eur`/`amount`
variable, or a variable printed before "RWF"/"EUR") printed without `|money` or
`|number` all fail it. Then pages, the grant agreement PDF and the donor report
rendered in Kinyarwanda and French show amounts grouped as Babel groups them there.
"""

import datetime
import re
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

import skillbridge
from skillbridge.common import formats
from skillbridge.grants.documents import agreement_document
from skillbridge.grants.services import awards
from skillbridge.results import services as results_services
from skillbridge.results.reports import report_html, report_xlsx
from tests.grants.factories import award, selected_proposal

SOURCE = Path(skillbridge.__file__).parent
CONSTRUCT = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
DATE_FILTERS = {"date", "time"}
# A clock time is written HH:mm in all three languages (formats.TIME_PATTERN).
SAME_EVERYWHERE = {'time:"H:i"', "time:'H:i'"}
UNGROUPED = {"intcomma", "floatformat", "intword"}
OURS = {"money", "number"}
# The last name of a variable that holds money: amount_rwf, paid_rwf, envelope_eur, amount.
MONEY_NAME = re.compile(r"(^|_)(rwf|eur)$|^amount$")
BINDING = re.compile(r"(\w+)=((?:\"[^\"]*\"|'[^']*'|[^\s\"'])+)")
CURRENCY_AFTER = re.compile(r"\s*(RWF|EUR)\b")


def templates() -> list[Path]:
    return sorted(
        path
        for path in SOURCE.rglob("*")
        if "templates" in path.parts and path.suffix in {".html", ".txt"}
    )


def in_attribute(source: str) -> list[bool]:
    """For each character, whether it sits inside an HTML tag (its attributes).

    Template constructs are blanked first, so their quotes do not count."""
    masked = CONSTRUCT.sub(lambda m: " " * len(m.group()), source)
    inside, quote, flags = False, "", []
    for index, char in enumerate(masked):
        if not inside:
            if char == "<" and re.match(r"[A-Za-z]", masked[index + 1 : index + 2]):
                inside = True
        elif quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == ">":
            inside = False
        flags.append(inside)
    return flags


def filters_of(expression: str) -> tuple[str, list[str]]:
    """'grant.amount_rwf|money:"EUR"' -> ('grant.amount_rwf', ['money'])."""
    parts = re.split(r"\|(?=(?:[^\"']|\"[^\"]*\"|'[^']*')*$)", expression.strip())
    return parts[0].strip(), [
        part.split(":")[0].strip() for part in parts[1:] if part.strip() not in SAME_EVERYWHERE
    ]


def problem_of(expression: str, aliases: dict[str, str]) -> str | None:
    """What is wrong with printing `expression`; a name bound by `with` was checked where bound."""
    variable, used = filters_of(expression)
    if variable in aliases and not used:
        return None
    if DATE_FILTERS & set(used):
        return "date formatted by Django, not sb_formats"
    if UNGROUPED & set(used):
        return "number grouped in English or not at all, not sb_formats"
    if MONEY_NAME.search(variable.split(".")[-1]) and not OURS & set(used):
        return "amount printed without |money or |number"
    return None


def binding_problems(tag: str, aliases: dict[str, str]) -> list[str]:
    """The values a `with`/`blocktranslate` tag binds, checked there; names kept as aliases."""
    words = tag[2:-2].split()
    if not words or words[0] not in {"with", "blocktranslate", "blocktrans"}:
        return []
    found = []
    for name, expression in BINDING.findall(tag):
        aliases[name] = expression
        if problem := problem_of(expression, {}):
            found.append(f"{tag.strip()}: {name}: {problem}")
    return found


def before_currency_problem(expression: str, aliases: dict[str, str]) -> str | None:
    variable, used = filters_of(expression)
    if variable in aliases and not used:
        variable, used = filters_of(aliases[variable])
    if OURS & set(used):
        return None
    return "amount before its currency printed without |money or |number"


def raw_formats(source: str, html: bool = True) -> list[str]:
    """The constructs of a template that print an amount or a date without sb_formats."""
    attribute = in_attribute(source) if html else [False] * len(source)
    aliases: dict[str, str] = {}
    found = []
    for match in CONSTRUCT.finditer(source):
        text = match.group()
        if attribute[match.start()] or text.startswith("{#"):
            continue
        if text.startswith("{%"):
            found += binding_problems(text, aliases)
            continue
        problem = problem_of(text[2:-2], aliases)
        if not problem and CURRENCY_AFTER.match(source, match.end()):
            problem = before_currency_problem(text[2:-2], aliases)
        if problem:
            found.append(f"{text}: {problem}")
    return found


# The scan itself -----------------------------------------------------------------


@pytest.mark.parametrize(
    "snippet",
    [
        '<p>{{ grant.starts_on|date:"Y-m-d" }}</p>',
        "<td>{{ run.created_at|date }}</td>",
        "<td>{{ run.created_at|time }}</td>",
        "<p>{% blocktranslate with when=x.at|date:'j F Y' %}on {{ when }}{% endblocktranslate %}",
        "<td>{{ grant.amount_rwf|intcomma }}</td>",
        "<td>{{ score|floatformat:2 }}</td>",
        "<dd>{{ grant.amount_rwf }}</dd>",
        "<dd>{{ envelope.committed_eur }}</dd>",
        "<p>{{ total }} RWF</p>",
        "<p>{% blocktranslate with a=p.requested %}{{ a }} RWF{% endblocktranslate %}</p>",
        "<p>{% blocktranslate with a=x.amount_rwf %}{{ a }}{% endblocktranslate %}</p>",
    ],
)
def test_the_scan_finds_a_raw_amount_or_date(snippet):
    assert raw_formats(snippet), snippet


@pytest.mark.parametrize(
    "snippet",
    [
        "<time datetime=\"{{ at|date:'c' }}\">{{ at|longdatetime }}</time>",
        '<input type="date" value="{{ day|date:"Y-m-d" }}">',
        '<a href="?d={{ day|date:"Y-m-d" }}" title="{% translate "On" %} {{ day|longdate }}">',
        '<dd>{{ grant.amount_rwf|money }}</dd><dd>{{ grant.amount_eur|money:"EUR" }}</dd>',
        '<td>{{ tranche.paid_rwf|number }}</td><td>{{ score|number:2|default:"—" }}</td>',
        "<p>{% blocktranslate with a=p.requested|number %}{{ a }} RWF{% endblocktranslate %}</p>",
        "<p>{{ grant.amount_reason }} · {{ team_size }} EURAXESS</p>",
        "<p>{% with c=amendment.changes %}{{ c.amount_rwf|number }}{% endwith %}</p>",
        '<span>{% blocktranslate with time=at|time:"H:i" %}At {{ time }}{% endblocktranslate %}',
    ],
)
def test_the_scan_lets_formatted_and_machine_values_pass(snippet):
    assert raw_formats(snippet) == []


def test_no_template_prints_a_raw_amount_or_date():
    found = {
        str(path.relative_to(SOURCE)): problems
        for path in templates()
        if (problems := raw_formats(path.read_text(), html=path.suffix == ".html"))
    }
    assert templates(), "no templates found"
    assert not found, found


# Pages, PDF and report in Kinyarwanda and French -------------------------------------


@pytest.fixture
def running_grant(programme, college, applicant, officer):
    """10,000,000 RWF in tranches of 4,000,000 / 4,000,000 / 2,000,000, agreement accepted."""
    grant = award(selected_proposal(programme=programme, college=college, lead=applicant), officer)
    return awards.grant_accept_agreement(actor=applicant, grant=grant)


def grouped(amount, language: str) -> str:
    return formats.number(amount, language)


def read(client, user, url: str, language: str) -> str:
    client.force_login(user)
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    return response.content.decode()


@pytest.mark.parametrize("language", ["rw", "fr"])
def test_the_grant_page_groups_amounts_and_names_months_in_the_readers_language(
    client, applicant, running_grant, language
):
    page = read(client, applicant, reverse("grants:detail", args=[running_grant.pk]), language)
    assert formats.money(10_000_000, "RWF", language) in page
    assert grouped(4_000_000, language) in page
    assert formats.date(running_grant.starts_on, "long", language) in page
    assert "10,000,000" not in page
    assert running_grant.starts_on.isoformat() not in page.replace('datetime="', "")


@pytest.mark.parametrize("language", ["rw", "fr"])
def test_the_grant_agreement_pdf_groups_amounts_in_its_language(running_grant, language):
    document = agreement_document(running_grant, language=language)
    text = " ".join(
        box.text
        for page in document.pages
        for box in page._page_box.descendants()
        if hasattr(box, "text")
    )
    for amount in (10_000_000, 4_000_000, 2_000_000):
        assert grouped(amount, language) in text
    assert formats.date(running_grant.awarded_at, "long", language) in text
    assert "10,000,000" not in text


@pytest.mark.parametrize("language", ["rw", "fr"])
def test_the_finance_dashboard_groups_payable_amounts(
    client, finance, programme, running_grant, language
):
    page = read(client, finance, reverse("grants:finance", args=[programme.slug]), language)
    assert grouped(4_000_000, language) in page


@pytest.mark.parametrize("language", ["rw", "fr"])
def test_the_donor_report_groups_the_envelope_in_its_language(
    programme, officer, running_grant, language
):
    programme.envelope_eur = Decimal("1234567.50")
    programme.save(update_fields=["envelope_eur"])
    period = results_services.period_open(
        actor=officer, programme=programme, kind="quarter", year=2026, quarter=4
    )
    html = report_html(period, language=language)
    assert formats.number(Decimal("1234567.50"), language, 2) in html
    assert formats.date(datetime.date(2026, 12, 31), "long", language) in html
    assert "1,234,567" not in html


def test_babel_groups_differently_in_each_language():
    """The expectations above are not the English grouping in disguise."""
    with translation.override("en"):
        english = formats.number(2_350_000)
    assert {english, grouped(2_350_000, "fr"), grouped(2_350_000, "rw")} == {
        "2,350,000",
        "2\u202f350\u202f000",
        "2.350.000",
    }


# Spreadsheets: numbers and dates the spreadsheet shows in its reader's language ----------


def test_the_finance_spreadsheet_holds_amounts_and_dates_not_text(
    client, finance, programme, running_grant
):
    client.force_login(finance)
    response = client.get(reverse("grants:finance", args=[programme.slug]) + "?format=xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    payable = next(row for row in sheet.iter_rows(min_row=2) if row[2].value == 1)
    amount, remaining, day = payable[3], payable[4], payable[5]
    assert (amount.value, amount.number_format) == (4_000_000, "#,##0")
    assert (remaining.value, remaining.number_format) == (4_000_000, "#,##0")
    assert day.is_date
    payable_since = running_grant.tranches.get(number=1).payable_since
    assert day.value.date() == timezone.localdate(payable_since)


def test_the_donor_spreadsheet_holds_the_envelope_as_grouped_numbers(
    programme, officer, running_grant
):
    programme.envelope_eur = Decimal("1234567.50")
    programme.save(update_fields=["envelope_eur"])
    period = results_services.period_open(
        actor=officer, programme=programme, kind="quarter", year=2026, quarter=4
    )
    workbook = load_workbook(BytesIO(report_xlsx(period, language="fr")))
    finance = next(sheet for sheet in workbook.worksheets if sheet.cell(1, 2).value == "EUR")
    envelope = finance.cell(2, 2)
    assert (envelope.value, envelope.number_format) == (1234567.5, "#,##0.00")
