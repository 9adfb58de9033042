"""Reading import files: strict UTF-8, JSON Lines with line numbers, typed field access that
records a problem (file, line, field) instead of failing on the first one."""

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}"


class ImportRejected(Exception):
    """The run had problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Problems:
    """Collects every problem of a run, so the operator sees them all at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int, field_name: str, message: str) -> None:
        # One problem per field of a line: "is required" says it; "cannot be blank" would repeat it.
        if any((p.file, p.line, p.field) == (file, line, field_name) for p in self.items[-20:]):
            return
        self.items.append(Problem(file, line, field_name, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise ImportRejected(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


def read_text(path: Path | str, problems: Problems) -> str | None:
    """The file's text, or None (with a problem) when it cannot be read or is not UTF-8."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.add(str(path), 0, "file", f"cannot be read ({error.strerror or error}).")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        problems.add(
            str(path),
            line,
            "encoding",
            f"byte 0x{raw[error.start]:02x} at column {column} is not UTF-8; save the file as UTF-8 "
            "and import it again.",
        )
        return None


def json_lines(path: Path | str, problems: Problems) -> Iterator["Record"]:
    """One :class:`Record` per non-empty line; malformed lines become problems."""
    text = read_text(path, problems)
    if text is None:
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            problems.add(str(path), number, "json", f"not valid JSON ({error.msg} at column {error.colno}).")
            continue
        if not isinstance(data, dict):
            problems.add(str(path), number, "json", "each line must be one JSON object {...}.")
            continue
        yield Record(data=data, file=str(path), line=number, problems=problems)


def default_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


@dataclass
class Record:
    """One object read from a file, with typed accessors that report problems by field name."""

    data: dict
    file: str
    line: int
    problems: Problems
    #: Things worth telling the operator that are not problems ("source credit: IRNA").
    notes: list[str] = field(default_factory=list)

    @property
    def type(self) -> str:
        value = self.data.get("type")
        return value if isinstance(value, str) else ""

    def problem(self, field_name: str, message: str) -> None:
        self.problems.add(self.file, self.line, field_name, message)

    def check_fields(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                kind = self.type or "record"
                an = "an" if kind[0] in "aeiou" else "a"
                self.problem(key, f"unknown field; {an} {kind} has {', '.join(sorted(allowed))}.")

    def text(self, key: str, default: str = "", *, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.problem(key, "is required.")
            return default
        if not isinstance(value, str):
            self.problem(key, "must be a string.")
            return default
        return value

    def optional_slug(self, key: str) -> str | None:
        return self.text(key) or None

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, "must be true or false.")
            return default
        return value

    def number(self, key: str, default: float | int | None = None):
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(key, "must be a number.")
            return default
        return value

    def items(self, key: str) -> list:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(key, "must be a list [...].")
            return []
        return value

    def strings(self, key: str) -> list[str]:
        values = self.items(key)
        if not all(isinstance(v, str) for v in values):
            self.problem(key, "must be a list of strings.")
            return []
        return values

    def objects(self, key: str) -> list[dict]:
        values = self.items(key)
        if not all(isinstance(v, dict) for v in values):
            self.problem(key, "must be a list of objects {...}.")
            return []
        return values

    def moment(self, key: str, *, zone: ZoneInfo | None = None, value=None) -> datetime | None:
        return parse_moment(self, key, self.data.get(key) if value is None else value, zone=zone)

    def day(self, key: str, value=None) -> date | None:
        value = self.data.get(key) if value is None else value
        if value in (None, ""):
            return None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            self.problem(key, f"{value!r} is not a date such as 2026-03-13.")
            return None

    def validate_model_fields(self, model, values: dict, prefix: str = "") -> None:
        """Run each model field's own checks (length, choices, URL...) on the values about to be saved."""
        for name, value in values.items():
            model_field = model._meta.get_field(name)
            try:
                model_field.clean(value, None)
            except ValidationError as error:
                self.problem(prefix + name, " ".join(error.messages))


def parse_moment(record: Record, key: str, value, *, zone: ZoneInfo | None = None) -> datetime | None:
    """An ISO 8601 date and time; without an offset it is read in ``zone`` (the site's zone)."""
    if value in (None, ""):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        record.problem(key, f"{value!r} is not a date and time such as 2026-08-01T11:30:00+03:30.")
        return None
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=zone or default_zone())
    return moment
