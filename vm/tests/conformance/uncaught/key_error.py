# Uncaught KeyError shows the repr of the key.
config = {"host": "localhost"}
def get_port(cfg):
    return cfg["port"]
print(get_port(config))
