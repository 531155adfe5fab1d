"""The transition tables of pairing: every way a pairing's state or a run's status may change.

A matching run proposes pairings; the officer confirms one, which invites
the professional; they accept or decline it (or let the deadline pass,
which declines it); an accepted pairing becomes active when the work
starts, and completed when it ends. An officer may cancel any pairing that
is not finished; a newer run cancels the proposals of an older one that no
one confirmed, and erasure cancels the professional's open offers.

A matching run waits in the queue, runs in the background, and ends done or
failed.

Services move a pairing only through `pairing.services.pairing_move`;
templates and views ask the `rules` perms built on `PAIRING.allows(...)`.
"""

from django.utils.translation import gettext_lazy as _

from skillbridge.common.transitions import Machine, Transition
from skillbridge.pairing.models import MatchingRun, Pairing

State = Pairing.State
Status = MatchingRun.Status

PAIRING = Machine(
    "pairing",
    {
        "confirm": Transition(
            {State.PROPOSED}, State.INVITED, _("Only a proposed pairing can be confirmed.")
        ),
        "accept": Transition(
            {State.INVITED}, State.ACCEPTED, _("Only an open invitation can be accepted.")
        ),
        "decline": Transition(
            {State.INVITED}, State.DECLINED, _("Only an open invitation can be declined.")
        ),
        # The deadline passed without an answer: recorded as declined, and marked expired.
        "expire": Transition({State.INVITED}, State.DECLINED),
        "start": Transition(
            {State.ACCEPTED}, State.ACTIVE, _("Only an accepted pairing can start.")
        ),
        "complete": Transition(
            {State.ACTIVE}, State.COMPLETED, _("Only an active pairing can be completed.")
        ),
        "cancel": Transition(
            {State.PROPOSED, State.INVITED, State.ACCEPTED, State.ACTIVE},
            State.CANCELLED,
            _("This pairing is already closed."),
        ),
    },
)

# The professional said yes and the work is not finished: a mission may be planned for it.
ENGAGED = frozenset({State.ACCEPTED, State.ACTIVE})
# An offer the professional can still be asked about; erasure cancels these.
OPEN_OFFERS = frozenset({State.PROPOSED, State.INVITED})

RUN = Machine(
    "matching_run",
    {
        "run": Transition({Status.QUEUED}, Status.RUNNING),
        "finish": Transition({Status.RUNNING}, Status.DONE),
        "fail": Transition({Status.QUEUED, Status.RUNNING}, Status.FAILED),
    },
    field="status",
)
