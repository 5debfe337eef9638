"""Writes vm/src/modules/unicodedata/ucd.bin, the character database behind
Skein's `unicodedata` module, from CPython 3.11's own `unicodedata`
(Unicode 14.0.0), so both answer alike:

    python3 vm/tools/gen_unicodedata.py vm/src/modules/unicodedata/ucd.bin

Layout (all integers little-endian): the magic b"SKUD", a u32 count of
sections, then per section a u32 offset and u32 length (from the file
start), in the order of SECTIONS below. `vm/src/modules/unicodedata.rs`
reads it; the section list and record layouts there must match.

- strings: NUL-separated lists, one per line: categories, bidi classes,
  east asian widths, decomposition tags, Hangul L, V and T jamo names,
  algorithmic name prefixes.
- props_index / props_blocks / props_records: a two-stage table giving
  each code point a record: u16 block numbers per 128 code points, blocks
  of 128 u8 record numbers, records of 5 bytes (category, bidi, east
  asian width, mirrored, combining class).
- decomp_cps / decomp_offsets / decomp_data: sorted u32 code points with
  a decomposition; the u16 offset of each in decomp_data, which holds a
  tag byte, a length byte and the code points as 3-byte integers. Hangul
  syllables are algorithmic and not listed.
- compose: sorted (first, second, composite) triples of u32 for the
  canonical composition of NFC/NFKC (primary composites only).
- numeric_cps / numeric_values: sorted code points with a numeric value,
  and per code point a f64 value plus one flag byte (1 = decimal, 2 =
  digit), 9 bytes each.
- algorithmic: (first, last, prefix index) u32 triples of ranges named
  PREFIX-<hex code point>.
- name_runs: (first code point, count, first name ordinal) u32 triples of
  consecutive explicitly named code points.
- name_checkpoints: u32 byte offset in names of every 32nd name.
- lexicon: the distinct words of names, each a length byte then ASCII.
- names: per name, front-coded within each group of 32: the number of
  leading words shared with the previous name (0 for a group's first),
  the byte length of the rest, then the rest's word ids (1 byte below
  128, else 2 bytes big-endian with the top bit set); words are joined
  by spaces.
"""
import struct
import sys
import unicodedata as ud
from collections import Counter

MAX = 0x110000
SHIFT = 7

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc", "Cf",
              "Cs", "Co", "Lm", "Lo", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"]
BIDI = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS", "NSM", "BN",
        "B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"]
EAW = ["F", "H", "W", "Na", "A", "N"]


def chars():
    return (chr(cp) for cp in range(MAX))


def main(path):
    # -- properties
    records, rec_index = [], {}
    per_cp = []
    for c in chars():
        rec = (CATEGORIES.index(ud.category(c)), BIDI.index(ud.bidirectional(c)),
               EAW.index(ud.east_asian_width(c)), ud.mirrored(c), ud.combining(c))
        if rec not in rec_index:
            rec_index[rec] = len(records)
            records.append(rec)
        per_cp.append(rec_index[rec])
    blocks, block_index, stage1 = [], {}, []
    size = 1 << SHIFT
    for b in range(MAX >> SHIFT):
        blk = tuple(per_cp[b * size:(b + 1) * size])
        if blk not in block_index:
            block_index[blk] = len(blocks)
            blocks.append(blk)
        stage1.append(block_index[blk])
    props_index = struct.pack(f"<{len(stage1)}H", *stage1)
    assert len(records) <= 256
    props_blocks = b"".join(bytes(blk) for blk in blocks)
    props_records = b"".join(bytes(r) for r in records)

    # -- decompositions
    tags = [""]
    d_cps, d_offs, d_data = [], [], bytearray()
    for cp in range(MAX):
        if 0xAC00 <= cp <= 0xD7A3:
            continue
        d = ud.decomposition(chr(cp))
        if not d:
            continue
        parts = d.split()
        tag = ""
        if parts[0].startswith("<"):
            tag = parts.pop(0)
        if tag not in tags:
            tags.append(tag)
        d_cps.append(cp)
        d_offs.append(len(d_data))
        d_data += bytes([tags.index(tag), len(parts)])
        for p in parts:
            d_data += int(p, 16).to_bytes(3, "little")
    assert len(d_data) < 0x10000
    decomp_cps = struct.pack(f"<{len(d_cps)}I", *d_cps)
    decomp_offsets = struct.pack(f"<{len(d_offs)}H", *d_offs)
    decomp_data = bytes(d_data)

    # -- canonical composition pairs (primary composites)
    triples = []
    for cp in d_cps:
        d = ud.decomposition(chr(cp))
        if d.startswith("<"):
            continue
        parts = [int(p, 16) for p in d.split()]
        if len(parts) == 2 and ud.normalize("NFC", chr(cp)) == chr(cp):
            triples.append((parts[0], parts[1], cp))
    triples.sort()
    compose = b"".join(struct.pack("<3I", *t) for t in triples)

    # -- numeric values
    n_cps, n_vals = [], []
    for c in chars():
        v = ud.numeric(c, None)
        if v is None:
            continue
        flags = (1 if ud.decimal(c, None) is not None else 0) | (2 if ud.digit(c, None) is not None else 0)
        n_cps.append(ord(c))
        n_vals.append(struct.pack("<dB", v, flags))
    numeric_cps = struct.pack(f"<{len(n_cps)}I", *n_cps)
    numeric_values = b"".join(n_vals)

    # -- names
    prefixes = []
    algorithmic = []  # [first, last, prefix index]
    explicit = []  # (cp, name)
    for cp in range(MAX):
        if 0xAC00 <= cp <= 0xD7A3:
            continue
        n = ud.name(chr(cp), None)
        if n is None:
            continue
        head, _, tail = n.rpartition("-")
        if head and tail == f"{cp:04X}":
            if head not in prefixes:
                prefixes.append(head)
            p = prefixes.index(head)
            if algorithmic and algorithmic[-1][1] == cp - 1 and algorithmic[-1][2] == p:
                algorithmic[-1][1] = cp
            else:
                algorithmic.append([cp, cp, p])
            continue
        explicit.append((cp, n))
    words = Counter(w for _, n in explicit for w in n.split(" "))
    order = [w for w, _ in words.most_common()]
    assert len(order) < 0x8000
    word_id = {w: i for i, w in enumerate(order)}
    lexicon = b"".join(bytes([len(w)]) + w.encode("ascii") for w in order)
    names = bytearray()
    checkpoints = []
    runs = []
    prev = []
    for i, (cp, n) in enumerate(explicit):
        if i % 32 == 0:
            checkpoints.append(len(names))
            prev = []
        if runs and runs[-1][0] + runs[-1][1] == cp:
            runs[-1][1] += 1
        else:
            runs.append([cp, 1, i])
        ws = n.split(" ")
        shared = 0
        while shared < min(len(ws), len(prev)) and ws[shared] == prev[shared]:
            shared += 1
        enc = bytearray()
        for w in ws[shared:]:
            k = word_id[w]
            enc += bytes([k]) if k < 0x80 else bytes([0x80 | k >> 8, k & 0xFF])
        assert len(enc) < 256
        names += bytes([shared, len(enc)]) + enc
        prev = ws

    # Hangul jamo short names, recovered from the syllable names.
    def syllable(l, v, t):
        return ud.name(chr(0xAC00 + (l * 21 + v) * 28 + t))[len("HANGUL SYLLABLE "):]
    jamo_l = [syllable(l, 0, 0)[:-1] for l in range(19)]
    jamo_v = [syllable(0, v, 0)[len(jamo_l[0]):] for v in range(21)]
    jamo_t = [syllable(0, 0, t)[len(jamo_l[0]) + len(jamo_v[0]):] for t in range(28)]

    def strlist(xs):
        return "\0".join(xs).encode("ascii")
    strings = b"\n".join(strlist(x) for x in [CATEGORIES, BIDI, EAW, tags, jamo_l, jamo_v, jamo_t, prefixes])
    sections = [
        strings, props_index, props_blocks, props_records, decomp_cps, decomp_offsets, decomp_data, compose,
        numeric_cps, numeric_values, struct.pack(f"<{len(algorithmic) * 3}I", *[x for a in algorithmic for x in a]),
        struct.pack(f"<{len(runs) * 3}I", *[x for r in runs for x in r]),
        struct.pack(f"<{len(checkpoints)}I", *checkpoints), lexicon, bytes(names),
    ]
    out = bytearray(b"SKUD" + struct.pack("<I", len(sections)))
    offset = len(out) + 8 * len(sections)
    for s in sections:
        out += struct.pack("<II", offset, len(s))
        offset += len(s)
    for s in sections:
        out += s
    with open(path, "wb") as f:
        f.write(out)
    print(f"{path}: {len(out)} bytes, {len(records)} records, {len(blocks)} blocks, {len(d_cps)} decompositions, "
          f"{len(triples)} compositions, {len(n_cps)} numerics, {len(explicit)} names, {len(order)} words",
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
