"""Migrating from Uwazi (HURIDOCS): its CSV export, mapped onto defenders, cases, events, charges
and sources by a mapping file, then loaded by the ordinary importer (same checks, same audit).

``export_file`` reads the export as Uwazi writes it, ``mapping`` reads (or drafts) the mapping,
``convert`` turns rows into the interchange document and reports every value it cannot place.
"""
