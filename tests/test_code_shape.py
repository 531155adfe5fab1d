"""The source keeps its functions short enough to read at a glance (issue 13)."""

import ast
from pathlib import Path

import skillbridge

SOURCE = Path(skillbridge.__file__).resolve().parent
LONGEST = 60  # lines, from the first decorator to the last line


def _long_functions() -> list[str]:
    found = []
    for module in sorted(SOURCE.rglob("*.py")):
        if "migrations" in module.parts:
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                length = node.end_lineno - start + 1
                if length > LONGEST:
                    where = f"{module.relative_to(SOURCE)}:{node.lineno}"
                    found.append(f"{where} {node.name} ({length} lines)")
    return found


def test_no_function_is_longer_than_sixty_lines():
    assert _long_functions() == []
