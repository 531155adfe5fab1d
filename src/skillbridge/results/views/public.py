"""The public impact page, and the team lead's page approving their project's description."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from skillbridge.common.forms import show_errors
from skillbridge.programmes.models import Programme
from skillbridge.results import dashboard, services
from skillbridge.results.forms import StoryForm
from skillbridge.results.selectors import approved_stories, project_for, projects_led_by


def impact(request, slug):
    """Anyone, signed in or not: headline numbers (small groups hidden) and the funded
    projects whose team approved a public description."""
    programme = get_object_or_404(Programme, slug=slug, is_active=True)
    return render(
        request,
        "results/impact.html",
        {
            "programme": programme,
            "headlines": dashboard.headlines(programme),
            "stories": approved_stories(programme),
        },
    )


@login_required
def stories(request):
    """Team leads: their funded projects and whether each has an approved public description."""
    return render(request, "results/stories.html", {"projects": projects_led_by(request.user)})


@login_required
def story(request, proposal_pk):
    """The team lead of a funded project: write and approve, or withdraw, its public
    description. Other members of the programme get 403, outsiders 404."""
    proposal = project_for(request.user, proposal_pk, "results.publish_story")
    existing = getattr(proposal, "story", None)
    if request.method == "POST" and "withdraw" in request.POST:
        services.story_withdraw(actor=request.user, proposal=proposal)
        messages.success(request, _("The description is withdrawn from publication."))
        return redirect("results:stories")
    form = StoryForm(request.POST or None, initial={"text": existing.text} if existing else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.story_approve(
                actor=request.user, proposal=proposal, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The description is approved for publication."))
            return redirect("results:stories")
    return render(
        request,
        "results/story.html",
        {"proposal": proposal, "form": form, "story": existing},
    )
