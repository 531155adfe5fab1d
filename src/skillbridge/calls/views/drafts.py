"""Two members writing one draft: the page where one merges their text with the saved one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillbridge.calls import selectors, services
from skillbridge.calls.forms import DraftBaseForm, MergeForm, ProposalForm
from skillbridge.calls.models import Proposal
from skillbridge.calls.questions import QUESTION_FIELDS
from skillbridge.calls.services.drafts import draft_fingerprints, saved_value
from skillbridge.common import formats
from skillbridge.common.forms import show_errors


def changed_by_others_message(form, saved) -> str:
    labels = ", ".join(str(form.fields[name].label) for name in saved.changed_by_others)
    return _("Another member changed %(answers)s: their text is kept.") % {"answers": labels}


def merge_page(request, proposal: Proposal, conflicts: list, *, saved: bool, form=None):
    """The writer's text next to the saved one, for each answer two members changed at once.

    `conflicts` pairs each answer's name with the writer's value. Works
    without JavaScript: one form, a choice per answer.
    """
    fields = ProposalForm(proposal=proposal).fields
    fresh = draft_fingerprints(proposal)
    rows = []
    for name, mine in conflicts:
        theirs = saved_value(proposal, name)
        rows.append(
            {
                "name": name,
                "label": fields[name].label,
                "mine": _display(proposal, name, mine),
                "theirs": _display(proposal, name, theirs),
                "mine_raw": "" if mine is None else getattr(mine, "pk", mine),
                "theirs_raw": "" if theirs is None else theirs,
                "editable": name == "title" or name in QUESTION_FIELDS,
                "max_chars": getattr(fields[name], "max_chars", None),
                "base": fresh[name],
                "errors": form.errors.get(name, []) if form is not None else [],
            }
        )
    context = {"proposal": proposal, "rows": rows, "saved": saved, "version": proposal.version}
    return render(request, "calls/proposal_merge.html", context)


def _display(proposal: Proposal, name: str, value) -> str:
    if value in (None, ""):
        return ""
    if name == "sector":
        sector_pk = getattr(value, "pk", value)
        return next((str(s) for s in proposal.call.sectors.all() if s.pk == sector_pk), "")
    if name == "requested_amount_rwf":
        return formats.money(int(value))
    return str(value)


@login_required
@require_POST
def proposal_merge(request, pk: int):
    """Members of the team: keep their text, take the saved one, or save an edit of both."""
    proposal = selectors.proposal_for(request.user, pk, "calls.edit_proposal")
    if not request.user.has_perm("calls.edit_proposal_now", proposal):
        return redirect("calls:proposal_detail", proposal.pk)
    merge = MergeForm(request.POST)
    start = DraftBaseForm(request.POST)
    chosen = merge.chosen()
    form = ProposalForm({**ProposalForm.initial_for(proposal), **chosen}, proposal=proposal)
    if form.is_valid():
        try:
            saved = services.proposal_save_draft(
                actor=request.user,
                proposal=proposal,
                values={name: form.cleaned_data[name] for name in chosen},
                base_version=start.base_version(),
                base=start.base(),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            if saved.conflicts:
                conflicts = [(c.field, c.mine) for c in saved.conflicts]
                return merge_page(request, saved.proposal, conflicts, saved=False)
            messages.success(request, _("Your draft is saved."))
            return redirect("calls:proposal_edit", proposal.pk)
    mine = [(name, merge.cleaned_data[f"mine_{name}"]) for name in merge.in_conflict()]
    return merge_page(request, proposal, mine, saved=False, form=form)
