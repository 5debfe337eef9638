print("pkg_demo.sub: __init__")
