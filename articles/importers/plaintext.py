"""Articles from a plain-text news page, as a reader copies it from a news site."""

from pathlib import Path

from articles.importers.drafts import ArticleDraft
from articles.importers.records import Problems


def read_plain_text(path: Path, problems: Problems) -> list[ArticleDraft]:
    return []
