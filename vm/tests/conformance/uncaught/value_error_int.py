# Uncaught ValueError from int().
values = ["10", "20", "x30"]
total = 0
for v in values:
    total += int(v)
print(total)
