"""Personal data: phone numbers, e-mail, QQ, ID card (checksum) and bank card (Luhn) numbers.

Matching runs on a copy of the text with full-width ASCII (U+FF01-FF5E: １３８－, ａｂｃ＠ｑｑ．ｃｏｍ,
（０１０）) folded to ASCII and the ideographic space to a space; the folding is 1:1, so positions
found in the copy are positions in the text.

One detector serves redaction (repair stage, on by default) and tagging (personal_data entities
are found either as the redaction placeholders or, when the user keeps personal data, as values).
"""
from __future__ import annotations

import re

PLACEHOLDER = {"phone": "[电话]", "email": "[邮箱]", "qq": "[QQ]", "id_card": "[身份证号]", "bank_card": "[银行卡号]"}
_PLACEHOLDER_RX = re.compile("|".join(re.escape(p) for p in PLACEHOLDER.values()))
_KIND_OF = {v: k for k, v in PLACEHOLDER.items()}

_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,10}")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(?:0\d{2,3}[- ])\d{7,8}(?!\d)|(?<!\d)400[- ]?\d{3}[- ]?\d{4}(?!\d)"
                       # area code in brackets: (010)87654321, （0755） 8765-4321 (brackets folded)
                       r"|\(0\d{2,3}\) ?\d{3,4}-?\d{4}(?!\d)")
_ID_CARD = re.compile(r"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])")
_BANK_CARD = re.compile(r"(?<!\d)(?:\d{4}[ -]?){3}\d{4}(?:\d{0,3})(?!\d)")
_QQ = re.compile(r"(?:QQ|qq|Q Q|扣扣)\s*(?:号码?)?\s*[:：]?\s*([1-9]\d{4,11})(?!\d)")
# a bare QQ-style number given as a contact: "466381554(微信同号)" or "微信号：466381554"
_QQ_CONTACT = re.compile(r"(?<![\dA-Za-z])([1-9]\d{4,11})\s*[（(]?\s*(?:微信|QQ|qq)同号"
                         r"|(?:微信号?|WeChat|wechat)\s*[:：]\s*([1-9]\d{4,11})(?![\dA-Za-z])")
# a number labelled as a reference (complaint, order, case number) is not personal data
_NOT_PERSONAL_LABEL = re.compile(r"(?:编号|编码|单号|订单号|流水号|工单号|案号|合同号|序列号)\s*(?:为|是)?\s*[:：]?\s*$")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def valid_id_card(s: str) -> bool:
    total = sum(int(c) * w for c, w in zip(s[:17], _ID_WEIGHTS))
    return "10X98765432"[total % 11] == s[17].upper()


def luhn(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# full-width ASCII -> ASCII, ideographic space -> space: one character for one (offsets hold)
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLDABLE = re.compile("[\uff01-\uff5e\u3000]")


def fold(text: str) -> str:
    """``text`` with full-width ASCII folded to ASCII and U+3000 to a space (same length)."""
    return text.translate(_FOLD) if _FOLDABLE.search(text) else text


def find_personal_data(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, kind) of personal data values, in text order (full-width
    forms included: matching runs on :func:`fold` of the text)."""
    text = fold(text)
    found: list[tuple[int, int, str]] = []
    for m in _EMAIL.finditer(text):
        found.append((m.start(), m.end(), "email"))
    for m in _ID_CARD.finditer(text):
        if valid_id_card(m.group()):
            found.append((m.start(), m.end(), "id_card"))
    for m in _BANK_CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 16 <= len(digits) <= 19 and luhn(digits):
            found.append((m.start(), m.end(), "bank_card"))
    for m in _MOBILE.finditer(text):
        found.append((m.start(), m.end(), "phone"))
    for m in _LANDLINE.finditer(text):
        found.append((m.start(), m.end(), "phone"))
    for m in _QQ.finditer(text):
        found.append((m.start(1), m.end(1), "qq"))
    for m in _QQ_CONTACT.finditer(text):
        g = 1 if m.group(1) else 2
        found.append((m.start(g), m.end(g), "qq"))
    found = [f for f in found if f[2] == "email" or not _NOT_PERSONAL_LABEL.search(text, max(0, f[0] - 12), f[0])]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out, last = [], -1
    for f in found:
        if f[0] >= last:
            out.append(f)
            last = f[1]
    return out


def find_placeholders(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _KIND_OF[m.group()]) for m in _PLACEHOLDER_RX.finditer(text)]


_MASKED = re.compile("[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def mask(value: str) -> str:
    """What a repair record keeps of a redacted value: its shape, never its digits or letters."""
    return _MASKED.sub("•", value)


def redact(text: str) -> str:
    """Text with every personal data value replaced by its placeholder."""
    out, pos = [], 0
    for s, e, kind in find_personal_data(text):
        out.append(text[pos:s])
        out.append(PLACEHOLDER[kind])
        pos = e
    out.append(text[pos:])
    return "".join(out)
