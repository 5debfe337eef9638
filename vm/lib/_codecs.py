"""The two functions of CPython's `_codecs` that pickles name.

Protocols 0 to 2 have no opcode for bytes: a non-empty bytes object is
pickled as the call `_codecs.encode(text, 'latin1')`, so unpickling needs
`_codecs.encode`. Only text-to-bytes and bytes-to-text codecs are known
(those of `str.encode` and `bytes.decode`); there is no codec registry.
"""


def encode(obj, encoding="utf-8", errors="strict"):
    """Encode obj (a str) with the named codec."""
    if not isinstance(obj, str):
        raise TypeError(f"utf_8_encode() argument 1 must be str, not {type(obj).__name__}")
    return obj.encode(encoding, errors)


def decode(obj, encoding="utf-8", errors="strict"):
    """Decode obj (a bytes-like object) with the named codec."""
    return bytes(obj).decode(encoding, errors)
