"""The professional's profile: its transition table, the vetting states.

A professional registers (or is imported) and submits the profile; an
officer approves or rejects it, and may suspend an approved one and approve
it again. A rejected profile may be corrected and submitted again. Erasure,
at the professional's request, ends any state.

Services move a profile only through `PROFILE.move` in their one step
(submitting, vetting, erasing); templates ask the `rules` perms built on
`PROFILE.allows(...)`.
"""

from django.utils.translation import gettext_lazy as _

from skillbridge.common.transitions import Machine, Transition
from skillbridge.experts.models import ExpertProfile

State = ExpertProfile.State

PROFILE = Machine(
    "expert",
    {
        "submit": Transition(
            {State.REGISTERED, State.REJECTED},
            State.SUBMITTED,
            _("This profile cannot be submitted now."),
        ),
        "approve": Transition({State.SUBMITTED, State.SUSPENDED}, State.APPROVED),
        "reject": Transition({State.SUBMITTED}, State.REJECTED),
        "suspend": Transition({State.APPROVED}, State.SUSPENDED),
        "erase": Transition(set(State.values) - {State.ERASED}, State.ERASED),
    },
)
