# Nested loops: break only leaves the innermost loop; flags and else clauses.
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if (i + j) % 2:
            continue
        print(i, j)
    else:
        print("inner else", i)
found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    else:
        continue
    break
print("found", found)
grid = [[1, 2], [3, 4], [5, 6]]
total = 0
for row in grid:
    for cell in row:
        total += cell
print(total)
