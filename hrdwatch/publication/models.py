"""The public projection: one row per public case, built only from what the visibility gate returns.

Search, facets, the case list, feeds and statistics read these rows instead of joining the whole
record on every request; ``search.index`` rebuilds them whenever the record changes.
"""

from __future__ import annotations

from django.db import models

from .search.fields import TokenVectorField


class SearchEntry(models.Model):
    """A public case as the public site sees it: search tokens, sort keys and statistics columns."""

    case = models.OneToOneField(
        "records.Case",
        on_delete=models.CASCADE,
        related_name="search_entry",
        help_text="The public case this row describes.",
    )
    defender = models.ForeignKey(
        "records.Defender",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The defender deprived of liberty.",
    )
    tokens = TokenVectorField(help_text="Pre-tokenised search text (FTS5 text or tsvector).")
    name_sort = models.CharField(
        max_length=300, db_index=True, help_text="Folded display name, for sorting."
    )
    country = models.CharField(
        max_length=2, db_index=True, help_text="ISO 3166-1 alpha-2 detaining state."
    )
    status = models.CharField(max_length=64, db_index=True, help_text="Stated case status code.")
    gender = models.CharField(max_length=64, blank=True, help_text="Gender code of the defender.")
    arrest_year = models.PositiveIntegerField(
        null=True, blank=True, db_index=True, help_text="Year of arrest, if known."
    )
    arrest_day = models.IntegerField(
        null=True, blank=True, help_text="Arrest date as days since 1970-01-01."
    )
    release_day = models.IntegerField(
        null=True, blank=True, help_text="Release date as days since 1970-01-01."
    )
    detained_since = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Arrest date while the defender is still detained.",
    )
    sentence_months = models.PositiveIntegerField(
        null=True, blank=True, help_text="Longest prison term, in months."
    )
    sentence_kind = models.CharField(
        max_length=16, blank=True, help_text="Kind of the heaviest sentence."
    )
    updated_at = models.DateTimeField(help_text="Last change of the case or its defender.")
    published_at = models.DateTimeField(help_text="When the case was first created.")

    class Meta:
        indexes = [
            models.Index(fields=["country", "arrest_year"], name="search_country_year_idx"),
            models.Index(fields=["-updated_at", "-id"], name="search_latest_idx"),
            # Country pages and most lists filter by country: latest first without a sort step, and
            # the other single-valued facets checked in the index, so a rare combination (a small
            # gender in a large country) walks index entries, not the wide rows.
            models.Index(
                fields=["country", "-updated_at", "-id", "gender", "status", "arrest_year", "case"],
                name="search_country_latest_idx",
            ),
            # Covering indexes for the statistics, so that no aggregate reads the wide rows (tokens).
            models.Index(
                fields=["arrest_day", "release_day", "country"], name="search_detention_idx"
            ),
            models.Index(
                fields=["sentence_kind", "sentence_months", "country"], name="search_sentence_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"search entry for case {self.case_id}"


class SearchFacet(models.Model):
    """One facet value of a public case; multi-valued facets (roles, charges) have several rows."""

    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="facets", help_text="The case row."
    )
    facet = models.CharField(
        max_length=16, help_text="Facet name: country, status, gender, role..."
    )
    value = models.CharField(max_length=64, help_text="Facet value (a code).")

    class Meta:
        indexes = [
            models.Index(fields=["facet", "value", "entry"], name="facet_value_entry_idx"),
            models.Index(fields=["entry", "facet", "value"], name="facet_entry_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["entry", "facet", "value"], name="unique_entry_facet")
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class FacetBitmap(models.Model):
    """The public cases holding one facet value, as a bitmap of case ids (see ``search.bitmaps``).

    The row with an empty facet and value holds every public case.
    """

    facet = models.CharField(
        max_length=16, help_text="Facet name, or empty for the set of all public cases."
    )
    value = models.CharField(max_length=64, help_text="Facet value (a code), or empty.")
    cases = models.BinaryField(
        help_text="Little-endian bitmap: bit n is set when public case n has this value."
    )
    size = models.PositiveIntegerField(
        help_text="Number of bits set: the count for the whole public record."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["facet", "value"], name="unique_facet_bitmap")
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value} ({self.size} cases)"


from .sitepages import SitePage  # noqa: E402, F401  (the site's own pages, registered here)
