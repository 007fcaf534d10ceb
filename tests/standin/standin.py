#!/usr/bin/env python3
"""An independent iAM Smart stand-in for tests: written from protocol.md alone, sharing no code with the
console or its simulator. It serves getKey, getQR (a page that finishes only by JavaScript polling), getToken,
profile, signing and ackResult, signs nothing it does not have to, encrypts content and callbacks with its own
AES-256-GCM and RSA code (python3-cryptography), and has a little phone of its own:

  GET  /standin/phone/pending      the undecided requests, oldest first
  POST /standin/phone/approve      approves the oldest one (404 when none)

Usage: standin.py --client-id ID --client-secret-file FILE --kek-cert PEM
Prints one JSON line {"baseUrl": ...} on stdout once it listens (127.0.0.1, an OS-chosen port)."""

import argparse
import base64
import datetime
import hashlib
import hmac
import json
import os
import secrets
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.x509.oid import NameOID

MAX_PENDING = 100


def aes_encrypt(key, plaintext):
    iv = os.urandom(12)
    sealed = AESGCM(key).encrypt(iv, plaintext, None)  # ciphertext followed by the 16-byte tag
    return base64.b64encode(len(iv).to_bytes(4, "big") + iv + sealed).decode()


def aes_decrypt(key, blob):
    raw = base64.b64decode(blob, validate=True)
    if len(raw) < 4 + 12 + 16 or int.from_bytes(raw[:4], "big") != 12:
        raise ValueError("bad blob")
    return AESGCM(key).decrypt(raw[4:16], raw[16:], None)


class State:
    def __init__(self, client_id, client_secret, kek_cert):
        self.client_id = client_id
        self.client_secret = client_secret
        self.kek = kek_cert.public_key()
        self.cek = os.urandom(32)
        self.lock = threading.Condition()
        self.pending = []  # dicts: id, kind, ...
        self.codes = {}  # code -> scope
        self.tokens = {}  # accessToken -> openID
        # A signer of its own for hash signing results.
        self.sign_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Stand-in signer")])
        now = datetime.datetime.now(datetime.timezone.utc)
        self.sign_cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                          .public_key(self.sign_key.public_key()).serial_number(x509.random_serial_number())
                          .not_valid_before(now - datetime.timedelta(days=1))
                          .not_valid_after(now + datetime.timedelta(days=30))
                          .sign(self.sign_key, hashes.SHA256()))

    def wrapped_cek(self):
        return base64.b64encode(self.kek.encrypt(self.cek, padding.PKCS1v15())).decode()

    def add_pending(self, item):
        with self.lock:
            if len(self.pending) >= MAX_PENDING:
                return False
            item["id"] = secrets.token_hex(8)
            item["decision"] = None
            self.pending.append(item)
            self.lock.notify_all()
            return True


def envelope(code, message, content=None):
    out = {"txID": "T=" + secrets.token_hex(16), "code": code, "message": message}
    if content is not None:
        out["content"] = content
    return out


class Handler(BaseHTTPRequestHandler):
    server_version = "StandIn/1"
    state = None  # set in main

    def log_message(self, fmt, *args):
        if os.environ.get("STANDIN_VERBOSE"):
            sys.stderr.write("standin: " + (fmt % args) + "\n")

    def reply(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body, separators=(",", ":")).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    # --- GET
    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        if url.path == "/api/v1/auth/getQR":
            return self.get_qr(query)
        if url.path == "/standin/qr/status":
            return self.qr_status(query.get("sid", ""))
        if url.path == "/standin/phone/pending":
            with self.state.lock:
                items = [{"id": p["id"], "kind": p["kind"]} for p in self.state.pending if not p["decision"]]
            return self.reply(200, items)
        return self.reply(404, envelope("D20000", "no such path"))

    def get_qr(self, q):
        s = self.state
        if q.get("clientID") != s.client_id:
            return self.reply(400, b"unknown clientID", "text/plain")
        if q.get("responseType") != "code" or not q.get("redirectURI", "").startswith(("http://", "https://")):
            return self.reply(400, b"responseType or redirectURI is invalid", "text/plain")
        sid = secrets.token_hex(16)
        if not s.add_pending({"kind": "auth", "sid": sid, "redirectURI": q["redirectURI"],
                              "state": q.get("state", ""), "scope": q.get("scope", "")}):
            return self.reply(429, b"too many pending requests", "text/plain")
        # Nothing on this page moves without JavaScript: it polls until the phone decides, then navigates.
        page = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Stand-in QR page</title></head>
<body><p id="status">Scan with the iAM Smart app.</p><script>
async function poll() {
  try {
    const r = await fetch('/standin/qr/status?sid=%s', {cache: 'no-store'});
    const s = await r.json();
    if (s.status === 'decided') { document.getElementById('status').textContent = 'Redirecting'; location.replace(s.redirect); return; }
  } catch (e) {}
  setTimeout(poll, 200);
}
poll();
</script></body></html>""" % sid
        return self.reply(200, page.encode(), "text/html; charset=utf-8")

    def qr_status(self, sid):
        # Long poll: waits up to 2 s for the phone, so a browser on virtual time does not race past it.
        deadline = time.monotonic() + 2
        with self.state.lock:
            while True:
                item = next((p for p in self.state.pending if p.get("sid") == sid), None)
                if item is None:
                    return self.reply(404, {"status": "unknown"})
                if item["decision"]:
                    self.state.pending.remove(item)
                    return self.reply(200, {"status": "decided", "redirect": item["decision"]})
                left = deadline - time.monotonic()
                if left <= 0:
                    return self.reply(200, {"status": "pending"})
                self.state.lock.wait(left)

    # --- POST
    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > 1 << 20:
            return self.reply(413, envelope("D20000", "body too large"))
        body = self.rfile.read(length)
        if url.path == "/standin/phone/approve":
            return self.approve()
        s = self.state
        h = self.headers
        if h.get("clientID") is None:
            return self.reply(200, envelope("D20001", "parameter clientID is missing"))
        if h.get("clientID") != s.client_id:
            return self.reply(200, envelope("D20003", "invalid parameter clientID"))
        if h.get("signatureMethod") != "HmacSHA256":
            return self.reply(200, envelope("D20005", "signature method not supported"))
        message = (s.client_id + h.get("signatureMethod") + h.get("timestamp", "") + h.get("nonce", "")).encode() + body
        expected = base64.b64encode(hmac.new(s.client_secret, message, hashlib.sha256).digest()).decode()
        given = urllib.parse.unquote(h.get("signature", ""))
        if not hmac.compare_digest(expected, given):
            return self.reply(200, envelope("D20006", "signature verification failed"))
        if url.path == "/api/v1/security/getKey":
            return self.reply(200, envelope("D00000", "SUCCESS", {
                "secretKey": s.wrapped_cek(), "pubKey": "", "issueAt": int(time.time() * 1000),
                "expiresIn": 86400000}))
        try:
            request = json.loads(aes_decrypt(s.cek, json.loads(body)["content"]))
        except Exception:
            return self.reply(200, envelope("D30004", "decryption error"))
        handler = {
            "/api/v1/auth/getToken": self.get_token,
            "/api/v1/account/auth/profile/initiateRequest": lambda r: self.initiate(r, "profile"),
            "/api/v1/account/signing/initiateRequest": lambda r: self.initiate(r, "sign"),
            "/api/v1/account/signing/ackResult": lambda r: ("D00000", {}),
        }.get(url.path)
        if handler is None:
            return self.reply(404, envelope("D20000", "no such API"))
        code, content = handler(request)
        if code != "D00000":
            return self.reply(200, envelope(code, content))
        blob = aes_encrypt(s.cek, json.dumps(content, separators=(",", ":")).encode())
        return self.reply(200, envelope("D00000", "SUCCESS", blob))

    def get_token(self, r):
        with self.state.lock:
            scope = self.state.codes.pop(r.get("code", ""), None)
        if scope is None or r.get("grantType") != "authorization_code":
            return "D40004", "authCode not exist or expired"
        token, open_id = secrets.token_hex(16), secrets.token_hex(16)
        with self.state.lock:
            self.state.tokens[token] = open_id
        now = int(time.time() * 1000)
        return "D00000", {"accessToken": token, "tokenType": "Bearer", "issueAt": now, "expiresIn": 14400000,
                          "openID": open_id, "lastModifiedDate": now, "userType": "sign", "scope": scope}

    def initiate(self, r, kind):
        with self.state.lock:
            known = self.state.tokens.get(r.get("accessToken")) == r.get("openID")
        if not known:
            return "D20009", "access token does not exist or has expired"
        for field in ("businessID", "redirectURI"):
            if not r.get(field):
                return "D20001", "parameter %s is missing" % field
        if not self.state.add_pending({"kind": kind, "request": r}):
            return "D20000", "too many pending requests"
        return "D00000", {"authByQR": True}

    def approve(self):
        s = self.state
        with s.lock:
            item = next((p for p in s.pending if not p["decision"]), None)
            if item is None:
                return self.reply(404, {"error": "nothing is waiting"})
            if item["kind"] == "auth":
                code = secrets.token_hex(16)
                s.codes[code] = item["scope"]
                query = urllib.parse.urlencode({"code": code, "state": item["state"]})
                sep = "&" if "?" in item["redirectURI"] else "?"
                item["decision"] = item["redirectURI"] + sep + query
                s.lock.notify_all()
            else:
                s.pending.remove(item)
        if item["kind"] != "auth":
            self.deliver(item)
        return self.reply(200, {"id": item["id"], "kind": item["kind"]})

    def deliver(self, item):
        """The POST callback: AES content and the CEK wrapped to the client's KEK certificate."""
        s, r = self.state, item["request"]
        content = {"businessID": r["businessID"], "state": r.get("state", "")}
        if item["kind"] == "profile":
            values = {"idNo": {"Identification": "A123456", "CheckDigit": "3"},
                      "enName": {"UnstructuredName": "CHAN, Tai Man"}, "chName": {"ChineseName": "陳大文"},
                      "birthDate": "19800101", "gender": "M"}
            for f in r.get("profileFields", []):
                if f in values:
                    content[f] = values[f]
        else:
            hash_code = r.get("hashCode", "")
            signature = s.sign_key.sign(base64.b64decode(hash_code or ""), padding.PKCS1v15(), hashes.SHA256())
            content.update({"hashCode": hash_code, "timestamp": int(time.time() * 1000),
                            "signature": base64.b64encode(signature).decode(),
                            "cert": base64.b64encode(s.sign_cert.public_bytes(serialization.Encoding.DER)).decode()})
        body = envelope("D00000", "SUCCESS", aes_encrypt(s.cek, json.dumps(content, ensure_ascii=False).encode()))
        body["secretKey"] = s.wrapped_cek()
        request = urllib.request.Request(r["redirectURI"], data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                sys.stderr.write("standin: callback %s -> %d\n" % (r["redirectURI"], answer.status))
        except Exception as e:  # the test sees the missing callback as a timeout of the flow
            sys.stderr.write("standin: callback %s failed: %s\n" % (r["redirectURI"], e))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--client-id", required=True)
    ap.add_argument("--client-secret-file", required=True)
    ap.add_argument("--kek-cert", required=True)
    args = ap.parse_args()
    with open(args.client_secret_file, "rb") as f:
        secret = f.read().strip()
    with open(args.kek_cert, "rb") as f:
        cert = x509.load_pem_x509_certificate(f.read())
    Handler.state = State(args.client_id, secret, cert)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(json.dumps({"baseUrl": "http://127.0.0.1:%d" % server.server_address[1]}), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
