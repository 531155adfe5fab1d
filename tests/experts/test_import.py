"""`skillbridge import_experts` on a messy real-world file (DESIGN §4 "Expert import")."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from openpyxl import Workbook

from skillbridge.common.models import OutboxMessage
from skillbridge.experts.models import AvailabilityWindow, ExpertProfile, Skill
from skillbridge.experts.selectors import matchable_experts
from skillbridge.people.models import ProgrammeRole, Role, User

HEADER = (
    "email;first_name;last_name;country;city;profession;employer;years_experience;sectors;"
    "skills;languages;available_from;available_to;modalities;capacity;consent"
)
MESSY_ROWS = [
    # line 2: good, new (a free skill, accents)
    "aimee.uwase@example.org;Aimée;Uwase;BE;Liège;Ingénieure électricienne;;12;energy;"
    '"Solar PV installation;Micro-hydro";"rw;fr";2027-02-01;2027-03-31;"onsite;remote";2;yes',
    # line 3: good, new (mixed-case email, country by name, sector by name, ç)
    "Francois.Niyonzima@Example.org;François;Niyonzima;France;Besançon;Technicien en froid;"
    'Garçon & Fils;7;Mechanical engineering;Refrigeration;"rw;fr;en";;;remote;1;yes',
    # line 4: blank
    "",
    # line 5: the same address as line 3, differing only in case
    "francois.niyonzima@example.org;François;Niyonzima;FR;Paris;Frigoriste;;7;"
    "mechanical-engineering;;fr;;;remote;1;yes",
    # line 6: bad email
    "not-an-email;Jean;Bosco;BE;Namur;Welder;;4;mechanical-engineering;;fr;;;onsite;1;yes",
    # line 7: unknown sector
    "claude.mugabo@example.org;Claude;Mugabo;NL;Utrecht;Agronomist;;9;Aquaculture;;nl;;;"
    "onsite;1;yes",
    # line 8: reversed date range
    'diane.ingabire@example.org;Diane;Ingabire;DE;Köln;Data analyst;;5;ict;Data analysis;"rw;de";'
    "2027-05-31;2027-05-01;remote;1;no",
    # line 9: a row of empty cells
    ";;;;;;;;;;;;;;;",
    # line 10: a formula-like cell
    'eric.habimana@example.org;Eric;Habimana;GB;London;"=HYPERLINK(""http://evil.example"")";;3;'
    "ict;;en;;;remote;1;yes",
    # line 11: good, new, consent no (so no invitation)
    "grace.mutesi@example.org;Grace;Mutesi;SE;Malmö;Welder;;15;mechanical-engineering;Welding;"
    '"rw;sv;en";2027-01-10;2027-02-10;onsite;3;no',
]
EXPECTED_REASONS = [
    "line 5: email: the same address is already on line 3",
    "line 6: email: not a valid email address",
    "line 7: sectors: unknown sector Aquaculture",
    "line 8: available_to: ends before available_from",
    "line 10: profession: starts with =, which would run as a formula",
]


@pytest.fixture
def messy_file(tmp_path):
    path = tmp_path / "diaspora-mapping.csv"
    # UTF-8 with a BOM and Windows line ends, as Excel writes it.
    path.write_bytes(("\ufeff" + "\r\n".join([HEADER, *MESSY_ROWS]) + "\r\n").encode())
    return path


def run_import(path, *extra):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_experts", str(path), *extra, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def test_a_messy_file_keeps_good_rows_and_names_each_bad_line(
    messy_file, programme, sectors, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        code, out, err = run_import(messy_file)
    assert code == 1
    assert err.splitlines() == EXPECTED_REASONS
    assert out.strip() == "8 rows read: 3 created, 0 updated, 0 unchanged, 5 rejected."
    assert sorted(ExpertProfile.objects.values_list("user__email", flat=True)) == [
        "aimee.uwase@example.org",
        "francois.niyonzima@example.org",
        "grace.mutesi@example.org",
    ]
    francois = ExpertProfile.objects.get(user__email="francois.niyonzima@example.org")
    assert francois.user.full_name == "François Niyonzima"
    assert (str(francois.country), francois.city, francois.employer) == (
        "FR",
        "Besançon",
        "Garçon & Fils",
    )
    assert list(francois.sectors.values_list("slug", flat=True)) == ["mechanical-engineering"]
    assert sorted(francois.languages.values_list("code", flat=True)) == ["en", "fr", "rw"]
    assert (francois.onsite, francois.remote, francois.capacity) == (False, True, 1)
    aimee = ExpertProfile.objects.get(user__email="aimee.uwase@example.org")
    assert sorted(aimee.skills.values_list("name", "in_taxonomy")) == [
        ("Micro-hydro", False),
        ("Solar PV installation", False),
    ]
    assert list(aimee.availability.values_list("starts_on", "ends_on")) == [
        (AvailabilityWindow._meta.get_field("starts_on").to_python("2027-02-01"),
         AvailabilityWindow._meta.get_field("ends_on").to_python("2027-03-31"))
    ]  # fmt: skip
    # Every imported professional holds the expert role, none has claimed or can be matched.
    assert ProgrammeRole.objects.filter(role=Role.EXPERT).count() == 3
    assert not matchable_experts(programme).exists()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "aimee.uwase@example.org",
        "francois.niyonzima@example.org",
    ]


def test_importing_the_same_file_twice_changes_nothing(
    messy_file, programme, sectors, django_capture_on_commit_callbacks
):
    run_import(messy_file)
    before = (
        User.objects.count(),
        Skill.objects.count(),
        AvailabilityWindow.objects.count(),
        OutboxMessage.objects.count(),
        list(ExpertProfile.objects.order_by("pk").values()),
    )
    code, out, _err = run_import(messy_file)
    assert code == 1
    assert out.strip() == "8 rows read: 0 created, 0 updated, 3 unchanged, 5 rejected."
    after = (
        User.objects.count(),
        Skill.objects.count(),
        AvailabilityWindow.objects.count(),
        OutboxMessage.objects.count(),
        list(ExpertProfile.objects.order_by("pk").values()),
    )
    assert list(after[:4]) == list(before[:4])
    strip = [{k: v for k, v in row.items() if k != "updated_at"} for row in after[4]]
    assert strip == [{k: v for k, v in row.items() if k != "updated_at"} for row in before[4]]


def test_a_dry_run_counts_exactly_and_writes_nothing(messy_file, programme, sectors):
    code, out, err = run_import(messy_file, "--dry-run")
    assert code == 1
    assert out.strip() == (
        "8 rows read: 3 created, 0 updated, 0 unchanged, 5 rejected. Dry run: nothing was written."
    )
    assert err.splitlines() == EXPECTED_REASONS
    assert not ExpertProfile.objects.exists()
    assert not User.objects.exists()
    assert not Skill.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_changed_row_updates_the_profile_in_place(tmp_path, programme, sectors):
    path = tmp_path / "people.csv"
    first = "ana.keza@example.org,Ana,Keza,BE,Ghent,Agronomist,,5,agriculture,,rw,,,onsite,1,yes"
    path.write_text(HEADER.replace(";", ",") + "\n" + first + "\n", encoding="utf-8")
    assert run_import(path)[0] == 0
    path.write_text(
        HEADER.replace(";", ",")
        + "\n"
        + first.replace("Ghent", "Antwerp").replace("ana.", "ANA.")
        + "\n",
        encoding="utf-8",
    )
    code, out, _err = run_import(path)
    assert code == 0
    assert out.strip() == "1 rows read: 0 created, 1 updated, 0 unchanged, 0 rejected."
    profile = ExpertProfile.objects.get()
    assert (profile.user.email, profile.city) == ("ana.keza@example.org", "Antwerp")


def test_a_new_name_alone_counts_as_an_update_while_unclaimed(tmp_path, programme, sectors):
    path = tmp_path / "people.csv"
    first = "ana.keza@example.org,Ana,Keza,BE,Ghent,Agronomist,,5,agriculture,,rw,,,onsite,1,no"
    path.write_text(HEADER.replace(";", ",") + "\n" + first + "\n", encoding="utf-8")
    assert run_import(path)[0] == 0
    path.write_text(
        HEADER.replace(";", ",") + "\n" + first.replace("Ana,", "Anastasie,") + "\n",
        encoding="utf-8",
    )
    code, out, _err = run_import(path)
    assert code == 0
    assert out.strip() == "1 rows read: 0 created, 1 updated, 0 unchanged, 0 rejected."
    assert User.objects.get().full_name == "Anastasie Keza"


def test_an_xlsx_file_is_read_and_a_formula_cell_is_refused(tmp_path, programme, sectors):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(";"))
    sheet.append(
        ["joel.gatete@example.org", "Joël", "Gatete", "NL", "Delft", "Engineer", None, 6,
         "energy", None, "rw;nl", None, None, "remote", 1, "yes"]
    )  # fmt: skip
    sheet.append([])
    sheet.append(
        ["eve.kalisa@example.org", "Eve", "Kalisa", "NL", "=1+1", "Engineer", None, 6,
         "energy", None, "rw", None, None, "remote", 1, "yes"]
    )  # fmt: skip
    path = tmp_path / "people.xlsx"
    workbook.save(path)
    code, out, err = run_import(path)
    assert code == 1
    assert err.splitlines() == ["line 4: city: starts with =, which would run as a formula"]
    assert out.strip() == "2 rows read: 1 created, 0 updated, 0 unchanged, 1 rejected."
    assert ExpertProfile.objects.get().user.full_name == "Joël Gatete"


def test_a_file_without_the_required_columns_is_refused_whole(tmp_path, programme):
    path = tmp_path / "people.csv"
    path.write_text("email,name\nx@example.org,X\n", encoding="utf-8")
    with pytest.raises(Exception, match="The file lacks these columns: first_name, last_name"):
        call_command("import_experts", str(path), stdout=io.StringIO())
    assert not User.objects.exists()
