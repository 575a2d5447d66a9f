"""Long lists of detained people with their roles in apposition, names side by side in an
inflecting language, feminine names in the accusative, names in quotation marks, and how long
someone is held standing between the event word and the list. Invented sentences only."""

from __future__ import annotations

from hrdwatch.extraction.rules.names import nominative, split_names
from tests.extraction.test_languages import analyse, find, forms


def test_feminine_accusative_name_gets_a_feminine_nominative() -> None:
    assert nominative("Марину Кузнецову") == "Марина Кузнецова"
    assert nominative("Ивана Петрова") == "Иван Петров"


def test_two_russian_names_side_by_side_are_cut_before_the_second_first_name() -> None:
    assert split_names(["Ивана", "Петрова", "Сергея", "Петрова"]) == [2]
    # family name first, then first name and patronymic: one person
    assert split_names(["Сидоров", "Иван", "Петрович"]) == []


def test_a_genitive_name_before_the_victim_is_not_a_victim() -> None:
    text = (
        "Суд в Казани отправил под стражу на два месяца брата политика Ивана Петрова Сергея "
        "Петрова, координатора штаба Андрея Смирнова, редактора «Вечерней газеты» Ольгу "
        "Иванову, а также активистку Марину Кузнецову."
    )
    found = analyse(text, "ru")
    names = {n for v in found.victims for n in forms(v)}
    for victim in ("Сергея Петрова", "Андрея Смирнова", "Ольгу Иванову", "Марину Кузнецову"):
        assert find(found, {victim}) is not None, victim
    assert "Ивана Петрова" not in names
    assert "Марина Кузнецова" in names
    assert not any("газет" in n for n in names)


def test_a_name_in_quotation_marks_is_a_title_not_a_person() -> None:
    text = (
        "La police a arrêté mardi le rédacteur du journal « Paul Lambert » Marc Dupuis et la "
        "militante Claire Martin à Lyon."
    )
    found = analyse(text, "fr")
    assert find(found, {"Marc Dupuis"}) is not None
    assert find(found, {"Paul Lambert"}) is None


def test_how_long_someone_is_held_may_stand_before_the_list() -> None:
    text = (
        "A court in Almaty remanded for two months the trade unionists Daniyar Omarov, "
        "Serik Bekov and Aigerim Nurlanova."
    )
    found = analyse(text, "en")
    for victim in ("Daniyar Omarov", "Serik Bekov", "Aigerim Nurlanova"):
        assert find(found, {victim}) is not None, victim


def test_spanish_list_joined_by_y_holds_two_full_names() -> None:
    text = (
        "Los detenidos fueron identificados como Rosa Méndez Prado, Tomás Ruiz Calle, "
        "Ana Beltrán Soto y Luis Mora Díaz, quienes fueron arrestados el martes."
    )
    found = analyse(text, "es")
    for victim in ("Ana Beltrán Soto", "Luis Mora Díaz"):
        assert find(found, {victim}) is not None, victim


def test_employer_and_apposition_between_name_and_verb() -> None:
    text = (
        "It is not known why reporter Karim Haddad of the state daily Al-Nour was arrested on "
        "3 May. The economist Lena Moreau, described by prosecutors as the “ringleader,” received "
        "the heaviest sentence of eight years."
    )
    found = analyse(text, "en")
    assert find(found, {"Karim Haddad"}) is not None
    assert find(found, {"Lena Moreau"}) is not None
