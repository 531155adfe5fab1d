"""The answers every operation can give, added to the OpenAPI document."""

# What any operation may answer besides its own documented outcomes: a
# missing, expired or revoked token (401), a person who must set up MFA first
# (403), a page past the end of a list or an unknown id (404), and bad input
# (400, a message per field, DESIGN §4).
_DETAIL = {
    "description": "",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"detail": {"type": "string"}},
                "required": ["detail"],
            }
        }
    },
}


_FIELD_ERRORS = {
    "description": "Lists of messages per field; the whole request's under non_field_errors.",
    "content": {
        "application/json": {
            "schema": {"type": "object", "additionalProperties": {}},
        }
    },
}


def document_common_errors(result, generator, request, public):
    """drf-spectacular postprocessing hook: add the answers every operation can give."""
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if any(scheme for scheme in operation.get("security", [])):
                responses.setdefault("401", {**_DETAIL, "description": "No valid token."})
                responses.setdefault(
                    "403", {**_DETAIL, "description": "Not allowed, or MFA must be set up."}
                )
            if "requestBody" in operation:
                responses.setdefault("400", _FIELD_ERRORS)
            paged = any(p.get("name") == "page" for p in operation.get("parameters", []))
            if paged or "{" in path:
                responses.setdefault("404", {**_DETAIL, "description": "No such object or page."})
    return result
