# and/or return one of their operands and short-circuit.
def t(name, value):
    print("eval", name)
    return value

print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 2))
print(t("a", 0) or t("b", 0))
print(t("a", "") or t("b", "x"))
print(t("a", [1]) or t("b", 2))
print(1 and 2 and 3, 1 and 0 and 3)
print(0 or None or [], 0 or 5 or 6)
print(not [], not [0], not 0.0, not "")
print([] and 1, {} or (), None or 0)
x = None
print(x and x.attr)
print((x or {}).get("k", "default"))
