"""Every write of the pairing app: one function per step, each one transaction."""

from skillbridge.pairing.services.execution import run_execute
from skillbridge.pairing.services.moves import alternate_offer, pairing_move
from skillbridge.pairing.services.needs import (
    decision_remove,
    decision_set,
    need_create,
    need_update,
    training_request_create,
)
from skillbridge.pairing.services.pairings import (
    invitations_expire,
    pairing_accept,
    pairing_cancel,
    pairing_complete,
    pairing_confirm,
    pairing_decline,
    pairing_expire,
    pairing_start,
)
from skillbridge.pairing.services.runs import run_confirm, run_start

__all__ = [
    "alternate_offer",
    "decision_remove",
    "decision_set",
    "invitations_expire",
    "need_create",
    "need_update",
    "pairing_accept",
    "pairing_cancel",
    "pairing_complete",
    "pairing_confirm",
    "pairing_decline",
    "pairing_expire",
    "pairing_move",
    "pairing_start",
    "run_confirm",
    "run_execute",
    "run_start",
    "training_request_create",
]
