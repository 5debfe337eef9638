# re: one compiled pattern (and the module cache) used by several threads at once.
import re
import threading

word = re.compile(r"(?P<w>[a-z]+)(\d*)")
text = " ".join("abc%d def ghi%d" % (i, i * 7) for i in range(300))
expected = word.findall(text)
results = []
errors = []

def worker(n):
    try:
        for _ in range(20):
            got = word.findall(text)
            if got != expected:
                errors.append("findall differs")
            m = word.search(text, n)
            if m is None or m.re is not word:
                errors.append("search failed")
            s = re.sub(r"\d+", "#", text)
            if s.count("#") != 600:
                errors.append("sub differs %d" % s.count("#"))
            re.compile("x%d(y)" % (n % 5)).match("x%dy" % (n % 5)).group(1)
        results.append(n)
    except Exception as e:
        errors.append(repr(e))

threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), errors)
print(len(expected), expected[:3])
