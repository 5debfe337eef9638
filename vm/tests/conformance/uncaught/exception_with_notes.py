# Notes added with add_note() appear after the message.
try:
    int("abc")
except ValueError as e:
    e.add_note("while parsing field 'age'")
    e.add_note("input came from line 3")
    raise
