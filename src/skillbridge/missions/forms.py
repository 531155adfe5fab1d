"""Input of the missions pages. Checks of meaning live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from skillbridge.common.bounds import as_id, number_field
from skillbridge.common.choices import COUNTED_SEX_CHOICES
from skillbridge.common.widgets import DateInput
from skillbridge.experts.models import ExpertProfile
from skillbridge.experts.selectors import matchable_experts
from skillbridge.missions.models import CostLine, Mission, Session, Survey
from skillbridge.missions.models.work import Category
from skillbridge.missions.selectors import pairing_missions
from skillbridge.pairing.models import Pairing, TrainingRequest
from skillbridge.pairing.states import ENGAGED


def short_text() -> forms.Textarea:
    """A textarea for a few lines, so forms on a phone stay short."""
    return forms.Textarea(attrs={"rows": 3, "class": "short"})


class PlanFields(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150, required=False)
    place = forms.CharField(label=_("Place"), max_length=150, required=False)
    starts_on = forms.DateField(label=_("First day"), widget=DateInput())
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput())
    objectives = forms.CharField(label=_("Objectives"), widget=short_text())
    expected_participants = forms.IntegerField(
        label=_("Expected participants"), min_value=1, max_value=500
    )


class PairingChoiceField(forms.ModelChoiceField):
    """Names each pairing by what it is for, who goes and where."""

    def label_from_instance(self, obj: Pairing) -> str:
        college = obj.need.college
        parts = [obj.need.owner_title, obj.expert.display_name]
        if college is not None:
            parts.append(college.short_name or college.name)
        return " · ".join(parts)


class MissionPlanForm(PlanFields):
    kind = forms.ChoiceField(label=_("Type"), choices=Mission.Kind.choices)
    pairing = PairingChoiceField(
        label=_("Accepted pairing"),
        queryset=Pairing.objects.none(),
        required=False,
        help_text=_("The professional and the host college come from the pairing."),
    )
    training_request = forms.ModelChoiceField(
        label=_("or a college's training request"),
        queryset=TrainingRequest.objects.none(),
        required=False,
        help_text=_("Leave the pairing empty, then choose the professional below."),
    )
    expert = forms.ModelChoiceField(
        label=_("Professional (for a training request)"),
        queryset=ExpertProfile.objects.none(),
        required=False,
    )

    confirm_another = forms.BooleanField(
        label=_("Yes, plan another mission for this pairing"),
        required=False,
    )

    field_order = ["pairing", "training_request", "expert", "kind", "title", "place"]
    # The chosen pairing's missions so far; none until __init__ has looked them up.
    earlier_missions = ()

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        # A second mission for one pairing is often a slip (a double submit, the wrong
        # pairing): the form asks for a tick only when the chosen pairing already has one.
        chosen = self.data.get("pairing") if self.is_bound else self.initial.get("pairing")
        pairing_id = as_id(None if chosen is None else str(chosen))
        self.earlier_missions = (
            [] if pairing_id is None else pairing_missions(programme, pairing_id=pairing_id)
        )
        if not self.earlier_missions:
            del self.fields["confirm_another"]
        self.fields["pairing"].queryset = Pairing.objects.filter(
            programme=programme, state__in=ENGAGED
        ).select_related(
            "need__proposal__college", "need__training_request__college", "expert__user"
        )
        self.fields["training_request"].queryset = TrainingRequest.objects.filter(
            programme=programme
        ).select_related("college")
        # Only professionals who may be matched now: approved and with current consent.
        self.fields["expert"].queryset = matchable_experts(programme)

    def clean(self):
        cleaned = super().clean()
        if self.earlier_missions and not cleaned.get("confirm_another"):
            self.add_error(
                "confirm_another",
                _("This pairing already has a mission: tick the box to plan another one."),
            )
        cleaned.pop("confirm_another", None)
        return cleaned


class MissionEditForm(PlanFields):
    deliverables = forms.CharField(label=_("Deliverables"), widget=short_text(), required=False)
    host_resources = forms.CharField(
        label=_("Resources the host provides"), widget=short_text(), required=False
    )

    @staticmethod
    def initial_of(mission: Mission) -> dict:
        return {name: getattr(mission, name) for name in MissionEditForm.base_fields}


class PlanDayForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=DateInput())
    activities = forms.CharField(label=_("Activities"), widget=short_text())


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=short_text(), max_length=1000)


class ChecklistForm(forms.Form):
    done = forms.BooleanField(label=_("Done"), required=False)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class ItineraryForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=DateInput())
    description = forms.CharField(label=_("What"), max_length=200)


class CostForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=CostLine.Category.choices)
    description = forms.CharField(label=_("Description"), max_length=200)
    planned_rwf = number_field(CostLine, "planned_rwf", label=_("Planned (RWF)"))
    actual_rwf = number_field(CostLine, "actual_rwf", label=_("Actual (RWF)"), required=False)


class ActualCostForm(forms.Form):
    actual_rwf = number_field(CostLine, "actual_rwf", label=_("Actual (RWF)"), required=False)


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    hours = forms.DecimalField(
        label=_("Hours"), max_digits=4, decimal_places=1, min_value=0.5, max_value=24
    )
    topic = forms.CharField(label=_("Topic"), max_length=200)
    modality = forms.ChoiceField(label=_("Modality"), choices=Session.Modality.choices)
    trainers_female = number_field(
        Session, "trainers_female", label=_("Trainers, female"), initial=0
    )
    trainers_male = number_field(Session, "trainers_male", label=_("Trainers, male"), initial=0)
    students_female = number_field(
        Session, "students_female", label=_("Students, female"), initial=0
    )
    students_male = number_field(Session, "students_male", label=_("Students, male"), initial=0)
    staff_female = number_field(Session, "staff_female", label=_("Staff, female"), initial=0)
    staff_male = number_field(Session, "staff_male", label=_("Staff, male"), initial=0)
    notes = forms.CharField(label=_("Notes"), widget=short_text(), required=False)


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Attendance sheet or photo"),
        help_text=_("PDF, PNG or JPEG, at most 5 MB."),
    )


class ParticipantForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        help_text=_("Optional: for the surveys after the mission."),
    )
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    sex = forms.ChoiceField(label=_("Sex"), choices=COUNTED_SEX_CHOICES)


CONFIDENCE = [(str(n), str(n)) for n in range(1, 6)]


class ParticipantSurveyForm(forms.Form):
    skills_used = forms.ChoiceField(
        label=_("Do you use the skills from this mission in your work?"),
        choices=Survey.SkillsUsed.choices,
        widget=forms.RadioSelect,
    )
    confidence = forms.TypedChoiceField(
        label=_("How confident do you feel with these skills? (1 = not at all, 5 = fully)"),
        choices=CONFIDENCE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    what_changed = forms.CharField(
        label=_("What has changed in your teaching or your work?"),
        widget=forms.Textarea,
        required=False,
        max_length=2000,
    )


class ProfessionalSurveyForm(forms.Form):
    experience = forms.TypedChoiceField(
        label=_("How was the experience? (1 = poor, 5 = excellent)"),
        choices=CONFIDENCE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    obstacles = forms.CharField(
        label=_("What got in the way?"), widget=forms.Textarea, required=False, max_length=2000
    )
