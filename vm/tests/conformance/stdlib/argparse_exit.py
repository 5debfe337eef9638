# A parse error prints the usage and the message on stderr and exits with status 2.
import argparse

p = argparse.ArgumentParser(prog="tool", description="Process some integers.")
p.add_argument("integers", metavar="N", type=int, nargs="+", help="an integer for the accumulator")
p.add_argument("--sum", dest="accumulate", action="store_const", const=sum, default=max,
               help="sum the integers (default: find the max)")
args = p.parse_args(["1", "2", "3", "--sum"])
print(args.accumulate(args.integers))
print(p.parse_args(["7", "4"]).accumulate([7, 4]))
p.parse_args(["1", "two"])
print("not reached")
