"""The programme officer's work queues (issue 15): how many wait, the oldest, and where."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.calls.states import OFFICER_AFFILIATION_OPEN
from skillbridge.grants.models import Amendment, Milestone
from skillbridge.missions.models import ChecklistItem, Mission, Survey
from skillbridge.missions.selectors import DEPARTURE_DAYS
from skillbridge.pairing.models import Pairing
from skillbridge.portal.dashboards.lines import Task, waiting
from skillbridge.review.models import Decision, Review


def _proposals_waiting(programme) -> list[Task]:
    to_list = reverse("calls:proposal_list") + "?state=submitted"
    eligibility = waiting(
        Proposal.objects.filter(call__programme=programme, state=Proposal.State.SUBMITTED),
        "submitted_at",
    )
    affiliations = waiting(
        TeamMember.objects.filter(
            proposal__call__programme=programme,
            status=TeamMember.Status.JOINED,
            affiliation=TeamMember.Affiliation.PENDING,
            proposal__state__in=OFFICER_AFFILIATION_OPEN.states,
        ),
        "joined_at",
    )
    return [
        Task(
            ngettext(
                "%(count)s proposal awaits its eligibility check",
                "%(count)s proposals await their eligibility check",
                eligibility.count,
            )
            % {"count": eligibility.count},
            to_list,
            eligibility.count,
            oldest=eligibility.oldest,
        ),
        Task(
            ngettext(
                "%(count)s team member's affiliation is pending",
                "%(count)s team members' affiliations are pending",
                affiliations.count,
            )
            % {"count": affiliations.count},
            reverse("calls:affiliations_to_confirm") + f"?programme={programme.slug}",
            affiliations.count,
            oldest=affiliations.oldest,
        ),
    ]


def _review_waiting(programme, today: datetime.date) -> list[Task]:
    overdue = waiting(
        Review.objects.filter(
            proposal__call__programme=programme,
            status=Review.Status.ACTIVE,
            submitted_at__isnull=True,
            proposal__call__reviews_by__lt=today,
        ),
        "proposal__call__reviews_by",
    )
    unreleased = Decision.objects.filter(call__programme=programme, released_at__isnull=True)
    release = waiting(unreleased, "decided_at")
    release_url = reverse("review:index")
    if release.count:
        first_call = unreleased.order_by("decided_at", "pk").values_list("call_id", flat=True)[0]
        release_url = reverse("review:release", args=[first_call])
    return [
        Task(
            ngettext("%(count)s review is overdue", "%(count)s reviews are overdue", overdue.count)
            % {"count": overdue.count},
            reverse("review:index"),
            overdue.count,
            oldest=overdue.oldest,
        ),
        Task(
            ngettext(
                "%(count)s decision to release",
                "%(count)s decisions to release",
                release.count,
            )
            % {"count": release.count},
            release_url,
            release.count,
            oldest=release.oldest,
        ),
    ]


def _grants_waiting(programme) -> list[Task]:
    milestones = waiting(
        Milestone.objects.filter(
            tranche__grant__programme=programme, state=Milestone.State.SUBMITTED
        ),
        "submitted_at",
    )
    pending = Amendment.objects.filter(grant__programme=programme, state=Amendment.State.PENDING)
    amendments = waiting(pending, "requested_at")
    # A grant has one pending amendment at a time: the officer decides it on the grant's page.
    amendments_url = reverse("grants:programme", args=[programme.slug])
    if amendments.count:
        oldest = pending.order_by("requested_at", "pk").values_list("grant_id", flat=True)[0]
        amendments_url = reverse("grants:amendments", args=[oldest])
    return [
        Task(
            ngettext(
                "%(count)s milestone to approve",
                "%(count)s milestones to approve",
                milestones.count,
            )
            % {"count": milestones.count},
            reverse("grants:programme", args=[programme.slug]),
            milestones.count,
            oldest=milestones.oldest,
        ),
        Task(
            ngettext(
                "%(count)s amendment to decide",
                "%(count)s amendments to decide",
                amendments.count,
            )
            % {"count": amendments.count},
            amendments_url,
            amendments.count,
            oldest=amendments.oldest,
        ),
    ]


def _pairing_waiting(programme, today: datetime.date) -> list[Task]:
    invitations = Pairing.objects.filter(programme=programme, state=Pairing.State.INVITED)
    unanswered = waiting(invitations, "invited_at")
    departing = waiting(
        Mission.objects.filter(
            programme=programme,
            kind__in=Mission.ONSITE_KINDS,
            starts_on__gte=today,
            starts_on__lte=today + datetime.timedelta(days=DEPARTURE_DAYS),
            pk__in=ChecklistItem.objects.filter(done=False).values("mission_id"),
        ).exclude(state__in=(*Mission.DONE_STATES, Mission.State.CANCELLED)),
        "starts_on",
    )
    surveys = waiting(
        Survey.objects.filter(mission__programme=programme, answered_at__isnull=True),
        "invited_at",
    )
    return [
        Task(
            ngettext(
                "%(count)s invitation to a professional is unanswered",
                "%(count)s invitations to professionals are unanswered",
                unanswered.count,
            )
            % {"count": unanswered.count},
            reverse("pairing:pairings", args=[programme.slug]) + "?state=invited",
            unanswered.count,
            oldest=unanswered.oldest,
        ),
        Task(
            ngettext(
                "%(count)s mission departs within %(days)s days with open logistics",
                "%(count)s missions depart within %(days)s days with open logistics",
                departing.count,
            )
            % {"count": departing.count, "days": DEPARTURE_DAYS},
            reverse("missions:departures", args=[programme.slug]),
            departing.count,
            due=departing.oldest,
        ),
        Task(
            ngettext(
                "%(count)s survey is not answered yet",
                "%(count)s surveys are not answered yet",
                surveys.count,
            )
            % {"count": surveys.count},
            reverse("missions:survey_results", args=[programme.slug]),
            surveys.count,
            oldest=surveys.oldest,
        ),
    ]


def tasks(user, membership) -> list[Task]:
    programme = membership.programme
    today = timezone.localdate()
    lines = []
    if user.has_perm("calls.manage_calls", programme):
        lines += _proposals_waiting(programme) + _review_waiting(programme, today)
    if user.has_perm("grants.award_grant", programme):
        lines += _grants_waiting(programme)
    if user.has_perm("pairing.manage", programme):
        lines += _pairing_waiting(programme, today)
    return lines
