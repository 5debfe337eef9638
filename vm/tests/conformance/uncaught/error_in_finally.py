# An exception raised in a finally block while another is propagating.
def work():
    try:
        raise ValueError("original problem")
    finally:
        print("cleanup runs")
        {}["cleanup key"]
work()
