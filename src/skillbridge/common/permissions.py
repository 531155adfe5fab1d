"""The one way a view asks whether a user may do something."""

from django.core.exceptions import PermissionDenied


def require(user, perm: str, obj=None) -> None:
    """Raise 403 unless `user` holds `perm` (a django-rules permission) on `obj`.

    Views look objects up through selectors first, which answer 404 to
    outsiders; this check then answers 403 to members without the right.
    """
    if not user.has_perm(perm, obj):
        raise PermissionDenied
