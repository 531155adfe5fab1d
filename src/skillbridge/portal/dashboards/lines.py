"""A dashboard line, and the one-query count behind each queue."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Min, QuerySet
from django.utils.functional import Promise


@dataclass(frozen=True)
class Task:
    """One line of a dashboard: what to do, how many, since when or by when, and where.

    `count` is None for a line that is not a queue (a proposal, the next mission).
    """

    text: str | Promise
    url: str
    count: int | None = None
    oldest: datetime.date | datetime.datetime | None = None
    due: datetime.date | datetime.datetime | None = None
    details: tuple[str, ...] = ()
    figure: object = None  # a results `Shown` headline, rendered as the results pages do

    @property
    def is_empty(self) -> bool:
        return self.count == 0


@dataclass(frozen=True)
class Waiting:
    count: int
    oldest: datetime.date | datetime.datetime | None


def waiting(queryset: QuerySet, oldest: str) -> Waiting:
    """How many rows wait and the oldest value of `oldest`, in one query."""
    figures = queryset.aggregate(count=Count("pk"), oldest=Min(oldest))
    return Waiting(figures["count"], figures["oldest"])
