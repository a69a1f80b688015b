"""Sharing a territory through real git: share init, sync, the merge driver, end to end.

git runs with a configuration of the test's own (GIT_CONFIG_GLOBAL in tmp_path, no system
file): the user's global git configuration is never read nor written.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.fault_exports import CANARY, plant_canary
from coop_tui.shell.cli import main
from coop_tui.shell.git_sharing import Exit
from coop_tui.store.database import open_store
from coop_tui.store.lock import StoreLock
from coop_tui.store.models import Actor, Lever, Meeting
from coop_tui.store.repository import Repository


@pytest.fixture(autouse=True)
def own_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "gitconfig"
    config.write_text("[init]\n\tdefaultBranch = main\n[user]\n\tname = Test\n"
                      "\temail = test@example.org\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for variable in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(variable, "Test")
    for variable in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(variable, "test@example.org")


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True,
                          text=True).stdout


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), out, err


def ok(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, err = run(capsys, *args)
    assert code == 0, err
    return out


def edit(store: Path, change: Callable[[Repository], None]) -> None:
    """What a facilitator does in the app: changes saved through the repository."""
    repository = open_store(store)
    try:
        change(repository)
    finally:
        repository.close()


def first_copy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, Path]:
    """A bare repository and a first clone holding a shared demo territory, pushed."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(tmp_path, "clone", "-q", str(remote), "anne")
    store = tmp_path / "anne" / "val.json"
    ok(capsys, "demo", str(store))
    ok(capsys, "share", "init", str(store))
    out = ok(capsys, "sync", str(store))
    assert "in sync with origin" in out
    return remote, store


def second_copy(capsys: pytest.CaptureFixture[str], tmp_path: Path, remote: Path) -> Path:
    git(tmp_path, "clone", "-q", str(remote), "bruno")
    store = tmp_path / "bruno" / "val.json"
    ok(capsys, "share", "init", str(store))
    return store


def rename(kind: type[Actor] | type[Meeting], index: int, **fields: str) -> Callable[
        [Repository], None]:
    def change(repository: Repository) -> None:
        record = repository.all(kind)[index].model_copy(deep=True)
        for name, value in fields.items():
            setattr(record, name, value)
        repository.save(record)
    return change


def test_two_offline_copies_sync_to_the_same_store_with_the_conflict_once(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    remote, anne = first_copy(capsys, tmp_path)
    bruno = second_copy(capsys, tmp_path, remote)

    def anne_works(repository: Repository) -> None:
        repository.save(Actor(name="Mairie de Cressy", kind="commune"))
        rename(Meeting, 0, title="COPIL de rentrée")(repository)
        rename(Actor, 1, responsibilities="Version d'Anne")(repository)

    def bruno_works(repository: Repository) -> None:
        repository.save(Actor(name="Office de tourisme", kind="association"))
        lever = repository.all(Lever)[0].model_copy(deep=True)
        lever.notes += "\nNote de Bruno."
        repository.save(lever)
        rename(Actor, 1, responsibilities="Version de Bruno")(repository)

    edit(anne, anne_works)
    edit(bruno, bruno_works)
    assert "Committed: 2 actors, 1 meeting" in ok(capsys, "sync", str(anne))
    out = ok(capsys, "sync", str(bruno))
    assert "Merged the changes of origin" in out and "1 conflict to settle" in out
    ok(capsys, "sync", str(anne))
    assert anne.read_bytes() == bruno.read_bytes()
    repository = open_store(anne, read_only=True)
    try:
        names = {actor.name for actor in repository.actors}
        assert {"Mairie de Cressy", "Office de tourisme"} <= names
        assert any(m.title == "COPIL de rentrée" for m in repository.meetings)
        assert any(lever.notes.endswith("Note de Bruno.") for lever in repository.levers)
        [conflict] = repository.conflicts
        assert {conflict.ours, conflict.theirs} == {"Version d'Anne", "Version de Bruno"}
        assert repository.actors[1].responsibilities == conflict.ours
    finally:
        repository.close()
    assert b"<<<<<<<" not in anne.read_bytes()
    assert git(anne.parent, "status", "--porcelain") == ""
    log = git(anne.parent, "log", "--format=%s").splitlines()
    assert log[:3] == ["Merge the changes of origin", "2 actors, 1 lever", "2 actors, 1 meeting"]


def test_private_readings_stay_in_the_sidecar_git_ignores(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "repo")
    store = tmp_path / "repo" / "val.json"
    ok(capsys, "demo", str(store))
    plant_canary(store)
    ok(capsys, "share", "init", str(store))
    sidecar = store.with_name("val.private.json")
    assert CANARY not in store.read_text(encoding="utf-8")
    assert CANARY in sidecar.read_text(encoding="utf-8")
    assert sidecar.stat().st_mode & 0o777 == 0o600
    git(store.parent, "add", "-A")
    assert "val.private.json" not in git(store.parent, "status", "--porcelain")
    data = json.loads(store.read_text(encoding="utf-8"))
    assert data["relations"] == {}
    assert all("private" not in actor for actor in data["actors"].values())
    assert all("private_notes" not in meeting for meeting in data["meetings"].values())
    # The store joins them back: check sees them, the actor list carries them when asked.
    assert "no problem" in ok(capsys, "check", str(store))
    out = ok(capsys, "export", "actors", str(store), "--include-private")
    assert CANARY in out
    edit(store, rename(Actor, 0, name="Brêves renommée"))
    assert CANARY not in store.read_text(encoding="utf-8")
    assert CANARY in sidecar.read_text(encoding="utf-8")


def test_share_private_keeps_one_file(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "repo")
    store = tmp_path / "repo" / "val.json"
    ok(capsys, "demo", str(store))
    plant_canary(store)
    ok(capsys, "share", "init", str(store))
    ok(capsys, "share", "init", str(store), "--share-private")
    assert CANARY in store.read_text(encoding="utf-8")
    assert not store.with_name("val.private.json").exists()
    assert "/val.private.json" not in (store.parent / ".gitignore").read_text(encoding="utf-8")


def test_init_outside_a_repository_says_so(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    store = tmp_path / "val.json"
    ok(capsys, "demo", str(store))
    code, _out, err = run(capsys, "share", "init", str(store))
    assert code == Exit.NO_REPOSITORY and err.count("\n") == 1 and "git init" in err


def test_init_writes_the_driver_and_what_git_ignores(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "repo")
    store = tmp_path / "repo" / "val.json"
    ok(capsys, "demo", str(store))
    ok(capsys, "share", "init", str(store))
    ok(capsys, "share", "init", str(store))  # twice: nothing doubled
    assert (store.parent / ".gitattributes").read_text() == "/val.json merge=coop-tui\n"
    ignored = (store.parent / ".gitignore").read_text().splitlines()
    assert len(ignored) == len(set(ignored))
    assert {"/.val.json.lock", "/.val.json.backups/", "/val.private.json"} <= set(ignored)
    driver = git(store.parent, "config", "merge.coop-tui.driver")
    assert "-m coop_tui merge %O %A %B" in driver


def test_sync_without_a_remote_is_one_line(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "repo")
    store = tmp_path / "repo" / "val.json"
    ok(capsys, "demo", str(store))
    ok(capsys, "share", "init", str(store))
    code, _out, err = run(capsys, "sync", str(store))
    assert code == Exit.NO_REMOTE and err.count("\n") == 1 and "git remote add" in err


def test_sync_with_an_unreachable_remote_keeps_the_work_committed(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "repo")
    store = tmp_path / "repo" / "val.json"
    ok(capsys, "demo", str(store))
    ok(capsys, "share", "init", str(store))
    git(store.parent, "remote", "add", "origin", str(tmp_path / "nowhere.git"))
    code, out, err = run(capsys, "sync", str(store))
    assert code == Exit.UNREACHABLE and err.count("\n") == 1 and "cannot reach origin" in err
    assert "Committed" in out and git(store.parent, "status", "--porcelain") == ""


def test_sync_of_a_store_open_in_the_app_waits_for_it(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    _remote, store = first_copy(capsys, tmp_path)
    lock = StoreLock(store)
    assert lock.acquire()
    try:
        code, _out, err = run(capsys, "sync", str(store))
    finally:
        lock.release()
    assert code == Exit.LOCKED and err.count("\n") == 1 and "close it" in err


def test_sync_before_share_init_says_what_to_run(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "repo")
    store = tmp_path / "repo" / "val.json"
    ok(capsys, "demo", str(store))
    code, _out, err = run(capsys, "sync", str(store))
    assert code == Exit.NOT_SET_UP and "share init" in err


def test_a_merge_that_cannot_be_valid_is_undone_and_nothing_is_sent(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    remote, anne = first_copy(capsys, tmp_path)
    bruno = second_copy(capsys, tmp_path, remote)
    communes = [a.id for a in open_store(anne, read_only=True).actors if a.kind == "commune"]

    def parent(child: str, of: str) -> Callable[[Repository], None]:
        def change(repository: Repository) -> None:
            actor = repository.get(Actor, child)
            assert actor is not None
            actor = actor.model_copy(deep=True)
            actor.parent_id = of
            repository.save(actor)
        return change

    edit(anne, parent(communes[0], communes[1]))
    edit(bruno, parent(communes[1], communes[0]))
    ok(capsys, "sync", str(anne))
    code, out, err = run(capsys, "sync", str(bruno))
    assert code == Exit.CONFLICT_LEFT and err.count("\n") == 1 and "loop" in err
    assert "Committed" in out  # Bruno's work is in his own commit, not merged, not sent
    assert git(bruno.parent, "status", "--porcelain") == ""
    assert len(git(bruno.parent, "rev-list", "--parents", "-n1", "HEAD").split()) == 2
    assert not (bruno.parent / ".git" / "MERGE_HEAD").exists()
    assert git(remote, "rev-parse", "main") == git(anne.parent, "rev-parse", "HEAD")


async def test_sync_from_the_palette_brings_a_colleagues_work_into_the_open_app(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The app writes what is pending, lets the store go, syncs, and shows the merged
    store: the colleague's new actor is there, and the app's own edit reached the remote."""
    from coop_tui.core.settings import Settings
    from coop_tui.shell.app import CoopApp
    from coop_tui.shell.syncing import SyncingScreen

    remote, anne = first_copy(capsys, tmp_path)
    bruno = second_copy(capsys, tmp_path, remote)
    edit(bruno, lambda r: r.save(Actor(name="Syndicat des eaux", kind="public_body")))
    ok(capsys, "sync", str(bruno))
    repository = open_store(anne, background=True)
    app = CoopApp(repository, Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.session.save([Actor(name="Foyer rural", kind="association")])
        app.action_sync()
        for _attempt in range(600):  # git and a subprocess: wait for the outcome itself
            await pilot.pause()
            if (app.session.generation == 1 and not isinstance(app.screen, SyncingScreen)):
                break
        else:
            raise AssertionError("sync never finished")
        names = {actor.name for actor in app.session.repository.actors}
        assert {"Syndicat des eaux", "Foyer rural"} <= names
        assert not app.session.repository.read_only
    app.session.repository.close()
    repository.close()
    ok(capsys, "sync", str(bruno))
    edit(bruno, lambda r: None)
    later = open_store(bruno, read_only=True)
    try:
        assert "Foyer rural" in {actor.name for actor in later.actors}
    finally:
        later.close()
