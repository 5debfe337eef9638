# SyntaxError: break outside loop. Nothing runs, not even the first print.
print("never")
break
