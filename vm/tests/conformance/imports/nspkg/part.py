PART = "namespace package part"
