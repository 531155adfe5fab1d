"""`seed_demo --scale N`: the demo's activity N times over, each copy whole and apart."""

import pytest
from django.core.management import CommandError, call_command

from skillbridge.calls.models import BudgetLine, Proposal, TeamMember
from skillbridge.demo import scale
from skillbridge.demo.calls import seed_calls
from skillbridge.demo.experts import seed_experts
from skillbridge.demo.people import seed_accounts, seed_organisations
from skillbridge.demo.programmes import seed_programme
from skillbridge.experts.models import ExpertProfile
from skillbridge.people.models import User


@pytest.fixture
def seeded(db):
    seed_organisations()
    seed_programme()
    seed_accounts()
    seed_calls()
    seed_experts()


def test_growing_copies_every_proposal_with_its_own_team_and_budget(seeded):
    proposals, members, lines = (
        Proposal.objects.count(),
        TeamMember.objects.count(),
        BudgetLine.objects.count(),
    )

    scale.grow(3, say=lambda line: None)

    assert Proposal.objects.count() == 3 * proposals
    assert TeamMember.objects.count() == 3 * members
    assert BudgetLine.objects.count() == 3 * lines
    original = Proposal.objects.filter(lead__email="applicant@example.org").order_by("pk").first()
    copy = Proposal.objects.get(title=f"{original.title} (2)")
    # The copy's team is the copy's people: the same names, addresses of their own.
    assert copy.lead.email == "applicant+1@example.org"
    assert copy.lead.full_name == original.lead.full_name
    assert sorted(copy.members.values_list("email", flat=True)) == sorted(
        email.replace("@", "+1@") for email in original.members.values_list("email", flat=True)
    )
    assert copy.budget_lines.count() == original.budget_lines.count()
    assert copy.call_id == original.call_id  # the call is shared, not copied
    assert not User.objects.filter(email__contains="+", is_superuser=True).exists()


def test_the_registry_grows_to_about_five_hundred_professionals_per_unit(seeded):
    per_unit = ExpertProfile.objects.count()
    with_skills = ExpertProfile.objects.filter(skills__isnull=False).distinct().count()

    scale.grow(2, say=lambda line: None)

    copies = round(scale.PROFESSIONALS_PER_UNIT / per_unit)
    assert ExpertProfile.objects.count() == 2 * copies * per_unit
    assert ExpertProfile.objects.filter(skills__isnull=False).distinct().count() == (
        2 * copies * with_skills
    )
    assert User.objects.count() == User.objects.values("email").distinct().count()


def test_rows_created_after_growing_get_keys_of_their_own(seeded):
    scale.grow(2, say=lambda line: None)
    proposal = Proposal.objects.order_by("pk").first()

    line = BudgetLine.objects.create(
        proposal=proposal, item="New", category="equipment", quantity=1, unit_cost_rwf=1
    )

    assert line.pk > BudgetLine.objects.exclude(pk=line.pk).order_by("-pk").first().pk


def test_a_grown_demo_is_not_grown_again(seeded):
    scale.grow(2, say=lambda line: None)
    assert scale.is_grown()

    with pytest.raises(CommandError, match="already holds a grown demo"):
        call_command("seed_demo", "--scale", "2", "--force")


def test_the_scale_must_be_at_least_one(db):
    with pytest.raises(CommandError, match="--scale must be 1 or more"):
        call_command("seed_demo", "--scale", "0")
