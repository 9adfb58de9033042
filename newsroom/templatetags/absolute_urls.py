"""``{% absolute_url some.file.url %}``: a full address for meta tags (newsroom/absolute_urls.py)."""

from django import template

from newsroom.absolute_urls import absolute_url as make_absolute

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, url) -> str:
    return make_absolute(context["request"], str(url)) if url else ""
