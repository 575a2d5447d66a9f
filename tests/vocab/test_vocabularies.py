import pytest
from django.utils import translation

from hrdwatch.vocab.defaults import default_terms, install_default_terms
from hrdwatch.vocab.models import Term, Vocabulary

pytestmark = pytest.mark.django_db


def test_every_default_term_is_installed_with_three_languages():
    for vocabulary, terms in default_terms().items():
        assert vocabulary in Vocabulary.values
        for code in terms:
            term = Term.objects.get(vocabulary=vocabulary, code=code)
            assert term.label_en and term.label_fr and term.label_es


def test_labels_follow_the_active_language_with_english_fallback():
    lawyer = Term.objects.get(vocabulary="role", code="lawyer")
    with translation.override("fr"):
        assert lawyer.label() == "Avocat·e"
    with translation.override("es"):
        assert str(lawyer) == "Abogado/a"
    custom = Term.objects.create(vocabulary="role", code="midwife", label_en="Midwife")
    with translation.override("fr"):
        assert custom.label() == "Midwife"


def test_reinstalling_defaults_never_overwrites_a_networks_edits():
    lawyer = Term.objects.get(vocabulary="role", code="lawyer")
    lawyer.label_fr = "Avocate ou avocat"
    lawyer.save()
    assert install_default_terms() == 0
    lawyer.refresh_from_db()
    assert lawyer.label_fr == "Avocate ou avocat"
