"""The one way a view asks whether a user may do something."""

from operator import attrgetter

import rules
from django.core.exceptions import PermissionDenied


def require(user, perm: str, obj=None) -> None:
    """Raise 403 unless `user` holds `perm` (a django-rules permission) on `obj`.

    Views look objects up through selectors first, which answer 404 to
    outsiders; this check then answers 403 to members without the right.
    """
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def via(path: str, predicate: rules.Predicate) -> rules.Predicate:
    """`predicate` asked of the object reached from the one given by the dotted `path`.

    A relation is defined once, for the object it is about ("team member" of a
    proposal), and other objects reuse it through theirs: a grant's team is
    `via("proposal", is_team_member)`, a milestone's `via("tranche.grant", ...)`.
    """
    get = attrgetter(path)

    @rules.predicate(name=f"{predicate.name} via {path}")
    def adapted(user, obj) -> bool:
        return obj is not None and predicate.test(user, get(obj))

    return adapted
