"""Who may see and change a programme's results, and when.

Programme permissions take (user, programme); period permissions take
(user, period) and ask the same roles of its programme; the public
description of a funded project is its team lead's, (user, proposal).
Accessors answer 404 to outsiders first (results.selectors).

Two kinds of period permissions, as in calls.rules: who may take a step at
all (views answer 403 without it; the service then refuses, with its
message, a step the state does not allow), and, ending in `_now`, who may
take it in the period's present state (results.states): templates show a
link or a button only then.
"""

import rules

from skillbridge.calls.rules import is_team_lead
from skillbridge.common.permissions import via
from skillbridge.people.rules import is_donor_viewer, is_finance_officer, is_programme_officer
from skillbridge.results.states import is_open, may_close

reads_results = is_programme_officer | is_finance_officer | is_donor_viewer
is_period_officer = via("programme", is_programme_officer)

rules.add_perm("results.view_results", reads_results)
# Staff see every value; everybody else sees values with small groups hidden.
rules.add_perm("results.view_unsuppressed", is_programme_officer | is_finance_officer)
rules.add_perm("results.manage_results", is_programme_officer)
rules.add_perm("results.publish_story", is_team_lead)

# Periods: (user, period).
rules.add_perm("results.view_period", via("programme", reads_results))
rules.add_perm("results.manage_period", is_period_officer)
rules.add_perm("results.edit_period_now", is_period_officer & is_open)
rules.add_perm("results.close_period_now", is_period_officer & may_close)
