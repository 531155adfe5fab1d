"""Who may do what with a grant. Every predicate takes (user, grant)."""

import rules

from skillbridge.people.rules import is_finance_officer, is_programme_officer


@rules.predicate
def is_grant_officer(user, grant) -> bool:
    return grant is not None and is_programme_officer(user, grant.programme)


@rules.predicate
def is_grant_finance_officer(user, grant) -> bool:
    return grant is not None and is_finance_officer(user, grant.programme)


@rules.predicate
def is_grant_team_member(user, grant) -> bool:
    """A joined member of the funded team (the lead is always one)."""
    if grant is None or not user.is_authenticated:
        return False
    return grant.proposal.members.filter(user=user, status="joined").exists()


@rules.predicate
def is_grant_lead(user, grant) -> bool:
    return grant is not None and user.is_authenticated and grant.proposal.lead_id == user.pk


rules.add_perm(
    "grants.view_grant", is_grant_officer | is_grant_finance_officer | is_grant_team_member
)
rules.add_perm("grants.manage_grant", is_grant_officer)
rules.add_perm("grants.pay_grant", is_grant_finance_officer)
rules.add_perm("grants.accept_agreement", is_grant_lead)
rules.add_perm("grants.report_on_grant", is_grant_team_member)
# Per programme: (user, programme).
rules.add_perm("grants.award_grant", is_programme_officer)
rules.add_perm("grants.view_programme_grants", is_programme_officer | is_finance_officer)
