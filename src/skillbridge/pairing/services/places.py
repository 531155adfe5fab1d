"""Seats and places: whether a need and a professional still have room for one more pairing."""

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext as _

from skillbridge.experts.models import ExpertProfile
from skillbridge.experts.selectors import matchable_experts
from skillbridge.pairing.models import Need, Pairing


def lock_needs_and_professionals(pairings) -> None:
    """Lock the rows of every need, then every professional, of `pairings`, each in id order.

    Every confirmation takes its locks in one order: the pairings (lower id
    first), then their needs, then their professionals. Two officers
    confirming overlapping pairings then wait for each other instead of
    deadlocking.
    """
    need_ids = sorted({pairing.need_id for pairing in pairings})
    expert_ids = sorted({pairing.expert_id for pairing in pairings})
    list(Need.objects.select_for_update(of=("self",)).filter(pk__in=need_ids).order_by("pk"))
    list(
        ExpertProfile.objects.select_for_update(of=("self",))
        .filter(pk__in=expert_ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def check_room(pairing: Pairing) -> None:
    """Refuse to invite when the need has no open seat or the professional no free place.

    The need's row and the professional's row are locked first (in the order
    of `lock_needs_and_professionals`), and both counts are taken under the
    locks: two officers confirming the last seat of a need, or the last place
    of a professional for two needs, at once would otherwise both succeed.
    """
    lock_needs_and_professionals([pairing])
    need = Need.objects.get(pk=pairing.need_id)
    taken = need.pairings.filter(state__in=Pairing.SEAT_STATES).count()
    if taken >= need.seats:
        raise ValidationError({"__all__": _("Every seat of this need is already taken.")})
    if not matchable_experts(pairing.programme).filter(pk=pairing.expert_id).exists():
        raise ValidationError(
            {"__all__": _("This professional can no longer be matched (profile or consent).")}
        )
    capacity = ExpertProfile.objects.values_list("capacity", flat=True).get(pk=pairing.expert_id)
    load = Pairing.objects.filter(
        expert_id=pairing.expert_id, state__in=Pairing.LOAD_STATES
    ).aggregate(n=Count("pk"))["n"]
    if load >= capacity:
        raise ValidationError(
            {"__all__": _("This professional has no free place: they said how many they can take.")}
        )
