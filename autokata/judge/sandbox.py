"""The fence around a learner process, built from what the kernel offers without root.

Each protection is probed and applied in the freshly forked learner process;
whatever is not available is skipped and said plainly (`Fence.missing`), so a
report can state which protections were in force:

- memory: an address-space cap (`setrlimit`), so an endless allocation fails
  inside learner code instead of freezing the machine;
- no host privileges and no network: a user namespace of its own (it keeps no
  capability over the host, even when started as root) with a network
  namespace holding no interface;
- writes only to its scratch folder: Landlock (reads stay open: the zoo, the
  libraries, the kata file itself);
- it dies with the checking process (`PR_SET_PDEATHSIG`), and the checking
  process is not dumpable, so the learner cannot read its memory or open its
  files through /proc.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
from dataclasses import dataclass, field
from pathlib import Path

MEMORY_HEADROOM_BYTES = 4 << 30
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000

MEMORY = "memory capped"
NAMESPACES = "no network and no host privileges (own user and network namespaces)"
LANDLOCK = "writes only to its scratch folder (Landlock)"


@dataclass
class Fence:
    """The protections in force in a learner process, and those that were not available."""

    applied: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def guard_checking_process() -> None:
    """Make this (checking) process undumpable: same-user processes can then neither trace it
    nor open its memory and file descriptors through /proc."""
    try:
        _libc().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux
        pass


def enter(scratch: Path) -> Fence:
    """Fence in the current (freshly forked, single-threaded) learner process."""
    fence = Fence()
    libc = _libc()
    try:
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except AttributeError:
        pass
    _cap_memory(fence)
    _own_namespaces(libc, fence)
    _writes_only_to(scratch, fence)
    return fence


def probe() -> Fence:
    """The protections a learner process gets on this machine, found by fencing in a throwaway child."""
    import json
    import shutil
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="autokata-probe-"))
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(reader)
            os.write(writer, json.dumps(enter(scratch).__dict__).encode())
        finally:
            os._exit(0)
    os.close(writer)
    data = b""
    while chunk := os.read(reader, 65536):
        data += chunk
    os.close(reader)
    os.waitpid(pid, 0)
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        return Fence(**json.loads(data))
    except ValueError:
        return Fence(missing=[MEMORY, NAMESPACES, LANDLOCK])


def describe(fence: Fence) -> str:
    """One line for a report's header: which protections were in force, and plainly which were not."""
    text = "Learner code ran in its own process: " + ("; ".join(fence.applied) or "no other protection")
    if fence.missing:
        text += ". Not available here: " + "; ".join(fence.missing)
    return text + "."


def _cap_memory(fence: Fence) -> None:
    try:
        in_use = _address_space_in_use()
        resource.setrlimit(resource.RLIMIT_AS, (in_use + MEMORY_HEADROOM_BYTES, resource.RLIM_INFINITY))
        fence.applied.append(MEMORY)
    except (OSError, ValueError):
        fence.missing.append(MEMORY)


def _address_space_in_use() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    raise OSError("no VmSize")


def _own_namespaces(libc: ctypes.CDLL, fence: Fence) -> None:
    try:
        if libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0:
            fence.applied.append(NAMESPACES)
            return
    except AttributeError:
        pass
    fence.missing.append(NAMESPACES)


def _writes_only_to(scratch: Path, fence: Fence) -> None:
    try:
        import landlock

        abi = landlock.landlock_abi_version()
        writes = landlock.FSAccess.all() & ~(
            landlock.FSAccess.READ_FILE | landlock.FSAccess.READ_DIR | landlock.FSAccess.EXECUTE
        )
        if abi < 5:
            writes &= ~landlock.FSAccess.IOCTL_DEV
        if abi < 3:
            writes &= ~landlock.FSAccess.TRUNCATE
        if abi < 2:
            writes &= ~landlock.FSAccess.REFER
        ruleset = landlock.Ruleset(restrict_rules=writes)
        ruleset.allow(str(scratch), rules=writes)
        ruleset.allow(os.devnull, rules=landlock.FSAccess.WRITE_FILE | _truncate(landlock, abi))
        ruleset.apply()
        fence.applied.append(LANDLOCK)
    except Exception:  # noqa: BLE001 - no Landlock here (old kernel, not Linux, package missing)
        fence.missing.append(LANDLOCK)


def _truncate(landlock, abi: int):  # noqa: ANN001, ANN202 - the package's flag type
    return landlock.FSAccess.TRUNCATE if abi >= 3 else landlock.FSAccess(0)
