"""``python -m skillbridge.assignment INSTANCE.json``: print the result as JSON.

Bad input of any kind exits 2 with one line on stderr naming the field.

The file is read with orjson, about twice as fast as the standard library on a
large instance. Where the two could differ, the standard library decides: any
file orjson refuses (NaN, lone surrogates, bad UTF-8, deep nesting, any syntax
error) is read again by ``json`` so the message is the one it always was. orjson
also reads an integer past 64 bits as a float; the only fields where an integer
and a float get different messages are the counts (``seats``, ``capacity``), so a
file with any float count is read again by ``json`` too.

Run as a command, the process ends as soon as the result is written, without
freeing the parsed file object by object (see ``main``'s ``hard_exit``).
"""

import gc
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import orjson

from . import InstanceError, parse_instance, solve_instance

USAGE = "usage: python -m skillbridge.assignment INSTANCE.json"


def main(argv: list[str] | None = None, *, hard_exit: bool = False) -> int:
    """Solve the file named in ``argv`` and print the result; the exit status is returned.

    With ``hard_exit`` (the command, never a caller in a process that goes on),
    a solved run ends the process right after flushing the result: a large
    instance is a million small objects, and freeing them one by one at the end
    (the parsed file, then the interpreter's own teardown) costs a tenth of the
    whole run, for memory the operating system takes back at once anyway.
    """
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0].startswith("-"):
        print(USAGE, file=sys.stderr)
        return 2
    try:
        data = load_instance(Path(args[0]))
        started = time.perf_counter()  # as ``solve`` counts: from the data, not the file
        result = solve_instance(parse_instance(data, from_json=True), started=started)
    except InstanceError as error:
        print(error, file=sys.stderr)
        return 2
    # dumps, not dump: only the one-shot encoder is C (the same text, 4x faster).
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    if hard_exit:
        sys.stdout.flush()  # os._exit skips the flush a normal exit does
        sys.stderr.flush()
        os._exit(0)
    return 0


def load_instance(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InstanceError(str(path), f"cannot read the file ({error.strerror})") from None
    # Parsing creates a million containers and no cycle: the cyclic collector
    # would only walk them again and again meanwhile.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse(path, raw)
    finally:
        if enabled:
            gc.enable()


def _parse(path: Path, raw: bytes) -> Any:
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        pass  # the standard library says what is wrong, in its usual words
    else:
        if _counts_are_not_floats(data):
            return data
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InstanceError(str(path), "is not UTF-8 text") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise InstanceError("instance", f"is not valid JSON ({error.msg} at {where})") from None
    except RecursionError:
        raise InstanceError("instance", "is nested too deeply") from None


def _counts_are_not_floats(data: Any) -> bool:
    """False when a seat or capacity count is a float (maybe a huge integer to orjson)."""
    if type(data) is not dict:
        return True
    for field, count in (("projects", "seats"), ("experts", "capacity")):
        items = data.get(field)
        if type(items) is list:
            for item in items:
                if type(item) is dict and type(item.get(count)) is float:
                    return False
    return True


def _refuse_constant(name: str) -> Any:
    raise InstanceError("instance", f"is not valid JSON ({name} is not a number JSON allows)")


if __name__ == "__main__":
    sys.exit(main(hard_exit=True))
