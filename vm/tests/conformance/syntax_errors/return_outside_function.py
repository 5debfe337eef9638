# SyntaxError: return outside function. Nothing runs, not even the first print.
print("never")
print("ok")
return 5
