"""Who may do what in pairing.

Officers of the programme state needs, run the matching and move pairings;
the professional answers their own invitations. Coordinators and donors see
no individual professional; a project team sees its mentor only once the
pairing is accepted (see selectors).

Two kinds of permissions on a pairing: who may take a step at all (views
and the API answer 403 without it; the service then refuses, with its
message, a step the state does not allow), and, ending in `_now`, who may
take it in the pairing's present state (templates show a button only then).
"""

import rules

from skillbridge.common.permissions import via
from skillbridge.pairing.states import ENGAGED, PAIRING
from skillbridge.people.rules import (
    is_applicant,
    is_college_coordinator,
    is_expert_anywhere,
    is_programme_officer,
)


@rules.predicate
def is_pairing_professional(user, pairing) -> bool:
    return pairing is not None and user.is_authenticated and pairing.expert.user_id == user.pk


# An officer of the programme the pairing (or the matching run) belongs to.
is_officer_of_pairing = via("programme", is_programme_officer)


@rules.predicate
def is_engaged(user, pairing) -> bool:
    """The professional said yes and the work is not finished: a mission may be planned."""
    return pairing is not None and pairing.state in ENGAGED


@rules.predicate
def is_unconfirmed_run(user, run) -> bool:
    """A finished run the officer has not confirmed: its pairs may still be locked or
    forbidden for the next run. Once confirmed, its invitations are out."""
    return run is not None and run.is_done and run.confirmed_at is None


# Index pages:
rules.add_perm("pairing.view_own_pairings", is_expert_anywhere)
# On a programme:
rules.add_perm("pairing.manage", is_programme_officer)
rules.add_perm("pairing.view_mentors", is_applicant)
# A coordinator files and follows their own college's training requests (officers see them
# all in the overview, where they state the needs).
rules.add_perm("pairing.file_training_request", is_college_coordinator)
# On a matching run:
rules.add_perm("pairing.manage_run", is_officer_of_pairing)
# On a matching run, in its present state:
rules.add_perm("pairing.decide_on_run_now", is_officer_of_pairing & is_unconfirmed_run)
# On a pairing:
rules.add_perm("pairing.answer_pairing", is_pairing_professional)
rules.add_perm("pairing.manage_pairing", is_officer_of_pairing)

# On a pairing, in its present state:
rules.add_perm(
    "pairing.answer_pairing_now",
    is_pairing_professional & (PAIRING.allows("accept") | PAIRING.allows("decline")),
)
rules.add_perm("pairing.confirm_pairing_now", is_officer_of_pairing & PAIRING.allows("confirm"))
rules.add_perm("pairing.start_pairing_now", is_officer_of_pairing & PAIRING.allows("start"))
rules.add_perm("pairing.complete_pairing_now", is_officer_of_pairing & PAIRING.allows("complete"))
rules.add_perm("pairing.cancel_pairing_now", is_officer_of_pairing & PAIRING.allows("cancel"))
rules.add_perm("pairing.plan_mission_now", is_officer_of_pairing & is_engaged)
