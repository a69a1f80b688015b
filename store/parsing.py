"""Reading a store file's bytes: parse, migrate, validate every record and the rules that
span records, or raise :class:`StoreCorrupt` with every problem found.

Nothing here touches the disk but to name the newest backup: :mod:`coop_tui.store.database`
reads the file and hands the bytes to :func:`parse`.
"""

from __future__ import annotations

import contextlib
import gc
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from coop_tui.store import backups, models
from coop_tui.store.errors import Problem, StoreCorrupt, StoreTooNew
from coop_tui.store.integrity import DUPLICATE_ID, store_problems
from coop_tui.store.migrations import file_version, migrate
from coop_tui.store.models import ERROR_MESSAGES, TABLES, Record
from coop_tui.store.private import join, private_apart, sidecar_path
from coop_tui.store.storage import Data
from coop_tui.store.text import N_

NOT_JSON = N_("the file is not valid JSON ({detail})")
NOT_OBJECT = N_("the file holds a JSON {found}, not an object of tables")
EMPTY_FILE = N_("the file is empty")
NO_VERSION = N_("the file declares no schema version")
BAD_TABLE = N_("the table is a JSON {found}, not an object of records")
UNKNOWN_TABLE = N_("unknown table")
BAD_KEY = N_("the record is filed under {key}, not under its id {id}")
DUPLICATE_KEY = N_("the key {key} appears twice in the table; only the last copy would be "
                   "read")
DUPLICATE_TABLE = N_("the table appears twice in the file; only the last copy would be read")
CANNOT_MIGRATE = N_("the file is in format {found} and cannot be upgraded ({detail})")

# Record keys as the raw text writes them: a quoted UUID (or, before version 2, a TinyDB
# document number) followed by a colon. Inside a JSON string every quote is escaped, so user
# text cannot match; such a key nested in a record can (a false alarm, which only costs the
# exact check).
_KEY_PATTERN = r"[0-9]+|[0-9a-fA-F]{8}(?:-?[0-9a-fA-F]{4}){3}-?[0-9a-fA-F]{12}"
_RAW_KEY = re.compile(rb'"(?:' + _KEY_PATTERN.encode() + rb')"\s*:')
_KEY = re.compile(_KEY_PATTERN)
# A digit, a letter or a dash written as an escape (``"\u0031"`` is ``"1"``): coop-tui never
# writes one, so a key spelled so may hide a repeat.
_ESCAPED_KEY_CHARACTER = re.compile(rb"\\u00[2-7][0-9a-fA-F]")


@dataclass
class Loaded:
    """A store file read and validated, before anything is written."""

    data: Data
    records: dict[str, dict[str, Record]]
    payload: bytes
    migrated_from: int | None
    cleaned: bool = False
    private_payload: bytes | None = None  # the sidecar as read, when the layout has one

    @property
    def rewrite_reason(self) -> str:
        """Why the file must be written again at once ("" when it need not be)."""
        if self.migrated_from is not None:
            return f"v{self.migrated_from}"
        return "cleaned" if self.cleaned else ""


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Building many small objects triggers the collector again and again: pause it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _json_kind(value: Any) -> str:
    return {list: "array", str: "string", int: "number", float: "number",
            bool: "boolean"}.get(type(value), "null")


def _validation_problems(error: ValidationError, where: str) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        field = ".".join(str(part) for part in detail["loc"]) or "record"
        kind = detail["type"]
        template = ERROR_MESSAGES.get(kind, detail["msg"].replace("{", "{{").replace("}", "}}"))
        params = {key: str(value) for key, value in (detail.get("ctx") or {}).items()}
        problems.append(Problem(f"{where} › {field}", kind, template, params))
    return problems


def creation_order(record: Record) -> tuple[datetime, str]:
    """The order records are served in: when they were created, then their id."""
    return record.created, record.id


def _where(table: str, key: str, document: Any) -> str:
    name = ""
    if isinstance(document, dict):
        for field in ("name", "title", "objective"):
            value = document.get(field)
            if isinstance(value, str) and value.strip():
                name = f" « {value.strip()[:40]} »"
                break
            if isinstance(value, dict) and value.get("fr"):
                name = f" « {str(value['fr'])[:40]} »"
                break
    return f"{table} #{_shown(key)}{name}"


def _shown(key: str) -> str:
    """A record's key as problems name it: a UUID by its first eight characters."""
    return key[:8] if len(key) > 8 and _KEY.fullmatch(key) else key


class _JSONObject(dict[str, Any]):
    """A decoded JSON object that remembers the keys written more than once in it."""

    repeated: tuple[str, ...] = ()


def _remember_repeats(pairs: list[tuple[str, Any]]) -> _JSONObject:
    """``object_pairs_hook`` for :func:`json.loads`: keep the last value, note repeats."""
    found = _JSONObject(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        repeated: dict[str, None] = {}
        for key, _value in pairs:
            if key in seen:
                repeated[key] = None
            seen.add(key)
        found.repeated = tuple(repeated)
    return found


def _may_repeat_keys(payload: bytes, data: dict[str, Any]) -> bool:
    """Whether the raw bytes hold more record keys than ``data`` kept.

    A key written twice is collapsed by the parser, so the raw text then holds more of them
    than were kept. This also catches a table written twice, as soon as the copy that was
    dropped held a document. One regular-expression count over the bytes: about as fast as
    parsing them, much faster than validating them.
    """
    if _ESCAPED_KEY_CHARACTER.search(payload):
        return True
    kept = sum(
        1
        for documents in data.values()
        if isinstance(documents, dict)
        for key in documents
        if _KEY.fullmatch(key)
    )
    return len(_RAW_KEY.findall(payload)) > kept


def duplicate_keys(payload: bytes, data: dict[str, Any]) -> list[Problem]:
    """Tables and record keys written twice in the file, which JSON parsers collapse.

    ``data`` is what the fast parser made of ``payload``. Only when a cheap count suggests
    a repeat is the file decoded again, slowly, keeping every key.
    """
    if not _may_repeat_keys(payload, data):
        return []
    try:
        top = json.loads(payload, object_pairs_hook=_remember_repeats)
    except (ValueError, RecursionError):
        return []
    if not isinstance(top, _JSONObject):
        return []
    problems = [
        Problem(table, "duplicate_table", DUPLICATE_TABLE, {"table": table})
        for table in top.repeated
    ]
    for table, documents in top.items():
        if table in TABLES and isinstance(documents, _JSONObject):
            problems.extend(
                Problem(f"{table} #{_shown(key)}", "duplicate_key", DUPLICATE_KEY,
                        {"table": table, "key": key})
                for key in documents.repeated
            )
    return problems


def parse(path: Path, payload: bytes,
          private_payload: bytes | Callable[[], bytes | None] | None = None) -> Loaded:
    """Turn a file's bytes into validated records, or raise StoreCorrupt/StoreTooNew.

    ``private_payload`` is the private sidecar's bytes (``store/private.py``), or how to
    read them: joined in when the territory keeps its private parts apart, not even read
    otherwise.
    """
    problems: list[Problem] = []
    if not payload.strip():
        raise StoreCorrupt(path, [Problem(path.name, "empty_file", EMPTY_FILE)],
                           backups.latest_backup(path))
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError as error:
        raise StoreCorrupt(path, [Problem(path.name, "json_invalid", NOT_JSON,
                                          {"detail": str(error)})],
                           backups.latest_backup(path)) from None
    if not isinstance(data, dict):
        raise StoreCorrupt(path, [Problem(path.name, "not_object", NOT_OBJECT,
                                          {"found": _json_kind(data)})],
                           backups.latest_backup(path))
    problems.extend(duplicate_keys(payload, data))
    version = file_version(data)
    if version is None:
        raise StoreCorrupt(path, [*problems, Problem(path.name, "no_version", NO_VERSION)],
                           backups.latest_backup(path))
    supported = models.SCHEMA_VERSION
    if version > supported:
        raise StoreTooNew(path, found=version, supported=supported)
    migrated_from = None
    if version < supported:
        try:
            data = migrate(data, version, supported)
        except Exception as error:  # a step may fail in any way on data it cannot read
            raise StoreCorrupt(path, [*problems, Problem(
                path.name, "cannot_migrate", CANNOT_MIGRATE,
                {"found": version, "detail": str(error) or type(error).__name__})],
                backups.latest_backup(path)) from None
        if not isinstance(data, dict):
            raise StoreCorrupt(path, [*problems, Problem(
                path.name, "cannot_migrate", CANNOT_MIGRATE,
                {"found": version, "detail": "not an object of tables"})],
                backups.latest_backup(path))
        migrated_from = version
    if callable(private_payload):
        private_payload = private_payload() if private_apart(data) else None
    if private_payload is not None and private_apart(data):
        try:
            data = join(data, orjson.loads(private_payload))
        except orjson.JSONDecodeError as error:
            raise StoreCorrupt(path, [*problems, Problem(
                sidecar_path(path).name, "json_invalid", NOT_JSON, {"detail": str(error)})],
                backups.latest_backup(path)) from None
    else:
        private_payload = None
    records: dict[str, dict[str, Record]] = {table: {} for table in TABLES}
    seen: dict[str, str] = {}
    with _gc_paused():
        for table, documents in data.items():
            kind = TABLES.get(table)
            if kind is None:
                problems.append(Problem(table, "unknown_table", UNKNOWN_TABLE))
                continue
            if not isinstance(documents, dict):
                problems.append(Problem(table, "bad_table", BAD_TABLE,
                                        {"found": _json_kind(documents)}))
                continue
            valid: list[Record] = []
            for key, document in documents.items():
                where = _where(table, key, document)
                try:
                    record = kind.model_validate(document)
                except ValidationError as error:
                    problems.extend(_validation_problems(error, where))
                    continue
                if record.id in seen:
                    problems.append(Problem(where, "duplicate_id", DUPLICATE_ID,
                                            {"ref": record.id, "other": seen[record.id]}))
                    continue
                seen[record.id] = where
                if key != record.id:
                    problems.append(Problem(where, "bad_key", BAD_KEY,
                                            {"key": key, "id": record.id}))
                    continue
                valid.append(record)
            # Keys are sorted ids: serve the records in the order they were created.
            valid.sort(key=creation_order)
            records[table] = {record.id: record for record in valid}
    if not problems:
        problems = store_problems(records)
    if problems:
        raise StoreCorrupt(path, problems, backups.latest_backup(path))
    for table in TABLES:
        data.setdefault(table, {})
    cleaned = bool(_CONTROL_ESCAPE.search(payload) or _C1_CONTROL.search(payload))
    if cleaned:
        _store_cleaned_text(data, records)
    return Loaded(data, records, payload, migrated_from, cleaned, private_payload)


# A control character other than tab, line feed and carriage return, as a JSON escape or
# as a raw C1 character: text the models clean on the way in (escape sequences, bells…).
# Two patterns, each starting with one literal byte, scan 5 MB about 10x faster than one
# alternation.
_CONTROL_ESCAPE = re.compile(
    rb"\\(?:u00(?:0[0-8bcefBCEF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])|[bf])"
)
_C1_CONTROL = re.compile(rb"\xc2[\x80-\x9f]")


def _store_cleaned_text(data: Data, records: dict[str, dict[str, Record]]) -> None:
    """Replace raw documents by their validated records, so control characters a person
    or a script put in the file never stay in it."""
    for table, by_id in records.items():
        documents = data.setdefault(table, {})
        for record_id, record in by_id.items():
            documents[record_id] = record.model_dump(mode="json")
