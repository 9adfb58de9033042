"""gunicorn settings for an app node: ``gunicorn -c deploy/gunicorn.conf.py newsroom.wsgi``.

Every value comes from the environment (docs/deployment.md, "gunicorn"). Each worker process and
each of its threads holds its own database connection: processes x threads per node, times the
nodes, must stay under what PostgreSQL (or PgBouncer) accepts.
"""

import os
import shutil
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# The app's start-up check warns when several workers would each keep a per-process cache.
os.environ["NEWSROOM_WORKERS"] = str(workers)
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# How long an idle client connection stays open. Longer than the load balancer's own idle timeout
# (60 s on most), so gunicorn never closes a connection at the instant the balancer reuses it: that
# race resets the request (gunicorn's own default is 2 s). gthread keeps idle connections in its
# poller, not in a thread, so a long value costs a file descriptor, not a worker.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "75"))
# A worker is replaced after this many requests (plus jitter), so a slow leak never builds up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Access lines carry the request id the app puts on its own lines (X-Request-ID response header).
accesslog = "-"
access_log_format = '%(t)s %(h)s "%(r)s" %(s)s %(b)s %(M)sms %({x-request-id}o)s'
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_starting(server):
    """Several worker processes: Prometheus counters live in PROMETHEUS_MULTIPROC_DIR, emptied here."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        shutil.rmtree(directory, ignore_errors=True)
        Path(directory).mkdir(parents=True, exist_ok=True)


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
