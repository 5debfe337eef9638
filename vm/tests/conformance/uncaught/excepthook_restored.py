# sys.__excepthook__ is the default hook; putting it back restores the normal report.
import sys
sys.excepthook = lambda *a: print("custom")
sys.excepthook = sys.__excepthook__
print(sys.excepthook is sys.__excepthook__)
1 / 0
