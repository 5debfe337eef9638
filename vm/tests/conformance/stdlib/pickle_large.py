# Frames (protocol 4+), batches of 1000 items, and payloads written outside
# frames. The pickles are large: print their length, a checksum and the
# positions of the FRAME opcodes (each frame header carries its length).
import pickle


def frames(data):
    """Offsets and lengths of the frames, walking the frame headers."""
    out = []
    pos = 2
    while pos < len(data) and data[pos] == 0x95:
        n = int.from_bytes(data[pos + 1 : pos + 9], "little")
        out.append((pos, n))
        pos += 9 + n
    return out, pos


def summary(data):
    return len(data), sum(data) % 1000003, data[:16], data[-16:]


cases = {
    "list1001": list(range(1001)),
    "list2000": list(range(2000)),
    "dict1000": {i: i for i in range(1000)},
    "dict1001": {i: -i for i in range(1001)},
    "set1000": set(range(1000)),
    "set2001": set(range(2001)),
    "frozen1001": frozenset(range(1001)),
    "bigbytes": b"z" * 70000,
    "bigstr": "q" * 70000,
    "bigarray": bytearray(b"r" * 70000),
    "mixed": [b"a" * 40000, "b" * 40000, [b"c" * 30000] * 3, b"d" * 66000, 12],
    "many": [("k%d" % i, i * 1.5, str(i) * 10) for i in range(3000)],
}
for name, obj in cases.items():
    for proto in (1, 2, 4, 5):
        data = pickle.dumps(obj, proto)
        same = pickle.loads(data) == obj
        info = frames(data) if proto >= 4 else ""
        print(name, proto, summary(data), same, info)
