"""collections.abc: the container ABCs.

Importing `collections` already installs _collections_abc as
sys.modules['collections.abc'], so this file is only read by importers that
do not consult sys.modules first; it re-exports the same classes.
"""

from _collections_abc import *
from _collections_abc import __all__
