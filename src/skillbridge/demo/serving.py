"""A grown demo served as in production, on loopback, for `make bench` and `make load`.

A fresh PostgreSQL database, migrated and seeded at the asked scale, served by
gunicorn with the production settings (DEBUG off, the shared cache in Redis,
connections kept for 60 s) and `gunicorn.conf.py`'s workers. Nothing here imports
Django: the SkillBridge processes are started with their environment, as a
deployment starts them.
"""

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import redis

BIN = Path(sys.executable).parent
REPOSITORY = Path(__file__).resolve().parents[3]
GUNICORN_CONFIG = REPOSITORY / "gunicorn.conf.py"
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14")
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Visitor:
    """One person's browser, of the simplest kind, behind the TLS proxy of production."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None):
        self.port = port
        self.cookies: dict[str, str] = dict(cookies or {})

    def request(self, method: str, path: str, body: bytes | None = None, **headers):
        connection = http.client.HTTPConnection(HOST, self.port, timeout=120)
        headers = {"X-Forwarded-Proto": "https", "Referer": f"https://{HOST}/", **headers}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";")[0]
        connection.close()
        return response.status, data


@dataclass
class Server:
    """The grown demo, served: `prepare()`, `start()`, then `stop()`."""

    scale: int
    # One place for every run: collectstatic then only copies what changed since the last.
    work: Path = field(default_factory=lambda: Path(tempfile.gettempdir()) / "sb-bench")
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    # One key for every process of the run: sessions made by one are valid in the others.
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(50))

    @property
    def database(self) -> str:
        return f"sb_bench_x{self.scale}"

    def environment(self) -> dict[str, str]:
        return {
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": self.secret_key,
            "ALLOWED_HOSTS": HOST,
            "SITE_URL": f"https://{HOST}",
            "DATABASE_URL": f"{POSTGRES}/{self.database}",
            "DATABASE_CONN_MAX_AGE": "60",
            "CACHE_URL": REDIS,
            "TASKS_BACKEND": "database",
            "SKILLBRIDGE_VAR_DIR": str(self.work / "var"),
            "BEHIND_HTTPS_PROXY": "true",
        }

    def skillbridge(self, *args: str) -> str:
        result = subprocess.run(  # noqa: S603  (our own command, our own arguments)
            [str(BIN / "skillbridge"), *args],
            env=self.environment(),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            raise RuntimeError(f"skillbridge {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def signed_in_pages(self) -> tuple[dict, dict[str, dict[str, str]]]:
        """The pages to time, and each demo account's cookies (`skillbridge bench_targets`)."""
        found = json.loads(self.skillbridge("bench_targets"))
        cookies = {role: {found["cookie"]: value} for role, value in found["sessions"].items()}
        return found["pages"], cookies

    def prepare(self) -> float:
        """A fresh database, migrated and seeded at the scale; returns the seconds seeding took."""
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{self.database}"')
        redis.Redis.from_url(REDIS).flushdb()
        self.work.mkdir(exist_ok=True)
        self.skillbridge("migrate", "--noinput", "-v0")
        self.skillbridge("collectstatic", "--noinput", "-v0")
        started = time.perf_counter()
        self.skillbridge("seed_demo", "--force", "--scale", str(self.scale))
        seconds = time.perf_counter() - started
        self.analyze()
        return seconds

    def analyze(self) -> None:
        """Give PostgreSQL's planner the statistics of the seeded tables, and vacuum them.

        Autovacuum analyses a table only some time after its rows arrive: timed right
        after seeding, the planner still guessed one row per table and chose plans that
        a deployment (analysed long since) never runs, e.g. the pool's page in 14 ms
        instead of 1 ms at 10x. Vacuumed, as a deployment's tables are, the pages of a
        table are marked all-visible, so a list counts and sorts from its indexes alone
        instead of reading every row: the proposals list's count at 100x, 5 ms unvacuumed,
        takes 1 ms.
        """
        with psycopg.connect(f"{POSTGRES}/{self.database}", autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")

    def start(self) -> None:
        log = (self.work / "gunicorn.log").open("w")
        self.process = subprocess.Popen(  # noqa: S603  (gunicorn, with our own arguments)
            [
                str(BIN / "gunicorn"),
                "skillbridge.wsgi",
                "--config",
                str(GUNICORN_CONFIG),
                "--bind",
                f"{HOST}:{self.port}",
            ],
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if Visitor(self.port).request("GET", "/health/live/")[0] == 200:
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not start: see {self.work / 'gunicorn.log'}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None
