"""A request id on every log line: taken from the proxy's ``X-Request-ID`` or made, carried into tasks.

The id lives in a context variable for the time of one request (or one task). A logging filter
puts it on every record as ``record.request_id``; the LOGGING config prints it. A task enqueued
while a request is handled runs with that request's id: the immediate backend runs it inside the
request; for django-tasks-db the id is kept beside the task's arguments and set again by the
worker when it starts the task.
"""

import json
import logging
import re
import uuid
from contextvars import ContextVar

REQUEST_ID_HEADER = "X-Request-ID"
# A proxy's id is kept only when it is a sane token: letters, digits and . _ : - up to 128 characters.
_SANE = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
# The key beside "args" and "kwargs" in a django-tasks-db row; the worker's task never sees it.
TASK_KEY = "newsroom_request_id"

_request_id: ContextVar[str | None] = ContextVar("newsroom_request_id", default=None)


def current_request_id() -> str | None:
    return _request_id.get()


def new_request_id() -> str:
    return uuid.uuid4().hex


def sane(value: str | None) -> str | None:
    return value if value and _SANE.match(value) else None


class RequestIdMiddleware:
    """First in MIDDLEWARE: every log line of the request, and the response, carry one id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = sane(request.headers.get(REQUEST_ID_HEADER)) or new_request_id()
        # Kept until the request is finished (not reset on the way out): Django logs a 4xx or 5xx
        # response ("Not Found: /x") after the middleware has returned, and that line needs it too.
        _request_id.set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


def request_finished(sender, **kwargs) -> None:
    """The next log lines of this thread belong to no request until a new one sets its id."""
    _request_id.set(None)


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record ("-" outside a request or task)."""

    def filter(self, record):
        if not getattr(record, "request_id", None):
            record.request_id = _request_id.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line (NEWSROOM_LOG_FORMAT=json): time, level, request_id, logger, message."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "request_id": getattr(record, "request_id", "-"),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


# Tasks ------------------------------------------------------------------------------------------

_task_tokens: dict = {}


def task_enqueued(sender, task_result, **kwargs) -> None:
    """Keep the request's id with a task queued in the database (django-tasks-db)."""
    request_id = _request_id.get()
    db_result = getattr(task_result, "db_result", None)
    if request_id is None or db_result is None:
        return
    args_kwargs = {**db_result.args_kwargs, TASK_KEY: request_id}
    type(db_result).objects.filter(pk=db_result.pk).update(args_kwargs=args_kwargs)
    db_result.args_kwargs = args_kwargs


def task_started(sender, task_result, **kwargs) -> None:
    """In the worker: the task's log lines carry the id of the request that queued it."""
    db_result = getattr(task_result, "db_result", None)
    if db_result is None:
        return  # the immediate backend runs inside the request: its id is already set
    request_id = sane(db_result.args_kwargs.get(TASK_KEY)) or f"task-{task_result.id}"
    _task_tokens[task_result.id] = _request_id.set(request_id)


def task_finished(sender, task_result, **kwargs) -> None:
    token = _task_tokens.pop(task_result.id, None)
    if token is not None:
        _request_id.reset(token)


def connect_signals() -> None:
    from django.core.signals import request_finished as finished_request
    from django.tasks.signals import task_enqueued as enqueued
    from django.tasks.signals import task_finished as finished
    from django.tasks.signals import task_started as started

    finished_request.connect(request_finished, dispatch_uid="newsroom-request-id-finished-request")
    enqueued.connect(task_enqueued, dispatch_uid="newsroom-request-id-enqueued")
    started.connect(task_started, dispatch_uid="newsroom-request-id-started")
    finished.connect(task_finished, dispatch_uid="newsroom-request-id-finished")
