"""Read the messages a page shows at a field, from the forms in its context."""


def errors_at(response, field: str) -> list[str]:
    """The messages shown at `field` by any form (or formset row) of the page."""
    assert response.status_code in (200, 400), response.status_code
    found = []
    for context in response.context:
        for value in context.flatten().values():
            for form in getattr(value, "forms", [value]):
                errors = getattr(form, "errors", None)
                if hasattr(form, "fields") and errors and field in errors:
                    found.extend(errors[field])
    return found
