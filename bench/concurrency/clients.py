#!/usr/bin/env python3
"""Mixed-write API clients for bench/concurrency/run.sh.

usage: clients.py URL TOKEN SECONDS CLIENTS PLAN_IDS DRILL_IDS VILLAGES OUT_DIR
(VILLAGES: code:id,code:id,...)

Each client thread loops for SECONDS over four writes: POST /api/v1/drills,
POST /api/v1/corrective-actions then PATCH it to done, POST a review.
Every answer is recorded; OUT_DIR gets one file per record kind with the ids
the server acknowledged (2xx) and failures.txt with every other answer.
Prints one JSON line with the counts.
"""
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse

url, token, seconds, clients = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
plan_ids = [int(x) for x in sys.argv[5].split(",")]
drill_ids = [int(x) for x in sys.argv[6].split(",")]
villages = [(c, int(i)) for c, i in (x.split(":") for x in sys.argv[7].split(","))]
out_dir = sys.argv[8]
host = urllib.parse.urlparse(url)

lock = threading.Lock()
acked = {"drill": [], "corrective_action": [], "corrective_action_done": [], "review": []}
failures = []
requests = 0


def call(conn, method, path, body):
    global requests
    data = json.dumps(body, ensure_ascii=False).encode()
    conn.request(method, path, body=data, headers={"Authorization": "Bearer " + token,
                                                     "Content-Type": "application/json"})
    resp = conn.getresponse()
    text = resp.read().decode("utf-8", "replace")
    with lock:
        requests += 1
    return resp.status, text


def client(n):
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        kind = (n + i) % 3
        village_code, village = villages[(n * 7 + i) % len(villages)]
        try:
            if kind == 0:
                status, text = call(conn, "POST", "/api/v1/drills", {
                    "drill_type": "fire.evacuation", "org": village_code, "date": "2024-05-10",
                    "participants": 20 + i % 50})
                record = "drill"
            elif kind == 1:
                status, text = call(conn, "POST", "/api/v1/corrective-actions", {
                    "source_kind": "drill", "source_id": drill_ids[i % len(drill_ids)],
                    "description": "补充转移路线指示牌 %d-%d" % (n, i),
                    "responsible_org_id": village, "due": "2024-06-30"})
                record = "corrective_action"
                if 200 <= status < 300:
                    ident = json.loads(text)["id"]
                    with lock:
                        acked[record].append(ident)
                    status, text = call(conn, "PATCH", "/api/v1/corrective-actions/%d" % ident,
                                        {"status": "done"})
                    record = "corrective_action_done"
            else:
                status, text = call(conn, "POST", "/api/v1/plans/%d/reviews" % plan_ids[i % len(plan_ids)], {
                    "kind": "evaluation", "date": "2024-04-01", "conclusion": "keep", "reviewers": "专家组"})
                record = "review"
            with lock:
                if 200 <= status < 300:
                    acked[record].append(json.loads(text)["id"])
                else:
                    failures.append("%d %s" % (status, text[:300]))
        except Exception as e:  # a dropped connection is a failed request too
            with lock:
                failures.append("exception %r" % (e,))
            conn.close()
            conn = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
        i += 1


threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for kind, ids in acked.items():
    with open(os.path.join(out_dir, kind + ".ids"), "w") as f:
        f.write("".join("%d\n" % x for x in ids))
with open(os.path.join(out_dir, "failures.txt"), "w") as f:
    f.write("".join(x + "\n" for x in failures))
print(json.dumps({"requests": requests, "failed": len(failures),
                  **{kind: len(ids) for kind, ids in acked.items()}}))
