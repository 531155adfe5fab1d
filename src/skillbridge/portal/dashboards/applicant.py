"""The applicant: each proposal's state, next step, deadline and missing parts; invitations."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from skillbridge.calls.checks import proposal_missing_parts
from skillbridge.calls.models import Proposal
from skillbridge.calls.selectors import invitations_for, proposals_of_member
from skillbridge.calls.states import PROPOSAL
from skillbridge.calls.tokens import invitation_token
from skillbridge.portal.dashboards.lines import Task

NEXT_STEPS = {
    Proposal.State.SUBMITTED: gettext_lazy(
        "Submitted: the college confirms the team, then eligibility."
    ),
    Proposal.State.ELIGIBLE: gettext_lazy("Eligible: the panel reviews it next."),
    Proposal.State.INELIGIBLE: gettext_lazy("Not eligible: see the reason on the proposal."),
    Proposal.State.UNDER_REVIEW: gettext_lazy("Under review: the decision follows the review."),
    Proposal.State.SELECTED: gettext_lazy("Selected: your grant comes next."),
    Proposal.State.RESERVE: gettext_lazy("On the reserve list."),
    Proposal.State.NOT_SELECTED: gettext_lazy("Not selected this time."),
    Proposal.State.WITHDRAWN: gettext_lazy("Withdrawn."),
}


def _proposal_line(proposal: Proposal) -> Task:
    if proposal.state in PROPOSAL["submit"].sources:
        missing = proposal_missing_parts(proposal)
        details = tuple(message for messages in missing.values() for message in messages)
        text = (
            _("%(title)s: complete it and submit") % {"title": proposal.title}
            if details
            else _("%(title)s: ready to submit") % {"title": proposal.title}
        )
        return Task(
            text,
            reverse("calls:proposal_edit", args=[proposal.pk]),
            len(details),
            due=proposal.call.closes_at,
            details=details,
        )
    return Task(
        f"{proposal.title}: {NEXT_STEPS.get(proposal.state, proposal.get_state_display())}",
        reverse("calls:proposal_detail", args=[proposal.pk]),
    )


DECIDED = {Proposal.State.SELECTED, Proposal.State.RESERVE, Proposal.State.NOT_SELECTED}


def _follow_up_lines(programme, states: set) -> list[Task]:
    """Once the committee decided, its decisions; once a proposal is selected, its mentors."""
    lines = []
    if states & DECIDED:
        lines.append(
            Task(
                _("See the committee's decisions on your proposals"),
                reverse("review:outcomes"),
            )
        )
    if Proposal.State.SELECTED in states:
        lines.append(
            Task(
                _("See who mentors your project"), reverse("pairing:mentors", args=[programme.slug])
            )
        )
    return lines


def tasks(user, membership) -> list[Task]:
    programme = membership.programme
    proposals = (
        proposals_of_member(user)
        .filter(call__programme=programme)
        .prefetch_related("budget_lines", "attachments")
    )
    lines = [_proposal_line(proposal) for proposal in proposals]
    lines += _follow_up_lines(programme, {proposal.state for proposal in proposals})
    if not lines:
        lines.append(
            Task(_("Read the open calls and start a proposal"), reverse("calls:open_calls"))
        )
    return lines + invitation_tasks(
        invitations_for(user).filter(proposal__call__programme=programme)
    )


def invitation_tasks(invitations) -> list[Task]:
    """Team invitations waiting for the person's answer, each linking to its answer page."""
    return [
        Task(
            _("%(lead)s invites you to join “%(title)s”")
            % {"lead": member.proposal.lead, "title": member.proposal.title},
            reverse("calls:invitation", args=[invitation_token(member)]),
            due=member.proposal.call.closes_at,
        )
        for member in invitations
    ]
