"""What ``import_articles`` does with the names of a plain-text page: list, link, create.

Kept here so the importer calls one function: known entities are listed (and with ``--link``
linked with the role their prominence gives); the names the directory lacks are listed as
proposals (saved for review with ``--link``; created, marked unreviewed, with ``--new``).
"""

from articles.linking.finder import apply_suggestions, suggest_links
from articles.linking.proposals import create_proposed, open_proposals, proposals_store
from articles.linking.resolution import Directory, read_story
from articles.quotes import quotes_attach


def link_imported(report, pages: list, *, link: bool, new: bool) -> None:
    directory = Directory()
    for article in pages:
        story = read_story(article, directory)
        # The credited outlet ("as reported by IRNA") is the story's source, not also a name it mentions.
        suggestions = [
            s
            for s in suggest_links(article, story=story)
            if not (s.kind == "organization" and s.entity.pk == article.source_organization_id)
        ]
        report.suggestions[article.slug] = suggestions
        if link and suggestions:
            report.linked += apply_suggestions(article, suggestions, role=None)
        if not article.pk:  # a dry run reads unsaved articles
            report.proposals[article.slug] = story.proposals
            continue
        report.proposals[article.slug] = open_proposals(article, story)
        if link and new:
            created = create_proposed(article, story)
            report.created_entities += len(created)
            if created:  # the next page must find them under any spelling, not propose them again
                directory = Directory()
                # Quotes whose speaker was not in the directory are attached to the new records now.
                quotes_attach(article=article)
        elif link:
            proposals_store(article, story)
