import sys, io
# logging.config.dictConfig: formatters, filters, handlers (a MemoryHandler target,
# '()' factories with '.' properties), loggers, root, incremental, errors, cfg:// and ext://.
import logging, logging.config, logging.handlers
sys.stderr = sys.stdout
old = logging.getLogger("old.one")
old_child = logging.getLogger("app.sub.child")
cfg = {
    "version": 1,
    "formatters": {
        "brief": {"format": "%(levelname)s:%(name)s:%(message)s"},
        "braces": {"format": "{levelname}|{message}", "style": "{"},
        "custom": {"()": "logging.Formatter", "fmt": "C %(message)s"},
    },
    "filters": {
        "only_app": {"name": "app"},
    },
    "handlers": {
        "out": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "brief", "level": "DEBUG"},
        "braced": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "braces", "filters": ["only_app"]},
        "mem": {"class": "logging.handlers.MemoryHandler", "capacity": 2, "target": "out", "flushLevel": 40},
        "cust": {"()": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "custom", ".": {"marker": 42}},
    },
    "loggers": {
        "app": {"level": "INFO", "handlers": ["braced", "out"], "propagate": False},
        "app.sub": {"handlers": ["cust"]},
        "buf": {"handlers": ["mem"], "level": "DEBUG", "propagate": False},
    },
    "root": {"level": "WARNING", "handlers": ["out"]},
}
logging.config.dictConfig(cfg)
app = logging.getLogger("app")
app.debug("hidden")
app.info("shown")
logging.getLogger("app.sub").warning("sub warning")
logging.getLogger("app.sub.child").error("child error")
print(old.disabled, old_child.disabled, logging.getLogger("app.sub").propagate)
old.warning("old disabled")
logging.getLogger("new").warning("new logger to root")
buf = logging.getLogger("buf")
buf.info("one"); print("-- after one"); buf.info("two"); print("-- after two")
print(sorted(h.name for h in logging.getLogger("app").handlers), logging.getLogger().level, logging.getLogger("app").level)
print([getattr(h, "marker", None) for h in logging.getLogger("app.sub").handlers])
logging.config.dictConfig({"version": 1, "incremental": True, "handlers": {"out": {"level": "ERROR"}}, "loggers": {"app": {"level": "DEBUG"}}})
app.debug("debug now enabled on app, but out handler is ERROR")
app.error("error passes")
bad = [
    {},
    {"version": 2},
    {"version": 1, "handlers": {"h": {"class": "logging.NoSuchHandler"}}},
    {"version": 1, "handlers": {"h": {"class": "nosuchmodule.Handler"}}},
    {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "formatter": "missing"}}},
    {"version": 1, "loggers": {"x": {"handlers": ["missing"]}}},
    {"version": 1, "formatters": {"f": {"format": "%(message)s", "style": "?"}}},
    {"version": 1, "incremental": True, "handlers": {"nope": {}}},
    {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "level": "LOUD"}}},
    {"version": 1, "root": {"level": 5, "filters": ["nofilter"]}},
]
for c in bad:
    try:
        logging.config.dictConfig(c)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e, "|", type(e.__cause__).__name__ if e.__cause__ else None, e.__cause__)
logging.config.dictConfig({"version": 1, "disable_existing_loggers": False, "root": {"handlers": ["h"], "level": "INFO"}, "handlers": {"h": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "f"}}, "formatters": {"f": {"format": "%(name)s %(message)s"}}, "cfgref": {"x": ["a", "b"]}})
logging.getLogger("app").info("after reconfig, app is not disabled: %s", logging.getLogger("app").disabled)
bc = logging.config.BaseConfigurator({"a": {"b": [10, {"c": "deep"}]}, "n": "cfg://a.b[1].c", "e": "ext://sys.maxsize"})
print(bc.config["n"], bc.config["e"] == sys.maxsize, bc.cfg_convert("a.b[0]"), bc.cfg_convert("a[b][1][c]"))
for v in ["", "a.b[x", "a.zz"]:
    try:
        bc.cfg_convert(v)
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(logging.config.valid_ident("abc"))
try:
    logging.config.valid_ident("1x")
except ValueError as e:
    print(e)
