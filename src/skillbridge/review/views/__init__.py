"""Pages of review and selection: reviewers, officers, and the applicants' outcome."""
