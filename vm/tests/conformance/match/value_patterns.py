# Dotted names are value patterns compared with ==; enum members included.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Const:
    LIMIT = 10
def f(x):
    match x:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Const.LIMIT:
            return "limit"
        case _:
            return "other"
print(f(Color.RED), f(Color.GREEN), f(10), f(10.0), f(1))
