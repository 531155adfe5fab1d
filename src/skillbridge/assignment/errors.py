"""The one exception bad input raises, whichever stage finds the problem."""


class InstanceError(ValueError):
    """An assignment instance that cannot be solved as given.

    ``field`` is the path of the offending value in the instance, for example
    ``experts[3].capacity``; ``str(error)`` is ``"field: message"`` on one line,
    which is what the command line prints.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = _one_line(field)
        self.message = _one_line(message)
        super().__init__(f"{self.field}: {self.message}")


def _one_line(text: str) -> str:
    # Keys and ids come from the input; a newline in one must not split the message.
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
