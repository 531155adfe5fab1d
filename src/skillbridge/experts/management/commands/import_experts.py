"""`skillbridge import_experts FILE.csv|FILE.xlsx [--dry-run]` (DESIGN §4 "Expert import").

Prints one line per rejected row (`line N: reason`) and a summary. Exits 0
when every row was taken, 1 when any row was rejected or the file could not
be read.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from skillbridge.experts.importing import ImportFileError
from skillbridge.experts.services.import_rows import import_file
from skillbridge.programmes.models import Programme


class Command(BaseCommand):
    help = "Import diaspora professionals from a CSV or XLSX file (matched by email)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv (UTF-8, comma or semicolon) or .xlsx file")
        parser.add_argument(
            "--dry-run", action="store_true", help="check and count, but write nothing"
        )
        parser.add_argument(
            "--programme",
            help="code of the programme to import into (needed only when several are active)",
        )

    def handle(self, *args, file: str, dry_run: bool = False, programme=None, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        target = self._programme(programme)
        try:
            report = import_file(
                programme=target, filename=path.name, content=path.read_bytes(), dry_run=dry_run
            )
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        for error in report.errors:
            self.stderr.write(str(error))
        total = report.created + report.updated + report.unchanged + report.rejected
        self.stdout.write(
            f"{total} rows read: {report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.rejected} rejected."
            + (" Dry run: nothing was written." if dry_run else "")
        )
        if report.rejected:
            raise SystemExit(1)

    @staticmethod
    def _programme(slug: str | None) -> Programme:
        active = Programme.objects.filter(is_active=True)
        if slug:
            found = active.filter(slug=slug).first()
            if found is None:
                raise CommandError(f"No active programme with code {slug!r}.")
            return found
        if active.count() != 1:
            raise CommandError(
                "Name the programme with --programme CODE; active programmes: "
                + ", ".join(active.values_list("slug", flat=True))
            )
        return active.get()
