"""A whole production cluster on loopback, for tests/cluster: a PostgreSQL primary and a streaming
replica, Redis, an S3-compatible server (moto), two gunicorn app nodes and two ``db_worker``s.

Every process runs in its own process group and is stopped (the group killed) by :meth:`stop`,
whatever state a test left it in. PostgreSQL refuses to run as root: when the tests run as root,
the servers run as the ``postgres`` system user (Debian's packages create it).
"""

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PASSWORD = "cluster-editor-password"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen | None = None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            if process is not None and process.poll() is not None:
                raise RuntimeError(
                    f"{process.args[0]} exited with {process.returncode} before listening"
                ) from None
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        raise RuntimeError(
            "No PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
        )
    return Path(found[-1]).parent


def _postgres_user() -> dict:
    """subprocess arguments that run a command as the postgres user when we are root."""
    if os.geteuid() != 0:
        return {}
    entry = pwd.getpwnam("postgres")
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


@dataclass
class Postgres:
    """One PostgreSQL server of the cluster (the primary, or a replica made by pg_basebackup -R)."""

    data: Path
    port: int
    log: Path
    as_user: dict = field(default_factory=_postgres_user)

    def run(self, *command, check=True, **kwargs):
        result = subprocess.run(
            [str(postgres_bin() / command[0]), *command[1:]],
            capture_output=True,
            text=True,
            timeout=120,
            cwd="/",
            **self.as_user,
            **kwargs,
        )
        if check and result.returncode != 0:
            log = self.log.read_text()[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{command[0]} failed: {result.stdout}{result.stderr}{log}")
        return result

    def start(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        if (self.data / "postmaster.pid").exists():
            self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop", check=False)

    def url(self, name: str = "newsroom") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def query(self, sql: str, *params, dbname: str = "newsroom"):
        import psycopg

        with psycopg.connect(self.url(dbname), autocommit=True, connect_timeout=5) as connection:
            rows = connection.execute(sql, params or None)
            return rows.fetchall() if rows.description else None


def _owned_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(path, entry.pw_uid, entry.pw_gid)
    path.chmod(0o700)
    return path


class FormParser(HTMLParser):
    """The fields of each POST form of a page, as a browser would submit them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self.fields: list[tuple[str, str]] | None = None
        self._select: tuple[str, bool] | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.fields = []
            self.forms.append(self.fields)
        if self.fields is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((name, a.get("value") or ("on" if kind in ("checkbox", "radio") else "")))
        elif tag == "select" and name:
            self._select = (name, "multiple" in a)
            self._select_first, self._select_chosen = None, False
        elif tag == "option" and self._select:
            value = a.get("value") or ""
            if self._select_first is None:
                self._select_first = value
            if "selected" in a:
                self.fields.append((self._select[0], value))
                self._select_chosen = True
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""

    def handle_data(self, data):
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag):
        if self.fields is None:
            return
        if tag == "form":
            self.fields = None
        elif tag == "select" and self._select:
            name, multiple = self._select
            if not self._select_chosen and not multiple and self._select_first is not None:
                self.fields.append((name, self._select_first))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None


def form_fields(html: str) -> dict[str, str | list[str]]:
    """The page's main form (the POST form with the most fields: not the log-out button's)."""
    parser = FormParser()
    parser.feed(html)
    chosen = max(parser.forms, key=len, default=[])
    fields: dict[str, str | list[str]] = {}
    for name, value in chosen:
        if name in fields:
            previous = fields[name]
            fields[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            fields[name] = value
    return fields


class Node:
    """One gunicorn app node."""

    def __init__(self, name: str, port: int, process: subprocess.Popen):
        self.name, self.port, self.process = name, port, process
        self.base = f"http://127.0.0.1:{port}"

    def get(self, path: str, session: requests.Session | None = None, **kwargs) -> requests.Response:
        return (session or requests).get(self.base + path, timeout=180, allow_redirects=False, **kwargs)

    def login(self, username: str = "editor", password: str = PASSWORD) -> requests.Session:
        session = requests.Session()
        page = session.get(self.base + "/admin/login/", timeout=180)
        token = session.cookies["csrftoken"]
        answer = session.post(
            self.base + "/admin/login/?next=/admin/",
            data={
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": token,
                "next": "/admin/",
            },
            headers={"Referer": page.url},
            timeout=180,
            allow_redirects=False,
        )
        assert answer.status_code == 302, answer.text[:500]
        return session

    def save_form(self, session: requests.Session, path: str, files=None, **changes) -> requests.Response:
        """Open the admin form at ``path`` and submit it with ``changes``, as an editor's browser does."""
        page = session.get(self.base + path, timeout=300)
        assert page.status_code == 200, (path, page.status_code)
        data = form_fields(page.text)
        data.update(changes)
        data["_save"] = "Save"
        return session.post(
            self.base + path,
            data=data,
            files=files,
            headers={"Referer": self.base + path},
            timeout=300,
            allow_redirects=False,
        )


class Cluster:
    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="newsroom-cluster-"))
        self.root.chmod(0o755)
        self.processes: dict[str, subprocess.Popen] = {}
        self.logs = self.root / "logs"
        self.logs.mkdir()
        # The servers write their own logs: a folder the postgres user owns.
        pglogs = _owned_dir(self.root / "pglogs")
        pglogs.chmod(0o755)
        self.primary = Postgres(self.root / "primary", free_port(), pglogs / "primary.log")
        self.replica = Postgres(self.root / "replica", free_port(), pglogs / "replica.log")
        self.redis_port = free_port()
        self.s3_port = free_port()
        self.bucket = "newsroom-cluster"
        self.nodes: list[Node] = []
        self.env: dict[str, str] = {}
        self.timings: dict[str, float] = {}

    # --- processes ---------------------------------------------------------------------------

    def spawn(self, name: str, command: list[str], env: dict | None = None) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 (kept open for the process's life)
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = process
        return process

    def kill(self, name: str, sig: int = signal.SIGTERM, timeout: float = 20) -> None:
        process = self.processes.get(name)
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=timeout)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def manage(self, *args: str, extra_env: dict | None = None, check: bool = True):
        result = subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(extra_env or {})},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    # --- the services ------------------------------------------------------------------------

    def start_postgres(self) -> None:
        _owned_dir(self.primary.data)
        self.primary.run(
            "initdb",
            "-D",
            str(self.primary.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        settings = [
            f"port = {self.primary.port}",
            "listen_addresses = '127.0.0.1'",
            f"unix_socket_directories = '{self.primary.data}'",
            "wal_level = replica",
            "max_wal_senders = 4",
            "hot_standby = on",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "shared_buffers = 64MB",
            "max_connections = 120",
        ]
        with open(self.primary.data / "postgresql.conf", "a") as conf:
            conf.write("\n".join(settings) + "\n")
        self.primary.start()
        self.primary.query("CREATE DATABASE newsroom", dbname="postgres")
        _owned_dir(self.replica.data)
        self.replica.run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(self.primary.port), "-U", "postgres",
            "-D", str(self.replica.data), "-R", "-X", "stream", "-c", "fast", "--no-sync",
        )  # fmt: skip
        with open(self.replica.data / "postgresql.conf", "a") as conf:
            conf.write(f"port = {self.replica.port}\nunix_socket_directories = '{self.replica.data}'\n")
        self.replica.start()

    def start_redis(self) -> None:
        process = self.spawn(
            "redis",
            [
                "redis-server",
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
        )
        wait_for_port(self.redis_port, process)

    def start_s3(self) -> None:
        process = self.spawn("s3", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.s3_port)])
        wait_for_port(self.s3_port, process)
        self.create_bucket()

    def s3_client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=f"http://127.0.0.1:{self.s3_port}",
            region_name="us-east-1",
            aws_access_key_id="cluster",
            aws_secret_access_key="cluster-secret",
        )

    def create_bucket(self) -> None:
        from tests.media.conftest import public_read_policy

        client = self.s3_client()
        client.create_bucket(Bucket=self.bucket)
        client.put_bucket_policy(Bucket=self.bucket, Policy=public_read_policy(self.bucket))

    def configure(self) -> None:
        static = self.root / "static"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.root),
            "LANG": "C.UTF-8",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "cluster-test-secret-key-the-same-on-every-node",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_HSTS_SECONDS": "0",
            "DJANGO_STATIC_ROOT": str(static),
            "DJANGO_LOG_LEVEL": "INFO",
            "NEWSROOM_VAR_DIR": str(self.root / "var"),
            "DATABASE_URL": self.primary.url(),
            "DATABASE_REPLICA_URLS": self.replica.url(),
            "DATABASE_REPLICA_MAX_LAG": "3",
            "DATABASE_REPLICA_CHECK_SECONDS": "1",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "NEWSROOM_TASKS": "database",
            "NEWSROOM_TASK_RETRY_SECONDS": "1",
            "NEWSROOM_S3_BUCKET": self.bucket,
            "NEWSROOM_S3_ENDPOINT_URL": f"http://127.0.0.1:{self.s3_port}",
            "NEWSROOM_S3_REGION": "us-east-1",
            "NEWSROOM_S3_ACCESS_KEY_ID": "cluster",
            "NEWSROOM_S3_SECRET_ACCESS_KEY": "cluster-secret",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_THREADS": "4",
        }

    def prepare_database(self) -> None:
        """Migrate, collect static files, load the demo newsroom, add an editor: one process (the
        machine has two cores; each Django start-up costs seconds)."""
        script = (
            "from django.core.management import call_command\n"
            "call_command('migrate_locked', interactive=False, verbosity=0)\n"
            "call_command('collectstatic', interactive=False, verbosity=0)\n"
            "call_command('load_demo', verbosity=0)\n"
            "from django.contrib.auth import get_user_model\n"
            f"get_user_model().objects.create_superuser('editor', 'editor@example.org', {PASSWORD!r})\n"
        )
        self.manage("shell", "-c", script)

    def start_node(self, number: int) -> Node:
        port = free_port()
        prometheus = self.root / f"prometheus-{number}"
        env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{port}", "PROMETHEUS_MULTIPROC_DIR": str(prometheus)}
        process = self.spawn(
            f"node{number}",
            [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "newsroom.wsgi"],
            env=env,
        )
        wait_for_port(port, process)
        node = Node(f"node{number}", port, process)
        self.nodes.append(node)
        return node

    def start_worker(self, number: int) -> subprocess.Popen:
        return self.spawn(
            f"worker{number}",
            [
                str(BIN / "python"),
                "manage.py",
                "db_worker",
                "--interval",
                "0.2",
                "--worker-id",
                f"worker{number}",
            ],
            env=self.env,
        )

    def start(self) -> None:
        began = time.monotonic()
        steps = [
            ("postgres", self.start_postgres),
            ("redis", self.start_redis),
            ("s3", self.start_s3),
            ("configure", self.configure),
            ("database", self.prepare_database),
            ("node1", lambda: self.start_node(1)),
            ("node2", lambda: self.start_node(2)),
            ("workers", lambda: (self.start_worker(1), self.start_worker(2))),
        ]
        for name, step in steps:
            step()
            self.timings[name] = round(time.monotonic() - began, 1)

    def wait_for_tasks(self, timeout: float = 120) -> None:
        """Until no task is waiting or running (retries due later count as waiting)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            (busy,) = self.primary.query(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
            )[0]
            if busy == 0:
                return
            time.sleep(0.3)
        raise AssertionError(f"tasks still waiting after {timeout} s")

    def replica_caught_up(self, timeout: float = 30) -> None:
        (target,) = self.primary.query("SELECT pg_current_wal_lsn()::text")[0]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            (done,) = self.replica.query("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", target)[0]
            if done:
                return
            time.sleep(0.1)
        raise AssertionError("the replica did not catch up")

    def stop(self) -> None:
        for name in reversed(list(self.processes)):
            self.kill(name)
        for server in (self.replica, self.primary):
            with contextlib.suppress(Exception):  # best effort: the directory goes below anyway
                server.stop("immediate")
        if os.environ.get("NEWSROOM_KEEP_CLUSTER"):
            print(f"cluster kept in {self.root}")
        else:
            shutil.rmtree(self.root, ignore_errors=True)
