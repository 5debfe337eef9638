# "except Exception" does not catch SystemExit.
import sys
try:
    sys.exit(7)
except Exception:
    print("never")
