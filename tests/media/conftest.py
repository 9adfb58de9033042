"""An S3-compatible server on loopback (moto's server mode, its own process) and a fresh bucket
per test, with the site's media storage pointed at it the way the NEWSROOM_S3_* variables do."""

import json
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import boto3
import pytest

from newsroom.media_settings import ObjectStorage, object_storage_from_env

ACCESS = {"aws_access_key_id": "newsroom-test", "aws_secret_access_key": "newsroom-test-secret"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    """The address of a moto S3 server started for this test run, stopped at its end."""
    port = _free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("moto_server did not start")
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


@dataclass
class Bucket:
    name: str
    endpoint: str
    client: object
    config: ObjectStorage
    requests: list = field(default_factory=list)

    @property
    def public_url(self) -> str:
        return self.config.public_url

    def keys(self, prefix: str = "") -> list[str]:
        listed = self.client.list_objects_v2(Bucket=self.name, Prefix=prefix)
        return sorted(item["Key"] for item in listed.get("Contents", []))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def empty_and_remove(self) -> dict[str, bytes]:
        """Delete the bucket (its objects first); returns what it held, to put back later."""
        held = {key: self.read(key) for key in self.keys()}
        for key in held:
            self.client.delete_object(Bucket=self.name, Key=key)
        self.client.delete_bucket(Bucket=self.name)
        return held

    def recreate(self, held: dict[str, bytes]) -> None:
        self.client.create_bucket(Bucket=self.name)
        for key, data in held.items():
            self.client.put_object(Bucket=self.name, Key=key, Body=data)


def public_read_policy(bucket: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicReadForMedia",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{bucket}/*",
                }
            ],
        }
    )


@pytest.fixture
def s3_media(settings, s3_endpoint):
    """Media storage on a new, empty bucket of the moto server, configured from NEWSROOM_S3_* values."""
    name = f"newsroom-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **ACCESS)
    client.create_bucket(Bucket=name)
    # As docs/operations.md asks of the operator: anyone may read the objects, only the site write.
    client.put_bucket_policy(Bucket=name, Policy=public_read_policy(name))
    config = object_storage_from_env(
        {
            "NEWSROOM_S3_BUCKET": name,
            "NEWSROOM_S3_ENDPOINT_URL": s3_endpoint,
            "NEWSROOM_S3_REGION": "us-east-1",
            "NEWSROOM_S3_ACCESS_KEY_ID": ACCESS["aws_access_key_id"],
            "NEWSROOM_S3_SECRET_ACCESS_KEY": ACCESS["aws_secret_access_key"],
        }
    )
    # Changing STORAGES resets Django's storage handler and default_storage (a setting_changed receiver).
    settings.STORAGES = {**settings.STORAGES, "default": config.storage}
    settings.MEDIA_URL = config.public_url + "/"
    return Bucket(name=name, endpoint=s3_endpoint, client=client, config=config)


@pytest.fixture
def s3_requests(s3_media):
    """Every request the site's media storage sends to the bucket from now on, as "METHOD url"."""
    from django.core.files.storage import default_storage

    seen: list[str] = []

    def count(request, **kwargs):
        seen.append(f"{request.method} {request.url}")

    events = default_storage.connection.meta.client.meta.events
    events.register("before-send.s3", count, unique_id="newsroom-test-count")
    yield seen
    events.unregister("before-send.s3", unique_id="newsroom-test-count")


def run_ready_tasks() -> int:
    """What ``manage.py db_worker --batch`` does, in the test's transaction: run every task whose
    time has come, marking each done or failed. Returns how many ran."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while (row := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
        row.claim(worker.worker_id)
        worker.run_task(row)
        ran += 1
    return ran
