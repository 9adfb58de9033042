"""The one list of what an article links to: people, organizations and events.

Search, linking, importers, exporters, related posts, the page cache, entity pages and merges all
read :data:`ENTITY_LINKS` instead of naming the three link models themselves, and SQL takes its
table and column names from here (``_meta``), never from a string written by hand.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db import models

from articles.models import Article, ArticleEvent, ArticleOrganization, ArticlePerson
from organizations.models import Event, Organization, Person


@dataclass(frozen=True)
class EntityLinkKind:
    """One kind of entity an article can link to, and the model that stores the link."""

    #: Short name used in formats, reasons and SQL keys: "person", "organization", "event".
    kind: str
    #: The key in import/export records: "people", "organizations", "events".
    plural: str
    #: A small number naming the kind inside set-based SQL (``kind * base + id``).
    number: int
    entity_model: type[models.Model]
    link_model: type[models.Model]
    #: The entity's fields a reader may search by, besides its other names ("name", "acronym").
    name_fields: tuple[str, ...] = ("name",)
    #: How an article page lists links of this kind.
    page_order: str = "name"

    @property
    def field(self) -> str:
        """The link model's foreign key to the entity ("person")."""
        return self.kind

    @property
    def article_relation(self) -> str:
        """The reverse accessor from an article to its links ("person_links")."""
        return self.link_model._meta.get_field("article").remote_field.related_name

    @property
    def entity_relation(self) -> str:
        """The reverse accessor from an entity to its article links ("article_links")."""
        return self.link_model._meta.get_field(self.field).remote_field.related_name

    @cached_property
    def table(self) -> str:
        return self.link_model._meta.db_table

    @cached_property
    def entity_column(self) -> str:
        return self.link_model._meta.get_field(self.field).column

    @cached_property
    def article_column(self) -> str:
        return self.link_model._meta.get_field("article").column

    @property
    def roles(self) -> list[str]:
        """The link roles this kind allows (organizations and events are never "quoted")."""
        if self.kind == "person":
            return ["about", "quoted", "mentions"]
        return ["about", "mentions"]

    @property
    def alias_relation(self) -> str | None:
        """The entity's reverse accessor to its other names ("aliases"), if the kind has them."""
        for relation in self.entity_model._meta.related_objects:
            if relation.get_accessor_name() == "aliases":
                return "aliases"
        return None

    def page_links(self):
        """The links of this kind as an article page shows them, entity fetched in the same query."""
        return self.link_model.objects.select_related(self.field).order_by(f"{self.field}__{self.page_order}")

    def links_of(self, article: Article):
        return getattr(article, self.article_relation).all()


ENTITY_LINKS: tuple[EntityLinkKind, ...] = (
    EntityLinkKind("person", "people", 1, Person, ArticlePerson),
    EntityLinkKind(
        "organization", "organizations", 2, Organization, ArticleOrganization, ("name", "acronym")
    ),
    EntityLinkKind("event", "events", 3, Event, ArticleEvent, page_order="starts_at"),
)
BY_KIND = {link.kind: link for link in ENTITY_LINKS}
BY_PLURAL = {link.plural: link for link in ENTITY_LINKS}
BY_ENTITY_MODEL = {link.entity_model: link for link in ENTITY_LINKS}


def link_kind_for(entity: models.Model | type[models.Model]) -> EntityLinkKind:
    """The link kind of a person, organization or event (an instance or its model)."""
    model = entity if isinstance(entity, type) else type(entity)
    try:
        return BY_ENTITY_MODEL[model._meta.concrete_model]
    except KeyError:
        raise LookupError(f"Articles do not link to {model._meta.verbose_name_plural}.") from None


def links_union_sql() -> str:
    """``SELECT article_id, k, eid, role`` over every link table: one row per link, for scoring SQL."""
    # Table and column names come from the models' _meta, never from input.
    return "\n    UNION ALL ".join(
        f"SELECT {link.article_column} AS article_id, {link.number} AS k, "  # noqa: S608
        f"{link.entity_column} AS eid, role FROM {link.table}"
        for link in ENTITY_LINKS
    )
