"""/search/?q=: matching people, organizations and events above the matching published articles."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from articles.public.views import LISTING_PAGE_SIZE
from articles.search import (
    MAX_QUERY_LENGTH,
    MAX_RANKED_MATCHES,
    article_results,
    clean_query,
    entity_results,
    has_words,
    suggest,
)
from newsroom.cache import depends_on


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
        results, entities = article_results(query), entity_results(query)
        if not any(entities.values()) and not results.exists():
            # Nothing at all: perhaps a name was misspelled. Show the nearest spelling's results.
            corrected = suggest(query)
            if corrected:
                context["corrected_from"], query = query, corrected
                context["query"] = query
                results, entities = article_results(query), entity_results(query)
        paginator = Paginator(results, LISTING_PAGE_SIZE)
        try:
            page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404("No such page of results.") from error
        context.update(page_obj=page, articles=page.object_list, entities=entities)
    return render(request, "articles/search.html", context)
