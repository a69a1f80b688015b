"""The status report's shared project (issue 18): the statement in the public part, the
« thanks to » list by choice, the reading of people only with --include-private."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.fault_exports import CANARY, plant_canary
from coop_tui.shell.cli import main
from tests.conftest import TODAY


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    assert exit_info.value.code in (0, None), err
    return out


def test_thanks_by_choice_and_people_only_when_asked(capsys: pytest.CaptureFixture[str],
                                                     demo_path: Path) -> None:
    plant_canary(demo_path)
    store = str(demo_path)
    common = ("--date", TODAY.isoformat(), "--lang", "en")
    plain = run(capsys, "status", store, *common)
    assert "Shared project" in plain
    assert "Loubière en commun" in plain
    assert "Endorsed by — 4 of 12 member communes" in plain
    assert "Thanks to" not in plain
    thanked = run(capsys, "status", store, "--thanks", *common)
    assert "Thanks to" in thanked
    assert "Léa Dubois" in thanked.split("Thanks to", 1)[1].splitlines()[1]
    for output in (plain, thanked, run(capsys, "status", store, "--thanks", "--format", "md",
                                       *common)):
        assert CANARY not in output
        assert "without an answer" not in output
    private = run(capsys, "status", store, "--include-private", *common)
    assert "Blockages without an answer for 6 weeks" in private
    assert f"{CANARY} blockage" in private
    assert "tensions without a counterweight" in private


def test_a_commit_message_names_the_shared_project() -> None:
    from coop_tui.shell.git_sharing import describe_changes

    before = {"shared_project": {}}
    after = {"shared_project": {"5c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e": {"statement": "x"}}}
    assert describe_changes(before, after) == "the shared project"
