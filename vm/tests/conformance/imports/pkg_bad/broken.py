print("pkg_bad.broken: about to fail")
value = 1 / 0
