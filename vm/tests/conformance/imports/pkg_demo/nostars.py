visible = "visible"
_underscore = "hidden"
