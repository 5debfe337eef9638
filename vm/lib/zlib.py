"""Compression compatible with gzip (CPython's `zlib` API).

The DEFLATE streams come from the native `_zlib` (crate miniz_oxide); the
gzip wrapper (wbits 25..31, and 40..47 for "zlib or gzip") is added here.
Compressed bytes are valid DEFLATE but may differ from the C zlib's.  Not
provided: zdict, Compress.copy / Decompress.copy.
"""

import _zlib

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_DEFAULT_STRATEGY = 0
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6
ZLIB_VERSION = '1.2.13'
ZLIB_RUNTIME_VERSION = '1.2.13'


class error(Exception):
    pass


def _bytes(data):
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__) from None


crc32 = _zlib.crc32
adler32 = _zlib.adler32


def _kind(wbits, compress):
    """'zlib', 'raw', 'gzip' or 'auto' for a wbits value."""
    if 9 <= wbits <= 15 or (wbits == 0 and not compress):
        return 'zlib'
    if -15 <= wbits <= -9:
        return 'raw'
    if 25 <= wbits <= 31:
        return 'gzip'
    if 40 <= wbits <= 47 and not compress:
        return 'auto'
    if compress:
        raise ValueError("Invalid initialization option")
    raise ValueError("Invalid initialization option")


def _level(level):
    if not -1 <= level <= 9:
        raise error("Bad compression level")
    return level


_GZIP_HEADER = b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03'


class Compress:
    """A compression stream: compress() pieces, then flush()."""

    def __init__(self, level, wbits, strategy):
        self._kind = _kind(wbits, True)
        self._c = _zlib.compressor(level, 15 if self._kind == 'zlib' else -15, strategy)
        self._started = False
        self._finished = False
        self._crc = 0
        self._size = 0

    def _prefix(self):
        if self._kind == 'gzip' and not self._started:
            self._started = True
            return _GZIP_HEADER
        self._started = True
        return b''

    def compress(self, data):
        if self._finished:
            raise error("Error -2 while compressing data: inconsistent stream state")
        data = _bytes(data)
        self._crc = _zlib.crc32(data, self._crc)
        self._size += len(data)
        return self._prefix() + self._c.compress(data, Z_NO_FLUSH)

    def flush(self, mode=Z_FINISH):
        if mode == Z_NO_FLUSH:
            return b''
        if self._finished:
            return b''
        out = self._prefix() + self._c.compress(b'', mode)
        if mode == Z_FINISH:
            self._finished = True
            if self._kind == 'gzip':
                out += (self._crc & 0xffffffff).to_bytes(4, 'little')
                out += (self._size & 0xffffffff).to_bytes(4, 'little')
        return out

    def copy(self):
        raise ValueError("Inconsistent stream state")


def _gzip_header_len(data):
    """Length of the gzip header at the start of data, None if incomplete."""
    if len(data) < 10:
        return None
    if data[0] != 0x1f or data[1] != 0x8b:
        raise error("Error -3 while decompressing data: incorrect header check")
    if data[2] != 8:
        raise error("Error -3 while decompressing data: unknown compression method")
    flags = data[3]
    pos = 10
    if flags & 4:
        if len(data) < pos + 2:
            return None
        pos += 2 + int.from_bytes(data[pos:pos + 2], 'little')
    for bit in (8, 16):
        if flags & bit:
            end = data.find(b'\x00', pos)
            if end < 0:
                return None
            pos = end + 1
    if flags & 2:
        pos += 2
    if len(data) < pos:
        return None
    return pos


class Decompress:
    """A decompression stream: decompress() pieces; eof, unused_data, unconsumed_tail."""

    def __init__(self, wbits):
        self._kind = _kind(wbits, False)
        self._d = None
        self._pending = b''
        self._trailer = b''
        self._crc = 0
        self._size = 0
        self.eof = False
        self.unused_data = b''
        self.unconsumed_tail = b''
        if self._kind in ('zlib', 'raw'):
            self._d = _zlib.decompressor(15 if self._kind == 'zlib' else -15)

    def _start(self):
        data = self._pending
        if self._kind == 'auto':
            if len(data) < 2:
                return False
            self._kind = 'gzip' if data[:2] == b'\x1f\x8b' else 'zlib'
            if self._kind == 'zlib':
                self._d = _zlib.decompressor(15)
                return True
        if self._kind == 'gzip':
            n = _gzip_header_len(data)
            if n is None:
                return False
            self._pending = data[n:]
            self._d = _zlib.decompressor(-15)
        return True

    def _check_zlib_header(self, data):
        if self._kind == 'zlib' and self._size == 0 and len(data) >= 2 and not self._checked:
            cmf, flg = data[0], data[1]
            if (cmf * 256 + flg) % 31 or cmf & 0x0f != 8:
                raise error("Error -3 while decompressing data: incorrect header check")
            self._checked = True

    _checked = False

    def decompress(self, data, max_length=0):
        if max_length < 0:
            raise ValueError("max_length must be non-negative")
        data = _bytes(data)
        if self.eof:
            self._eat_trailer(data)
            return b''
        self._pending += self.unconsumed_tail + data
        self.unconsumed_tail = b''
        if self._d is None and not self._start():
            return b''
        chunk = self._pending
        self._pending = b''
        self._check_zlib_header(chunk)
        try:
            out, used, finished = self._d.decompress(chunk, max_length)
        except ValueError as e:
            raise error(str(e)) from None
        self._size += len(out)
        if self._kind == 'gzip':
            self._crc = _zlib.crc32(out, self._crc)
        rest = chunk[used:]
        if finished:
            self.eof = True
            self._eat_trailer(rest)
        else:
            self.unconsumed_tail = rest
        return out

    def _eat_trailer(self, rest):
        if self._kind == 'gzip' and len(self._trailer) < 8:
            need = 8 - len(self._trailer)
            self._trailer += rest[:need]
            rest = rest[need:]
            if len(self._trailer) == 8:
                crc = int.from_bytes(self._trailer[:4], 'little')
                if crc != self._crc & 0xffffffff:
                    raise error("Error -3 while decompressing data: incorrect data check")
        self.unused_data += rest

    def flush(self, length=DEF_BUF_SIZE):
        if length <= 0:
            raise ValueError("length must be greater than zero")
        if self.eof or self._d is None:
            return b''
        data = self.unconsumed_tail
        self.unconsumed_tail = b''
        return self.decompress(data) if data else b''

    def copy(self):
        raise ValueError("Inconsistent stream state")


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
                memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None):
    """A compression object, for data too big to compress at once."""
    if method != DEFLATED:
        raise ValueError("Invalid initialization option")
    if zdict is not None:
        raise NotImplementedError("zdict is not supported by Skein")
    return Compress(_level(level), wbits, strategy)


def decompressobj(wbits=MAX_WBITS, zdict=b''):
    """A decompression object, for data too big to decompress at once."""
    if zdict:
        raise NotImplementedError("zdict is not supported by Skein")
    return Decompress(wbits)


def compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS):
    """Compresses data in one call."""
    c = Compress(_level(level), wbits, Z_DEFAULT_STRATEGY)
    return c.compress(data) + c.flush()


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    """Decompresses a complete stream in one call."""
    if bufsize < 0:
        raise ValueError("bufsize must be non-negative")
    d = Decompress(wbits)
    out = d.decompress(data)
    if not d.eof:
        raise error("Error -5 while decompressing data: incomplete or truncated stream")
    if d._kind == 'gzip' and len(d._trailer) < 8:
        raise error("Error -5 while decompressing data: incomplete or truncated stream")
    return out
