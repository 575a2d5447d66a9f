import pytest

from hrdwatch.core.countries import UnknownCountryError, country_name, normalise_country
from hrdwatch.core.text import detect_script, fold


def test_fold_removes_accents_case_and_vietnamese_d():
    assert fold("Nguyễn Văn Đài") == "nguyen van dai"
    assert fold("ÁLVAREZ") == "alvarez"


def test_fold_keeps_chinese_and_folds_arabic_letter_variants():
    assert fold("王全璋") == "王全璋"
    assert fold("أحمد") == fold("احمد")
    assert fold("مدرسة") == fold("مدرسه")


def test_scripts_are_detected():
    assert detect_script("王全璋") == "Hani"
    assert detect_script("Алесь") == "Cyrl"
    assert detect_script("علاء") == "Arab"
    assert detect_script("Nguyễn") == "Latn"


def test_countries_accept_codes_and_names_and_refuse_the_rest():
    assert normalise_country("vn") == "VN"
    assert normalise_country("VNM") == "VN"
    assert normalise_country("Egypt") == "EG"
    with pytest.raises(UnknownCountryError):
        normalise_country("Atlantis")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Turkey", "TR"),  # Türkiye in ISO 3166-1 since 2022
        ("Russia", "RU"),  # Russian Federation in ISO 3166-1
        ("Palestine", "PS"),  # Palestine, State of
        ("UAE", "AE"),
        ("Burma", "MM"),
        ("DRC", "CD"),
        ("Congo (Kinshasa)", "CD"),
        ("Ivory Coast", "CI"),
        ("the Philippines", "PH"),
        ("  Viet   Nam ", "VN"),
        ("Guinée", "GN"),  # the names of reports in other languages
        ("Guinee", "GN"),
        ("Brasil", "BR"),
        ("Marruecos", "MA"),
        ("Египет", "EG"),
        ("Russie", "RU"),
        ("Côte d’Ivoire", "CI"),
    ],
)
def test_countries_accept_the_names_reports_use(name: str, code: str) -> None:
    assert normalise_country(name) == code


@pytest.mark.parametrize(
    "name", ["Korea", "Crimea", "Tibet", "America", "Papua", "West", "Arab", "Y", "Sip"]
)
def test_a_name_that_is_no_one_country_is_refused(name: str) -> None:
    with pytest.raises(UnknownCountryError):
        normalise_country(name)
    assert country_name("EG", "fr") == "Égypte"
    assert country_name("EG", "es") == "Egipto"
