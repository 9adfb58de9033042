"""What the import commands share: reporting a rejected run as ``file:line: field: message`` lines."""

from django.core.management.base import CommandError

from articles.importers.records import ImportRejected


def rejected(command, error: ImportRejected) -> CommandError:
    """Every problem on its own stderr line; the last one (with the verdict) becomes the CommandError."""
    problems = error.problems
    for problem in problems[:-1]:
        command.stderr.write(str(problem))
    verdict = (
        "nothing was imported" if len(problems) == 1 else f"{len(problems)} problems; nothing was imported"
    )
    return CommandError(f"{problems[-1]} ({verdict}).")
