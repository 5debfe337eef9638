# Code compiled from a string has no source file: its traceback entries
# show no source line (CPython's linecache skips "<string>").
try:
    exec("x = 1\ny = x / 0")
except ZeroDivisionError as e:
    print("caught", e, e.__traceback__.tb_next.tb_frame.f_code.co_filename)
print("between")
eval(compile("[1][5]", "<string>", "eval"))
