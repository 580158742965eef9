"""Catalogue search forgives missing Polish letters, inflection, case and a small typo."""

import pytest

from opencus.catalogue import search
from opencus.catalogue.models import SearchTerm, Service, Vocabulary
from opencus.catalogue.tests.conftest import term

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(world, make_service):
    """``indexed(name, summary=..., description=...)``: a service of world.a with neutral labels.

    Its area is culture and its group "all residents", so that a test's words come only from the
    texts it gives.
    """

    def make(
        name, *, summary="Szczegóły w centrum.", description="Zapytaj w centrum.", centre=None
    ):
        return make_service(
            centre or world.a,
            name=name,
            summary=summary,
            description=description,
            areas=[term(Vocabulary.AREA, "culture")],
            target_groups=[term(Vocabulary.TARGET_GROUP, "all")],
            needs=[],
        )

    return make


def found(query, services=None):
    result, _words, matched = search.apply_search(
        services if services is not None else Service.objects.all(), query
    )
    return [s.name for s in result], matched


# --- what finds what ------------------------------------------------------------------------


def test_a_query_without_polish_letters_finds_the_polish_name(indexed):
    indexed("Dowóz posiłków")
    indexed("Klub seniora")
    assert found("dowoz posilkow") == (["Dowóz posiłków"], True)


def test_case_does_not_matter(indexed):
    indexed("Dowóz posiłków")
    assert found("DOWÓZ") == (["Dowóz posiłków"], True)
    assert found("DoWoZ") == (["Dowóz posiłków"], True)


def test_a_word_without_polish_letters_finds_the_inflected_word(indexed):
    indexed("Usługi opiekuńcze")
    assert found("opiekuncze") == (["Usługi opiekuńcze"], True)


def test_another_inflected_form_finds_the_service(indexed):
    indexed("Usługi opiekuńcze")
    assert found("usługami opiekuńczymi") == (["Usługi opiekuńcze"], True)
    assert found("uslugami opiekunczymi") == (["Usługi opiekuńcze"], True)


def test_a_small_typo_is_forgiven(indexed):
    indexed("Opieka wytchnieniowa")
    assert found("wytchnieniwa") == (["Opieka wytchnieniowa"], True)


def test_a_word_in_the_description_finds_the_service(indexed):
    indexed(
        "Asystent osoby starszej",
        description="Asystent seniora pomaga w zakupach i w drodze do lekarza.",
    )
    indexed("Klub seniora")
    assert found("asystenta seniora") == (["Asystent osoby starszej"], True)


def test_the_labels_of_the_services_terms_are_searchable(indexed):
    indexed("Dowóz posiłków")
    assert found("culture") == (["Dowóz posiłków"], True)


def test_every_word_must_match(indexed):
    indexed("Dowóz posiłków")
    indexed("Opieka wytchnieniowa")
    # Each word is in the catalogue, but no service has both.
    assert found("dowóz wytchnieniowa") == ([], True)


def test_a_word_found_nowhere_says_so(indexed):
    indexed("Dowóz posiłków")
    assert found("xyzzyq") == ([], False)


def test_one_word_found_nowhere_empties_the_result(indexed):
    indexed("Dowóz posiłków")
    assert found("dowóz xyzzyq") == ([], False)


def test_a_name_match_ranks_above_a_description_match(indexed):
    indexed("Spotkania przy kawie", description="Spotkania odbywają się: kawiarenka przy rynku.")
    indexed("Kawiarenka obywatelska")
    assert found("kawiarenka") == (["Kawiarenka obywatelska", "Spotkania przy kawie"], True)


def test_a_summary_match_ranks_above_a_description_match(indexed):
    indexed("Bbb", description="Tu jest rękodzieło.")
    indexed("Ccc", summary="Rękodzieło dla każdego.")
    assert found("rękodzieło") == (["Ccc", "Bbb"], True)


def test_a_short_word_does_not_match_the_beginning_of_a_longer_one(indexed):
    # MIN_PREFIX: "dom" is shorter than 4 letters, so it must not match "domow(a)".
    assert len("dom") < search.MIN_PREFIX
    indexed("Pomoc domowa", summary="Sprzątanie i zakupy.", description="Pranie i zakupy.")
    assert found("dom") == ([], False)
    assert found("domowa") == (["Pomoc domowa"], True)


def test_a_short_word_matches_itself(indexed):
    indexed("Pomoc domowa", summary="Sprzątanie i zakupy.", description="Pranie i zakupy.")
    indexed("Dom dziennego pobytu")
    assert found("dom") == (["Dom dziennego pobytu"], True)


def test_a_long_enough_beginning_matches(indexed):
    indexed("Wypożyczalnia sprzętu rehabilitacyjnego")
    assert found("wypozycz") == (["Wypożyczalnia sprzętu rehabilitacyjnego"], True)


def test_stopwords_are_ignored(indexed):
    indexed("Dowóz posiłków")
    assert [w.text for w in search.parse_query("dowóz dla i do posiłków")] == ["dowóz", "posiłków"]
    assert found("dowóz dla i do posiłków") == (["Dowóz posiłków"], True)


def test_stopwords_are_not_indexed(indexed):
    service = indexed("Dowóz posiłków", summary="Obiad w domu i dla rodziny.")
    terms = set(SearchTerm.objects.filter(service=service).values_list("term", flat=True))
    assert not terms & {"w", "i", "dla"}


def test_a_query_of_stopwords_only_lists_everything_by_name(indexed):
    indexed("Opieka wytchnieniowa")
    indexed("Dowóz posiłków")
    assert found("i w dla") == (["Dowóz posiłków", "Opieka wytchnieniowa"], True)
    assert found("") == (["Dowóz posiłków", "Opieka wytchnieniowa"], True)


def test_the_search_stays_within_the_given_services(world, indexed):
    indexed("Dowóz posiłków")
    indexed("Dowóz posiłków w Becie", centre=world.b)
    assert found("dowóz", Service.objects.filter(centre=world.a)) == (["Dowóz posiłków"], True)


# --- the text helpers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Dowóz posiłków", "dowoz posilkow"),
        ("ŁÓDŹ", "lodz"),
        ("Łańcut, łąka", "lancut, laka"),
        ("Zażółć gęślą jaźń", "zazolc gesla jazn"),
    ],
)
def test_fold_lowers_and_removes_polish_letters_including_l_with_stroke(text, folded):
    assert search.fold(text) == folded


def test_a_word_is_stemmed_before_it_is_folded():
    assert search.stem("posiłków") == "posilk"
    assert search.stem("opiekuńczymi") == search.stem("opiekuńcze")


def test_words_skip_digits_and_punctuation():
    assert search.words("Klub 60+ (Senior) — spotkania!") == ["klub", "senior", "spotkania"]


@pytest.mark.django_db
def test_the_word_as_typed_ranks_above_another_word_with_the_same_beginning(world, make_service):
    make_service(
        world.a, name="Opieka wytchnieniowa", summary="Opieka.", description="Opieka dla opiekunów."
    )
    make_service(
        world.a,
        name="Usługi opiekuńcze",
        summary="Usługi opiekuńcze w domu.",
        description="Pomoc w domu.",
    )
    found, _words, _matched = search.apply_search(Service.objects.all(), "opiekuncze")
    assert next(s.name for s in found) == "Usługi opiekuńcze"


def test_a_short_stem_does_not_swallow_a_long_word():
    word = search.parse_query("półkolonie")[0]
    assert not word.accepts("polk")
    assert search.parse_query("posiłków")[0].accepts("posilk")
