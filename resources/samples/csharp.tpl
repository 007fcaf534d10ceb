{{HEADER}}
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
