"""``python -m skillbridge.assignment INSTANCE.json``: print the result as JSON.

Bad input of any kind exits 2 with one line on stderr naming the field.
"""

import json
import sys
from pathlib import Path
from typing import Any

from . import InstanceError, solve

USAGE = "usage: python -m skillbridge.assignment INSTANCE.json"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0].startswith("-"):
        print(USAGE, file=sys.stderr)
        return 2
    try:
        result = solve(load_instance(Path(args[0])))
    except InstanceError as error:
        print(error, file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def load_instance(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InstanceError(str(path), f"cannot read the file ({error.strerror})") from None
    except UnicodeDecodeError:
        raise InstanceError(str(path), "is not UTF-8 text") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise InstanceError("instance", f"is not valid JSON ({error.msg} at {where})") from None
    except RecursionError:
        raise InstanceError("instance", "is nested too deeply") from None


def _refuse_constant(name: str) -> Any:
    raise InstanceError("instance", f"is not valid JSON ({name} is not a number JSON allows)")


if __name__ == "__main__":
    sys.exit(main())
