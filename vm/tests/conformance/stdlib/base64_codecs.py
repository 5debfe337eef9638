import base64, binascii, io
samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256)), b"\xff\xfe\xfd" * 7, b"    ", b"\0\0\0\0abc"]
for s in samples:
    e = base64.b64encode(s)
    print(e[:40], base64.b64decode(e) == s, base64.urlsafe_b64encode(s)[-8:], base64.b32encode(s)[:24], base64.b32hexencode(s)[:16], base64.b16encode(s)[:16])
    print(" ", base64.a85encode(s)[:30], base64.b85encode(s)[:30], base64.a85encode(s, pad=True)[-6:], base64.a85encode(s, foldspaces=True, adobe=True)[:12])
    assert base64.b32decode(base64.b32encode(s)) == s
    assert base64.b32hexdecode(base64.b32hexencode(s)) == s
    assert base64.b16decode(base64.b16encode(s)) == s
    assert base64.a85decode(base64.a85encode(s)) == s
    assert base64.a85decode(base64.a85encode(s, adobe=True, foldspaces=True, wrapcol=10), adobe=True, foldspaces=True) == s
    assert base64.b85decode(base64.b85encode(s)) == s
    assert base64.urlsafe_b64decode(base64.urlsafe_b64encode(s)) == s
print(base64.a85encode(bytes(range(50)), wrapcol=20, adobe=True))
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b64decode("-_8=", altchars="-_"), base64.b64decode("YW Jj\n"), base64.b64decode("YWI=xyz"))
def err(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)
err(base64.b64decode, b"YWJ")
err(base64.b64decode, b"Y")
err(base64.b64decode, b"YWJjZ")
err(base64.b64decode, b"ab=c", validate=True)
err(base64.b64decode, b"YWJj\n", validate=True)
err(base64.b64decode, b"=YWJj", validate=True)
err(base64.b64decode, b"YQ==YQ==", validate=True)
err(base64.b64decode, "é")
err(base64.b64decode, 12)
err(base64.b32decode, b"ABC")
err(base64.b32decode, b"A1======")
err(base64.b32decode, b"me======", casefold=True)
err(base64.b32decode, b"ME======")
err(base64.b32decode, b"M0======", map01=b"L")
err(base64.b32decode, b"MFRA====")
err(base64.b32decode, b"A=======")
err(base64.b16decode, b"0g")
err(base64.b16decode, b"abcd")
err(base64.b16decode, b"abcd", casefold=True)
err(base64.b16decode, b"abc")
err(base64.a85decode, b"abc~>", adobe=True)
err(base64.a85decode, b"ab~")
err(base64.a85decode, b"azbcd")
err(base64.a85decode, b"uuuuu")
err(base64.b85decode, b"ab\"cd")
err(base64.b85decode, b"|NsC0")
err(base64.encodebytes, "str")
print(base64.encodebytes(bytes(range(100))))
print(base64.decodebytes(base64.encodebytes(b"x" * 200)) == b"x" * 200)
i, o = io.BytesIO(b"hello world" * 20), io.BytesIO()
base64.encode(i, o)
print(o.getvalue()[:80])
o2 = io.BytesIO()
base64.decode(io.BytesIO(o.getvalue()), o2)
print(o2.getvalue() == b"hello world" * 20)
print(binascii.hexlify(b"\x01\xab"), binascii.hexlify(b"\x01\xab\xcd", "-"), binascii.unhexlify("01AB"), binascii.crc32(b"hello"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc_hqx(b"hello", 0))
err(binascii.unhexlify, b"0")
err(binascii.unhexlify, b"zz")
print(binascii.b2a_base64(b"abc"), binascii.b2a_base64(b"abc", newline=False), binascii.a2b_base64("YWJj"), issubclass(binascii.Error, ValueError))
