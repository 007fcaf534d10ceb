{{HEADER}}
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
