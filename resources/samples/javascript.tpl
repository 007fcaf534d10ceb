#!/usr/bin/env node
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
