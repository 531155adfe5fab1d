"""Fields the API's serializers share."""

from rest_framework import serializers


def choice_text(choices, *, read_only: bool = True, **options) -> serializers.CharField:
    """A choice as plain text, its values named in the help text.

    Plain text rather than an enum keeps the apps' choice sets from colliding
    in the schema under one field name (kind, sex, state, modality). Where it
    is written, the service checks the value and answers at the field.
    """
    return serializers.CharField(
        read_only=read_only,
        help_text="One of: " + ", ".join(value for value, _label in choices),
        **options,
    )
