"""A minimal DNS A query over UDP, to know when dnsmasq answers the names."""

from __future__ import annotations

import random
import socket
import struct


def query_a(server: str, port: int, host: str, timeout: float = 0.3) -> list[str]:
    """The IPv4 addresses `server` gives for `host`; empty when it does not answer."""
    query_id = random.randrange(1 << 16)
    question = b"".join(bytes([len(label)]) + label.encode() for label in host.split(".")) + b"\0"
    packet = struct.pack("!HHHHHH", query_id, 0x0100, 1, 0, 0, 0) + question + struct.pack("!HH", 1, 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(timeout)
        try:
            sock.sendto(packet, (server, port))
            reply = sock.recv(4096)
        except OSError:
            return []
    if len(reply) < 12 or struct.unpack("!H", reply[:2])[0] != query_id:
        return []
    answers = struct.unpack("!H", reply[6:8])[0]
    offset = 12 + len(question) + 4
    addresses = []
    for _ in range(answers):
        offset = _skip_name(reply, offset)
        kind, _, _, length = struct.unpack("!HHIH", reply[offset:offset + 10])
        offset += 10
        if kind == 1 and length == 4:
            addresses.append(socket.inet_ntoa(reply[offset:offset + 4]))
        offset += length
    return addresses


def _skip_name(message: bytes, offset: int) -> int:
    while True:
        length = message[offset]
        if length == 0:
            return offset + 1
        if length & 0xC0 == 0xC0:
            return offset + 2
        offset += 1 + length
