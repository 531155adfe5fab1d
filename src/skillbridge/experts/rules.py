"""Who may do what with professionals' profiles.

Professionals' personal data goes to the programme officers who vet and pair
them, and to the professional themselves: never to coordinators, applicants,
reviewers or donors (DESIGN §2, §5).

The profile's permissions ending in `_now` add what its vetting state allows
(see `experts.states`): templates show a button only then, while views ask
the permission without the state and the service refuses, with its message,
a step the state does not allow.
"""

import rules

from skillbridge.common.permissions import via
from skillbridge.experts.states import PROFILE
from skillbridge.people.rules import is_expert, is_officer_anywhere, is_programme_officer


@rules.predicate
def is_profile_owner(user, profile) -> bool:
    return profile is not None and user.is_authenticated and profile.user_id == user.pk


is_officer_of_profile = via("programme", is_programme_officer)


@rules.predicate
def awaits_claim(user, profile) -> bool:
    return profile is not None and profile.awaits_claim


# Index pages:
rules.add_perm("experts.open_pool", is_officer_anywhere)
# On a programme:
rules.add_perm("experts.search_pool", is_programme_officer)
rules.add_perm("experts.vet", is_programme_officer)
rules.add_perm("experts.import", is_programme_officer)
rules.add_perm("experts.manage_skills", is_programme_officer)
# Sectors and qualification levels: their names in each language (the taxonomy pages).
rules.add_perm("experts.edit_labels", is_programme_officer)
rules.add_perm("experts.keep_own_profile", is_expert)
# On a profile:
rules.add_perm("experts.view_profile", is_profile_owner | is_officer_of_profile)
rules.add_perm("experts.vet_profile", is_officer_of_profile)
# On a profile, in its present state:
rules.add_perm("experts.submit_profile_now", is_profile_owner & PROFILE.allows("submit"))
rules.add_perm("experts.approve_profile_now", is_officer_of_profile & PROFILE.allows("approve"))
rules.add_perm("experts.reject_profile_now", is_officer_of_profile & PROFILE.allows("reject"))
rules.add_perm("experts.suspend_profile_now", is_officer_of_profile & PROFILE.allows("suspend"))
rules.add_perm("experts.invite_profile_now", is_officer_of_profile & awaits_claim)
