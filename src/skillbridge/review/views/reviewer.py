"""Reviewers: their assignments, the declaration of interests, the review form."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from skillbridge.common.bounds import as_id
from skillbridge.common.forms import show_errors
from skillbridge.common.permissions import require
from skillbridge.common.uploads import private_file_response
from skillbridge.review import selectors, services
from skillbridge.review.forms import DeclarationForm, ReviewForm


@login_required
def mine(request):
    """Reviewers: their current assignments, grouped by call (empty for anyone else)."""
    reviews = list(selectors.reviews_of(request.user))
    grouped = [(c, list(i)) for c, i in groupby(reviews, key=lambda r: r.proposal.call)]
    # Each call with its assignments and the progress: (done, assigned).
    calls = [(call, items, *selectors.review_progress(items)) for call, items in grouped]
    return render(request, "review/mine.html", {"calls": calls})


@login_required
def declare(request, pk: int):
    """The assigned reviewer, before opening: title, college and team only; declare interests."""
    review = selectors.review_for(request.user, pk, perm="review.declare")
    form = DeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.conflict_declare(
                reviewer=request.user,
                review=review,
                conflict_kind=form.conflict_kind,
                detail=form.cleaned_data["detail"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            if form.conflict_kind:
                messages.success(
                    request,
                    _("Thank you. The proposal is withdrawn from you and will be reassigned."),
                )
                return redirect("review:mine")
            return redirect("review:review", pk=review.pk)
    names = selectors.team_names([review.proposal]).get(review.proposal.pk, [])
    return render(request, "review/declare.html", {"review": review, "form": form, "team": names})


def _save(request, review, form) -> bool:
    """Save the draft, or submit it with "submit"; False when the service refused it."""
    values = {
        "scores": form.scores,
        "committee_comment": form.cleaned_data["committee_comment"],
        "applicant_comment": form.cleaned_data["applicant_comment"],
        "recommendation": form.cleaned_data["recommendation"],
    }
    try:
        if "submit" in request.POST:
            services.review_submit(reviewer=request.user, review=review, **values)
            messages.success(request, _("Your review is submitted."))
        else:
            services.review_save(reviewer=request.user, review=review, **values)
            messages.success(request, _("Your draft is saved."))
    except ValidationError as error:
        show_errors(form, error)
        return False
    return True


@login_required
def review(request, pk: int):
    """The assigned reviewer after declaring no conflict: the proposal, the rubric, the form.

    Other reviews of the proposal appear only once the reviewer's own is submitted.
    """
    review = selectors.review_for(request.user, pk)
    if request.user.has_perm("review.declare", review):
        return redirect("review:declare", pk=review.pk)
    require(request.user, "review.open", review)
    criteria = selectors.criteria_of(review.proposal.call)
    initial = {
        "committee_comment": review.committee_comment,
        "applicant_comment": review.applicant_comment,
        "recommendation": review.recommendation,
        **{f"score_{s.criterion_id}": str(s.value) for s in review.scores.all()},
    }
    form = ReviewForm(request.POST or None, initial=initial, criteria=criteria)
    may_write = request.user.has_perm("review.write_now", review)
    if request.method == "POST" and may_write and form.is_valid() and _save(request, review, form):
        return redirect("review:review", pk=review.pk)
    context = {
        "review": review,
        "proposal": review.proposal,
        "form": form,
        "may_write": may_write,
        "criteria": criteria,
        "others": selectors.others_reviews(review),
        "material": selectors.review_material(review),
        "own_scores": {s.criterion_id: s.value for s in review.scores.all()},
    }
    return render(request, "review/review.html", context)


@require_GET
@login_required
def next_review(request, call_pk: int):
    """Reviewers: go to their unsubmitted assignment whose proposal has the fewest reviews."""
    call = selectors.call_for(request.user, call_pk)
    after = request.GET.get("after")
    if after and as_id(after) is None:
        raise Http404
    found = selectors.review_to_open(request.user, call, after=as_id(after) if after else None)
    if found is None:
        messages.success(request, _("You have no reviews left to write in this call."))
        return redirect("review:mine")
    if request.user.has_perm("review.declare", found):
        return redirect("review:declare", pk=found.pk)
    return redirect("review:review", pk=found.pk)


@login_required
def attachment(request, pk: int, attachment_pk: int):
    """The assigned reviewer, once they declared no conflict: download a document of the
    proposal. Never before the declaration, never with a declared or automatic conflict."""
    review = selectors.review_for(request.user, pk, perm="review.open")
    found = selectors.review_attachment(review, attachment_pk)
    return private_file_response(found.file, filename=found.original_name)
