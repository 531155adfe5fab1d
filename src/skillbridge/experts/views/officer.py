"""The programme officer's pages: the pool, vetting, CVs and the skills taxonomy.

Every view here: programme officers only. Non-members of the programme get
404, members without the officer role (coordinators, donors, applicants,
reviewers, experts) get 403: professionals' personal data never reaches them.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillbridge.common.access import personal_data_read
from skillbridge.common.background import export_start
from skillbridge.common.countries import country_name
from skillbridge.common.forms import show_errors
from skillbridge.common.permissions import require
from skillbridge.common.uploads import private_file_response
from skillbridge.experts import exports
from skillbridge.experts.forms import MergeForm, PoolFilterForm, ReasonForm
from skillbridge.experts.languages import language_label
from skillbridge.experts.models import ExpertProfile
from skillbridge.experts.selectors import (
    PoolFilters,
    free_skills,
    pool_page,
    pool_rows,
    pool_search,
    profile_completeness,
    profile_for,
    sectors_and_languages,
    taxonomy_skills,
)
from skillbridge.experts.services.claims import claim_invitation_resend
from skillbridge.experts.services.skills import skill_merge
from skillbridge.experts.services.vetting import profile_approve, profile_reject, profile_suspend
from skillbridge.people.selectors import active_consent, programme_for, roles_by_programme
from skillbridge.programmes.models import Programme


def _filters(form: PoolFilterForm) -> PoolFilters:
    if not form.is_valid():
        return PoolFilters()
    data = form.cleaned_data
    return PoolFilters(
        text=data["q"].strip(),
        sector=data["sector"],
        skill=data["skill"],
        language=data["language"],
        country=data["country"],
        available_from=data["available_from"],
        available_to=data["available_to"],
        modality=data["modality"],
        state=data["state"],
    )


def _labelled(profiles: list[ExpertProfile]) -> list[ExpertProfile]:
    """Give each row of the pool its labels, each looked up once per page: Django's
    get_state_display and a country per row were a large part of the page's time."""
    states = {value: str(label) for value, label in ExpertProfile.State.choices}
    modalities = {"onsite": _("on site"), "remote": _("remote")}
    countries: dict[str, str] = {}
    sectors, languages = sectors_and_languages(profiles)
    for profile in profiles:
        code = profile.country.code
        if code and code not in countries:
            countries[code] = country_name(code)
        profile.country_label = countries.get(code, "")
        profile.state_label = states.get(profile.state, profile.state)
        profile.modalities_label = ", ".join(modalities[m] for m in profile.modalities) or "—"
        profile.sector_labels = sectors[profile.pk]
        profile.language_labels = [language_label(code) for code in languages[profile.pk]]
    return profiles


def _page_key(value: str | None) -> int | None:
    # A key that is not a number (an edited address) shows the first page.
    return int(value) if value and value.isdigit() else None


@login_required
def pool_home(request):
    """Programme officers: the pool of the first programme they run (for the menu)."""
    require(request.user, "experts.open_pool")
    member_of = Programme.objects.filter(pk__in=list(roles_by_programme(request.user)))
    programme = next(
        p for p in member_of.order_by("name") if request.user.has_perm("experts.search_pool", p)
    )
    return redirect("experts:pool", programme.slug)


@login_required
def pool(request, slug: str):
    """Programme officers: search the pool; `?export=csv|xlsx` builds the result as a file
    in the background (a progress page, then the download and a mail)."""
    programme = programme_for(request.user, slug, "experts.search_pool")
    form = PoolFilterForm(request.GET or None)
    filters = _filters(form)
    export = request.GET.get("export")
    if export in exports.FORMATS:
        job = export_start(
            user=request.user,
            builder="skillbridge.experts.exports.pool_file",
            params={
                "programme": programme.pk,
                "reader": request.user.pk,
                "format": export,
                "filters": exports.filters_as_params(filters),
            },
            title=_("Professionals of %(programme)s (%(format)s)")
            % {"programme": programme.name, "format": export.upper()},
        )
        return redirect(job.get_absolute_url())
    profiles = pool_rows(pool_search(programme, filters))
    page = pool_page(profiles, after=_page_key(request.GET.get("after")))
    _labelled(page.object_list)
    personal_data_read(
        reader=request.user, records=page.object_list, what="pool", via="web", scope=programme
    )
    query = request.GET.copy()
    query.pop("after", None)
    query.pop("export", None)
    return render(
        request,
        "experts/pool.html",
        {"programme": programme, "form": form, "page": page, "query": query.urlencode()},
    )


def _profile_page(request, programme, profile, form, *, status: int = 200):
    personal_data_read(reader=request.user, records=[profile], what="profile", via="web")
    return render(
        request,
        "experts/pool_profile.html",
        {
            "programme": programme,
            "profile": profile,
            "completeness": profile_completeness(profile),
            "consent": active_consent(profile.user, programme),
            "not_submitted": profile.state == ExpertProfile.State.REGISTERED,
            "form": form,
        },
        status=status,
    )


def _pool_profile(request, slug: str, pk: int):
    programme = programme_for(request.user, slug)
    return programme, profile_for(request.user, pk, "experts.vet_profile", programme=programme)


@login_required
def pool_profile(request, slug: str, pk: int):
    """Programme officers: one professional's profile, with the vetting actions."""
    programme, profile = _pool_profile(request, slug, pk)
    return _profile_page(request, programme, profile, ReasonForm())


# Each vetting action and the service that takes it.
VETTING = {"approve": profile_approve, "reject": profile_reject, "suspend": profile_suspend}


@require_POST
@login_required
def pool_vet(request, slug: str, pk: int):
    """Programme officers: approve, reject (with reason) or suspend (with reason)."""
    programme, profile = _pool_profile(request, slug, pk)
    form = ReasonForm(request.POST)
    if form.is_valid():
        action = form.cleaned_data["action"]
        reason = {"reason": form.cleaned_data["reason"]} if action != "approve" else {}
        try:
            VETTING[action](profile=profile, officer=request.user, **reason)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The professional's profile is updated and they are told."))
            return redirect("experts:pool_profile", slug, pk)
    return _profile_page(request, programme, profile, form, status=400)


@require_POST
@login_required
def pool_invite(request, slug: str, pk: int):
    """Programme officers: mail an imported professional a fresh link to claim their account."""
    _programme, profile = _pool_profile(request, slug, pk)
    try:
        claim_invitation_resend(profile=profile, officer=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("A new invitation to claim the account is on its way."))
    return redirect("experts:pool_profile", slug, pk)


@login_required
def pool_cv(request, slug: str, pk: int):
    """Programme officers: download a professional's CV (logged)."""
    _programme, profile = _pool_profile(request, slug, pk)
    if not profile.cv:
        raise Http404
    personal_data_read(reader=request.user, records=[profile], what="cv", via="web")
    return private_file_response(profile.cv, filename=f"cv-{profile.pk}.pdf")


@login_required
def skills(request, slug: str):
    """Programme officers: free-text skills, and merging them into the taxonomy."""
    programme = programme_for(request.user, slug, "experts.manage_skills")
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            skill_merge(
                free_skill=form.cleaned_data["free_skill"],
                into=form.cleaned_data["into"],
                officer=request.user,
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The skill is merged."))
            return redirect("experts:skills", slug)
    return render(
        request,
        "experts/skills.html",
        {
            "programme": programme,
            "free": free_skills(),
            "taxonomy": taxonomy_skills(),
            "form": form,
        },
    )
