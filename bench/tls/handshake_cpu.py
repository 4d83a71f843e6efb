#!/usr/bin/env python3
# What HTTPS costs `beacon serve`: the server's CPU time (utime + stime from /proc/PID/stat) per new
# connection carrying one GET /login, over plain HTTP and over TLS, against two servers on the same
# database. Usage: handshake_cpu.py PLAIN_PORT TLS_PORT [CONNECTIONS]  (bench/README.md, "tls").
import http.client
import os
import ssl
import subprocess
import sys
import time


def pid_listening(port):
    out = subprocess.check_output(['pgrep', '-f', f'listen 127.0.0.1:{port}']).split()
    return int(out[0])


def cpu_seconds(pid):
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def main():
    plain, tls, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 300
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the bench's self-signed certificate
    results = {}
    for name, port in (('plain', plain), ('tls', tls)):
        pid = pid_listening(port)
        before, start = cpu_seconds(pid), time.time()
        for _ in range(n):
            conn = (http.client.HTTPSConnection('127.0.0.1', port, context=context) if name == 'tls'
                    else http.client.HTTPConnection('127.0.0.1', port))
            conn.request('GET', '/login')
            conn.getresponse().read()
            conn.close()
        results[name] = 1000 * (cpu_seconds(pid) - before) / n
        print(f'{name}: {n} new connections, one GET /login each: server CPU {results[name]:.2f} ms per connection,'
              f' wall {time.time() - start:.1f} s')
    print(f'tls / plain: {results["tls"] / results["plain"]:.1f}x')


if __name__ == '__main__':
    main()
