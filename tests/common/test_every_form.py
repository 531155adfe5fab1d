"""Every form of the project, found by walking the code: a new form is covered at once.

Forms whose constructor needs a programme, a call or a proposal are built with
the base constructor only: the fields under test are declared on the class,
and the extra arguments only narrow the choices of other fields.
"""

import datetime
import importlib
import pkgutil
import zoneinfo

import pytest
from django import forms
from django.utils import timezone, translation

import skillbridge

LANGUAGES = ["en", "fr", "rw"]
KIGALI = zoneinfo.ZoneInfo("Africa/Kigali")


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def project_forms() -> list[type[forms.BaseForm]]:
    """Every Form and ModelForm class defined in skillbridge, in a stable order."""
    for module in pkgutil.walk_packages(skillbridge.__path__, "skillbridge."):
        last = module.name.rsplit(".", 1)[-1]
        if last in ("forms", "views") or ".forms." in module.name or ".views." in module.name:
            importlib.import_module(module.name)
    found = {
        cls
        for cls in _all_subclasses(forms.BaseForm)
        if cls.__module__.startswith("skillbridge.") and cls.base_fields
    }
    return sorted(found, key=lambda cls: (cls.__module__, cls.__qualname__))


def bare(form_class, **kwargs) -> forms.BaseForm:
    """The form built without its own constructor's extra arguments."""
    form = form_class.__new__(form_class)
    forms.BaseForm.__init__(form, **kwargs)
    return form


def fields_of_type(types) -> list:
    return [
        pytest.param(
            form_class, name, id=f"{form_class.__module__}.{form_class.__qualname__}.{name}"
        )
        for form_class in project_forms()
        for name, field in form_class.base_fields.items()
        if isinstance(field, types)
    ]


TEMPORAL = (forms.DateField, forms.TimeField, forms.DateTimeField)
SAMPLES = {
    forms.DateTimeField: (datetime.datetime(2027, 2, 1, 9, 30, tzinfo=KIGALI), "2027-02-01T09:30"),
    forms.DateField: (datetime.date(2027, 2, 1), "2027-02-01"),
    forms.TimeField: (datetime.time(9, 30), "09:30"),
}
INPUT_TYPES = {
    forms.DateTimeField: "datetime-local",
    forms.DateField: "date",
    forms.TimeField: "time",
}


def _kind(field):
    return next(kind for kind in SAMPLES if isinstance(field, kind))


def test_the_walk_finds_the_forms_with_dates():
    found = {p.id for p in fields_of_type(TEMPORAL)}
    assert "skillbridge.experts.forms.WindowForm.starts_on" in found
    assert "skillbridge.missions.forms.MissionEditForm.ends_on" in found
    assert "skillbridge.calls.forms.editor.CallForm.opens_at" in found
    assert "skillbridge.grants.forms.AwardForm.starts_on" in found


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("form_class", "name"), fields_of_type(TEMPORAL))
def test_every_date_renders_as_its_input_accepts_and_parses_back(form_class, name, language):
    field = form_class.base_fields[name]
    kind = _kind(field)
    value, iso = SAMPLES[kind]
    with translation.override(language), timezone.override(KIGALI):
        html = str(bare(form_class, initial={name: value})[name])
        assert f'type="{INPUT_TYPES[kind]}"' in html
        assert f'value="{iso}"' in html

        posted = bare(form_class, data={name: iso})
        posted.is_valid()
        assert name not in posted.errors
        assert posted.cleaned_data[name] == value


NUMERIC = (forms.IntegerField, forms.FloatField, forms.DecimalField)
# Figures that may fall below zero: an indicator can measure a change.
NEGATIVE_MAKES_SENSE = {
    "skillbridge.results.forms.IndicatorForm.baseline",
    "skillbridge.results.forms.IndicatorForm.target",
    "skillbridge.results.forms.ValueForm.value",
}


def test_the_walk_finds_the_numbers_the_audit_named():
    found = {p.id for p in fields_of_type(NUMERIC)}
    assert {
        "skillbridge.calls.forms.proposals.BudgetLineForm.unit_cost_rwf",
        "skillbridge.grants.forms.ExpenseForm.amount_rwf",
        "skillbridge.calls.forms.editor.CallForm.max_grant_rwf",
        "skillbridge.missions.forms.CostForm.planned_rwf",
        "skillbridge.grants.forms.BudgetLineForm.amount_rwf",
        "skillbridge.results.forms.IndicatorForm.position",
    } <= found


@pytest.mark.parametrize(("form_class", "name"), fields_of_type(NUMERIC))
def test_every_number_out_of_bounds_gets_a_message_at_its_field(form_class, name):
    bad = [str(10**30), "abc"]
    if f"{form_class.__module__}.{form_class.__qualname__}.{name}" not in NEGATIVE_MAKES_SENSE:
        bad.append("-1")
    for value in bad:
        form = bare(form_class, data={name: value})
        assert not form.is_valid()
        assert form.errors.get(name), f"{value} was accepted"
