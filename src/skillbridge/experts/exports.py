"""The pool as a file (CSV or XLSX), built in the background (skillbridge.common.background).

The view checks the officer's right and starts the export with the reader, the
programme and the page's filters; the builder checks the right again (it may
have been withdrawn while the job waited), reads the pool through the same
selector, and logs the read of every professional in the file.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from skillbridge.common.access import personal_data_read
from skillbridge.common.background import ExportFile, export_builder
from skillbridge.common.exports import table_response
from skillbridge.experts.models import ExpertProfile, Skill
from skillbridge.experts.selectors import PoolFilters, pool_search
from skillbridge.people.models import User
from skillbridge.programmes.models import Programme, Sector

FORMATS = ("csv", "xlsx")
# Column names, not labels: scripts and spreadsheets read these files by them.
HEADERS = [
    "name", "email", "phone", "country", "city", "profession", "employer",
    "years_experience", "sectors", "skills", "languages", "availability",
    "modalities", "capacity", "state",
]  # fmt: skip
DATES = ("available_from", "available_to")
ROWS = ("sector", "skill")
TEXTS = ("text", "language", "country", "modality", "state")
# Rows read from the database at a time: the file of a large pool never holds every
# profile with its relations in memory at once.
CHUNK = 1000


def filters_as_params(filters: PoolFilters) -> dict:
    """The filters as JSON for the job's row: ids for rows, ISO text for dates."""
    given = {name: value for name, value in vars(filters).items() if value}
    return {
        name: value.pk if name in ROWS else value.isoformat() if name in DATES else value
        for name, value in given.items()
    }


def filters_from_params(params: dict) -> PoolFilters:
    """The filters back from the job's row; a sector or skill deleted since reads as no filter."""
    sector = Sector.objects.filter(pk=params["sector"]).first() if "sector" in params else None
    skill = Skill.objects.filter(pk=params["skill"]).first() if "skill" in params else None
    return PoolFilters(
        **{name: str(params[name]) for name in TEXTS if name in params},
        **{name: datetime.date.fromisoformat(params[name]) for name in DATES if name in params},
        sector=sector,
        skill=skill,
    )


def pool_row(profile: ExpertProfile) -> list:
    return [
        profile.user.full_name if profile.user else "",
        profile.user.email if profile.user else "",
        profile.phone,
        profile.country.code or "",
        profile.city,
        profile.profession,
        profile.employer,
        profile.years_experience if profile.years_experience is not None else "",
        "; ".join(s.slug for s in profile.sectors.all()),
        "; ".join(s.name for s in profile.skills.all()),
        "; ".join(lang.code for lang in profile.languages.all()),
        "; ".join(f"{w.starts_on}..{w.ends_on}" for w in profile.availability.all()),
        "; ".join(profile.modalities),
        profile.capacity,
        profile.state,
    ]


@export_builder
def pool_file(*, params: dict, progress) -> ExportFile:
    """params: {"programme": id, "reader": id of the officer, "format": "csv"|"xlsx",
    "filters": filters_as_params(...)}."""
    programme = Programme.objects.get(pk=params["programme"])
    reader = User.objects.get(pk=params["reader"])
    if not (reader.is_active and reader.has_perm("experts.search_pool", programme)):
        raise ValidationError(_("You no longer run this programme's pool."))
    profiles = pool_search(programme, filters_from_params(params.get("filters", {})))
    total = profiles.count()
    read: list[int] = []

    def rows():
        progress(0, total)
        for profile in profiles.iterator(chunk_size=CHUNK):
            read.append(profile.pk)
            yield pool_row(profile)
            progress(len(read), total)

    response = table_response(
        filename=f"professionals-{programme.slug}",
        file_format=params["format"],
        headers=HEADERS,
        rows=rows(),
        sheet_title="Professionals",
    )
    # Logged once the file holds them: the ids are those written, not those counted.
    personal_data_read(
        reader=reader,
        records=[ExpertProfile(pk=pk) for pk in read],
        what="pool",
        via=params["format"],
        scope=programme,
    )
    return ExportFile(
        filename=f"professionals-{programme.slug}.{params['format']}",
        content_type=response["Content-Type"],
        content=response.content,
    )
