"""`skillbridge backup DEST`: one archive of the database and every stored file."""

from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from skillbridge.common.backup import BackupError, backup_write


class Command(BaseCommand):
    help = (
        "Write one consistent archive (.tar.gz) of the database and every stored file, "
        "with a manifest of row counts and checksums. DEST is a new file, or a folder "
        "to write skillbridge-<UTC time>.tar.gz into."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="archive file to write, or a folder")

    def handle(self, *args, destination: str, **options):
        target = Path(destination)
        if target.is_dir():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            target = target / f"skillbridge-{stamp}.tar.gz"
        if target.exists():
            raise CommandError(f"{target} exists already; a backup never overwrites one.")
        try:
            manifest = backup_write(destination=target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["database"]["tables"].values())
        self.stdout.write(
            f"{target}: {len(manifest['database']['tables'])} tables, {rows} rows, "
            f"{len(manifest['files'])} files"
        )
