"""Build the POST data the admin change forms send, so tests save through the real admin views."""

from django.utils import timezone

from articles.models import Article


def inline(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{key}": value for key, value in row.items()})
    return data


def split_datetime(name: str, value) -> dict:
    if value is None:
        return {f"{name}_0": "", f"{name}_1": ""}
    local = timezone.localtime(value)
    return {f"{name}_0": local.strftime("%Y-%m-%d"), f"{name}_1": local.strftime("%H:%M:%S")}


def article_post(article: Article, **overrides) -> dict:
    """The change form of ``article`` as the browser would submit it, with ``overrides`` applied."""
    bylines = [
        {"id": b.pk, "article": article.pk, "person": b.person_id, "role": b.role, "position": b.position}
        for b in article.bylines.all()
    ]
    data = {
        "headline": article.headline,
        "slug": article.slug,
        "dek": article.dek,
        "body": article.body,
        "summary": article.summary,
        "section": str(article.section_id or ""),
        "tags": ", ".join(article.tags.names()),
        "lead_image": str(article.lead_image_id or ""),
        "language": article.language,
        "status": article.status,
        "source_organization": "",
        "source_url": "",
        "canonical_url": "",
        "loaded_version": str(article.version),
        **split_datetime("published_at", article.published_at),
        **split_datetime("unpublish_at", article.unpublish_at),
        **inline("bylines", bylines, initial=len(bylines)),
        **inline("person_links", []),
        **inline("organization_links", []),
        **inline("event_links", []),
        **inline("quotes", []),
        **inline("related_overrides", []),
    }
    for key, value in overrides.items():
        if key in ("published_at", "unpublish_at"):
            data.update(split_datetime(key, value))
        else:
            data[key] = value
    return data


def loaded_version_on(page) -> str:
    """The version a change form (or a revert page) carries in its hidden field, as a browser posts it."""
    import re

    html = page.content.decode() if hasattr(page, "content") else str(page)
    match = re.search(r'name="loaded_version" value="(\d+)"', html) or re.search(
        r'value="(\d+)"[^>]*name="loaded_version"', html
    )
    assert match, "the form carries no loaded_version"
    return match.group(1)
