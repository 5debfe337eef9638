print("never")
class C:
    def m(self):
        x = = 1
