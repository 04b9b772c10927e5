"""Validate the tagging gold files: python3 tests/gold/tagging/_check.py"""
import glob, hashlib, json, os, sys
ROOT = "/work/shared"
HERE = os.path.dirname(os.path.abspath(__file__))
IDS = {
    "collection_method": {"phone", "sms", "home_visit", "letter", "litigation", "outsourced",
                          "third_party_contact", "email", "instant_message"},
    "abusive_practice": {"harassment", "threat", "insult", "violence", "contact_list_blast",
                         "false_legal_threat", "disclosure"},
    "personal_data": {"phone", "email", "qq", "id_card", "bank_card"},
}
FREE = {"right", "obligation", "law", "authority", "institution"}   # ids are normalized names
POL = {"affirmed", "negated", "uncertain"}
KEYS = {"label", "id", "start", "end", "text", "polarity"}
errs = 0
def err(f, msg):
    global errs; errs += 1; print(f"{os.path.basename(f)}: {msg}")
files = sorted(glob.glob(os.path.join(HERE, "*.json")))
for f in files:
    d = json.load(open(f, encoding="utf-8"))
    if set(d) != {"source", "sha256", "mentions", "doc_methods", "notes"}:
        err(f, f"top-level keys {sorted(d)}")
    src = os.path.join(ROOT, d["source"])
    if os.path.splitext(os.path.basename(src))[0] != os.path.splitext(os.path.basename(f))[0]:
        err(f, "file stem does not match source")
    raw = open(src, "rb").read()
    if hashlib.sha256(raw).hexdigest() != d["sha256"]:
        err(f, "sha256 mismatch")
    t = raw.decode("utf-8")          # no newline translation: CRLF files keep \r
    ms = d["mentions"]
    for k, m in enumerate(ms):
        extra = set(m) - KEYS
        if not KEYS <= set(m) or extra - {"articles"}:
            err(f, f"#{k} keys {sorted(m)}"); continue
        if "articles" in m and (m["label"] != "law" or not all(isinstance(a, int) for a in m["articles"])):
            err(f, f"#{k} bad articles field")
        if not (0 <= m["start"] < m["end"] <= len(t)) or t[m["start"]:m["end"]] != m["text"]:
            err(f, f"#{k} offsets {m['start']}-{m['end']} do not give {m['text']!r}")
        if m["label"] in IDS:
            if m["id"] not in IDS[m["label"]]:
                err(f, f"#{k} id {m['id']!r} not allowed for {m['label']}")
        elif m["label"] not in FREE:
            err(f, f"#{k} unknown label {m['label']}")
        elif not isinstance(m["id"], str) or not m["id"] or "《" in m["id"]:
            err(f, f"#{k} bad id {m['id']!r}")
        if m["polarity"] not in POL:
            err(f, f"#{k} polarity {m['polarity']}")
        if m["text"] != m["text"].strip():
            err(f, f"#{k} span has outer whitespace")
    by = {}
    for m in ms:
        by.setdefault(m["label"], []).append(m)
    for lab, xs in by.items():
        xs = sorted(xs, key=lambda m: (m["start"], m["end"]))
        for a, b in zip(xs, xs[1:]):
            if b["start"] < a["end"]:
                err(f, f"overlap {lab}: {a['text']}@{a['start']} / {b['text']}@{b['start']}")
    if d["doc_methods"] != sorted(set(d["doc_methods"])) or not set(d["doc_methods"]) <= IDS["collection_method"]:
        err(f, f"doc_methods {d['doc_methods']}")
    tagged = {m["id"] for m in ms if m["label"] == "collection_method"}
    if set(d["doc_methods"]) - tagged:
        err(f, f"doc_methods without any mention: {set(d['doc_methods']) - tagged}")
print(f"{len(files)} files, {sum(len(json.load(open(f))['mentions']) for f in files)} mentions, {errs} errors")
sys.exit(1 if errs else 0)
