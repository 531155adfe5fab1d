"""A small framework over every kind of indicator, built through the services."""

from decimal import Decimal

from skillbridge.results import services


def build_framework(programme, officer):
    objective = services.statement_save(
        actor=officer,
        programme=programme,
        level="objective",
        parent=None,
        code="OBJ",
        text="Skills.",
    )
    outcome = services.statement_save(
        actor=officer,
        programme=programme,
        level="outcome",
        parent=objective,
        code="OC1",
        text="Use.",
    )
    output = services.statement_save(
        actor=officer, programme=programme, level="output", parent=outcome, code="OP1", text="Do."
    )
    common = {"actor": officer, "programme": programme, "baseline": Decimal(0), "sdg_targets": []}
    specs = [
        ("P1", "proposals_received", "count", ["college", "sector", "sex"]),
        ("P2", "professionals_registered", "people", ["country", "sex"]),
        ("P3", "amount_disbursed_rwf", "rwf", ["college"]),
        ("P4", "tranches_paid_on_time", "percent", ["college"]),
        ("P5", "students_trained", "people", ["sex"]),
        ("P6", "pairings_accepted", "count", ["college", "country", "sex"]),
    ]
    for code, query, unit, dims in specs:
        services.indicator_save(
            statement=output,
            code=code,
            name=code,
            unit=unit,
            target=Decimal(100),
            method="computed",
            query=query,
            disaggregations=dims,
            **common,
        )
    services.indicator_save(
        statement=outcome,
        code="M1",
        name="Projects operating",
        unit="count",
        target=Decimal(8),
        method="manual",
        disaggregations=[],
        **common,
    )
    return output
