"""Uploaded files' documents get their organisation in the pseudo-URL (``pipeline.upload_url``),
so the same file uploaded by two organisations never resolves to one document."""

from urllib.parse import quote

from django.db import migrations


def forwards(apps, schema_editor):
    Document = apps.get_model("ingestion", "Document")
    uploads = Document.objects.filter(source__kind="file", source__organisation__isnull=False)
    for document in uploads.select_related("source__organisation"):
        source = document.source
        new = f"upload://{source.organisation.slug}/{source.file_sha256}/{quote(source.file_name)}"
        if document.url != new and not Document.objects.filter(url=new, variant=document.variant).exists():
            Document.objects.filter(pk=document.pk).update(url=new)


class Migration(migrations.Migration):
    dependencies = [("ingestion", "0002_minhash_value_index")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
