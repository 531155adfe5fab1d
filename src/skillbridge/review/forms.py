"""Input forms of review and selection."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import Call, Proposal
from skillbridge.common.bounds import number_field
from skillbridge.common.multilingual import unaccented
from skillbridge.common.widgets import LongSelect
from skillbridge.people.models import ProgrammeRole, Role, User
from skillbridge.programmes.models import Sector
from skillbridge.review.models import Decision, Review
from skillbridge.review.selectors import review_candidates

NO_CONFLICT = "none"
ASSIGNMENT_STATES = [
    ("to_declare", _("interests to declare")),
    ("writing", _("being written")),
    ("submitted", _("submitted")),
    ("removed", _("removed by the officer")),
    ("conflict", _("conflict declared")),
]


class PoolMemberForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=User.objects.none())
    load_limit = forms.IntegerField(
        label=_("Load limit"),
        min_value=1,
        max_value=200,
        initial=8,
        help_text=_("The most proposals this reviewer will be asked to review."),
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sector expertise"),
        queryset=Sector.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        reviewer_ids = ProgrammeRole.objects.filter(
            programme_id=call.programme_id, role=Role.REVIEWER
        ).values("user_id")
        self.fields["reviewer"].queryset = User.objects.filter(pk__in=reviewer_ids).order_by(
            "full_name", "email"
        )
        self.fields["sectors"].queryset = call.sectors.order_by("name")


class AssignmentAddForm(forms.Form):
    proposal = forms.ModelChoiceField(label=_("Proposal"), queryset=Proposal.objects.none())
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=User.objects.none())

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = review_candidates(call).order_by("title")
        self.fields["reviewer"].queryset = User.objects.filter(review_pools__call=call).order_by(
            "full_name", "email"
        )


class AssignmentFilterForm(forms.Form):
    """The assignments list's filters; they live in the address, so a page can be bookmarked."""

    reviewer = forms.TypedChoiceField(label=_("Reviewer"), required=False, coerce=int)
    proposal = forms.CharField(
        label=_("Proposal"),
        required=False,
        max_length=150,
        help_text=_("Part of its title, or its number."),
    )
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("any")), *ASSIGNMENT_STATES],
    )

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        reviewers = User.objects.filter(review_pools__call=call).order_by("full_name", "email")
        self.fields["reviewer"].choices = [("", _("any"))] + [(u.pk, str(u)) for u in reviewers]


class DeclarationForm(forms.Form):
    conflict = forms.ChoiceField(
        label=_("Do you have a conflict of interest with this proposal?"),
        choices=[
            (NO_CONFLICT, _("No, I have no conflict of interest")),
            *((value, capfirst(label)) for value, label in Review.ConflictKind.choices),
        ],
        widget=forms.RadioSelect,
    )
    detail = forms.CharField(
        label=_("Details"),
        max_length=300,
        required=False,
        help_text=_("Required when you choose other."),
    )

    def clean(self):
        data = super().clean()
        if data.get("conflict") == Review.ConflictKind.OTHER and not data.get("detail", "").strip():
            self.add_error("detail", _("Say briefly what the conflict is."))
        return data

    @property
    def conflict_kind(self) -> str:
        value = self.cleaned_data["conflict"]
        return "" if value == NO_CONFLICT else value


class ReviewForm(forms.Form):
    """A score per criterion (radio buttons labelled with the level descriptions) and comments."""

    committee_comment = forms.CharField(
        label=_("Comment for the committee"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    applicant_comment = forms.CharField(
        label=_("Comment for the applicants (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Shared with the team only if the committee chooses to."),
    )
    recommendation = forms.ChoiceField(
        label=_("Recommendation"),
        choices=[("", _("Not decided yet")), *Review.Recommendation.choices],
        required=False,
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        score_fields = {}
        for criterion in criteria:
            # The rubric in the reviewer's language, else the programme's main one.
            texts = criterion.texts
            levels = texts.levels or {}
            score_fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=texts.name,
                help_text=texts.description,
                choices=[
                    (str(i), f"{i} · {levels.get(str(i), '')}".rstrip(" ·")) for i in range(1, 6)
                ],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )
        self.fields = {**score_fields, **self.fields}

    @property
    def scores(self) -> dict[int, int | None]:
        return {c.pk: self.cleaned_data.get(f"score_{c.pk}") for c in self.criteria}


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Decision.Outcome.choices)
    reserve_rank = number_field(
        Decision, "reserve_rank", label=_("Place on the reserve list"), min_value=1, required=False
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea)

    def __init__(self, *args, reviewed: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not reviewed:
            # Deciding on a proposal nobody has reviewed is allowed, but never by accident.
            self.fields["confirm_without_reviews"] = forms.BooleanField(
                label=_("I confirm the committee decides without any review"),
                error_messages={
                    "required": _("Confirm that the committee decides without any review.")
                },
            )
            self.fields["without_reviews_reason"] = forms.CharField(
                label=_("Why decide without a review"),
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"required": _("Say why the committee decides without any review.")},
            )


class RankingFilterForm(forms.Form):
    # The filters' options are written in Python (LongSelect): a template per option
    # was a fifth of the ranking page's time.
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        widget=LongSelect,
        choices=[
            ("calibrated", _("calibrated mean")),
            ("mean", _("raw mean")),
            ("median", _("median")),
            ("spread", _("spread")),
            ("count", _("number of reviews")),
            ("title", _("title")),
        ],
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=LongSelect)
    college = forms.ChoiceField(label=_("College"), required=False, widget=LongSelect)
    outcome = forms.ChoiceField(
        label=_("Decision"),
        required=False,
        widget=LongSelect,
        choices=[("", _("any")), ("undecided", _("undecided")), *Decision.Outcome.choices],
    )
    flagged = forms.BooleanField(label=_("Only proposals whose reviews disagree"), required=False)

    def __init__(self, *args, call: Call, colleges, **kwargs):
        super().__init__(*args, **kwargs)
        # The sectors by their labels in the reader's language, accents aside (as by_label).
        sectors = sorted(
            ((s.slug, s.label) for s in call.sectors.all()), key=lambda c: unaccented(c[1])
        )
        self.fields["sector"].choices = [("", _("any")), *sectors]
        self.fields["college"].choices = [("", _("any"))] + [
            (str(c.pk), c.short_name) for c in colleges
        ]


class SelectionForm(forms.Form):
    size = forms.IntegerField(label=_("How many to select"), min_value=1, max_value=500)
    reserve = forms.IntegerField(
        label=_("How many on the reserve list"), min_value=0, max_value=50, initial=3
    )
    # Quotas are counts of proposals, so no larger than the selection itself.
    min_per_sector = forms.IntegerField(
        label=_("At least this many from each sector"), min_value=0, max_value=500, required=False
    )
    max_per_college = forms.IntegerField(
        label=_("At most this many from one college"), min_value=1, max_value=500, required=False
    )
    min_per_sex = forms.IntegerField(
        label=_("At least this many led by a woman, and as many led by a man"),
        min_value=0,
        max_value=500,
        required=False,
    )


class StageSelectionForm(SelectionForm):
    reason_selected = forms.CharField(
        label=_("Reason for the selected proposals"), widget=forms.Textarea
    )
    reason_reserve = forms.CharField(
        label=_("Reason for the reserve list"), widget=forms.Textarea, required=False
    )
    reason_not_selected = forms.CharField(
        label=_("Reason for the proposals not selected"), widget=forms.Textarea
    )


class ConfirmForm(forms.Form):
    """The confirmation of a previewed mass action: the preview's digest travels back."""

    digest = forms.CharField(widget=forms.HiddenInput, max_length=64)


class ReleaseForm(forms.Form):
    """Whether the decision mails carry the reviewers' comments; hidden once previewed."""

    share_comments = forms.BooleanField(
        label=_("Include the reviewers' comments for the applicants in the decision mails"),
        required=False,
    )
    digest = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(self, *args, confirming: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if confirming:
            self.fields["share_comments"].widget = forms.HiddenInput()
            self.fields["digest"].required = True
        else:
            del self.fields["digest"]


class PromoteForm(forms.Form):
    """Promote a proposal from the reserve list; the first place is offered first."""

    proposal = forms.ChoiceField(label=_("Proposal to promote"))
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to the team, e.g. which selected team left and why."),
    )

    def __init__(self, *args, reserve, **kwargs):
        super().__init__(*args, **kwargs)
        self.reserve = reserve
        self.fields["proposal"].choices = [
            (str(d.proposal_id), f"{d.reserve_rank}. {d.proposal.title}") for d in reserve
        ]

    @property
    def chosen(self) -> Decision:
        """The reserve decision of the chosen proposal (one of the list it was given)."""
        wanted = self.cleaned_data["proposal"]
        return next(d for d in self.reserve if str(d.proposal_id) == wanted)


class DisqualifyForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I confirm the committee disqualifies this team"),
        error_messages={"required": _("Confirm that the committee disqualifies this team.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mailed to the team."),
    )
