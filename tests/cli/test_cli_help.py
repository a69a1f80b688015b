"""The command line's help and click's own words in French and English.

Help texts are English msgids said in the current language when click renders them; click's
words ("Usage:", "Error: ...") come from our catalogue too. The language comes from --lang,
wherever it stands on the command line, or from the locale.
"""

from __future__ import annotations

import importlib.util
import string
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import click
import pytest
from click.testing import CliRunner

from coop_tui.core.i18n import _, set_language
from coop_tui.shell.cli import CLICK_WORDS, CommandOrStore, cli, main

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"
WIDE = 2000  # no wrapping: a help text reads as one line


def command_tree() -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command with the words that reach it, the root and the hidden ``open`` too."""
    def walk(path: tuple[str, ...], command: click.Command) -> Iterator[
            tuple[tuple[str, ...], click.Command]]:
        yield path, command
        if isinstance(command, click.Group):
            for name, sub in sorted(command.commands.items()):
                yield from walk((*path, name), sub)
    yield from walk((), cli)


PATHS = [path for path, _command in command_tree()]


def command_at(path: tuple[str, ...]) -> click.Command:
    return dict(command_tree())[path]


def own_texts(command: click.Command) -> list[str]:
    """The help texts and metavars of ``command`` and its options, in the current
    language (in English: the msgids as written in the code)."""
    texts = [command.help or ""]
    for param in command.params:
        if isinstance(param, click.Option) and param.help:
            texts.append(param.help)
        if param.metavar:
            texts.append(param.metavar)
    if isinstance(command, CommandOrStore):
        texts += [_(text) for text in CommandOrStore.WAYS_TO_OPEN]
    return [text for text in texts if text]


def flat(text: str) -> str:
    """Text with its wrapping undone: every run of spaces (no-break ones too) as one."""
    return " ".join(text.split())


def plain(text: str) -> str:
    """French text with its no-break spaces (before colons...) as plain ones."""
    return text.replace(NBSP, " ")


def render(language: str, path: tuple[str, ...], width: int = WIDE) -> str:
    result = CliRunner().invoke(cli, ["--lang", language, *path, "--help"],
                                prog_name="coop-tui", terminal_width=width,
                                max_content_width=width)
    assert result.exit_code == 0, result.output
    return result.output


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), out, err


def catalogue_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_catalog",
                                                  ROOT / "scripts" / "i18n_catalog.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tree_holds_every_command() -> None:
    assert {" ".join(path) for path in PATHS} == {
        "", "open", "demo", "check", "schema", "status", "export", "export minutes",
        "export ics", "export actors", "merge", "deadlines", "share", "share init", "sync",
        "import", "import actors", "import finances", "export pacte", "import diagnostic"}


@pytest.mark.parametrize("path", PATHS, ids=lambda path: " ".join(path) or "root")
def test_help_in_english(path: tuple[str, ...]) -> None:
    out = render("en", path)
    assert out.startswith(f"Usage: {' '.join(('coop-tui', *path))} [OPTIONS]")
    assert "\nOptions:\n" in out
    assert "Show this message and exit." in out
    for text in own_texts(command_at(path)):
        assert flat(text) in flat(out), text


@pytest.mark.parametrize("path", PATHS, ids=lambda path: " ".join(path) or "root")
def test_help_in_french(path: tuple[str, ...]) -> None:
    out = render("fr", path)
    command = command_at(path)
    assert plain(out).startswith(f"Utilisation : {' '.join(('coop-tui', *path))} [OPTIONS]")
    assert f"\nOptions{NBSP}:\n" in out
    assert "Afficher cette aide et quitter." in out
    set_language("fr")
    french = own_texts(command)
    set_language("en")
    english = own_texts(command)
    for said, msgid in zip(french, english, strict=True):
        assert said != msgid, f"{msgid!r} has no French"
        assert flat(said) in flat(out), said
        assert flat(msgid) not in flat(out), msgid
    if isinstance(command, click.Group):
        assert f"\nCommandes{NBSP}:\n" in out
        assert "COMMANDE [ARGS]..." in out
        for sub in command.commands.values():
            if not sub.hidden:
                set_language("fr")
                start = " ".join(flat(sub.help or "").split()[:3])
                set_language("en")
                assert start in flat(out), sub.name


def test_french_help_at_eighty_columns_keeps_its_colons_with_their_words() -> None:
    out = render("fr", ("export", "minutes"), width=80)
    assert max(len(line) for line in out.splitlines()) <= 80
    assert not any(line.lstrip().startswith((":", ";", "?", "!"))
                   for line in out.splitlines())
    assert f"[par{NBSP}défaut{NBSP}: md]" in out


def test_version_option_in_both_languages() -> None:
    assert "Show the version and exit." in render("en", ())
    assert "Afficher la version et quitter." in render("fr", ())


@pytest.mark.parametrize("args", [
    ("--lang", "fr", "--help"),
    ("--help", "--lang", "fr"),
    ("--lang=fr", "export", "minutes", "--help"),
    ("export", "minutes", "--help", "--lang", "fr"),
    ("export", "--lang", "fr", "ics", "--help"),
    ("--lang", "en", "status", "--help", "--lang", "fr"),
])
def test_lang_anywhere_is_honoured_by_help(capsys: pytest.CaptureFixture[str],
                                           args: tuple[str, ...]) -> None:
    code, out, _err = run_main(capsys, *args)
    assert code == 0
    assert plain(out).startswith("Utilisation : coop-tui")
    assert "Afficher cette aide et quitter." in out


def test_the_last_lang_wins(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_main(capsys, "--lang", "fr", "export", "minutes", "--help",
                               "--lang", "en")
    assert code == 0
    assert out.startswith("Usage: coop-tui export minutes")


def test_lang_after_a_bare_double_dash_is_not_an_option(
        capsys: pytest.CaptureFixture[str]) -> None:
    from coop_tui.shell.cli import asked_language

    assert asked_language(["check", "--", "--lang", "fr"]) is None
    assert asked_language(["--lang", "de"]) is None
    assert asked_language(["--lang", "fr", "x", "--lang=en"]) == "en"


@pytest.mark.parametrize(("locale", "usage"), [
    ("fr_FR.UTF-8", "Utilisation : coop-tui"), ("en_GB.UTF-8", "Usage: coop-tui")])
def test_help_follows_the_locale(capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch, locale: str,
                                 usage: str) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", locale)
    code, out, _err = run_main(capsys, "export", "ics", "--help")
    assert code == 0
    assert plain(out).startswith(usage)


def test_lang_en_overrides_a_french_locale(capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    code, out, _err = run_main(capsys, "check", "--help", "--lang", "en")
    assert code == 0
    assert out.startswith("Usage: coop-tui check [OPTIONS] STORE")


@pytest.mark.parametrize(("args", "english", "french"), [
    (("check",), "Error: Missing argument 'STORE'.",
     "Erreur : Argument manquant 'DONNÉES'."),
    (("status", "x.json", "--format", "odt"),
     "Error: Invalid value for '--format': 'odt' is not one of 'text', 'md', 'docx', 'pdf'.",
     "Erreur : Valeur invalide pour '--format' : 'odt' n'est pas un choix possible parmi "
     "'text', 'md', 'docx', 'pdf'."),
    (("export", "minutes", "x.json", "latest", "--templat"),
     "Error: No such option '--templat'. Did you mean '--template'?",
     "Erreur : Option inconnue : '--templat'. Vouliez-vous dire '--template' ?"),
    (("export", "mintues"), "Error: No such command 'mintues'. Did you mean 'minutes'?",
     "Erreur : Commande inconnue : 'mintues'. Vouliez-vous dire 'minutes' ?"),
    (("check", "a.json", "b.json"), "Error: Got unexpected extra argument (b.json)",
     "Erreur : Argument en trop (b.json)"),
    (("status", "x.json", "--date", "2026-13-01"),
     "Error: Invalid value for '--date': '2026-13-01' is not a date (YYYY-MM-DD)",
     "Erreur : Valeur invalide pour '--date' : '2026-13-01' n'est pas une date (AAAA-MM-JJ)"),
    (("demo", "x.json", "--size"), "Error: Option '--size' requires an argument.",
     "Erreur : L'option '--size' demande une valeur."),
])
def test_usage_errors_in_both_languages(capsys: pytest.CaptureFixture[str],
                                        args: tuple[str, ...], english: str,
                                        french: str) -> None:
    code, _out, err = run_main(capsys, "--lang", "en", *args)
    assert code == 2
    assert english in err
    code, _out, err = run_main(capsys, "--lang", "fr", *args)
    assert code == 2
    assert french in plain(err)
    assert "Error" not in err


def test_a_usage_error_in_french_points_to_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    _code, _out, err = run_main(capsys, "--lang", "fr", "check")
    assert plain(err).startswith("coop-tui: Erreur : Argument manquant 'DONNÉES'.")
    assert err.count("\n") == 1
    assert f"Essayez «{NBSP}coop-tui check --help{NBSP}» pour l'aide." in err


def test_every_help_text_is_in_the_catalogue_check() -> None:
    """A help text written without N_ would escape the catalogue check: the check only
    sees marked messages."""
    marked = catalogue_script().extracted()
    set_language("en")
    for path in PATHS:
        for text in own_texts(command_at(path)):
            assert text in marked, f"{' '.join(path) or 'coop-tui'}: {text!r} is not marked"
    assert set(marked) >= CLICK_WORDS


def test_click_words_keep_their_placeholders_in_french() -> None:
    """The catalogue check compares plain {names}; click's words also use {name!r}."""
    def fields(text: str) -> set[tuple[str | None, str | None]]:
        return {(name, conversion) for _literal, name, _spec, conversion
                in string.Formatter().parse(text) if name is not None}

    set_language("fr")
    for word in CLICK_WORDS:
        said = _(word)
        assert said != word or word == "Options", word
        assert fields(said) == fields(word), word


def test_click_speaks_only_the_words_we_chose(french: None) -> None:
    from coop_tui.shell.cli import click_says, click_says_plural

    assert click_says("Usage:") == f"Utilisation{NBSP}:"
    assert click_says("Actors") == "Actors"  # one of our msgids, not one of click's words
    assert click_says_plural("Got unexpected extra argument ({args})",
                             "Got unexpected extra arguments ({args})", 2) == (
        "Arguments en trop ({args})")


def test_importing_the_cli_stays_light() -> None:
    """``coop-tui [STORE]`` goes through the CLI: it must not pull in the interface or
    the store's heavy parts before it knows what to do."""
    probe = ("import sys, coop_tui.shell.cli; print(sorted(m for m in sys.modules if "
             "m.split('.')[0] in ('textual', 'rich', 'pydantic', 'tinydb', 'babel')))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
