{{HEADER}}
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
