"""Secure hashes and message digests (CPython's `hashlib`).

The digests come from the native `_hashlib` (RustCrypto crates, see
docs/stdlib.md): md5, sha1, sha224, sha256, sha384, sha512, sha512_224,
sha512_256, sha3_224 ... sha3_512, shake_128, shake_256, blake2b and
blake2s.  blake2 takes digest_size; keys, salts and personalisation are
not supported (ValueError).  pbkdf2_hmac and file_digest are here in Python.
"""

import _hashlib

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'blake2s',
           'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256', 'new',
           'algorithms_guaranteed', 'algorithms_available', 'pbkdf2_hmac', 'file_digest')

algorithms_guaranteed = set(('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b',
                             'blake2s', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
                             'shake_128', 'shake_256'))
algorithms_available = set(_hashlib._names)


def new(name, data=b'', **kwargs):
    """A new hash object for the named algorithm, fed data."""
    kwargs.pop('usedforsecurity', None)
    if name.lower() in ('blake2b', 'blake2s'):
        return (blake2b if name.lower() == 'blake2b' else blake2s)(data, **kwargs)
    if kwargs:
        raise TypeError("new() got an unexpected keyword argument '%s'" % next(iter(kwargs)))
    return _hashlib.new(name, data)


def _constructor(name):
    def constructor(string=b'', *, usedforsecurity=True):
        return _hashlib.new(name, string)
    constructor.__name__ = 'openssl_' + name
    constructor.__qualname__ = constructor.__name__
    constructor.__doc__ = 'Returns a %s hash object; optionally initialized with a string' % name
    return constructor


md5 = _constructor('md5')
sha1 = _constructor('sha1')
sha224 = _constructor('sha224')
sha256 = _constructor('sha256')
sha384 = _constructor('sha384')
sha512 = _constructor('sha512')
sha3_224 = _constructor('sha3_224')
sha3_256 = _constructor('sha3_256')
sha3_384 = _constructor('sha3_384')
sha3_512 = _constructor('sha3_512')
shake_128 = _constructor('shake_128')
shake_256 = _constructor('shake_256')


def _blake2(name, max_size):
    def constructor(data=b'', *, digest_size=max_size, key=b'', salt=b'', person=b'', fanout=1,
                    depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0,
                    last_node=False, usedforsecurity=True):
        if key or salt or person:
            raise ValueError("%s: key, salt and person are not supported by Skein" % name)
        if not 1 <= digest_size <= max_size:
            raise ValueError("digest_size must be between 1 and %d bytes" % max_size)
        return _hashlib.new(name, data, digest_size)
    constructor.__name__ = name
    constructor.__qualname__ = name
    constructor.MAX_DIGEST_SIZE = max_size
    constructor.MAX_KEY_SIZE = max_size
    constructor.SALT_SIZE = max_size // 4
    constructor.PERSON_SIZE = max_size // 4
    return constructor


blake2b = _blake2('blake2b', 64)
blake2s = _blake2('blake2s', 32)


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function."""
    password = bytes(memoryview(password))
    salt = bytes(memoryview(salt))
    inner = new(hash_name)
    outer = new(hash_name)
    blocksize = getattr(inner, 'block_size', 64)
    if len(password) > blocksize:
        password = new(hash_name, password).digest()
    password = password + b'\x00' * (blocksize - len(password))
    inner.update(password.translate(bytes(x ^ 0x36 for x in range(256))))
    outer.update(password.translate(bytes(x ^ 0x5C for x in range(256))))

    def prf(msg, inner=inner, outer=outer):
        icpy = inner.copy()
        ocpy = outer.copy()
        icpy.update(msg)
        ocpy.update(icpy.digest())
        return ocpy.digest()

    if iterations < 1:
        raise ValueError(iterations)
    if dklen is None:
        dklen = outer.digest_size
    if dklen < 1:
        raise ValueError(dklen)
    dkey = b''
    loop = 1
    from_bytes = int.from_bytes
    while len(dkey) < dklen:
        prev = prf(salt + loop.to_bytes(4, 'big'))
        rkey = from_bytes(prev, 'big')
        for i in range(iterations - 1):
            prev = prf(prev)
            rkey ^= from_bytes(prev, 'big')
        loop += 1
        dkey += rkey.to_bytes(inner.digest_size, 'big')
    return dkey[:dklen]


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """The digest of a binary file object's contents, read in chunks."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    if hasattr(fileobj, 'getbuffer'):
        digestobj.update(fileobj.getbuffer())
        return digestobj
    if not (hasattr(fileobj, 'readinto') and hasattr(fileobj, 'readable') and fileobj.readable()):
        raise ValueError(f"'{fileobj!r}' is not a file-like object in binary reading mode.")
    while True:
        data = fileobj.read(_bufsize)
        if not data:
            break
        digestobj.update(data)
    return digestobj
