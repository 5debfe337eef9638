NAME = "sibling"
print("pkg_demo.sub.sibling: loaded")
