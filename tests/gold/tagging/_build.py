"""Helper used to produce the gold files: mentions are located with str.find
(never counted by hand). Each document spec lives in _specs.py."""
import hashlib, json, os, sys
ROOT = "/work/shared"
OUT = os.path.dirname(os.path.abspath(__file__))

class Doc:
    def __init__(self, rel):
        self.rel = rel
        self.raw = open(os.path.join(ROOT, rel), "rb").read()
        self.t = self.raw.decode("utf-8")
        self.m = []          # mentions
        self.blocked = []    # (label, s, e) ranges consumed without emitting
        self.excl = []       # (s, e) chrome ranges where all() adds nothing
        self.methods = set()
        self.notes = ""
    def _taken(self, label, s, e):
        for x in self.m:
            if x["label"] == label and s < x["end"] and x["start"] < e:
                return True
        for (l, a, b) in self.blocked:
            if l == label and s < b and a < e:
                return True
        return False
    def _in_excl(self, s, e):
        return any(a <= s and e <= b for a, b in self.excl)
    def exclude(self, ctx):
        """exclude a chrome region (unique string)"""
        i = self.t.find(ctx); assert i >= 0 and self.t.find(ctx, i + 1) < 0, ctx
        self.excl.append((i, i + len(ctx)))
    def exclude_lines(self, *nums):
        """exclude whole lines (1-based, split on \n) as chrome"""
        pos = 0
        for k, line in enumerate(self.t.split("\n"), 1):
            if k in nums:
                self.excl.append((pos, pos + len(line)))
            pos += len(line) + 1
    def _ctx(self, ctx):
        occ = []; i = self.t.find(ctx)
        while i >= 0:
            occ.append(i); i = self.t.find(ctx, i + 1)
        if len(occ) > 1:
            occ = [i for i in occ if not self._in_excl(i, i + len(ctx))]
        assert len(occ) == 1, ("ctx not found/unique", ctx, len(occ))
        return occ[0]
    def _add(self, label, id_, s, e, pol, **kw):
        d = {"label": label, "id": id_, "start": s, "end": e, "text": self.t[s:e], "polarity": pol}
        d.update(kw)
        self.m.append(d)
    def all(self, label, id_, surf, pol="affirmed", **kw):
        """every occurrence outside chrome and not overlapping same label"""
        i = self.t.find(surf); n = 0
        while i >= 0:
            e = i + len(surf)
            if not self._in_excl(i, e) and not self._taken(label, i, e):
                self._add(label, id_, i, e, pol, **kw); n += 1
            i = self.t.find(surf, i + 1)
        assert n > 0, ("no occurrence", label, surf)
        return n
    def block(self, label, surf):
        i = self.t.find(surf); assert i >= 0, surf
        while i >= 0:
            self.blocked.append((label, i, i + len(surf))); i = self.t.find(surf, i + 1)
    def at(self, label, id_, surf, ctx=None, pol="affirmed", nth=0, **kw):
        """the occurrence of surf inside the unique string ctx (nth within ctx)"""
        ctx = ctx or surf
        c = self._ctx(ctx)
        i = self.t.find(surf, c)
        for _ in range(nth):
            i = self.t.find(surf, i + 1)
        assert i >= 0 and i + len(surf) <= c + len(ctx), ("surf not in ctx", surf, ctx)
        assert not self._taken(label, i, i + len(surf)), ("overlap", label, surf, ctx)
        self._add(label, id_, i, i + len(surf), pol, **kw)
    def pol(self, label, surf, ctx, pol, nth=0):
        """change polarity of an existing mention located via ctx"""
        c = self._ctx(ctx)
        i = self.t.find(surf, c)
        for _ in range(nth):
            i = self.t.find(surf, i + 1)
        for x in self.m:
            if x["label"] == label and x["start"] == i and x["end"] == i + len(surf):
                x["polarity"] = pol; return
        raise AssertionError(("no mention to repolarize", label, surf, ctx))
    def drop(self, label, surf, ctx, nth=0):
        c = self._ctx(ctx)
        i = self.t.find(surf, c)
        for _ in range(nth):
            i = self.t.find(surf, i + 1)
        n0 = len(self.m)
        self.m = [x for x in self.m if not (x["label"] == label and x["start"] == i and x["end"] == i + len(surf))]
        assert len(self.m) == n0 - 1, ("nothing dropped", label, surf, ctx)
        self.blocked.append((label, i, i + len(surf)))
    def write(self):
        order = ["collection_method", "abusive_practice", "right", "obligation", "law", "authority", "institution", "personal_data"]
        self.m.sort(key=lambda x: (x["start"], x["end"], order.index(x["label"])))
        out = {"source": self.rel, "sha256": hashlib.sha256(self.raw).hexdigest(),
               "mentions": self.m, "doc_methods": sorted(self.methods), "notes": self.notes}
        stem = os.path.splitext(os.path.basename(self.rel))[0]
        with open(os.path.join(OUT, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)
            f.write("\n")
        return stem, len(self.m)
