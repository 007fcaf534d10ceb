#include "CodeSamples.h"

#include "Envelope.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Protocol {
namespace {

// Templates: lines "{{#flag}}" / "{{^flag}}" ... "{{/flag}}" keep or drop what they enclose (they nest), and
// "{{NAME}}" is replaced in one pass, so a value that happens to contain "{{X}}" is never expanded again.
// Flags: encrypt (AES-GCM body), signed (clientID/signatureMethod/timestamp/nonce headers), sign (signature
// header), subkey (Ocp-Apim-Subscription-Key), gateway (a gateway-family API, protocol.md 7: x-client-id and
// x-client-secret headers), jwe (a gateway answer whose `result` is a JWE the sample decrypts), secrets (any
// environment variable read), secret (the client secret is read), clientid (the client id is sent), base64
// (encrypt, sign or jwe), random (encrypt or signed), crypto (random or jwe), json (a JSON answer is parsed:
// encrypt or jwe), aead (AES-GCM: encrypt or jwe). The templates are ASCII so every compiler reads them in any
// locale.

const char* const pythonTemplate = R"TPL(#!/usr/bin/env python3
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
)TPL";

const char* const javaScriptTemplate = R"TPL(#!/usr/bin/env node
{{HEADER}}
'use strict';

{{#crypto}}
const crypto = require('node:crypto');
{{#jwe}}
const fs = require('node:fs');
{{/jwe}}

{{/crypto}}
const API_URL = {{URL}};
{{#clientid}}
const CLIENT_ID = {{CLIENT_ID}};
{{/clientid}}
{{^gateway}}
// The body as compact JSON: exactly these bytes are encrypted and signed.
{{/gateway}}
{{#gateway}}
// The body as compact JSON, sent as is: the gateway neither signs nor encrypts requests.
{{/gateway}}
const BODY = {{BODY}};
{{#secrets}}

function env(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`error: set the environment variable ${name}`);
    process.exit(2);
  }
  return value;
}
{{/secrets}}
{{#encrypt}}

// AES-256-GCM, random 12-byte IV, no AAD: Base64(uint32-BE IV length | IV | ciphertext | 16-byte tag).
function encrypt(cek, plaintext) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', cek, iv, { authTagLength: 16 });
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const ivLength = Buffer.alloc(4);
  ivLength.writeUInt32BE(iv.length);
  return Buffer.concat([ivLength, iv, ciphertext, cipher.getAuthTag()]).toString('base64');
}

function decrypt(cek, content) {
  const blob = Buffer.from(content, 'base64');
  if (blob.length < 32 || blob.readUInt32BE(0) !== 12) {
    throw new Error('not an AES-GCM content blob (the IV length must be 12)');
  }
  const decipher = crypto.createDecipheriv('aes-256-gcm', cek, blob.subarray(4, 16), { authTagLength: 16 });
  decipher.setAuthTag(blob.subarray(blob.length - 16));
  return Buffer.concat([decipher.update(blob.subarray(16, blob.length - 16)), decipher.final()]).toString('utf8');
}
{{/encrypt}}
{{#jwe}}

// A compact JWE made with RSA-OAEP or RSA-OAEP-256 and A256GCM: returns its protected header and plaintext.
function decryptJwe(privateKey, compact) {
  const parts = compact.split('.');
  if (parts.length !== 5) {
    throw new Error('not a compact JWE (five dot-separated parts)');
  }
  const [protectedHeader, encryptedKey, iv, ciphertext, tag] = parts;
  const header = Buffer.from(protectedHeader, 'base64url').toString('utf8');
  const fields = JSON.parse(header);
  if (fields === null || typeof fields !== 'object' || fields.enc !== 'A256GCM') {
    throw new Error(`expected enc A256GCM, got ${header}`);
  }
  // The header's alg names the OAEP digest (oaepHash covers MGF1 too): RSA-OAEP is SHA-1, RSA-OAEP-256 is SHA-256.
  const oaepHash = new Map([['RSA-OAEP', 'sha1'], ['RSA-OAEP-256', 'sha256']]).get(fields.alg);
  if (oaepHash === undefined) {
    throw new Error(`expected alg RSA-OAEP or RSA-OAEP-256, got ${header}`);
  }
  // RSA-OAEP unwraps the content encryption key...
  const cek = crypto.privateDecrypt(
    { key: privateKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash },
    Buffer.from(encryptedKey, 'base64url'),
  );
  // ...then AES-256-GCM, whose additional authenticated data is the header part exactly as sent (ASCII).
  const decipher = crypto.createDecipheriv('aes-256-gcm', cek, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(protectedHeader, 'ascii'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  return { header, plaintext: plaintext.toString('utf8') };
}
{{/jwe}}

async function main() {
{{#secret}}
  const secret = env('IAMSMART_CLIENT_SECRET');
{{/secret}}
{{#jwe}}
  // Read before the call: the gateway deletes a completed result after the first successful poll.
  const privateKey = crypto.createPrivateKey(fs.readFileSync(env('IAMSMART_PRIVATE_KEY')));
{{/jwe}}
{{#encrypt}}
  const cekHex = env('IAMSMART_CEK_HEX');
  if (!/^[0-9a-fA-F]{64}$/.test(cekHex)) {
    throw new Error('IAMSMART_CEK_HEX must be 64 hex digits (a 32-byte AES-256 key)');
  }
  const cek = Buffer.from(cekHex, 'hex');
{{/encrypt}}
  console.log(`{{METHOD}} ${API_URL}`);
  console.log(`Request body: ${BODY}`);
{{#encrypt}}
  const body = Buffer.from(`{"content":"${encrypt(cek, Buffer.from(BODY, 'utf8'))}"}`, 'utf8');
  console.log(`Encrypted body: ${body}`);
{{/encrypt}}
{{^encrypt}}
  const body = Buffer.from(BODY, 'utf8');
{{/encrypt}}

{{#signed}}
  const timestamp = String(Date.now()); // epoch milliseconds
  const nonce = crypto.randomBytes(16).toString('hex'); // 32 random hex characters
  const headers = {
    clientID: CLIENT_ID,
    signatureMethod: 'HmacSHA256',
    timestamp,
    nonce,
  };
{{#sign}}
  // clientID + signatureMethod + timestamp + nonce + the exact body bytes, no separators.
  const stringToSign = Buffer.concat([Buffer.from(CLIENT_ID + 'HmacSHA256' + timestamp + nonce, 'utf8'), body]);
  const digest = crypto.createHmac('sha256', Buffer.from(secret, 'utf8')).update(stringToSign).digest('base64');
  headers.signature = encodeURIComponent(digest); // + -> %2B, / -> %2F, = -> %3D
{{/sign}}
{{/signed}}
{{^signed}}
{{#gateway}}
  const headers = {
    'x-client-id': CLIENT_ID,
    'x-client-secret': secret,
  };
{{/gateway}}
{{^gateway}}
  const headers = {};
{{/gateway}}
{{/signed}}
  headers['Content-Type'] = 'application/json';
{{#subkey}}
  headers['Ocp-Apim-Subscription-Key'] = env('IAMSMART_SUBSCRIPTION_KEY');
{{/subkey}}
{{#extra}}
{{EXTRA_HEADERS}}
{{/extra}}

  const response = await fetch(API_URL, { method: '{{METHOD}}', headers, body });
  const text = await response.text();
  console.log(`HTTP ${response.status}`);
  console.log(text);
{{#encrypt}}

  // Only `content` is encrypted; txID, code and message are in clear.
  let envelope = null;
  try {
    envelope = JSON.parse(text);
  } catch {
    envelope = null;
  }
  if (envelope !== null && typeof envelope === 'object' && typeof envelope.content === 'string') {
    console.log(`Decrypted content: ${decrypt(cek, envelope.content)}`);
  }
{{/encrypt}}
{{#jwe}}

  // 202 {"status":"pending"} until the user answers; then 200 with `result`, a compact JWE encrypted to your
  // RSA public key.
  let answer = null;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = null;
  }
  if (answer !== null && typeof answer === 'object' && typeof answer.result === 'string') {
    const { header, plaintext } = decryptJwe(privateKey, answer.result);
    console.log(`JWE header: ${header}`);
    console.log(`Decrypted result: ${plaintext}`);
  }
{{/jwe}}
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
)TPL";

const char* const javaTemplate = R"TPL({{HEADER}}
import java.net.URI;
{{#sign}}
import java.net.URLEncoder;
{{/sign}}
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
{{#encrypt}}
import java.nio.ByteBuffer;
{{/encrypt}}
import java.nio.charset.StandardCharsets;
{{#jwe}}
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
{{/jwe}}
{{#random}}
import java.security.SecureRandom;
{{/random}}
{{#jwe}}
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
{{/jwe}}
{{#base64}}
import java.util.Base64;
{{/base64}}
{{#random}}
import java.util.HexFormat;
{{/random}}
{{#aead}}
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
{{/aead}}
{{#sign}}
import javax.crypto.Mac;
{{/sign}}
{{#aead}}
import javax.crypto.spec.GCMParameterSpec;
{{/aead}}
{{#jwe}}
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
{{/jwe}}
{{#base64}}
import javax.crypto.spec.SecretKeySpec;
{{/base64}}

public class IamSmartSample {
    static final String URL = {{URL}};
{{#clientid}}
    static final String CLIENT_ID = {{CLIENT_ID}};
{{/clientid}}
{{^gateway}}
    // The body as compact JSON: exactly these bytes are encrypted and signed.
{{/gateway}}
{{#gateway}}
    // The body as compact JSON, sent as is: the gateway neither signs nor encrypts requests.
{{/gateway}}
    static final String BODY = {{BODY}};
{{#random}}
    static final SecureRandom RANDOM = new SecureRandom();
{{/random}}
{{#secrets}}

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            System.err.println("error: set the environment variable " + name);
            System.exit(2);
        }
        return value;
    }
{{/secrets}}
{{#encrypt}}

    // AES-256-GCM, random 12-byte IV, no AAD: Base64(uint32-BE IV length | IV | ciphertext | 16-byte tag).
    static String encrypt(byte[] cek, byte[] plaintext) throws Exception {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plaintext); // ciphertext | tag
        ByteBuffer blob = ByteBuffer.allocate(4 + iv.length + sealed.length); // big-endian
        blob.putInt(iv.length).put(iv).put(sealed);
        return Base64.getEncoder().encodeToString(blob.array());
    }

    static String decrypt(byte[] cek, String content) throws Exception {
        ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(content));
        if (blob.remaining() < 32 || blob.getInt() != 12) {
            throw new IllegalArgumentException("not an AES-GCM content blob (the IV length must be 12)");
        }
        byte[] iv = new byte[12];
        blob.get(iv);
        byte[] sealed = new byte[blob.remaining()];
        blob.get(sealed);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
        return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
    }
{{/encrypt}}
{{#jwe}}

    // java.security reads PKCS#8 keys only: the PEM must say BEGIN PRIVATE KEY (the console saves keys so). Convert
    // a PKCS#1 key (BEGIN RSA PRIVATE KEY) with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem
    static PrivateKey readPrivateKey(String path) throws Exception {
        String pem = Files.readString(Path.of(path), StandardCharsets.US_ASCII);
        Matcher body = Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----")
                .matcher(pem);
        if (!body.find()) {
            throw new IllegalArgumentException(path + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY)");
        }
        byte[] der = Base64.getMimeDecoder().decode(body.group(1));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    // A compact JWE made with RSA-OAEP or RSA-OAEP-256 and A256GCM: returns {protected header, plaintext}.
    static String[] decryptJwe(PrivateKey key, String compact) throws Exception {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("not a compact JWE (five dot-separated parts)");
        }
        Base64.Decoder base64Url = Base64.getUrlDecoder(); // padding optional
        String header = new String(base64Url.decode(parts[0]), StandardCharsets.UTF_8);
        if (!Pattern.compile("\"enc\"\\s*:\\s*\"A256GCM\"").matcher(header).find()) {
            throw new IllegalArgumentException("expected enc A256GCM, got " + header);
        }
        // The header's alg names the OAEP digest, used for MGF1 too: RSA-OAEP is SHA-1, RSA-OAEP-256 is SHA-256.
        // Spelled out: "OAEPWithSHA-256AndMGF1Padding" would use MGF1 with SHA-1.
        Matcher alg = Pattern.compile("\"alg\"\\s*:\\s*\"([^\"\\\\]*)\"").matcher(header);
        String algName = alg.find() ? alg.group(1) : "";
        OAEPParameterSpec oaep;
        if (algName.equals("RSA-OAEP")) {
            oaep = new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
        } else if (algName.equals("RSA-OAEP-256")) {
            oaep = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
        } else {
            throw new IllegalArgumentException("expected alg RSA-OAEP or RSA-OAEP-256, got " + header);
        }
        // RSA-OAEP unwraps the content encryption key...
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.DECRYPT_MODE, key, oaep);
        byte[] cek = rsa.doFinal(base64Url.decode(parts[1]));
        // ...then AES-256-GCM, whose additional authenticated data is the header part exactly as sent (ASCII).
        byte[] ciphertext = base64Url.decode(parts[3]);
        byte[] tag = base64Url.decode(parts[4]);
        byte[] sealed = new byte[ciphertext.length + tag.length]; // ciphertext | tag, as javax.crypto wants it
        System.arraycopy(ciphertext, 0, sealed, 0, ciphertext.length);
        System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"),
                new GCMParameterSpec(128, base64Url.decode(parts[2])));
        aes.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
        return new String[] {header, new String(aes.doFinal(sealed), StandardCharsets.UTF_8)};
    }
{{/jwe}}

    public static void main(String[] args) throws Exception {
{{#secret}}
        String secret = env("IAMSMART_CLIENT_SECRET");
{{/secret}}
{{#jwe}}
        // Read before the call: the gateway deletes a completed result after the first successful poll.
        PrivateKey privateKey = readPrivateKey(env("IAMSMART_PRIVATE_KEY"));
{{/jwe}}
{{#encrypt}}
        String cekHex = env("IAMSMART_CEK_HEX");
        if (!cekHex.matches("[0-9a-fA-F]{64}")) {
            System.err.println("error: IAMSMART_CEK_HEX must be 64 hex digits (a 32-byte AES-256 key)");
            System.exit(2);
        }
        byte[] cek = HexFormat.of().parseHex(cekHex);
{{/encrypt}}
        System.out.println("{{METHOD}} " + URL);
        System.out.println("Request body: " + BODY);
{{#encrypt}}
        String body = "{\"content\":\"" + encrypt(cek, BODY.getBytes(StandardCharsets.UTF_8)) + "\"}";
        System.out.println("Encrypted body: " + body);
{{/encrypt}}
{{^encrypt}}
        String body = BODY;
{{/encrypt}}

        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL));
{{#signed}}
        String timestamp = Long.toString(System.currentTimeMillis()); // epoch milliseconds
        byte[] nonceBytes = new byte[16];
        RANDOM.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes); // 32 random hex characters
        request.header("clientID", CLIENT_ID)
                .header("signatureMethod", "HmacSHA256")
                .header("timestamp", timestamp)
                .header("nonce", nonce);
{{#sign}}
        // clientID + signatureMethod + timestamp + nonce + the exact body bytes, no separators.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(
                (CLIENT_ID + "HmacSHA256" + timestamp + nonce + body).getBytes(StandardCharsets.UTF_8));
        // Base64, then URL-encoded: + -> %2B, / -> %2F, = -> %3D
        request.header("signature",
                URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8));
{{/sign}}
{{/signed}}
{{#gateway}}
        request.header("x-client-id", CLIENT_ID).header("x-client-secret", secret);
{{/gateway}}
        request.header("Content-Type", "application/json");
{{#subkey}}
        request.header("Ocp-Apim-Subscription-Key", env("IAMSMART_SUBSCRIPTION_KEY"));
{{/subkey}}
{{#extra}}
{{EXTRA_HEADERS}}
{{/extra}}
        request.method("{{METHOD}}", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));

        // HTTP/1.1: the default (HTTP/2) would try an h2c upgrade on plain http:// URLs.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response =
                client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        System.out.println("HTTP " + response.statusCode());
        System.out.println(response.body());
{{#encrypt}}

        // Only `content` is encrypted; txID, code and message are in clear. java.base has no JSON parser: Base64
        // has no characters JSON escapes, so this pattern reads a string `content` exactly.
        Matcher content = Pattern.compile("\"content\"\\s*:\\s*\"([A-Za-z0-9+/=]*)\"").matcher(response.body());
        if (content.find()) {
            System.out.println("Decrypted content: " + decrypt(cek, content.group(1)));
        }
{{/encrypt}}
{{#jwe}}

        // 202 {"status":"pending"} until the user answers; then 200 with `result`, a compact JWE encrypted to your
        // RSA public key. java.base has no JSON parser: Base64url and dots are never escaped in JSON, so this
        // pattern reads a string `result` exactly.
        Matcher result = Pattern.compile("\"result\"\\s*:\\s*\"([A-Za-z0-9_.-]+)\"").matcher(response.body());
        if (result.find()) {
            String[] jwe = decryptJwe(privateKey, result.group(1));
            System.out.println("JWE header: " + jwe[0]);
            System.out.println("Decrypted result: " + jwe[1]);
        }
{{/jwe}}
    }
}
)TPL";

const char* const cSharpTemplate = R"TPL({{HEADER}}
using System;
{{#encrypt}}
using System.Buffers.Binary;
{{/encrypt}}
{{#signed}}
using System.Globalization;
{{/signed}}
{{#jwe}}
using System.IO;
{{/jwe}}
{{#sign}}
using System.Linq;
{{/sign}}
using System.Net.Http;
using System.Net.Http.Headers;
{{#crypto}}
using System.Security.Cryptography;
{{/crypto}}
using System.Text;
{{#json}}
using System.Text.Json;
{{/json}}

const string Url = {{URL}};
{{#clientid}}
const string ClientId = {{CLIENT_ID}};
{{/clientid}}
{{^gateway}}
// The body as compact JSON: exactly these bytes are encrypted and signed.
{{/gateway}}
{{#gateway}}
// The body as compact JSON, sent as is: the gateway neither signs nor encrypts requests.
{{/gateway}}
const string Body = {{BODY}};

{{#secret}}
var secret = Env("IAMSMART_CLIENT_SECRET");
{{/secret}}
{{#jwe}}
// Read before the call: the gateway deletes a completed result after the first successful poll.
using var privateKey = RSA.Create();
privateKey.ImportFromPem(File.ReadAllText(Env("IAMSMART_PRIVATE_KEY"))); // PKCS#8 or PKCS#1, unencrypted
{{/jwe}}
{{#encrypt}}
var cekHex = Env("IAMSMART_CEK_HEX");
if (cekHex.Length != 64)
    throw new InvalidOperationException("IAMSMART_CEK_HEX must be 64 hex digits (a 32-byte AES-256 key)");
var cek = Convert.FromHexString(cekHex);
{{/encrypt}}
Console.WriteLine("{{METHOD}} " + Url);
Console.WriteLine("Request body: " + Body);
{{#encrypt}}
var body = Encoding.UTF8.GetBytes("{\"content\":\"" + Encrypt(cek, Encoding.UTF8.GetBytes(Body)) + "\"}");
Console.WriteLine("Encrypted body: " + Encoding.UTF8.GetString(body));
{{/encrypt}}
{{^encrypt}}
var body = Encoding.UTF8.GetBytes(Body);
{{/encrypt}}

using var request = new HttpRequestMessage(new HttpMethod("{{METHOD}}"), Url);
{{#signed}}
var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture); // epoch ms
var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(); // 32 random hex characters
request.Headers.TryAddWithoutValidation("clientID", ClientId);
request.Headers.TryAddWithoutValidation("signatureMethod", "HmacSHA256");
request.Headers.TryAddWithoutValidation("timestamp", timestamp);
request.Headers.TryAddWithoutValidation("nonce", nonce);
{{#sign}}
// clientID + signatureMethod + timestamp + nonce + the exact body bytes, no separators.
var stringToSign = Encoding.UTF8.GetBytes(ClientId + "HmacSHA256" + timestamp + nonce).Concat(body).ToArray();
var digest = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), stringToSign);
// Base64, then URL-encoded: + -> %2B, / -> %2F, = -> %3D
request.Headers.TryAddWithoutValidation("signature", Uri.EscapeDataString(Convert.ToBase64String(digest)));
{{/sign}}
{{/signed}}
{{#gateway}}
request.Headers.TryAddWithoutValidation("x-client-id", ClientId);
request.Headers.TryAddWithoutValidation("x-client-secret", secret);
{{/gateway}}
{{#subkey}}
request.Headers.TryAddWithoutValidation("Ocp-Apim-Subscription-Key", Env("IAMSMART_SUBSCRIPTION_KEY"));
{{/subkey}}
{{#extra}}
{{EXTRA_HEADERS}}
{{/extra}}
request.Content = new ByteArrayContent(body);
// Content-Type: application/json (a content header in .NET), without the charset StringContent would add.
request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

using var http = new HttpClient();
using var response = await http.SendAsync(request);
var text = await response.Content.ReadAsStringAsync();
Console.WriteLine("HTTP " + (int)response.StatusCode);
Console.WriteLine(text);
{{#encrypt}}

// Only `content` is encrypted; txID, code and message are in clear.
try
{
    using var envelope = JsonDocument.Parse(text);
    if (envelope.RootElement.ValueKind == JsonValueKind.Object
        && envelope.RootElement.TryGetProperty("content", out var content)
        && content.ValueKind == JsonValueKind.String)
        Console.WriteLine("Decrypted content: " + Decrypt(cek, content.GetString()!));
}
catch (JsonException)
{
    // Not JSON: already printed as it came.
}
{{/encrypt}}
{{#jwe}}

// 202 {"status":"pending"} until the user answers; then 200 with `result`, a compact JWE encrypted to your
// RSA public key.
try
{
    using var answer = JsonDocument.Parse(text);
    if (answer.RootElement.ValueKind == JsonValueKind.Object
        && answer.RootElement.TryGetProperty("result", out var result)
        && result.ValueKind == JsonValueKind.String)
    {
        var (header, plaintext) = DecryptJwe(privateKey, result.GetString()!);
        Console.WriteLine("JWE header: " + header);
        Console.WriteLine("Decrypted result: " + plaintext);
    }
}
catch (JsonException)
{
    // Not JSON: already printed as it came.
}
{{/jwe}}
{{#secrets}}

static string Env(string name)
{
    var value = Environment.GetEnvironmentVariable(name);
    if (string.IsNullOrEmpty(value))
    {
        Console.Error.WriteLine("error: set the environment variable " + name);
        Environment.Exit(2);
    }
    return value!;
}
{{/secrets}}
{{#encrypt}}

// AES-256-GCM, random 12-byte IV, no AAD: Base64(uint32-BE IV length | IV | ciphertext | 16-byte tag).
static string Encrypt(byte[] cek, byte[] plaintext)
{
    var blob = new byte[4 + 12 + plaintext.Length + 16];
    BinaryPrimitives.WriteUInt32BigEndian(blob, 12);
    var iv = blob.AsSpan(4, 12);
    RandomNumberGenerator.Fill(iv);
    using var aes = new AesGcm(cek, 16);
    aes.Encrypt(iv, plaintext, blob.AsSpan(16, plaintext.Length), blob.AsSpan(16 + plaintext.Length, 16));
    return Convert.ToBase64String(blob);
}

static string Decrypt(byte[] cek, string content)
{
    var blob = Convert.FromBase64String(content);
    if (blob.Length < 32 || BinaryPrimitives.ReadUInt32BigEndian(blob) != 12)
        throw new InvalidOperationException("not an AES-GCM content blob (the IV length must be 12)");
    var plaintext = new byte[blob.Length - 32];
    using var aes = new AesGcm(cek, 16);
    aes.Decrypt(blob.AsSpan(4, 12), blob.AsSpan(16, plaintext.Length), blob.AsSpan(blob.Length - 16), plaintext);
    return Encoding.UTF8.GetString(plaintext);
}
{{/encrypt}}
{{#jwe}}

static byte[] Base64Url(string part)
{
    var base64 = part.Replace('-', '+').Replace('_', '/');
    return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
}

// A compact JWE made with RSA-OAEP or RSA-OAEP-256 and A256GCM: its protected header and plaintext.
static (string Header, string Plaintext) DecryptJwe(RSA key, string compact)
{
    var parts = compact.Split('.');
    if (parts.Length != 5)
        throw new InvalidOperationException("not a compact JWE (five dot-separated parts)");
    var header = Encoding.UTF8.GetString(Base64Url(parts[0]));
    RSAEncryptionPadding oaep;
    using (var fields = JsonDocument.Parse(header))
    {
        var root = fields.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("enc", out var enc) || enc.ValueKind != JsonValueKind.String
            || enc.GetString() != "A256GCM")
            throw new InvalidOperationException("expected enc A256GCM, got " + header);
        // The header's alg names the OAEP digest, used for MGF1 too: RSA-OAEP is SHA-1, RSA-OAEP-256 is SHA-256.
        var alg = root.TryGetProperty("alg", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        oaep = alg switch
        {
            "RSA-OAEP" => RSAEncryptionPadding.OaepSHA1,
            "RSA-OAEP-256" => RSAEncryptionPadding.OaepSHA256,
            _ => throw new InvalidOperationException("expected alg RSA-OAEP or RSA-OAEP-256, got " + header),
        };
    }
    // RSA-OAEP unwraps the content encryption key...
    var cek = key.Decrypt(Base64Url(parts[1]), oaep);
    // ...then AES-256-GCM, whose additional authenticated data is the header part exactly as sent (ASCII).
    var ciphertext = Base64Url(parts[3]);
    var plaintext = new byte[ciphertext.Length];
    using var aes = new AesGcm(cek, 16);
    aes.Decrypt(Base64Url(parts[2]), ciphertext, Base64Url(parts[4]), plaintext, Encoding.ASCII.GetBytes(parts[0]));
    return (header, Encoding.UTF8.GetString(plaintext));
}
{{/jwe}}
)TPL";

const char* const objectiveCTemplate = R"TPL({{HEADER}}
#import <Foundation/Foundation.h>
{{#sign}}
#import <CommonCrypto/CommonHMAC.h>
{{/sign}}
{{#random}}
#import <Security/SecRandom.h>
{{/random}}
{{#aead}}
#include <openssl/evp.h>
{{/aead}}
{{#jwe}}
#include <openssl/pem.h>
#include <openssl/rsa.h>
{{/jwe}}

static NSString* const kUrl = {{URL}};
{{#clientid}}
static NSString* const kClientId = {{CLIENT_ID}};
{{/clientid}}
{{^gateway}}
// The body as compact JSON: exactly these bytes are encrypted and signed.
{{/gateway}}
{{#gateway}}
// The body as compact JSON, sent as is: the gateway neither signs nor encrypts requests.
{{/gateway}}
static NSString* const kBody = {{BODY}};
{{#secrets}}

static NSString* Env(NSString* name)
{
    NSString* value = NSProcessInfo.processInfo.environment[name];
    if (value.length == 0) {
        fprintf(stderr, "error: set the environment variable %s\n", name.UTF8String);
        exit(2);
    }
    return value;
}
{{/secrets}}
{{#random}}

static NSData* RandomBytes(size_t count)
{
    NSMutableData* data = [NSMutableData dataWithLength:count];
    if (SecRandomCopyBytes(kSecRandomDefault, count, data.mutableBytes) != errSecSuccess) {
        fprintf(stderr, "error: no random bytes\n");
        exit(1);
    }
    return data;
}
{{/random}}
{{#signed}}

static NSString* Hex(NSData* data)
{
    NSMutableString* hex = [NSMutableString stringWithCapacity:data.length * 2];
    const uint8_t* bytes = data.bytes;
    for (NSUInteger i = 0; i < data.length; ++i)
        [hex appendFormat:@"%02x", bytes[i]];
    return hex;
}
{{/signed}}
{{#encrypt}}

static int HexDigit(unichar c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The CEK from 64 hex digits, or nil.
static NSData* KeyFromHex(NSString* hex)
{
    if (hex.length != 64)
        return nil;
    uint8_t key[32];
    for (NSUInteger i = 0; i < 32; ++i) {
        int high = HexDigit([hex characterAtIndex:2 * i]);
        int low = HexDigit([hex characterAtIndex:2 * i + 1]);
        if (high < 0 || low < 0)
            return nil;
        key[i] = (uint8_t)(high << 4 | low);
    }
    return [NSData dataWithBytes:key length:sizeof key];
}

// AES-256-GCM with OpenSSL's EVP API, random 12-byte IV, no AAD:
// Base64(uint32-BE IV length | IV | ciphertext | 16-byte tag), or nil.
static NSString* AesGcmEncrypt(NSData* cek, NSData* plaintext)
{
    NSData* iv = RandomBytes(12);
    NSMutableData* blob = [NSMutableData dataWithLength:4 + 12 + plaintext.length + 16];
    uint8_t* out = blob.mutableBytes;
    out[3] = 12; // bytes 0-2 stay zero
    memcpy(out + 4, iv.bytes, 12);
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    int length = 0;
    const int ok = ctx != NULL && EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, 12, NULL) == 1
        && EVP_EncryptInit_ex(ctx, NULL, NULL, cek.bytes, iv.bytes) == 1
        && EVP_EncryptUpdate(ctx, out + 16, &length, plaintext.bytes, (int)plaintext.length) == 1
        && EVP_EncryptFinal_ex(ctx, out + 16 + length, &length) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, out + 16 + plaintext.length) == 1;
    EVP_CIPHER_CTX_free(ctx);
    return ok ? [blob base64EncodedStringWithOptions:0] : nil;
}

// The plaintext of a content blob, or nil when it is malformed or its tag does not verify.
static NSData* AesGcmDecrypt(NSData* cek, NSString* content)
{
    NSData* blob = [[NSData alloc] initWithBase64EncodedString:content options:0];
    if (blob.length < 32)
        return nil;
    const uint8_t* in = blob.bytes;
    const uint32_t ivLength = (uint32_t)in[0] << 24 | (uint32_t)in[1] << 16 | (uint32_t)in[2] << 8 | in[3];
    if (ivLength != 12)
        return nil;
    const int cipherLength = (int)blob.length - 32;
    NSMutableData* plaintext = [NSMutableData dataWithLength:cipherLength + 16];
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    int length = 0;
    const int ok = ctx != NULL && EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, 12, NULL) == 1
        && EVP_DecryptInit_ex(ctx, NULL, NULL, cek.bytes, in + 4) == 1
        && EVP_DecryptUpdate(ctx, plaintext.mutableBytes, &length, in + 16, cipherLength) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, (void*)(in + 16 + cipherLength)) == 1
        && EVP_DecryptFinal_ex(ctx, (uint8_t*)plaintext.mutableBytes + length, &length) == 1;
    EVP_CIPHER_CTX_free(ctx);
    plaintext.length = cipherLength;
    return ok ? plaintext : nil;
}
{{/encrypt}}
{{#jwe}}

// An unencrypted PEM private key (PKCS#8 or PKCS#1), or NULL.
static EVP_PKEY* ReadPrivateKey(NSString* path)
{
    NSData* pem = [NSData dataWithContentsOfFile:path];
    if (pem == nil)
        return NULL;
    BIO* bio = BIO_new_mem_buf(pem.bytes, (int)pem.length);
    EVP_PKEY* key = bio != NULL ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : NULL;
    BIO_free(bio);
    return key;
}

static NSData* Base64Url(NSString* part)
{
    NSMutableString* base64 = [part mutableCopy];
    [base64 replaceOccurrencesOfString:@"-" withString:@"+" options:0 range:NSMakeRange(0, base64.length)];
    [base64 replaceOccurrencesOfString:@"_" withString:@"/" options:0 range:NSMakeRange(0, base64.length)];
    while (base64.length % 4 != 0)
        [base64 appendString:@"="];
    return [[NSData alloc] initWithBase64EncodedString:base64 options:0];
}

// The plaintext of a compact JWE made with RSA-OAEP or RSA-OAEP-256 and A256GCM, its protected header in *header;
// nil when it is malformed, uses other algorithms (said on stderr), or does not decrypt with this key.
static NSData* DecryptJwe(EVP_PKEY* key, NSString* compact, NSString** header)
{
    NSArray<NSString*>* parts = [compact componentsSeparatedByString:@"."];
    if (parts.count != 5)
        return nil;
    NSData* headerData = Base64Url(parts[0]);
    NSData* encryptedKey = Base64Url(parts[1]);
    NSData* iv = Base64Url(parts[2]);
    NSData* ciphertext = Base64Url(parts[3]);
    NSData* tag = Base64Url(parts[4]);
    if (headerData == nil || encryptedKey == nil || iv.length != 12 || ciphertext == nil || tag.length != 16)
        return nil;
    id fields = [NSJSONSerialization JSONObjectWithData:headerData options:0 error:NULL];
    NSString* text = [[NSString alloc] initWithData:headerData encoding:NSUTF8StringEncoding];
    const char* shown = text != nil ? text.UTF8String : "(not UTF-8)";
    if (![fields isKindOfClass:NSDictionary.class] || ![fields[@"enc"] isEqual:@"A256GCM"]) {
        fprintf(stderr, "error: expected enc A256GCM, got %s\n", shown);
        return nil;
    }
    // The header's alg names the OAEP digest, used for MGF1 too: RSA-OAEP is SHA-1, RSA-OAEP-256 is SHA-256.
    const EVP_MD* digest = NULL;
    if ([fields[@"alg"] isEqual:@"RSA-OAEP"])
        digest = EVP_sha1();
    else if ([fields[@"alg"] isEqual:@"RSA-OAEP-256"])
        digest = EVP_sha256();
    if (digest == NULL) {
        fprintf(stderr, "error: expected alg RSA-OAEP or RSA-OAEP-256, got %s\n", shown);
        return nil;
    }
    *header = text;

    // RSA-OAEP unwraps the content encryption key...
    uint8_t cek[512]; // room for keys up to 4096 bits
    size_t cekLength = sizeof cek;
    EVP_PKEY_CTX* rsa = EVP_PKEY_CTX_new(key, NULL);
    int ok = rsa != NULL && EVP_PKEY_decrypt_init(rsa) == 1
        && EVP_PKEY_CTX_set_rsa_padding(rsa, RSA_PKCS1_OAEP_PADDING) == 1
        && EVP_PKEY_CTX_set_rsa_oaep_md(rsa, digest) == 1 && EVP_PKEY_CTX_set_rsa_mgf1_md(rsa, digest) == 1
        && EVP_PKEY_decrypt(rsa, cek, &cekLength, encryptedKey.bytes, encryptedKey.length) == 1 && cekLength == 32;
    EVP_PKEY_CTX_free(rsa);

    // ...then AES-256-GCM, whose additional authenticated data is the header part exactly as sent (ASCII).
    NSData* aad = [parts[0] dataUsingEncoding:NSASCIIStringEncoding];
    NSMutableData* plaintext = [NSMutableData dataWithLength:ciphertext.length + 16];
    EVP_CIPHER_CTX* ctx = ok ? EVP_CIPHER_CTX_new() : NULL;
    int length = 0;
    int finalLength = 0;
    ok = ctx != NULL && EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, 12, NULL) == 1
        && EVP_DecryptInit_ex(ctx, NULL, NULL, cek, iv.bytes) == 1
        && EVP_DecryptUpdate(ctx, NULL, &length, aad.bytes, (int)aad.length) == 1
        && EVP_DecryptUpdate(ctx, plaintext.mutableBytes, &length, ciphertext.bytes, (int)ciphertext.length) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, (void*)tag.bytes) == 1
        && EVP_DecryptFinal_ex(ctx, (uint8_t*)plaintext.mutableBytes + length, &finalLength) == 1;
    EVP_CIPHER_CTX_free(ctx);
    OPENSSL_cleanse(cek, sizeof cek);
    plaintext.length = ciphertext.length;
    return ok ? plaintext : nil;
}
{{/jwe}}
{{#sign}}

// URL-encode(Base64(HMAC-SHA256(secret as UTF-8, stringToSign))).
static NSString* Signature(NSString* secret, NSData* stringToSign)
{
    NSData* key = [secret dataUsingEncoding:NSUTF8StringEncoding];
    uint8_t digest[CC_SHA256_DIGEST_LENGTH];
    CCHmac(kCCHmacAlgSHA256, key.bytes, key.length, stringToSign.bytes, stringToSign.length, digest);
    NSString* base64 = [[NSData dataWithBytes:digest length:sizeof digest] base64EncodedStringWithOptions:0];
    // + -> %2B, / -> %2F, = -> %3D: the only Base64 characters that need it.
    base64 = [base64 stringByReplacingOccurrencesOfString:@"+" withString:@"%2B"];
    base64 = [base64 stringByReplacingOccurrencesOfString:@"/" withString:@"%2F"];
    return [base64 stringByReplacingOccurrencesOfString:@"=" withString:@"%3D"];
}
{{/sign}}

int main(void)
{
    @autoreleasepool {
{{#secret}}
        NSString* secret = Env(@"IAMSMART_CLIENT_SECRET");
{{/secret}}
{{#jwe}}
        // Read before the call: the gateway deletes a completed result after the first successful poll.
        EVP_PKEY* privateKey = ReadPrivateKey(Env(@"IAMSMART_PRIVATE_KEY"));
        if (privateKey == NULL) {
            fprintf(stderr, "error: IAMSMART_PRIVATE_KEY must name an unencrypted PEM RSA private key\n");
            return 2;
        }
{{/jwe}}
{{#encrypt}}
        NSData* cek = KeyFromHex(Env(@"IAMSMART_CEK_HEX"));
        if (cek == nil) {
            fprintf(stderr, "error: IAMSMART_CEK_HEX must be 64 hex digits (a 32-byte AES-256 key)\n");
            return 2;
        }
{{/encrypt}}
        printf("{{METHOD}} %s\nRequest body: %s\n", kUrl.UTF8String, kBody.UTF8String);
{{#encrypt}}
        NSString* content = AesGcmEncrypt(cek, [kBody dataUsingEncoding:NSUTF8StringEncoding]);
        if (content == nil) {
            fprintf(stderr, "error: AES-GCM encryption failed\n");
            return 1;
        }
        NSData* body = [[NSString stringWithFormat:@"{\"content\":\"%@\"}", content]
            dataUsingEncoding:NSUTF8StringEncoding];
        printf("Encrypted body: %s\n", [[NSString alloc] initWithData:body encoding:NSUTF8StringEncoding].UTF8String);
{{/encrypt}}
{{^encrypt}}
        NSData* body = [kBody dataUsingEncoding:NSUTF8StringEncoding];
{{/encrypt}}

        NSMutableURLRequest* request = [NSMutableURLRequest requestWithURL:[NSURL URLWithString:kUrl]];
        request.HTTPMethod = @"{{METHOD}}";
{{#signed}}
        NSString* timestamp = [NSString stringWithFormat:@"%lld",
            (long long)(NSDate.date.timeIntervalSince1970 * 1000)]; // epoch milliseconds
        NSString* nonce = Hex(RandomBytes(16)); // 32 random hex characters
        [request setValue:kClientId forHTTPHeaderField:@"clientID"];
        [request setValue:@"HmacSHA256" forHTTPHeaderField:@"signatureMethod"];
        [request setValue:timestamp forHTTPHeaderField:@"timestamp"];
        [request setValue:nonce forHTTPHeaderField:@"nonce"];
{{#sign}}
        // clientID + signatureMethod + timestamp + nonce + the exact body bytes, no separators.
        NSMutableData* stringToSign = [[[NSString stringWithFormat:@"%@HmacSHA256%@%@", kClientId, timestamp, nonce]
            dataUsingEncoding:NSUTF8StringEncoding] mutableCopy];
        [stringToSign appendData:body];
        [request setValue:Signature(secret, stringToSign) forHTTPHeaderField:@"signature"];
{{/sign}}
{{/signed}}
{{#gateway}}
        [request setValue:kClientId forHTTPHeaderField:@"x-client-id"];
        [request setValue:secret forHTTPHeaderField:@"x-client-secret"];
{{/gateway}}
        [request setValue:@"application/json" forHTTPHeaderField:@"Content-Type"];
{{#subkey}}
        [request setValue:Env(@"IAMSMART_SUBSCRIPTION_KEY") forHTTPHeaderField:@"Ocp-Apim-Subscription-Key"];
{{/subkey}}
{{#extra}}
{{EXTRA_HEADERS}}
{{/extra}}
        request.HTTPBody = body;

        dispatch_semaphore_t done = dispatch_semaphore_create(0);
        __block NSData* responseBody = nil;
        __block NSInteger status = 0;
        __block NSError* failure = nil;
        NSURLSessionDataTask* task = [NSURLSession.sharedSession dataTaskWithRequest:request
            completionHandler:^(NSData* data, NSURLResponse* response, NSError* error) {
                responseBody = data;
                status = [response isKindOfClass:NSHTTPURLResponse.class] ? ((NSHTTPURLResponse*)response).statusCode : 0;
                failure = error;
                dispatch_semaphore_signal(done);
            }];
        [task resume];
        dispatch_semaphore_wait(done, DISPATCH_TIME_FOREVER);
        if (failure != nil) {
            fprintf(stderr, "error: %s\n", failure.localizedDescription.UTF8String);
            return 1;
        }
        NSString* text = [[NSString alloc] initWithData:responseBody encoding:NSUTF8StringEncoding];
        printf("HTTP %ld\n%s\n", (long)status, text.UTF8String);
{{#encrypt}}

        // Only `content` is encrypted; txID, code and message are in clear.
        id envelope = [NSJSONSerialization JSONObjectWithData:responseBody options:0 error:NULL];
        if ([envelope isKindOfClass:NSDictionary.class] && [envelope[@"content"] isKindOfClass:NSString.class]) {
            NSData* plaintext = AesGcmDecrypt(cek, envelope[@"content"]);
            if (plaintext == nil) {
                fprintf(stderr, "error: the response content does not decrypt with this CEK\n");
                return 1;
            }
            printf("Decrypted content: %s\n",
                [[NSString alloc] initWithData:plaintext encoding:NSUTF8StringEncoding].UTF8String);
        }
{{/encrypt}}
{{#jwe}}

        // 202 {"status":"pending"} until the user answers; then 200 with `result`, a compact JWE encrypted to
        // your RSA public key.
        id answer = [NSJSONSerialization JSONObjectWithData:responseBody options:0 error:NULL];
        if ([answer isKindOfClass:NSDictionary.class] && [answer[@"result"] isKindOfClass:NSString.class]) {
            NSString* header = nil;
            NSData* plaintext = DecryptJwe(privateKey, answer[@"result"], &header);
            if (plaintext == nil) {
                fprintf(stderr, "error: the result is not an RSA-OAEP(-256)/A256GCM JWE for this private key\n");
                return 1;
            }
            printf("JWE header: %s\nDecrypted result: %s\n", header.UTF8String,
                [[NSString alloc] initWithData:plaintext encoding:NSUTF8StringEncoding].UTF8String);
        }
        EVP_PKEY_free(privateKey);
{{/jwe}}
    }
    return 0;
}
)TPL";

const char* const phpTemplate = R"TPL(<?php
{{HEADER}}
declare(strict_types=1);

const API_URL = {{URL}};
{{#clientid}}
const CLIENT_ID = {{CLIENT_ID}};
{{/clientid}}
{{^gateway}}
// The body as compact JSON: exactly these bytes are encrypted and signed.
{{/gateway}}
{{#gateway}}
// The body as compact JSON, sent as is: the gateway neither signs nor encrypts requests.
{{/gateway}}
const BODY = {{BODY}};
{{#secrets}}

function env(string $name): string
{
    $value = getenv($name);
    if ($value === false || $value === '') {
        fwrite(STDERR, "error: set the environment variable $name\n");
        exit(2);
    }
    return $value;
}
{{/secrets}}
{{#encrypt}}

// AES-256-GCM, random 12-byte IV, no AAD: Base64(uint32-BE IV length | IV | ciphertext | 16-byte tag).
function encrypt(string $cek, string $plaintext): string
{
    $iv = random_bytes(12);
    $tag = '';
    $ciphertext = openssl_encrypt($plaintext, 'aes-256-gcm', $cek, OPENSSL_RAW_DATA, $iv, $tag, '', 16);
    if ($ciphertext === false) {
        throw new RuntimeException('AES-GCM encryption failed: ' . openssl_error_string());
    }
    return base64_encode(pack('N', strlen($iv)) . $iv . $ciphertext . $tag);
}

function decrypt(string $cek, string $content): string
{
    $blob = base64_decode($content, true);
    if ($blob === false || strlen($blob) < 32 || unpack('N', $blob)[1] !== 12) {
        throw new RuntimeException('not an AES-GCM content blob (the IV length must be 12)');
    }
    $plaintext = openssl_decrypt(substr($blob, 16, -16), 'aes-256-gcm', $cek, OPENSSL_RAW_DATA,
        substr($blob, 4, 12), substr($blob, -16));
    if ($plaintext === false) {
        throw new RuntimeException('the response content does not decrypt with this CEK');
    }
    return $plaintext;
}
{{/encrypt}}
{{#jwe}}

function base64url_decode(string $part): string
{
    $base64 = strtr($part, '-_', '+/');
    $bytes = base64_decode(str_pad($base64, strlen($base64) + (4 - strlen($base64) % 4) % 4, '='), true);
    if ($bytes === false) {
        throw new RuntimeException('the JWE has a part that is not Base64url');
    }
    return $bytes;
}

// The plaintext of a compact JWE made with RSA-OAEP or RSA-OAEP-256 and A256GCM.
function decrypt_jwe($privateKey, string $compact): string
{
    $parts = explode('.', $compact);
    if (count($parts) !== 5) {
        throw new RuntimeException('not a compact JWE (five dot-separated parts)');
    }
    $header = json_decode(base64url_decode($parts[0]), true);
    if (!is_array($header) || ($header['enc'] ?? null) !== 'A256GCM') {
        throw new RuntimeException('expected enc A256GCM, got ' . base64url_decode($parts[0]));
    }
    // RSA-OAEP unwraps the content encryption key; the header's alg names the OAEP digest, used for MGF1 too:
    // RSA-OAEP is SHA-1, RSA-OAEP-256 is SHA-256. openssl_private_decrypt's OAEP is SHA-1 on every PHP version;
    // its digest parameter came in PHP 8.5. Before 8.5, use a JOSE library for RSA-OAEP-256 (e.g.
    // web-token/jwt-library, or phpseclib for the RSA step).
    $alg = $header['alg'] ?? null;
    $encryptedKey = base64url_decode($parts[1]);
    $cek = '';
    if ($alg === 'RSA-OAEP') {
        $unwrapped = openssl_private_decrypt($encryptedKey, $cek, $privateKey, OPENSSL_PKCS1_OAEP_PADDING);
    } elseif ($alg === 'RSA-OAEP-256') {
        if (PHP_VERSION_ID < 80500) {
            throw new RuntimeException(
                'PHP ' . PHP_VERSION . ' cannot unwrap RSA-OAEP-256 keys: use PHP 8.5+ or a JOSE library');
        }
        $unwrapped = openssl_private_decrypt($encryptedKey, $cek, $privateKey, OPENSSL_PKCS1_OAEP_PADDING, 'sha256');
    } else {
        throw new RuntimeException('expected alg RSA-OAEP or RSA-OAEP-256, got ' . base64url_decode($parts[0]));
    }
    if (!$unwrapped || strlen($cek) !== 32) {
        throw new RuntimeException('the JWE key does not decrypt with this private key');
    }
    // ...then AES-256-GCM, whose additional authenticated data is the header part exactly as sent (ASCII).
    // openssl_decrypt does not check the tag length itself.
    $tag = base64url_decode($parts[4]);
    $plaintext = strlen($tag) === 16 ? openssl_decrypt(base64url_decode($parts[3]), 'aes-256-gcm', $cek,
        OPENSSL_RAW_DATA, base64url_decode($parts[2]), $tag, $parts[0]) : false;
    if ($plaintext === false) {
        throw new RuntimeException('the JWE does not decrypt (altered, or another key)');
    }
    return $plaintext;
}
{{/jwe}}

{{#secret}}
$secret = env('IAMSMART_CLIENT_SECRET');
{{/secret}}
{{#jwe}}
// Read before the call: the gateway deletes a completed result after the first successful poll.
$pem = file_get_contents(env('IAMSMART_PRIVATE_KEY'));
$privateKey = $pem === false ? false : openssl_pkey_get_private($pem);
if ($privateKey === false) {
    fwrite(STDERR, "error: IAMSMART_PRIVATE_KEY must name an unencrypted PEM RSA private key\n");
    exit(2);
}
{{/jwe}}
{{#encrypt}}
$cekHex = env('IAMSMART_CEK_HEX');
if (preg_match('/^[0-9a-fA-F]{64}$/', $cekHex) !== 1) {
    fwrite(STDERR, "error: IAMSMART_CEK_HEX must be 64 hex digits (a 32-byte AES-256 key)\n");
    exit(2);
}
$cek = hex2bin($cekHex);
{{/encrypt}}
echo '{{METHOD}} ', API_URL, "\n";
echo 'Request body: ', BODY, "\n";
{{#encrypt}}
$body = '{"content":"' . encrypt($cek, BODY) . '"}';
echo 'Encrypted body: ', $body, "\n";
{{/encrypt}}
{{^encrypt}}
$body = BODY;
{{/encrypt}}

$headers = [];
{{#signed}}
$timestamp = (string) (int) floor(microtime(true) * 1000); // epoch milliseconds
$nonce = bin2hex(random_bytes(16)); // 32 random hex characters
$headers[] = 'clientID: ' . CLIENT_ID;
$headers[] = 'signatureMethod: HmacSHA256';
$headers[] = 'timestamp: ' . $timestamp;
$headers[] = 'nonce: ' . $nonce;
{{#sign}}
// clientID + signatureMethod + timestamp + nonce + the exact body bytes, no separators.
$digest = hash_hmac('sha256', CLIENT_ID . 'HmacSHA256' . $timestamp . $nonce . $body, $secret, true);
// Base64, then URL-encoded: + -> %2B, / -> %2F, = -> %3D
$headers[] = 'signature: ' . rawurlencode(base64_encode($digest));
{{/sign}}
{{/signed}}
{{#gateway}}
$headers[] = 'x-client-id: ' . CLIENT_ID;
$headers[] = 'x-client-secret: ' . $secret;
{{/gateway}}
$headers[] = 'Content-Type: application/json';
{{#subkey}}
$headers[] = 'Ocp-Apim-Subscription-Key: ' . env('IAMSMART_SUBSCRIPTION_KEY');
{{/subkey}}
{{#extra}}
{{EXTRA_HEADERS}}
{{/extra}}
$headers[] = 'Expect:'; // no 100-continue round trip

$curl = curl_init(API_URL);
curl_setopt_array($curl, [
    CURLOPT_CUSTOMREQUEST => '{{METHOD}}',
    CURLOPT_POSTFIELDS => $body,
    CURLOPT_HTTPHEADER => $headers,
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_TIMEOUT => 30,
]);
$response = curl_exec($curl);
if ($response === false) {
    fwrite(STDERR, 'error: ' . curl_error($curl) . "\n");
    exit(1);
}
echo 'HTTP ', curl_getinfo($curl, CURLINFO_RESPONSE_CODE), "\n", $response, "\n";
{{#encrypt}}

// Only `content` is encrypted; txID, code and message are in clear.
$envelope = json_decode($response, true);
if (is_array($envelope) && isset($envelope['content']) && is_string($envelope['content'])) {
    echo 'Decrypted content: ', decrypt($cek, $envelope['content']), "\n";
}
{{/encrypt}}
{{#jwe}}

// 202 {"status":"pending"} until the user answers; then 200 with `result`, a compact JWE encrypted to your
// RSA public key.
$answer = json_decode($response, true);
if (is_array($answer) && isset($answer['result']) && is_string($answer['result'])) {
    echo 'JWE header: ', base64url_decode(explode('.', $answer['result'])[0]), "\n";
    echo 'Decrypted result: ', decrypt_jwe($privateKey, $answer['result']), "\n";
}
{{/jwe}}
)TPL";

const char* const rubyTemplate = R"TPL(#!/usr/bin/env ruby
{{HEADER}}
{{#json}}
require 'json'
{{/json}}
require 'net/http'
{{#base64}}
require 'openssl'
{{/base64}}
{{#random}}
require 'securerandom'
{{/random}}
require 'uri'

API_URL = {{URL}}
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

def env(name)
  value = ENV.fetch(name, '')
  abort("error: set the environment variable #{name}") if value.empty?
  value
end
{{/secrets}}
{{#encrypt}}

# AES-256-GCM, random 12-byte IV, no AAD: Base64(uint32-BE IV length | IV | ciphertext | 16-byte tag).
def encrypt(cek, plaintext)
  iv = SecureRandom.random_bytes(12)
  cipher = OpenSSL::Cipher.new('aes-256-gcm').encrypt
  cipher.key = cek
  cipher.iv = iv
  cipher.auth_data = ''
  ciphertext = cipher.update(plaintext) + cipher.final
  [[iv.bytesize].pack('N') + iv + ciphertext + cipher.auth_tag(16)].pack('m0')
end

def decrypt(cek, content)
  blob = content.unpack1('m0')
  raise 'not an AES-GCM content blob (the IV length must be 12)' unless blob.bytesize >= 32 && blob.unpack1('N') == 12

  cipher = OpenSSL::Cipher.new('aes-256-gcm').decrypt
  cipher.key = cek
  cipher.iv = blob.byteslice(4, 12)
  cipher.auth_tag = blob.byteslice(-16, 16)
  cipher.auth_data = ''
  (cipher.update(blob.byteslice(16, blob.bytesize - 32)) + cipher.final).force_encoding('UTF-8')
end
{{/encrypt}}
{{#jwe}}

def base64url_decode(part)
  base64 = part.tr('-_', '+/')
  (base64 + ('=' * (-base64.length % 4))).unpack1('m0')
end

# A compact JWE made with RSA-OAEP or RSA-OAEP-256 and A256GCM: [protected header, plaintext].
def decrypt_jwe(private_key, compact)
  parts = compact.split('.', -1)
  raise 'not a compact JWE (five dot-separated parts)' unless parts.length == 5

  header = base64url_decode(parts[0]).force_encoding('UTF-8')
  fields = JSON.parse(header)
  raise "expected enc A256GCM, got #{header}" unless fields.is_a?(Hash) && fields['enc'] == 'A256GCM'

  # The header's alg names the OAEP digest, used for MGF1 too: RSA-OAEP is SHA-1, RSA-OAEP-256 is SHA-256.
  digest = { 'RSA-OAEP' => 'sha1', 'RSA-OAEP-256' => 'sha256' }[fields['alg']]
  raise "expected alg RSA-OAEP or RSA-OAEP-256, got #{header}" if digest.nil?

  # RSA-OAEP unwraps the content encryption key. PKey#decrypt with options needs the openssl gem 3.0+
  # (Ruby 3.1+); RSA#private_decrypt only knows OAEP with SHA-1.
  cek = private_key.decrypt(base64url_decode(parts[1]),
                            { 'rsa_padding_mode' => 'oaep', 'rsa_oaep_md' => digest, 'rsa_mgf1_md' => digest })
  # ...then AES-256-GCM, whose additional authenticated data is the header part exactly as sent (ASCII).
  tag = base64url_decode(parts[4])
  raise 'the JWE tag must be 16 bytes' unless tag.bytesize == 16

  cipher = OpenSSL::Cipher.new('aes-256-gcm').decrypt
  cipher.key = cek
  cipher.iv = base64url_decode(parts[2])
  cipher.auth_tag = tag
  cipher.auth_data = parts[0]
  [header, (cipher.update(base64url_decode(parts[3])) + cipher.final).force_encoding('UTF-8')]
end
{{/jwe}}

{{#secret}}
secret = env('IAMSMART_CLIENT_SECRET')
{{/secret}}
{{#jwe}}
# Read before the call: the gateway deletes a completed result after the first successful poll.
private_key = OpenSSL::PKey.read(File.read(env('IAMSMART_PRIVATE_KEY')))
{{/jwe}}
{{#encrypt}}
cek_hex = env('IAMSMART_CEK_HEX')
abort('error: IAMSMART_CEK_HEX must be 64 hex digits (a 32-byte AES-256 key)') unless cek_hex.match?(/\A\h{64}\z/)
cek = [cek_hex].pack('H*')
{{/encrypt}}
puts "{{METHOD}} #{API_URL}"
puts "Request body: #{BODY}"
{{#encrypt}}
body = %({"content":"#{encrypt(cek, BODY)}"})
puts "Encrypted body: #{body}"
{{/encrypt}}
{{^encrypt}}
body = BODY
{{/encrypt}}

uri = URI(API_URL)
request = Net::HTTPGenericRequest.new('{{METHOD}}', true, true, uri.request_uri)
{{#signed}}
timestamp = (Time.now.to_r * 1000).to_i.to_s # epoch milliseconds
nonce = SecureRandom.hex(16) # 32 random hex characters
request['clientID'] = CLIENT_ID
request['signatureMethod'] = 'HmacSHA256'
request['timestamp'] = timestamp
request['nonce'] = nonce
{{#sign}}
# clientID + signatureMethod + timestamp + nonce + the exact body bytes, no separators.
string_to_sign = (CLIENT_ID + 'HmacSHA256' + timestamp + nonce).b + body.b
digest = OpenSSL::HMAC.digest('SHA256', secret, string_to_sign)
# Base64, then URL-encoded: + -> %2B, / -> %2F, = -> %3D
request['signature'] = URI.encode_www_form_component([digest].pack('m0'))
{{/sign}}
{{/signed}}
{{#gateway}}
request['x-client-id'] = CLIENT_ID
request['x-client-secret'] = secret
{{/gateway}}
request['Content-Type'] = 'application/json'
{{#subkey}}
request['Ocp-Apim-Subscription-Key'] = env('IAMSMART_SUBSCRIPTION_KEY')
{{/subkey}}
{{#extra}}
{{EXTRA_HEADERS}}
{{/extra}}
request.body = body

# Net::HTTP may change the case of header names on the wire; HTTP header names are case-insensitive.
response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == 'https', read_timeout: 30) do |http|
  http.request(request)
end
puts "HTTP #{response.code}"
puts response.body
{{#encrypt}}

# Only `content` is encrypted; txID, code and message are in clear.
envelope = begin
  JSON.parse(response.body.to_s)
rescue JSON::ParserError
  nil
end
if envelope.is_a?(Hash) && envelope['content'].is_a?(String)
  puts "Decrypted content: #{decrypt(cek, envelope['content'])}"
end
{{/encrypt}}
{{#jwe}}

# 202 {"status":"pending"} until the user answers; then 200 with `result`, a compact JWE encrypted to your
# RSA public key.
answer = begin
  JSON.parse(response.body.to_s)
rescue JSON::ParserError
  nil
end
if answer.is_a?(Hash) && answer['result'].is_a?(String)
  header, plaintext = decrypt_jwe(private_key, answer['result'])
  puts "JWE header: #{header}"
  puts "Decrypted result: #{plaintext}"
end
{{/jwe}}
)TPL";

const char* const curlTemplate = R"TPL(#!/usr/bin/env bash
{{HEADER}}
{{#encrypt}}
#
# The console's headless tool does the same crypto steps, if it is installed:
#   printf '%s' "$BODY" | iamsmart encrypt --key-hex "$IAMSMART_CEK_HEX"      # prints the Base64 blob
#   iamsmart decrypt --key-hex "$IAMSMART_CEK_HEX" --in content.txt           # prints the plaintext
{{/encrypt}}
{{#sign}}
{{^encrypt}}
#
# The console's headless tool computes the same signature, if it is installed:
{{/encrypt}}
#   printf '%s' "$PAYLOAD" | iamsmart sign --client-id "$CLIENT_ID" --secret "$IAMSMART_CLIENT_SECRET" \
#       --timestamp "$TIMESTAMP" --nonce "$NONCE" --body-file -                # prints signatureHeader
{{/sign}}
set -euo pipefail

URL={{URL}}
{{#clientid}}
CLIENT_ID={{CLIENT_ID}}
{{/clientid}}
{{^gateway}}
# The body as compact JSON: exactly these bytes are encrypted and signed.
{{/gateway}}
{{#gateway}}
# The body as compact JSON, sent as is: the gateway neither signs nor encrypts requests.
{{/gateway}}
BODY={{BODY}}

{{#secret}}
: "${IAMSMART_CLIENT_SECRET:?set the environment variable IAMSMART_CLIENT_SECRET}"
{{/secret}}
{{#jwe}}
# Checked before the call: the gateway deletes a completed result after the first successful poll.
: "${IAMSMART_PRIVATE_KEY:?set the environment variable IAMSMART_PRIVATE_KEY}"
if ! openssl pkey -in "$IAMSMART_PRIVATE_KEY" -passin pass: -noout 2>/dev/null; then
  echo 'error: IAMSMART_PRIVATE_KEY must name an unencrypted PEM RSA private key' >&2
  exit 2
fi
{{/jwe}}
{{#encrypt}}
: "${IAMSMART_CEK_HEX:?set the environment variable IAMSMART_CEK_HEX}"
if ! [[ $IAMSMART_CEK_HEX =~ ^[0-9a-fA-F]{64}$ ]]; then
  echo 'error: IAMSMART_CEK_HEX must be 64 hex digits (a 32-byte AES-256 key)' >&2
  exit 2
fi
export IAMSMART_CEK_HEX
{{/encrypt}}
{{#subkey}}
: "${IAMSMART_SUBSCRIPTION_KEY:?set the environment variable IAMSMART_SUBSCRIPTION_KEY}"
{{/subkey}}
{{#encrypt}}

# AES-256-GCM, random 12-byte IV, no AAD: Base64(uint32-BE IV length | IV | ciphertext | 16-byte tag).
# The openssl command line has no authenticated GCM mode, so python3's `cryptography` package does it.
# Usage: gcm encrypt|decrypt < data (the key comes from IAMSMART_CEK_HEX).
gcm() {
  python3 -c '
import base64, os, struct, sys
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
key = bytes.fromhex(os.environ["IAMSMART_CEK_HEX"])
data = sys.stdin.buffer.read()
if sys.argv[1] == "encrypt":
    iv = os.urandom(12)
    sealed = AESGCM(key).encrypt(iv, data, None)
    sys.stdout.write(base64.b64encode(struct.pack(">I", len(iv)) + iv + sealed).decode("ascii"))
else:
    blob = base64.b64decode(data, validate=True)
    if len(blob) < 32 or struct.unpack(">I", blob[:4])[0] != 12:
        sys.exit("not an AES-GCM content blob (the IV length must be 12)")
    sys.stdout.buffer.write(AESGCM(key).decrypt(blob[4:16], blob[16:], None))
' "$1"
}
{{/encrypt}}
{{#jwe}}

# Base64url (no padding) to bytes. macOS before 13: base64 -D.
b64url_decode() {
  local data
  data=$(printf '%s' "$1" | tr '_-' '/+')
  case $((${#data} % 4)) in
    2) data+='==' ;;
    3) data+='=' ;;
  esac
  printf '%s' "$data" | base64 -d
}
{{/jwe}}

printf '{{METHOD}} %s\n' "$URL"
printf 'Request body: %s\n' "$BODY"
{{#encrypt}}
PAYLOAD='{"content":"'"$(printf '%s' "$BODY" | gcm encrypt)"'"}'
printf 'Encrypted body: %s\n' "$PAYLOAD"
{{/encrypt}}
{{^encrypt}}
PAYLOAD=$BODY
{{/encrypt}}

HEADERS=()
{{#signed}}
TIMESTAMP=$(date +%s%3N) # epoch milliseconds (GNU date)
case $TIMESTAMP in *[!0-9]*) TIMESTAMP=$(($(date +%s) * 1000)) ;; esac # BSD/macOS date has no %N
NONCE=$(openssl rand -hex 16) # 32 random hex characters
HEADERS+=(-H "clientID: $CLIENT_ID" -H 'signatureMethod: HmacSHA256' -H "timestamp: $TIMESTAMP" -H "nonce: $NONCE")
{{#sign}}
# clientID + signatureMethod + timestamp + nonce + the exact body bytes, no separators; HMAC-SHA256 keyed with
# the secret's UTF-8 bytes, Base64, then URL-encoded (+ -> %2B, / -> %2F, = -> %3D). openssl takes the key as
# an argument, so while it runs other local users can see it in the process list.
SIGNATURE=$(printf '%s' "${CLIENT_ID}HmacSHA256${TIMESTAMP}${NONCE}${PAYLOAD}" \
  | openssl dgst -sha256 -hmac "$IAMSMART_CLIENT_SECRET" -binary | openssl base64 -A \
  | sed -e 's/+/%2B/g' -e 's|/|%2F|g' -e 's/=/%3D/g')
HEADERS+=(-H "signature: $SIGNATURE")
{{/sign}}
{{/signed}}
{{#gateway}}
HEADERS+=(-H "x-client-id: $CLIENT_ID")
{{/gateway}}
HEADERS+=(-H 'Content-Type: application/json' -H 'Expect:')

RESPONSE=$(mktemp)
trap 'rm -f "$RESPONSE"' EXIT
{{#subkey}}
# The subscription key goes through a file descriptor, not curl's command line.
{{/subkey}}
{{#gateway}}
# The client secret goes through a file descriptor, not curl's command line.
{{/gateway}}
STATUS=$(curl -sS -X {{METHOD}} "$URL" "${HEADERS[@]}" \
{{#subkey}}
  -H @<(printf 'Ocp-Apim-Subscription-Key: %s\n' "$IAMSMART_SUBSCRIPTION_KEY") \
{{/subkey}}
{{#extra}}
{{EXTRA_HEADERS}}
{{/extra}}
{{#gateway}}
  -H @<(printf 'x-client-secret: %s\n' "$IAMSMART_CLIENT_SECRET") \
{{/gateway}}
  --data-binary "$PAYLOAD" -o "$RESPONSE" -w '%{http_code}')
printf 'HTTP %s\n' "$STATUS"
cat "$RESPONSE"
echo
{{#encrypt}}

# Only `content` is encrypted; txID, code and message are in clear.
CONTENT=$(python3 -c '
import json, sys
try:
    envelope = json.load(sys.stdin)
except ValueError:
    envelope = None
if isinstance(envelope, dict) and isinstance(envelope.get("content"), str):
    sys.stdout.write(envelope["content"])
' <"$RESPONSE")
if [ -n "$CONTENT" ]; then
  printf 'Decrypted content: %s\n' "$(printf '%s' "$CONTENT" | gcm decrypt)"
fi
{{/encrypt}}
{{#jwe}}

# 202 {"status":"pending"} until the user answers; then 200 with `result`, a compact JWE encrypted to your RSA
# public key: five Base64url parts, protected header . encrypted key . IV . ciphertext . tag. The header is
# plain JSON; to read it by hand: b64url_decode "${RESULT%%.*}" (or tr '_-' '/+', add = padding, base64 -d).
RESULT=$(python3 -c '
import json, sys
try:
    answer = json.load(sys.stdin)
except ValueError:
    answer = None
if isinstance(answer, dict) and isinstance(answer.get("result"), str):
    sys.stdout.write(answer["result"])
' <"$RESPONSE")
if [ -n "$RESULT" ]; then
  IFS=. read -r JWE_HEADER JWE_KEY JWE_IV JWE_CIPHERTEXT JWE_TAG <<<"$RESULT"
  HEADER_JSON=$(b64url_decode "$JWE_HEADER")
  printf 'JWE header: %s\n' "$HEADER_JSON"
  JWE_ALGORITHMS=$(python3 -c '
import json, sys
fields = json.loads(sys.argv[1])
if isinstance(fields, dict):
    sys.stdout.write("%s %s" % (fields.get("alg"), fields.get("enc")))
' "$HEADER_JSON")
  # The header's alg names the OAEP digest, used for MGF1 too: RSA-OAEP is SHA-1, RSA-OAEP-256 is SHA-256.
  case $JWE_ALGORITHMS in
    'RSA-OAEP A256GCM') JWE_DIGEST=sha1 ;;
    'RSA-OAEP-256 A256GCM') JWE_DIGEST=sha256 ;;
    *) echo 'error: expected alg RSA-OAEP or RSA-OAEP-256 and enc A256GCM' >&2; exit 1 ;;
  esac
  # openssl unwraps the content encryption key with RSA-OAEP ...
  JWE_CEK_HEX=$(b64url_decode "$JWE_KEY" \
    | openssl pkeyutl -decrypt -inkey "$IAMSMART_PRIVATE_KEY" -passin pass: -pkeyopt rsa_padding_mode:oaep \
        -pkeyopt "rsa_oaep_md:$JWE_DIGEST" -pkeyopt "rsa_mgf1_md:$JWE_DIGEST" \
    | od -An -v -tx1 | tr -d ' \n')
  export JWE_CEK_HEX
  # ... and AES-256-GCM, whose additional authenticated data is the header part exactly as sent (ASCII), needs
  # python3's `cryptography` package: the openssl command line has no authenticated GCM mode.
  PLAINTEXT=$(python3 -c '
import base64, os, sys
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
def b64url(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
header, iv, ciphertext, tag = sys.argv[1:5]
cek = bytes.fromhex(os.environ["JWE_CEK_HEX"])
sys.stdout.buffer.write(AESGCM(cek).decrypt(b64url(iv), b64url(ciphertext) + b64url(tag), header.encode("ascii")))
' "$JWE_HEADER" "$JWE_IV" "$JWE_CIPHERTEXT" "$JWE_TAG")
  printf 'Decrypted result: %s\n' "$PLAINTEXT"
fi
{{/jwe}}
)TPL";

// --- string literals for each language ------------------------------------------------------------------------

QString hex2(uint value)
{
    return QStringLiteral("%1").arg(value, 2, 16, QLatin1Char('0'));
}

QString octal3(uint value)
{
    return QLatin1Char('\\') + QStringLiteral("%1").arg(value, 3, 8, QLatin1Char('0'));
}

/// Python and JavaScript '...': backslash, quote and control characters escaped; other text as is (UTF-8 source).
QString scriptSingleQuoted(const QString& s)
{
    QString out = QStringLiteral("'");
    for (const QChar c : s) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('\''))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x") + hex2(c.unicode());
        else
            out += c;
    }
    return out + QLatin1Char('\'');
}

/// PHP and Ruby '...': only backslash and quote are escapes; everything else (even a newline) is literal.
QString plainSingleQuoted(const QString& s)
{
    QString out = QStringLiteral("'");
    for (const QChar c : s) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('\''))
            out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('\'');
}

/// POSIX shell '...': nothing is special inside but the quote itself.
QString shellQuoted(const QString& s)
{
    QString out = s;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

/// Objective-C @"...": C escapes; control characters as octal; "??" broken up so no trigraph can form.
QString objcString(const QString& s)
{
    QString out = QStringLiteral("@\"");
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += octal3(c.unicode());
        else if (c == QLatin1Char('?') && i + 1 < s.size() && s.at(i + 1) == QLatin1Char('?'))
            out += QStringLiteral("?\\");
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

/// Java text with `\` doubled, control characters as octal escapes and anything beyond ASCII as \uXXXX, so the
/// source is ASCII whatever javac assumes. \u escapes are translated before lexing, so they are used only for
/// characters that are never special; every literal backslash is doubled, so none can start an escape by accident.
QString javaEscaped(const QString& s, bool escapeQuotes)
{
    QString out;
    for (const QChar c : s) {
        if (c == QLatin1Char('\\') || (escapeQuotes && c == QLatin1Char('"')))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += octal3(c.unicode());
        else if (c.unicode() > 0x7f)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString javaString(const QString& s)
{
    return QLatin1Char('"') + javaEscaped(s, true) + QLatin1Char('"');
}

/// A Java 15+ text block, so JSON's quotes need no escaping; `"""` cannot occur in JSON but is broken up anyway.
QString javaTextBlock(const QString& s)
{
    QString text = javaEscaped(s, false);
    text.replace(QStringLiteral("\"\"\""), QStringLiteral("\"\"\\\""));
    if (text.endsWith(QLatin1Char('"')))
        text = text.chopped(1) + QStringLiteral("\\\"");
    return QStringLiteral("\"\"\"\n            ") + text + QStringLiteral("\"\"\"");
}

bool isCSharpNewline(QChar c)
{
    return c == QLatin1Char('\n') || c == QLatin1Char('\r') || c.unicode() == 0x85 || c.unicode() == 0x2028
        || c.unicode() == 0x2029;
}

/// C# "...": escapes with fixed-width \uXXXX for control and line-breaking characters.
QString cSharpString(const QString& s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f || isCSharpNewline(c))
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

/// A C# 11 single-line raw string literal (the JSON reads as is), or a plain literal when one cannot hold it.
QString cSharpRaw(const QString& s)
{
    if (s.isEmpty() || s.startsWith(QLatin1Char('"')) || s.endsWith(QLatin1Char('"'))
        || std::any_of(s.begin(), s.end(), isCSharpNewline))
        return cSharpString(s);
    qsizetype longest = 0;
    qsizetype run = 0;
    for (const QChar c : s) {
        run = c == QLatin1Char('"') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString quotes(std::max<qsizetype>(3, longest + 1), QLatin1Char('"'));
    return quotes + s + quotes;
}

/// Text for a comment line: no control characters, and no trailing backslash that a C compiler would splice.
QString commentText(const QString& s)
{
    QString out;
    for (const QChar c : s)
        out += c.unicode() < 0x20 || c.unicode() == 0x7f || c == QLatin1Char('\\') ? QLatin1Char(' ') : c;
    return out;
}

// --- assembling a sample ---------------------------------------------------------------------------------------

struct Flags
{
    bool encrypt = false;
    bool isSigned = false;
    bool sign = false;
    bool subkey = false;
    bool gateway = false;
    bool jwe = false;
    bool extra = false; ///< headers the user added (Try it's "+ Add header")

    bool value(const QString& name, bool* known) const
    {
        *known = true;
        if (name == QLatin1String("extra"))
            return extra;
        if (name == QLatin1String("encrypt"))
            return encrypt;
        if (name == QLatin1String("signed"))
            return isSigned;
        if (name == QLatin1String("sign"))
            return sign;
        if (name == QLatin1String("subkey"))
            return subkey;
        if (name == QLatin1String("gateway"))
            return gateway;
        if (name == QLatin1String("jwe"))
            return jwe;
        if (name == QLatin1String("secrets"))
            return sign || encrypt || subkey || gateway;
        if (name == QLatin1String("secret"))
            return sign || gateway;
        if (name == QLatin1String("clientid"))
            return isSigned || gateway;
        if (name == QLatin1String("base64"))
            return encrypt || sign || jwe;
        if (name == QLatin1String("random"))
            return encrypt || isSigned;
        if (name == QLatin1String("crypto"))
            return encrypt || isSigned || jwe;
        if (name == QLatin1String("json") || name == QLatin1String("aead"))
            return encrypt || jwe;
        *known = false;
        return false;
    }
};

/// Keeps or drops the {{#flag}}/{{^flag}} sections, then replaces {{NAME}} with `values` in a single pass.
QString render(const char* templateText, const Flags& flags, const QHash<QString, QString>& values)
{
    static const QRegularExpression section(QStringLiteral(R"(^\s*\{\{([#^/])(\w+)\}\}\s*$)"));
    static const QRegularExpression placeholder(QStringLiteral(R"(\{\{([A-Z_]+)\}\})"));
    QStringList kept;
    QList<bool> stack; // whether the enclosing level was emitting
    bool emitting = true;
    const QStringList lines = QString::fromUtf8(templateText).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QRegularExpressionMatch m = section.match(line);
        bool known = false;
        const bool flag = m.hasMatch() ? flags.value(m.captured(2), &known) : false;
        if (known) {
            const QChar kind = m.captured(1).at(0);
            if (kind == QLatin1Char('/')) {
                emitting = stack.isEmpty() ? true : stack.takeLast();
            } else {
                stack.append(emitting);
                emitting = emitting && (kind == QLatin1Char('#') ? flag : !flag);
            }
            continue;
        }
        if (emitting)
            kept.append(line);
    }
    Q_ASSERT(stack.isEmpty());
    const QString text = kept.join(QLatin1Char('\n'));

    QString out;
    qsizetype at = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const auto value = values.constFind(m.captured(1));
        if (value == values.constEnd())
            continue; // not ours: leave the text alone
        out += QStringView(text).mid(at, m.capturedStart() - at);
        out += *value;
        at = m.capturedEnd();
    }
    out += QStringView(text).mid(at);
    return out;
}

struct LanguageTraits
{
    QString (*quote)(const QString&);
    QString (*quoteBody)(const QString&);
    QString comment; ///< line comment prefix
    QString requires_; ///< what the sample needs, beyond its language
    QString requiresForGcm; ///< extra needs when the body is encrypted (empty: nothing more)
    QString run;
    QString requiresForGateway = {}; ///< replaces `requires_` for a gateway API (empty: the same)
    QString requiresForJwe = {}; ///< extra needs to decrypt a gateway JWE `result` (empty: nothing more)
};

LanguageTraits traits(SampleLanguage language)
{
    switch (language) {
    case SampleLanguage::Curl:
        return {shellQuoted, shellQuoted, QStringLiteral("#"), QStringLiteral("bash, curl 7.55+ and openssl (HMAC)."),
            QStringLiteral("python3 with the `cryptography` package for AES-GCM\n"
                           "(apt install python3-cryptography, or pip install cryptography)."),
            QStringLiteral("bash iamsmart_sample.sh"), QStringLiteral("bash and curl 7.55+ (-H @file)."),
            QStringLiteral("openssl (RSA-OAEP unwrap) and python3 with the `cryptography` package for\n"
                           "AES-GCM (apt install python3-cryptography, or pip install cryptography).")};
    case SampleLanguage::CSharp:
        return {cSharpString, cSharpRaw, QStringLiteral("//"),
            QStringLiteral(
                ".NET 8+ (C# 11 raw string literals, System.Security.Cryptography, HttpClient), no packages."),
            QString(),
            QStringLiteral("dotnet new console -n IamSmartSample, replace its Program.cs with this file,\n"
                           "then dotnet run"),
            QString(),
            QStringLiteral("RSA.ImportFromPem, RSAEncryptionPadding.OaepSHA1 / OaepSHA256 and AesGcm\n"
                           "(all in .NET 8).")};
    case SampleLanguage::Java:
        return {javaString, javaTextBlock, QStringLiteral("//"),
            QStringLiteral("Java 17+ (javax.crypto, java.net.http), no libraries."), QString(),
            QStringLiteral("java IamSmartSample.java"), QString(),
            QStringLiteral("The private key as unencrypted PKCS#8 PEM (BEGIN PRIVATE KEY), as the console\n"
                           "saves it; java.security reads no PKCS#1 PEM.")};
    case SampleLanguage::JavaScript:
        return {scriptSingleQuoted, scriptSingleQuoted, QStringLiteral("//"),
            QStringLiteral("Node.js 18+ (built-in crypto and fetch), no packages."), QString(),
            QStringLiteral("node iamsmart_sample.js")};
    case SampleLanguage::ObjectiveC:
        return {objcString, objcString, QStringLiteral("//"),
            QStringLiteral("Foundation (NSURLSession, NSJSONSerialization), CommonCrypto (HMAC) and\n"
                           "Security (SecRandomCopyBytes)."),
            QStringLiteral("OpenSSL 3 libcrypto (EVP API) for AES-256-GCM: CommonCrypto has no public GCM API\n"
                           "and CryptoKit is Swift-only (macOS: brew install openssl@3)."),
            QStringLiteral("clang -fobjc-arc iamsmart_sample.m -framework Foundation -framework Security\n"
                           "-I\"$(brew --prefix openssl@3)/include\" -L\"$(brew --prefix openssl@3)/lib\" -lcrypto\n"
                           "-o iamsmart_sample && ./iamsmart_sample"),
            QStringLiteral("Foundation (NSURLSession, NSJSONSerialization)."),
            QStringLiteral("OpenSSL 3 libcrypto (EVP API) for RSA-OAEP and AES-256-GCM: CommonCrypto has\n"
                           "neither (macOS: brew install openssl@3).")};
    case SampleLanguage::Php:
        return {plainSingleQuoted, plainSingleQuoted, QStringLiteral("//"),
            QStringLiteral("PHP 7.1+ with the curl and json extensions."),
            QStringLiteral("The openssl extension for AES-256-GCM."), QStringLiteral("php iamsmart_sample.php"),
            QString(),
            QStringLiteral("The openssl extension to decrypt `result`; for alg RSA-OAEP-256 also PHP 8.5+:\n"
                           "older openssl_private_decrypt has no OAEP digest parameter (SHA-1 only, which is\n"
                           "alg RSA-OAEP); there, use a JOSE library such as web-token/jwt-library.")};
    case SampleLanguage::Python:
        return {scriptSingleQuoted, scriptSingleQuoted, QStringLiteral("#"),
            QStringLiteral("Python 3.6+, standard library."),
            QStringLiteral("The `cryptography` package for AES-GCM, which the standard library lacks\n"
                           "(pip install cryptography, or apt install python3-cryptography)."),
            QStringLiteral("python3 iamsmart_sample.py"), QString(),
            QStringLiteral("The `cryptography` package for RSA-OAEP and AES-GCM\n"
                           "(pip install cryptography, or apt install python3-cryptography).")};
    case SampleLanguage::Ruby:
        return {plainSingleQuoted, plainSingleQuoted, QStringLiteral("#"),
            QStringLiteral("Ruby 2.5+, standard library only (openssl, net/http, json, securerandom)."), QString(),
            QStringLiteral("ruby iamsmart_sample.rb"), QString(),
            QStringLiteral("Ruby 3.1+ (openssl gem 3: PKey#decrypt with OAEP digest options).")};
    }
    return {};
}

const char* templateFor(SampleLanguage language)
{
    switch (language) {
    case SampleLanguage::Curl:
        return curlTemplate;
    case SampleLanguage::CSharp:
        return cSharpTemplate;
    case SampleLanguage::Java:
        return javaTemplate;
    case SampleLanguage::JavaScript:
        return javaScriptTemplate;
    case SampleLanguage::ObjectiveC:
        return objectiveCTemplate;
    case SampleLanguage::Php:
        return phpTemplate;
    case SampleLanguage::Python:
        return pythonTemplate;
    case SampleLanguage::Ruby:
        return rubyTemplate;
    }
    return "";
}

/// The comment block every sample starts with: what it calls, how it is protected, what it needs, and the
/// environment variables it reads.
QString header(const LanguageTraits& t, const ApiSpec& api, const QString& method, const Flags& flags)
{
    QStringList lines;
    if (flags.gateway) {
        lines << QStringLiteral("iAM Smart sample: %1 (%2 %3)").arg(commentText(api.id), method, commentText(api.path))
              << QStringLiteral("Fill Easy gateway (protocol.md 7): the client id and secret go in the x-client-id and")
              << QStringLiteral("x-client-secret headers; the body is plain JSON, not signed, not encrypted.");
        if (flags.jwe)
            lines << QStringLiteral("A completed answer carries `result`, a JWE (RSA-OAEP or RSA-OAEP-256, A256GCM)")
                  << QStringLiteral("encrypted to your RSA public key; the sample decrypts it with your private key.");
    } else {
        lines << QStringLiteral("iAM Smart sample: %1 (%2 /api/v1%3)")
                     .arg(commentText(api.id), method, commentText(api.path));
        if (flags.encrypt && flags.sign)
            lines << QStringLiteral(
                "The body is encrypted with AES-256-GCM and the request signed with HMAC-SHA256 (protocol.md 2-3).");
        else if (flags.encrypt)
            lines << QStringLiteral("The body is encrypted with AES-256-GCM (protocol.md 3); no signature is sent.");
        else if (flags.sign)
            lines << QStringLiteral("The request is signed with HMAC-SHA256 (protocol.md 2); the body is plain JSON.");
        else
            lines << QStringLiteral("Plain JSON, no signature (for an environment that checks neither).");
    }
    // Continuation lines (after '\n') line up under the text after the label.
    auto labelled = [&lines](const QString& label, const QString& text) {
        const QString indent(label.size(), QLatin1Char(' '));
        const QStringList parts = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < parts.size(); ++i)
            lines << (i == 0 ? label : indent) + parts.at(i);
    };
    labelled(QStringLiteral("Requires: "),
        flags.gateway && !t.requiresForGateway.isEmpty() ? t.requiresForGateway : t.requires_);
    if (flags.encrypt && !t.requiresForGcm.isEmpty())
        labelled(QStringLiteral("          "), t.requiresForGcm);
    if (flags.jwe && !t.requiresForJwe.isEmpty())
        labelled(QStringLiteral("          "), t.requiresForJwe);
    labelled(QStringLiteral("Run: "), t.run);
    if (flags.sign || flags.encrypt || flags.subkey || flags.gateway) {
        lines << QString() << QStringLiteral("Secrets are read from the environment, never written here:");
        if (flags.sign)
            lines << QStringLiteral("  IAMSMART_CLIENT_SECRET     client secret (its UTF-8 bytes are the HMAC key)");
        if (flags.gateway)
            lines << QStringLiteral("  IAMSMART_CLIENT_SECRET     client secret (sent as the x-client-secret header)");
        if (flags.jwe)
            lines << QStringLiteral(
                "  IAMSMART_PRIVATE_KEY       path to your RSA private key (PEM) that opens the JWE");
        if (flags.encrypt)
            lines << QStringLiteral("  IAMSMART_CEK_HEX           content encryption key (CEK) from getKey, 64 hex "
                                    "digits");
        if (flags.subkey)
            lines << QStringLiteral("  IAMSMART_SUBSCRIPTION_KEY  Ocp-Apim-Subscription-Key (Cyberport sandbox)");
    }
    QString out;
    for (const QString& line : std::as_const(lines))
        out += (line.isEmpty() ? t.comment : t.comment + QLatin1Char(' ') + line) + QLatin1Char('\n');
    out.chop(1);
    return out;
}

} // namespace

QList<SampleLanguage> CodeSamples::languages()
{
    return {SampleLanguage::Curl, SampleLanguage::CSharp, SampleLanguage::Java, SampleLanguage::JavaScript,
        SampleLanguage::ObjectiveC, SampleLanguage::Php, SampleLanguage::Python, SampleLanguage::Ruby};
}

QString CodeSamples::displayName(SampleLanguage language)
{
    switch (language) {
    case SampleLanguage::Curl:
        return QStringLiteral("cURL");
    case SampleLanguage::CSharp:
        return QStringLiteral("C#");
    case SampleLanguage::Java:
        return QStringLiteral("Java");
    case SampleLanguage::JavaScript:
        return QStringLiteral("JavaScript");
    case SampleLanguage::ObjectiveC:
        return QStringLiteral("Objective-C");
    case SampleLanguage::Php:
        return QStringLiteral("PHP");
    case SampleLanguage::Python:
        return QStringLiteral("Python");
    case SampleLanguage::Ruby:
        return QStringLiteral("Ruby");
    }
    return {};
}

QString CodeSamples::fileName(SampleLanguage language)
{
    switch (language) {
    case SampleLanguage::Curl:
        return QStringLiteral("iamsmart_sample.sh");
    case SampleLanguage::CSharp:
        return QStringLiteral("Program.cs");
    case SampleLanguage::Java:
        return QStringLiteral("IamSmartSample.java");
    case SampleLanguage::JavaScript:
        return QStringLiteral("iamsmart_sample.js");
    case SampleLanguage::ObjectiveC:
        return QStringLiteral("iamsmart_sample.m");
    case SampleLanguage::Php:
        return QStringLiteral("iamsmart_sample.php");
    case SampleLanguage::Python:
        return QStringLiteral("iamsmart_sample.py");
    case SampleLanguage::Ruby:
        return QStringLiteral("iamsmart_sample.rb");
    }
    return {};
}

QString CodeSamples::generate(SampleLanguage language, const SampleInput& input)
{
    if (!input.api || input.api->kind != ApiKind::Request)
        return {};
    const ApiSpec& api = *input.api;
    static const QRegularExpression token(QStringLiteral("^[A-Z]+$"));
    const QString method = token.match(api.method).hasMatch() ? api.method : QStringLiteral("POST");

    Flags flags;
    flags.encrypt = api.encrypted && input.encrypt;
    flags.isSigned = api.isSigned;
    flags.sign = api.isSigned && input.sign;
    flags.gateway = api.isGateway();
    // A gateway answer with a `result` member (the poll): a JWE encrypted to the client's RSA key.
    flags.jwe = flags.gateway
        && std::any_of(api.responseFields.begin(), api.responseFields.end(),
            [](const FieldSpec& f) { return f.name == QLatin1String("result"); });
    // The subscription key belongs to the Cyberport sandbox's iAM Smart API, not to the gateway.
    flags.subkey = input.subscriptionKey && !flags.gateway;

    const LanguageTraits t = traits(language);
    // Added headers, one statement each, after the subscription key; never signed (only the body is).
    QStringList extraHeaders;
    for (const auto& [name, value] : input.extras.headers) {
        if (!RequestExtras::isHeaderName(name) || value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n')))
            continue;
        switch (language) {
        case SampleLanguage::Python:
            extraHeaders << QStringLiteral("    headers[%1] = %2").arg(t.quote(name), t.quote(value));
            break;
        case SampleLanguage::JavaScript:
            extraHeaders << QStringLiteral("  headers[%1] = %2;").arg(t.quote(name), t.quote(value));
            break;
        case SampleLanguage::Java:
            extraHeaders << QStringLiteral("        request.header(%1, %2);").arg(t.quote(name), t.quote(value));
            break;
        case SampleLanguage::CSharp:
            extraHeaders << QStringLiteral("request.Headers.TryAddWithoutValidation(%1, %2);").arg(t.quote(name), t.quote(value));
            break;
        case SampleLanguage::ObjectiveC:
            extraHeaders << QStringLiteral("        [request setValue:%2 forHTTPHeaderField:%1];").arg(t.quote(name), t.quote(value));
            break;
        case SampleLanguage::Php:
            extraHeaders << QStringLiteral("$headers[] = %1;").arg(t.quote(name + QStringLiteral(": ") + value));
            break;
        case SampleLanguage::Ruby:
            extraHeaders << QStringLiteral("request[%1] = %2").arg(t.quote(name), t.quote(value));
            break;
        case SampleLanguage::Curl:
            extraHeaders << QStringLiteral("  -H %1 \\").arg(t.quote(name + QStringLiteral(": ") + value));
            break;
        }
    }
    flags.extra = !extraHeaders.isEmpty();
    const QHash<QString, QString> values {
        {QStringLiteral("EXTRA_HEADERS"), extraHeaders.join(QLatin1Char('\n'))},
        {QStringLiteral("HEADER"), header(t, api, method, flags)},
        {QStringLiteral("METHOD"), method},
        {QStringLiteral("URL"),
            t.quote(QString::fromUtf8(input.extras.appendQuery(flags.gateway
                    ? RequestEnvelope::gatewayUrl(input.baseUrl, api.path)
                    : RequestEnvelope::apiUrl(input.baseUrl, api.path))))},
        {QStringLiteral("CLIENT_ID"), t.quote(input.clientId)},
        // The same bytes RequestEnvelope::build sends (and signs when the body is not encrypted).
        {QStringLiteral("BODY"), t.quoteBody(QString::fromUtf8(RequestEnvelope::compact(input.body)))},
    };
    return render(templateFor(language), flags, values);
}

} // namespace Protocol
