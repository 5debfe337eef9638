print("never")
s = """triple
quoted never
closed
