"""Writes about people."""

from django.db import transaction

from skillbridge.common.services import audit_record
from skillbridge.people.models import User


@transaction.atomic
def account_update_details(*, user: User, full_name: str, preferred_language: str) -> User:
    """Change a person's name and language, and log it."""
    user.full_name = full_name.strip()
    user.preferred_language = preferred_language
    user.save(update_fields=["full_name", "preferred_language"])
    audit_record(actor=user, action="account.details_changed", target=user)
    return user
