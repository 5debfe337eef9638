# f-string expressions, conversions, nesting and self-documenting "=".
name, n = "world", 42
print(f"hello {name}!", f"{n + 1}", f"{'nested'}", f"{name!r}", f"{name!s}", f"{'é'!a}")
print(f"{{braces}}", f"{n:>{6}}", f"{n:{'x'}}", f"{3.14159:.{2}f}")
print(f"{n=}", f"{n = }", f"{name=!s}", f"{1 + 1=}", f"{n=:>5}")
items = [1, 2, 3]
print(f"{items[0]} {items[-1]} {len(items)} {items!r:>12}")
d = {"key": "value"}
print(f"{d['key']}", f"{(lambda x: x * 2)(3)}", f"{'a' if n else 'b'}")
print(f"multi" f"part {n}" "plain")
print(f"""triple {name}
second line""")
print(rf"raw\n{name}", fr"{name}\t")
obj = 3 + 4j
print(f"{obj.real} {obj.imag} {obj}")
print(f"{n:#x} {n:#o} {n:#b} {n:,} {12345678:_}")
