"""Editors' duplicate handling in the admin: the likely-duplicates page and the merge action.

Merging needs the ``organizations.merge_entities`` permission (Editors, through ``setup_roles``).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from organizations.duplicates import find_duplicates
from organizations.merge import MergeError, entity_merge

MERGE_PERMISSION = "organizations.merge_entities"


class MergeAdminMixin:
    """For PersonAdmin and OrganizationAdmin: ``merge_kind`` is "person" or "organization"."""

    merge_kind = ""
    change_list_template = "admin/organizations/change_list_duplicates.html"
    actions = ["merge_selected"]

    def has_merge_permission(self, request) -> bool:
        return request.user.has_perm(MERGE_PERMISSION)

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "duplicates/",
                self.admin_site.admin_view(self.duplicates_view),
                name="%s_%s_duplicates" % info,  # noqa: UP031
            ),
            *super().get_urls(),
        ]

    def duplicates_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Likely duplicate {self.model._meta.verbose_name_plural}",
            "pairs": find_duplicates(self.merge_kind),
            "can_merge": self.has_merge_permission(request),
            "changelist_url": reverse(
                f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_changelist"
            ),
        }
        return TemplateResponse(request, "admin/organizations/duplicates.html", context)

    @admin.action(
        description=_("Merge the two selected records into one (choose which to keep)"),
        permissions=["merge"],
    )
    def merge_selected(self, request, queryset):
        records = list(
            queryset.annotate(links=Count("article_links", distinct=True)).order_by("-links", "pk")
        )
        if len(records) != 2:
            self.message_user(
                request,
                "Select exactly two records to merge, such as two spellings of one name.",
                messages.ERROR,
            )
            return None
        if request.POST.get("confirm") == "yes":
            keep_id = request.POST.get("keep", "")
            keep = next((r for r in records if str(r.pk) == keep_id), None)
            if keep is None:
                self.message_user(request, "Choose which record to keep.", messages.ERROR)
                return None
            drop = next(r for r in records if r.pk != keep.pk)
            try:
                report = entity_merge(kind=self.merge_kind, keep=keep, drop=drop, user=request.user)
            except MergeError as error:
                self.message_user(request, error.message, messages.ERROR)
                return None
            self.message_user(
                request,
                report.summary() + f" Its old address now redirects to “{keep}”.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Merge two records",
            "records": records,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/organizations/merge_confirm.html", context)
