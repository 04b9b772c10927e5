"""Chinese numerals to integers: 一百二十 → 120, 壹佰贰拾 → 120, 二〇二一 → 2021, 253 → 253."""
from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "三": 3,
          "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7,
          "八": 8, "捌": 8, "九": 9, "玖": 9}
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS) + "".join(BIG)


def parse_number(s: str) -> int | None:
    """Integer value of a numeral in Arabic digits or Chinese (either script, financial forms)."""
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if any(c not in DIGITS and c not in UNITS and c not in BIG for c in s):
        return None
    if not any(c in UNITS or c in BIG for c in s):  # positional: 二〇二一
        return int("".join(str(DIGITS[c]) for c in s))
    total, section, digit = 0, 0, None
    for c in s:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in UNITS:
            section += (1 if digit is None else digit) * UNITS[c]
            digit = None
        else:
            section += digit or 0
            total += (section or 1) * BIG[c]
            section, digit = 0, None
    return total + section + (digit or 0)
