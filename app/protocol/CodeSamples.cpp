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
// header), subkey (Ocp-Apim-Subscription-Key), secrets (any environment variable read), base64 (encrypt or
// sign), random (encrypt or signed). The templates are ASCII so every compiler reads them in any locale.

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
{{#encrypt}}
import json
{{/encrypt}}
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
{{#encrypt}}

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
{{/encrypt}}

URL = {{URL}}
{{#signed}}
CLIENT_ID = {{CLIENT_ID}}
{{/signed}}
# The body as compact JSON: exactly these bytes are encrypted and signed.
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


def main():
{{#sign}}
    secret = env('IAMSMART_CLIENT_SECRET')
{{/sign}}
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
    headers = {}
{{/signed}}
    headers['Content-Type'] = 'application/json'
{{#subkey}}
    headers['Ocp-Apim-Subscription-Key'] = env('IAMSMART_SUBSCRIPTION_KEY')
{{/subkey}}

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


if __name__ == '__main__':
    main()
)TPL";

const char* const javaScriptTemplate = R"TPL(#!/usr/bin/env node
{{HEADER}}
'use strict';

{{#random}}
const crypto = require('node:crypto');

{{/random}}
const API_URL = {{URL}};
{{#signed}}
const CLIENT_ID = {{CLIENT_ID}};
{{/signed}}
// The body as compact JSON: exactly these bytes are encrypted and signed.
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

async function main() {
{{#sign}}
  const secret = env('IAMSMART_CLIENT_SECRET');
{{/sign}}
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
  const headers = {};
{{/signed}}
  headers['Content-Type'] = 'application/json';
{{#subkey}}
  headers['Ocp-Apim-Subscription-Key'] = env('IAMSMART_SUBSCRIPTION_KEY');
{{/subkey}}

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
{{#random}}
import java.security.SecureRandom;
{{/random}}
{{#base64}}
import java.util.Base64;
{{/base64}}
{{#random}}
import java.util.HexFormat;
{{/random}}
{{#encrypt}}
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
{{/encrypt}}
{{#sign}}
import javax.crypto.Mac;
{{/sign}}
{{#encrypt}}
import javax.crypto.spec.GCMParameterSpec;
{{/encrypt}}
{{#base64}}
import javax.crypto.spec.SecretKeySpec;
{{/base64}}

public class IamSmartSample {
    static final String URL = {{URL}};
{{#signed}}
    static final String CLIENT_ID = {{CLIENT_ID}};
{{/signed}}
    // The body as compact JSON: exactly these bytes are encrypted and signed.
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

    public static void main(String[] args) throws Exception {
{{#sign}}
        String secret = env("IAMSMART_CLIENT_SECRET");
{{/sign}}
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
        request.header("Content-Type", "application/json");
{{#subkey}}
        request.header("Ocp-Apim-Subscription-Key", env("IAMSMART_SUBSCRIPTION_KEY"));
{{/subkey}}
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
{{#sign}}
using System.Linq;
{{/sign}}
using System.Net.Http;
using System.Net.Http.Headers;
{{#random}}
using System.Security.Cryptography;
{{/random}}
using System.Text;
{{#encrypt}}
using System.Text.Json;
{{/encrypt}}

const string Url = {{URL}};
{{#signed}}
const string ClientId = {{CLIENT_ID}};
{{/signed}}
// The body as compact JSON: exactly these bytes are encrypted and signed.
const string Body = {{BODY}};

{{#sign}}
var secret = Env("IAMSMART_CLIENT_SECRET");
{{/sign}}
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
{{#subkey}}
request.Headers.TryAddWithoutValidation("Ocp-Apim-Subscription-Key", Env("IAMSMART_SUBSCRIPTION_KEY"));
{{/subkey}}
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
)TPL";

const char* const objectiveCTemplate = R"TPL({{HEADER}}
#import <Foundation/Foundation.h>
{{#sign}}
#import <CommonCrypto/CommonHMAC.h>
{{/sign}}
{{#random}}
#import <Security/SecRandom.h>
{{/random}}
{{#encrypt}}
#include <openssl/evp.h>
{{/encrypt}}

static NSString* const kUrl = {{URL}};
{{#signed}}
static NSString* const kClientId = {{CLIENT_ID}};
{{/signed}}
// The body as compact JSON: exactly these bytes are encrypted and signed.
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
{{#sign}}
        NSString* secret = Env(@"IAMSMART_CLIENT_SECRET");
{{/sign}}
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
        [request setValue:@"application/json" forHTTPHeaderField:@"Content-Type"];
{{#subkey}}
        [request setValue:Env(@"IAMSMART_SUBSCRIPTION_KEY") forHTTPHeaderField:@"Ocp-Apim-Subscription-Key"];
{{/subkey}}
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
    }
    return 0;
}
)TPL";

const char* const phpTemplate = R"TPL(<?php
{{HEADER}}
declare(strict_types=1);

const API_URL = {{URL}};
{{#signed}}
const CLIENT_ID = {{CLIENT_ID}};
{{/signed}}
// The body as compact JSON: exactly these bytes are encrypted and signed.
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

{{#sign}}
$secret = env('IAMSMART_CLIENT_SECRET');
{{/sign}}
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
$headers[] = 'Content-Type: application/json';
{{#subkey}}
$headers[] = 'Ocp-Apim-Subscription-Key: ' . env('IAMSMART_SUBSCRIPTION_KEY');
{{/subkey}}
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
)TPL";

const char* const rubyTemplate = R"TPL(#!/usr/bin/env ruby
{{HEADER}}
{{#encrypt}}
require 'json'
{{/encrypt}}
require 'net/http'
{{#base64}}
require 'openssl'
{{/base64}}
{{#random}}
require 'securerandom'
{{/random}}
require 'uri'

API_URL = {{URL}}
{{#signed}}
CLIENT_ID = {{CLIENT_ID}}
{{/signed}}
# The body as compact JSON: exactly these bytes are encrypted and signed.
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

{{#sign}}
secret = env('IAMSMART_CLIENT_SECRET')
{{/sign}}
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
request['Content-Type'] = 'application/json'
{{#subkey}}
request['Ocp-Apim-Subscription-Key'] = env('IAMSMART_SUBSCRIPTION_KEY')
{{/subkey}}
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
{{#signed}}
CLIENT_ID={{CLIENT_ID}}
{{/signed}}
# The body as compact JSON: exactly these bytes are encrypted and signed.
BODY={{BODY}}

{{#sign}}
: "${IAMSMART_CLIENT_SECRET:?set the environment variable IAMSMART_CLIENT_SECRET}"
{{/sign}}
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
HEADERS+=(-H 'Content-Type: application/json' -H 'Expect:')

RESPONSE=$(mktemp)
trap 'rm -f "$RESPONSE"' EXIT
{{#subkey}}
# The subscription key goes through a file descriptor, not curl's command line.
{{/subkey}}
STATUS=$(curl -sS -X {{METHOD}} "$URL" "${HEADERS[@]}" \
{{#subkey}}
  -H @<(printf 'Ocp-Apim-Subscription-Key: %s\n' "$IAMSMART_SUBSCRIPTION_KEY") \
{{/subkey}}
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

    bool value(const QString& name, bool* known) const
    {
        *known = true;
        if (name == QLatin1String("encrypt"))
            return encrypt;
        if (name == QLatin1String("signed"))
            return isSigned;
        if (name == QLatin1String("sign"))
            return sign;
        if (name == QLatin1String("subkey"))
            return subkey;
        if (name == QLatin1String("secrets"))
            return sign || encrypt || subkey;
        if (name == QLatin1String("base64"))
            return encrypt || sign;
        if (name == QLatin1String("random"))
            return encrypt || isSigned;
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
};

LanguageTraits traits(SampleLanguage language)
{
    switch (language) {
    case SampleLanguage::Curl:
        return {shellQuoted, shellQuoted, QStringLiteral("#"), QStringLiteral("bash, curl 7.55+ and openssl (HMAC)."),
            QStringLiteral("python3 with the `cryptography` package for AES-GCM\n"
                           "(apt install python3-cryptography, or pip install cryptography)."),
            QStringLiteral("bash iamsmart_sample.sh")};
    case SampleLanguage::CSharp:
        return {cSharpString, cSharpRaw, QStringLiteral("//"),
            QStringLiteral(
                ".NET 8+ (C# 11 raw string literals, System.Security.Cryptography, HttpClient), no packages."),
            QString(),
            QStringLiteral("dotnet new console -n IamSmartSample, replace its Program.cs with this file,\n"
                           "then dotnet run")};
    case SampleLanguage::Java:
        return {javaString, javaTextBlock, QStringLiteral("//"),
            QStringLiteral("Java 17+ (javax.crypto, java.net.http), no libraries."), QString(),
            QStringLiteral("java IamSmartSample.java")};
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
                           "-o iamsmart_sample && ./iamsmart_sample")};
    case SampleLanguage::Php:
        return {plainSingleQuoted, plainSingleQuoted, QStringLiteral("//"),
            QStringLiteral("PHP 7.1+ with the curl and json extensions."),
            QStringLiteral("The openssl extension for AES-256-GCM."), QStringLiteral("php iamsmart_sample.php")};
    case SampleLanguage::Python:
        return {scriptSingleQuoted, scriptSingleQuoted, QStringLiteral("#"),
            QStringLiteral("Python 3.6+, standard library."),
            QStringLiteral("The `cryptography` package for AES-GCM, which the standard library lacks\n"
                           "(pip install cryptography, or apt install python3-cryptography)."),
            QStringLiteral("python3 iamsmart_sample.py")};
    case SampleLanguage::Ruby:
        return {plainSingleQuoted, plainSingleQuoted, QStringLiteral("#"),
            QStringLiteral("Ruby 2.5+, standard library only (openssl, net/http, json, securerandom)."), QString(),
            QStringLiteral("ruby iamsmart_sample.rb")};
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
    // Continuation lines (after '\n') line up under the text after the label.
    auto labelled = [&lines](const QString& label, const QString& text) {
        const QString indent(label.size(), QLatin1Char(' '));
        const QStringList parts = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < parts.size(); ++i)
            lines << (i == 0 ? label : indent) + parts.at(i);
    };
    labelled(QStringLiteral("Requires: "), t.requires_);
    if (flags.encrypt && !t.requiresForGcm.isEmpty())
        labelled(QStringLiteral("          "), t.requiresForGcm);
    labelled(QStringLiteral("Run: "), t.run);
    if (flags.sign || flags.encrypt || flags.subkey) {
        lines << QString() << QStringLiteral("Secrets are read from the environment, never written here:");
        if (flags.sign)
            lines << QStringLiteral("  IAMSMART_CLIENT_SECRET     client secret (its UTF-8 bytes are the HMAC key)");
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
    flags.subkey = input.subscriptionKey;

    const LanguageTraits t = traits(language);
    const QHash<QString, QString> values {
        {QStringLiteral("HEADER"), header(t, api, method, flags)},
        {QStringLiteral("METHOD"), method},
        {QStringLiteral("URL"), t.quote(QString::fromUtf8(RequestEnvelope::apiUrl(input.baseUrl, api.path)))},
        {QStringLiteral("CLIENT_ID"), t.quote(input.clientId)},
        // The same bytes RequestEnvelope::build sends (and signs when the body is not encrypted).
        {QStringLiteral("BODY"), t.quoteBody(QString::fromUtf8(RequestEnvelope::compact(input.body)))},
    };
    return render(templateFor(language), flags, values);
}

} // namespace Protocol
