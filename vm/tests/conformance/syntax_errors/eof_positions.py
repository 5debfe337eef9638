# SyntaxError positions of compile() at the end of the input, per mode
# (CPython 3.11: eval and single mode add no newline, so the end of the
# input is offset 0; a line's end is not the next line).
for src in ["1 +", "1 +\n", "x.", "x.\n", "1 + 2 +", "@\ndef f(): pass", "a = (1,\n 2) +", "f(x,\n  y) +\n"]:
    for mode in ("exec", "eval", "single"):
        try:
            compile(src, "<s>", mode)
            print(mode, repr(src), "compiled")
        except SyntaxError as e:
            print(mode, repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
