"""Who may do what in pairing.

Officers of the programme state needs, run the matching and move pairings;
the professional answers their own invitations. Coordinators and donors see
no individual professional; a project team sees its mentor only once the
pairing is accepted (see selectors).
"""

import rules

from skillbridge.people.rules import is_applicant, is_programme_officer


@rules.predicate
def is_pairing_professional(user, pairing) -> bool:
    return pairing is not None and user.is_authenticated and pairing.expert.user_id == user.pk


@rules.predicate
def is_officer_of_pairing(user, pairing) -> bool:
    return pairing is not None and is_programme_officer(user, pairing.programme)


# On a programme:
rules.add_perm("pairing.manage", is_programme_officer)
# On a pairing:
rules.add_perm("pairing.answer_pairing", is_pairing_professional)
rules.add_perm("pairing.manage_pairing", is_officer_of_pairing)
rules.add_perm("pairing.view_mentors", is_applicant)
