"""Programme officers: the two mass actions, each previewed before it is confirmed.

Running the reviewer assignment and releasing the decisions show what they
would do (a GET that changes nothing); the officer confirms with a POST that
carries the preview's digest, and the service refuses a stale one.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from skillbridge.review import selectors, services
from skillbridge.review.forms import ConfirmForm, ReleaseForm
from skillbridge.review.models import Review


@dataclass(frozen=True)
class Load:
    reviewer: object
    now: int
    after: int
    limit: int


def _assignment_context(prepared: services.Prepared) -> dict:
    """The preview's tables: who gets what, each reviewer's load, the conflicts avoided."""
    titles = {p.pk: p for p in prepared.proposals}
    people = {m.reviewer_id: m.reviewer for m in prepared.members}
    new, dropped = set(prepared.new_pairs), set(prepared.dropped)
    withdrawn = {(r.proposal_id, r.reviewer_id) for r in prepared.withdrawn}
    final = sorted(prepared.kept | set(prepared.plan.pairs))
    who = {}
    for proposal_id, reviewer_id in final:
        if proposal_id in titles:
            who.setdefault(proposal_id, []).append(
                (people.get(reviewer_id), (proposal_id, reviewer_id) in new)
            )
    change = {m.reviewer_id: 0 for m in prepared.members}
    for pair in new:
        change[pair[1]] = change.get(pair[1], 0) + 1
    for pair in dropped | withdrawn:
        change[pair[1]] = change.get(pair[1], 0) - 1
    loads = [
        Load(m.reviewer, m.load, m.load + change[m.reviewer_id], m.load_limit)
        for m in prepared.members
    ]
    why = {
        Review.Status.CONFLICT: _("conflict declared"),
        Review.Status.REMOVED: _("removed by the officer"),
    }
    same_college = {
        (p.pk, m.reviewer_id)
        for p in prepared.proposals
        for m in prepared.members
        if m.organisation_id and m.organisation_id == p.college_id
    }
    avoided = [
        (
            titles[p],
            people.get(r),
            _("same college") if (p, r) in same_college else _("on the team"),
        )
        for p, r in sorted(prepared.conflicts)
        if p in titles
    ] + [
        (titles[p], people.get(r), why.get(status, status))
        for (p, r), status in sorted(prepared.excluded.items())
        if p in titles and r in people
    ]
    return {
        "who": [
            (titles[pk], reviewers)
            for pk, reviewers in sorted(who.items(), key=lambda i: titles[i[0]].title)
        ],
        "loads": loads,
        "avoided": avoided,
        "new_count": len(new),
        "kept_count": len(prepared.kept),
        "dropped_count": len(dropped),
        "withdrawn_count": len(withdrawn),
        "unfilled": sum(prepared.plan.unfilled.values()),
        "changes": bool(new or dropped or withdrawn),
    }


def _run(request, call):
    """Confirm the run; the redirect says how it went (or that the preview was stale)."""
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Look at the preview before you confirm."))
        return redirect("review:assignment_run", pk=call.pk)
    try:
        summary = services.assignment_run(
            actor=request.user, call=call, digest=form.cleaned_data["digest"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("review:assignment_run", pk=call.pk)
    messages.success(
        request,
        _("%(created)s new assignments, %(kept)s kept, %(dropped)s untouched ones withdrawn.")
        % {"created": summary.created, "kept": summary.kept, "dropped": summary.dropped},
    )
    if summary.unfilled:
        count = len(summary.unfilled)
        messages.warning(
            request,
            ngettext(
                "%(count)s proposal still lacks reviewers: add reviewers or raise load limits.",
                "%(count)s proposals still lack reviewers: add reviewers or raise load limits.",
                count,
            )
            % {"count": count},
        )
    return redirect("review:assignments", pk=call.pk)


@login_required
def assignment_run(request, pk: int):
    """Programme officers: preview the assignment engine's run (GET), then confirm it (POST)."""
    call = selectors.call_for(request.user, pk, perm="review.manage_call")
    if request.method == "POST":
        return _run(request, call)
    prepared = services.assignment_preview(call=call)
    context = {
        "call": call,
        "form": ConfirmForm(initial={"digest": prepared.digest}),
        **_assignment_context(prepared),
    }
    return render(request, "review/assignment_preview.html", context)


def _release(request, call):
    form = ReleaseForm(request.POST, confirming=True)
    back = reverse("review:release", args=[call.pk])
    if not form.is_valid():
        messages.error(request, _("Look at the preview before you confirm."))
        return redirect(back)
    share = form.cleaned_data["share_comments"]
    try:
        count = services.decisions_release(
            actor=request.user, call=call, share_comments=share, digest=form.cleaned_data["digest"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{back}?share_comments=on" if share else back)
    messages.success(
        request,
        ngettext("%(count)s decision released.", "%(count)s decisions released.", count)
        % {"count": count},
    )
    return redirect("review:decisions", pk=call.pk)


@login_required
def release(request, pk: int):
    """Programme officers: preview the release of the staged decisions (GET), then confirm it."""
    call = selectors.call_for(request.user, pk, perm="review.manage_call")
    if request.method == "POST":
        return _release(request, call)
    choice = ReleaseForm(request.GET)
    share = choice.is_valid() and choice.cleaned_data["share_comments"]
    preview = services.release_preview(call=call, share_comments=share)
    form = ReleaseForm(initial={"share_comments": share, "digest": preview.digest}, confirming=True)
    return render(
        request, "review/release_preview.html", {"call": call, "preview": preview, "form": form}
    )
