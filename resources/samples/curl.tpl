#!/usr/bin/env bash
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
