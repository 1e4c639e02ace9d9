"""The library's word table: every entry speaks both languages with the same fields."""

from __future__ import annotations

import string

import pytest

from hometeams._words import LANGUAGES, WORDS, Word, check_lang, phrase, plain_number, words
from hometeams.errors import InvalidArgument
from hometeams.metrics import METRICS


def _fields(template: str) -> set[str]:
    """The names of the ``{fields}`` of a format string."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_entry_has_both_languages_with_the_same_fields(key: str) -> None:
    """An entry is a ``Word`` with a non-empty text and the same ``{fields}`` in each language."""
    word = WORDS[key]
    assert isinstance(word, Word)
    assert all(isinstance(t, str) and t for t in word), key
    assert _fields(word.en) == _fields(word.nb), key


def test_keys_are_dotted_lowercase_names() -> None:
    """Every key names the part of the library that speaks it: ``report.``, ``erlang.``, ..."""
    bad = [k for k in WORDS if "." not in k or k != k.strip() or k.lower() != k]
    assert not bad


def test_lookup_fills_the_fields_in_the_language_asked_for() -> None:
    """``words`` picks the language and fills the fields; other languages are refused."""
    assert words("report.differences", "en", baseline="fixed") == "Differences from fixed"
    assert words("report.differences", "nb", baseline="fast") == "Forskjeller fra fast"
    assert LANGUAGES == ("en", "nb")
    assert check_lang("en") == "en"
    with pytest.raises(InvalidArgument, match=r"lang: must be one of \['en', 'nb'\], got 'de'"):
        words("report.differences", "de", baseline="fixed")


def test_every_metric_of_the_catalogue_has_its_label_and_no_other() -> None:
    """The ``metric.`` entries are exactly the catalogue's metrics, and label them."""
    labelled = {k.removeprefix("metric.") for k in WORDS if k.startswith("metric.")}
    assert labelled == set(METRICS)
    info = METRICS["idle_share"]
    assert (info.label_en, info.label_nb) == ("Idle share", "Ledig gang")


@pytest.mark.parametrize(
    ("value", "lang", "spec", "expected"),
    [
        (0.75, "en", "g", "0.75"),
        (0.75, "nb", "g", "0,75"),
        (-2.5, "nb", "+.4g", "-2,5"),
        (12.25, "nb", ".1f", "12,2"),  # 12.25 is exact in binary: halves round to even
        (0.4222, "en", ".0%", "42%"),
        (0.4222, "nb", ".0%", "42 %"),
        (40.0, "nb", "g", "40"),
    ],
)
def test_plain_number_writes_the_language_s_decimal_mark_and_percent(
    value: float, lang: str, spec: str, expected: str
) -> None:
    """Bokmål takes a decimal comma and a space before ``%``; English is Python's format."""
    assert plain_number(value, lang, spec) == expected


def test_plain_number_refuses_an_unknown_language() -> None:
    """The language is checked like a word's."""
    with pytest.raises(InvalidArgument, match="lang: must be one of"):
        plain_number(1.5, "de")


def test_a_phrase_says_its_fields_in_the_language_asked_for() -> None:
    """Numbers by the template's spec, nested phrases and lists of them in the same language."""
    day = phrase("weekday.in_week", day=phrase("weekday.saturday"), week=2)
    times = (phrase("findings.time", time="08:00", day=day),) * 4
    said = phrase("findings.coverage", times=phrase("findings.more_items", items=times[:3], n=1))
    assert said.text("en") == (
        "nobody who can make the visit is on shift within its window at 08:00 on Saturday of "
        "week 2, 08:00 on Saturday of week 2, 08:00 on Saturday of week 2 and 1 more"
    )
    assert said.text("nb") == (
        "ingen som kan ta besøket, er på vakt innenfor tidsvinduet for lørdag uke 2 kl. 08:00, "
        "lørdag uke 2 kl. 08:00, lørdag uke 2 kl. 08:00 og 1 til"
    )
    contract = phrase(
        "findings.contract", rostered=40.0, percent=75.0, contract=28.125, over=11.875,
        share=11.875 / 28.125,
    )  # fmt: skip
    assert contract.text("nb") == (
        "turnusført 40 timer i uka mot en 75 % stilling på 28,125 timer: 11,875 timer (42 %) over"
    )
    assert said == phrase("findings.coverage", times=said.fields[0][1])  # a value: comparable
    with pytest.raises(InvalidArgument, match=r"key: not an entry of the word table, got 'x\.y'"):
        phrase("x.y")
