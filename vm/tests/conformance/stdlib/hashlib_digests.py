# hashlib and hmac: digests of every algorithm, incremental updates, copy,
# shake lengths, blake2 digest sizes, pbkdf2_hmac, errors.
import hashlib
import hmac
import io

data = b"The quick brown fox jumps over the lazy dog"
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, data)
    if name.startswith("shake"):
        print(name, h.digest_size, h.block_size, h.hexdigest(20))
    else:
        print(name, h.name, h.digest_size, h.block_size, h.hexdigest())

h = hashlib.sha256()
h.update(b"The quick brown fox ")
c = h.copy()
h.update(b"jumps over the lazy dog")
print(h.hexdigest() == hashlib.sha256(data).hexdigest(), c.hexdigest() != h.hexdigest())
print(hashlib.md5(bytearray(b"abc")).hexdigest(), hashlib.sha1(memoryview(b"abc")).hexdigest())
print(hashlib.new("SHA512", b"x").name, hashlib.sha1().digest())
print(hashlib.blake2b(b"abc", digest_size=16).hexdigest(), hashlib.blake2s(b"abc", digest_size=8).hexdigest())
print(hashlib.shake_256(b"abc").digest(5), hashlib.shake_128().hexdigest(0))
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 3, 20).hex())
print(hashlib.file_digest(io.BytesIO(data), "md5").hexdigest())
print(hmac.new(b"key", data, "sha256").hexdigest())
print(hmac.new(b"key" * 40, data, hashlib.sha1).hexdigest(), hmac.digest(b"k", b"m", "md5").hex())
m = hmac.new(b"key", digestmod="sha512")
m.update(data)
print(m.name, m.digest_size, m.block_size, m.copy().hexdigest() == m.hexdigest())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("abc", "abd"))
print(sorted(hashlib.algorithms_guaranteed - hashlib.algorithms_available))
for bad in [lambda: hashlib.md5("text"), lambda: hashlib.sha256(5), lambda: hashlib.new("nope"),
            lambda: hashlib.blake2b(digest_size=65), lambda: hashlib.sha1().update("s"),
            lambda: hmac.new("key", digestmod="md5"), lambda: hmac.new(b"key")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
