"""The ranking: cached statistics, one row without the rest, downloads, reviews side by side."""

import csv
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from skillbridge.common.models import ExportJob
from skillbridge.review import selectors, services
from skillbridge.review.models import Review
from tests.common.test_pages import assert_clean
from tests.review import test_views
from tests.review.conftest import submit


@pytest.fixture
def reviewed(assigned):
    """Solar dryer scored high with a split panel, Drip kit low, Ticketing app in between."""
    values = {0: [(5, 5, 5), (2, 3, 2)], 1: [(2, 2, 2), (2, 2, 3)], 2: [(4, 4, 4), (4, 3, 4)]}
    for index, proposal in enumerate(assigned):
        reviews = proposal.reviews.filter(status="active").order_by("pk")
        for review, scores in zip(reviews, values[index], strict=True):
            submit(review, values=scores)
    return assigned


def test_the_statistics_are_cached_until_a_review_is_submitted(call, officer, reviewed):
    first = selectors.call_stats(call)
    # A change behind the services' back is not seen: the page reads the cache.
    Review.objects.filter(proposal=reviewed[1]).update(weighted_score="5.000")
    assert selectors.call_stats(call) == first
    extra = services.assignment_add(
        actor=officer, proposal=reviewed[1], reviewer=_third_reviewer(reviewed[1])
    )
    submit(extra, values=(1, 1, 1))
    fresh = selectors.call_stats(call)
    assert fresh[reviewed[1].pk].count == 3
    assert fresh[reviewed[1].pk].mean == pytest.approx((5 + 5 + 1) / 3, abs=0.001)


def test_a_process_keeps_the_statistics_it_read_until_they_change(
    call, reviewed, django_assert_num_queries
):
    first = selectors.call_stats(call)
    cache.delete(f"review:ranking-stats:{call.pk}")  # evicted from the shared cache
    with django_assert_num_queries(0):
        assert selectors.call_stats(call) is first
    Review.objects.filter(proposal=reviewed[1]).update(weighted_score="5.000")
    selectors.ranking_forget(call.pk)
    assert selectors.call_stats(call)[reviewed[1].pk].mean == pytest.approx(5.0)


def test_statistics_stored_before_a_change_are_not_read_after_it(call, reviewed):
    before = selectors.call_stats(call)
    Review.objects.filter(proposal=reviewed[1]).update(weighted_score="5.000")
    selectors.ranking_forget(call.pk)
    # A slow page that computed before the change stores what it read, under the old version.
    cache.set(f"review:ranking-stats:{call.pk}", ("an older version", before))
    assert selectors.call_stats(call)[reviewed[1].pk].mean == pytest.approx(5.0)


def _third_reviewer(proposal):
    taken = set(proposal.reviews.values_list("reviewer_id", flat=True))
    return next(m.reviewer for m in proposal.call.pool.all() if m.reviewer_id not in taken)


def test_one_proposals_row_has_the_rank_the_whole_ranking_gives_it(call, reviewed):
    ranks = {row.proposal.pk: row.rank for row in selectors.ranking(call)}
    # Solar dryer's split panel calibrates above Ticketing app's raw mean.
    assert ranks == {reviewed[0].pk: 1, reviewed[1].pk: 3, reviewed[2].pk: 2}
    for proposal in reviewed:
        assert selectors.ranking_row(call, proposal.pk).rank == ranks[proposal.pk]


def test_ranking_rows_link_to_the_proposal_and_its_reviews(client, call, officer, reviewed):
    client.force_login(officer)
    page = client.get(reverse("review:ranking", args=[call.pk]))
    assert_clean(page)
    html = page.content.decode()
    for proposal in reviewed:
        assert reverse("calls:proposal_detail", args=[proposal.pk]) in html
        assert reverse("review:proposal_reviews", args=[call.pk, proposal.pk]) in html


def test_the_reviews_page_shows_every_review_side_by_side_with_the_flags(
    client, call, officer, reviewed
):
    client.force_login(officer)
    page = client.get(reverse("review:proposal_reviews", args=[call.pk, reviewed[0].pk]))
    assert_clean(page)
    html = page.content.decode()
    assert html.count('<span class="badge flagged">disagree</span>') == 3  # 5 v 2, 5 v 3, 5 v 2
    assert "The reviews disagree" in html
    assert html.count("Solid work.") == 2
    calm = client.get(reverse("review:proposal_reviews", args=[call.pk, reviewed[2].pk]))
    assert "flagged" not in calm.content.decode()


def _download(client, call, file_format, query=None) -> bytes:
    """Start the ranking's background export and read the file it built."""
    url = reverse("review:ranking_export", args=[call.pk, file_format])
    response = client.get(url, query or {})
    job = ExportJob.objects.latest("pk")
    assert response["Location"] == job.get_absolute_url()
    assert job.state == "done", job.error
    with job.file.open("rb") as stored:
        return stored.read()


def test_the_ranking_downloads_as_csv_and_xlsx_with_the_pages_filters(
    client, call, officer, reviewed
):
    client.force_login(officer)
    rows = list(csv.reader(io.StringIO(_download(client, call, "csv").decode("utf-8-sig"))))
    assert rows[0][:3] == ["Rank", "Proposal number", "Proposal"]
    assert [r[2] for r in rows[1:]] == ["Solar dryer", "Ticketing app", "Drip kit"]
    assert rows[1][5:9] == ["2", "3.625", "3.625", "2.75"]  # reviews, mean, median, spread
    assert rows[1][10] == "yes"
    flagged = _download(client, call, "csv", {"flagged": "on"}).decode("utf-8-sig")
    assert [r[2] for r in list(csv.reader(io.StringIO(flagged)))[1:]] == ["Solar dryer"]
    sheet = load_workbook(io.BytesIO(_download(client, call, "xlsx"))).active
    values = list(sheet.values)
    assert [v[2] for v in values[1:]] == ["Solar dryer", "Ticketing app", "Drip kit"]
    assert values[1][0] == 1


def test_an_unknown_download_format_is_not_found(client, call, officer, reviewed):
    client.force_login(officer)
    assert client.get(reverse("review:ranking_export", args=[call.pk, "pdf"])).status_code == 404


@pytest.mark.parametrize(
    "name", ["review:ranking", "review:decide", "review:proposal_reviews", "review:ranking_export"]
)
def test_ranking_pages_make_a_fixed_number_of_queries(
    client, call, officer, reviewed, django_assert_num_queries, name
):
    args = [call.pk, reviewed[0].pk] if name != "review:ranking" else [call.pk]
    if name == "review:ranking_export":
        args = [call.pk, "xlsx"]
    url = reverse(name, args=args)
    client.force_login(officer)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    expected = len(few.captured_queries)  # read now: the next request empties the log
    test_views._more_proposals(call, officer, 12)
    client.get(url)  # the submissions dropped the cached statistics
    with django_assert_num_queries(expected):
        client.get(url)


def test_the_page_sorts_and_filters_every_proposal_and_keeps_their_ranks(
    client, call, officer, reviewed
):
    client.force_login(officer)
    url = reverse("review:ranking", args=[call.pk])
    by_title = client.get(url, {"sort": "title"}).context["rows"]
    assert [(row.proposal.title, row.rank) for row in by_title] == [
        ("Drip kit", 3),
        ("Solar dryer", 1),
        ("Ticketing app", 2),
    ]
    flagged = client.get(url, {"flagged": "on"})
    assert [row.proposal.title for row in flagged.context["rows"]] == ["Solar dryer"]
    assert (flagged.context["shown"], flagged.context["total"]) == (1, 3)
    assert flagged.context["rows"][0].stats.count == 2


def test_a_page_of_the_ranking_builds_only_its_own_rows(call, reviewed):
    placed = selectors.ranking_order(call)
    assert [p.rank for p in placed] == [1, 2, 3]
    rows = selectors.ranking_rows(call, placed[1:2])
    assert [(row.proposal.title, row.rank) for row in rows] == [("Ticketing app", 2)]
    assert rows[0].proposal.college.short_name == reviewed[2].college.short_name


def test_a_process_keeps_the_order_until_a_review_a_decision_or_a_title_changes_it(
    call, officer, reviewed
):
    first = selectors.ranking_order(call)
    assert selectors.ranking_order(call) is first  # nothing changed: not sorted again

    services.decision_stage(actor=officer, proposal=reviewed[1], outcome="selected", reason="r")
    decided = selectors.ranking_order(call)
    assert {p.pk: p.outcome for p in decided}[reviewed[1].pk] == "selected"

    # A rename behind the services' back is still seen: the page reads the columns anew.
    type(reviewed[0]).objects.filter(pk=reviewed[0].pk).update(title="Zinc dryer")
    renamed = selectors.ranking_order(call)
    assert [p.title for p in selectors.sort_and_filter(renamed, sort="title")] == [
        "Drip kit",
        "Ticketing app",
        "Zinc dryer",
    ]

    extra = services.assignment_add(
        actor=officer, proposal=reviewed[1], reviewer=_third_reviewer(reviewed[1])
    )
    submit(extra, values=(5, 5, 5))
    rescored = selectors.ranking_order(call)
    assert rescored is not renamed
    assert {p.pk: p.stats.count for p in rescored}[reviewed[1].pk] == 3


def test_the_default_order_is_the_rank_whatever_the_filters_leave(call, reviewed):
    placed = selectors.ranking_order(call)
    for sort in ("", "calibrated", "not a sort"):
        shown = selectors.sort_and_filter(placed, sort=sort)
        assert [p.rank for p in shown] == [1, 2, 3]
    flagged = selectors.sort_and_filter(placed, flagged=True)
    assert [p.pk for p in flagged] == [reviewed[0].pk]
