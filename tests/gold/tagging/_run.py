import sys
from _specs import SPECS
names = sys.argv[1:] or list(SPECS)
for n in names:
    d = SPECS[n]()
    print(*d.write())
