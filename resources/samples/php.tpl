<?php
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
