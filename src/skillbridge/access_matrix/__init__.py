"""Who gets what: every URL pattern and every API operation, for every demo role.

This table is the reference for "who may" (issue 13): tests/matrix requests
every row as every demo account of DESIGN.md, and anonymously, against the
seeded demo, on SQLite and on PostgreSQL. A URL pattern or API operation
without a row fails the suite, so a new page starts here.

The rule the rows follow (DESIGN §2 and §4, docs/architecture.md):

- Anonymous: pages that need an account send them to sign in (SIGN_IN);
  the API answers 401. Public pages answer 200.
- A page or endpoint about one object (its URL names a proposal, grant,
  mission...) answers 404 to whoever may not see that object at all (another
  team's applicant, another college's coordinator, another professional, a
  donor, someone outside the programme), 403 to whoever may see it but lacks
  the right, and 200 (a form or a page) to whoever holds the right. What each
  role may see is DESIGN §2's "sees" column, as the app's `*_visible_to`
  selectors and `view_*` rules state it.
- A programme's own pages (the URL names the programme by its slug: an
  officer's pool, a dashboard...) answer 404 to anyone without a role in
  the programme and 403 to its members without the right, whatever else the
  URL names: the right is the programme's, and nothing is read before it.
  So do the programme's own objects, which belong to no team, college or
  professional (a reporting period): their pages are the programme's too.
- Index pages (no object in the URL) answer 403 to whoever holds the right
  in no programme, and personal pages (one's own dashboard, proposals,
  missions) answer 200 to anyone signed in.
- A site administrator's rights stay in the admin site: on these pages the
  admin account is someone signed in without any programme role.

A page that only accepts POST is sent an empty body, so the right is tested
without changing anything worth keeping (each test's writes are rolled
back): DONE means the request got past the access checks (200, 400 or a
redirect elsewhere than the sign-in page). GET pages answer exactly 200
unless the row says otherwise.
"""

from skillbridge.access_matrix import (
    pages_calls,
    pages_common,
    pages_experts,
    pages_grants,
    pages_missions,
    pages_pairing,
    pages_people,
    pages_results,
    pages_review,
    pages_site,
)
from skillbridge.access_matrix.api import API, EXCLUDED
from skillbridge.access_matrix.shapes import (
    ANONYMOUS,
    DONE,
    MEMBERS,
    OBJECTS,
    ROLES,
    SIGN_IN,
    SIGNED_IN,
)

# One table, assembled from one module per app so that each app's rows live apart.
PAGES = {
    **pages_site.PAGES,
    **pages_people.PAGES,
    **pages_calls.PAGES,
    **pages_review.PAGES,
    **pages_grants.PAGES,
    **pages_experts.PAGES,
    **pages_pairing.PAGES,
    **pages_missions.PAGES,
    **pages_results.PAGES,
    **pages_common.PAGES,
}

__all__ = [
    "ANONYMOUS",
    "API",
    "DONE",
    "EXCLUDED",
    "MEMBERS",
    "OBJECTS",
    "PAGES",
    "ROLES",
    "SIGNED_IN",
    "SIGN_IN",
]
