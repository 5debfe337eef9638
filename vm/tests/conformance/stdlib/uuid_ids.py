# uuid: parsing and formatting, fields, versions 1/3/4/5, namespaces, errors.
import uuid

u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(u, repr(u), u.hex, u.urn, u.int, u.version, u.variant)
print(u.bytes, u.bytes_le, u.fields, u.time, u.clock_seq, u.node)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(int=u.int) == u,
      uuid.UUID(fields=u.fields) == u, uuid.UUID("urn:uuid:" + str(u)) == u)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"))
print(uuid.uuid5(uuid.NAMESPACE_URL, "http://example.com"), uuid.uuid3(uuid.NAMESPACE_OID, "1.2.3"))
r = uuid.uuid4()
print(r.version, r.variant, len(str(r)), r != uuid.uuid4())
t = uuid.uuid1()
print(t.version, t.variant, uuid.uuid1(node=0x123456789abc, clock_seq=42).node == 0x123456789abc)
print(sorted([uuid.UUID(int=3), uuid.UUID(int=1), uuid.UUID(int=2)]))
print(uuid.UUID(int=0).variant, uuid.UUID(int=(1 << 128) - 1).variant, uuid.UUID(int=0).version)
print(int(uuid.NAMESPACE_X500), hash(u) == hash(uuid.UUID(str(u))), 0 < uuid.getnode() < 1 << 48)
print(uuid.SafeUUID.safe, uuid.UUID(int=5).is_safe)
for bad in [lambda: uuid.UUID("xyz"), lambda: uuid.UUID(), lambda: uuid.UUID(bytes=b"short"),
            lambda: uuid.UUID(int=-1), lambda: uuid.UUID(int=1, version=9),
            lambda: uuid.UUID(fields=(1, 2, 3)), lambda: setattr(u, "int", 5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
