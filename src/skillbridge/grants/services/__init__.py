"""Every write about grants, one function per state change.

- `awards`: award a grant, set its budget and schedule, accept the agreement,
  suspend, resume, terminate and close it.
- `milestones`: evidence submitted, approved or returned.
- `payments`: the disbursement ledger (payments and reversals).
- `spending`: expenses and financial reports.
"""
