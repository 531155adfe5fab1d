"""The version of the consent text professionals read.

The text is templates/experts/includes/consent_text.html.

Change the version whenever the text changes: each consent records the
version it was given under.
"""

CONSENT_TEXT_VERSION = "2026-10"
