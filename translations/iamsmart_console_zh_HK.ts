<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
<context>
    <name>ApiPage</name>
    <message>
        <source>Open in &amp;browser</source>
        <translation>在瀏覽器開啟(&amp;B)</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>規格</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>試用</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>主體</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>簽章</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密</translation>
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
        <translation>程式碼</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Code sample language</source>
        <translation>程式碼範例語言</translation>
    </message>
    <message>
        <source>Code sample</source>
        <translation>程式碼範例</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>傳送(&amp;S)</translation>
    </message>
    <message>
        <source>Send the request shown in the preview (Ctrl+Return)</source>
        <translation>傳送預覽中顯示的請求（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>顯示二維碼</translation>
    </message>
    <message>
        <source>Request body as JSON</source>
        <translation>以 JSON 表示的請求主體</translation>
    </message>
    <message>
        <source>Request preview</source>
        <translation>請求預覽</translation>
    </message>
    <message>
        <source>Decrypted response content</source>
        <translation>已解密的回應內容</translation>
    </message>
    <message>
        <source>Raw response</source>
        <translation>原始回應</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>內容</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>The wire format of this API is not published; the console models it.</source>
        <translation>此 API 的傳輸格式未有公開，由控制台模擬。</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>標頭</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>是否必填</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>Response sample</source>
        <translation>回應範例</translation>
    </message>
    <message>
        <source>Return codes</source>
        <translation>回傳代碼</translation>
    </message>
    <message>
        <source>JSON error at character %1: %2</source>
        <translation>第 %1 個字元的 JSON 錯誤：%2</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>主體必須是 JSON 物件。</translation>
    </message>
    <message>
        <source>The browser opens this URL; it is not signed.</source>
        <translation>瀏覽器會開啟此網址；它不需簽章。</translation>
    </message>
    <message>
        <source>Not encrypted.</source>
        <translation>未加密。</translation>
    </message>
    <message>
        <source>Some fields break their rules; see the form.</source>
        <translation>部分欄位不符規則，請查看表格。</translation>
    </message>
    <message>
        <source>No content encryption key yet: send Key management → Request content encryption key first.</source>
        <translation>尚未有內容加密密鑰：請先傳送「密鑰管理 → 索取內容加密密鑰」。</translation>
    </message>
    <message>
        <source>String to sign (clientID + signatureMethod + timestamp + nonce + body):
%1

HMAC-SHA256, Base64:
%2

signature header (URL-encoded):
%3</source>
        <translation>待簽字串（clientID + signatureMethod + timestamp + nonce + 主體）：
%1

HMAC-SHA256（Base64）：
%2

signature 標頭（URL 編碼）：
%3</translation>
    </message>
    <message>
        <source>This request is not signed.</source>
        <translation>此請求不需簽章。</translation>
    </message>
    <message>
        <source>AES-256-GCM, no AAD
IV (12 bytes): %1
Ciphertext (%2 bytes): %3
Tag (16 bytes): %4

Body sent:
%5</source>
        <translation>AES-256-GCM，無 AAD
IV（12 位元組）：%1
密文（%2 位元組）：%3
標籤（16 位元組）：%4

傳送的主體：
%5</translation>
    </message>
    <message>
        <source>Sent as plain JSON.</source>
        <translation>以純 JSON 傳送。</translation>
    </message>
    <message>
        <source>Some fields break their rules (see the form); the request can still be sent to test the answer.</source>
        <translation>部分欄位不符規則（見表格）；仍可傳送請求以測試回應。</translation>
    </message>
    <message>
        <source>No content encryption key yet: request one first (Key management).</source>
        <translation>尚未有內容加密密鑰：請先索取（密鑰管理）。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>傳送中…</translation>
    </message>
    <message>
        <source>No answer in time.</source>
        <translation>逾時未有回應。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>網絡錯誤：%1</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1，用時 %2 毫秒</translation>
    </message>
    <message>
        <source>Could not read the content: %1 (%2)</source>
        <translation>無法讀取內容：%1（%2）</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>未知代碼</translation>
    </message>
    <message>
        <source>The strings to sign are identical, so the client secret must differ.</source>
        <translation>待簽字串相同，因此用戶端密鑰必定不同。</translation>
    </message>
    <message>
        <source>The strings to sign differ from character %1:&lt;br&gt;&lt;b&gt;Console:&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt;&lt;br&gt;&lt;b&gt;Simulator:&lt;/b&gt; &lt;code&gt;%3&lt;/code&gt;</source>
        <translation>待簽字串由第 %1 個字元起不同：&lt;br&gt;&lt;b&gt;控制台：&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt;&lt;br&gt;&lt;b&gt;模擬器：&lt;/b&gt; &lt;code&gt;%3&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Copy the text of the preview tab shown</source>
        <translation>複製目前預覽分頁的文字</translation>
    </message>
    <message>
        <source>Reveal secrets</source>
        <translation>顯示密鑰</translation>
    </message>
    <message>
        <source>QR of the app link</source>
        <translation>應用程式連結二維碼</translation>
    </message>
    <message>
        <source>Show the app-scheme URL with the returned ticketID as a QR code</source>
        <translation>以二維碼顯示帶有回傳 ticketID 的應用程式網址</translation>
    </message>
    <message>
        <source>Gateway requests are not signed: the x-client-id and x-client-secret headers authenticate the caller. Tokens are HS256 JWTs issued by the gateway.</source>
        <translation>閘道請求不會簽署：由 x-client-id 及 x-client-secret 標頭驗證呼叫者。令牌是閘道簽發的 HS256 JWT。</translation>
    </message>
    <message>
        <source>Sent as plain JSON. Results come back from polling as a JWE (RSA-OAEP, A256GCM) encrypted to your registered public key; the console decrypts it with the environment&apos;s private key.</source>
        <translation>以純 JSON 傳送。輪詢取得的結果是以你登記的公開金鑰加密的 JWE（RSA-OAEP、A256GCM）；控制台會以環境的私密金鑰解密。</translation>
    </message>
    <message>
        <source>JWE result</source>
        <translation>JWE 結果</translation>
    </message>
    <message>
        <source>Protected header:
%1
</source>
        <translation>受保護標頭：
%1
</translation>
    </message>
    <message>
        <source>Could not decrypt: %1</source>
        <translation>無法解密：%1</translation>
    </message>
    <message>
        <source>Claims:
%1
Result:
%2</source>
        <translation>聲明（claims）：
%1
結果：
%2</translation>
    </message>
    <message>
        <source>Log in first</source>
        <translation>先登入</translation>
    </message>
    <message>
        <source>Runs a login on the virtual phone; the values it earns fill this form</source>
        <translation>在虛擬手機上登入；取得的值會填入此表格</translation>
    </message>
    <message>
        <source>Use portal sample values</source>
        <translation>使用入門網站範例值</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>Rule warning details</source>
        <translation>規則警告詳情</translation>
    </message>
    <message>
        <source>Opening the QR page…</source>
        <translation>正在開啟二維碼頁面…</translation>
    </message>
    <message>
        <source>Send opens this page as a browser would; the phone asks you, and the redirect returns here.</source>
        <translation>「傳送」會像瀏覽器一樣開啟此頁面；手機會詢問你，重新導向會返回此處。</translation>
    </message>
    <message>
        <source>Send opens this page in your web browser; scan its QR code with iAM Smart.</source>
        <translation>「傳送」會在網頁瀏覽器開啟此頁面；請用「智方便」掃描其二維碼。</translation>
    </message>
    <message>
        <source>No %1 from a login in this environment yet: the portal&apos;s sample value will be refused.</source>
        <translation>此環境尚未從登入取得 %1：入門網站的範例值會被拒絕。</translation>
    </message>
    <message>
        <source>Send is blocked: the JSON tab does not parse (%1).</source>
        <translation>無法傳送：JSON 分頁內容無法解析（%1）。</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) break their rules; Send still sends, to test the answer.</source>
        <translation>
            <numerusform>%n 個欄位不符規則；仍可傳送以測試回應。</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: log in again (Request QR page, Send, approve on the phone) for a fresh code; a code works once.</source>
        <translation>下一步：重新登入（要求二維碼頁面、傳送、在手機上批准）以取得新的授權碼；每個授權碼只可使用一次。</translation>
    </message>
    <message>
        <source>Next: log in again with the scope this API needs.</source>
        <translation>下一步：以此 API 所需的範圍重新登入。</translation>
    </message>
    <message>
        <source>Next: log in again requesting the scope %1, then use the new token.</source>
        <translation>下一步：重新登入並要求範圍 %1，然後使用新的存取權杖。</translation>
    </message>
</context>
<context>
    <name>ButtonGallery</name>
    <message>
        <source>Export button</source>
        <translation>匯出按鈕</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 圖像（*.png）</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 圖像（*.svg）</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>無法儲存：%1</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>Re-authentication</source>
        <translation>重新認證</translation>
    </message>
    <message>
        <source>Open the app (same device)</source>
        <translation>開啟應用程式（同一裝置）</translation>
    </message>
    <message>
        <source>Form filling</source>
        <translation>填表</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>簽署</translation>
    </message>
    <message>
        <source>More info link</source>
        <translation>「了解更多」連結</translation>
    </message>
    <message>
        <source>The button data failed to load: %1</source>
        <translation>無法載入按鈕資料：%1</translation>
    </message>
    <message>
        <source>The iAM Smart buttons in the three languages at each size. Click one to select it, choose the height and export it as PNG or SVG. The texts live in resources/branding/buttons.json.</source>
        <translation>以三種語言及各種尺寸顯示智方便按鈕。按一下按鈕以選取，選擇高度後匯出為 PNG 或 SVG。文字儲存在 resources/branding/buttons.json。</translation>
    </message>
    <message>
        <source>Background colour %1: the “iAM Smart green” seen in third-party integrations, not an official colour.</source>
        <translation>背景顏色 %1：第三方整合中所見的「智方便綠色」，並非官方顏色。</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>高度(&amp;H)：</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Export height</source>
        <translation>匯出高度</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>匯出 PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>匯出 SVG…</translation>
    </message>
    <message>
        <source>Selected: %1 — %2 (%3)</source>
        <translation>已選取：%1 — %2（%3）</translation>
    </message>
    <message>
        <source>Official text</source>
        <translation>官方文字</translation>
    </message>
    <message>
        <source>Not an official text: follows the pattern of the official re-authentication button</source>
        <translation>非官方文字：依照官方重新認證按鈕的格式</translation>
    </message>
    <message>
        <source>%1, %2 px high</source>
        <translation>%1，高 %2 像素</translation>
    </message>
</context>
<context>
    <name>CallbackInspector</name>
    <message>
        <source>matched</source>
        <translation>已配對</translation>
    </message>
    <message>
        <source>state mismatch (possible CSRF)</source>
        <translation>state 不符（可能是 CSRF）</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>unknown businessID</source>
        <translation>未知 businessID</translation>
    </message>
    <message>
        <source>unknown state</source>
        <translation>未知 state</translation>
    </message>
    <message>
        <source>could not decrypt</source>
        <translation>無法解密</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒絕</translation>
    </message>
    <message>
        <source>Answered: HTTP %1</source>
        <translation>已回應：HTTP %1</translation>
    </message>
    <message>
        <source>Match: %1</source>
        <translation>配對：%1</translation>
    </message>
    <message>
        <source>Return code: %1</source>
        <translation>回傳代碼：%1</translation>
    </message>
    <message>
        <source>Error: %1 — %2</source>
        <translation>錯誤：%1 — %2</translation>
    </message>
    <message>
        <source>Shape: %1</source>
        <translation>格式：%1</translation>
    </message>
    <message>
        <source>Decrypted content:</source>
        <translation>已解密內容：</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回調</translation>
    </message>
    <message>
        <source>businessID</source>
        <translation>businessID</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>配對</translation>
    </message>
    <message>
        <source>Received callbacks</source>
        <translation>已收到的回調</translation>
    </message>
    <message>
        <source>Callback detail</source>
        <translation>回調詳情</translation>
    </message>
    <message>
        <source>%1 older callbacks were dropped from this list to bound memory.</source>
        <translation>為限制記憶體用量，已從此列表移除 %1 個較舊的回調。</translation>
    </message>
</context>
<context>
    <name>EnvironmentDialog</name>
    <message>
        <source>Test connection</source>
        <translation>測試連線</translation>
    </message>
    <message>
        <source>Not tested: %1</source>
        <translation>未測試：%1</translation>
    </message>
    <message>
        <source>The KEK private key could not be read (%1). Fix: %2, %3.</source>
        <translation>無法讀取 KEK 私鑰（%1）。請修正：%2、%3。</translation>
    </message>
    <message>
        <source>Testing the connection: getKey to %1…</source>
        <translation>正在測試連線：向 %1 發出 getKey…</translation>
    </message>
    <message>
        <source>Field to fix: %1</source>
        <translation>需修正的欄位：%1</translation>
    </message>
    <message>
        <source>Export environment</source>
        <translation>匯出環境</translation>
    </message>
    <message>
        <source>Environment (*.json)</source>
        <translation>環境（*.json）</translation>
    </message>
    <message>
        <source>Exported without secrets.</source>
        <translation>已匯出，不含密鑰。</translation>
    </message>
    <message>
        <source>Import environment</source>
        <translation>匯入環境</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>環境</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基本網址</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>用戶端識別碼</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>用戶端密鑰</translation>
    </message>
    <message>
        <source>Subscription key</source>
        <translation>訂閱密鑰</translation>
    </message>
    <message>
        <source>KEK certificate</source>
        <translation>KEK 證書</translation>
    </message>
    <message>
        <source>KEK private key</source>
        <translation>KEK 私鑰</translation>
    </message>
    <message>
        <source>Private key password</source>
        <translation>私鑰密碼</translation>
    </message>
    <message>
        <source>Callback base URL</source>
        <translation>回調基本網址</translation>
    </message>
    <message>
        <source>Sign and encrypt</source>
        <translation>簽章及加密</translation>
    </message>
    <message>
        <source>Send subscription key</source>
        <translation>傳送訂閱密鑰</translation>
    </message>
    <message>
        <source>Reveal secrets</source>
        <translation>顯示密鑰</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>匯入…</translation>
    </message>
    <message>
        <source>empty: the console&apos;s own listener</source>
        <translation>留空：使用控制台自己的監聽器</translation>
    </message>
    <message>
        <source>The local simulator needs no setup: its dev client is generated for you.</source>
        <translation>本機模擬器毋須設定：開發用戶端會自動產生。</translation>
    </message>
    <message>
        <source>The local simulator environments cannot be changed.</source>
        <translation>本機模擬器環境不能更改。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未儲存：%1</translation>
    </message>
    <message>
        <source>Saved; secrets are in the system keychain.</source>
        <translation>已儲存；密鑰存於系統密碼庫。</translation>
    </message>
    <message>
        <source>Saved; secrets are kept for this session only (no keychain).</source>
        <translation>已儲存；密鑰只保留於本次工作階段（沒有密碼庫）。</translation>
    </message>
    <message>
        <source>Saved; storing the secrets in the keychain…</source>
        <translation>已儲存；正在把密鑰存入密鑰庫…</translation>
    </message>
    <message>
        <source>Saved, but the keychain did not store the secrets (%1). Enter them again or check the keychain.</source>
        <translation>已儲存，但密鑰庫未能儲存密鑰（%1）。請重新輸入或檢查密鑰庫。</translation>
    </message>
</context>
<context>
    <name>FlowView</name>
    <message>
        <source>Passed in %1 ms.</source>
        <translation>通過，用時 %1 毫秒。</translation>
    </message>
    <message>
        <source>Failed: %1 — %2</source>
        <translation>失敗：%1 — %2</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>匯出序列圖</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 圖像（*.png）</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 圖像（*.svg）</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>儲存報告</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML（*.html）</translation>
    </message>
    <message>
        <source>Save HAR</source>
        <translation>儲存 HAR</translation>
    </message>
    <message>
        <source>HAR (*.har)</source>
        <translation>HAR（*.har）</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>waiting for the phone</source>
        <translation>等待手機</translation>
    </message>
    <message>
        <source>waiting for the callback</source>
        <translation>等待回調</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通過</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>QR expires in %1:%2</source>
        <translation>二維碼將於 %1:%2 後失效</translation>
    </message>
    <message>
        <source>Phone approves</source>
        <translation>手機批准</translation>
    </message>
    <message>
        <source>Phone rejects</source>
        <translation>手機拒絕</translation>
    </message>
    <message>
        <source>User cancels</source>
        <translation>用戶取消</translation>
    </message>
    <message>
        <source>Request expires</source>
        <translation>請求逾時</translation>
    </message>
    <message>
        <source>What the virtual phone answers</source>
        <translation>虛擬手機的回應</translation>
    </message>
    <message>
        <source>A person answers on a real phone</source>
        <translation>由真人在實體手機上回應</translation>
    </message>
    <message>
        <source>&amp;Run flow</source>
        <translation>執行流程(&amp;R)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>匯出 PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>匯出 SVG…</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>儲存報告…</translation>
    </message>
    <message>
        <source>Save HAR…</source>
        <translation>儲存 HAR…</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Flow steps</source>
        <translation>流程步驟</translation>
    </message>
    <message>
        <source>Start with iAM Smart</source>
        <translation>以智方便開始</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>放大（Ctrl+滾輪）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>縮小（Ctrl+滾輪）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>QR expiry</source>
        <translation>二維碼有效時間</translation>
    </message>
    <message>
        <source>You decide on the virtual phone</source>
        <translation>由你在虛擬手機上決定</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Filter history…</source>
        <translation>篩選歷史記錄…</translation>
    </message>
    <message>
        <source>Filter history</source>
        <translation>篩選歷史記錄</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
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
        <translation>程式碼</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延遲</translation>
    </message>
    <message>
        <source>Exchange history</source>
        <translation>請求歷史</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新開啟</translation>
    </message>
    <message>
        <source>Resend as new</source>
        <translation>作為新請求重送</translation>
    </message>
    <message>
        <source>Export HAR…</source>
        <translation>匯出 HAR…</translation>
    </message>
    <message>
        <source>Keep personal data in history</source>
        <translation>在歷史記錄中保留個人資料</translation>
    </message>
    <message>
        <source>Off: access tokens, openIDs and decrypted personal data are replaced by [redacted] in history files and HAR exports.</source>
        <translation>關閉時：歷史記錄檔案及匯出的 HAR 中的存取權杖、openID 及已解密的個人資料會以 [redacted] 取代。</translation>
    </message>
    <message>
        <source>Keep for</source>
        <translation>保留</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>ever</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>Days history is kept</source>
        <translation>歷史記錄保留日數</translation>
    </message>
    <message>
        <source> entries</source>
        <translation> 項</translation>
    </message>
    <message>
        <source>no entry limit</source>
        <translation>不限項數</translation>
    </message>
    <message>
        <source>Entries history keeps at most</source>
        <translation>歷史記錄最多保留項數</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About iAM Smart Sandbox Console</source>
        <translation>關於智方便沙盒控制台</translation>
    </message>
    <message>
        <source>iAM Smart Sandbox Console %1
A desktop console and offline simulator for iAM Smart integrations.</source>
        <translation>智方便沙盒控制台 %1
用於整合智方便的桌面控制台及離線模擬器。</translation>
    </message>
    <message>
        <source>iAM Smart Sandbox Console</source>
        <translation>智方便沙盒控制台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>關於(&amp;A)</translation>
    </message>
    <message>
        <source>Filter APIs…</source>
        <translation>篩選 API…</translation>
    </message>
    <message>
        <source>Filter APIs</source>
        <translation>篩選 API</translation>
    </message>
    <message>
        <source>API catalog</source>
        <translation>API 目錄</translation>
    </message>
    <message>
        <source>The API catalog failed to load.</source>
        <translation>無法載入 API 目錄。</translation>
    </message>
    <message numerus="yes">
        <source>%n API(s) in the catalog</source>
        <translation>
            <numerusform>目錄中共有 %n 個 API</numerusform>
        </translation>
    </message>
    <message>
        <source>1.1 Authentication</source>
        <translation>1.1 認證</translation>
    </message>
    <message>
        <source>1.2 Re-authentication</source>
        <translation>1.2 重新認證</translation>
    </message>
    <message>
        <source>3 Form Pre-filling</source>
        <translation>3 預填表格</translation>
    </message>
    <message>
        <source>4 Signing</source>
        <translation>4 簽署</translation>
    </message>
    <message>
        <source>Key management</source>
        <translation>密鑰管理</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>回調</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>網關</translation>
    </message>
    <message>
        <source>Local simulator (%1) at %2</source>
        <translation>本機模擬器（%1）位於 %2</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>嚴格模式</translation>
    </message>
    <message>
        <source>sandbox-compatible</source>
        <translation>沙盒相容模式</translation>
    </message>
    <message>
        <source>Local simulator not running</source>
        <translation>本機模擬器未有運行</translation>
    </message>
    <message>
        <source>Preparing the simulator…</source>
        <translation>正在準備模擬器…</translation>
    </message>
    <message>
        <source>Making the simulator&apos;s keys (first start). Requests to the simulator wait until they are ready.</source>
        <translation>正在產生模擬器的密鑰（首次啟動）。發送到模擬器的請求會等到密鑰準備好。</translation>
    </message>
    <message>
        <source>Export HAR</source>
        <translation>匯出 HAR</translation>
    </message>
    <message>
        <source>HAR (*.har)</source>
        <translation>HAR（*.har）</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>環境</translation>
    </message>
    <message>
        <source>Environments…</source>
        <translation>環境…</translation>
    </message>
    <message>
        <source>Where requests go: the local simulator by default</source>
        <translation>請求的目的地：預設為本機模擬器</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>二維碼</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷史</translation>
    </message>
    <message>
        <source>Virtual phone</source>
        <translation>虛擬手機</translation>
    </message>
    <message>
        <source>No system keychain is available: secrets you enter are kept for this session only and are forgotten when the console closes.</source>
        <translation>沒有可用的系統密碼庫：你輸入的密鑰只保留於本次工作階段，關閉控制台後即會清除。</translation>
    </message>
    <message>
        <source>Local simulator — strict</source>
        <translation>本機模擬器 — 嚴格模式</translation>
    </message>
    <message>
        <source>Local simulator — sandbox-compatible</source>
        <translation>本機模擬器 — 沙盒相容模式</translation>
    </message>
    <message>
        <source>Cyberport sandbox</source>
        <translation>數碼港沙盒</translation>
    </message>
    <message>
        <source>iAM Smart test environment</source>
        <translation>智方便測試環境</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>簡報模式(&amp;P)</translation>
    </message>
    <message>
        <source>Next language</source>
        <translation>下一種語言</translation>
    </message>
    <message>
        <source>Next flow step</source>
        <translation>下一個流程步驟</translation>
    </message>
    <message>
        <source>iAM Smart buttons</source>
        <translation>智方便按鈕</translation>
    </message>
    <message>
        <source>iAM Smart &amp;buttons</source>
        <translation>智方便按鈕(&amp;B)</translation>
    </message>
    <message>
        <source>Export API definition</source>
        <translation>匯出 API 定義</translation>
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
        <translation>無法寫入 %1。</translation>
    </message>
    <message>
        <source>API definition written to %1</source>
        <translation>API 定義已寫入 %1</translation>
    </message>
    <message>
        <source>Export API &amp;definition…</source>
        <translation>匯出 API 定義(&amp;D)…</translation>
    </message>
    <message>
        <source>Console sections</source>
        <translation>主控台分頁</translation>
    </message>
    <message>
        <source>&amp;Start here</source>
        <translation>由此開始(&amp;S)</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>由此開始</translation>
    </message>
    <message>
        <source>Try a login</source>
        <translation>試一次登入</translation>
    </message>
    <message>
        <source>Runs “Log in and share the profile”; the virtual phone waits for you to approve</source>
        <translation>執行「登入及提供個人資料」；虛擬手機會等你批准</translation>
    </message>
    <message>
        <source>Explore the APIs</source>
        <translation>瀏覽 API</translation>
    </message>
    <message>
        <source>Every API as a prefilled form; Send shows the exact answer</source>
        <translation>每個 API 都是預先填好的表格；傳送後顯示確實的回應</translation>
    </message>
    <message>
        <source>Run a guided flow</source>
        <translation>執行導引流程</translation>
    </message>
    <message>
        <source>Whole journeys step by step, with a sequence diagram</source>
        <translation>逐步走完整個流程，附序列圖</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Hide this panel; Help → Start here shows it again</source>
        <translation>隱藏此面板；可在「說明 → 由此開始」再次顯示</translation>
    </message>
    <message>
        <source>Docs: README.md with the console (every API, flow and command) and %1 for iAM Smart.</source>
        <translation>文件：主控台附帶的 README.md（所有 API、流程及指令），以及介紹「智方便」的 %1。</translation>
    </message>
    <message>
        <source>The QR page is open in your web browser: scan it with iAM Smart.</source>
        <translation>二維碼頁面已在網頁瀏覽器開啟：請用「智方便」掃描。</translation>
    </message>
    <message>
        <source>No web browser could open the QR page; the QR code dock shows it.</source>
        <translation>沒有網頁瀏覽器能開啟二維碼頁面；請看二維碼面板。</translation>
    </message>
    <message>
        <source>QR page opened (HTTP %1): decide on the virtual phone.</source>
        <translation>已開啟二維碼頁面（HTTP %1）：請在虛擬手機上作出決定。</translation>
    </message>
    <message>
        <source>The QR page answered HTTP %1.</source>
        <translation>二維碼頁面回應 HTTP %1。</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <source>Log in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>Share profile</source>
        <translation>提供個人資料</translation>
    </message>
    <message>
        <source>Fill in a form</source>
        <translation>填寫表格</translation>
    </message>
    <message>
        <source>Confirm it is you</source>
        <translation>確認是你本人</translation>
    </message>
    <message>
        <source>Sign documents</source>
        <translation>簽署文件</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>簽署</translation>
    </message>
    <message>
        <source>Nothing is waiting on the phone.</source>
        <translation>手機上沒有待處理的請求。</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>服務：%1</translation>
    </message>
    <message>
        <source>Form: %1</source>
        <translation>表格：%1</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Data to share: %1</source>
        <translation>提供的資料：%1</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>票證 %1</translation>
    </message>
    <message>
        <source>Answered %1 (%2)</source>
        <translation>已回應 %1（%2）</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>拒絕(&amp;R)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>取消(&amp;N)</translation>
    </message>
    <message>
        <source>Let e&amp;xpire</source>
        <translation>讓其逾時(&amp;X)</translation>
    </message>
    <message>
        <source>Requests waiting on the phone</source>
        <translation>手機上待處理的請求</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>用戶角色</translation>
    </message>
    <message>
        <source>iAM Smart+</source>
        <translation>智方便+</translation>
    </message>
    <message>
        <source>iAM Smart</source>
        <translation>智方便</translation>
    </message>
    <message>
        <source>Approved on the phone (%1)</source>
        <translation>已在手機上批准（%1）</translation>
    </message>
    <message>
        <source>Rejected on the phone (%1)</source>
        <translation>已在手機上拒絕（%1）</translation>
    </message>
    <message>
        <source>Cancelled on the phone (%1)</source>
        <translation>已在手機上取消（%1）</translation>
    </message>
    <message>
        <source>Left to expire on the phone (%1)</source>
        <translation>已任由手機上的請求逾時（%1）</translation>
    </message>
    <message>
        <source>&amp;Fails</source>
        <translation>失敗(&amp;F)</translation>
    </message>
    <message>
        <source>The app reports a failure: the request ends with its failure code</source>
        <translation>應用程式報告失敗：請求以其失敗代碼結束</translation>
    </message>
    <message>
        <source>Not &amp;passed</source>
        <translation>未通過(&amp;P)</translation>
    </message>
    <message>
        <source>The re-authentication answers isPassed: false</source>
        <translation>重新認證回應 isPassed: false</translation>
    </message>
    <message>
        <source>Log in from the app's service &amp;catalogue</source>
        <translation>從應用程式的服務目錄登入(&amp;C)</translation>
    </message>
    <message>
        <source>Direct login: the browser opens the service with a code and RefID</source>
        <translation>直接登入：瀏覽器以授權碼及 RefID 開啟服務</translation>
    </message>
    <message>
        <source>Failed on the phone (%1)</source>
        <translation>手機上失敗（%1）</translation>
    </message>
    <message>
        <source>Not passed on the phone (%1)</source>
        <translation>手機上未通過（%1）</translation>
    </message>
    <message>
        <source>Logged in from the service catalogue (%1)</source>
        <translation>已從服務目錄登入（%1）</translation>
    </message>
    <message>
        <source>No direct-login address: the callback listener is not running.</source>
        <translation>沒有直接登入地址：回調接收器未在運行。</translation>
    </message>
</context>
<context>
    <name>QrPanel</name>
    <message>
        <source>Save QR code</source>
        <translation>儲存二維碼</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 圖像（*.png）</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 圖像（*.svg）</translation>
    </message>
    <message>
        <source>Nothing to show yet: use “Show QR code” on a page.</source>
        <translation>暫未有內容：請在頁面上按「顯示二維碼」。</translation>
    </message>
    <message>
        <source>Cannot encode: %1</source>
        <translation>無法編碼：%1</translation>
    </message>
    <message>
        <source>QR code of: %1</source>
        <translation>二維碼內容：%1</translation>
    </message>
    <message>
        <source>No QR code</source>
        <translation>沒有二維碼</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>儲存 PNG…</translation>
    </message>
    <message>
        <source>Save SVG…</source>
        <translation>儲存 SVG…</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>複製文字</translation>
    </message>
</context>
<context>
    <name>TryItForm</name>
    <message>
        <source>Compute SHA-256 of a file</source>
        <translation>計算檔案的 SHA-256</translation>
    </message>
    <message>
        <source>Generate a new value</source>
        <translation>產生新值</translation>
    </message>
    <message>
        <source>From file…</source>
        <translation>從檔案…</translation>
    </message>
    <message>
        <source>Compute the SHA-256 of a file, Base64-encoded</source>
        <translation>計算檔案的 SHA-256（Base64 編碼）</translation>
    </message>
    <message>
        <source>Use earned</source>
        <translation>使用已取得值</translation>
    </message>
    <message>
        <source>Use the %1 an earlier call returned</source>
        <translation>使用先前呼叫回傳的 %1</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 為必填。</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 不可留空。</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1 太長：最多 %2 個字元。</translation>
    </message>
    <message>
        <source>%1 does not have the required form (%2).</source>
        <translation>%1 格式不符（%2）。</translation>
    </message>
    <message>
        <source>%1 has a value that is not allowed.</source>
        <translation>%1 含有不允許的值。</translation>
    </message>
    <message>
        <source>%1 needs at least %2 item(s).</source>
        <translation>%1 最少需要 %2 項。</translation>
    </message>
    <message>
        <source>%1 must be of type %2.</source>
        <translation>%1 的類型必須是 %2。</translation>
    </message>
    <message>
        <source>Compute the SHA-256 of a file, as 64 hex characters</source>
        <translation>計算檔案的 SHA-256，以 64 個十六進位字元表示</translation>
    </message>
    <message>
        <source>%1 with the scope %2</source>
        <translation>具有範圍 %2 的 %1</translation>
    </message>
</context>
<context>
    <name>PdfSigningPanel</name>
    <message>
        <source>Choose a PDF to sign</source>
        <translation>選擇要簽署的 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the signed PDF</source>
        <translation>儲存已簽署的 PDF</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已儲存至 %1。</translation>
    </message>
    <message>
        <source>Choose a PDF: the console prepares it (a signature field with reserved space), puts its digest in %1, sends the request, and embeds the signature once the phone approves.</source>
        <translation>選擇 PDF：主控台會準備該檔案（加入預留空間的簽署欄位），把其摘要填入 %1，發送請求，並在手機批准後嵌入簽署。</translation>
    </message>
    <message>
        <source>%1 prepared; %2 = %3. Approve on the phone; the signature arrives by callback or result.</source>
        <translation>已準備 %1；%2 = %3。請在手機上批准；簽署會經回調或結果送達。</translation>
    </message>
    <message>
        <source>Signed by %1 (certificate issued by %2) at %3. Signature: %4.</source>
        <translation>由 %1 簽署（證書由 %2 簽發），時間 %3。簽署：%4。</translation>
    </message>
    <message>
        <source>valid, covering the whole document</source>
        <translation>有效，涵蓋整份文件</translation>
    </message>
    <message>
        <source>INVALID</source>
        <translation>無效</translation>
    </message>
    <message>
        <source>This file is not a PDF.</source>
        <translation>此檔案不是 PDF。</translation>
    </message>
    <message>
        <source>This PDF is encrypted; decrypt it before signing.</source>
        <translation>此 PDF 已加密；請先解密再簽署。</translation>
    </message>
    <message>
        <source>This PDF has no page to put a signature field on.</source>
        <translation>此 PDF 沒有可放置簽署欄位的頁面。</translation>
    </message>
    <message>
        <source>The signature does not fit in the space reserved in the PDF.</source>
        <translation>簽署超出 PDF 內預留的空間。</translation>
    </message>
    <message>
        <source>The signature is over another document&apos;s digest.</source>
        <translation>此簽署針對的是另一份文件的摘要。</translation>
    </message>
    <message>
        <source>pdfSignature is not a CMS signature.</source>
        <translation>pdfSignature 不是 CMS 簽署。</translation>
    </message>
    <message>
        <source>The file cannot be read or written.</source>
        <translation>無法讀取或寫入檔案。</translation>
    </message>
    <message>
        <source>The PDF could not be prepared or signed.</source>
        <translation>無法準備或簽署此 PDF。</translation>
    </message>
    <message>
        <source>PDF signing</source>
        <translation>PDF 簽署</translation>
    </message>
    <message>
        <source>Sign a PDF…</source>
        <translation>簽署 PDF…</translation>
    </message>
    <message>
        <source>Choose a PDF, prepare it for signing and send this request with its digest</source>
        <translation>選擇 PDF，準備簽署並連同其摘要發送此請求</translation>
    </message>
    <message>
        <source>Sign the sample PDF</source>
        <translation>簽署範例 PDF</translation>
    </message>
    <message>
        <source>Save signed PDF…</source>
        <translation>儲存已簽署的 PDF…</translation>
    </message>
</context>
<context>
    <name>GuideView</name>
    <message>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>指南(&amp;G)</translation>
    </message>
    <message>
        <source>Search the guide and APIs…</source>
        <translation>搜尋指南及 API…</translation>
    </message>
    <message>
        <source>Read the guide</source>
        <translation>閱讀指南</translation>
    </message>
    <message>
        <source>What iAM Smart is, scopes, sources, mock values, use cases and FAQ</source>
        <translation>「智方便」簡介、授權範圍、source 值、模擬參數、應用場景及常見問題</translation>
    </message>
    <message>
        <source>Search (Ctrl+K): guide, FAQ, APIs</source>
        <translation>搜尋（Ctrl+K）：指南、常見問題、API</translation>
    </message>
    <message>
        <source>Search the guide and APIs</source>
        <translation>搜尋指南及 API</translation>
    </message>
    <message>
        <source>Guide contents</source>
        <translation>指南目錄</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>意思</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>授權範圍</translation>
    </message>
    <message>
        <source>APIs that need it</source>
        <translation>需要此範圍的 API</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>參數</translation>
    </message>
    <message>
        <source>Mock value</source>
        <translation>模擬值</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>request header</source>
        <translation>請求標頭</translation>
    </message>
    <message>
        <source>Open “%1” in Flows</source>
        <translation>在「流程」開啟「%1」</translation>
    </message>
    <message>
        <source>Version %1, built with Qt %2, running on Qt %3</source>
        <translation>版本 %1，以 Qt %2 建置，在 Qt %3 上運行</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>環境</translation>
    </message>
    <message>
        <source>Request history</source>
        <translation>請求記錄</translation>
    </message>
    <message>
        <source>Simulator state (keys, certificates)</source>
        <translation>模擬器狀態（密鑰、證書）</translation>
    </message>
    <message>
        <source>Log messages</source>
        <translation>記錄訊息</translation>
    </message>
    <message>
        <source>standard error of the console (the journal when your desktop starts it)</source>
        <translation>控制台的標準錯誤輸出（由桌面環境啟動時則在系統日誌）</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API：%1</translation>
    </message>
    <message>
        <source>FAQ: %1</source>
        <translation>常見問題：%1</translation>
    </message>
    <message>
        <source>Guide: %1</source>
        <translation>指南：%1</translation>
    </message>
</context>
<context>
    <name>SpecPage</name>
    <message>
        <source>The wire format of this API is not published; the console models it.</source>
        <translation>此 API 的傳輸格式未有公開；本控制台按推斷建模。</translation>
    </message>
    <message>
        <source>Scope needed:</source>
        <translation>所需權限範圍：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>標頭</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>是否必填</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation>最多 %1 個字元</translation>
    </message>
    <message>
        <source>at least %1 items</source>
        <translation>最少 %1 項</translation>
    </message>
    <message>
        <source>values</source>
        <translation>可用值</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>see the table of %1</source>
        <translation>見「%1」一覽表</translation>
    </message>
    <message>
        <source>Query parameters</source>
        <translation>查詢參數</translation>
    </message>
    <message>
        <source>Content fields</source>
        <translation>內容欄位</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Response content fields</source>
        <translation>回應內容欄位</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>可用值一覽</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>意思</translation>
    </message>
    <message>
        <source>Request sample</source>
        <translation>請求範例</translation>
    </message>
    <message>
        <source>Shown decrypted: on the wire content is AES-GCM encrypted Base64 and secretKey carries the RSA-encrypted key.</source>
        <translation>以解密後的形式顯示：實際傳送時 content 為 AES-GCM 加密的 Base64，secretKey 載有以 RSA 加密的密鑰。</translation>
    </message>
    <message>
        <source>Response sample</source>
        <translation>回應範例</translation>
    </message>
    <message>
        <source>Shown decrypted: environments that encrypt send content as AES-GCM encrypted Base64.</source>
        <translation>以解密後的形式顯示：使用加密的環境會以 AES-GCM 加密的 Base64 傳送 content。</translation>
    </message>
    <message>
        <source>HTTP status codes</source>
        <translation>HTTP 狀態碼</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Requests that lead to it</source>
        <translation>觸發此回調的請求</translation>
    </message>
    <message>
        <source>Callbacks it triggers</source>
        <translation>此請求觸發的回調</translation>
    </message>
    <message>
        <source>Return codes</source>
        <translation>回傳代碼</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代碼</translation>
    </message>
    <message>
        <source>How it happens</source>
        <translation>如何出現</translation>
    </message>
</context>
<context>
    <name>ExtrasEditor</name>
    <message>
        <source>Not a valid header name (letters, digits and !#$%&amp;'*+-.^_`|~ only); it is left out.</source>
        <translation>不是有效的標頭名稱（只可使用字母、數字及 !#$%&amp;'*+-.^_`|~）；不會送出。</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>標頭名稱</translation>
    </message>
    <message>
        <source>+ Add header</source>
        <translation>+ 新增標頭</translation>
    </message>
    <message>
        <source>+ Add parameter</source>
        <translation>+ 新增參數</translation>
    </message>
    <message>
        <source>Added headers and query parameters are sent as typed but not signed: iAM Smart signs the body only.</source>
        <translation>新增的標頭及查詢參數會照輸入內容送出，但不會簽署：「智方便」只簽署請求內容。</translation>
    </message>
    <message>
        <source>Parameter name</source>
        <translation>參數名稱</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>ConnectionAdvice</name>
    <message>
        <source>Connected: getKey answered %1.</source>
        <translation>已連線：getKey 回覆 %1。</translation>
    </message>
    <message>
        <source>The server does not know this client ID (%1: %2). Copy the client ID exactly as it was issued for your online service.</source>
        <translation>伺服器不認識這個用戶端 ID（%1：%2）。請照發給你的網上服務的用戶端 ID 準確複製。</translation>
    </message>
    <message>
        <source>%1: the signature did not verify. Either the client secret is wrong, or this computer&apos;s clock is off (the signed timestamp is checked): check the client secret first, then the system clock.</source>
        <translation>%1：簽名驗證失敗。可能是用戶端密鑰不正確，或這部電腦的時鐘不準（已簽名的時間戳會被檢查）：請先檢查用戶端密鑰，再檢查系統時鐘。</translation>
    </message>
    <message>
        <source>%1: the server refused the request&apos;s timestamp (%2). Set this computer&apos;s clock right (automatic time), then test again.</source>
        <translation>%1：伺服器拒絕了請求的時間戳（%2）。請校正這部電腦的時鐘（自動設定時間），然後再測試。</translation>
    </message>
    <message>
        <source>%1: the content key could not be issued or read. The server must hold the KEK certificate you registered, and the private key must be that certificate&apos;s.</source>
        <translation>%1：內容密鑰無法發出或讀取。伺服器須持有你登記的 KEK 證書，而私鑰須屬於該證書。</translation>
    </message>
    <message>
        <source>Connected, but there is no KEK private key to read the content key with: encrypted APIs fail until one is set.</source>
        <translation>已連線，但沒有 KEK 私鑰可讀取內容密鑰：設定私鑰前，加密的 API 都會失敗。</translation>
    </message>
    <message>
        <source>HTTP 401 from the gateway in front of the API: the subscription key (Ocp-Apim-Subscription-Key) is missing or wrong. Enter the key the sandbox portal gave you and tick Send subscription key.</source>
        <translation>API 前面的閘道回覆 HTTP 401：訂閱密鑰（Ocp-Apim-Subscription-Key）缺少或不正確。請輸入沙盒入口網站給你的密鑰，並勾選「傳送訂閱密鑰」。</translation>
    </message>
    <message>
        <source>HTTP 404: there is no iAM Smart API at this base URL. Give the base URL without /api/v1.</source>
        <translation>HTTP 404：這個基本網址沒有「智方便」API。請填寫不含 /api/v1 的基本網址。</translation>
    </message>
    <message>
        <source>The secure connection failed (%1): the server&apos;s certificate is not trusted or the TLS handshake failed. Check the host name in the base URL and this computer&apos;s certificates.</source>
        <translation>安全連線失敗（%1）：伺服器證書不受信任，或 TLS 交握失敗。請檢查基本網址中的主機名稱及這部電腦的證書。</translation>
    </message>
    <message>
        <source>The host name in the base URL does not resolve (%1). Check its spelling, or the network&apos;s DNS.</source>
        <translation>基本網址中的主機名稱無法解析（%1）。請檢查拼寫或網絡的 DNS。</translation>
    </message>
    <message>
        <source>The server could not be reached (%1): refused, reset or no answer. Check the host and port in the base URL, the network, and any proxy or firewall.</source>
        <translation>無法連接伺服器（%1）：被拒絕、被重設或沒有回應。請檢查基本網址中的主機和連接埠、網絡，以及代理伺服器或防火牆。</translation>
    </message>
    <message>
        <source>Unexpected answer %1: %2</source>
        <translation>意外的回覆 %1：%2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
</context>
<context>
    <name>BrowserStep</name>
    <message>
        <source>No web browser could open the QR page: copy its URL from the QR code dock and open it in a browser yourself; the console keeps waiting.</source>
        <translation>沒有網頁瀏覽器能開啟二維碼頁面：請從「二維碼」面板複製網址，自行在瀏覽器開啟；控制台會繼續等候。</translation>
    </message>
    <message>
        <source>The QR page is open in your web browser. Waiting for its redirect to %1 (state %2): scan the QR code with iAM Smart and decide on the phone.</source>
        <translation>二維碼頁面已在你的網頁瀏覽器開啟。正在等候它重新導向至 %1（state %2）：請用「智方便」掃描二維碼，並在手機上決定。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Stopped waiting for the browser. A redirect that still arrives is kept in Callbacks.</source>
        <translation>已停止等候瀏覽器。之後才到達的重新導向會保留在「回調」中。</translation>
    </message>
    <message>
        <source>The browser came back with %1: no code was issued.</source>
        <translation>瀏覽器帶著 %1 返回：沒有發出授權碼。</translation>
    </message>
    <message>
        <source>The browser came back with a code, but it did not match the request (%1).</source>
        <translation>瀏覽器帶著授權碼返回，但與請求不相符（%1）。</translation>
    </message>
    <message>
        <source>The browser came back: code %1 earned (Use earned fills it in Request access token).</source>
        <translation>瀏覽器已返回：取得授權碼 %1（「使用已取得值」會把它填入「索取存取令牌」）。</translation>
    </message>
</context>
<context>
    <name>NextAnswerPicker</name>
    <message>
        <source>Next answer</source>
        <translation>下一個回應</translation>
    </message>
    <message>
        <source>API of the next answer</source>
        <translation>下一個回應的 API</translation>
    </message>
    <message>
        <source>Code of the next answer</source>
        <translation>下一個回應的代碼</translation>
    </message>
    <message>
        <source>Ar&amp;m</source>
        <translation>指定(&amp;M)</translation>
    </message>
    <message>
        <source>The next request to this API answers this code</source>
        <translation>此 API 的下一個請求會以此代碼回應</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>Disarm every armed answer</source>
        <translation>取消所有已指定的回應</translation>
    </message>
    <message>
        <source>Too many answers are armed: clear them first.</source>
        <translation>已指定的回應太多：請先清除。</translation>
    </message>
    <message numerus="yes">
        <source>%1 answers %2 (%n time(s))</source>
        <translation>
            <numerusform>%1 以 %2 回應（%n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>Every API</source>
        <translation>所有 API</translation>
    </message>
    <message>
        <source>Nothing armed: requests are answered as usual.</source>
        <translation>未有指定：請求照常回應。</translation>
    </message>
</context>
</TS>
