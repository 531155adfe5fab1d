"""Each person's dashboard as a task list: per role held, what waits, how many, and by when.

Every role has one module with `tasks(user, membership) -> list[Task]`. Each
line is counted in a fixed number of queries (one aggregate, plus at most one
query for the rows it names), so a dashboard costs the same whatever the
number of proposals, reviews or tranches. Lines a person may not act on are
left out: each module asks the rules permission of the page it links to.
"""

from dataclasses import dataclass, field

from skillbridge.people.models import Role
from skillbridge.people.selectors import memberships_for
from skillbridge.portal.dashboards import (
    applicant,
    coordinator,
    donor,
    expert,
    finance,
    officer,
    reviewer,
)
from skillbridge.portal.dashboards.lines import Task

BUILDERS = {
    Role.APPLICANT: applicant.tasks,
    Role.COLLEGE_COORDINATOR: coordinator.tasks,
    Role.REVIEWER: reviewer.tasks,
    Role.EXPERT: expert.tasks,
    Role.DONOR_VIEWER: donor.tasks,
    Role.PROGRAMME_OFFICER: officer.tasks,
    Role.FINANCE_OFFICER: finance.tasks,
}


@dataclass
class Section:
    """One role a person holds in one programme, with its task lines."""

    membership: object
    tasks: list[Task] = field(default_factory=list)


def sections_for(user) -> list[Section]:
    """The user's roles, each with the work waiting for them in that role."""
    sections = []
    for membership in memberships_for(user):
        builder = BUILDERS.get(membership.role)
        sections.append(Section(membership, builder(user, membership) if builder else []))
    return sections


__all__ = ["Section", "Task", "sections_for"]
