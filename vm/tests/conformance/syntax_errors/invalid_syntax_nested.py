# SyntaxError: invalid syntax nested. Nothing runs, not even the first print.
print("never")
class C:
    def m(self):
        x = = 1
