#!/usr/bin/env python3
"""`iamsmart run FLOW --env FILE --browser COMMAND` against an independent stand-in (standin.py) whose QR page
finishes only by JavaScript, with headless Chromium as the browser and the stand-in's phone approving.
Usage: tst_realenv.py PATH/TO/iamsmart.  Exit 77 (skipped) when chromium is not installed."""

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def check(condition, what):
    print(("PASS " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def make_kek(directory):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test online service KEK")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30)).sign(key, hashes.SHA256()))
    key_path, cert_path = os.path.join(directory, "kek-key.pem"), os.path.join(directory, "kek-cert.pem")
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    with open(cert_path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def phone(base, stop, approved):
    """The person with the phone: approves whatever the stand-in has waiting."""
    while not stop.is_set():
        try:
            with urllib.request.urlopen(urllib.request.Request(base + "/standin/phone/approve", data=b"",
                                                               method="POST"), timeout=5) as r:
                approved.append(json.load(r)["kind"])
        except urllib.error.HTTPError:
            pass  # nothing waiting
        except OSError:
            pass
        stop.wait(0.1)


def run_flow(iamsmart, flow, env_file, secret, extra=()):
    env = dict(os.environ, IAMSMART_CLIENT_SECRET=secret, LC_ALL="C.UTF-8")
    env.pop("BROWSER", None)
    return subprocess.run([iamsmart, "run", flow, "--env", env_file, "--browser",
                           os.path.join(HERE, "headless-browser.sh"), "--timeout", "90", *extra],
                          capture_output=True, text=True, env=env, timeout=180)


def main():
    iamsmart = sys.argv[1]
    if shutil.which("chromium") is None:
        print("SKIP: chromium is not installed (scripts/lib.sh installs it); the browser step needs a real browser")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        key_path, cert_path = make_kek(tmp)
        secret = os.urandom(32).hex()
        secret_path = os.path.join(tmp, "secret")
        fd = os.open(secret_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secret)
        client_id = os.urandom(16).hex()
        server = subprocess.Popen([sys.executable, os.path.join(HERE, "standin.py"), "--client-id", client_id,
                                   "--client-secret-file", secret_path, "--kek-cert", cert_path],
                                  stdout=subprocess.PIPE, text=True)
        stop = threading.Event()
        try:
            base = json.loads(server.stdout.readline())["baseUrl"]
            env_file = os.path.join(tmp, "standin.json")
            with open(env_file, "w") as f:
                json.dump({"id": "standin", "name": "Stand-in", "kind": "custom", "baseUrl": base,
                           "clientID": client_id, "kekCertificate": cert_path, "kekPrivateKey": key_path,
                           "encrypted": True}, f)
            approved = []
            thread = threading.Thread(target=phone, args=(base, stop, approved), daemon=True)
            thread.start()

            for flow, kinds in (("login-profile", ["auth", "profile"]), ("login-sign", ["auth", "sign"])):
                approved.clear()
                r = run_flow(iamsmart, flow, env_file, secret)
                sys.stdout.write(r.stdout)
                check(r.returncode == 0, "%s exits 0 (got %d; stderr: %s)" % (flow, r.returncode, r.stderr[-2000:]))
                check(("%s passed" % flow) in r.stdout, "%s reports passed" % flow)
                check(approved == kinds, "%s: the stand-in's phone decided %s (got %s)" % (flow, kinds, approved))
                check(base + "/api/v1/auth/getQR?" in r.stderr, "%s prints the QR page URL on stderr" % flow)
                check("\u2588" in r.stderr and ("\u2580" in r.stderr or "\u2584" in r.stderr),
                      "%s prints a terminal QR code of half blocks on stderr" % flow)

            # --phone is the simulator's: with --env a person decides.
            r = run_flow(iamsmart, "login-profile", env_file, secret, ["--phone", "approve"])
            check(r.returncode == 2 and "--phone" in r.stderr, "--phone with --env is a usage error naming --phone")
            # The callback base (a tunnel) goes into redirectURI: the stand-in sends the browser there.
            # Nothing listens on it, so the flow cannot finish; the URL shows what was sent.
            r = run_flow(iamsmart, "login-profile", env_file, secret,
                         ["--callback-base", "https://tunnel.invalid/app", "--timeout", "3"])
            check("redirectURI=https%3A%2F%2Ftunnel.invalid%2Fapp%2Fcallback%2Fauth" in r.stderr,
                  "--callback-base is the redirectURI's base (stderr: %s)" % r.stderr[:300])
            check(r.returncode != 0, "the flow fails when its redirect goes where nothing answers")
        finally:
            stop.set()
            server.terminate()
            server.wait(10)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
