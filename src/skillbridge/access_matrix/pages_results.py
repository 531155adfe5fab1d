"""The matrix rows of the results pages (see the package's docstring)."""

from skillbridge.access_matrix.shapes import (
    OFFICER,
    PERIOD,
    PROPOSAL_READERS,
    RESULTS_READERS,
    of_programme,
    personal,
    programme_page,
    public,
    seen_by,
)

PAGES = {
    # results ---------------------------------------------------------------------------
    "results:home": personal(),
    "results:impact": public({"slug": "programme"}),
    "results:stories": personal(),
    # The team lead approves the project's public description.
    "results:story": seen_by(PROPOSAL_READERS, {"proposal_pk": "selected"}, ok=("applicant",)),
    "results:dashboard": programme_page({}, ok=RESULTS_READERS),
    "results:framework": programme_page({}, ok=RESULTS_READERS),
    "results:statement_new": programme_page({}, ok=OFFICER),
    "results:statement_edit": programme_page({"pk": "statement"}, ok=OFFICER),
    "results:indicator_new": programme_page({}, ok=OFFICER),
    "results:indicator_edit": programme_page({"pk": "manual_indicator"}, ok=OFFICER),
    "results:periods": programme_page({}, ok=RESULTS_READERS),
    "results:period": of_programme(PERIOD, ok=RESULTS_READERS),
    "results:narrative": of_programme(PERIOD, ok=OFFICER),
    "results:value": of_programme({**PERIOD, "indicator_pk": "manual_indicator"}, ok=OFFICER),
    "results:close": of_programme(PERIOD, ok=OFFICER, method="post"),
    "results:report": of_programme(
        {"pk": "closed_period", "file_format": "xlsx"}, ok=RESULTS_READERS
    ),
    # api: its operations are in API below; these two pages describe it, to anyone.
    "api:schema": public(),
    "api:docs": public(),
}
