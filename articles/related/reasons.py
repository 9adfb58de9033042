"""Why a story is related, named when the page is read.

A stored related entry keeps what the two stories share by id (``RelatedArticle.shared``):
``{"kind": "person", "id": 12, "ra": "about", "rc": "quoted", "w": 0.41}`` for an entity (``ra``
its role in the article read, ``rc`` in the related one), ``{"kind": "tag", "id": 3, "w": …}``,
``{"kind": "text", "w": 0.32}`` for similar wording, ``{"kind": "section"}`` and
``{"kind": "pin"}``. :func:`attach_reasons` turns them into sentences with the names entities have
now, in one query whatever the number of entries, so a rename shows at once.
"""

from collections.abc import Iterable

from django.db.models import F, IntegerField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext as _
from taggit.models import Tag

from articles.links import BY_KIND, ENTITY_LINKS
from newsroom.cache import depends_on

_KIND_NUMBER = {"tag": 0, **{link.kind: link.number for link in ENTITY_LINKS}}
MAX_NAMES = 3


def _join(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {_('and')} {names[-1]}"


def _phrase(item: dict) -> str:
    """How a sentence about one shared item opens: what was really shared, and how."""
    if item["kind"] == "tag":
        return _("Tagged")
    ra, rc = item.get("ra"), item.get("rc")
    if ra == rc == "about":
        return _("Same event:") if item["kind"] == "event" else _("Also about")
    if ra == rc == "quoted":
        return _("Both quote")
    if ra == rc == "mentions":
        return _("Both mention")
    # Different roles: say what the related story does with it.
    return {"about": _("About"), "quoted": _("Quotes")}.get(rc, _("Mentions"))


def _names(items: Iterable[dict]) -> dict[tuple[str, int], str]:
    """Current names of every entity and tag in ``items``: one UNION query for all kinds."""
    wanted: dict[str, set[int]] = {}
    for item in items:
        if item.get("kind") in _KIND_NUMBER and "id" in item:
            wanted.setdefault(item["kind"], set()).add(int(item["id"]))
    if not wanted:
        return {}
    # A page showing these names is out of date when one is renamed (newsroom.cache).
    depends_on(*(f"{kind}:{pk}" for kind, ids in wanted.items() for pk in ids))
    parts = []
    for kind, ids in wanted.items():
        if kind == "tag":
            qs = Tag.objects.filter(pk__in=ids).annotate(label=F("name"))
        else:
            model = BY_KIND[kind].entity_model
            label = F("name")
            if any(f.name == "acronym" for f in model._meta.get_fields()):
                label = Coalesce(NullIf(F("acronym"), Value("")), F("name"))
            qs = model.objects.filter(pk__in=ids).annotate(label=label)
        parts.append(
            qs.annotate(k=Value(_KIND_NUMBER[kind], output_field=IntegerField()))
            .order_by()
            .values_list("k", "pk", "label")
        )
    query = parts[0].union(*parts[1:], all=True).order_by() if len(parts) > 1 else parts[0]
    by_number = {n: kind for kind, n in _KIND_NUMBER.items()}
    return {(by_number[k], pk): str(label) for k, pk, label in query}


def describe(shared: list, names: dict[tuple[str, int], str]) -> list[str]:
    """The reasons for one entry, in the order a reader wants them; names from :func:`_names`."""
    reasons: list[str] = []
    groups: dict[str, list[str]] = {}
    flags = {item.get("kind") for item in shared if isinstance(item, dict)}
    if "pin" in flags:
        reasons.append(_("Chosen by the editors"))
    for item in shared:
        if not isinstance(item, dict) or item.get("kind") not in _KIND_NUMBER:
            continue
        name = names.get((item["kind"], int(item["id"])))
        if name is None:  # deleted since the list was computed
            continue
        phrase = _phrase(item)
        if name not in groups.setdefault(phrase, []) and len(groups[phrase]) < MAX_NAMES:
            groups[phrase].append(name)
    reasons += [f"{phrase} {_join(names_)}" for phrase, names_ in groups.items()]
    if "text" in flags:
        reasons.append(_("Similar wording"))
    if "section" in flags and not groups and "text" not in flags:
        reasons.append(_("Same section"))
    return reasons


def attach_reasons(entries: list) -> list:
    """Set ``entry.reasons`` (sentences) on each related entry from its stored ``shared`` items."""
    entries = list(entries)
    names = _names(item for entry in entries for item in entry.shared if isinstance(item, dict))
    for entry in entries:
        entry.reasons = describe(entry.shared, names)
    return entries
