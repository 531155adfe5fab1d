"""`skillbridge backup` and `restore`: one archive that restores to the same rows and files."""

import hashlib
import json
import os
import subprocess
import sys
import tarfile
import uuid

import psycopg
import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError

from skillbridge.common.backup import table_counts
from tests.calls.factories import PDF_BYTES, AttachmentFactory
from tests.markers import needs_postgresql


def read_archive(path):
    with tarfile.open(path, "r:gz") as archive:
        manifest = json.load(archive.extractfile("manifest.json"))
        files = {
            member.name: archive.extractfile(member).read()
            for member in archive.getmembers()
            if member.name.startswith("files/")
        }
    return manifest, files


@pytest.mark.django_db
def test_the_archive_holds_every_row_count_and_every_file_with_its_checksum(
    s3_storage, draft, tmp_path
):
    attachment = AttachmentFactory(proposal=draft)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))
    manifest, files = read_archive(archive)
    assert manifest["format"] == 1
    assert manifest["database"]["tables"] == table_counts()
    assert manifest["database"]["tables"]["calls_attachment"] == 2
    names = sorted(a.file.name for a in draft.attachments.all())
    assert [entry["name"] for entry in manifest["files"]] == names
    assert files[f"files/{attachment.file.name}"] == PDF_BYTES
    assert {entry["sha256"] for entry in manifest["files"]} == {
        hashlib.sha256(PDF_BYTES).hexdigest()
    }


@pytest.mark.django_db
def test_a_backup_never_overwrites_an_archive(tmp_path):
    archive = tmp_path / "backup.tar.gz"
    archive.write_bytes(b"an older backup")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(archive))
    assert archive.read_bytes() == b"an older backup"


@pytest.mark.django_db
def test_restore_refuses_a_database_that_is_not_empty(s3_storage, draft, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))
    before = table_counts()
    with pytest.raises(CommandError, match="the database is not empty"):
        call_command("restore", str(archive))
    assert table_counts() == before


# --- The whole round trip, as an operator runs it: the PostgreSQL demo into a new database
# and a new bucket, compared table by table and file by file.


def run_slowly(*args: str, **environ: str) -> subprocess.CompletedProcess:
    """The demo takes minutes on a busy machine: a longer limit than run_skillbridge's."""
    return subprocess.run(
        [sys.executable, "-m", "skillbridge", *args],
        env={**os.environ, **environ},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def _server_url(database: str) -> str:
    db = django_settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{database}"


def _every_table_count(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608


def _checksums(seaweedfs, bucket: str) -> dict[str, str]:
    return {k: hashlib.sha256(v).hexdigest() for k, v in seaweedfs.keys(bucket).items()}


@needs_postgresql
def test_the_postgresql_demo_restores_into_a_new_database_and_bucket(seaweedfs, tmp_path):
    suffix = uuid.uuid4().hex[:10]
    source_db, target_db = f"sb_backup_src_{suffix}", f"sb_backup_dst_{suffix}"
    source_bucket, target_bucket = f"sb-src-{suffix}", f"sb-dst-{suffix}"
    admin = _server_url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{source_db}"')
        conn.execute(f'CREATE DATABASE "{target_db}"')
    for bucket in (source_bucket, target_bucket):
        seaweedfs.client().create_bucket(Bucket=bucket)
    source = {"DATABASE_URL": _server_url(source_db), **seaweedfs.environment(source_bucket)}
    target = {"DATABASE_URL": _server_url(target_db), **seaweedfs.environment(target_bucket)}
    archive = tmp_path / "demo.tar.gz"
    try:
        for command in (["migrate", "-v0"], ["seed_demo"], ["backup", str(archive)]):
            done = run_slowly(*command, **source)
            assert done.returncode == 0, done.stderr
        restored = run_slowly("restore", str(archive), **target)
        assert restored.returncode == 0, restored.stderr
        assert "every count and checksum matches" in restored.stdout

        source_counts = _every_table_count(source["DATABASE_URL"])
        assert source_counts["calls_attachment"] > 0
        assert _every_table_count(target["DATABASE_URL"]) == source_counts
        source_files = _checksums(seaweedfs, source_bucket)
        assert len(source_files) >= source_counts["calls_attachment"]
        assert _checksums(seaweedfs, target_bucket) == source_files
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{source_db}" WITH (FORCE)')
            conn.execute(f'DROP DATABASE IF EXISTS "{target_db}" WITH (FORCE)')
