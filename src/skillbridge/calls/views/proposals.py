"""Pages where a team writes, submits and withdraws its proposal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillbridge.calls import selectors, services
from skillbridge.calls.checks import budget_total, proposal_missing_parts, proposal_progress
from skillbridge.calls.forms import (
    AffiliationForm,
    AttachmentForm,
    BudgetLineForm,
    DraftBaseForm,
    EligibilityForm,
    InviteForm,
    OfficerAffiliationForm,
    ProposalForm,
    StartProposalForm,
    WithdrawForm,
)
from skillbridge.calls.models import Proposal
from skillbridge.calls.questions import ATTACHMENT_MAX_MEGABYTES, QUESTIONS
from skillbridge.calls.receipts import proposal_reference
from skillbridge.calls.services.drafts import draft_fingerprints
from skillbridge.calls.services.proposals import applicant_college, eligible_colleges
from skillbridge.calls.states import HOLDS_A_PLACE
from skillbridge.calls.views.drafts import changed_by_others_message, merge_page
from skillbridge.common.forms import show_errors
from skillbridge.common.permissions import require
from skillbridge.common.uploads import private_file_response

MY_PROPOSALS_PER_PAGE = 20


def refusals_as_messages(request, error: ValidationError) -> None:
    for field_messages in error.message_dict.values():
        for message in field_messages:
            messages.error(request, message)


@login_required
def proposal_start(request, pk: int):
    """Applicants, and people without a role in the programme: start a proposal as team lead."""
    call = selectors.call_for(request.user, pk)
    require(request.user, "calls.start_proposal", call.programme)
    own_college = applicant_college(user=request.user, call=call)
    colleges = None if own_college else eligible_colleges(call)
    form = StartProposalForm(request.POST or None, call=call, colleges=colleges)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_start(
                user=request.user,
                call=call,
                title=form.cleaned_data["title"],
                sector=form.cleaned_data["sector"],
                kind=form.cleaned_data["kind"],
                sex=form.cleaned_data["sex"],
                college=form.cleaned_data.get("college"),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your draft is started. It is saved as you write."))
            return redirect("calls:proposal_edit", proposal.pk)
    context = {"call": call, "form": form, "own_college": own_college}
    return render(request, "calls/proposal_start.html", context)


@login_required
def my_proposals(request):
    """Anyone signed in: the proposals of their teams, and invitations waiting for them."""
    proposals = selectors.proposals_of_member_listed(request.user)
    context = {
        "page": Paginator(proposals, MY_PROPOSALS_PER_PAGE).get_page(request.GET.get("page")),
        "invitations": selectors.invitations_for(request.user),
        "calls": selectors.calls_open(),
    }
    return render(request, "calls/my_proposals.html", context)


def error_links(*forms) -> list[tuple[str, str]]:
    """The error summary above a page of forms: a link to each field that needs a fix."""
    links = []
    for form in forms:
        for name, problems in form.errors.items():
            field = form[name] if name in form.fields else None
            href = f"#{field.auto_id}" if field is not None else "#main"
            for problem in problems:
                label = f"{field.label}: " if field is not None else ""
                links.append((href, f"{label}{problem}"))
    return links


def budget_context(proposal: Proposal, budget_form=None) -> dict:
    """The budget section: its lines, the total and the add form."""
    budget_form = budget_form or BudgetLineForm()
    missing = proposal_missing_parts(proposal)
    return {
        "proposal": proposal,
        "budget_rows": proposal.budget_lines.all(),
        "budget_form": budget_form,
        "budget_total": budget_total(proposal),
        "budget_errors": error_links(budget_form),
        "missing": missing,
        "progress": proposal_progress(proposal, missing),
    }


def edit_context(proposal: Proposal, form=None, *, draft_base=None, **forms) -> dict:
    form = form or ProposalForm(proposal=proposal, initial=ProposalForm.initial_for(proposal))
    budget = budget_context(proposal, forms.get("budget_form"))
    attachment_form = forms.get("attachment_form") or AttachmentForm(call=proposal.call)
    invite_form = forms.get("invite_form") or InviteForm()
    return {
        **budget,
        "form": form,
        "draft_base": draft_base or draft_fingerprints(proposal),
        "attachment_form": attachment_form,
        "invite_form": invite_form,
        "page_errors": error_links(
            form,
            budget["budget_form"],
            attachment_form,
            invite_form,
        ),
        "deadline_passed": proposal.call.closes_at <= timezone.now(),
        "max_megabytes": ATTACHMENT_MAX_MEGABYTES,
    }


@login_required
def proposal_edit(request, pk: int):
    """Members of the team: write the draft. Saving works without JavaScript."""
    proposal = selectors.proposal_for(request.user, pk, "calls.edit_proposal")
    if not request.user.has_perm("calls.edit_proposal_now", proposal):
        return redirect("calls:proposal_detail", proposal.pk)
    form = ProposalForm(request.POST or None, proposal=proposal)
    start = DraftBaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.proposal_save_draft(
                actor=request.user,
                proposal=proposal,
                values=form.cleaned_data,
                base_version=start.base_version(),
                base=start.base(),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            if saved.conflicts:
                conflicts = [(c.field, c.mine) for c in saved.conflicts]
                return merge_page(request, saved.proposal, conflicts, saved=bool(saved.written))
            if saved.changed_by_others:
                messages.warning(request, changed_by_others_message(form, saved))
            messages.success(request, _("Your draft is saved."))
            return redirect("calls:proposal_edit", proposal.pk)
    elif request.method == "GET":
        form = None
    draft_base = start.base() if form is not None else None
    return render(
        request, "calls/proposal_edit.html", edit_context(proposal, form, draft_base=draft_base)
    )


@login_required
@require_POST
def proposal_autosave(request, pk: int):
    """Members of the team: htmx saves the draft as they type and gets a one-line status."""
    proposal = selectors.proposal_for(request.user, pk, "calls.edit_proposal")
    form = ProposalForm(request.POST, proposal=proposal)
    start = DraftBaseForm(request.POST)
    problems: list[str] = []
    result = None
    if form.is_valid():
        try:
            result = services.proposal_save_draft(
                actor=request.user,
                proposal=proposal,
                values=form.cleaned_data,
                base_version=start.base_version(),
                base=start.base(),
            )
        except ValidationError as error:
            problems = [m for ms in error.message_dict.values() for m in ms]
    else:
        problems = [f"{form.fields[f].label}: {m}" for f, ms in form.errors.items() for m in ms]
    # The "still missing" list on the page follows what was just saved, and the page's
    # fingerprints follow what it now has in step with the draft (htmx out-of-band swaps).
    saved = selectors.proposal_for(request.user, pk)
    missing = proposal_missing_parts(saved)
    labels = form.fields
    context = {
        "problems": problems,
        "saved_at": timezone.localtime(),
        "missing": missing,
        "progress": proposal_progress(saved, missing),
        "conflicts": [labels[c.field].label for c in result.conflicts] if result else [],
        "changed_by_others": [labels[n].label for n in result.changed_by_others] if result else [],
        "draft_base": result.base if result else None,
        "proposal": saved,
    }
    return render(request, "calls/partials/autosave_status.html", context)


@login_required
@require_POST
def attachment_add(request, pk: int):
    """Members of the team: attach a document of an accepted type and size."""
    proposal = selectors.proposal_for(request.user, pk, "calls.edit_proposal")
    form = AttachmentForm(request.POST, request.FILES, call=proposal.call)
    if form.is_valid():
        try:
            services.attachment_add(
                actor=request.user,
                proposal=proposal,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The document is attached."))
            return redirect(proposal_anchor(proposal, "attachments"))
    context = edit_context(proposal, attachment_form=form)
    return render(request, "calls/proposal_edit.html", context)


@login_required
def attachment_download(request, pk: int, attachment_pk: int):
    """Whoever may see the proposal (team, its coordinator, officers): download a document."""
    attachment = selectors.attachment_for(
        request.user, attachment_pk, "calls.view_proposal", proposal_pk=pk
    )
    return private_file_response(attachment.file, filename=attachment.original_name)


@login_required
@require_POST
def attachment_delete(request, pk: int, attachment_pk: int):
    """Members of the team: remove a document from the draft."""
    attachment = selectors.attachment_for(
        request.user, attachment_pk, "calls.edit_proposal", proposal_pk=pk
    )
    try:
        services.attachment_remove(actor=request.user, attachment=attachment)
    except ValidationError as error:
        refusals_as_messages(request, error)
    return redirect(proposal_anchor(attachment.proposal, "attachments"))


@login_required
@require_POST
def proposal_submit(request, pk: int):
    """The team lead: submit the draft. Anything missing is listed; the draft is kept."""
    proposal = selectors.proposal_for(request.user, pk, "calls.submit_proposal")
    try:
        services.proposal_submit(actor=request.user, proposal=proposal)
    except ValidationError as error:
        refusals_as_messages(request, error)
        return redirect(proposal_anchor(proposal, "missing-parts"))
    messages.success(request, _("Your proposal is submitted. Each member gets a confirmation."))
    return redirect("calls:proposal_detail", proposal.pk)


@login_required
@require_POST
def proposal_withdraw(request, pk: int):
    """The team lead: withdraw the proposal, until a decision is made."""
    proposal = selectors.proposal_for(request.user, pk, "calls.withdraw_proposal")
    form = WithdrawForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.proposal_withdraw(actor=request.user, proposal=proposal, reason=reason)
    except ValidationError as error:
        refusals_as_messages(request, error)
    else:
        messages.success(request, _("Your proposal is withdrawn."))
    return redirect("calls:proposal_detail", proposal.pk)


@login_required
def proposal_detail(request, pk: int):
    """The team, the coordinator of its college and the programme officers: read a proposal.

    After submission the page shows the frozen snapshot, exactly as submitted.
    """
    proposal = selectors.proposal_for(request.user, pk, "calls.view_proposal")
    context = detail_context(proposal)
    # Once this one is decided, the officer goes on to the next without the dashboard.
    if request.user.has_perm("calls.decide_eligibility", proposal):
        context["next_awaiting"] = selectors.next_awaiting_eligibility(proposal)
    return render(request, "calls/proposal_detail.html", context)


def detail_context(proposal: Proposal, officer_form=None, officer_member=None) -> dict:
    """The proposal page; `officer_form` is a refused officer confirmation of `officer_member`."""
    frozen = proposal.snapshot or {}
    answers = [(q, frozen.get(q.field, getattr(proposal, q.field))) for q in QUESTIONS]
    return {
        "proposal": proposal,
        "answers": answers,
        "budget_total": budget_total(proposal),
        # The reason of an ineligible proposal is a refusal; any other is good news.
        "reason_is_refusal": proposal.state == Proposal.State.INELIGIBLE,
        "holds_a_place": proposal.state in HOLDS_A_PLACE,
        "affiliation_form": AffiliationForm(),
        "officer_form": officer_form or OfficerAffiliationForm(),
        "officer_member": officer_member,
        "eligibility_form": EligibilityForm(),
        "withdraw_form": WithdrawForm(),
        "reference": proposal_reference(proposal) if proposal.submitted_at else None,
    }


def proposal_anchor(proposal: Proposal, section: str) -> str:
    return reverse("calls:proposal_edit", args=[proposal.pk]) + "#" + section
