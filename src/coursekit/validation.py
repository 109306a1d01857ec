"""Validate parsed YAML against a pydantic model, turning its errors into Problems with lines."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .errors import Problem
from .suggest import did_you_mean
from .yamlfile import Loc, ParseFailure, dotted, line_of, parse_yaml, read_text


@dataclass(frozen=True)
class MappingFile:
    """A YAML file of one mapping, validated: the model, the line of each field, and its text."""

    data: BaseModel
    lines: dict[Loc, int]
    text: str


def read_mapping(
    path: Path, shown: str, model: type[BaseModel], names: Iterable[str], holds: str
) -> MappingFile:
    """Read a YAML file that holds one mapping and validate it as model, or raise ParseFailure.

    holds says what the mapping holds, for the message when the file is not a mapping:
    'fields (id, name, ...)'. names are the keys a misspelt key is compared with.
    """
    text = read_text(path, shown)
    parsed = parse_yaml(text, shown)
    if not isinstance(parsed.data, dict):
        raise ParseFailure([Problem(shown, 1, None, f"must be a mapping of {holds}")])
    return MappingFile(validate(model, parsed.data, shown, parsed.lines, names), parsed.lines, text)


def validate(model: type[BaseModel], data: dict, shown: str, lines: dict[Loc, int], names: Iterable[str]):
    """Return data validated as model, or raise ParseFailure naming file, line and field.

    names are the keys a misspelt key is compared with, for 'did you mean'.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        known = frozenset(names)
        raise ParseFailure([problem_from(error, shown, lines, known) for error in exc.errors()]) from None


def problem_from(error: dict, shown: str, lines: dict[Loc, int], names: frozenset[str]) -> Problem:
    """Turn one pydantic error into a Problem in plain words."""
    loc = tuple(error["loc"])
    kind, value = error["type"], error.get("input")
    if kind == "extra_forbidden":
        message = f"unknown key {loc[-1]!r}{did_you_mean(str(loc[-1]), names)}"
    elif kind == "missing":
        message = "is required but missing; add it"
    elif kind in {"int_type", "int_parsing", "int_from_float"}:
        message = f"must be a whole number, not {value!r}"
    elif kind == "string_type":
        message = f"must be text, not {value!r}"
    elif kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        message = f"must be a date written YYYY-MM-DD, not {value!r}"
    elif kind == "bool_type":
        message = f"must be true or false, not {value!r}"
    elif kind == "value_error":
        message = str(error["ctx"]["error"])
    else:
        message = error["msg"][0].lower() + error["msg"][1:]
    return Problem(shown, line_of(lines, loc), dotted(loc) or None, message)


def field_names(models: Iterable[type[BaseModel]]) -> frozenset[str]:
    """Return every field name of the given models."""
    return frozenset(name for model in models for name in model.model_fields)
