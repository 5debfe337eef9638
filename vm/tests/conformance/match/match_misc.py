# Match subjects that are tuples, nested patterns, and no case matching.
def cmd(line):
    match line.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["go", *_]:
            return "go where?"
        case ["pick", "up", item] | ["take", item]:
            return f"taking {item}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "nothing"
        case [verb, *args]:
            return f"unknown verb {verb} with {len(args)} args"
for line in ["go north", "go", "go a b", "pick up lamp", "take key", "quit", "exit", "", "dance wildly now"]:
    print(repr(line), cmd(line))
match 5:
    case 1:
        print("no")
print("no case matched, nothing happens")
match 1, 2:
    case a, b:
        print("tuple subject", a, b)
