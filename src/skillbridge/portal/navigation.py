"""The site's navigation: one list, filtered by the roles a person holds."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from skillbridge.people.models import Role
from skillbridge.people.selectors import all_roles

EVERYONE_SIGNED_IN = frozenset({"*"})
STAFF = frozenset({Role.PROGRAMME_OFFICER, Role.FINANCE_OFFICER})


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    roles: frozenset[str]

    def visible_to(self, roles: frozenset[str]) -> bool:
        return self.roles is EVERYONE_SIGNED_IN or bool(self.roles & roles)


NAVIGATION = [
    NavItem(_("Dashboard"), "dashboard", EVERYONE_SIGNED_IN),
    NavItem(_("Open calls"), "calls:open_calls", EVERYONE_SIGNED_IN),
    NavItem(_("My proposals"), "calls:my_proposals", frozenset({Role.APPLICANT})),
    NavItem(_("Calls"), "calls:calls_manage", frozenset({Role.PROGRAMME_OFFICER})),
    NavItem(
        _("Proposals"),
        "calls:proposal_list",
        frozenset({Role.PROGRAMME_OFFICER, Role.COLLEGE_COORDINATOR}),
    ),
    NavItem(_("Review"), "review:index", frozenset({Role.PROGRAMME_OFFICER})),
    NavItem(_("My reviews"), "review:mine", frozenset({Role.REVIEWER})),
    NavItem(_("Mail outbox"), "portal:outbox", frozenset({Role.PROGRAMME_OFFICER})),
    NavItem(_("My professional profile"), "experts:register", frozenset({Role.EXPERT})),
    NavItem(_("Professionals"), "experts:pool_home", frozenset({Role.PROGRAMME_OFFICER})),
    NavItem(_("Grants"), "grants:home", STAFF | {Role.APPLICANT}),
    NavItem(_("Pairing"), "pairing:index", frozenset({Role.PROGRAMME_OFFICER})),
    NavItem(_("My pairings"), "pairing:mine", frozenset({Role.EXPERT})),
    NavItem(
        _("Missions"),
        "missions:list",
        frozenset({Role.PROGRAMME_OFFICER, Role.EXPERT, Role.COLLEGE_COORDINATOR, Role.APPLICANT}),
    ),
    NavItem(_("Results"), "results:home", STAFF | {Role.DONOR_VIEWER}),
    NavItem(_("Public project descriptions"), "results:stories", frozenset({Role.APPLICANT})),
    NavItem(_("API"), "api:docs", STAFF),
    NavItem(_("My account"), "people:account", EVERYONE_SIGNED_IN),
]


def menu_for(user) -> list[dict]:
    if not user.is_authenticated:
        return []
    roles = all_roles(user)
    return [
        {"label": item.label, "url": reverse(item.url_name), "name": item.url_name}
        for item in NAVIGATION
        if item.visible_to(roles)
    ]
