"""The minutes: golden files in both languages, the three documents, HTML, nothing private,
and ``coop-tui export minutes``.

Set UPDATE_GOLDEN=1 to write the golden files again (then read the diff before keeping it).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from coop_tui.core.exports.minutes import MinutesSource, file_name, minutes_markdown, render
from coop_tui.core.i18n import language
from coop_tui.shell.cli import main
from coop_tui.store.models import (
    Action,
    Blockage,
    Decision,
    Meeting,
    MeetingKind,
    Presence,
    Relation,
    RelationKind,
    Role,
    Vote,
)
from coop_tui.store.repository import Repository

GOLDEN = Path(__file__).parent / "golden" / "minutes"
CANARY = "CANARI-PRIVE-7f3e"


def council(repository: Repository) -> Meeting:
    """The first council held: it shows every kind of attendance."""
    held = [m for m in repository.meetings if m.kind is MeetingKind.COUNCIL and m.attendance]
    return min(held, key=lambda m: m.on)


def copil(repository: Repository) -> Meeting:
    held = [m for m in repository.meetings if m.kind is MeetingKind.COPIL and m.attendance]
    return min(held, key=lambda m: m.on)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize(("pick", "template", "lang", "fmt"), [
    ("council", "full", "fr", "md"),
    ("council", "full", "en", "md"),
    ("council", "pv", "fr", "md"),
    ("council", "pv", "en", "md"),
    ("copil", "full", "fr", "md"),
    ("copil", "decisions", "fr", "md"),
    ("copil", "decisions", "en", "md"),
    ("council", "full", "fr", "html"),
])
def test_golden(repository: Repository, pick: str, template: str, lang: str,
                fmt: str) -> None:
    meeting = council(repository) if pick == "council" else copil(repository)
    text = render(MinutesSource.from_repository(repository, meeting), template,  # type: ignore[arg-type]
                  fmt, lang)  # type: ignore[arg-type]
    check_golden(f"{pick}-{template}-{lang}.{fmt}", text)


def test_the_interface_language_is_left_as_it_was(repository: Repository) -> None:
    render(MinutesSource.from_repository(repository, council(repository)), "full", "md", "fr")
    assert language() == "en"


def test_full_minutes_hold_what_the_issue_asks(repository: Repository, french: None) -> None:
    meeting = council(repository)
    text = minutes_markdown(MinutesSource.from_repository(repository, meeting), "full")
    for expected in ("# Conseil communautaire du 7 avril 2026", "mardi 7 avril 2026",
                     "18\u00a0h\u00a030 – 21\u00a0h", "présentiel", "### Présent·es (",
                     "### Excusé·es (",
                     "### Absent·es (", "### Représenté·es (", "pouvoir donné à",
                     "## Ordre du jour", "## Relevé des actions", "| Action | Responsable |",
                     "## Prochaine réunion", "Le quorum est atteint"):
        assert expected in text, expected


def test_procès_verbal_holds_what_the_law_asks(repository: Repository, french: None) -> None:
    meeting = council(repository).model_copy(deep=True)
    meeting.decisions[0].vote = Vote(yes=2, no=1, public=True, yes_names=["Élu A", "Élue B"],
                                     no_names=["Élu C"])
    text = minutes_markdown(MinutesSource.from_repository(repository, meeting), "pv")
    for expected in ("Procès-verbal de la séance du conseil communautaire",
                     "**Date et heure\u00a0:**", "**Présidence\u00a0:**",
                     "**Secrétaire de séance\u00a0:**",
                     "## Membres présents ou représentés", "## Quorum", "## Ordre du jour",
                     "## Délibérations et teneur des débats", "scrutin public",
                     "**Teneur des débats\u00a0:**", "## Signatures", "Signature\u00a0:",
                     "Pour\u00a0: Élu A, Élue B", "### Assistaient également à la séance"):
        assert expected in text, expected


def test_nothing_private_is_ever_exported(repository: Repository) -> None:
    for actor in repository.actors:
        changed = actor.model_copy(deep=True)
        changed.private.stance = f"{CANARY} stance"
        changed.private.role = Role.RELUCTANT
        changed.private.blockages = [Blockage(text=f"{CANARY} blockage",
                                              reason=f"{CANARY} reason")]
        repository.save(changed)
    actors = repository.actors
    repository.save(Relation(source_id=actors[0].id, target_id=actors[1].id,
                             kind=RelationKind.TENSION, note=f"{CANARY} relation"))
    for meeting in repository.meetings:
        changed_meeting = meeting.model_copy(deep=True)
        changed_meeting.private_notes = f"{CANARY} private notes"
        repository.save(changed_meeting)
    for meeting in repository.meetings:
        source = MinutesSource.from_repository(repository, meeting)
        for template in ("full", "decisions", "pv"):
            for fmt in ("md", "html"):
                for lang in ("fr", "en"):
                    text = render(source, template, fmt, lang)  # type: ignore[arg-type]
                    assert CANARY not in text
                    assert "réticent" not in text and "reluctant" not in text


def test_a_script_in_notes_stays_text_in_html(repository: Repository) -> None:
    meeting = copil(repository).model_copy(deep=True)
    meeting.agenda[0].notes = "<script>alert('x')</script>\n\n*important*"
    meeting.decisions = [Decision(text="<img src=x onerror=alert(1)> adopté",
                                  agenda_item_id=meeting.agenda[0].id)]
    repository.save(meeting)
    page = render(MinutesSource.from_repository(repository, meeting), "full", "html", "en")
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "<img" not in page
    assert "<em>important</em>" in page
    assert page.startswith("<!DOCTYPE html>")
    assert "@media print" in page


def test_votes_with_names_and_outcomes(repository: Repository, french: None) -> None:
    meeting = copil(repository).model_copy(deep=True)
    meeting.decisions = [
        Decision(text="Unanime", vote=Vote(yes=5)),
        Decision(text="Majorité", vote=Vote(yes=3, no=1, abstain=1, public=True,
                                            yes_names=["A", "B", "C"], no_names=["D"],
                                            abstain_names=["E"])),
        Decision(text="Rejet", vote=Vote(yes=1, no=4)),
    ]
    source = MinutesSource.from_repository(repository, meeting)
    text = minutes_markdown(source, "pv")
    assert "adoptée à l'unanimité" in text
    assert "adoptée à la majorité" in text
    assert "rejetée" in text
    assert "Pour\u00a0: A, B, C" in text
    assert "Contre\u00a0: D" in text


def test_actions_without_an_actor_keep_their_owner_name(repository: Repository) -> None:
    meeting = copil(repository).model_copy(deep=True)
    meeting.actions = [Action(text="Relancer", owner_name="Bureau d'études", due=date(2027, 1, 5))]
    text = minutes_markdown(MinutesSource.from_repository(repository, meeting), "decisions")
    assert "| Relancer | Bureau d'études | January 5, 2027 |" in text


def test_file_name() -> None:
    meeting = Meeting(title="x", kind=MeetingKind.MAYORS_CONFERENCE, on=date(2026, 11, 26))
    assert file_name(meeting) == "2026-11-26-mayors-conference.md"
    assert file_name(meeting, "html") == "2026-11-26-mayors-conference.html"


def test_the_quorum_counts_members_present_not_proxies(repository: Repository) -> None:
    from coop_tui.core.meeting_rules import quorum

    meeting = council(repository).model_copy(deep=True)
    meeting.voting_members = 10
    ids = [row.actor_id for row in meeting.attendance][:10]
    meeting.attendance = meeting.attendance[:10]
    for index, row in enumerate(meeting.attendance):
        row.voting = True
        row.status, row.proxy_id, row.substitute = Presence.ABSENT, None, ""
        if index < 5:
            row.status = Presence.PRESENT
    meeting.attendance[5].status = Presence.REPRESENTED
    meeting.attendance[5].proxy_id = ids[0]
    found = quorum(meeting)
    assert found is not None
    assert (found.present, found.needed, found.votes, found.reached) == (5, 6, 6, False)
    meeting.attendance[6].status = Presence.SUBSTITUTED
    found = quorum(meeting)
    assert found is not None and found.reached


# ---------------------------------------------------------------------------- CLI


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), out, err


def test_cli_prints_the_minutes(capsys: pytest.CaptureFixture[str], demo_path: Path,
                                repository: Repository) -> None:
    meeting = council(repository)
    repository.close()
    code, out, _err = run(capsys, "export", "minutes", str(demo_path), meeting.id[:8],
                          "--lang", "fr")
    assert code == 0
    assert out.startswith(f"# {meeting.title}")
    code, out, _err = run(capsys, "--lang", "en", "export", "minutes", str(demo_path),
                          meeting.id, "--template", "decisions")
    assert code == 0
    assert out.startswith("# Record of decisions:")


def test_cli_latest_is_the_last_meeting_held(capsys: pytest.CaptureFixture[str],
                                            demo_path: Path, repository: Repository) -> None:
    today = date.today()
    held = [m for m in repository.meetings if m.on <= today] or repository.meetings
    latest = max(held, key=lambda m: m.on)
    repository.close()
    code, out, _err = run(capsys, "export", "minutes", str(demo_path), "latest", "--lang", "en")
    assert code == 0
    assert out.startswith(f"# {latest.title}")


def test_cli_writes_a_file_and_never_overwrites(capsys: pytest.CaptureFixture[str],
                                               demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "pv.html"
    code, _out, err = run(capsys, "export", "minutes", str(demo_path), "latest", "-o",
                          str(target), "--format", "html", "--lang", "en")
    assert code == 0
    assert str(target) in err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    target.write_text("kept", encoding="utf-8")
    code, _out, err = run(capsys, "export", "minutes", str(demo_path), "latest", "-o",
                          str(target), "--lang", "en")
    assert code == 1
    assert "--force" in err
    assert target.read_text(encoding="utf-8") == "kept"
    code, _out, _err = run(capsys, "export", "minutes", str(demo_path), "latest", "-o",
                           str(target), "--force", "--lang", "en")
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("# ")


def shared_prefix(repository: Repository) -> str:
    """A start of id that two meetings share."""
    starts = [m.id[:1] for m in repository.meetings]
    return next(start for start in starts if starts.count(start) > 1)


@pytest.mark.parametrize(("wanted", "message"), [
    ("zzzz", "no meeting id starts with"),
    ("", "name a meeting"),
    ("shared", "meetings:"),
])
def test_cli_errors_are_one_line(capsys: pytest.CaptureFixture[str], demo_path: Path,
                                 repository: Repository, wanted: str, message: str) -> None:
    if wanted == "shared":
        wanted = shared_prefix(repository)
    repository.close()
    code, out, err = run(capsys, "export", "minutes", str(demo_path), wanted, "--lang", "en")
    assert code == 1
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_cli_refuses_a_missing_folder(capsys: pytest.CaptureFixture[str], demo_path: Path,
                                      tmp_path: Path) -> None:
    code, _out, err = run(capsys, "export", "minutes", str(demo_path), "latest", "-o",
                          str(tmp_path / "missing" / "x.md"), "--lang", "en")
    assert code == 1
    assert "does not exist" in err
