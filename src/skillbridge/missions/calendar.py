"""Missions as an iCalendar file (RFC 5545), written by hand: the format is small.

What matters for calendar programs: CRLF line ends, lines folded at 75
octets without splitting a UTF-8 character, text escaped (backslash,
semicolon, comma, newline), a stable UID per mission so an imported event
updates rather than duplicates, DTSTAMP in UTC, and all-day events whose
DTEND is the day *after* the last day (the end is exclusive).
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from skillbridge.missions.models import Mission

LINE_OCTETS = 75


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold one content line into chunks of at most 75 octets, continuation lines indented."""
    encoded = line.encode()
    if len(encoded) <= LINE_OCTETS:
        return line
    parts, current, size = [], "", 0
    limit = LINE_OCTETS
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
            limit = LINE_OCTETS - 1  # the leading space counts
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _date(value: datetime.date) -> str:
    return value.strftime("%Y%m%d")


def _status(mission: Mission) -> str:
    if mission.state == Mission.State.CANCELLED:
        return "CANCELLED"
    if mission.state in (Mission.State.PLANNED, Mission.State.WORKPLAN_AGREED):
        return "TENTATIVE"
    return "CONFIRMED"


def _event(mission: Mission, *, stamp: str, host: str) -> list[str]:
    url = f"{settings.SITE_URL}{reverse('missions:detail', args=[mission.pk])}"
    description = f"{mission.get_kind_display()}\n{mission.objectives}"
    return [
        "BEGIN:VEVENT",
        f"UID:mission-{mission.pk}@{host}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(mission.starts_on)}",
        f"DTEND;VALUE=DATE:{_date(mission.ends_on + datetime.timedelta(days=1))}",
        f"SUMMARY:{escape_text(mission.title)}",
        f"LOCATION:{escape_text(mission.place or mission.host_college.name)}",
        f"DESCRIPTION:{escape_text(str(description))}",
        f"STATUS:{_status(mission)}",
        f"URL:{url}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
    ]


def missions_ical(missions) -> str:
    """An iCalendar document with one all-day event per mission."""
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    host = urlsplit(settings.SITE_URL).hostname or "skillbridge"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//SkillBridge//Missions//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for mission in missions:
        lines += _event(mission, stamp=stamp, host=host)
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines)
