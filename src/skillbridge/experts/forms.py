"""Input of the experts pages. Checks that need the database live in services."""

import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from skillbridge.common.bounds import as_id
from skillbridge.common.countries import country_choices
from skillbridge.common.forms import by_label
from skillbridge.common.widgets import DateInput, LongSelect, searchable
from skillbridge.experts.languages import language_choices
from skillbridge.experts.models import ExpertLanguage, ExpertProfile, QualificationLevel, Skill
from skillbridge.programmes.models import Programme, Sector


def _country_choices():
    return [("", "—"), *country_choices()]


def _timezone_choices():
    return [("", "—"), *((name, name) for name in sorted(zoneinfo.available_timezones()))]


def _language_choices():
    return [("", "—"), *language_choices()]


SEX_CHOICES = [("", "—"), *ExpertProfile.Sex.choices]
PHONE_HELP = _("Optional. Any country; write it with its country code, e.g. +32 470 12 34 56.")


class ConsentForm(forms.Form):
    for_pool = forms.BooleanField(
        label=_("Keep my profile in the programme's pool of professionals."), required=False
    )
    for_contact = forms.BooleanField(
        label=_("Contact me about projects and missions that need my skills."), required=False
    )
    for_sharing_with_host = forms.BooleanField(
        label=_("When I am paired, share my profile with the host college."), required=False
    )


class RegistrationForm(ConsentForm):
    full_name = forms.CharField(
        label=_("Your full name"),
        max_length=150,
        help_text=_("As IOM and the host college will address you."),
    )
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.filter(is_active=True),
        empty_label=None,
        # Programmes' names are names: no translation, by a person or a browser.
        widget=forms.Select(attrs={"translate": "no"}),
    )
    country = forms.ChoiceField(
        label=_("Country of residence"),
        choices=_country_choices,
        widget=LongSelect(attrs=searchable(_("Search countries"))),
    )
    phone = forms.CharField(label=_("Phone"), required=False, max_length=30, help_text=PHONE_HELP)
    sex = forms.ChoiceField(
        label=_("Sex"),
        choices=SEX_CHOICES,
        required=False,
        help_text=_("Optional. Used only to count results by sex."),
    )
    field_order = ["full_name", "programme", "country", "phone", "sex"]


class ProfileForm(forms.Form):
    country = forms.ChoiceField(
        label=_("Country of residence"),
        choices=_country_choices,
        widget=LongSelect(attrs=searchable(_("Search countries"))),
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        choices=_timezone_choices,
        required=False,
        help_text=_("Left empty, it is your country's main time zone."),
        # Time zones are IANA codes (Europe/Brussels), the same in every language.
        widget=LongSelect(attrs={**searchable(_("Search time zones")), "translate": "no"}),
    )
    phone = forms.CharField(label=_("Phone"), required=False, max_length=30, help_text=PHONE_HELP)
    sex = forms.ChoiceField(
        label=_("Sex"),
        choices=SEX_CHOICES,
        required=False,
        help_text=_("Optional. Used only to count results by sex."),
    )
    profession = forms.CharField(label=_("Profession"), max_length=120, required=False)
    employer = forms.CharField(
        label=_("Employer"), max_length=150, required=False, help_text=_("Optional.")
    )
    years_experience = forms.IntegerField(
        label=_("Years of experience"), min_value=0, max_value=70, required=False
    )
    qualification = forms.ModelChoiceField(
        label=_("Highest qualification"),
        queryset=QualificationLevel.objects.all(),
        required=False,
        empty_label="—",
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"),
        queryset=Sector.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills"),
        queryset=Skill.objects.filter(in_taxonomy=True).select_related("sector"),
        required=False,
        widget=forms.CheckboxSelectMultiple(
            attrs={"class": "pick-list", **searchable(_("Search skills"))}
        ),
    )
    free_skills = forms.CharField(
        label=_("Other skills"),
        required=False,
        max_length=500,
        help_text=_("Skills not in the list, separated by semicolons (;)."),
    )
    onsite = forms.BooleanField(label=_("On site in Rwanda"), required=False)
    remote = forms.BooleanField(label=_("Remotely"), required=False)
    capacity = forms.IntegerField(label=_("Projects at once"), min_value=1, max_value=10, initial=1)
    bio = forms.CharField(
        label=_("Short bio"), required=False, max_length=1500, widget=forms.Textarea
    )
    cv = forms.FileField(
        label=_("CV"), required=False, help_text=_("PDF, at most 5 MB. Only IOM staff see it.")
    )
    remove_cv = forms.BooleanField(label=_("Remove my CV"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        by_label(self.fields["sectors"])
        by_label(self.fields["skills"])


class LanguageForm(forms.Form):
    code = forms.ChoiceField(
        label=_("Language"),
        choices=_language_choices,
        required=False,
        widget=LongSelect(attrs=searchable(_("Search languages"))),
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=[("", "—"), *ExpertLanguage.Level.choices], required=False
    )


class WindowForm(forms.Form):
    starts_on = forms.DateField(label=_("Available from"), required=False, widget=DateInput())
    ends_on = forms.DateField(label=_("Available until"), required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        if bool(data.get("starts_on")) != bool(data.get("ends_on")):
            raise ValidationError(_("Give both dates, or neither."))
        if data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The window cannot end before it starts."))
        return data


class NumberedFormSet(forms.BaseFormSet):
    """Rows whose fields carry the row's number in their labels.

    Several selects all named "Language" (the site's language switcher is one
    more) cannot be told apart by a screen reader or a voice command.
    """

    row_labels: dict = {}

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        for name, label in self.row_labels.items():
            form.fields[name].label = gettext(label) % {"number": i + 1}
        return form


class LanguageRows(NumberedFormSet):
    row_labels = {
        "code": gettext_noop("Language %(number)s"),
        "level": gettext_noop("Level of language %(number)s"),
    }


class WindowRows(NumberedFormSet):
    row_labels = {
        "starts_on": gettext_noop("Period %(number)s: available from"),
        "ends_on": gettext_noop("Period %(number)s: available until"),
    }


LanguageFormSet = forms.formset_factory(LanguageForm, formset=LanguageRows, extra=2, max_num=12)
WindowFormSet = forms.formset_factory(WindowForm, formset=WindowRows, extra=2, max_num=12)


class ClaimForm(ConsentForm):
    password1 = forms.CharField(
        label=_("Choose a password"), widget=forms.PasswordInput, required=False, strip=False
    )
    password2 = forms.CharField(
        label=_("The password again"), widget=forms.PasswordInput, required=False, strip=False
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return data


class ReasonForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("approve", "approve"), ("reject", "reject"), ("suspend", "suspend")],
        widget=forms.HiddenInput,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed to reject or suspend; the professional reads it."),
    )


class PoolFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or email"), required=False, max_length=100)
    # Every select of the filters writes its options in Python (LongSelect): a template
    # per option was most of the pool page's time.
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        empty_label="—",
        widget=LongSelect,
    )
    skill = forms.ModelChoiceField(
        label=_("Skill"),
        queryset=Skill.objects.filter(in_taxonomy=True),
        required=False,
        empty_label="—",
        widget=LongSelect(attrs=searchable(_("Search skills"))),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=_language_choices, required=False, widget=LongSelect
    )
    country = forms.ChoiceField(
        label=_("Country"), choices=_country_choices, required=False, widget=LongSelect
    )
    available_from = forms.DateField(label=_("Available from"), required=False, widget=DateInput())
    available_to = forms.DateField(label=_("Available until"), required=False, widget=DateInput())
    modality = forms.ChoiceField(
        label=_("Modality"),
        choices=[("", "—"), ("onsite", _("on site")), ("remote", _("remote"))],
        required=False,
        widget=LongSelect,
    )
    state = forms.ChoiceField(
        label=_("State"),
        choices=[("", "—"), *ExpertProfile.State.choices],
        required=False,
        widget=LongSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Skills typed by the professionals grow with the pool, to thousands: the list
        # offers the taxonomy only, and a free skill asked for in the address still filters.
        chosen = as_id(self.data.get("skill"))
        if chosen is not None:
            self.fields["skill"].queryset = Skill.objects.filter(Q(in_taxonomy=True) | Q(pk=chosen))


class MergeForm(forms.Form):
    free_skill = forms.ModelChoiceField(
        queryset=Skill.objects.filter(in_taxonomy=False), widget=forms.HiddenInput
    )
    into = forms.ModelChoiceField(
        label=_("Merge into"), queryset=Skill.objects.filter(in_taxonomy=True)
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("CSV (UTF-8, comma or semicolon) or XLSX, at most 5 MB.")
    )


class SkillForm(forms.Form):
    name = forms.CharField(
        label=_("Name in English"),
        max_length=120,
        help_text=_("ESCO's preferred label when the skill is in ESCO."),
    )
    name_fr = forms.CharField(label=_("Name in French"), max_length=120, required=False)
    name_rw = forms.CharField(label=_("Name in Kinyarwanda"), max_length=120, required=False)
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.all(), required=False
    )
    synonyms = forms.CharField(
        label=_("Synonyms"),
        required=False,
        max_length=1000,
        help_text=_("Other names professionals type for it, separated by semicolons (;)."),
    )
    esco_uri = forms.URLField(
        label=_("ESCO URI"),
        required=False,
        assume_scheme="http",
        help_text=_("For example http://data.europa.eu/esco/skill/…"),
    )


class LabelsForm(forms.Form):
    """The names of a sector or a qualification level; lengths come from `model`.

    A new row (`key`) is asked its key first: a sector's code, a level's rank.
    """

    def __init__(self, *args, model, key: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        names = ("name", "name_fr", "name_rw")
        for name in (key, *names) if key else names:
            self.fields[name] = model._meta.get_field(name).formfield()
        if key == "slug":
            self.fields[key].help_text = _(
                "Lower-case letters, digits and hyphens, such as health. It names the sector "
                "in exports and the API, and cannot be changed later."
            )
        self.fields["name"].label = _("Name in English")
        self.fields["name"].required = True
