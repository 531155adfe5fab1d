"""The matrix rows of the experts pages (see the package's docstring)."""

from skillbridge.access_matrix.shapes import (
    EXPERTS,
    OFFICER,
    index,
    personal,
    programme_page,
    public,
)

PAGES = {
    # experts ---------------------------------------------------------------------------
    "experts:outreach": public(),
    # A professional who registered already is shown their profile.
    "experts:register": personal(codes=dict.fromkeys(EXPERTS, 302)),
    # The signed link is the right, without an account.
    "experts:claim": public({"token": "claim"}),
    "experts:pool_home": index(ok=(), codes={"officer": 302}),
    "experts:my_profile": programme_page({}, ok=EXPERTS),
    "experts:my_profile_edit": programme_page({}, ok=EXPERTS),
    "experts:my_profile_submit": programme_page({}, ok=EXPERTS, method="post"),
    "experts:my_consent": programme_page({}, ok=EXPERTS),
    "experts:my_data": programme_page({}, ok=EXPERTS),
    # expert2 has no CV to download.
    "experts:my_cv": programme_page({}, ok=("expert",), codes={"expert2": 404}),
    "experts:my_erase": programme_page({}, ok=EXPERTS),
    "experts:pool": programme_page({}, ok=OFFICER),
    "experts:pool_profile": programme_page({"pk": "profile"}, ok=OFFICER),
    "experts:pool_vet": programme_page({"pk": "profile"}, ok=OFFICER, method="post"),
    "experts:pool_cv": programme_page({"pk": "profile"}, ok=OFFICER),
    "experts:pool_invite": programme_page({"pk": "profile"}, ok=OFFICER, method="post"),
    "experts:skills": programme_page({}, ok=OFFICER),
    "experts:skill_new": programme_page({}, ok=OFFICER),
    "experts:skill_edit": programme_page({"pk": "skill"}, ok=OFFICER),
    "experts:labels": programme_page({}, ok=OFFICER),
    "experts:sector_new": programme_page({}, ok=OFFICER),
    "experts:sector_edit": programme_page({"pk": "sector"}, ok=OFFICER),
    "experts:level_new": programme_page({}, ok=OFFICER),
    "experts:level_edit": programme_page({"pk": "qualification_level"}, ok=OFFICER),
    "experts:import_list": programme_page({}, ok=OFFICER),
    "experts:import_detail": programme_page({"pk": "import_batch"}, ok=OFFICER),
    "experts:import_progress": programme_page({"pk": "import_batch"}, ok=OFFICER),
    "experts:import_confirm": programme_page({"pk": "import_batch"}, ok=OFFICER, method="post"),
}
