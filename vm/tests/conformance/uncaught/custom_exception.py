# An uncaught user-defined exception with a custom __str__.
class InsufficientFunds(Exception):
    def __init__(self, needed):
        self.needed = needed
    def __str__(self):
        return f"need {self.needed} more"
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount - self.balance)
        self.balance -= amount
acct = Account(10)
acct.withdraw(5)
print("balance", acct.balance)
acct.withdraw(20)
