"""The questions of a proposal and their limits: one list that forms, checks and pages share."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Question:
    field: str
    label: str | Promise
    help_text: str | Promise
    max_chars: int


QUESTIONS = [
    Question(
        "summary",
        _("Summary"),
        _("Your project in a few sentences: what you will build and for whom."),
        600,
    ),
    Question(
        "problem",
        _("Problem"),
        _("Which problem do you solve, for whom, and how do you know it is real?"),
        1500,
    ),
    Question(
        "solution",
        _("Solution"),
        _("What will you make or do, and how does it solve the problem?"),
        1500,
    ),
    Question(
        "innovation",
        _("What is innovative"),
        _("What is new compared with what people use today in Rwanda?"),
        1200,
    ),
    Question(
        "market",
        _("Market and users"),
        _("Who will use or buy it, how many they are, and how you will reach them."),
        1200,
    ),
    Question(
        "implementation_plan",
        _("Implementation plan"),
        _("The main steps over twelve months, who does what, and the first milestone."),
        2000,
    ),
]
QUESTION_FIELDS = [q.field for q in QUESTIONS]
LIMITS = {q.field: q.max_chars for q in QUESTIONS}
TITLE_MAX_CHARS = 150

# Attachments: what may be uploaded, and how large.
ATTACHMENT_MAX_MEGABYTES = 10
OTHER_DOCUMENT = "other"
