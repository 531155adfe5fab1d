"""The college coordinator: team members whose affiliation waits for them, the oldest first,
and the way to their college's training requests."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from skillbridge.calls.selectors import affiliations_to_confirm
from skillbridge.portal.dashboards.lines import Task, waiting

SHOWN = 5


def tasks(user, membership) -> list[Task]:
    pending = affiliations_to_confirm(user).filter(proposal__call__programme=membership.programme)
    total = waiting(pending, "joined_at")
    lines = [
        Task(
            ngettext("%(count)s member to confirm", "%(count)s members to confirm", total.count)
            % {"count": total.count},
            reverse("calls:affiliations_to_confirm"),
            total.count,
            oldest=total.oldest,
        )
    ]
    for member in pending.order_by("joined_at", "pk")[:SHOWN]:
        lines.append(
            Task(
                f"{member} · {member.proposal.title}",
                reverse("calls:proposal_detail", args=[member.proposal_id]) + "#team",
                oldest=member.joined_at,
            )
        )
    lines.append(
        Task(
            _("Training requests of your college: file one, follow yours"),
            reverse("pairing:college_requests", args=[membership.programme.slug]),
        )
    )
    return lines
