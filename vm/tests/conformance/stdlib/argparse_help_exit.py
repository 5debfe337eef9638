# -h prints the help on stdout and exits with status 0.
import argparse, sys

sys.argv = ["prog.py"]
p = argparse.ArgumentParser(description="Process some integers.")
p.add_argument("integers", metavar="N", type=int, nargs="+", help="an integer for the accumulator")
p.add_argument("--sum", dest="accumulate", action="store_const", const=sum, default=max,
               help="sum the integers (default: find the max)")
p.parse_args(["-h"])
print("not reached")
