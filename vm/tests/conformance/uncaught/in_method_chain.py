# A traceback through methods, a property and a staticmethod.
class Parser:
    def __init__(self, text):
        self.text = text
    @property
    def tokens(self):
        return self._split(self.text)
    @staticmethod
    def _split(text):
        return text.split(None, -1, 5)
    def run(self):
        return len(self.tokens)
print(Parser("a b").run.__name__)
Parser("a b c").run()
