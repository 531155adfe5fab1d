"""Pages about the team: invitations, removal, affiliation and eligibility decisions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillbridge.calls import selectors, services
from skillbridge.calls.forms import (
    AcceptInvitationForm,
    AffiliationForm,
    EligibilityForm,
    InviteForm,
    OfficerAffiliationForm,
)
from skillbridge.calls.tokens import InvalidInvitation, invitation_member
from skillbridge.calls.views.proposals import (
    detail_context,
    edit_context,
    refusals_as_messages,
)
from skillbridge.common.forms import show_errors


@login_required
@require_POST
def member_invite(request, pk: int):
    """The team lead: invite a student or trainer of the same college by email."""
    proposal = selectors.proposal_for(request.user, pk, "calls.manage_team")
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            member = services.member_invite(
                actor=request.user, proposal=proposal, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, _("An invitation is sent to %(email)s.") % {"email": member.email}
            )
            return redirect(reverse("calls:proposal_edit", args=[proposal.pk]) + "#team")
    return render(request, "calls/proposal_edit.html", edit_context(proposal, invite_form=form))


@login_required
@require_POST
def member_remove(request, pk: int, member_pk: int):
    """The team lead: remove a member or cancel an invitation, before submitting."""
    member = selectors.member_for(request.user, member_pk, "calls.manage_team", proposal_pk=pk)
    proposal = member.proposal
    try:
        services.member_remove(actor=request.user, member=member)
    except ValidationError as error:
        refusals_as_messages(request, error)
    else:
        messages.success(request, _("%(name)s is no longer on the team.") % {"name": member})
    return redirect(reverse("calls:proposal_edit", args=[proposal.pk]) + "#team")


@login_required
def invitation(request, token: str):
    """The invited person, signed in with the invited address: read and accept an invitation.

    A changed, expired or used link answers a page that says so (status 400).
    """
    try:
        member = invitation_member(token)
    except InvalidInvitation:
        return render(request, "calls/invitation_invalid.html", status=400)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_accept(user=request.user, member=member, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("You joined the team."))
            return redirect("calls:proposal_edit", member.proposal_id)
    context = {"member": member, "proposal": member.proposal, "form": form}
    return render(request, "calls/invitation.html", context)


@login_required
@require_POST
def affiliation_decide(request, pk: int, member_pk: int):
    """The coordinator of the team's college: confirm or reject a member's affiliation."""
    member = selectors.member_for(
        request.user, member_pk, "calls.confirm_affiliation", proposal_pk=pk
    )
    proposal = member.proposal
    form = AffiliationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether this person belongs to the college."))
        return redirect("calls:proposal_detail", proposal.pk)
    decide = (
        services.member_affiliation_confirm
        if form.cleaned_data["decision"] == "confirm"
        else services.member_affiliation_reject
    )
    try:
        decide(actor=request.user, member=member, note=form.cleaned_data["note"])
    except ValidationError as error:
        refusals_as_messages(request, error)
    else:
        messages.success(request, _("Your decision about %(name)s is saved.") % {"name": member})
    return redirect(reverse("calls:proposal_detail", args=[proposal.pk]) + "#team")


@login_required
@require_POST
def affiliation_confirm_by_officer(request, pk: int, member_pk: int):
    """Programme officers: confirm a member of a submitted proposal the coordinator left pending."""
    member = selectors.member_for(
        request.user, member_pk, "calls.confirm_affiliation_as_officer", proposal_pk=pk
    )
    proposal = member.proposal
    form = OfficerAffiliationForm(request.POST)
    if form.is_valid():
        try:
            services.member_affiliation_confirm_by_officer(
                actor=request.user, member=member, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, _("%(name)s is confirmed as a member of the college.") % {"name": member}
            )
            return redirect(reverse("calls:proposal_detail", args=[proposal.pk]) + "#team")
    context = detail_context(proposal, officer_form=form, officer_member=member.pk)
    return render(request, "calls/proposal_detail.html", context)


@login_required
@require_POST
def eligibility_decide(request, pk: int):
    """Programme officers: find a submitted proposal eligible or not, with a reason."""
    proposal = selectors.proposal_for(request.user, pk, "calls.decide_eligibility")
    form = EligibilityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose eligible or not eligible."))
        return redirect("calls:proposal_detail", proposal.pk)
    decide = (
        services.proposal_mark_eligible
        if form.cleaned_data["decision"] == "eligible"
        else services.proposal_mark_ineligible
    )
    try:
        decide(actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        refusals_as_messages(request, error)
    else:
        messages.success(request, _("The eligibility decision is saved and the team is told."))
    return redirect("calls:proposal_detail", proposal.pk)
