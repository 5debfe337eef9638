"""Configuration of the logging package from a dictionary (Skein's implementation).

dictConfig() with CPython 3.11's schema and messages: formatters, filters,
handlers (in sorted name order, MemoryHandler targets deferred), loggers,
root, incremental updates, disable_existing_loggers, '()' factories with
'.' properties, and 'ext://' / 'cfg://' value references.  The whole
configuration runs under logging's module lock.  fileConfig() and listen()
are not provided (Skein has no configparser or sockets).
"""

import re
import logging
import logging.handlers

__all__ = ["dictConfig", "DictConfigurator", "BaseConfigurator", "valid_ident"]

IDENTIFIER = re.compile("^[a-z_][a-z0-9_]*$", re.I)


def valid_ident(s):
    m = IDENTIFIER.match(s)
    if not m:
        raise ValueError("Not a valid Python identifier: %r" % s)
    return True


def _resolve(name):
    """The object named by a dotted path, importing modules along the way."""
    name = name.split(".")
    used = name.pop(0)
    found = __import__(used)
    for n in name:
        used = used + "." + n
        try:
            found = getattr(found, n)
        except AttributeError:
            __import__(used)
            found = getattr(found, n)
    return found


def _clearExistingHandlers():
    logging._handlers.clear()
    logging.shutdown(logging._handlerList[:])
    del logging._handlerList[:]


def _handle_existing_loggers(existing, child_loggers, disable_existing):
    """Resets the children of configured loggers; disables (or not) the other old ones."""
    root = logging.root
    for log in existing:
        logger = root.manager.loggerDict[log]
        if log in child_loggers:
            if not isinstance(logger, logging.PlaceHolder):
                logger.setLevel(logging.NOTSET)
                logger.handlers = []
                logger.propagate = True
        else:
            logger.disabled = disable_existing


# ---- containers that convert their values on access -------------------------------------

class ConvertingMixin(object):
    """Converts 'ext://' and 'cfg://' strings and nested containers when read."""

    def convert_with_key(self, key, value, replace=True):
        result = self.configurator.convert(value)
        if value is not result:
            if replace:
                self[key] = result
            if type(result) in (ConvertingDict, ConvertingList, ConvertingTuple):
                result.parent = self
                result.key = key
        return result

    def convert(self, value):
        result = self.configurator.convert(value)
        if value is not result:
            if type(result) in (ConvertingDict, ConvertingList, ConvertingTuple):
                result.parent = self
        return result


class ConvertingDict(dict, ConvertingMixin):
    def __getitem__(self, key):
        value = dict.__getitem__(self, key)
        return self.convert_with_key(key, value)

    def get(self, key, default=None):
        value = dict.get(self, key, default)
        return self.convert_with_key(key, value)

    def pop(self, key, default=None):
        value = dict.pop(self, key, default)
        return self.convert_with_key(key, value, replace=False)


class ConvertingList(list, ConvertingMixin):
    def __getitem__(self, key):
        value = list.__getitem__(self, key)
        return self.convert_with_key(key, value)

    def pop(self, idx=-1):
        value = list.pop(self, idx)
        return self.convert(value)


class ConvertingTuple(tuple, ConvertingMixin):
    def __getitem__(self, key):
        value = tuple.__getitem__(self, key)
        return self.convert_with_key(key, value, replace=False)


class BaseConfigurator(object):
    """Resolution of names and of 'ext://' / 'cfg://' references in a configuration."""

    CONVERT_PATTERN = re.compile(r"^(?P<prefix>[a-z]+)://(?P<suffix>.*)$")

    WORD_PATTERN = re.compile(r"^\s*(\w+)\s*")
    DOT_PATTERN = re.compile(r"^\.\s*(\w+)\s*")
    INDEX_PATTERN = re.compile(r"^\[\s*(\w+)\s*\]\s*")
    DIGIT_PATTERN = re.compile(r"^\d+$")

    value_converters = {
        "ext": "ext_convert",
        "cfg": "cfg_convert",
    }

    importer = staticmethod(__import__)

    def __init__(self, config):
        self.config = ConvertingDict(config)
        self.config.configurator = self

    def resolve(self, s):
        name = s.split(".")
        used = name.pop(0)
        try:
            found = self.importer(used)
            for frag in name:
                used += "." + frag
                try:
                    found = getattr(found, frag)
                except AttributeError:
                    self.importer(used)
                    found = getattr(found, frag)
            return found
        except ImportError as e:
            v = ValueError("Cannot resolve %r: %s" % (s, e))
            raise v from e

    def ext_convert(self, value):
        return self.resolve(value)

    def cfg_convert(self, value):
        """The part of the configuration that 'word.key[index]...' names."""
        rest = value
        m = self.WORD_PATTERN.match(rest)
        if m is None:
            raise ValueError("Unable to convert %r" % value)
        rest = rest[m.end():]
        d = self.config[m.groups()[0]]
        while rest:
            m = self.DOT_PATTERN.match(rest)
            if m:
                d = d[m.groups()[0]]
            else:
                m = self.INDEX_PATTERN.match(rest)
                if m:
                    idx = m.groups()[0]
                    if not self.DIGIT_PATTERN.match(idx):
                        d = d[idx]
                    else:
                        try:
                            n = int(idx)
                            d = d[n]
                        except TypeError:
                            d = d[idx]
            if m:
                rest = rest[m.end():]
            else:
                raise ValueError("Unable to convert %r at %r" % (value, rest))
        return d

    def convert(self, value):
        if not isinstance(value, ConvertingDict) and isinstance(value, dict):
            value = ConvertingDict(value)
            value.configurator = self
        elif not isinstance(value, ConvertingList) and isinstance(value, list):
            value = ConvertingList(value)
            value.configurator = self
        elif (not isinstance(value, ConvertingTuple) and isinstance(value, tuple)
                and not hasattr(value, "_fields")):
            value = ConvertingTuple(value)
            value.configurator = self
        elif isinstance(value, str):
            m = self.CONVERT_PATTERN.match(value)
            if m:
                d = m.groupdict()
                prefix = d["prefix"]
                converter = self.value_converters.get(prefix, None)
                if converter:
                    suffix = d["suffix"]
                    converter = getattr(self, converter)
                    value = converter(suffix)
        return value

    def configure_custom(self, config):
        """Calls the '()' factory with the other keys; sets the '.' properties."""
        c = config.pop("()")
        if not callable(c):
            c = self.resolve(c)
        props = config.pop(".", None)
        kwargs = {k: config[k] for k in config if valid_ident(k)}
        result = c(**kwargs)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def as_tuple(self, value):
        if isinstance(value, list):
            value = tuple(value)
        return value


class DictConfigurator(BaseConfigurator):
    """Applies one configuration dictionary (schema version 1)."""

    def configure(self):
        config = self.config
        if "version" not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config["version"] != 1:
            raise ValueError("Unsupported version: %s" % config["version"])
        incremental = config.pop("incremental", False)
        EMPTY_DICT = {}
        with logging._lock:
            if incremental:
                self._configure_incremental(config, EMPTY_DICT)
            else:
                self._configure_full(config, EMPTY_DICT)

    def _configure_incremental(self, config, EMPTY_DICT):
        handlers = config.get("handlers", EMPTY_DICT)
        for name in handlers:
            if name not in logging._handlers:
                raise ValueError("No handler found with name %r" % name)
            try:
                handler = logging._handlers[name]
                handler_config = handlers[name]
                level = handler_config.get("level", None)
                if level:
                    handler.setLevel(logging._checkLevel(level))
            except Exception as e:
                raise ValueError("Unable to configure handler %r" % name) from e
        loggers = config.get("loggers", EMPTY_DICT)
        for name in loggers:
            try:
                self.configure_logger(name, loggers[name], True)
            except Exception as e:
                raise ValueError("Unable to configure logger %r" % name) from e
        root = config.get("root", None)
        if root:
            try:
                self.configure_root(root, True)
            except Exception as e:
                raise ValueError("Unable to configure root logger") from e

    def _configure_full(self, config, EMPTY_DICT):
        disable_existing = config.pop("disable_existing_loggers", True)
        _clearExistingHandlers()

        formatters = config.get("formatters", EMPTY_DICT)
        for name in formatters:
            try:
                formatters[name] = self.configure_formatter(formatters[name])
            except Exception as e:
                raise ValueError("Unable to configure formatter %r" % name) from e

        filters = config.get("filters", EMPTY_DICT)
        for name in filters:
            try:
                filters[name] = self.configure_filter(filters[name])
            except Exception as e:
                raise ValueError("Unable to configure filter %r" % name) from e

        # Handlers in name order; one whose target handler comes later is retried.
        handlers = config.get("handlers", EMPTY_DICT)
        deferred = []
        for name in sorted(handlers):
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except Exception as e:
                if "target not configured yet" in str(e.__cause__):
                    deferred.append(name)
                else:
                    raise ValueError("Unable to configure handler %r" % name) from e
        for name in deferred:
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except Exception as e:
                raise ValueError("Unable to configure handler %r" % name) from e

        root = logging.root
        existing = list(root.manager.loggerDict.keys())
        existing.sort()
        child_loggers = []
        loggers = config.get("loggers", EMPTY_DICT)
        for name in loggers:
            if name in existing:
                i = existing.index(name) + 1
                prefixed = name + "."
                pflen = len(prefixed)
                num_existing = len(existing)
                while i < num_existing:
                    if existing[i][:pflen] == prefixed:
                        child_loggers.append(existing[i])
                    i += 1
                existing.remove(name)
            try:
                self.configure_logger(name, loggers[name])
            except Exception as e:
                raise ValueError("Unable to configure logger %r" % name) from e

        _handle_existing_loggers(existing, child_loggers, disable_existing)

        root = config.get("root", None)
        if root:
            try:
                self.configure_root(root)
            except Exception as e:
                raise ValueError("Unable to configure root logger") from e

    def configure_formatter(self, config):
        if "()" in config:
            factory = config["()"]
            try:
                result = self.configure_custom(config)
            except TypeError as te:
                if "'format'" not in str(te):
                    raise
                # Factories may name the format 'fmt', as Formatter does.
                config["fmt"] = config.pop("format")
                config["()"] = factory
                result = self.configure_custom(config)
        else:
            fmt = config.get("format", None)
            dfmt = config.get("datefmt", None)
            style = config.get("style", "%")
            cname = config.get("class", None)
            if not cname:
                c = logging.Formatter
            else:
                c = _resolve(cname)
            if "validate" in config:
                result = c(fmt, dfmt, style, config["validate"])
            else:
                result = c(fmt, dfmt, style)
        return result

    def configure_filter(self, config):
        if "()" in config:
            result = self.configure_custom(config)
        else:
            name = config.get("name", "")
            result = logging.Filter(name)
        return result

    def add_filters(self, filterer, filters):
        for f in filters:
            try:
                filterer.addFilter(self.config["filters"][f])
            except Exception as e:
                raise ValueError("Unable to add filter %r" % f) from e

    def configure_handler(self, config):
        config_copy = dict(config)
        formatter = config.pop("formatter", None)
        if formatter:
            try:
                formatter = self.config["formatters"][formatter]
            except Exception as e:
                raise ValueError("Unable to set formatter %r" % formatter) from e
        level = config.pop("level", None)
        filters = config.pop("filters", None)
        if "()" in config:
            c = config.pop("()")
            if not callable(c):
                c = self.resolve(c)
            factory = c
        else:
            cname = config.pop("class")
            klass = self.resolve(cname)
            if issubclass(klass, logging.handlers.MemoryHandler) and "target" in config:
                try:
                    th = self.config["handlers"][config["target"]]
                    if not isinstance(th, logging.Handler):
                        config.update(config_copy)
                        raise TypeError("target not configured yet")
                    config["target"] = th
                except Exception as e:
                    raise ValueError("Unable to set target handler %r" % config["target"]) from e
            factory = klass
        props = config.pop(".", None)
        kwargs = {k: config[k] for k in config if valid_ident(k)}
        try:
            result = factory(**kwargs)
        except TypeError as te:
            if "'stream'" not in str(te):
                raise
            # Old handler classes name the stream 'strm'.
            kwargs["strm"] = kwargs.pop("stream")
            result = factory(**kwargs)
        if formatter:
            result.setFormatter(formatter)
        if level is not None:
            result.setLevel(logging._checkLevel(level))
        if filters:
            self.add_filters(result, filters)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def add_handlers(self, logger, handlers):
        for h in handlers:
            try:
                logger.addHandler(self.config["handlers"][h])
            except Exception as e:
                raise ValueError("Unable to add handler %r" % h) from e

    def common_logger_config(self, logger, config, incremental=False):
        level = config.get("level", None)
        if level is not None:
            logger.setLevel(logging._checkLevel(level))
        if not incremental:
            for h in logger.handlers[:]:
                logger.removeHandler(h)
            handlers = config.get("handlers", None)
            if handlers:
                self.add_handlers(logger, handlers)
            filters = config.get("filters", None)
            if filters:
                self.add_filters(logger, filters)

    def configure_logger(self, name, config, incremental=False):
        logger = logging.getLogger(name)
        self.common_logger_config(logger, config, incremental)
        logger.disabled = False
        propagate = config.get("propagate", None)
        if propagate is not None:
            logger.propagate = propagate

    def configure_root(self, config, incremental=False):
        root = logging.getLogger()
        self.common_logger_config(root, config, incremental)


dictConfigClass = DictConfigurator


def dictConfig(config):
    """Configures logging from a dictionary."""
    dictConfigClass(config).configure()
