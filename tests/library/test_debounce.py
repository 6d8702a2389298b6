"""The debouncer on a fake clock: files settle only when quiet and unchanged."""

from __future__ import annotations

from pathlib import Path

from aedesk.library.debounce import Debouncer


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def make() -> tuple[Debouncer, Clock]:
    clock = Clock()
    return Debouncer(interval=1.0, hold=10.0, clock=clock), clock


def test_a_file_settles_after_a_quiet_interval_with_the_same_stat(tmp_path: Path) -> None:
    deb, clock = make()
    f = tmp_path / "a.jpg"
    f.write_bytes(b"x" * 10)
    deb.touch(str(f))
    assert not deb.ready()  # first look: stat noted
    clock.now += 0.5
    f.write_bytes(b"x" * 20)  # still growing, no event seen (a polling observer, say)
    assert not deb.ready()
    clock.now += 0.9
    assert not deb.ready()  # quiet, but the stat changed less than an interval ago
    clock.now += 0.2
    batch = deb.ready()
    assert batch.files == [str(f)] and deb.pending() == 0


def test_events_keep_a_file_waiting(tmp_path: Path) -> None:
    deb, clock = make()
    f = tmp_path / "a.jpg"
    f.write_bytes(b"x")
    deb.touch(str(f))
    for _ in range(5):
        deb.ready()
        clock.now += 0.6
        deb.touch(str(f))
    assert not deb.ready()
    clock.now += 1.1
    assert deb.ready().files == [str(f)]


def test_an_open_writer_holds_the_file_until_close_or_the_hold_runs_out(tmp_path: Path) -> None:
    deb, clock = make()
    slow, stalled = tmp_path / "slow.jpg", tmp_path / "stalled.jpg"
    for f in (slow, stalled):
        f.write_bytes(b"x")
        deb.touch(str(f), writing=True)
    deb.ready()
    clock.now += 5
    assert not deb.ready()  # quiet for 5 s, but both are still open for writing
    deb.touch(str(slow), writing=False)  # close-write
    clock.now += 1.1
    assert deb.ready().files == [str(slow)]
    clock.now += 5
    assert deb.ready().files == [str(stalled)]  # held 10 s: taken anyway


def test_a_move_goes_out_with_both_ends_together(tmp_path: Path) -> None:
    deb, clock = make()
    src, dest = tmp_path / "a.jpg.tmp", tmp_path / "a.jpg"
    dest.write_bytes(b"x")
    deb.moved(str(src), str(dest))
    deb.ready()
    clock.now += 1.1
    batch = deb.ready()
    assert batch.moves == [(str(src), str(dest))]
    assert sorted(batch.files) == sorted([str(src), str(dest)])


def test_a_delay_is_honoured(tmp_path: Path) -> None:
    deb, clock = make()
    f = tmp_path / "a.jpg"
    f.write_bytes(b"x")
    deb.touch(str(f), delay=3.0)
    deb.ready()
    clock.now += 1.5
    assert not deb.ready()
    clock.now += 1.6
    assert deb.ready().files == [str(f)]


def test_a_folder_settles_on_its_presence(tmp_path: Path) -> None:
    deb, clock = make()
    sub = tmp_path / "sub"
    sub.mkdir()
    deb.touch(str(sub), is_dir=True)
    deb.ready()
    clock.now += 1.1
    assert deb.ready().dirs == [str(sub)]
