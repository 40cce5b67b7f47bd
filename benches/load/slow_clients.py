#!/usr/bin/env python3
"""Greedy clients on loopback: CONNECTIONS connections each send a POST /api/rank's headers, then
its body one byte every DRIP seconds (a connection the server closes is opened again), while a
normal client sends POST /api/rank?exclusions=none every PERIOD seconds on a new connection and
times each answer. Runs SECONDS seconds, then prints one RESULT line:

    python3 benches/load/slow_clients.py --port 18090 --connections 1000 --seconds 20

Traffic goes only to 127.0.0.1; the loops stop at the deadline.
"""

import argparse
import asyncio
import statistics
import time

BODY = (
    b'{"home_state":"OH","degree_levels":["associate","baccalaureate"],"delivery_modes":["hybrid","online"],'
    b'"desired_skills":["coding-and-classification","ehr-and-health-it","data-analytics"],"preferred_delivery":"online"}'
)


def request(path: bytes) -> bytes:
    return (
        b"POST " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(BODY)).encode() + b"\r\nConnection: close\r\n\r\n"
    )


class Tally:
    def __init__(self) -> None:
        self.opened = 0
        self.refused_connects = 0
        self.statuses: dict[str, int] = {}
        self.latencies: list[float] = []
        self.failures = 0


async def slow_client(port: int, drip: float, deadline: float, tally: Tally) -> None:
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 5)
        except (OSError, asyncio.TimeoutError):
            tally.refused_connects += 1
            await asyncio.sleep(0.2)
            continue
        tally.opened += 1
        try:
            writer.write(request(b"/api/rank"))
            await writer.drain()
            for byte in BODY:
                if time.monotonic() >= deadline or reader.at_eof():
                    break
                writer.write(bytes([byte]))
                await writer.drain()
                try:
                    answer = await asyncio.wait_for(reader.read(64), drip)
                except asyncio.TimeoutError:
                    continue
                if answer:
                    status = answer.split(b" ", 2)[1].decode(errors="replace") if answer.startswith(b"HTTP/") else "?"
                    tally.statuses[status] = tally.statuses.get(status, 0) + 1
                break
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()


async def normal_client(port: int, period: float, deadline: float, tally: Tally) -> None:
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 10)
            writer.write(request(b"/api/rank?exclusions=none") + BODY)
            await writer.drain()
            answer = await asyncio.wait_for(reader.read(), 10)
            writer.close()
            if answer.startswith(b"HTTP/1.1 200"):
                tally.latencies.append((time.monotonic() - started) * 1000)
            else:
                tally.failures += 1
        except (OSError, asyncio.TimeoutError):
            tally.failures += 1
        await asyncio.sleep(max(0.0, period - (time.monotonic() - started)))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--drip", type=float, default=0.5, help="seconds between two bytes of a slow body")
    parser.add_argument("--period", type=float, default=0.1, help="seconds between two normal requests")
    args = parser.parse_args()
    deadline = time.monotonic() + args.seconds
    tally = Tally()
    slow = [asyncio.create_task(slow_client(args.port, args.drip, deadline, tally)) for _ in range(args.connections)]
    # The normal client starts once the slow ones are connected.
    await asyncio.sleep(min(2.0, args.seconds / 4))
    await normal_client(args.port, args.period, deadline, tally)
    await asyncio.gather(*slow)
    latencies = sorted(tally.latencies)
    if latencies:
        p50 = statistics.median(latencies)
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        worst = latencies[-1]
    else:
        p50 = p99 = worst = float("nan")
    statuses = ", ".join(f"{status}: {count}" for status, count in sorted(tally.statuses.items())) or "none"
    print(
        f"RESULT slow_connections={args.connections} slow_opened={tally.opened} refused_connects={tally.refused_connects} "
        f"slow_answers=({statuses}) normal_requests={len(latencies)} normal_failures={tally.failures} "
        f"normal_p50_ms={p50:.1f} normal_p99_ms={p99:.1f} normal_max_ms={worst:.1f}"
    )


if __name__ == "__main__":
    asyncio.run(main())
