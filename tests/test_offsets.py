"""Provenance: unchanged stretches map back exactly, whatever the edits (property tests)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.offsets import Edit, TrackedText

ALPHABET = "晋商消费金融催收，。 ab1(\n"


@st.composite
def text_and_edits(draw):
    text = draw(st.text(alphabet=ALPHABET, min_size=0, max_size=60))
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=12)))
    edits, pos = [], 0
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a < pos:
            continue
        new = draw(st.text(alphabet="电话题同时X", max_size=4))
        edits.append(Edit(a, b, new))
        pos = b if b > a else a + 1
    return text, edits


@given(text_and_edits(), text_and_edits())
@settings(max_examples=300, deadline=None)
def test_copied_characters_map_back_exactly(first, second):
    text, edits = first
    tracked = TrackedText.identity(text).apply(edits)
    # a second round of edits over the result composes with the first
    _, more = second
    more = [e for e in more if e.end <= len(tracked.text)]
    more = [e for i, e in enumerate(more) if all(e.start >= o.end or e.end <= o.start or e is o for o in more[:i])]
    try:
        tracked2 = tracked.apply(more)
    except ValueError:
        tracked2 = tracked
    for t in (tracked, tracked2):
        assert len(t.starts) == len(t.ends) == len(t.text)
        assert list(t.starts) == sorted(t.starts), "source order is kept"
        for i, ch in enumerate(t.text):
            s, e = t.starts[i], t.ends[i]
            assert 0 <= s <= e <= len(text)
            if e - s == 1 and text[s] == ch:
                continue  # an exact copy
            # otherwise the character came from an edit: it is one of the inserted characters
            assert ch in "电话题同时X"


@given(st.text(alphabet=ALPHABET, max_size=80))
@settings(max_examples=200, deadline=None)
def test_identity_and_untouched_text(text):
    tracked = TrackedText.identity(text)
    for i in range(len(text)):
        assert tracked.raw_span(i, i + 1) == (i, i + 1)
    # deleting the first character shifts every other character by one, exactly
    if text:
        t2 = tracked.apply([Edit(0, 1, "")])
        for i, ch in enumerate(t2.text):
            assert text[t2.starts[i]] == ch and t2.ends[i] - t2.starts[i] == 1


@given(st.text(alphabet=ALPHABET, min_size=1, max_size=80), st.data())
@settings(max_examples=200, deadline=None)
def test_unchanged_stretches_between_edits(text, data):
    a = data.draw(st.integers(0, len(text) - 1))
    b = data.draw(st.integers(a, len(text)))
    new = data.draw(st.text(alphabet="电话", max_size=3))
    t = TrackedText.identity(text).apply([Edit(a, b, new)])
    assert t.text == text[:a] + new + text[b:]
    for i in range(a):  # before the edit: exact
        assert (t.starts[i], t.ends[i]) == (i, i + 1)
    for j in range(len(text) - b):  # after the edit: exact, shifted
        k = a + len(new) + j
        assert (t.starts[k], t.ends[k]) == (b + j, b + j + 1)
    for k in range(a, a + len(new)):  # the replacement maps into the replaced span
        assert a <= t.starts[k] <= t.ends[k] <= max(b, a)


def test_pipeline_copies_map_back(seed_doc):
    """In the seed's final text, every character that is a copy points at that same character."""
    t, raw = seed_doc.tracked, seed_doc.raw
    copies = [i for i in range(len(t.text)) if t.copied(i, raw)]
    assert len(copies) > 0.3 * len(t.text)
    for i in copies:
        assert raw[t.starts[i]] == t.text[i]
