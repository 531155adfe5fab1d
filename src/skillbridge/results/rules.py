"""Who may see and change a programme's results. Predicates take (user, programme),
except those about a project's public description, which take (user, proposal)."""

import rules

from skillbridge.people.rules import is_donor_viewer, is_finance_officer, is_programme_officer


@rules.predicate
def is_project_lead(user, proposal) -> bool:
    return proposal is not None and user.is_authenticated and proposal.lead_id == user.pk


rules.add_perm("results.view_results", is_programme_officer | is_finance_officer | is_donor_viewer)
# Staff see every value; everybody else sees values with small groups hidden.
rules.add_perm("results.view_unsuppressed", is_programme_officer | is_finance_officer)
rules.add_perm("results.manage_results", is_programme_officer)
rules.add_perm("results.publish_story", is_project_lead)
