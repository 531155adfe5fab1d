"""The matrix rows of the missions pages (see the package's docstring)."""

from skillbridge.access_matrix.shapes import (
    MISSION,
    MISSION_READERS,
    OFFICER,
    PROJECT_MISSION_READERS,
    personal,
    programme_page,
    public,
    seen_by,
)

PAGES = {
    # missions --------------------------------------------------------------------------
    "missions:list": personal(),
    "missions:calendar_mine": personal(),
    # Anyone may check a certificate, and the signed survey link is the right to answer.
    "missions:verify": public({"code": "mission_certificate"}),
    "missions:survey": public({"mission_pk": "mission", "token": "mission_survey"}),
    "missions:detail": [
        seen_by(MISSION_READERS, MISSION),
        seen_by(PROJECT_MISSION_READERS, {"pk": "project_mission"}),
    ],
    "missions:edit": seen_by(MISSION_READERS, MISSION),
    "missions:plan_day_add": seen_by(MISSION_READERS, MISSION, method="post"),
    "missions:plan_day_remove": seen_by(
        MISSION_READERS, {**MISSION, "day_pk": "mission_plan_day"}, method="post"
    ),
    "missions:sign": seen_by(MISSION_READERS, MISSION, ok=("expert", "coordinator"), method="post"),
    "missions:step": seen_by(
        MISSION_READERS, {**MISSION, "step": "start"}, ok=("officer", "expert"), method="post"
    ),
    "missions:cancel": seen_by(MISSION_READERS, MISSION, ok=OFFICER, method="post"),
    "missions:checklist": seen_by(
        MISSION_READERS, {**MISSION, "item_pk": "mission_checklist_item"}, ok=OFFICER, method="post"
    ),
    "missions:itinerary_add": seen_by(MISSION_READERS, MISSION, ok=OFFICER, method="post"),
    "missions:itinerary_remove": seen_by(
        MISSION_READERS, {**MISSION, "leg_pk": "mission_itinerary_leg"}, ok=OFFICER, method="post"
    ),
    "missions:cost_add": seen_by(MISSION_READERS, MISSION, ok=OFFICER, method="post"),
    "missions:cost_remove": seen_by(
        MISSION_READERS, {**MISSION, "line_pk": "mission_cost_line"}, ok=OFFICER, method="post"
    ),
    "missions:cost_actual": seen_by(
        MISSION_READERS, {**MISSION, "line_pk": "mission_cost_line"}, ok=OFFICER, method="post"
    ),
    "missions:session_new": [
        seen_by(MISSION_READERS, MISSION, ok=("officer", "expert")),
        # In a remote series the host college's coordinator logs sessions too.
        seen_by(("officer", "expert2", "coordinator"), {"pk": "remote_mission"}),
    ],
    "missions:evidence_add": seen_by(
        MISSION_READERS,
        {**MISSION, "session_pk": "mission_session"},
        ok=("officer", "expert"),
        method="post",
    ),
    "missions:evidence": seen_by(MISSION_READERS, {**MISSION, "evidence_pk": "mission_evidence"}),
    "missions:participant_add": seen_by(
        MISSION_READERS, MISSION, ok=("officer", "expert"), method="post"
    ),
    "missions:participant_remove": seen_by(
        MISSION_READERS,
        {**MISSION, "participant_pk": "mission_participant"},
        ok=("officer", "expert"),
        method="post",
    ),
    "missions:report": seen_by(MISSION_READERS, MISSION),
    "missions:calendar": seen_by(MISSION_READERS, MISSION),
    "missions:certificates_issue": seen_by(MISSION_READERS, MISSION, ok=OFFICER, method="post"),
    "missions:certificate": seen_by(MISSION_READERS, {**MISSION, "code": "mission_certificate"}),
    "missions:new": programme_page({}, ok=OFFICER),
    "missions:departures": programme_page({}, ok=OFFICER),
    "missions:survey_results": programme_page({}, ok=OFFICER),
}
