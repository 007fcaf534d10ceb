#!/usr/bin/env python3
{{HEADER}}
{{#base64}}
import base64
{{/base64}}
{{#sign}}
import hashlib
import hmac
{{/sign}}
import http.client
{{#json}}
import json
{{/json}}
{{#secrets}}
import os
{{/secrets}}
{{#random}}
import secrets
{{/random}}
{{#encrypt}}
import struct
{{/encrypt}}
{{#secrets}}
import sys
{{/secrets}}
{{#signed}}
import time
{{/signed}}
import urllib.parse
{{#aead}}

{{#jwe}}
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
{{/jwe}}
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
{{/aead}}

URL = {{URL}}
{{#clientid}}
CLIENT_ID = {{CLIENT_ID}}
{{/clientid}}
{{^gateway}}
# The body as compact JSON: exactly these bytes are encrypted and signed.
{{/gateway}}
{{#gateway}}
# The body as compact JSON, sent as is: the gateway neither signs nor encrypts requests.
{{/gateway}}
BODY = {{BODY}}
{{#secrets}}


def env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit('error: set the environment variable ' + name)
    return value
{{/secrets}}
{{#encrypt}}


def encrypt(cek, plaintext):
    """AES-256-GCM, random 12-byte IV, no AAD: Base64(uint32-BE IV length | IV | ciphertext | 16-byte tag)."""
    iv = secrets.token_bytes(12)
    sealed = AESGCM(cek).encrypt(iv, plaintext, None)  # ciphertext | tag
    return base64.b64encode(struct.pack('>I', len(iv)) + iv + sealed).decode('ascii')


def decrypt(cek, content):
    blob = base64.b64decode(content, validate=True)
    if len(blob) < 32 or struct.unpack('>I', blob[:4])[0] != 12:
        raise ValueError('not an AES-GCM content blob (the IV length must be 12)')
    return AESGCM(cek).decrypt(blob[4:16], blob[16:], None)
{{/encrypt}}
{{#jwe}}


def b64url_decode(part):
    return base64.urlsafe_b64decode(part + '=' * (-len(part) % 4))


def decrypt_jwe(private_key, compact):
    """A compact JWE made with RSA-OAEP or RSA-OAEP-256 and A256GCM: returns (protected header, plaintext)."""
    parts = compact.split('.')
    if len(parts) != 5:
        raise ValueError('not a compact JWE (five dot-separated parts)')
    protected, encrypted_key, iv, ciphertext, tag = parts
    header = b64url_decode(protected).decode('utf-8')
    fields = json.loads(header)
    if not isinstance(fields, dict) or fields.get('enc') != 'A256GCM':
        raise ValueError('expected enc A256GCM, got ' + header)
    # The header's alg names the OAEP digest, used for MGF1 too: RSA-OAEP is SHA-1, RSA-OAEP-256 is SHA-256.
    alg = fields.get('alg')
    digest = {'RSA-OAEP': hashes.SHA1, 'RSA-OAEP-256': hashes.SHA256}.get(alg) if isinstance(alg, str) else None
    if digest is None:
        raise ValueError('expected alg RSA-OAEP or RSA-OAEP-256, got ' + header)
    # RSA-OAEP unwraps the content encryption key...
    oaep = padding.OAEP(mgf=padding.MGF1(algorithm=digest()), algorithm=digest(), label=None)
    cek = private_key.decrypt(b64url_decode(encrypted_key), oaep)
    # ...then AES-256-GCM, whose additional authenticated data is the header part exactly as sent (ASCII).
    plaintext = AESGCM(cek).decrypt(
        b64url_decode(iv), b64url_decode(ciphertext) + b64url_decode(tag), protected.encode('ascii'))
    return header, plaintext
{{/jwe}}


def main():
{{#secret}}
    secret = env('IAMSMART_CLIENT_SECRET')
{{/secret}}
{{#jwe}}
    # Read before the call: the gateway deletes a completed result after the first successful poll.
    with open(env('IAMSMART_PRIVATE_KEY'), 'rb') as pem:
        private_key = serialization.load_pem_private_key(pem.read(), password=None)
{{/jwe}}
{{#encrypt}}
    cek_hex = env('IAMSMART_CEK_HEX')
    if len(cek_hex) != 64:
        sys.exit('error: IAMSMART_CEK_HEX must be 64 hex digits (a 32-byte AES-256 key)')
    cek = bytes.fromhex(cek_hex)
{{/encrypt}}
    print('{{METHOD}}', URL)
    print('Request body:', BODY)
{{#encrypt}}
    body = ('{"content":"' + encrypt(cek, BODY.encode('utf-8')) + '"}').encode('ascii')
    print('Encrypted body:', body.decode('ascii'))
{{/encrypt}}
{{^encrypt}}
    body = BODY.encode('utf-8')
{{/encrypt}}

{{#signed}}
    timestamp = str(int(time.time() * 1000))  # epoch milliseconds
    nonce = secrets.token_hex(16)  # 32 random hex characters
    headers = {
        'clientID': CLIENT_ID,
        'signatureMethod': 'HmacSHA256',
        'timestamp': timestamp,
        'nonce': nonce,
    }
{{#sign}}
    # clientID + signatureMethod + timestamp + nonce + the exact body bytes, no separators.
    string_to_sign = (CLIENT_ID + 'HmacSHA256' + timestamp + nonce).encode('utf-8') + body
    digest = hmac.new(secret.encode('utf-8'), string_to_sign, hashlib.sha256).digest()
    # Base64, then URL-encoded: + -> %2B, / -> %2F, = -> %3D
    headers['signature'] = urllib.parse.quote(base64.b64encode(digest).decode('ascii'), safe='')
{{/sign}}
{{/signed}}
{{^signed}}
{{#gateway}}
    headers = {
        'x-client-id': CLIENT_ID,
        'x-client-secret': secret,
    }
{{/gateway}}
{{^gateway}}
    headers = {}
{{/gateway}}
{{/signed}}
    headers['Content-Type'] = 'application/json'
{{#subkey}}
    headers['Ocp-Apim-Subscription-Key'] = env('IAMSMART_SUBSCRIPTION_KEY')
{{/subkey}}
{{#extra}}
{{EXTRA_HEADERS}}
{{/extra}}

    # http.client sends the header names in the case written above.
    parts = urllib.parse.urlsplit(URL)
    connection_type = http.client.HTTPSConnection if parts.scheme == 'https' else http.client.HTTPConnection
    connection = connection_type(parts.netloc, timeout=30)
    connection.request('{{METHOD}}', parts.path + ('?' + parts.query if parts.query else ''), body, headers)
    response = connection.getresponse()
    text = response.read().decode('utf-8', 'replace')
    connection.close()
    print('HTTP', response.status)
    print(text)
{{#encrypt}}

    # Only `content` is encrypted; txID, code and message are in clear.
    try:
        envelope = json.loads(text)
    except ValueError:
        envelope = None
    if isinstance(envelope, dict) and isinstance(envelope.get('content'), str):
        print('Decrypted content:', decrypt(cek, envelope['content']).decode('utf-8'))
{{/encrypt}}
{{#jwe}}

    # 202 {"status":"pending"} until the user answers; then 200 with `result`, a compact JWE encrypted to your
    # RSA public key.
    try:
        answer = json.loads(text)
    except ValueError:
        answer = None
    if isinstance(answer, dict) and isinstance(answer.get('result'), str):
        header, plaintext = decrypt_jwe(private_key, answer['result'])
        print('JWE header:', header)
        print('Decrypted result:', plaintext.decode('utf-8'))
{{/jwe}}


if __name__ == '__main__':
    main()
