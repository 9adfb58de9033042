"""Benchmark: a page-cache hit against a static file, under gunicorn (2 sync workers) with WhiteNoise.

Loads the demo newsroom into its own database (``newsroom_bench_cache`` on the server of
DATABASE_URL; kept between runs), collects static files into a temporary folder, then for each
cache backend (a private redis-server, then the default shared file cache) starts gunicorn with
production settings and measures, in interleaved rounds, requests per second for:

- a static CSS file served by WhiteNoise (the ceiling, 1.0),
- ``/healthz`` (a minimal Django view: one query, the whole middleware stack),
- an article page and the home page answered from the page cache.

It prints the median rate of each and its ratio to the static file. The load generator is this
script's own (a few processes, one connection per request, as gunicorn's sync workers close it),
so the same client cost is in every figure; the ratios are what count. Not run by ``make test``.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/page_cache.py
"""

import argparse
import json
import multiprocessing
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_NAME = "newsroom_bench_cache"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_database(base_url: str) -> str:
    """The bench database with the demo newsroom in it; its URL."""
    parts = urlsplit(base_url)
    url = urlunsplit(parts._replace(path="/" + DB_NAME))
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1"}
    import psycopg

    with psycopg.connect(base_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone():
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--verbosity", "0"], env=env, check=True)  # noqa: S603
    probe = "from articles.models import Article; print(Article.objects.count())"
    count = subprocess.run(  # noqa: S603
        [*manage, "shell", "--no-imports", "-c", probe], env=env, check=True, capture_output=True, text=True
    )
    if int(count.stdout.strip().splitlines()[-1] or 0) == 0:
        subprocess.run([*manage, "load_demo"], env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    return url


class PrivateRedis:
    """A redis-server of the bench's own on a free loopback port (never the shared one)."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(  # noqa: S603
            [  # noqa: S607
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("redis-server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def request_bytes(path: str, headers: dict[str, str] | None = None) -> bytes:
    extra = "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{extra}\r\n".encode()


def fetch(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(request_bytes(path, headers))
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def _load(args) -> int:
    port, path, seconds = args
    payload = request_bytes(path)
    done = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall(payload)
            while s.recv(65536):
                pass
        done += 1
    return done


def rate(pool, port: int, path: str, seconds: float, clients: int) -> float:
    return sum(pool.map(_load, [(port, path, seconds)] * clients)) / seconds


#: 2 sync workers, quiet: what this script measures under.
GUNICORN_OPTIONS = ("--workers", "2", "--worker-class", "sync", "--log-level", "warning")


def start_gunicorn(env: dict, port: int, options: tuple[str, ...] = GUNICORN_OPTIONS) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        *options,
        "--bind",
        f"127.0.0.1:{port}",
        "newsroom.wsgi",
    ]
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if fetch(port, "/healthz")[0] == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def production_env(url: str, work: Path) -> dict[str, str]:
    """The environment of a production node on loopback (DEBUG off, plain HTTP), files under ``work``."""
    return {
        **{k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_DEBUG")},
        "DATABASE_URL": url,
        "DJANGO_SECRET_KEY": "bench-only-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_STATIC_ROOT": str(work / "static"),
        "NEWSROOM_VAR_DIR": str(work / "var"),
        "NEWSROOM_PAGE_CACHE_SECONDS": "3600",
        "DJANGO_LOG_LEVEL": "ERROR",
    }


def collect_static(env: dict[str, str], work: Path) -> str:
    """collectstatic into ``work``/static (the hashed manifest); the hashed name of a CSS file."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], env=env, check=True)  # noqa: S603
    manifest = json.loads((work / "static" / "staticfiles.json").read_text())["paths"]
    return next(hashed for name, hashed in manifest.items() if name.endswith(".css"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=2.0, help="per page and round")
    parser.add_argument("--clients", type=int, default=4, help="load-generator processes")
    parser.add_argument("--backends", default="redis,file")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the bench makes its own database).")

    url = prepare_database(os.environ["DATABASE_URL"])
    work = Path(tempfile.mkdtemp(prefix="newsroom-bench-cache-"))
    base = production_env(url, work)
    manage = [sys.executable, str(ROOT / "manage.py")]
    css = collect_static(base, work)
    slug = (
        subprocess.run(  # noqa: S603
            [
                *manage,
                "shell",
                "--no-imports",
                "-c",
                "from articles.models import Article; print(Article.objects.published().first().slug)",
            ],
            env=base,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    pages = {
        "static CSS file (WhiteNoise)": f"/static/{css}",
        "minimal Django view (/healthz)": "/healthz",
        "article, page-cache hit": f"/articles/{slug}/",
        "home, page-cache hit": "/",
    }
    print(
        f"gunicorn 2 sync workers, {args.clients} client processes, {args.rounds} rounds × {args.seconds:g} s"
    )
    try:
        for backend in args.backends.split(","):
            env = dict(base)
            redis = None
            if backend == "redis":
                redis = PrivateRedis()
                env["REDIS_URL"] = redis.url
            port = free_port()
            server = start_gunicorn(env, port)
            try:
                for path in pages.values():  # fill the cache, then check it answers from it
                    for _ in range(3):
                        status, headers, _body = fetch(port, path)
                    assert status == 200, (path, status)
                    if not path.startswith(("/static", "/healthz")):
                        assert headers.get("x-page-cache") == "hit", (path, headers)
                results: dict[str, list[float]] = {name: [] for name in pages}
                with multiprocessing.Pool(args.clients) as pool:
                    for _round in range(args.rounds):
                        for name, path in pages.items():
                            results[name].append(rate(pool, port, path, args.seconds, args.clients))
            finally:
                server.terminate()
                server.wait(timeout=30)
                if redis:
                    redis.stop()
            static = statistics.median(results["static CSS file (WhiteNoise)"])
            label = "Redis (private redis-server)" if backend == "redis" else "shared file cache (default)"
            print(f"\ncache: {label}")
            print(f"  {'page':34} {'req/s':>8} {'× static':>9}")
            for name, samples in results.items():
                median = statistics.median(samples)
                print(f"  {name:34} {median:8.0f} {median / static:9.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
