# csv: readers and writers with the standard dialects and options,
# DictReader/DictWriter, quoting modes, escapes, errors, the Sniffer.
import csv
import io

rows = [["name", "note", "n"], ["a,b", 'say "hi"', 1], ["multi\nline", "", 2.5], ["x", None, True]]
for dialect in ("excel", "excel-tab", "unix"):
    out = io.StringIO()
    w = csv.writer(out, dialect=dialect)
    w.writerows(rows)
    print(dialect, repr(out.getvalue()))
    print(list(csv.reader(io.StringIO(out.getvalue(), newline=""), dialect=dialect)))

for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    out = io.StringIO()
    csv.writer(out, quoting=quoting).writerow(["t", 1, 2.0, "3.5", None, ""])
    print(quoting, repr(out.getvalue()))
out = io.StringIO()
csv.writer(out, quoting=csv.QUOTE_NONE, escapechar="\\").writerow(["a,b", 'q"x', "back\\slash"])
print(repr(out.getvalue()))
out = io.StringIO()
csv.writer(out, doublequote=False, escapechar="\\").writerow(['q"x'])
print(repr(out.getvalue()))
out = io.StringIO()
csv.writer(out).writerow([""])
print(repr(out.getvalue()))

data = 'a, "b ,c" ,d\r\n"x""y",,"\r\nz"\r\n\r\nlast'
print(list(csv.reader(io.StringIO(data, newline=""))))
print(list(csv.reader(io.StringIO(data, newline=""), skipinitialspace=True)))
print(list(csv.reader(["1,2.5,'x'"], quoting=csv.QUOTE_NONNUMERIC, quotechar="'")))
print(list(csv.reader(['a\\,b,c'], escapechar="\\")))
print(list(csv.reader(['"unterminated'])))
r = csv.reader(["a,b", "c,d"])
print(next(r), r.line_num, r.dialect.delimiter)

text = "id,name\r\n1,Ann\r\n2,Bob,extra\r\n3\r\n"
for row in csv.DictReader(io.StringIO(text, newline=""), restkey="rest", restval="?"):
    print(row)
dr = csv.DictReader(io.StringIO(text, newline=""))
print(dr.fieldnames, dr.line_num)
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["id", "name"], restval="-")
dw.writeheader()
dw.writerows([{"id": 1, "name": "Ann"}, {"id": 2}])
print(repr(out.getvalue()))
try:
    dw.writerow({"id": 3, "bad": 4})
except ValueError as e:
    print("ValueError:", e)

csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_NONE)
print(sorted(csv.list_dialects()), csv.get_dialect("pipes").delimiter)
print(list(csv.reader(["a|b|c"], "pipes")))
csv.unregister_dialect("pipes")


class Semi(csv.excel):
    delimiter = ";"


print(list(csv.reader(["1;2"], Semi)))

for kwargs in [dict(delimiter=""), dict(delimiter=5), dict(quotechar="ab"), dict(quoting=9),
               dict(lineterminator=5), dict(escapechar="ab"), dict(bogus=1)]:
    try:
        csv.reader([], **kwargs)
    except TypeError as e:
        print("TypeError:", e)
for bad in [lambda: list(csv.reader(['"a"b,c'], strict=True)),
            lambda: list(csv.reader(["a\nb\n"])),
            lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"]),
            lambda: csv.writer(io.StringIO()).writerow(5),
            lambda: csv.get_dialect("nope"),
            lambda: list(csv.reader([b"a"])),
            lambda: list(csv.reader(['"open'], strict=True))]:
    try:
        bad()
    except csv.Error as e:
        print("Error:", e)
old = csv.field_size_limit(10)
try:
    list(csv.reader(["x" * 20]))
except csv.Error as e:
    print("Error:", e)
print(old, csv.field_size_limit(old))

sample = "name;age;city\r\nAnn;31;Oslo\r\nBob;27;Rome\r\n"
d = csv.Sniffer().sniff(sample)
print(d.delimiter, repr(d.quotechar), d.doublequote, d.skipinitialspace)
print(csv.Sniffer().has_header(sample))
d = csv.Sniffer().sniff('"a","b"\n"c","d"\n')
print(d.delimiter, d.quotechar)
