"""Who may do what with professionals' profiles.

Professionals' personal data goes to the programme officers who vet and pair
them, and to the professional themselves: never to coordinators, applicants,
reviewers or donors (DESIGN §2, §5).
"""

import rules

from skillbridge.people.rules import is_expert, is_programme_officer


@rules.predicate
def is_profile_owner(user, profile) -> bool:
    return profile is not None and user.is_authenticated and profile.user_id == user.pk


@rules.predicate
def is_officer_of_profile(user, profile) -> bool:
    return profile is not None and is_programme_officer(user, profile.programme)


# On a programme:
rules.add_perm("experts.search_pool", is_programme_officer)
rules.add_perm("experts.vet", is_programme_officer)
rules.add_perm("experts.import", is_programme_officer)
rules.add_perm("experts.manage_skills", is_programme_officer)
rules.add_perm("experts.keep_own_profile", is_expert)
# On a profile:
rules.add_perm("experts.view_profile", is_profile_owner | is_officer_of_profile)
rules.add_perm("experts.vet_profile", is_officer_of_profile)
