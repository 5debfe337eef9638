# SyntaxError: unclosed paren. Nothing runs, not even the first print.
print("this line never runs")
x = (1 +
