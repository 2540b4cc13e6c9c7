"""What a caller says becomes the words a search looks for, and a contact detail the
words a case is found by, by the same rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcs_app.domain.search import contact_words, index_form, phone_forms, search_words


@pytest.mark.parametrize(
    "said",
    ["07700 900123", "07700900123", "0770 090 0123", "+44 7700 900123", "(07700) 900-123"],
)
def test_a_phone_number_however_it_is_spaced_is_one_word_that_is_stored(said):
    (word,) = search_words(said)
    assert word in phone_forms("07700 900123")


def test_a_phone_number_is_stored_as_a_caller_may_say_it():
    assert phone_forms("07700 900123") == ["07700900123", "7700900123", "447700900123"]
    assert phone_forms("+44 (0)7700 900123")[0] == "07700900123"
    assert phone_forms("ext 12") == ["12"]  # too short for a phone number: kept as typed


def test_a_postcode_is_found_with_or_without_its_space():
    assert contact_words("address", "12 Mill Lane\nTrefor\nZZ99 1AB") == "ZZ99 1AB"
    assert search_words("zz991ab") == ["zz99", "1ab"]
    assert search_words("ZZ99 1AB") == ["ZZ99", "1AB"]
    assert contact_words("email", "someone@example.org") == ""


def test_words_are_letters_and_digits_and_a_reference_keeps_its_parts():
    assert search_words("VCS-000123") == ["VCS", "000123"]
    assert search_words("O'Brien-Smith") == ["O", "Brien", "Smith"]
    assert search_words("a_b") == ["a", "b"]  # the index splits at an underscore too
    assert search_words("  ") == []


def test_index_form_folds_case_and_accents():
    assert index_form("Siân") == "sian"
    assert index_form("ÉLODIE") == "elodie"


@given(st.text(max_size=60))
def test_any_text_gives_plain_words(text):
    for word in search_words(text):
        assert word and all(ch.isalnum() for ch in word)
