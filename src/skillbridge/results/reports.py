"""The donor report of a period: one context, three formats (PDF, XLSX, IATI-shaped JSON).

Every format is built from `report_context()`, which reads values through
`indicator_rows(disclosed=True)` and charts with small groups hidden: a donor
report never carries a name, an email or a group smaller than five, also when
an officer downloads it. A closed period's report is built from its snapshot
only (results.figures). It is fast enough to build within the request (about
one second for the demo programme, see the results tests), so it runs synchronously.
"""

import io
from pathlib import Path

from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from skillbridge.common.exports import neutralise, xlsx_row
from skillbridge.common.pdf import html_in, pdf_document
from skillbridge.results import dashboard
from skillbridge.results.figures import figures_of
from skillbridge.results.models import Indicator, ReportingPeriod, Statement
from skillbridge.results.selectors import indicator_rows, project_stories

STYLESHEET = Path(__file__).resolve().parent / "pdf" / "report.css"
# A sheet of the XLSX: its title, its headers and its rows.
Table = tuple[str, list[str], list[list]]
IATI_RESULT_TYPE = {
    Statement.Level.OUTPUT: "1",
    Statement.Level.OUTCOME: "2",
    Statement.Level.OBJECTIVE: "3",
}
LIGHT_LABELS = {
    "green": gettext_lazy("on track"),
    "amber": gettext_lazy("needs attention"),
    "red": gettext_lazy("off track"),
}
IATI_MEASURE = {Indicator.Unit.PERCENT: "2"}  # every other unit is "1", a number
WITHHELD_NOTE = gettext_lazy("not shown, so that nobody can be recognised")


def report_context(period: ReportingPeriod) -> dict:
    """Tables, charts and envelope from one `Figures`: all frozen for a closed period."""
    programme = period.programme
    figures = figures_of(programme, period)
    return {
        "programme": programme,
        "period": period,
        "rows": indicator_rows(programme, period, disclosed=True, figures=figures),
        "charts": dashboard.dashboard_charts(figures, disclosed=True),
        "envelope": figures.envelope,
        "stories": project_stories(programme, period),
        "generated_at": timezone.localtime(),
    }


def report_html(period: ReportingPeriod, *, language: str) -> str:
    # The charts' titles are translated as the context is built: build it in `language`.
    with translation.override(language):
        context = report_context(period)
    return html_in("results/report.html", context, language=language)


def report_pdf(period: ReportingPeriod, *, language: str) -> bytes:
    """The donor report as a PDF (common.pdf: system fonts, nothing fetched)."""
    return pdf_document(report_html(period, language=language), stylesheet=STYLESHEET).write_pdf()


def _display(shown) -> object:
    return shown.marker if shown.hidden else shown.value


def _narrative_table(period: ReportingPeriod) -> Table:
    return (
        _("Narrative"),
        [_("Section"), _("Text")],
        [
            [_("Summary"), period.summary],
            [_("Main achievements"), period.achievements],
            [_("Challenges"), period.challenges],
            [_("Next steps"), period.next_steps],
        ],
    )


def _indicators_table(rows: list) -> Table:
    return (
        _("Indicators"),
        [
            _("Code"),
            _("Indicator"),
            _("Unit"),
            _("SDG targets (contribution proxies)"),
            _("Baseline"),
            _("Target"),
            _("Actual"),
            _("Progress (%)"),
            _("Expected progress (%)"),
            _("Status"),
        ],
        [
            [
                row.indicator.code,
                row.indicator.name,
                row.indicator.get_unit_display(),
                ", ".join(row.indicator.sdg_targets),
                row.indicator.baseline,
                row.indicator.target,
                "" if row.missing else _display(row.actual),
                row.progress,
                row.expected if row.progress is not None else None,
                str(LIGHT_LABELS[row.light]) if row.light else "",
            ]
            for row in rows
        ],
    )


def _disaggregations_table(rows: list) -> Table:
    cells = []
    for row in rows:
        for dimension, shown_cells in row.breakdowns:
            cells += [
                [row.indicator.code, capfirst(dimension), shown.label, _display(shown)]
                for shown in shown_cells
            ]
        cells += [
            [row.indicator.code, capfirst(dimension), "", str(WITHHELD_NOTE)]
            for dimension in row.withheld_labels
        ]
    return (_("Disaggregations"), [_("Code"), _("By"), _("Category"), _("Actual")], cells)


def _finance_table(envelope) -> Table:
    # A period closed before snapshots existed did not freeze its envelope.
    rows = []
    if envelope is not None:
        rows = [
            [_("Envelope"), envelope.envelope_eur],
            [_("Committed by grants"), envelope.committed_eur],
            [_("Disbursed"), envelope.disbursed_eur],
            [_("Free"), envelope.free_eur],
        ]
    return (_("Finance"), [_("Item"), _("EUR")], rows)


def _projects_table(stories: list) -> Table:
    return (
        _("Projects"),
        [_("Project"), _("College"), _("Sector"), _("Summary"), _("What it did")],
        [[s.title, s.college, s.sector, s.summary, s.facts] for s in stories],
    )


def report_tables(context: dict) -> list[Table]:
    """The report's tables as (sheet title, headers, rows); the XLSX writes one sheet each."""
    charts = [
        (
            chart.title,
            [_("Category"), chart.unit],
            [[b.label, _display(b.shown)] for b in chart.bars],
        )
        for chart in context["charts"]
    ]
    return [
        _narrative_table(context["period"]),
        _indicators_table(context["rows"]),
        _disaggregations_table(context["rows"]),
        _finance_table(context["envelope"]),
        *charts,
        _projects_table(context["stories"]),
    ]


def _sheet_title(title: str, used: set[str]) -> str:
    """At most 31 characters (Excel's limit), cut at a word, unique in the workbook."""
    title = title.replace("/", "-")
    if len(title) > 31:
        title = title[:30].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    unique, number = title, 2
    while unique in used:
        unique = f"{title[:28]} {number}"
        number += 1
    used.add(unique)
    return unique


def _column_widths(headers: list, rows: list[list]) -> list[int]:
    """A width per column fitting its longest line, between 8 and 60 characters."""
    widths = []
    for index, header in enumerate(headers):
        texts = [str(header)] + ["" if r[index] is None else str(r[index]) for r in rows]
        widths.append(min(max(8, *(len(t) + 2 for t in texts)), 60))
    return widths


def report_xlsx(period: ReportingPeriod, *, language: str) -> bytes:
    with translation.override(language):
        tables = report_tables(report_context(period))
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    bold = Font(bold=True)
    for title, headers, rows in tables:
        sheet = workbook.create_sheet(title=_sheet_title(str(title), used))
        sheet.freeze_panes = "A2"
        for index, width in enumerate(_column_widths(headers, rows), start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        header_cells = []
        for header in headers:
            cell = WriteOnlyCell(sheet, value=str(header))
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in rows:
            values = [neutralise(str(v)) if isinstance(v, str) else v for v in row]
            sheet.append(xlsx_row(sheet, values))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _number(value) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def report_iati(period: ReportingPeriod) -> dict:
    """The indicators in the shape of IATI's `result` element (activity standard 2.03)."""
    context = report_context(period)
    programme = period.programme
    results: dict[int, dict] = {}
    for row in context["rows"]:
        indicator = row.indicator
        statement = indicator.statement
        result = results.setdefault(
            statement.pk,
            {
                "type": IATI_RESULT_TYPE[statement.level],
                "aggregation-status": "1",
                "title": {"narrative": [{"text": statement.text}]},
                "indicator": [],
            },
        )
        actuals = []
        if not row.missing:
            actuals.append(_actual(row.actual))
            for dimension, cells in row.by.items():
                for shown in cells.values():
                    actuals.append(_actual(shown, {"name": dimension, "value": shown.label}))
        result["indicator"].append(
            {
                "ref": indicator.code,
                "measure": IATI_MEASURE.get(indicator.unit, "1"),
                "ascending": "1",
                "title": {"narrative": [{"text": indicator.name}]},
                "description": {"narrative": [{"text": indicator.definition}]},
                "reference": [
                    {"vocabulary": "99", "code": f"SDG {target}", "contribution-proxy": True}
                    for target in indicator.sdg_targets
                ],
                "baseline": {
                    "iso-date": programme.starts_on.isoformat() if programme.starts_on else None,
                    "value": _number(indicator.baseline),
                },
                "period": [
                    {
                        "period-start": {"iso-date": period.starts_on.isoformat()},
                        "period-end": {"iso-date": period.ends_on.isoformat()},
                        "target": {"value": _number(indicator.target)},
                        "actual": actuals,
                    }
                ],
            }
        )
    return {
        "iati-version": "2.03",
        "programme": programme.name,
        "reporting-period": period.label,
        "period-closed": period.is_closed,
        "result": list(results.values()),
    }


def _actual(shown, dimension: dict | None = None) -> dict:
    actual = {"value": None if shown.hidden else _number(shown.value)}
    if shown.hidden:
        actual["comment"] = {"narrative": [{"text": _("suppressed: fewer than 5 behind it")}]}
    if dimension:
        actual["dimension"] = [dimension]
    return actual
