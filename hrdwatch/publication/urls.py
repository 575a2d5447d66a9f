"""Public site URLs, mounted at the site root."""

from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from .feeds import DefenderFeed, LatestCasesFeed
from .views import cases, defender, site, site_pages

app_name = "publication"
urlpatterns = [
    path("", site.home, name="home"),
    path("cases/", cases.case_list, name="cases"),
    path("cases.csv", cases.export_csv, name="cases-csv"),
    path("cases.json", cases.export_json, name="cases-json"),
    path("defenders/", site_pages.defender_list, name="defenders"),
    path("countries/", site_pages.country_list, name="countries"),
    path("about/<slug:slug>/", site_pages.about, name="about"),
    path("defenders/<slug:uid>/", defender.defender_page, name="defender"),
    path("defenders/<slug:uid>/feed.atom", DefenderFeed(), name="defender-feed"),
    path("countries/<str:code>/", site.country_page, name="country"),
    path("statistics/", include("hrdwatch.statistics.urls")),
    path("feed.atom", LatestCasesFeed(), name="feed"),
    path("robots.txt", site.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"defenders": site.DefenderSitemap, "pages": site.PageSitemap}},
        name="sitemap",
    ),
]
