"""/search/?q=: matching people, organizations and events above the matching published articles."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from articles.public.views import LISTING_PAGE_SIZE
from articles.search import (
    MAX_QUERY_LENGTH,
    MAX_RANKED_MATCHES,
    article_page,
    clean_query,
    entity_results,
    has_words,
    suggest,
)
from articles.search_names import name_index
from newsroom.cache import depends_on

MAX_PAGE = -(-MAX_RANKED_MATCHES // LISTING_PAGE_SIZE)


def _page_number(raw: str | None) -> int:
    """The page asked for: a whole number from 1 to the last page there can be, else 404."""
    try:
        number = int(raw or 1)
    except ValueError as error:
        raise Http404("No such page of results.") from error
    if not 1 <= number <= MAX_PAGE:
        raise Http404("No such page of results.")
    return number


@require_safe
def search(request):
    depends_on("list:search")
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    context = {
        "max_matches": MAX_RANKED_MATCHES,
        "query": query,
        "truncated": len(raw.strip()) > MAX_QUERY_LENGTH,
        "searched": bool(query),
    }
    if query and has_words(query):
        number = _page_number(request.GET.get("page"))
        names = name_index()
        page = article_page(query, number=number, per_page=LISTING_PAGE_SIZE, names=names)
        entities = entity_results(query, names)
        if number == 1 and not page.articles and not any(entities.values()):
            # Nothing at all: perhaps a word was misspelled. Show the nearest spelling's results,
            # if that finds anything; otherwise say that nothing matched what the reader typed.
            corrected = suggest(query, names)
            if corrected:
                fixed_page = article_page(corrected, per_page=LISTING_PAGE_SIZE, names=names)
                fixed_entities = entity_results(corrected, names)
                if fixed_page.articles or any(fixed_entities.values()):
                    context.update(corrected_from=query, query=corrected)
                    page, entities = fixed_page, fixed_entities
        if number > 1 and not page.articles:
            raise Http404("No such page of results.")
        context.update(page_obj=page, articles=page.articles, entities=entities)
    return render(request, "articles/search.html", context)
