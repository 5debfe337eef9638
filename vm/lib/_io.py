"""The `_io` module: CPython's C half of `io`.

Skein's stream classes are written in Python in io.py and _fileio.py and
already say `__module__ = "_io"` (their reprs and pickles name `_io`), so
this module only re-exports them under the names CPython's `_io` has;
`pickle` finds `_io.BytesIO` and `_io.StringIO` here.
"""

from io import (  # noqa: F401
    DEFAULT_BUFFER_SIZE,
    BlockingIOError,
    BufferedRandom,
    BufferedReader,
    BufferedWriter,
    BytesIO,
    FileIO,
    StringIO,
    TextIOWrapper,
    UnsupportedOperation,
    open,
    text_encoding,
)
from io import IOBase as _IOBase  # noqa: F401
from io import RawIOBase as _RawIOBase  # noqa: F401
from io import BufferedIOBase as _BufferedIOBase  # noqa: F401
from io import TextIOBase as _TextIOBase  # noqa: F401
