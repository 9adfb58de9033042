"""Addresses of pages named by a slug (``/people/<slug>/``), reversed once per URL name.

``reverse()`` resolves the whole URL configuration on each call: an article page with 50 entities
called it about 290 times. :func:`slug_url` reverses each URL name once (per script prefix, URL
configuration and language) with a placeholder slug and formats later slugs into that address.
A slug the ``slug`` path converter would refuse goes through ``reverse()``, which raises as before.
"""

import re

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# What Django's ``slug`` path converter accepts: such a slug needs no quoting in a path.
_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
_PLACEHOLDER = "slug-url-placeholder"
_addresses: dict[tuple, tuple[str, str]] = {}


def slug_url(viewname: str, slug: str) -> str:
    """``reverse(viewname, kwargs={"slug": slug})``, without resolving the URL configuration again."""
    if not isinstance(slug, str) or not _SLUG.match(slug):
        return reverse(viewname, kwargs={"slug": slug})
    key = (viewname, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF, get_language())
    parts = _addresses.get(key)
    if parts is None:
        head, _sep, tail = reverse(viewname, kwargs={"slug": _PLACEHOLDER}).rpartition(_PLACEHOLDER)
        parts = _addresses[key] = (head, tail)
    return f"{parts[0]}{slug}{parts[1]}"
