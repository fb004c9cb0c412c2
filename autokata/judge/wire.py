"""Messages between the checking process and a learner process: a JSON head and named byte blobs.

A frame is `length (8 bytes) | head length (8 bytes) | head JSON | blobs`,
where the head names each blob's offset and size. JSON and raw bytes only: the
checking side never unpickles what a learner process sends.
"""

from __future__ import annotations

import json
import socket
import struct
from typing import Any

_SIZE = struct.Struct("!QQ")
#: The largest reply accepted from a learner process (a tiny model's weights are well under this).
MAX_FRAME = 1 << 30


class Closed(Exception):
    """The other end went away (a learner process that exited or was killed)."""


def send(sock: socket.socket, head: dict[str, Any], blobs: dict[str, bytes] | None = None) -> None:
    blobs = blobs or {}
    layout, offset = {}, 0
    for name, blob in blobs.items():
        layout[name] = [offset, len(blob)]
        offset += len(blob)
    encoded = json.dumps({"head": head, "blobs": layout}).encode()
    sock.sendall(_SIZE.pack(len(encoded) + offset, len(encoded)) + encoded + b"".join(blobs.values()))


def receive(sock: socket.socket) -> tuple[dict[str, Any], dict[str, bytes]]:
    total, head_size = _SIZE.unpack(_exactly(sock, _SIZE.size))
    if total > MAX_FRAME or head_size > total:
        raise Closed(f"a reply of {total} bytes is more than a kata can need")
    data = _exactly(sock, total)
    frame = json.loads(data[:head_size])
    body = memoryview(data)[head_size:]
    blobs = {name: bytes(body[start:start + size]) for name, (start, size) in frame["blobs"].items()}
    return frame["head"], blobs


def _exactly(sock: socket.socket, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise Closed("the learner process ended")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
