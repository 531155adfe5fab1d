"""`skillbridge restore ARCHIVE`: restore a backup into an empty database and storage."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from skillbridge.common.backup import BackupError, restore_archive


class Command(BaseCommand):
    help = (
        "Restore an archive written by `skillbridge backup` into an empty database and an "
        "empty storage (a new bucket or folder), then verify every row count and checksum."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="a .tar.gz written by `skillbridge backup`")

    def handle(self, *args, archive: str, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        call_command("migrate", interactive=False, verbosity=0)
        try:
            manifest = restore_archive(archive_path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["database"]["tables"].values())
        self.stdout.write(
            f"Restored {path}: {len(manifest['database']['tables'])} tables, {rows} rows, "
            f"{len(manifest['files'])} files; every count and checksum matches."
        )
