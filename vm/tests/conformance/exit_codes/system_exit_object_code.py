# A non-int, non-None exit code is printed to stderr with status 1.
raise SystemExit(["list", "code"])
