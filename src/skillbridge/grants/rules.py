"""Who may do what with a grant, and when.

Grant permissions take (user, grant); the others take the object they are
about (a milestone, a ledger entry, an expense, a financial report) and
reach its grant. The team, its lead and the programme's roles are defined
once (calls.rules, people.rules) and asked of the grant's proposal and
programme. Accessors answer 404 to outsiders first (grants.selectors).

Two kinds of permissions, as in calls.rules: who may take a step at all
(views answer 403 without it; the service then refuses, with its message, a
step the state does not allow), and, ending in `_now`, who may take it in
the present state (grants.states): templates show a button only then.
"""

import rules

from skillbridge.calls.rules import is_team_lead, is_team_member
from skillbridge.common.permissions import via
from skillbridge.grants.states import (
    AMENDABLE,
    AMENDMENT,
    FINANCIAL_REPORT,
    GRANT,
    MILESTONE,
    is_running,
    is_unreversed_payment,
    no_pending_amendment,
    terms_open,
)
from skillbridge.people.rules import is_finance_officer, is_programme_officer

is_grant_officer = via("programme", is_programme_officer)
is_grant_finance_officer = via("programme", is_finance_officer)
is_grant_team_member = via("proposal", is_team_member)
is_grant_lead = via("proposal", is_team_lead)
sees_grant = is_grant_officer | is_grant_finance_officer | is_grant_team_member

rules.add_perm("grants.view_grant", sees_grant)
rules.add_perm("grants.manage_grant", is_grant_officer)
rules.add_perm("grants.pay_grant", is_grant_finance_officer)
rules.add_perm("grants.accept_agreement", is_grant_lead)
rules.add_perm("grants.report_on_grant", is_grant_team_member)

rules.add_perm("grants.accept_agreement_now", is_grant_lead & GRANT.allows("accept_agreement"))
rules.add_perm("grants.change_terms_now", is_grant_officer & terms_open)
rules.add_perm("grants.suspend_grant_now", is_grant_officer & GRANT.allows("suspend"))
rules.add_perm("grants.resume_grant_now", is_grant_officer & GRANT.allows("resume"))
rules.add_perm("grants.terminate_grant_now", is_grant_officer & GRANT.allows("terminate"))
rules.add_perm("grants.close_grant_now", is_grant_officer & GRANT.allows("close"))
rules.add_perm("grants.report_on_grant_now", is_grant_team_member & is_running)

# Amendments of the accepted terms: asked by the team lead or the officer, decided by the officer.
may_amend = is_grant_lead | is_grant_officer
rules.add_perm("grants.request_amendment", may_amend)
rules.add_perm(
    "grants.request_amendment_now", may_amend & AMENDABLE.allows() & no_pending_amendment
)
rules.add_perm("grants.decide_amendment", is_grant_officer)
# (user, amendment)
rules.add_perm(
    "grants.decide_amendment_now", via("grant", is_grant_officer) & AMENDMENT.allows("approve")
)

# Milestones: (user, milestone).
rules.add_perm("grants.view_evidence", via("tranche.grant", sees_grant))
rules.add_perm("grants.submit_evidence", via("tranche.grant", is_grant_team_member))
rules.add_perm("grants.review_milestone", via("tranche.grant", is_grant_officer))
rules.add_perm(
    "grants.submit_evidence_now",
    via("tranche.grant", is_grant_team_member & is_running) & MILESTONE.allows("submit"),
)
rules.add_perm(
    "grants.review_milestone_now",
    via("tranche.grant", is_grant_officer) & MILESTONE.allows("approve"),
)

# The ledger, receipts and financial reports: (user, entry / expense / report).
rules.add_perm("grants.reverse_payment", via("grant", is_grant_finance_officer))
rules.add_perm(
    "grants.reverse_payment_now", via("grant", is_grant_finance_officer) & is_unreversed_payment
)
rules.add_perm("grants.view_receipt", via("grant", sees_grant))
rules.add_perm("grants.view_report", via("grant", sees_grant))
rules.add_perm("grants.review_report", via("grant", is_grant_officer))
rules.add_perm(
    "grants.review_report_now",
    via("grant", is_grant_officer) & FINANCIAL_REPORT.allows("approve"),
)

# Per programme: (user, programme).
rules.add_perm("grants.award_grant", is_programme_officer)
rules.add_perm("grants.view_programme_grants", is_programme_officer | is_finance_officer)
rules.add_perm("grants.pay_programme", is_finance_officer)
# The partners and the signatory printed on the programme's documents.
rules.add_perm("grants.edit_programme_documents", is_programme_officer)
