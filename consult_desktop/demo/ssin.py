"""Belgian national register numbers (SSIN / INSZ / NISS) for the demo hospital's synthetic patients.

Pure functions, callable from any thread.

Layout (11 digits): YYMMDD birth date, a 3-digit day serial (odd for men, even for women) and 2 check
digits equal to 97 - (first 9 digits mod 97). For people born from 2000 on, the check is computed on the
number "2" followed by the first 9 digits. Source: Belgian National Register, "Structure du numéro de
registre national" (ibz.rrn.fgov.be), also described in the eHealth SSIN naming system documentation.
"""

from __future__ import annotations

import datetime as dt

SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin"

_SEPARATORS = str.maketrans("", "", " .-/")


def _check_digits(first_nine: str, born_2000_or_later: bool) -> int:
    base = int(("2" if born_2000_or_later else "") + first_nine)
    return 97 - (base % 97)


def make_ssin(birth_date: dt.date, serial: int) -> str:
    """Build a valid 11-digit SSIN; `serial` in 1..997, odd for a man, even for a woman."""
    if not 1 <= serial <= 997:
        raise ValueError("serial must be between 1 and 997")
    first_nine = f"{birth_date:%y%m%d}{serial:03d}"
    check = _check_digits(first_nine, birth_date.year >= 2000)
    return f"{first_nine}{check:02d}"


def ssin_is_valid(value: str) -> bool:
    """True when `value` (digits, optionally with the usual . - / or space separators) has valid check digits.

    Either century rule is accepted, as the number alone does not say whether the holder was born before
    or after 2000.
    """
    digits = value.translate(_SEPARATORS)
    if len(digits) != 11 or not digits.isdigit():
        return False
    first_nine, check = digits[:9], int(digits[9:])
    return check in (_check_digits(first_nine, False), _check_digits(first_nine, True))


def format_ssin(value: str) -> str:
    """Usual printed form YY.MM.DD-SSS.CC."""
    d = value.translate(_SEPARATORS)
    return f"{d[0:2]}.{d[2:4]}.{d[4:6]}-{d[6:9]}.{d[9:11]}"
