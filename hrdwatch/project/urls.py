"""URL map: each capability app contributes its own urls module, mounted here once."""

from django.contrib import admin
from django.http import HttpRequest
from django.urls import include, path


def _superusers_only(request: HttpRequest) -> bool:
    """The admin is the configuration desk of the network: superusers only. Partners edit the
    record through their own pages, on the same actions."""
    return bool(request.user.is_active and request.user.is_superuser)


admin.site.has_permission = _superusers_only  # type: ignore[method-assign]

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("hrdwatch.api.urls")),
    path("accounts/", include("hrdwatch.partners.urls")),
    path("workspace/organisation/", include("hrdwatch.partners.organisation_urls")),
    path("report/", include("hrdwatch.partners.report_urls")),
    path("workspace/", include("hrdwatch.workspace.urls")),
    path("review/", include("hrdwatch.review.urls")),
    path("audit/", include("hrdwatch.partners.audit_urls")),
    path("documents/", include("hrdwatch.ingestion.urls")),
    path("candidates/", include("hrdwatch.extraction.urls")),
    path("linkage/", include("hrdwatch.linkage.urls")),
    path("act/", include("hrdwatch.advocacy.urls")),
    path("", include("hrdwatch.publication.urls")),
]
