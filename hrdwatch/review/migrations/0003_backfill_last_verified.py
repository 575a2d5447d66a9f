"""Cases published before "last verified" existed: their last approval is their last verification."""

from django.db import migrations


def backfill(apps, schema_editor):
    Case = apps.get_model("records", "Case")
    Review = apps.get_model("review", "Review")
    latest: dict[int, tuple] = {}
    for case_id, reviewer_id, created in Review.objects.filter(decision="approve").order_by(
        "created_at"
    ).values_list("case_id", "reviewer_id", "created_at"):
        latest[case_id] = (reviewer_id, created)
    for case_id, (reviewer_id, created) in latest.items():
        Case.objects.filter(pk=case_id, last_verified_at__isnull=True).update(
            last_verified_at=created, last_verified_by_id=reviewer_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0002_checklist_version"),
        ("records", "0003_derived_from_public_facts_and_verification"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
