# raise SystemExit("msg") prints the message to stderr and exits with status 1.
print("about to exit")
raise SystemExit("fatal: configuration missing")
