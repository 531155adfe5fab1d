"""One archive of the database and every stored file, and its restore.

The archive is a gzipped tar holding `manifest.json`, `database.json` (Django's
serialisation, primary keys kept, content types by natural key) and `files/<name>`
for every file in the default storage, local or S3. The manifest lists every
table's row count and every file's size and SHA-256, so a restore proves itself.

The database is read in one snapshot (REPEATABLE READ on PostgreSQL, one
transaction on SQLite), and the files are listed after it: every file the snapshot
refers to is in the archive, or the backup fails.
"""

import hashlib
import io
import json
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, models, transaction

FORMAT = 1
# Remade by `migrate` on the new database; they are matched by natural key.
REMADE_BY_MIGRATE = ["contenttypes", "auth.permission"]


class BackupError(Exception):
    pass


def _sha256(stream) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(1024 * 1024), b""):
        digest.update(chunk)
    return digest.hexdigest()


def table_counts() -> dict[str, int]:
    """Rows in every table Django manages, many-to-many tables included."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.db_table] = model._base_manager.count()
    return dict(sorted(counts.items()))


def stored_names(storage=default_storage, folder: str = "") -> list[str]:
    """Every file in the storage, walked folder by folder."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}{name}" for name in files]
    for sub in folders:
        names += stored_names(storage, f"{folder}{sub}/")
    return sorted(names)


def _referenced_names() -> set[str]:
    names = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                values = model._base_manager.exclude(**{field.name: ""}).values_list(
                    field.name, flat=True
                )
                names.update(value for value in values if value)
    return names


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup_write(*, destination: Path) -> dict:
    """Write the archive to `destination` (a new file); return its manifest."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "database.json"
        # One snapshot for every table (a caller's own transaction already is one).
        snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
        with transaction.atomic():
            if snapshot:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            call_command(
                "dumpdata",
                natural_foreign=True,
                exclude=REMADE_BY_MIGRATE,
                output=str(dump),
                verbosity=0,
            )
            counts = table_counts()
            referenced = _referenced_names()
        names = stored_names()
        missing = sorted(referenced - set(names))
        if missing:
            raise BackupError(f"files the database refers to are not in storage: {missing[:5]}")
        partial = destination.with_name(destination.name + ".partial")
        files = []
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, arcname="database.json")
            for name in names:
                with default_storage.open(name, "rb") as stored:
                    sha256 = _sha256(stored)
                    stored.seek(0)
                    size = default_storage.size(name)
                    info = tarfile.TarInfo(f"files/{name}")
                    info.size = size
                    archive.addfile(info, stored)
                files.append({"name": name, "size": size, "sha256": sha256})
            with dump.open("rb") as handle:
                database_sha256 = _sha256(handle)
            manifest = {
                "format": FORMAT,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": {
                    "vendor": connection.vendor,
                    "sha256": database_sha256,
                    "tables": counts,
                },
                "files": files,
            }
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
        partial.replace(destination)
    return manifest


def _database_is_empty() -> bool:
    remade = {"django_content_type", "auth_permission", "django_migrations"}
    return all(count == 0 for table, count in table_counts().items() if table not in remade)


def _refuse_unless_restorable(manifest: dict) -> None:
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown archive format {manifest.get('format')!r}")
    if not _database_is_empty():
        raise BackupError("the database is not empty: restore needs a new database")
    if stored_names():
        raise BackupError("the storage is not empty: restore needs a new bucket or folder")


def _restore_files(archive: tarfile.TarFile, manifest: dict) -> None:
    """Copy every file into the storage, each checked against the manifest first."""
    for entry in manifest["files"]:
        member = archive.extractfile(f"files/{entry['name']}")
        if _sha256(member) != entry["sha256"]:
            raise BackupError(f"{entry['name']} does not match its checksum")
        member.seek(0)
        saved = default_storage.save(entry["name"], File(member, name=entry["name"]))
        if saved != entry["name"]:
            raise BackupError(f"{entry['name']} was stored as {saved}")


def _verify_restored(manifest: dict) -> None:
    """Every table's row count and every stored file's checksum, as the manifest says."""
    counts = table_counts()
    expected = manifest["database"]["tables"]
    differing = {t: (n, counts.get(t)) for t, n in expected.items() if counts.get(t) != n}
    if differing:
        raise BackupError(f"row counts differ after restore (expected, found): {differing}")
    for entry in manifest["files"]:
        with default_storage.open(entry["name"], "rb") as stored:
            if _sha256(stored) != entry["sha256"]:
                raise BackupError(f"{entry['name']} differs after restore")


def restore_archive(*, archive_path: Path) -> dict:
    """Restore an archive into an empty, migrated database and an empty storage.

    Every checksum and row count is verified; a difference stops with an error.
    """
    with tarfile.open(archive_path, "r:gz") as archive:
        manifest = json.load(archive.extractfile("manifest.json"))
        _refuse_unless_restorable(manifest)
        with tempfile.TemporaryDirectory() as work:
            dump = Path(work) / "database.json"
            dump.write_bytes(archive.extractfile("database.json").read())
            with dump.open("rb") as handle:
                if _sha256(handle) != manifest["database"]["sha256"]:
                    raise BackupError("database.json does not match its checksum")
            _restore_files(archive, manifest)
            with transaction.atomic():
                call_command("loaddata", str(dump), verbosity=0)
    _verify_restored(manifest)
    return manifest
