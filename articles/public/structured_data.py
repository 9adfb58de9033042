"""schema.org JSON-LD for articles and entity pages, built from objects the views already fetched.

Templates emit these dictionaries with ``{% json_ld %}`` (escaped like ``json_script``), so no
string from an editor can end the script block.
"""

from django.conf import settings
from django.templatetags.static import static

from newsroom.absolute_urls import absolute_url

SCHEMA = "https://schema.org"
HEADLINE_LIMIT = 110  # Google truncates NewsArticle headlines longer than this


def _abs(request, url: str) -> str:
    # Media URLs on object storage are already absolute; site paths get the request's host.
    return absolute_url(request, url)


def _wikidata(entity) -> list[str]:
    return [f"https://www.wikidata.org/wiki/{entity.wikidata_id}"] if entity.wikidata_id else []


def publisher(request) -> dict:
    return {
        "@type": "Organization",
        "name": settings.NEWSROOM_SITE_NAME,
        "url": _abs(request, "/"),
        "logo": {"@type": "ImageObject", "url": _abs(request, static("img/publisher-logo.png"))},
    }


def thing(entity, request) -> dict:
    """A short reference to a person, organization or event, for ``about`` and ``mentions``."""
    kind = {"Person": "Person", "Organization": "Organization", "Event": "Event"}[type(entity).__name__]
    data = {"@type": kind, "name": entity.name, "url": _abs(request, entity.get_absolute_url())}
    if getattr(entity, "wikidata_id", ""):
        data["sameAs"] = _wikidata(entity)
    return data


def article_json_ld(article, request, *, about, mentions, canonical: str) -> dict:
    data = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": article.headline[:HEADLINE_LIMIT],
        "description": article.dek or article.display_summary,
        "url": _abs(request, article.get_absolute_url()),
        "mainEntityOfPage": canonical,
        "dateModified": max(filter(None, [article.updated_at, article.published_at])).isoformat(),
        "inLanguage": article.language,
        "author": [
            {
                "@type": "Person",
                "name": byline.person.name,
                "url": _abs(request, byline.person.get_absolute_url()),
            }
            for byline in article.bylines.all()
            if byline.role == "author"
        ],
        "publisher": publisher(request),
    }
    if article.published_at:  # a draft seen in preview has no publication time yet
        data["datePublished"] = article.published_at.isoformat()
    if article.lead_image and article.lead_image.file:
        data["image"] = [_abs(request, article.lead_image.file.url)]
    if article.section:
        data["articleSection"] = article.section.name
    tags = [tag.name for tag in article.tags.all()]
    if tags:
        data["keywords"] = tags
    if about:
        data["about"] = [thing(entity, request) for entity in about]
    if mentions:
        data["mentions"] = [thing(entity, request) for entity in mentions]
    source = article.source_organization
    if source:
        data["sourceOrganization"] = thing(source, request)
    if article.source_url:
        data["isBasedOn"] = article.source_url
    return data


def person_json_ld(person, request) -> dict:
    data = {
        "@context": SCHEMA,
        "@type": "Person",
        "name": person.name,
        "url": _abs(request, person.get_absolute_url()),
    }
    aliases = [alias.name for alias in person.aliases.all()]
    if aliases:
        data["alternateName"] = aliases
    if person.bio:
        data["description"] = person.bio
    if person.wikidata_id:
        data["sameAs"] = _wikidata(person)
    current = [a for a in person.affiliations.all() if a.is_current]
    if current:
        data["jobTitle"] = current[0].title
        data["affiliation"] = [thing(a.organization, request) for a in current]
    return data


def organization_json_ld(organization, request) -> dict:
    data = {
        "@context": SCHEMA,
        "@type": "Organization",
        "name": organization.name,
        "url": _abs(request, organization.get_absolute_url()),
    }
    alternate = [organization.acronym] if organization.acronym else []
    alternate += [alias.name for alias in organization.aliases.all()]
    if alternate:
        data["alternateName"] = alternate
    if organization.description:
        data["description"] = organization.description
    if organization.logo:
        data["logo"] = _abs(request, organization.logo.url)
    same_as = _wikidata(organization) + ([organization.website] if organization.website else [])
    if same_as:
        data["sameAs"] = same_as
    if organization.parent:
        data["parentOrganization"] = thing(organization.parent, request)
    children = list(organization.children.all())
    if children:
        data["subOrganization"] = [thing(child, request) for child in children]
    return data


def event_json_ld(event, request) -> dict:
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event.name,
        "url": _abs(request, event.get_absolute_url()),
        "startDate": event.local_start.date().isoformat() if event.all_day else event.local_start.isoformat(),
    }
    if event.local_end:
        data["endDate"] = event.local_end.date().isoformat() if event.all_day else event.local_end.isoformat()
    if event.description:
        data["description"] = event.description
    if event.venue or event.city:
        address = {"@type": "PostalAddress"}
        if event.city:
            address["addressLocality"] = event.city
        if event.country:
            address["addressCountry"] = event.country
        data["location"] = {"@type": "Place", "name": event.venue or event.city, "address": address}
    organizers = [thing(org, request) for org in event.organizers.all()]
    if organizers:
        data["organizer"] = organizers
    links = getattr(event, "participant_list", None)
    links = event.participant_links.all() if links is None else links
    attendees = [thing(link.person, request) for link in links]
    if attendees:
        data["attendee"] = attendees
    if event.parent:
        data["superEvent"] = thing(event.parent, request)
    return data


def website_json_ld(request) -> dict:
    """The site itself, with its search, so search engines can offer a search box for it."""
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": settings.NEWSROOM_SITE_NAME,
        "url": _abs(request, "/"),
        "publisher": publisher(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": _abs(request, "/search/") + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
