"""The donor report's project stories, each told from its own grant's data.

A story is the project's summary and what it did by the end of the period: the
milestones reached, the sessions its professionals held, and the people trained,
by sex. Four queries whatever the number of projects. People are counted as the
indicators count them (results.indicators.missions): per mission, the biggest
session; a count below five is shown as "<5", as everywhere in a donor's view.
"""

from collections import defaultdict
from dataclasses import asdict, dataclass
from decimal import Decimal

from django.db.models import Count, Max, Q, Sum
from django.utils.translation import gettext as _

from skillbridge.grants.models import Grant, Milestone
from skillbridge.missions.models import Session
from skillbridge.results.disclosure import SMALL, THRESHOLD
from skillbridge.results.indicators import cutoff
from skillbridge.results.models import PeriodSnapshot, ReportingPeriod


@dataclass
class ProjectStory:
    title: str
    college: str
    sector: str
    summary: str
    milestones_reached: int
    milestones: int
    sessions: int
    hours: Decimal
    women: int
    men: int

    @staticmethod
    def _people(count: int) -> str:
        return SMALL if 0 < count < THRESHOLD else str(count)

    @property
    def facts(self) -> str:
        """What the project did, in one sentence per kind of work, in the active language."""
        return " ".join(
            (
                _("Milestones reached: %(reached)s of %(total)s.")
                % {"reached": self.milestones_reached, "total": self.milestones},
                _("Sessions held with diaspora professionals: %(sessions)s (%(hours)s hours).")
                % {"sessions": self.sessions, "hours": self.hours.normalize()},
                _("People trained: %(women)s women and %(men)s men.")
                % {"women": self._people(self.women), "men": self._people(self.men)},
            )
        )


def _milestones(grants) -> dict[int, tuple[int, int]]:
    rows = (
        Milestone.objects.filter(tranche__grant__in=grants)
        .order_by()
        .values("tranche__grant")
        .annotate(total=Count("pk"), reached=Count("pk", filter=Q(state="approved")))
    )
    return {row["tranche__grant"]: (row["reached"], row["total"]) for row in rows}


def _sessions(programme, period) -> tuple[dict, dict]:
    """Per project: (sessions, hours), and (women, men) trained."""
    held = Session.objects.filter(
        mission__programme=programme,
        mission__pairing__need__proposal__isnull=False,
        held_on__lte=period.ends_on,
    ).order_by()
    totals = {
        row["mission__pairing__need__proposal"]: (row["n"], row["hours"] or Decimal(0))
        for row in held.values("mission__pairing__need__proposal").annotate(
            n=Count("pk"), hours=Sum("hours")
        )
    }
    people: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    # One row per mission: the biggest session of each sex, as the indicators count people.
    for row in held.values("mission", "mission__pairing__need__proposal").annotate(
        women=Max("students_female") + Max("trainers_female"),
        men=Max("students_male") + Max("trainers_male"),
    ):
        project = people[row["mission__pairing__need__proposal"]]
        project[0] += row["women"] or 0
        project[1] += row["men"] or 0
    return totals, people


def project_stories(programme, period) -> list[ProjectStory]:
    """One story per grant awarded by the end of `period`, in the order of their titles."""
    grants = (
        Grant.objects.filter(programme=programme, awarded_at__lt=cutoff(period))
        .select_related("proposal__college", "proposal__sector")
        .order_by("proposal__title")
    )
    milestones = _milestones(grants)
    sessions, people = _sessions(programme, period)
    stories = []
    for grant in grants:
        proposal = grant.proposal
        reached, total = milestones.get(grant.pk, (0, 0))
        held, hours = sessions.get(proposal.pk, (0, Decimal(0)))
        women, men = people.get(proposal.pk, (0, 0))
        stories.append(
            ProjectStory(
                title=proposal.title,
                college=str(proposal.college or ""),
                sector=str(proposal.sector or ""),
                summary=proposal.summary,
                milestones_reached=reached,
                milestones=total,
                sessions=held,
                hours=hours,
                women=women,
                men=men,
            )
        )
    return stories


def stories_to_json(stories: list[ProjectStory]) -> list[dict]:
    return [{**asdict(story), "hours": str(story.hours)} for story in stories]


def stories_of(programme, period) -> list[ProjectStory]:
    """The stories a period's report tells: frozen at closing, from today's data otherwise
    (also for a period closed before stories were frozen)."""
    if isinstance(period, ReportingPeriod) and period.is_closed:
        frozen = PeriodSnapshot.objects.filter(period=period).values_list("stories", flat=True)
        data = frozen.first()
        if data is not None:
            return [ProjectStory(**{**story, "hours": Decimal(story["hours"])}) for story in data]
    return project_stories(programme, period)
