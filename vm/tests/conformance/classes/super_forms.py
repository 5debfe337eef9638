# super() without arguments and with explicit (type, obj) arguments.
class Base:
    def __init__(self):
        self.log = ["Base"]
    def hello(self):
        return "Base.hello"
    @classmethod
    def create(cls):
        return f"create {cls.__name__}"
class Child(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Child")
    def hello(self):
        return "Child>" + super(Child, self).hello()
    @classmethod
    def create(cls):
        return "Child>" + super().create()
class GrandChild(Child):
    def hello(self):
        return "GrandChild>" + super(Child, self).hello()
c = Child()
print(c.log, c.hello(), Child.create())
print(GrandChild().hello(), GrandChild.create())
s = super(Child, c)
print(s.hello(), type(s).__name__)
def outside(self):
    return super(Child, self).hello()
print(outside(c))
class NoArgs:
    def m(self):
        def nested():
            return super().__repr__
        try:
            nested()
        except RuntimeError as e:
            return str(e)
print(NoArgs().m())
