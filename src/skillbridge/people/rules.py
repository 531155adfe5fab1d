"""Permission predicates about programme roles.

Every predicate takes (user, programme). Nothing is allowed unless a rule
says so: views call `require()` from skillbridge.common.permissions.
"""

import rules

from skillbridge.people.models import Role
from skillbridge.people.selectors import all_roles, roles_in


def has_role(*wanted: str) -> rules.Predicate:
    wanted_roles = frozenset(wanted)

    @rules.predicate(name=f"has_role({', '.join(sorted(wanted_roles))})")
    def predicate(user, programme) -> bool:
        if programme is None or not user.is_authenticated:
            return False
        return bool(roles_in(user, programme) & wanted_roles)

    return predicate


is_applicant = has_role(Role.APPLICANT)
is_college_coordinator = has_role(Role.COLLEGE_COORDINATOR)
is_reviewer = has_role(Role.REVIEWER)
is_programme_officer = has_role(Role.PROGRAMME_OFFICER)
is_finance_officer = has_role(Role.FINANCE_OFFICER)
is_expert = has_role(Role.EXPERT)
is_donor_viewer = has_role(Role.DONOR_VIEWER)
is_programme_member = has_role(*Role.values)
is_programme_staff = is_programme_officer | is_finance_officer


def has_role_anywhere(*wanted: str) -> rules.Predicate:
    """A predicate on the user alone: holds one of `wanted` in any programme (index pages)."""
    wanted_roles = frozenset(wanted)

    @rules.predicate(name=f"has_role_anywhere({', '.join(sorted(wanted_roles))})")
    def predicate(user) -> bool:
        return user.is_authenticated and bool(all_roles(user) & wanted_roles)

    return predicate


is_applicant_anywhere = has_role_anywhere(Role.APPLICANT)
is_coordinator_anywhere = has_role_anywhere(Role.COLLEGE_COORDINATOR)
is_reviewer_anywhere = has_role_anywhere(Role.REVIEWER)
is_officer_anywhere = has_role_anywhere(Role.PROGRAMME_OFFICER)
is_finance_anywhere = has_role_anywhere(Role.FINANCE_OFFICER)
is_expert_anywhere = has_role_anywhere(Role.EXPERT)
is_donor_anywhere = has_role_anywhere(Role.DONOR_VIEWER)
is_staff_anywhere = is_officer_anywhere | is_finance_anywhere

rules.add_perm("programmes.view_programme", is_programme_member)
rules.add_perm("people.view_programme_people", is_programme_officer)
rules.add_perm("people.read_outbox", is_officer_anywhere)
