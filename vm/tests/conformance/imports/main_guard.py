# __name__ is "__main__" for the script and the dotted name for imported modules.
import pkg_demo.util as u
def main():
    print("running main, __name__ =", __name__)
    print("imported module name:", u.__name__)
if __name__ == "__main__":
    main()
else:
    print("imported, not run")
import sys
print(sys.modules["__main__"].main is main, sys.modules[__name__] is sys.modules["__main__"])
