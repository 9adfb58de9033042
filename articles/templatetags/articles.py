"""Template filters and tags for the public site: summaries, search snippets, JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.text import summarize
from newsroom.slug_urls import slug_url

register = template.Library()

# The characters json_script escapes, so a "</script>" inside a headline cannot end the block.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def summary_words(text: str, words: int = 25) -> str:
    """Plain text cut at a word boundary, with an ellipsis when cut (HTML is reduced to text first)."""
    return summarize(text or "", words=int(words))


@register.filter
def tag_url(slug: str) -> str:
    """A tag's page, ``{% url 'articles:tag_detail' slug %}`` without resolving the URLs for each tag."""
    return slug_url("articles:tag_detail", slug)


@register.simple_tag(takes_context=True)
def json_ld(context, data) -> str:
    """A ``<script type="application/ld+json">`` block, escaped like Django's ``json_script``.

    It carries the response's CSP nonce, so the page's Content-Security-Policy needs no 'unsafe-inline'.
    """
    if not data:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    nonce = context.get("csp_nonce")
    # A LazyNonce is falsy until first read: reading it here puts it in the response's header.
    if nonce is not None:
        return format_html(
            '<script type="application/ld+json" nonce="{}">{}</script>',
            nonce,
            mark_safe(payload),  # noqa: S308
        )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.filter
def highlight_snippet(snippet: str) -> str:
    """A search snippet with the matched words in <mark>, everything else escaped."""
    from articles.search import highlight

    return highlight(snippet)


@register.filter(expects_localtime=True)
def isotime(value) -> str:
    """An ISO 8601 time with its offset and whole seconds, as HTML's <time datetime> accepts."""
    if not value:
        return ""
    return value.replace(microsecond=0).isoformat()
