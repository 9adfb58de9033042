"""How the import commands report a refused run: ``file:line: field: message`` lines, then one verdict."""

from django.core.management.base import CommandError
from django.db import DatabaseError

from articles.io.records import ImportRejected

#: A file of 10,000 bad lines should not bury the terminal: the first ones tell what is wrong.
MAX_LINES = 100


def rejected(command, error: ImportRejected) -> CommandError:
    """Every problem on its own stderr line; the last one (with the verdict) becomes the CommandError."""
    problems = error.problems
    total = len(problems)
    if total > MAX_LINES:
        for problem in problems[: MAX_LINES - 1]:
            command.stderr.write(str(problem))
        more = total - (MAX_LINES - 1)
        return CommandError(f"... and {more} more problems. Nothing was imported ({total} problems).")
    for problem in problems[:-1]:
        command.stderr.write(str(problem))
    count = "1 problem" if total == 1 else f"{total} problems"
    return CommandError(f"{problems[-1]} Nothing was imported ({count}).")


def refused(error: DatabaseError) -> CommandError:
    """A rule the checks missed, caught by the database: the transaction rolled back, say so plainly."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return CommandError(f"The database refused the import ({detail}). Nothing was imported.")
