# Format specifications for floats.
values = [0.0, -0.0, 1.0, 3.14159265, -2.5, 1234567.891, 1e-7, 1e22, float("inf"), float("nan")]
for spec in ["", "f", ".2f", "10.3f", "<10.1f", "e", ".3e", "E", "g", ".3g", "G", "%", ".1%", "+.2f", ",.2f", "012.3f", "n"]:
    print(repr(spec), [format(v, spec) for v in values])
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(2.675, ".2f"))
print(format(1e16, ""), format(1e15, ""), format(123456789012345678.0, "g"))
print(format(12.0, "#g"), format(12.0, "#.0f"), format(0.0001, "g"), format(0.00001, "g"))
