#!/usr/bin/env python3
"""A steady stream of drill POSTs for bench/mixed/run.sh.

usage: post_steady.py URL TOKEN SECONDS RATE ORGS_FILE

Sends POST /api/v1/drills at RATE per second for SECONDS (request i is due at start + i/RATE;
four threads, each with its own keep-alive connection, take the next due request), varying the
village or community (ORGS_FILE, one code a line), the date and the head-count. A latency is
measured from the time the request was due, not from when a thread got to send it, so a stall
is counted in full (no coordinated omission). Prints one JSON line: sent, ok (201), others,
p50/p99/p99.9/max in milliseconds, and the rate achieved.
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

url, token, seconds, rate, orgs_file = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
orgs = [line.strip() for line in open(orgs_file, encoding="utf-8") if line.strip()]
host = urllib.parse.urlparse(url)
total = int(seconds * rate)
lock = threading.Lock()
state = {"next": 0}
latencies = []
others = []
start = time.monotonic() + 0.2


def worker():
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    while True:
        with lock:
            i = state["next"]
            if i >= total:
                break
            state["next"] = i + 1
        due = start + i / rate
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        body = json.dumps({"drill_type": "flood.evacuation", "org": orgs[(i * 7919) % len(orgs)],
                           "date": "2024-%02d-%02d" % (i % 12 + 1, i % 28 + 1), "participants": 10 + i % 50,
                           "scenario": "mixed %d" % i, "fields": {"hazard": "flash_flood"}})
        try:
            conn.request("POST", "/api/v1/drills", body=body.encode(),
                         headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
            resp = conn.getresponse()
            resp.read()
            status = resp.status
        except (OSError, http.client.HTTPException) as e:
            status = str(e)
            conn.close()
            conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        done = time.monotonic()
        with lock:
            if status == 201:
                latencies.append((done - due) * 1000)
            else:
                others.append(status)


threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
latencies.sort()


def pct(p):
    return round(latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))], 1) if latencies else None


print(json.dumps({"sent": total, "ok": len(latencies), "others": len(others), "p50_ms": pct(50),
                  "p99_ms": pct(99), "p99_9_ms": pct(99.9), "max_ms": round(latencies[-1], 1) if latencies else None,
                  "rate": round(total / elapsed, 1), "first_other": str(others[0]) if others else ""}))
