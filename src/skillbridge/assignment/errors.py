"""The one exception bad input raises, whichever stage finds the problem."""


class InstanceError(ValueError):
    """An assignment instance that cannot be solved as given.

    ``field`` is the path of the offending value in the instance, for example
    ``experts[3].capacity``; ``str(error)`` is ``"field: message"`` on one line,
    which is what the command line prints.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")
