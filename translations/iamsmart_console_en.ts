<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ApiPage</name>
    <message>
        <source>Open in &amp;browser</source>
        <translation>Open in &amp;browser</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Try it</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>curl</source>
        <translation>curl</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Code sample language</source>
        <translation>Code sample language</translation>
    </message>
    <message>
        <source>Code sample</source>
        <translation>Code sample</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>Send the request shown in the preview (Ctrl+Return)</source>
        <translation>Send the request shown in the preview (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>Show QR code</translation>
    </message>
    <message>
        <source>Request body as JSON</source>
        <translation>Request body as JSON</translation>
    </message>
    <message>
        <source>Request preview</source>
        <translation>Request preview</translation>
    </message>
    <message>
        <source>Decrypted response content</source>
        <translation>Decrypted response content</translation>
    </message>
    <message>
        <source>Raw response</source>
        <translation>Raw response</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Raw</translation>
    </message>
    <message>
        <source>The wire format of this API is not published; the console models it.</source>
        <translation>The wire format of this API is not published; the console models it.</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Headers</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Presence</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Response sample</source>
        <translation>Response sample</translation>
    </message>
    <message>
        <source>Return codes</source>
        <translation>Return codes</translation>
    </message>
    <message>
        <source>JSON error at character %1: %2</source>
        <translation>JSON error at character %1: %2</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>The body must be a JSON object.</translation>
    </message>
    <message>
        <source>The browser opens this URL; it is not signed.</source>
        <translation>The browser opens this URL; it is not signed.</translation>
    </message>
    <message>
        <source>Not encrypted.</source>
        <translation>Not encrypted.</translation>
    </message>
    <message>
        <source>Some fields break their rules; see the form.</source>
        <translation>Some fields break their rules; see the form.</translation>
    </message>
    <message>
        <source>No content encryption key yet: send Key management → Request content encryption key first.</source>
        <translation>No content encryption key yet: send Key management → Request content encryption key first.</translation>
    </message>
    <message>
        <source>String to sign (clientID + signatureMethod + timestamp + nonce + body):
%1

HMAC-SHA256, Base64:
%2

signature header (URL-encoded):
%3</source>
        <translation>String to sign (clientID + signatureMethod + timestamp + nonce + body):
%1

HMAC-SHA256, Base64:
%2

signature header (URL-encoded):
%3</translation>
    </message>
    <message>
        <source>This request is not signed.</source>
        <translation>This request is not signed.</translation>
    </message>
    <message>
        <source>AES-256-GCM, no AAD
IV (12 bytes): %1
Ciphertext (%2 bytes): %3
Tag (16 bytes): %4

Body sent:
%5</source>
        <translation>AES-256-GCM, no AAD
IV (12 bytes): %1
Ciphertext (%2 bytes): %3
Tag (16 bytes): %4

Body sent:
%5</translation>
    </message>
    <message>
        <source>Sent as plain JSON.</source>
        <translation>Sent as plain JSON.</translation>
    </message>
    <message>
        <source>Some fields break their rules (see the form); the request can still be sent to test the answer.</source>
        <translation>Some fields break their rules (see the form); the request can still be sent to test the answer.</translation>
    </message>
    <message>
        <source>No content encryption key yet: request one first (Key management).</source>
        <translation>No content encryption key yet: request one first (Key management).</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>No answer in time.</source>
        <translation>No answer in time.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Network error: %1</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1 in %2 ms</translation>
    </message>
    <message>
        <source>Could not read the content: %1 (%2)</source>
        <translation>Could not read the content: %1 (%2)</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>Unknown code</translation>
    </message>
    <message>
        <source>The strings to sign are identical, so the client secret must differ.</source>
        <translation>The strings to sign are identical, so the client secret must differ.</translation>
    </message>
    <message>
        <source>The strings to sign differ from character %1:&lt;br&gt;&lt;b&gt;Console:&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt;&lt;br&gt;&lt;b&gt;Simulator:&lt;/b&gt; &lt;code&gt;%3&lt;/code&gt;</source>
        <translation>The strings to sign differ from character %1:&lt;br&gt;&lt;b&gt;Console:&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt;&lt;br&gt;&lt;b&gt;Simulator:&lt;/b&gt; &lt;code&gt;%3&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Copy the text of the preview tab shown</source>
        <translation>Copy the text of the preview tab shown</translation>
    </message>
    <message>
        <source>Reveal secrets</source>
        <translation>Reveal secrets</translation>
    </message>
    <message>
        <source>QR of the app link</source>
        <translation>QR of the app link</translation>
    </message>
    <message>
        <source>Show the app-scheme URL with the returned ticketID as a QR code</source>
        <translation>Show the app-scheme URL with the returned ticketID as a QR code</translation>
    </message>
    <message>
        <source>Gateway requests are not signed: the x-client-id and x-client-secret headers authenticate the caller. Tokens are HS256 JWTs issued by the gateway.</source>
        <translation>Gateway requests are not signed: the x-client-id and x-client-secret headers authenticate the caller. Tokens are HS256 JWTs issued by the gateway.</translation>
    </message>
    <message>
        <source>Sent as plain JSON. Results come back from polling as a JWE (RSA-OAEP, A256GCM) encrypted to your registered public key; the console decrypts it with the environment&apos;s private key.</source>
        <translation>Sent as plain JSON. Results come back from polling as a JWE (RSA-OAEP, A256GCM) encrypted to your registered public key; the console decrypts it with the environment&apos;s private key.</translation>
    </message>
    <message>
        <source>JWE result</source>
        <translation>JWE result</translation>
    </message>
    <message>
        <source>Protected header:
%1
</source>
        <translation>Protected header:
%1
</translation>
    </message>
    <message>
        <source>Could not decrypt: %1</source>
        <translation>Could not decrypt: %1</translation>
    </message>
    <message>
        <source>Claims:
%1
Result:
%2</source>
        <translation>Claims:
%1
Result:
%2</translation>
    </message>
    <message>
        <source>Log in first</source>
        <translation>Log in first</translation>
    </message>
    <message>
        <source>Runs a login on the virtual phone; the values it earns fill this form</source>
        <translation>Runs a login on the virtual phone; the values it earns fill this form</translation>
    </message>
    <message>
        <source>Use portal sample values</source>
        <translation>Use portal sample values</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Rule warning details</source>
        <translation>Rule warning details</translation>
    </message>
    <message>
        <source>Opening the QR page…</source>
        <translation>Opening the QR page…</translation>
    </message>
    <message>
        <source>Send opens this page as a browser would; the phone asks you, and the redirect returns here.</source>
        <translation>Send opens this page as a browser would; the phone asks you, and the redirect returns here.</translation>
    </message>
    <message>
        <source>Send opens this page in your web browser; scan its QR code with iAM Smart.</source>
        <translation>Send opens this page in your web browser; scan its QR code with iAM Smart.</translation>
    </message>
    <message>
        <source>No %1 from a login in this environment yet: the portal&apos;s sample value will be refused.</source>
        <translation>No %1 from a login in this environment yet: the portal&apos;s sample value will be refused.</translation>
    </message>
    <message>
        <source>Send is blocked: the JSON tab does not parse (%1).</source>
        <translation>Send is blocked: the JSON tab does not parse (%1).</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) break their rules; Send still sends, to test the answer.</source>
        <translation>
            <numerusform>%n field breaks its rules; Send still sends, to test the answer.</numerusform>
            <numerusform>%n fields break their rules; Send still sends, to test the answer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: log in again (Request QR page, Send, approve on the phone) for a fresh code; a code works once.</source>
        <translation>Next: log in again (Request QR page, Send, approve on the phone) for a fresh code; a code works once.</translation>
    </message>
    <message>
        <source>Next: log in again with the scope this API needs.</source>
        <translation>Next: log in again with the scope this API needs.</translation>
    </message>
    <message>
        <source>Next: log in again requesting the scope %1, then use the new token.</source>
        <translation>Next: log in again requesting the scope %1, then use the new token.</translation>
    </message>
</context>
<context>
    <name>ButtonGallery</name>
    <message>
        <source>Export button</source>
        <translation>Export button</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG image (*.svg)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Could not save: %1</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Re-authentication</source>
        <translation>Re-authentication</translation>
    </message>
    <message>
        <source>Open the app (same device)</source>
        <translation>Open the app (same device)</translation>
    </message>
    <message>
        <source>Form filling</source>
        <translation>Form filling</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Signing</translation>
    </message>
    <message>
        <source>More info link</source>
        <translation>More info link</translation>
    </message>
    <message>
        <source>The button data failed to load: %1</source>
        <translation>The button data failed to load: %1</translation>
    </message>
    <message>
        <source>The iAM Smart buttons in the three languages at each size. Click one to select it, choose the height and export it as PNG or SVG. The texts live in resources/branding/buttons.json.</source>
        <translation>The iAM Smart buttons in the three languages at each size. Click one to select it, choose the height and export it as PNG or SVG. The texts live in resources/branding/buttons.json.</translation>
    </message>
    <message>
        <source>Background colour %1: the “iAM Smart green” seen in third-party integrations, not an official colour.</source>
        <translation>Background colour %1: the “iAM Smart green” seen in third-party integrations, not an official colour.</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>&amp;Height:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Export height</source>
        <translation>Export height</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>Export SVG…</translation>
    </message>
    <message>
        <source>Selected: %1 — %2 (%3)</source>
        <translation>Selected: %1 — %2 (%3)</translation>
    </message>
    <message>
        <source>Official text</source>
        <translation>Official text</translation>
    </message>
    <message>
        <source>Not an official text: follows the pattern of the official re-authentication button</source>
        <translation>Not an official text: follows the pattern of the official re-authentication button</translation>
    </message>
    <message>
        <source>%1, %2 px high</source>
        <translation>%1, %2 px high</translation>
    </message>
</context>
<context>
    <name>CallbackInspector</name>
    <message>
        <source>matched</source>
        <translation>matched</translation>
    </message>
    <message>
        <source>state mismatch (possible CSRF)</source>
        <translation>state mismatch (possible CSRF)</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <source>unknown businessID</source>
        <translation>unknown businessID</translation>
    </message>
    <message>
        <source>unknown state</source>
        <translation>unknown state</translation>
    </message>
    <message>
        <source>could not decrypt</source>
        <translation>could not decrypt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>Answered: HTTP %1</source>
        <translation>Answered: HTTP %1</translation>
    </message>
    <message>
        <source>Match: %1</source>
        <translation>Match: %1</translation>
    </message>
    <message>
        <source>Return code: %1</source>
        <translation>Return code: %1</translation>
    </message>
    <message>
        <source>Error: %1 — %2</source>
        <translation>Error: %1 — %2</translation>
    </message>
    <message>
        <source>Shape: %1</source>
        <translation>Shape: %1</translation>
    </message>
    <message>
        <source>Decrypted content:</source>
        <translation>Decrypted content:</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Callback</translation>
    </message>
    <message>
        <source>businessID</source>
        <translation>businessID</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Received callbacks</source>
        <translation>Received callbacks</translation>
    </message>
    <message>
        <source>Callback detail</source>
        <translation>Callback detail</translation>
    </message>
    <message>
        <source>%1 older callbacks were dropped from this list to bound memory.</source>
        <translation>%1 older callbacks were dropped from this list to bound memory.</translation>
    </message>
</context>
<context>
    <name>EnvironmentDialog</name>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Not tested: %1</source>
        <translation>Not tested: %1</translation>
    </message>
    <message>
        <source>The KEK private key could not be read (%1). Fix: %2, %3.</source>
        <translation>The KEK private key could not be read (%1). Fix: %2, %3.</translation>
    </message>
    <message>
        <source>Testing the connection: getKey to %1…</source>
        <translation>Testing the connection: getKey to %1…</translation>
    </message>
    <message>
        <source>Field to fix: %1</source>
        <translation>Field to fix: %1</translation>
    </message>
    <message>
        <source>Export environment</source>
        <translation>Export environment</translation>
    </message>
    <message>
        <source>Environment (*.json)</source>
        <translation>Environment (*.json)</translation>
    </message>
    <message>
        <source>Exported without secrets.</source>
        <translation>Exported without secrets.</translation>
    </message>
    <message>
        <source>Import environment</source>
        <translation>Import environment</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Environments</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Base URL</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client secret</translation>
    </message>
    <message>
        <source>Subscription key</source>
        <translation>Subscription key</translation>
    </message>
    <message>
        <source>KEK certificate</source>
        <translation>KEK certificate</translation>
    </message>
    <message>
        <source>KEK private key</source>
        <translation>KEK private key</translation>
    </message>
    <message>
        <source>Private key password</source>
        <translation>Private key password</translation>
    </message>
    <message>
        <source>Callback base URL</source>
        <translation>Callback base URL</translation>
    </message>
    <message>
        <source>Sign and encrypt</source>
        <translation>Sign and encrypt</translation>
    </message>
    <message>
        <source>Send subscription key</source>
        <translation>Send subscription key</translation>
    </message>
    <message>
        <source>Reveal secrets</source>
        <translation>Reveal secrets</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>empty: the console&apos;s own listener</source>
        <translation>empty: the console&apos;s own listener</translation>
    </message>
    <message>
        <source>The local simulator needs no setup: its dev client is generated for you.</source>
        <translation>The local simulator needs no setup: its dev client is generated for you.</translation>
    </message>
    <message>
        <source>The local simulator environments cannot be changed.</source>
        <translation>The local simulator environments cannot be changed.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Saved; secrets are in the system keychain.</source>
        <translation>Saved; secrets are in the system keychain.</translation>
    </message>
    <message>
        <source>Saved; secrets are kept for this session only (no keychain).</source>
        <translation>Saved; secrets are kept for this session only (no keychain).</translation>
    </message>
    <message>
        <source>Saved; storing the secrets in the keychain…</source>
        <translation>Saved; storing the secrets in the keychain…</translation>
    </message>
    <message>
        <source>Saved, but the keychain did not store the secrets (%1). Enter them again or check the keychain.</source>
        <translation>Saved, but the keychain did not store the secrets (%1). Enter them again or check the keychain.</translation>
    </message>
</context>
<context>
    <name>FlowView</name>
    <message>
        <source>Passed in %1 ms.</source>
        <translation>Passed in %1 ms.</translation>
    </message>
    <message>
        <source>Failed: %1 — %2</source>
        <translation>Failed: %1 — %2</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>Export diagram</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG image (*.svg)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Save HAR</source>
        <translation>Save HAR</translation>
    </message>
    <message>
        <source>HAR (*.har)</source>
        <translation>HAR (*.har)</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>waiting for the phone</source>
        <translation>waiting for the phone</translation>
    </message>
    <message>
        <source>waiting for the callback</source>
        <translation>waiting for the callback</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>passed</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>QR expires in %1:%2</source>
        <translation>QR expires in %1:%2</translation>
    </message>
    <message>
        <source>Phone approves</source>
        <translation>Phone approves</translation>
    </message>
    <message>
        <source>Phone rejects</source>
        <translation>Phone rejects</translation>
    </message>
    <message>
        <source>User cancels</source>
        <translation>User cancels</translation>
    </message>
    <message>
        <source>Request expires</source>
        <translation>Request expires</translation>
    </message>
    <message>
        <source>What the virtual phone answers</source>
        <translation>What the virtual phone answers</translation>
    </message>
    <message>
        <source>A person answers on a real phone</source>
        <translation>A person answers on a real phone</translation>
    </message>
    <message>
        <source>&amp;Run flow</source>
        <translation>&amp;Run flow</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>Export SVG…</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Save report…</translation>
    </message>
    <message>
        <source>Save HAR…</source>
        <translation>Save HAR…</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>Flow steps</source>
        <translation>Flow steps</translation>
    </message>
    <message>
        <source>Start with iAM Smart</source>
        <translation>Start with iAM Smart</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>Zoom in (Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>Zoom out (Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>QR expiry</source>
        <translation>QR expiry</translation>
    </message>
    <message>
        <source>You decide on the virtual phone</source>
        <translation>You decide on the virtual phone</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Filter history…</source>
        <translation>Filter history…</translation>
    </message>
    <message>
        <source>Filter history</source>
        <translation>Filter history</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <source>Exchange history</source>
        <translation>Exchange history</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Resend as new</source>
        <translation>Resend as new</translation>
    </message>
    <message>
        <source>Export HAR…</source>
        <translation>Export HAR…</translation>
    </message>
    <message>
        <source>Keep personal data in history</source>
        <translation>Keep personal data in history</translation>
    </message>
    <message>
        <source>Off: access tokens, openIDs and decrypted personal data are replaced by [redacted] in history files and HAR exports.</source>
        <translation>Off: access tokens, openIDs and decrypted personal data are replaced by [redacted] in history files and HAR exports.</translation>
    </message>
    <message>
        <source>Keep for</source>
        <translation>Keep for</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>ever</source>
        <translation>ever</translation>
    </message>
    <message>
        <source>Days history is kept</source>
        <translation>Days history is kept</translation>
    </message>
    <message>
        <source> entries</source>
        <translation> entries</translation>
    </message>
    <message>
        <source>no entry limit</source>
        <translation>no entry limit</translation>
    </message>
    <message>
        <source>Entries history keeps at most</source>
        <translation>Entries history keeps at most</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About iAM Smart Sandbox Console</source>
        <translation>About iAM Smart Sandbox Console</translation>
    </message>
    <message>
        <source>iAM Smart Sandbox Console %1
A desktop console and offline simulator for iAM Smart integrations.</source>
        <translation>iAM Smart Sandbox Console %1
A desktop console and offline simulator for iAM Smart integrations.</translation>
    </message>
    <message>
        <source>iAM Smart Sandbox Console</source>
        <translation>iAM Smart Sandbox Console</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>Filter APIs…</source>
        <translation>Filter APIs…</translation>
    </message>
    <message>
        <source>Filter APIs</source>
        <translation>Filter APIs</translation>
    </message>
    <message>
        <source>API catalog</source>
        <translation>API catalog</translation>
    </message>
    <message>
        <source>The API catalog failed to load.</source>
        <translation>The API catalog failed to load.</translation>
    </message>
    <message numerus="yes">
        <source>%n API(s) in the catalog</source>
        <translation>
            <numerusform>%n API in the catalog</numerusform>
            <numerusform>%n APIs in the catalog</numerusform>
        </translation>
    </message>
    <message>
        <source>1.1 Authentication</source>
        <translation>1.1 Authentication</translation>
    </message>
    <message>
        <source>1.2 Re-authentication</source>
        <translation>1.2 Re-authentication</translation>
    </message>
    <message>
        <source>3 Form Pre-filling</source>
        <translation>3 Form Pre-filling</translation>
    </message>
    <message>
        <source>4 Signing</source>
        <translation>4 Signing</translation>
    </message>
    <message>
        <source>Key management</source>
        <translation>Key management</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Callbacks</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Local simulator (%1) at %2</source>
        <translation>Local simulator (%1) at %2</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>strict</translation>
    </message>
    <message>
        <source>sandbox-compatible</source>
        <translation>sandbox-compatible</translation>
    </message>
    <message>
        <source>Local simulator not running</source>
        <translation>Local simulator not running</translation>
    </message>
    <message>
        <source>Preparing the simulator…</source>
        <translation>Preparing the simulator…</translation>
    </message>
    <message>
        <source>Making the simulator&apos;s keys (first start). Requests to the simulator wait until they are ready.</source>
        <translation>Making the simulator&apos;s keys (first start). Requests to the simulator wait until they are ready.</translation>
    </message>
    <message>
        <source>Export HAR</source>
        <translation>Export HAR</translation>
    </message>
    <message>
        <source>HAR (*.har)</source>
        <translation>HAR (*.har)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Environments…</source>
        <translation>Environments…</translation>
    </message>
    <message>
        <source>Where requests go: the local simulator by default</source>
        <translation>Where requests go: the local simulator by default</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Virtual phone</source>
        <translation>Virtual phone</translation>
    </message>
    <message>
        <source>No system keychain is available: secrets you enter are kept for this session only and are forgotten when the console closes.</source>
        <translation>No system keychain is available: secrets you enter are kept for this session only and are forgotten when the console closes.</translation>
    </message>
    <message>
        <source>Local simulator — strict</source>
        <translation>Local simulator — strict</translation>
    </message>
    <message>
        <source>Local simulator — sandbox-compatible</source>
        <translation>Local simulator — sandbox-compatible</translation>
    </message>
    <message>
        <source>Cyberport sandbox</source>
        <translation>Cyberport sandbox</translation>
    </message>
    <message>
        <source>iAM Smart test environment</source>
        <translation>iAM Smart test environment</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>&amp;Presenter mode</translation>
    </message>
    <message>
        <source>Next language</source>
        <translation>Next language</translation>
    </message>
    <message>
        <source>Next flow step</source>
        <translation>Next flow step</translation>
    </message>
    <message>
        <source>iAM Smart buttons</source>
        <translation>iAM Smart buttons</translation>
    </message>
    <message>
        <source>iAM Smart &amp;buttons</source>
        <translation>iAM Smart &amp;buttons</translation>
    </message>
    <message>
        <source>Export API definition</source>
        <translation>Export API definition</translation>
    </message>
    <message>
        <source>OpenAPI 3 JSON (*.json)</source>
        <translation>OpenAPI 3 JSON (*.json)</translation>
    </message>
    <message>
        <source>OpenAPI 3 YAML (*.yaml *.yml)</source>
        <translation>OpenAPI 3 YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>API definition written to %1</source>
        <translation>API definition written to %1</translation>
    </message>
    <message>
        <source>Export API &amp;definition…</source>
        <translation>Export API &amp;definition…</translation>
    </message>
    <message>
        <source>Console sections</source>
        <translation>Console sections</translation>
    </message>
    <message>
        <source>&amp;Start here</source>
        <translation>&amp;Start here</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>Start here</translation>
    </message>
    <message>
        <source>Try a login</source>
        <translation>Try a login</translation>
    </message>
    <message>
        <source>Runs “Log in and share the profile”; the virtual phone waits for you to approve</source>
        <translation>Runs “Log in and share the profile”; the virtual phone waits for you to approve</translation>
    </message>
    <message>
        <source>Explore the APIs</source>
        <translation>Explore the APIs</translation>
    </message>
    <message>
        <source>Every API as a prefilled form; Send shows the exact answer</source>
        <translation>Every API as a prefilled form; Send shows the exact answer</translation>
    </message>
    <message>
        <source>Run a guided flow</source>
        <translation>Run a guided flow</translation>
    </message>
    <message>
        <source>Whole journeys step by step, with a sequence diagram</source>
        <translation>Whole journeys step by step, with a sequence diagram</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Hide this panel; Help → Start here shows it again</source>
        <translation>Hide this panel; Help → Start here shows it again</translation>
    </message>
    <message>
        <source>Docs: README.md with the console (every API, flow and command) and %1 for iAM Smart.</source>
        <translation>Docs: README.md with the console (every API, flow and command) and %1 for iAM Smart.</translation>
    </message>
    <message>
        <source>The QR page is open in your web browser: scan it with iAM Smart.</source>
        <translation>The QR page is open in your web browser: scan it with iAM Smart.</translation>
    </message>
    <message>
        <source>No web browser could open the QR page; the QR code dock shows it.</source>
        <translation>No web browser could open the QR page; the QR code dock shows it.</translation>
    </message>
    <message>
        <source>QR page opened (HTTP %1): decide on the virtual phone.</source>
        <translation>QR page opened (HTTP %1): decide on the virtual phone.</translation>
    </message>
    <message>
        <source>The QR page answered HTTP %1.</source>
        <translation>The QR page answered HTTP %1.</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Share profile</source>
        <translation>Share profile</translation>
    </message>
    <message>
        <source>Fill in a form</source>
        <translation>Fill in a form</translation>
    </message>
    <message>
        <source>Confirm it is you</source>
        <translation>Confirm it is you</translation>
    </message>
    <message>
        <source>Sign documents</source>
        <translation>Sign documents</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Nothing is waiting on the phone.</source>
        <translation>Nothing is waiting on the phone.</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>Form: %1</source>
        <translation>Form: %1</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>Document: %1</translation>
    </message>
    <message>
        <source>Data to share: %1</source>
        <translation>Data to share: %1</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>Answered %1 (%2)</source>
        <translation>Answered %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Reject</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <source>Let e&amp;xpire</source>
        <translation>Let e&amp;xpire</translation>
    </message>
    <message>
        <source>Requests waiting on the phone</source>
        <translation>Requests waiting on the phone</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>iAM Smart+</source>
        <translation>iAM Smart+</translation>
    </message>
    <message>
        <source>iAM Smart</source>
        <translation>iAM Smart</translation>
    </message>
    <message>
        <source>Approved on the phone (%1)</source>
        <translation>Approved on the phone (%1)</translation>
    </message>
    <message>
        <source>Rejected on the phone (%1)</source>
        <translation>Rejected on the phone (%1)</translation>
    </message>
    <message>
        <source>Cancelled on the phone (%1)</source>
        <translation>Cancelled on the phone (%1)</translation>
    </message>
    <message>
        <source>Left to expire on the phone (%1)</source>
        <translation>Left to expire on the phone (%1)</translation>
    </message>
    <message>
        <source>&amp;Fails</source>
        <translation>&amp;Fails</translation>
    </message>
    <message>
        <source>The app reports a failure: the request ends with its failure code</source>
        <translation>The app reports a failure: the request ends with its failure code</translation>
    </message>
    <message>
        <source>Not &amp;passed</source>
        <translation>Not &amp;passed</translation>
    </message>
    <message>
        <source>The re-authentication answers isPassed: false</source>
        <translation>The re-authentication answers isPassed: false</translation>
    </message>
    <message>
        <source>Log in from the app's service &amp;catalogue</source>
        <translation>Log in from the app's service &amp;catalogue</translation>
    </message>
    <message>
        <source>Direct login: the browser opens the service with a code and RefID</source>
        <translation>Direct login: the browser opens the service with a code and RefID</translation>
    </message>
    <message>
        <source>Failed on the phone (%1)</source>
        <translation>Failed on the phone (%1)</translation>
    </message>
    <message>
        <source>Not passed on the phone (%1)</source>
        <translation>Not passed on the phone (%1)</translation>
    </message>
    <message>
        <source>Logged in from the service catalogue (%1)</source>
        <translation>Logged in from the service catalogue (%1)</translation>
    </message>
    <message>
        <source>No direct-login address: the callback listener is not running.</source>
        <translation>No direct-login address: the callback listener is not running.</translation>
    </message>
</context>
<context>
    <name>QrPanel</name>
    <message>
        <source>Save QR code</source>
        <translation>Save QR code</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG image (*.svg)</translation>
    </message>
    <message>
        <source>Nothing to show yet: use “Show QR code” on a page.</source>
        <translation>Nothing to show yet: use “Show QR code” on a page.</translation>
    </message>
    <message>
        <source>Cannot encode: %1</source>
        <translation>Cannot encode: %1</translation>
    </message>
    <message>
        <source>QR code of: %1</source>
        <translation>QR code of: %1</translation>
    </message>
    <message>
        <source>No QR code</source>
        <translation>No QR code</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>Save PNG…</translation>
    </message>
    <message>
        <source>Save SVG…</source>
        <translation>Save SVG…</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copy text</translation>
    </message>
</context>
<context>
    <name>TryItForm</name>
    <message>
        <source>Compute SHA-256 of a file</source>
        <translation>Compute SHA-256 of a file</translation>
    </message>
    <message>
        <source>Generate a new value</source>
        <translation>Generate a new value</translation>
    </message>
    <message>
        <source>From file…</source>
        <translation>From file…</translation>
    </message>
    <message>
        <source>Compute the SHA-256 of a file, Base64-encoded</source>
        <translation>Compute the SHA-256 of a file, Base64-encoded</translation>
    </message>
    <message>
        <source>Use earned</source>
        <translation>Use earned</translation>
    </message>
    <message>
        <source>Use the %1 an earlier call returned</source>
        <translation>Use the %1 an earlier call returned</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 is required.</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 must not be empty.</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1 is too long: at most %2 characters.</translation>
    </message>
    <message>
        <source>%1 does not have the required form (%2).</source>
        <translation>%1 does not have the required form (%2).</translation>
    </message>
    <message>
        <source>%1 has a value that is not allowed.</source>
        <translation>%1 has a value that is not allowed.</translation>
    </message>
    <message>
        <source>%1 needs at least %2 item(s).</source>
        <translation>%1 needs at least %2 item(s).</translation>
    </message>
    <message>
        <source>%1 must be of type %2.</source>
        <translation>%1 must be of type %2.</translation>
    </message>
    <message>
        <source>Compute the SHA-256 of a file, as 64 hex characters</source>
        <translation>Compute the SHA-256 of a file, as 64 hex characters</translation>
    </message>
    <message>
        <source>%1 with the scope %2</source>
        <translation>%1 with the scope %2</translation>
    </message>
</context>
<context>
    <name>PdfSigningPanel</name>
    <message>
        <source>Choose a PDF to sign</source>
        <translation>Choose a PDF to sign</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Save the signed PDF</source>
        <translation>Save the signed PDF</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Saved to %1.</translation>
    </message>
    <message>
        <source>Choose a PDF: the console prepares it (a signature field with reserved space), puts its digest in %1, sends the request, and embeds the signature once the phone approves.</source>
        <translation>Choose a PDF: the console prepares it (a signature field with reserved space), puts its digest in %1, sends the request, and embeds the signature once the phone approves.</translation>
    </message>
    <message>
        <source>%1 prepared; %2 = %3. Approve on the phone; the signature arrives by callback or result.</source>
        <translation>%1 prepared; %2 = %3. Approve on the phone; the signature arrives by callback or result.</translation>
    </message>
    <message>
        <source>Signed by %1 (certificate issued by %2) at %3. Signature: %4.</source>
        <translation>Signed by %1 (certificate issued by %2) at %3. Signature: %4.</translation>
    </message>
    <message>
        <source>valid, covering the whole document</source>
        <translation>valid, covering the whole document</translation>
    </message>
    <message>
        <source>INVALID</source>
        <translation>INVALID</translation>
    </message>
    <message>
        <source>This file is not a PDF.</source>
        <translation>This file is not a PDF.</translation>
    </message>
    <message>
        <source>This PDF is encrypted; decrypt it before signing.</source>
        <translation>This PDF is encrypted; decrypt it before signing.</translation>
    </message>
    <message>
        <source>This PDF has no page to put a signature field on.</source>
        <translation>This PDF has no page to put a signature field on.</translation>
    </message>
    <message>
        <source>The signature does not fit in the space reserved in the PDF.</source>
        <translation>The signature does not fit in the space reserved in the PDF.</translation>
    </message>
    <message>
        <source>The signature is over another document&apos;s digest.</source>
        <translation>The signature is over another document&apos;s digest.</translation>
    </message>
    <message>
        <source>pdfSignature is not a CMS signature.</source>
        <translation>pdfSignature is not a CMS signature.</translation>
    </message>
    <message>
        <source>The file cannot be read or written.</source>
        <translation>The file cannot be read or written.</translation>
    </message>
    <message>
        <source>The PDF could not be prepared or signed.</source>
        <translation>The PDF could not be prepared or signed.</translation>
    </message>
    <message>
        <source>PDF signing</source>
        <translation>PDF signing</translation>
    </message>
    <message>
        <source>Sign a PDF…</source>
        <translation>Sign a PDF…</translation>
    </message>
    <message>
        <source>Choose a PDF, prepare it for signing and send this request with its digest</source>
        <translation>Choose a PDF, prepare it for signing and send this request with its digest</translation>
    </message>
    <message>
        <source>Sign the sample PDF</source>
        <translation>Sign the sample PDF</translation>
    </message>
    <message>
        <source>Save signed PDF…</source>
        <translation>Save signed PDF…</translation>
    </message>
</context>
<context>
    <name>GuideView</name>
    <message>
        <source>Guide</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <source>Search the guide and APIs…</source>
        <translation>Search the guide and APIs…</translation>
    </message>
    <message>
        <source>Read the guide</source>
        <translation>Read the guide</translation>
    </message>
    <message>
        <source>What iAM Smart is, scopes, sources, mock values, use cases and FAQ</source>
        <translation>What iAM Smart is, scopes, sources, mock values, use cases and FAQ</translation>
    </message>
    <message>
        <source>Search (Ctrl+K): guide, FAQ, APIs</source>
        <translation>Search (Ctrl+K): guide, FAQ, APIs</translation>
    </message>
    <message>
        <source>Search the guide and APIs</source>
        <translation>Search the guide and APIs</translation>
    </message>
    <message>
        <source>Guide contents</source>
        <translation>Guide contents</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>APIs that need it</source>
        <translation>APIs that need it</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Mock value</source>
        <translation>Mock value</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Used by</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>request header</source>
        <translation>request header</translation>
    </message>
    <message>
        <source>Open “%1” in Flows</source>
        <translation>Open “%1” in Flows</translation>
    </message>
    <message>
        <source>Version %1, built with Qt %2, running on Qt %3</source>
        <translation>Version %1, built with Qt %2, running on Qt %3</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Environments</translation>
    </message>
    <message>
        <source>Request history</source>
        <translation>Request history</translation>
    </message>
    <message>
        <source>Simulator state (keys, certificates)</source>
        <translation>Simulator state (keys, certificates)</translation>
    </message>
    <message>
        <source>Log messages</source>
        <translation>Log messages</translation>
    </message>
    <message>
        <source>standard error of the console (the journal when your desktop starts it)</source>
        <translation>standard error of the console (the journal when your desktop starts it)</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API: %1</translation>
    </message>
    <message>
        <source>FAQ: %1</source>
        <translation>FAQ: %1</translation>
    </message>
    <message>
        <source>Guide: %1</source>
        <translation>Guide: %1</translation>
    </message>
</context>
<context>
    <name>SpecPage</name>
    <message>
        <source>The wire format of this API is not published; the console models it.</source>
        <translation>The wire format of this API is not published; the console models it.</translation>
    </message>
    <message>
        <source>Scope needed:</source>
        <translation>Scope needed:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Headers</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Presence</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation>at most %1 characters</translation>
    </message>
    <message>
        <source>at least %1 items</source>
        <translation>at least %1 items</translation>
    </message>
    <message>
        <source>values</source>
        <translation>values</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>see the table of %1</source>
        <translation>see the table of %1</translation>
    </message>
    <message>
        <source>Query parameters</source>
        <translation>Query parameters</translation>
    </message>
    <message>
        <source>Content fields</source>
        <translation>Content fields</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Response content fields</source>
        <translation>Response content fields</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Request sample</source>
        <translation>Request sample</translation>
    </message>
    <message>
        <source>Shown decrypted: on the wire content is AES-GCM encrypted Base64 and secretKey carries the RSA-encrypted key.</source>
        <translation>Shown decrypted: on the wire content is AES-GCM encrypted Base64 and secretKey carries the RSA-encrypted key.</translation>
    </message>
    <message>
        <source>Response sample</source>
        <translation>Response sample</translation>
    </message>
    <message>
        <source>Shown decrypted: environments that encrypt send content as AES-GCM encrypted Base64.</source>
        <translation>Shown decrypted: environments that encrypt send content as AES-GCM encrypted Base64.</translation>
    </message>
    <message>
        <source>HTTP status codes</source>
        <translation>HTTP status codes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Requests that lead to it</source>
        <translation>Requests that lead to it</translation>
    </message>
    <message>
        <source>Callbacks it triggers</source>
        <translation>Callbacks it triggers</translation>
    </message>
    <message>
        <source>Return codes</source>
        <translation>Return codes</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>How it happens</source>
        <translation>How it happens</translation>
    </message>
</context>
<context>
    <name>ExtrasEditor</name>
    <message>
        <source>Not a valid header name (letters, digits and !#$%&amp;'*+-.^_`|~ only); it is left out.</source>
        <translation>Not a valid header name (letters, digits and !#$%&amp;'*+-.^_`|~ only); it is left out.</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>Header name</translation>
    </message>
    <message>
        <source>+ Add header</source>
        <translation>+ Add header</translation>
    </message>
    <message>
        <source>+ Add parameter</source>
        <translation>+ Add parameter</translation>
    </message>
    <message>
        <source>Added headers and query parameters are sent as typed but not signed: iAM Smart signs the body only.</source>
        <translation>Added headers and query parameters are sent as typed but not signed: iAM Smart signs the body only.</translation>
    </message>
    <message>
        <source>Parameter name</source>
        <translation>Parameter name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>ConnectionAdvice</name>
    <message>
        <source>Connected: getKey answered %1.</source>
        <translation>Connected: getKey answered %1.</translation>
    </message>
    <message>
        <source>The server does not know this client ID (%1: %2). Copy the client ID exactly as it was issued for your online service.</source>
        <translation>The server does not know this client ID (%1: %2). Copy the client ID exactly as it was issued for your online service.</translation>
    </message>
    <message>
        <source>%1: the signature did not verify. Either the client secret is wrong, or this computer&apos;s clock is off (the signed timestamp is checked): check the client secret first, then the system clock.</source>
        <translation>%1: the signature did not verify. Either the client secret is wrong, or this computer&apos;s clock is off (the signed timestamp is checked): check the client secret first, then the system clock.</translation>
    </message>
    <message>
        <source>%1: the server refused the request&apos;s timestamp (%2). Set this computer&apos;s clock right (automatic time), then test again.</source>
        <translation>%1: the server refused the request&apos;s timestamp (%2). Set this computer&apos;s clock right (automatic time), then test again.</translation>
    </message>
    <message>
        <source>%1: the content key could not be issued or read. The server must hold the KEK certificate you registered, and the private key must be that certificate&apos;s.</source>
        <translation>%1: the content key could not be issued or read. The server must hold the KEK certificate you registered, and the private key must be that certificate&apos;s.</translation>
    </message>
    <message>
        <source>Connected, but there is no KEK private key to read the content key with: encrypted APIs fail until one is set.</source>
        <translation>Connected, but there is no KEK private key to read the content key with: encrypted APIs fail until one is set.</translation>
    </message>
    <message>
        <source>HTTP 401 from the gateway in front of the API: the subscription key (Ocp-Apim-Subscription-Key) is missing or wrong. Enter the key the sandbox portal gave you and tick Send subscription key.</source>
        <translation>HTTP 401 from the gateway in front of the API: the subscription key (Ocp-Apim-Subscription-Key) is missing or wrong. Enter the key the sandbox portal gave you and tick Send subscription key.</translation>
    </message>
    <message>
        <source>HTTP 404: there is no iAM Smart API at this base URL. Give the base URL without /api/v1.</source>
        <translation>HTTP 404: there is no iAM Smart API at this base URL. Give the base URL without /api/v1.</translation>
    </message>
    <message>
        <source>The secure connection failed (%1): the server&apos;s certificate is not trusted or the TLS handshake failed. Check the host name in the base URL and this computer&apos;s certificates.</source>
        <translation>The secure connection failed (%1): the server&apos;s certificate is not trusted or the TLS handshake failed. Check the host name in the base URL and this computer&apos;s certificates.</translation>
    </message>
    <message>
        <source>The host name in the base URL does not resolve (%1). Check its spelling, or the network&apos;s DNS.</source>
        <translation>The host name in the base URL does not resolve (%1). Check its spelling, or the network&apos;s DNS.</translation>
    </message>
    <message>
        <source>The server could not be reached (%1): refused, reset or no answer. Check the host and port in the base URL, the network, and any proxy or firewall.</source>
        <translation>The server could not be reached (%1): refused, reset or no answer. Check the host and port in the base URL, the network, and any proxy or firewall.</translation>
    </message>
    <message>
        <source>Unexpected answer %1: %2</source>
        <translation>Unexpected answer %1: %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>BrowserStep</name>
    <message>
        <source>No web browser could open the QR page: copy its URL from the QR code dock and open it in a browser yourself; the console keeps waiting.</source>
        <translation>No web browser could open the QR page: copy its URL from the QR code dock and open it in a browser yourself; the console keeps waiting.</translation>
    </message>
    <message>
        <source>The QR page is open in your web browser. Waiting for its redirect to %1 (state %2): scan the QR code with iAM Smart and decide on the phone.</source>
        <translation>The QR page is open in your web browser. Waiting for its redirect to %1 (state %2): scan the QR code with iAM Smart and decide on the phone.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Stopped waiting for the browser. A redirect that still arrives is kept in Callbacks.</source>
        <translation>Stopped waiting for the browser. A redirect that still arrives is kept in Callbacks.</translation>
    </message>
    <message>
        <source>The browser came back with %1: no code was issued.</source>
        <translation>The browser came back with %1: no code was issued.</translation>
    </message>
    <message>
        <source>The browser came back with a code, but it did not match the request (%1).</source>
        <translation>The browser came back with a code, but it did not match the request (%1).</translation>
    </message>
    <message>
        <source>The browser came back: code %1 earned (Use earned fills it in Request access token).</source>
        <translation>The browser came back: code %1 earned (Use earned fills it in Request access token).</translation>
    </message>
</context>
<context>
    <name>NextAnswerPicker</name>
    <message>
        <source>Next answer</source>
        <translation>Next answer</translation>
    </message>
    <message>
        <source>API of the next answer</source>
        <translation>API of the next answer</translation>
    </message>
    <message>
        <source>Code of the next answer</source>
        <translation>Code of the next answer</translation>
    </message>
    <message>
        <source>Ar&amp;m</source>
        <translation>Ar&amp;m</translation>
    </message>
    <message>
        <source>The next request to this API answers this code</source>
        <translation>The next request to this API answers this code</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <source>Disarm every armed answer</source>
        <translation>Disarm every armed answer</translation>
    </message>
    <message>
        <source>Too many answers are armed: clear them first.</source>
        <translation>Too many answers are armed: clear them first.</translation>
    </message>
    <message numerus="yes">
        <source>%1 answers %2 (%n time(s))</source>
        <translation>
            <numerusform>%1 answers %2 (%n time)</numerusform>
            <numerusform>%1 answers %2 (%n times)</numerusform>
        </translation>
    </message>
    <message>
        <source>Every API</source>
        <translation>Every API</translation>
    </message>
    <message>
        <source>Nothing armed: requests are answered as usual.</source>
        <translation>Nothing armed: requests are answered as usual.</translation>
    </message>
</context>
</TS>
