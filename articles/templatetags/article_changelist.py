"""The editors' article list: a date hierarchy that does not read the whole archive for its years."""

import copy

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.db.models import Max, Min
from django.utils import timezone

from articles.workflow.changelist import published_years

register = template.Library()


@register.inclusion_tag("admin/date_hierarchy.html")
def article_date_hierarchy(cl):
    """Django's date hierarchy with its first level (the years) from ``published_years``; the
    months and days of one year are Django's own (they read one year's rows). Two queries, as
    Django's: the first and last publish time, then the years (or one year's months)."""
    field = cl.date_hierarchy
    parts = {part: f"{field}__{part}" for part in ("year", "month", "day")}
    if any(name in cl.params for name in parts.values()):
        return date_hierarchy(cl)
    span = cl.queryset.aggregate(first=Min(field), last=Max(field))
    label = cl.model._meta.get_field(field).verbose_name
    if span["first"] is None:
        return {"show": True, "back": None, "choices": [], "field_name": label}
    first, last = timezone.localtime(span["first"]), timezone.localtime(span["last"])
    if first.year == last.year:
        # Open the one year (and month) as Django does, without asking for the span again.
        opened = copy.copy(cl)
        opened.params = {**cl.params, parts["year"]: first.year}
        if first.month == last.month:
            opened.params[parts["month"]] = first.month
        return date_hierarchy(opened)
    return {
        "show": True,
        "back": None,
        "choices": [
            {"link": cl.get_query_string({parts["year"]: str(year)}, [f"{field}__"]), "title": str(year)}
            for year in published_years(cl.queryset, first, last)
        ],
        "field_name": label,
    }
