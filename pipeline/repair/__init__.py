"""Text repairs (stage 2). Each fix is a pure function ``text -> list[Edit]``; see :mod:`.fixes`."""
