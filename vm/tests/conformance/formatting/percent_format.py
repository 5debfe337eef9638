# printf-style formatting with %.
print("%s and %r" % ("str", "repr"))
print("%d %i %5d %-5d| %05d %+d % d" % (42, 42, 42, 42, 42, 42, 42))
print("%x %X %#x %o %#o %c %c" % (255, 255, 255, 8, 8, 65, "z"))
print("%f %.2f %10.3f %-10.1f| %e %.2E %g %G" % (3.14159, 3.14159, 3.14159, 3.14159, 31415.9, 31415.9, 0.00001234, 1e20))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%s" % [1, 2], "%s" % (1,), "%s%%" % 50, "%a" % "é")
print("%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159))
print("%s" % "only one", "%d" % 3.99, "%i" % True)
for bad in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", 5)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(b"%s %d %x %b" % (b"bytes", 5, 255, b"B"))
