"""Catalogue search that forgives: no Polish letters, any inflected form, a small typo.

Works the same on SQLite and PostgreSQL. Each service's text is split into words, each word
stemmed with the Snowball Polish stemmer *before* its letters are folded to ASCII, and the
stems are stored in ``SearchTerm`` with a weight by where they came from (name > summary,
areas, groups > description). A query word is folded and stemmed the same way and then
matched against the stored vocabulary — found by an index range on its first letters, so the
cost does not grow with the number of services — when one is a prefix of the other (Polish
endings: ``posilkow`` ~ ``posilk``) or within a small edit distance (typos:
``wytchnieniw`` ~ ``wytchnieniow``). Services must match every query word; they are ranked
by the weights of what they matched.
"""

import re
from dataclasses import dataclass

import snowballstemmer
from django.db.models import Case, F, IntegerField, OuterRef, QuerySet, Subquery, Sum, When
from django.db.models.functions import Coalesce
from rapidfuzz.distance import Levenshtein

from opencus.core.text import fold

WEIGHT_NAME, WEIGHT_SUMMARY, WEIGHT_DESCRIPTION = 8, 3, 1
MAX_TERM = 40
MIN_PREFIX = 4  # shorter stems match only exactly ("dom" must not match "domowa")
# Match qualities multiply a term's weight: the word as typed beats another ending, which
# beats a typo.
EXACT, PREFIX, TYPO = 3, 2, 1
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Words that say nothing about a service.
STOPWORDS = frozenset(
    [
        "a",
        "i",
        "o",
        "u",
        "w",
        "z",
        "we",
        "ze",
        "na",
        "do",
        "od",
        "po",
        "dla",
        "lub",
        "oraz",
        "albo",
        "czy",
        "to",
        "jest",
        "są",
        "się",
        "nie",
        "tak",
        "jak",
        "przez",
        "przy",
        "the",
        "and",
        "or",
        "of",
        "for",
        "in",
        "on",
        "at",
        "to",
        "with",
        "by",
        "a",
        "an",
        "is",
        "are",
    ]
)

_stemmer = snowballstemmer.stemmer("polish")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text or "") if w.lower() not in STOPWORDS]


def stem(word: str) -> str:
    """The index form of a word: stemmed with its Polish letters, then folded."""
    return fold(_stemmer.stemWord(word))[:MAX_TERM]


def document_terms(weighted_texts: list[tuple[str, int]]) -> dict[str, int]:
    """{term: weight} for a service's texts; a term keeps the highest weight it gets."""
    terms: dict[str, int] = {}
    for text, weight in weighted_texts:
        for word in words(text):
            term = stem(word)
            if len(term) >= 2 and terms.get(term, 0) < weight:
                terms[term] = weight
    return terms


@dataclass(frozen=True)
class QueryWord:
    text: str
    forms: frozenset[str]

    def quality(self, term: str) -> int:
        """How well ``term`` matches: EXACT, PREFIX (another ending), TYPO, or 0 (no match)."""
        best = 0
        for form in self.forms:
            if term == form:
                return EXACT
            shorter, longer = sorted((term, form), key=len)
            # Endings differ by a few letters; a short stem may not swallow a long word
            # ("polk" from "półkę" is not "polkolonie").
            reach = min(4, max(2, len(shorter) // 2))
            if (
                len(shorter) >= MIN_PREFIX
                and longer.startswith(shorter)
                and len(longer) - len(shorter) <= reach
            ):
                best = max(best, PREFIX)
                continue
            allowed = 2 if len(form) >= 9 else 1 if len(form) >= 5 else 0
            if (
                allowed
                and abs(len(term) - len(form)) <= allowed
                and Levenshtein.distance(term, form) <= allowed
            ):
                best = max(best, TYPO)
        return best

    def accepts(self, term: str) -> bool:
        return self.quality(term) > 0


def parse_query(query: str) -> list[QueryWord]:
    parsed = []
    for word in words(query)[:8]:
        forms = {stem(word), fold(word)[:MAX_TERM], fold(_stemmer.stemWord(fold(word)))[:MAX_TERM]}
        parsed.append(QueryWord(word, frozenset(f for f in forms if len(f) >= 2)))
    return [w for w in parsed if w.forms]


def matching_terms(word: QueryWord) -> dict[str, int]:
    """{term: quality} of the vocabulary terms ``word`` accepts, found by an index range on
    their first letters."""
    from opencus.catalogue.models import SearchWord

    candidates: set[str] = set()
    for prefix in {form[:3] for form in word.forms}:
        candidates.update(
            SearchWord.objects.filter(term__gte=prefix, term__lt=prefix + "\x7f").values_list(
                "term", flat=True
            )
        )
    qualities = {term: word.quality(term) for term in sorted(candidates)}
    return {term: q for term, q in qualities.items() if q}


def match_services(services: QuerySet, query: str):
    """(services matching every word, {term: quality}, parsed words, matched)."""
    from opencus.catalogue.models import SearchTerm

    parsed = parse_query(query)
    quality: dict[str, int] = {}
    for word in parsed:
        terms = matching_terms(word)
        if not terms:
            return services.none(), {}, parsed, False
        for term, q in terms.items():
            quality[term] = max(q, quality.get(term, 0))
        # IN (postings) rather than a correlated EXISTS: the engine reads the word's postings
        # once through the term index instead of probing them for every service.
        services = services.filter(
            pk__in=SearchTerm.objects.filter(term__in=sorted(terms)).values("service_id")
        )
    return services, quality, parsed, True


def _weighted(quality: dict[str, int]) -> Case:
    by_quality = {
        q: sorted(t for t, tq in quality.items() if tq == q) for q in (EXACT, PREFIX, TYPO)
    }
    return Case(
        *[When(term__in=terms, then=F("weight") * q) for q, terms in by_quality.items() if terms],
        default=F("weight"),
        output_field=IntegerField(),
    )


def apply_search(services: QuerySet, query: str) -> tuple[QuerySet, list[QueryWord], bool]:
    """Filter ``services`` to those matching every word of ``query`` and rank them.

    Returns (queryset, parsed words, matched): ``matched`` is False when no word found any
    term (the caller can then say so instead of listing nothing).
    """
    from opencus.catalogue.models import SearchTerm

    matched_services, quality, parsed, matched = match_services(services, query)
    if not parsed:
        return services.order_by("name"), [], True
    if not matched:
        return matched_services, parsed, False
    score = (
        SearchTerm.objects.filter(service=OuterRef("pk"), term__in=sorted(quality))
        .order_by()
        .values("service")
        .annotate(total=Sum(_weighted(quality)))
        .values("total")
    )
    ranked = matched_services.annotate(
        score=Coalesce(Subquery(score, output_field=IntegerField()), 0)
    )
    return ranked.order_by("-score", "name"), parsed, True


class RankedServices:
    """A search's services in rank order, as a Paginator reads them (``count()``, slices).

    Ranks with one GROUP BY over the matched postings, then loads only the page's services:
    the per-request cost follows the postings of the query words, not a subquery per service.
    """

    def __init__(self, matched: QuerySet, quality: dict[str, int], detail: QuerySet):
        from opencus.catalogue.models import SearchTerm

        self.matched, self.detail = matched, detail
        self.ranking = (
            SearchTerm.objects.filter(term__in=sorted(quality), service__in=matched.values("pk"))
            .values("service_id")
            .annotate(score=Sum(_weighted(quality)))
            .order_by("-score", "service_id")
        )

    def count(self) -> int:
        return self.matched.count()

    def __getitem__(self, window: slice) -> list:
        rows = list(self.ranking[window])
        services = {s.pk: s for s in self.detail.filter(pk__in=[r["service_id"] for r in rows])}
        page = []
        for row in rows:
            service = services[row["service_id"]]
            service.score = row["score"]
            page.append(service)
        return page


def service_texts(service) -> list[tuple[str, int]]:
    """What of a service is searchable, with its weight (labels in Polish and English)."""
    from django.utils import translation

    labels = []
    for term in [*service.areas.all(), *service.target_groups.all(), *service.needs.all()]:
        for language in ("pl", "en"):
            with translation.override(language):
                labels.append(str(term.label))
    return [
        (service.name, WEIGHT_NAME),
        (service.summary, WEIGHT_SUMMARY),
        (" ".join(labels), WEIGHT_SUMMARY),
        (service.description, WEIGHT_DESCRIPTION),
        (service.provider.name if service.provider_id else "", WEIGHT_DESCRIPTION),
    ]


def index_service(service) -> None:
    """Replace the service's index rows; call inside the transaction that changed it."""
    from opencus.catalogue.models import SearchTerm, SearchWord

    terms = document_terms(service_texts(service))
    SearchTerm.objects.filter(service=service).delete()
    SearchTerm.objects.bulk_create(
        [SearchTerm(service=service, term=term, weight=weight) for term, weight in terms.items()]
    )
    SearchWord.objects.bulk_create([SearchWord(term=term) for term in terms], ignore_conflicts=True)
