"""A large document's name alignment shared out among forked processes."""

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reviewapp.checks import CheckContext, SegmentPair, run_checks
from reviewapp.checks import names as names_check

ROOT = Path(__file__).resolve().parent.parent
TEST_SET = ROOT / "tests" / "data" / "names" / "names.en-ar.jsonl"

# Run in a fresh interpreter: pytest's process may hold other threads (the browser
# tests' live server), and the check rightly does not fork those.
COMPARE_SCRIPT = """
import json, os, sys
from reviewapp.checks import CheckContext, SegmentPair, run_checks
from reviewapp.checks import names

test_set, marks = sys.argv[1], sys.argv[2]
with open(test_set, encoding="utf-8") as lines:
    records = [json.loads(line) for line in lines if line.strip()]
pairs = [
    SegmentPair(position, record["source"], record["target"], "en", "ar")
    for position, record in enumerate(records, 1)
]
names.MIN_PAIRS_PER_PROCESS = 20
align_slice = names._align_slice

def marked_align_slice(bounds):
    open(os.path.join(marks, str(os.getpid())), "w").close()
    return align_slice(bounds)

names._align_slice = marked_align_slice
one = run_checks(pairs, CheckContext(processes=1))
shared = run_checks(pairs, CheckContext(processes=3))
pids = {int(name) for name in os.listdir(marks)}
print(json.dumps({
    "findings": len(one),
    "same": one == shared,
    "workers": len(pids),
    "in_parent": os.getpid() in pids,
}))
"""


def test_forked_processes_find_what_one_process_finds(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", COMPARE_SCRIPT, str(TEST_SET), str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result = json.loads(completed.stdout)
    assert result["findings"] > 100
    assert result["same"]
    # 253 pairs, at least 20 a process: three workers, none of them the parent.
    assert result["workers"] == 3
    assert not result["in_parent"]


def test_a_process_with_other_threads_aligns_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    records = [json.loads(line) for line in TEST_SET.read_text(encoding="utf-8").splitlines()]
    pairs = [
        SegmentPair(position, record["source"], record["target"], "en", "ar")
        for position, record in enumerate(records[:40], 1)
    ]
    monkeypatch.setattr(names_check, "MIN_PAIRS_PER_PROCESS", 5)

    def no_fork(*args: object) -> None:
        raise AssertionError("forked a process that has other threads")

    monkeypatch.setattr(names_check.multiprocessing, "get_context", no_fork)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        findings = run_checks(pairs, CheckContext(processes=4))
    finally:
        stop.set()
        other.join()
    assert findings == run_checks(pairs, CheckContext())
