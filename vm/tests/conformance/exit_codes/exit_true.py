# sys.exit(True) exits with status 1; stdout is flushed first.
import sys
print("flushed before exit", end="")
sys.exit(True)
