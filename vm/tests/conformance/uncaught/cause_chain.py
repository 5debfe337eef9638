# Explicit chaining: "The above exception was the direct cause of the following exception:".
class ConfigError(Exception):
    pass
def read_config():
    try:
        return int("not a number")
    except ValueError as e:
        raise ConfigError("invalid config value") from e
read_config()
