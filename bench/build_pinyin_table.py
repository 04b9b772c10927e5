"""Build pipeline/data/pinyin_readings.tsv.gz from pypinyin (run when pypinyin is upgraded).

The gloss detector needs only the readings of single characters; importing pypinyin at run time
costs ~55 MB per process (its phrase dictionary), so its single-character readings are exported
once, exactly as ``pypinyin.pinyin(ch, heteronym=True)`` gives them (TONE and TONE3 styles).
Deterministic: the same pypinyin gives a byte-identical file.
"""
import gzip
from pathlib import Path

from pypinyin import Style, pinyin
from pypinyin.pinyin_dict import pinyin_dict

OUT = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "pinyin_readings.tsv.gz"


def rows():
    for code in sorted(pinyin_dict):
        ch = chr(code)
        marks = pinyin(ch, style=Style.TONE, heteronym=True, errors="ignore")
        digits = pinyin(ch, style=Style.TONE3, heteronym=True, errors="ignore", neutral_tone_with_five=True)
        m = ",".join(marks[0]) if marks else ""
        d = ",".join(digits[0]) if digits else ""
        if m or d:
            yield f"{ch}\t{m}\t{d}\n"


def main():
    data = "".join(rows()).encode("utf-8")
    with open(OUT, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
            fh.write(data)
    print(f"{OUT}: {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
