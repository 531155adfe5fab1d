"""The one way a view or an endpoint fetches an object for a person.

Each aggregate has one accessor, `<noun>_for(user, pk, perm)`, in its app's
`selectors`. It looks the object up among those `user` may see at all, which
answers 404 to an outsider (who must not learn that the object exists), then
asks `rules` whether `user` holds `perm` on it, which answers 403 to a member
without the right. The accessors are built with `object_for`.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404


def object_for(user, visible: QuerySet, *, perm: str | None, **lookup) -> Model:
    """The object of `visible` matching `lookup`: 404 if absent, 403 unless `user` holds `perm`.

    `visible` is already limited to what `user` may see; `perm` is a rules
    permission checked on the object (None when seeing it is the whole right).
    """
    try:
        obj = visible.get(**lookup)
    except (visible.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if perm is not None and not user.has_perm(perm, obj):
        raise PermissionDenied
    return obj
