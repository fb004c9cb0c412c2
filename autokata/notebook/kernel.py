"""A kata file built from a notebook kernel's state: what `autokata.check` hands to the judge.

The judge checks files, so `check("05")` writes one: the kata's names (the
functions and values its stub and reference solution define at module level)
as the kernel holds them now, the helpers and module-level values they use,
and the imports those need. Sources come from two places:

- the live objects of the kernel's namespace: `inspect.getsource` of each
  function or class defined in the notebook (so a cell edited and re-run is
  seen, and one edited but not run is not, exactly as the kernel has it);
- the history of executed cells (IPython's `In`): the import statements, and
  the last statement binding each value (`CLASS_FOR = {...}`), or a function
  or class whose source the live object cannot give.

Which names a piece uses is read with `symtable` (a function's parameters and
locals are not globals, so `def embed(model, ...)` does not drag in a
notebook's `model = ...` experiment). Only the standard library here: the
kernel imports this module, never torch.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import sys
import symtable
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from autokata import course, stubs

HEADER = "# Built by autokata.check from the notebook's kernel state: kata {code}, {title}."
#: Imports that make no sense in a kata file (the checking helper itself, IPython's machinery).
SKIPPED_MODULES = ("autokata", "IPython", "google.colab", "ipykernel")
MAX_LINE = 100


@dataclass(frozen=True)
class Statement:
    """One top-level statement of an executed cell, and where it ran (cell, then statement)."""

    position: tuple[int, int]
    node: ast.stmt
    source: str


@dataclass
class Piece:
    """A piece of the kata file: its source and the names it uses (to pull in as well)."""

    source: str
    position: tuple[int, int] | None
    uses: set[str] = field(default_factory=set)


def kata_names(kata: course.Kata) -> list[str]:
    """The public module-level names a kata is judged on: those its stub and its solution define."""
    names: list[str] = []
    for text in (stubs.stub(kata), stubs.solution(kata)):
        if text is None:
            continue
        for node in ast.parse(text).body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                continue  # what the kata imports is the learner's choice, pulled in only where used
            for name in _bound_names(node):
                if not name.startswith("_") and name not in names:
                    names.append(name)
    return names


def kernel_state() -> tuple[dict[str, Any], list[str]]:
    """The namespace of the notebook (or script) calling us, and the source of its executed cells."""
    try:
        from IPython import get_ipython  # already imported in any Jupyter or Colab kernel
    except ImportError:
        shell = None
    else:
        shell = get_ipython()
    if shell is not None:
        return shell.user_ns, [cell for cell in shell.history_manager.input_hist_parsed if cell]
    main = sys.modules["__main__"]
    history = []
    path = getattr(main, "__file__", None)
    if path:
        try:
            with open(path, encoding="utf-8") as file:
                history.append(file.read())
        except OSError:
            pass
    return vars(main), history


def kata_source(kata: course.Kata, namespace: dict[str, Any], history: Iterable[str]) -> str:
    """The kata file: the kata's names as `namespace` holds them, with what they use."""
    statements = _statements(history)
    last = _last_bindings(statements)
    pieces: dict[str, Piece] = {}  # by source, so a statement binding two names comes once
    chosen: dict[str, Piece] = {}
    imports: dict[tuple[int, int], tuple[Statement, set[str]]] = {}  # by statement: the names it must bind
    wanted = list(kata_names(kata))
    seen: set[str] = set()
    while wanted:
        name = wanted.pop(0)
        if name in seen:
            continue
        seen.add(name)
        found = _resolve(name, namespace, last)
        if found is None:
            continue
        if isinstance(found, Statement):
            imports.setdefault(found.position, (found, set()))[1].add(name)
            continue
        piece = pieces.setdefault(found.source, found)
        chosen[name] = piece
        wanted.extend(sorted(piece.uses - seen))
    body = _in_dependency_order(list(pieces.values()), chosen)
    # A __future__ import in one cell holds for every cell run after it, as it will in the file.
    future = [ast.unparse(s.node) for s in statements if _is_future_import(s.node)]
    import_lines = _unique(future + [_import_line(imports[p][0].node, imports[p][1]) for p in sorted(imports)])
    blocks = [HEADER.format(code=kata.code, title=kata.title), "\n".join(import_lines)]
    blocks += [piece.source.strip("\n") for piece in body]
    return "\n\n\n".join(block for block in blocks if block) + "\n"


# --- the history ----------------------------------------------------------------------------


def _statements(history: Iterable[str]) -> list[Statement]:
    """The top-level statements of every cell that parses, in the order they ran."""
    found = []
    for cell_index, cell in enumerate(history):
        try:
            tree = ast.parse(cell)
        except SyntaxError:
            continue  # a cell that did not run defines nothing
        for index, node in enumerate(tree.body):
            source = ast.get_source_segment(cell, node) or ast.unparse(node)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.decorator_list:
                first = node.decorator_list[0].lineno
                source = textwrap.dedent("\n".join(cell.splitlines()[first - 1 : node.end_lineno]))
            found.append(Statement((cell_index, index), node, source))
    return found


def _last_bindings(statements: list[Statement]) -> dict[str, Statement]:
    last: dict[str, Statement] = {}
    for statement in statements:
        for name in _bound_names(statement.node):
            last[name] = statement
    return last


def _bound_names(node: ast.stmt) -> list[str]:
    """The names a top-level statement binds (imports, definitions, plain assignments)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [(alias.asname or alias.name).split(".")[0] for alias in node.names if alias.name != "*"]
    if isinstance(node, ast.Assign):
        return [n.id for target in node.targets for n in ast.walk(target) if isinstance(n, ast.Name)]
    if isinstance(node, ast.AnnAssign) and node.value is not None and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


# --- resolving a name -----------------------------------------------------------------------


def _resolve(name: str, namespace: dict[str, Any], last: dict[str, Statement]) -> Piece | Statement | None:
    """Where the kernel's value of `name` comes from: a piece of source, an import statement, or nothing."""
    if name not in namespace:
        return None  # not defined in the kernel (a cell not run yet): the judge reports it missing
    value = namespace[name]
    statement = last.get(name)
    defined_here = (inspect.isfunction(value) or inspect.isclass(value)) and value.__module__ == "__main__"
    if defined_here and getattr(value, "__name__", None) == name:
        source = _live_source(value)
        if source is not None:
            position = statement.position if statement is not None and _defines(statement, name) else None
            return _piece(source, position, name)
    if statement is None:
        literal = _literal(name, value)
        return None if literal is None else _piece(literal, None, name)
    if isinstance(statement.node, (ast.Import, ast.ImportFrom)):
        return statement if _imported_aliases(statement.node, {name}) else None
    return _piece(statement.source, statement.position, name)


def _live_source(value: Any) -> str | None:
    try:
        return textwrap.dedent(inspect.getsource(value))
    except (OSError, TypeError):  # a class in __main__, or a function without a source file
        return None


def _defines(statement: Statement, name: str) -> bool:
    node = statement.node
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name


def _literal(name: str, value: Any) -> str | None:
    """`NAME = <repr>` for a plain value whose repr reads back as the same value (no statement found)."""
    try:
        text = repr(value)
        if ast.literal_eval(text) == value:
            return f"{name} = {text}"
    except (ValueError, SyntaxError, TypeError, RecursionError, MemoryError):
        pass
    return None


def _is_future_import(node: ast.stmt) -> bool:
    return isinstance(node, ast.ImportFrom) and node.module == "__future__"


def _imported_aliases(node: ast.Import | ast.ImportFrom, names: set[str]) -> list[ast.alias]:
    """The aliases of an import statement that bind `names` (none from skipped modules or relative imports)."""
    if isinstance(node, ast.ImportFrom):
        if node.level or _skipped(node.module or ""):
            return []
        return [a for a in node.names if (a.asname or a.name) in names]
    return [a for a in node.names if (a.asname or a.name).split(".")[0] in names and not _skipped(a.name)]


def _import_line(node: ast.Import | ast.ImportFrom, names: set[str]) -> str:
    """The import statement as the cell wrote it, binding only `names`."""
    aliases = [_alias(a) for a in _imported_aliases(node, names)]
    if isinstance(node, ast.Import):
        return "import " + ", ".join(aliases)
    line = f"from {node.module} import " + ", ".join(aliases)
    if len(line) <= MAX_LINE:
        return line
    return f"from {node.module} import (\n" + "".join(f"    {alias},\n" for alias in aliases) + ")"


def _skipped(module: str) -> bool:
    return any(module == skipped or module.startswith(skipped + ".") for skipped in SKIPPED_MODULES)


def _alias(alias: ast.alias) -> str:
    return f"{alias.name} as {alias.asname}" if alias.asname else alias.name


def _piece(source: str, position: tuple[int, int] | None, name: str) -> Piece:
    return Piece(source, position, _global_names(source) - {name} - _builtin_names())


def _builtin_names() -> set[str]:
    return set(dir(builtins))


def _global_names(source: str) -> set[str]:
    """The global names a piece of source reads: at module level, and inside its functions and
    classes (parameters, locals and closures excluded)."""
    try:
        table = symtable.symtable(source, "<notebook>", "exec")
    except SyntaxError:
        return set()
    found: set[str] = set()

    def visit(scope: symtable.SymbolTable, top: bool) -> None:
        for symbol in scope.get_symbols():
            if symbol.is_referenced() and (top or symbol.is_global()):
                found.add(symbol.get_name())
        for child in scope.get_children():
            visit(child, False)

    visit(table, True)
    return found


# --- the order of the file ------------------------------------------------------------------


def _in_dependency_order(pieces: list[Piece], chosen: dict[str, Piece]) -> list[Piece]:
    """Pieces in the order the notebook ran them, each after the pieces it uses (cycles: as ran)."""
    ordered: list[Piece] = []
    placed: set[int] = set()

    def place(piece: Piece) -> None:
        if id(piece) in placed:
            return
        placed.add(id(piece))
        for name in sorted(piece.uses):
            if name in chosen:
                place(chosen[name])
        ordered.append(piece)

    for piece in sorted(pieces, key=lambda p: p.position or (sys.maxsize, 0)):
        place(piece)
    return ordered


def _unique(lines: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    return [line for line in lines if not (line in seen or seen.add(line))]
