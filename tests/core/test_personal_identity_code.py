"""The one guard against client data: Finnish personal identity codes (henkilötunnus)."""

import pytest
from django.core.exceptions import ValidationError

from typ_site.core.validators import (
    find_personal_identity_codes,
    is_valid_personal_identity_code,
    validate_no_personal_identity_code,
)

# 13 May 1985 (or 2005) with the individual number 234: the check character is W (or 8).
VALID_BY_CENTURY_SIGN = {
    "+": "130585+234W",
    "-": "130585-234W",
    "Y": "130585Y234W",
    "X": "130585X234W",
    "W": "130585W234W",
    "V": "130585V234W",
    "U": "130585U234W",
    "A": "130505A2348",
    "B": "130505B2348",
    "C": "130505C2348",
    "D": "130505D2348",
    "E": "130505E2348",
    "F": "130505F2348",
}


def _parts(code: str):
    return code[0:2], code[2:4], code[4:6], code[6], code[7:10], code[10]


@pytest.mark.parametrize("sign, code", VALID_BY_CENTURY_SIGN.items())
def test_a_valid_code_of_every_century_sign_is_found(sign, code):
    assert is_valid_personal_identity_code(*_parts(code))
    assert find_personal_identity_codes(f"Asiakkaan tunnus on {code}.") == [code]


@pytest.mark.parametrize("code", VALID_BY_CENTURY_SIGN.values())
def test_the_validator_refuses_text_with_a_code(code):
    with pytest.raises(ValidationError) as error:
        validate_no_personal_identity_code(f"Tapasin tänään asiakkaan ({code}) ja sovimme.")

    assert error.value.code == "personal_identity_code"
    assert "henkilötunnus" in str(error.value.messages[0])


@pytest.mark.parametrize("code", ["130585-234w", "130505a2348", "130585y234w"])
def test_lowercase_letters_are_codes_too(code):
    assert find_personal_identity_codes(code) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "hetu:130585-234W",
        "hetu 130585-234W, syntynyt 1985",
        "(130585-234W)",
        "»130585-234W«",
        "HETU130585-234W",
        "tunnus130505A2348:n mukaan",
        "130585-234W\nseuraava rivi",
        "rivin alussa\n130585-234W",
        "130585\u2013234W kirjoitettuna ajatusviivalla",
    ],
)
def test_codes_inside_text_and_punctuation_are_found(text):
    assert len(find_personal_identity_codes(text)) == 1
    with pytest.raises(ValidationError):
        validate_no_personal_identity_code(text)


def test_every_code_in_a_text_is_reported():
    text = "Ensimmäinen 130585-234W ja toinen 130505A2348."

    assert find_personal_identity_codes(text) == ["130585-234W", "130505A2348"]


def test_a_leap_day_is_valid_only_in_a_leap_year():
    # 29.2.2000 existed, 29.2.1900 did not.
    assert find_personal_identity_codes("290200A1239") == ["290200A1239"]
    assert find_personal_identity_codes("290200-1239") == []


@pytest.mark.parametrize(
    "text",
    [
        "Tapaaminen 12.03.1985 klo 10",
        "Syntymäaika 130585 ei yksin riitä",
        "Soita numeroon 040-1234567",
        "Puhelin +358 40 123 4567",
        "Puhelin 0401234567",
        "Tili FI21 1234 5600 0007 85",
        "FI2112345600000785",
        "Viite 1301202512345678",
        "Y-tunnus 1234567-8",
        "Jakso 010120-311220",
        "Laki 381/2023 11 §",
    ],
)
def test_near_misses_are_allowed(text):
    assert find_personal_identity_codes(text) == []
    validate_no_personal_identity_code(text)


@pytest.mark.parametrize(
    "code",
    [
        "130585-234X",  # wrong check character
        "130585-2341",
        "130505A234W",  # check of the wrong code
        "130585G234W",  # not a century sign
        "130585Z234W",
    ],
)
def test_invalid_checksums_and_signs_are_not_codes(code):
    assert find_personal_identity_codes(code) == []


@pytest.mark.parametrize(
    "code",
    [
        "310299-1234",  # no 31st of February
        "320185-2345",  # no 32nd day
        "011385-2345",  # no 13th month
        "000185-2345",  # no day zero
        "130585-0014",  # individual numbers start at 002
    ],
)
def test_impossible_dates_and_individual_numbers_are_not_codes(code):
    day, month, year, sign, individual, _check = _parts(code)
    for check in "0123456789ABCDEFHJKLMNPRSTUVWXY":
        assert not is_valid_personal_identity_code(day, month, year, sign, individual, check)


def test_a_code_inside_a_longer_run_of_digits_is_not_a_code():
    assert find_personal_identity_codes("9130585-234W") == []
    assert find_personal_identity_codes("130585-234W5") == []


def test_empty_text_is_fine():
    assert find_personal_identity_codes("") == []
    validate_no_personal_identity_code("")
