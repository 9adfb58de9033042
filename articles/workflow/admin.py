"""The editorial workflow in the article admin: status changes, actions, Authors' limits.

Every path that changes an article's status here (the change form, the list's actions, bulk
delete) ends in ``articles.workflow.services``; the form checks the same rules first so
an editor sees what to fix next to the fields, with everything they typed still in the form.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.options import ActionLocation, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.changes import content_changed
from articles.models import Article
from articles.workflow.changelist import ArticleChangeList, DeskViewFilter, desk_time
from articles.workflow.services import (
    article_publish,
    article_return_to_draft,
    article_schedule,
    article_submit_for_review,
    article_unpublish,
    articles_for,
    can_publish,
    publish_problems,
)

Status = Article.Status


PUBLIC_STATUSES = (Status.PUBLISHED, Status.SCHEDULED)
PUBLISHER_STATUSES = (Status.PUBLISHED, Status.SCHEDULED, Status.UNPUBLISHED)
AUTHOR_CHOICES = [(Status.DRAFT, Status.DRAFT.label), (Status.IN_REVIEW, Status.IN_REVIEW.label)]


def newsroom_zone_name() -> str:
    """The newsroom's timezone as editors read it: "Asia/Tehran (+0330)"."""
    now = timezone.localtime()
    return f"{settings.TIME_ZONE} ({now.tzname()})"


def posted_byline_count(data, prefix: str = "bylines") -> int:
    """How many bylines the submitted change form will leave (rows with a person, not deleted)."""
    try:
        total = int(data.get(f"{prefix}-TOTAL_FORMS", 0))
    except (TypeError, ValueError):
        return 0
    return sum(
        1
        for i in range(min(total, 1000))
        if data.get(f"{prefix}-{i}-person") and not data.get(f"{prefix}-{i}-DELETE")
    )


class ArticleWorkflowForm(forms.ModelForm):
    """Checks a status change against the user's role and the publish gate before anything is saved."""

    user = None  # the editor, set by the admin on the class it builds for each request

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The status the article was opened with: a save that changes it is a workflow step.
        self.loaded_status = self.instance.status if self.instance.pk else Status.DRAFT
        user = self.user
        status = self.fields.get("status")
        if status is not None and not can_publish(user):
            status.choices = AUTHOR_CHOICES
            status.help_text = "Submit for review when the story is ready; an Editor publishes it."
        for name in ("published_at", "unpublish_at"):
            if name in self.fields:
                self.fields[
                    name
                ].help_text += f" Times are in the newsroom's timezone, {newsroom_zone_name()}."

    def requested_transition(self) -> str | None:
        """The status this save asks for, when it is a workflow step (a new time counts for scheduled)."""
        status = self.cleaned_data.get("status")
        if status is None:
            return None
        if status != self.loaded_status:
            return status
        if status == Status.SCHEDULED and "published_at" in self.changed_data:
            return status
        return None

    def clean(self):
        cleaned = super().clean()
        target = self.requested_transition()
        if target is None:
            return cleaned
        if target in PUBLISHER_STATUSES and not can_publish(self.user):
            self.add_error(
                "status" if "status" in self.fields else None,
                "Only an Editor can publish, schedule or unpublish. Choose “In review” to hand it over.",
            )
            return cleaned
        if target == Status.SCHEDULED:
            when = cleaned.get("published_at", self.instance.published_at)
            if when is None or when <= timezone.now():
                self.add_error(
                    "published_at" if "published_at" in self.fields else None,
                    "To schedule the article, set a publish time in the future.",
                )
        if target == Status.PUBLISHED and not cleaned.get("published_at"):
            # "Published" with an empty time means now (the model requires a time for published).
            cleaned["published_at"] = timezone.now()
        if target in PUBLIC_STATUSES:
            bylines = posted_byline_count(self.data)
            for problem in publish_problems(
                body=cleaned.get("body", self.instance.body),
                dek=cleaned.get("dek", self.instance.dek),
                lead_image=cleaned.get("lead_image", self.instance.lead_image),
                byline_count=bylines,
            ):
                self.add_error(None, f"Cannot {target_verb(target)}: {problem}")
        return cleaned


def target_verb(status: str) -> str:
    return {Status.PUBLISHED: "publish", Status.SCHEDULED: "schedule"}.get(status, "change status")


def _run(modeladmin, request, queryset, step, done: str, **kwargs) -> None:
    """Apply a workflow step to each selected article; report successes and what to fix."""
    succeeded = 0
    # One transaction for the batch, so its articles' derived data follows in one change notice;
    # each step is its own savepoint, so an article the gate refuses leaves the others published.
    with transaction.atomic():
        for article in queryset:
            try:
                step(article=article, by=request.user, **kwargs)
            except PermissionDenied as error:
                modeladmin.message_user(request, str(error), messages.ERROR)
                return
            except ValidationError as error:
                modeladmin.message_user(
                    request, f"“{article.headline}”: {' '.join(error.messages)}", messages.ERROR
                )
            else:
                succeeded += 1
    if succeeded:
        modeladmin.message_user(request, f"{succeeded} article(s) {done}.", messages.SUCCESS)


@admin.action(description=_("Submit selected articles for review"))
def submit_for_review(modeladmin, request, queryset):
    _run(modeladmin, request, queryset, article_submit_for_review, "submitted for review")


@admin.action(description=_("Publish selected articles now (Editors)"))
def publish_now(modeladmin, request, queryset):
    _run(modeladmin, request, queryset, article_publish, "published")


@admin.action(description=_("Schedule selected articles at their publish time (Editors)"))
def schedule(modeladmin, request, queryset):
    _run(modeladmin, request, queryset, article_schedule, "scheduled")


@admin.action(description=_("Unpublish selected articles (Editors)"))
def unpublish(modeladmin, request, queryset):
    _run(modeladmin, request, queryset, article_unpublish, "unpublished")


@admin.action(description=_("Return selected articles to draft"))
def return_to_draft(modeladmin, request, queryset):
    _run(modeladmin, request, queryset, article_return_to_draft, "returned to draft")


EDITOR_ACTIONS = ("publish_now", "schedule", "unpublish")


class ArticleWorkflowAdminMixin:
    """Mixed into ArticleAdmin: the workflow form, actions, list columns and Authors' limits."""

    form = ArticleWorkflowForm
    change_list_template = "admin/articles/article/change_list.html"
    # A revert restores the text, never the status: publishing goes through the workflow.
    revert_keeps_fields = (
        "status",
        "published_at",
        "unpublish_at",
        "first_published_at",
        "last_published_at",
    )
    recovered_values = {"status": Status.DRAFT}
    # Status changes in the list go through these actions, never an editable column: a dropdown on
    # every row is one slip of the scroll wheel away from publishing the wrong story.
    actions = [submit_for_review, publish_now, schedule, unpublish, return_to_draft]

    def get_queryset(self, request):
        # Authors see the articles they created or that carry their byline.
        return articles_for(request.user, super().get_queryset(request))

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        # Each role is offered only what it may do: publishing steps are for Editors.
        actions = super().get_actions(request, action_location)
        if not can_publish(request.user):
            for name in EDITOR_ACTIONS:
                actions.pop(name, None)
        return actions

    def recoverlist_view(self, request, extra_context=None):
        # Deleted articles have no owner left to check against: recovering them is for Editors.
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["css/admin_desk.css"]})

    def changelist_view(self, request, extra_context=None):
        current = request.GET.get(DeskViewFilter.parameter_name)
        desk_views = [
            {"label": label, "query": f"?{DeskViewFilter.parameter_name}={key}", "current": key == current}
            for key, label in DeskViewFilter.VIEWS.items()
        ]
        context = {
            **(extra_context or {}),
            "may_recover": can_publish(request.user),
            "desk_views": desk_views,
            "desk_view_all_current": not current,
            "newsroom_zone": newsroom_zone_name(),
        }
        return super().changelist_view(request, context)

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user):
            fields += ["published_at", "unpublish_at"]
            if obj is not None and obj.status in PUBLISHER_STATUSES:
                fields.append("status")
        return fields

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    @admin.display(description=_("Publish time"), ordering="published_at")
    def publish_time(self, article):
        return desk_time(article.published_at)

    @admin.display(description=_("Updated"), ordering="updated_at")
    def updated(self, article):
        return desk_time(article.updated_at)

    @admin.display(description=_("Byline"))
    def byline(self, article):
        # Read from the list's prefetch (ArticleChangeList): no query per row.
        names = []
        for line in article.bylines.all():
            if line.role == line.Role.AUTHOR:
                names.append(line.person.name)
            else:
                names.append(f"{line.person.name} ({line.get_role_display().lower()})")
        return ", ".join(names) or "—"

    def transition(self, form) -> tuple[str, object] | None:
        """The workflow step a valid form asks for: (status, publish time), or None."""
        target = form.requested_transition() if hasattr(form, "requested_transition") else None
        return None if target is None else (target, form.cleaned_data.get("published_at"))

    def has_change_permission(self, request, obj=None):
        # What readers see (or will see at a set time) changes only through an Editor: an Author
        # gets the read-only view of a published or scheduled article and asks an Editor, who can
        # return it to draft.
        if obj is not None and obj.status in PUBLIC_STATUSES and not can_publish(request.user):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status in PUBLIC_STATUSES and not can_publish(request.user):
            return False
        return super().has_delete_permission(request, obj)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if not can_publish(request.user) and any(obj.status in PUBLIC_STATUSES for obj in objs):
            # The confirmation page names what is missing and the admin refuses the deletion.
            perms_needed = {*perms_needed, "published or scheduled articles (an Editor deletes those)"}
        return deleted, counts, perms_needed, protected

    def delete_queryset(self, request, queryset):
        public = list(queryset.filter(status__in=PUBLIC_STATUSES).values_list("pk", flat=True))
        if public and not can_publish(request.user):
            raise PermissionDenied("Only an Editor can delete published or scheduled articles.")
        # One transaction: the change notice goes out once the articles are gone.
        with transaction.atomic():
            content_changed(article_ids=public, reason="deleted")
            super().delete_queryset(request, queryset)

    def delete_model(self, request, obj):
        if obj.status in PUBLIC_STATUSES:
            if not can_publish(request.user):
                raise PermissionDenied("Only an Editor can delete published or scheduled articles.")
            content_changed(article_ids=[obj.pk], reason="deleted")
        super().delete_model(request, obj)
