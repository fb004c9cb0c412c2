"""Import a learner's kata file and call its functions, translating every way
learner code can go wrong into a calm message.

Checks never call learner functions directly: `attempt.embed(...)` goes
through `Attempt.__getattr__`, which reports a missing function, a wrong number
of parameters, the stub's NotImplementedError, a hub model id, or a crash
(with the learner's own frames only).
"""

from __future__ import annotations

import difflib
import importlib.util
import inspect
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

from autokata.kit import handover, instruments
from autokata.kit.outcomes import KataFailure, LearnerCrash, NotStarted

OFFLINE_LESSON = (
    "Katas run offline, so a hub model id cannot be downloaded: load from the `path` "
    "argument you were given (a local checkpoint folder), e.g. from_pretrained(path)."
)


READ_ONLY_LESSON = (
    "Your code tried to write where it may not: a checkpoint folder you are given is read-only, like a "
    "hub cache. Write only into a folder a kata hands you for that (an `out_dir`), or not at all."
)


class Attempt:
    """A learner's kata file, imported as a fresh module."""

    def __init__(self, module: ModuleType, file: Path) -> None:
        self.module = module
        self.file = file

    @classmethod
    def load(cls, file: Path) -> "Attempt":
        """Import `file`; a syntax or import error becomes a KataFailure that names the line."""
        file = Path(file).resolve()
        name = f"autokata_attempt_{abs(hash(str(file)))}"
        spec = importlib.util.spec_from_file_location(name, file)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except SyntaxError as error:
            raise KataFailure(_syntax_lesson(error, file)) from None
        except ImportError as error:
            raise KataFailure(_import_lesson(error)) from None
        except NotImplementedError:
            raise NotStarted("the file raises NotImplementedError at import") from None
        except Exception as error:  # noqa: BLE001 - any crash at import is the learner's to see
            raise _crash(error, file, "importing your file") from None
        finally:
            sys.modules.pop(name, None)
        return cls(module, file)

    def __getattr__(self, function_name: str) -> Callable[..., Any]:
        if function_name.startswith("__"):
            raise AttributeError(function_name)
        return lambda *args, **kwargs: self.call(function_name, *args, **kwargs)

    def value(self, name: str) -> Any:
        """A module-level value the kata asks for (e.g. `CLASS_FOR`)."""
        try:
            return getattr(self.module, name)
        except AttributeError:
            raise KataFailure(_missing_lesson(name, self.module)) from None

    def call(self, function_name: str, *args: Any, **kwargs: Any) -> Any:
        function = self.value(function_name)
        if not callable(function):
            raise KataFailure(f"`{function_name}` in your file is a {type(function).__name__}, not a function.")
        _check_arity(function_name, function, args, kwargs)
        args, kwargs = handover.private_arguments(args, kwargs)
        try:
            with instruments.watching(args, kwargs) as watched:
                result = watched.returned(function(*args, **kwargs))
            return handover.owned_by_learner(result)
        except NotImplementedError:
            raise NotStarted(f"`{function_name}` still raises NotImplementedError") from None
        except (KataFailure, NotStarted):
            raise
        except PermissionError as error:
            raise KataFailure(READ_ONLY_LESSON, {"your code tried to write": error.filename or str(error)}) from None
        except OSError as error:
            if _looks_like_hub_lookup(error):
                raise KataFailure(OFFLINE_LESSON, {"the error said": str(error).splitlines()[0]}) from None
            raise _crash(error, self.file, f"calling `{function_name}`") from None
        except Exception as error:  # noqa: BLE001 - the learner's crash, reported with their frames
            raise _crash(error, self.file, f"calling `{function_name}`") from None


def _check_arity(name: str, function: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    try:
        inspect.signature(function).bind(*args, **kwargs)
    except TypeError:
        expected = len(args) + len(kwargs)
        raise KataFailure(
            f"`{name}` must accept the {expected} argument(s) the kata's signature lists; "
            f"yours is `{name}{inspect.signature(function)}`. Keep the signature from the kata file.",
        ) from None
    except ValueError:  # builtins without a signature: let the call itself decide
        return


def _missing_lesson(name: str, module: ModuleType) -> str:
    close = difflib.get_close_matches(name, [n for n in vars(module) if not n.startswith("_")], n=1)
    hint = f" (your file has `{close[0]}`)" if close else ""
    return f"Your file has no `{name}`{hint}: did you misname it or forget to define it?"


def _syntax_lesson(error: SyntaxError, file: Path) -> str:
    kind = "an indentation error" if isinstance(error, IndentationError) else "a syntax error"
    where = f"line {error.lineno}" if error.lineno else "somewhere"
    code = f":\n    {error.text.rstrip()}" if error.text else ""
    return f"Python cannot read {file.name}: {kind} at {where} ({error.msg}){code}"


def _import_lesson(error: ImportError) -> str:
    missing = getattr(error, "name", None) or str(error)
    lesson = f"An import in your file failed: {str(error).split(' (')[0]}."
    if "cannot import name" in str(error):
        wanted = str(error).split("'")[1]
        suggestion = closest_transformers_name(wanted)
        if suggestion:
            lesson += f" Did you mean `{suggestion}`?"
    elif missing:
        lesson += " Check the module name."
    return lesson


def closest_transformers_name(wanted: str) -> str | None:
    """The transformers name nearest to a misspelled one (Auto classes first)."""
    import transformers

    names = [n for n in dir(transformers) if not n.startswith("_")]
    autos = [n for n in names if n.startswith("Auto")]
    for pool in (autos, names):
        match = difflib.get_close_matches(wanted, pool, n=1, cutoff=0.6)
        if match:
            return match[0]
    return None


def _looks_like_hub_lookup(error: OSError) -> bool:
    text = str(error)
    return any(
        marker in text
        for marker in ("huggingface.co", "Repo id must be", "offline mode", "HF_HUB_OFFLINE", "is not a local folder")
    )


def _crash(error: BaseException, file: Path, doing: str) -> LearnerCrash:
    """Keep the learner's own frames; fold the library frames between them."""
    frames = traceback.extract_tb(error.__traceback__)
    mine = [i for i, frame in enumerate(frames) if Path(frame.filename).resolve() == file]
    frames = frames[mine[0]:] if mine else frames
    lines: list[str] = []
    folded = 0
    for frame in frames:
        if Path(frame.filename).resolve() == file:
            if folded:
                lines.append(f"    ... {folded} frame(s) inside libraries ...")
                folded = 0
            lines.append(f"  {file.name}, line {frame.lineno}, in {frame.name}")
            if frame.line:
                lines.append(f"    {frame.line}")
        else:
            folded += 1
    if folded:
        lines.append(f"    ... {folded} frame(s) inside libraries ...")
    message = f"{type(error).__name__}: {error}".splitlines()[0]
    lines.append(message)
    return LearnerCrash(f"Your code raised an exception while {doing}:", "\n".join(lines))
