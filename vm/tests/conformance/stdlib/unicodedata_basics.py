# unicodedata: properties, names, numeric values and normalization forms.
import unicodedata as ud

print(ud.unidata_version)
for c in ["A", "a", "1", "\u00e9", "\u0301", "\u20ac", "\u4e00", "\uac01", " ", "\u200f", "(", "\U0001F600", "\ud800", "\U000E0080", "\u00bd", "\u0663", "\u00b2", "\u2155", "\uff21"]:
    print(ascii(c), ud.category(c), ud.bidirectional(c), ud.east_asian_width(c), ud.mirrored(c), ud.combining(c),
          ascii(ud.decomposition(c)), ud.name(c, None), ud.numeric(c, None), ud.decimal(c, None), ud.digit(c, None))
for n in ["LATIN SMALL LETTER A", "euro sign", "HANGUL SYLLABLE GGAEGG", "CJK UNIFIED IDEOGRAPH-04E00",
          "cjk compatibility ideograph-f900", "GRINNING FACE", "hangul syllable GA", "CJK UNIFIED IDEOGRAPH-4e00", "NOPE"]:
    try:
        print(ascii(ud.lookup(n)))
    except KeyError as e:
        print("KeyError", e)
for s in ["e\u0301", "\u00e9", "\ufb01", "\u1e9b\u0323", "\uac01", "\u1100\u1161\u11a8", "a\u0301\u0316", "\u2126\u212b",
          "\u0344", "\u0f73", "\u3300", "\u2460\uff21", "caf\u00e9 na\u0131\u0308ve"]:
    forms = [ud.normalize(f, s) for f in ["NFC", "NFD", "NFKC", "NFKD"]]
    print(ascii(s), [ascii(x) for x in forms], [ud.is_normalized(f, s) for f in ["NFC", "NFD", "NFKC", "NFKD"]])
for f in [lambda: ud.name("\x00"), lambda: ud.name("ab"), lambda: ud.category(1), lambda: ud.decimal("a"),
          lambda: ud.digit("x"), lambda: ud.numeric("x"), lambda: ud.normalize("NFX", "a"), lambda: ud.normalize("NFC", 1),
          lambda: ud.lookup("x" * 300), lambda: ud.lookup(), lambda: ud.name()]:
    try:
        print(f())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(ud.name("\x00", "no name"), ud.decimal("x", -1), ud.numeric("\u4e07"), ud.lookup(b"DIGIT ONE"))
print(sum(1 for cp in range(0x3000) if ud.category(chr(cp)) == "Lu"), len([cp for cp in range(0x800) if ud.name(chr(cp), "")]))
