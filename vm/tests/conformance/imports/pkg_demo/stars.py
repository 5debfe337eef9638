__all__ = ["public", "_semi_private"]
public = "public value"
_semi_private = "listed in __all__"
not_listed = "hidden by __all__"
