# Quotes that differ from the enclosing ones are fine in 3.11 f-strings,
# also inside format specs and nested replacement fields.
table = {"k": 1, 'j': 2}
width = 6
print(f"{table['k']:>{width}}|")
print(f'{table["j"]!r:<4}|')
print(f"""{'x' + "y"}""")
print(f'''{"a" + 'b'}''')
print(f"{'q':'<3}|")
x = 3
print(f"{x=} {x = :>4} {'{'}")
