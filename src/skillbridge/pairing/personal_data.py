"""A professional's pairings: in their data download, and what erasing their data does to them."""

from skillbridge.experts.models import ExpertProfile
from skillbridge.experts.personal_data import eraser, iso, section
from skillbridge.pairing.models import Pairing
from skillbridge.pairing.services.moves import pairing_move
from skillbridge.pairing.services.pairings import RELATED
from skillbridge.pairing.states import OPEN_OFFERS


@section("pairings")
def pairings_of(profile: ExpertProfile) -> list[dict]:
    pairings = Pairing.objects.filter(expert=profile).select_related(
        "need__proposal", "need__training_request"
    )
    return [
        {
            "id": pairing.pk,
            "for": pairing.need.owner_title,
            "state": pairing.state,
            "score": pairing.score,
            "reasons": pairing.reasons,
            "reason": pairing.reason,
            "invited_at": iso(pairing.invited_at),
            "answered_at": iso(pairing.answered_at),
            "started_at": iso(pairing.started_at),
            "ended_at": iso(pairing.ended_at),
        }
        for pairing in pairings.order_by("pk")
    ]


@eraser
def pairings_close(*, profile: ExpertProfile, **_ignored) -> None:
    """Offers and invitations cannot be answered any more: cancel them.

    Accepted, active and completed pairings stay, nameless: they are the
    programme's record of work done, counted in the donor's results.
    """
    offers = (
        Pairing.objects.select_for_update(of=("self",))
        .select_related(*RELATED)
        .filter(expert=profile, state__in=OPEN_OFFERS)
        .order_by("pk")
    )
    for pairing in offers:
        pairing_move(actor=None, pairing=pairing, action="cancel", reason="", why="erasure")
    # What they wrote when declining may name them or their circumstances.
    Pairing.objects.filter(expert=profile).exclude(reason="").update(reason="")
