#!/usr/bin/env ruby
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
