"""Signed, expiring invitation links, in the manner of Django's password-reset tokens.

The token carries the member's id and a hash of what must still be true
when it is used (the invited address and the invitation's state). Once the
invitation is answered or the member removed, the hash no longer matches and
the link stops working; after INVITATION_MAX_AGE it expires; any change to
the token breaks its signature.
"""

import datetime
import hashlib

from django.core import signing

from skillbridge.calls.models import TeamMember

INVITATION_MAX_AGE = datetime.timedelta(days=14)
_SALT = "skillbridge.calls.invitation"


class InvalidInvitation(Exception):
    """The link was changed, has expired, or was already used."""


def _state_hash(member: TeamMember) -> str:
    value = f"{member.pk}:{member.email.lower()}:{member.status}:{member.invited_at.isoformat()}"
    return hashlib.sha256(value.encode()).hexdigest()[:20]


def invitation_token(member: TeamMember) -> str:
    return signing.dumps({"m": member.pk, "h": _state_hash(member)}, salt=_SALT, compress=True)


def invitation_member(token: str) -> TeamMember:
    """The invited member a token names, or InvalidInvitation."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature too.
        raise InvalidInvitation from error
    member = (
        TeamMember.objects.select_related("proposal__call__programme", "proposal__lead")
        .filter(pk=data.get("m"), status=TeamMember.Status.INVITED)
        .first()
    )
    if member is None or _state_hash(member) != data.get("h"):
        raise InvalidInvitation
    return member
