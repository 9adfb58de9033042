"""One of every public page type, filled the way a real story fills it, for the validators."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from articles.models import Image, RelatedArticle
from articles.search import search_index_update
from tests.factories import (
    AffiliationFactory,
    ArticleEventFactory,
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    BylineFactory,
    EventFactory,
    EventOrganizerFactory,
    EventParticipantFactory,
    OrganizationFactory,
    PersonAliasFactory,
    PersonFactory,
    QuoteFactory,
)


def build_site() -> list[str]:
    """Create a small newsroom and return the path of every page type."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 800), "teal").save(buffer, "JPEG")
    image = Image.objects.create(
        file=SimpleUploadedFile("lead.jpg", buffer.getvalue(), content_type="image/jpeg"),
        alt_text="Volunteers unload tents from a truck",
        caption="Volunteers in Khoy.",
        credit="Sara Ahmadi/IRNA",
    )
    irna = OrganizationFactory(name="Islamic Republic News Agency", acronym="IRNA", slug="irna")
    icrc = OrganizationFactory(name="International Committee of the Red Cross", acronym="ICRC", slug="icrc")
    OrganizationFactory(name="ICRC Tehran delegation", slug="icrc-tehran", parent=icrc)
    person = PersonFactory(name="Pirhossein Kolivand", slug="kolivand", bio="Head of the Red Crescent.")
    PersonAliasFactory(person=person, name="Pirhoshein Kolivand")
    AffiliationFactory(person=person, organization=icrc, title="adviser")
    event = EventFactory(name="Tehran aid summit", slug="summit", venue="Summit Hall", description="Talks.")
    EventOrganizerFactory(event=event, organization=icrc)
    EventParticipantFactory(event=event, person=person, role="speaker")
    main = ArticleFactory(
        headline="Relief reaches Khoy after the earthquake",
        slug="relief-khoy",
        lead_image=image,
        tags=["earthquake", "relief"],
        source_organization=irna,
        source_url="https://en.irna.ir/news/1",
    )
    older = ArticleFactory(headline="Earthquake shakes Khoy", slug="quake-khoy", tags=["earthquake"])
    BylineFactory(article=main, person=PersonFactory(name="Sara Ahmadi", slug="sara"))
    QuoteFactory(article=main, speaker=person, text="We will stay as long as we are needed.")
    for article in (main, older):
        ArticlePersonFactory(article=article, person=person)
        ArticleOrganizationFactory(article=article, organization=icrc, role="mentions")
        ArticleEventFactory(article=article, event=event)
    RelatedArticle.objects.create(
        article=main,
        related=older,
        rank=1,
        score=3,
        shared=[
            {"kind": "organization", "id": icrc.pk, "ra": "mentions", "rc": "mentions", "w": 0.1},
            {"kind": "person", "id": person.pk, "ra": "about", "rc": "about", "w": 0.5},
        ],
    )
    search_index_update([main.pk, older.pk])
    return [
        "/",
        main.get_absolute_url(),
        f"/articles/{main.slug}/related/",
        f"/sections/{main.section.slug}/",
        "/tags/earthquake/",
        "/people/kolivand/",
        "/organizations/icrc/",
        "/events/summit/",
        "/people/",
        "/organizations/",
        "/events/?letter=T",
        "/search/?q=Pirhoshein",
        "/search/?q=",
        "/no-such-page/",
    ]
