"""Dictionary- and string-heavy text processing.

Builds pseudo-random text from a fixed vocabulary, then counts words with a
dict, groups them, builds reports with str.join, %-formatting, f-strings and
str.format, and runs common str methods (split, strip, replace, upper, find,
startswith, slicing). Measures: dict get/set with str keys, str hashing,
string building and formatting. Argument: number of words (default 600000).
Checksum: counts and lengths that do not depend on hash order.
"""

import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "qu", "ze", "ph", "an"]


def make_vocabulary(size):
    words = []
    x = 7
    for i in range(size):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        y = x >> 8
        k = 1 + y % 4
        y //= 4
        parts = []
        for _ in range(k):
            parts.append(SYLLABLES[y % len(SYLLABLES)])
            y //= len(SYLLABLES)
        words.append("".join(parts) + str(i % 10))
    return words


def make_text(vocab, n):
    x = 12345
    lines = []
    line = []
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        # Skew the distribution so some words are common.
        y = x >> 8
        idx = ((y >> 1) % len(vocab)) if y & 1 else (y % 37)
        w = vocab[idx]
        if x & 0x10000:
            w = w.capitalize()
        line.append(w)
        if len(line) == 12:
            lines.append(" ".join(line) + ". ")
            line = []
    lines.append(" ".join(line))
    return "\n".join(lines)


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for word in line.strip().split():
            word = word.rstrip(".").lower()
            counts[word] = counts.get(word, 0) + 1
    return counts


def group_by_prefix(counts):
    groups = {}
    for word, c in counts.items():
        key = word[:3]
        if key in groups:
            groups[key].append((word, c))
        else:
            groups[key] = [(word, c)]
    return groups


def report(groups):
    out = []
    for key in sorted(groups):
        items = groups[key]
        total = sum(c for _, c in items)
        top = max(items, key=lambda wc: (wc[1], wc[0]))
        out.append("%-4s %6d %s" % (key, total, top[0]))
        out.append(f"{key.upper()}:{len(items):>5}:{top[1]:08x}")
        out.append("{0}|{1!r}|{2:.3f}".format(key, top[0], total / len(items)))
    return "\n".join(out)


def transform(text):
    t = text.replace("ka", "KA").replace("zero", "0")
    hits = 0
    pos = t.find("KA")
    while pos != -1 and hits < 5000:
        hits += 1
        pos = t.find("KA", pos + 1)
    starts = sum(1 for w in t.split() if w.startswith("Qu") or w.endswith("9"))
    upper = t.upper().count("VO")
    return hits, starts, upper, len(t)


def main(n):
    vocab = make_vocabulary(5000)
    text = make_text(vocab, n)
    counts = count_words(text)
    groups = group_by_prefix(counts)
    rep = report(groups)
    hits, starts, upper, length = transform(text)
    # Rebuild a dict from (str, int) pairs and merge two dicts.
    inverted = {}
    for word, c in counts.items():
        inverted.setdefault(c, []).append(word)
    freq = {c: len(ws) for c, ws in inverted.items()}
    merged = dict(counts)
    merged.update({w.upper(): c for w, c in counts.items() if c > 50})
    checksum = 0
    for ch in rep:
        checksum = (checksum * 131 + ord(ch)) % 1000000007
    print(len(counts), len(groups), len(rep), checksum, hits, starts, upper,
          length, len(merged), max(freq), sum(freq.values()))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 600000)
