# Uncaught IndexError inside a method.
class Stack:
    def __init__(self):
        self.items = []
    def peek(self):
        return self.items[-1]
s = Stack()
s.peek()
