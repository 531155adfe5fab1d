"""The reviewer: reviews done of those assigned, the deadline, and conflicts to declare."""

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils.translation import ngettext

from skillbridge.portal.dashboards.lines import Task
from skillbridge.review.models import Review


def tasks(user, membership) -> list[Task]:
    if not user.has_perm("review.list_own_reviews"):
        return []
    figures = Review.objects.filter(
        reviewer=user,
        proposal__call__programme=membership.programme,
        status=Review.Status.ACTIVE,
    ).aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(submitted_at__isnull=False)),
        to_declare=Count("pk", filter=Q(declaration=Review.Declaration.PENDING)),
        due=Min("proposal__call__reviews_by", filter=Q(submitted_at__isnull=True)),
    )
    mine = reverse("review:mine")
    return [
        Task(
            ngettext(
                "%(done)s of %(total)s review done",
                "%(done)s of %(total)s reviews done",
                figures["total"],
            )
            % {"done": figures["done"], "total": figures["total"]},
            mine,
            figures["total"] - figures["done"],
            due=figures["due"],
        ),
        Task(
            ngettext(
                "%(count)s conflict of interest to declare",
                "%(count)s conflicts of interest to declare",
                figures["to_declare"],
            )
            % {"count": figures["to_declare"]},
            mine,
            figures["to_declare"],
        ),
    ]
