"""The demo step: every state, expert@example.org's two missions, and idempotence."""

import pytest

from skillbridge.demo.missions import seed_missions
from skillbridge.demo.pairing import seed_pairing
from skillbridge.demo.people import demo_user
from skillbridge.missions.models import Mission, Session, Survey
from skillbridge.missions.selectors import head_counts
from tests.demo.test_pairing import demo_winners  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        sorted(Mission.objects.values_list("title", "state")),
        Session.objects.count(),
        Survey.objects.count(),
    )


def test_the_demo_has_every_state_and_the_professionals_two_missions(
    demo_winners,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        seed_pairing()
        seed_missions()
    assert set(Mission.objects.values_list("state", flat=True)) == set(Mission.State.values)
    mine = Mission.objects.filter(expert__user=demo_user("expert@example.org"))
    tot = mine.get(state=Mission.State.COMPLETED)
    assert tot.kind == Mission.Kind.TOT
    assert tot.host_college.short_name == "IPRC Kigali"
    assert head_counts(tot.sessions.all())["total"] == 47
    assert tot.participants.count() == 5
    answered = tot.surveys.filter(answered_at__isnull=False)
    assert set(answered.values_list("wave", flat=True)) == {"t0", "t1"}
    assert tot.certificates.count() == 6
    remote = mine.get(state=Mission.State.UNDER_WAY)
    assert remote.kind == Mission.Kind.REMOTE
    assert remote.sessions.count() == 2

    before = _snapshot()
    seed_missions()
    assert _snapshot() == before
