<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiPage</name>
    <message>
        <source>Open in &amp;browser</source>
        <translation>在浏览器打开(&amp;B)</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>规范</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>试用</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>主体</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
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
        <translation>代码</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Code sample language</source>
        <translation>代码示例语言</translation>
    </message>
    <message>
        <source>Code sample</source>
        <translation>代码示例</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Send the request shown in the preview (Ctrl+Return)</source>
        <translation>发送预览中显示的请求（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>显示二维码</translation>
    </message>
    <message>
        <source>Request body as JSON</source>
        <translation>以 JSON 表示的请求主体</translation>
    </message>
    <message>
        <source>Request preview</source>
        <translation>请求预览</translation>
    </message>
    <message>
        <source>Decrypted response content</source>
        <translation>已解密的响应内容</translation>
    </message>
    <message>
        <source>Raw response</source>
        <translation>原始响应</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>The wire format of this API is not published; the console models it.</source>
        <translation>此 API 的传输格式未公开，由控制台模拟。</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>标头</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>是否必填</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Response sample</source>
        <translation>响应示例</translation>
    </message>
    <message>
        <source>Return codes</source>
        <translation>返回代码</translation>
    </message>
    <message>
        <source>JSON error at character %1: %2</source>
        <translation>第 %1 个字符的 JSON 错误：%2</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>主体必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>The browser opens this URL; it is not signed.</source>
        <translation>浏览器会打开此网址；它不需签名。</translation>
    </message>
    <message>
        <source>Not encrypted.</source>
        <translation>未加密。</translation>
    </message>
    <message>
        <source>Some fields break their rules; see the form.</source>
        <translation>部分字段不符合规则，请查看表格。</translation>
    </message>
    <message>
        <source>No content encryption key yet: send Key management → Request content encryption key first.</source>
        <translation>尚无内容加密密钥：请先发送“密钥管理 → 获取内容加密密钥”。</translation>
    </message>
    <message>
        <source>String to sign (clientID + signatureMethod + timestamp + nonce + body):
%1

HMAC-SHA256, Base64:
%2

signature header (URL-encoded):
%3</source>
        <translation>待签字符串（clientID + signatureMethod + timestamp + nonce + 主体）：
%1

HMAC-SHA256（Base64）：
%2

signature 标头（URL 编码）：
%3</translation>
    </message>
    <message>
        <source>This request is not signed.</source>
        <translation>此请求不需签名。</translation>
    </message>
    <message>
        <source>AES-256-GCM, no AAD
IV (12 bytes): %1
Ciphertext (%2 bytes): %3
Tag (16 bytes): %4

Body sent:
%5</source>
        <translation>AES-256-GCM，无 AAD
IV（12 字节）：%1
密文（%2 字节）：%3
标签（16 字节）：%4

发送的主体：
%5</translation>
    </message>
    <message>
        <source>Sent as plain JSON.</source>
        <translation>以纯 JSON 发送。</translation>
    </message>
    <message>
        <source>Some fields break their rules (see the form); the request can still be sent to test the answer.</source>
        <translation>部分字段不符合规则（见表格）；仍可发送请求以测试响应。</translation>
    </message>
    <message>
        <source>No content encryption key yet: request one first (Key management).</source>
        <translation>尚无内容加密密钥：请先获取（密钥管理）。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>No answer in time.</source>
        <translation>超时无响应。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>网络错误：%1</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1，用时 %2 毫秒</translation>
    </message>
    <message>
        <source>Could not read the content: %1 (%2)</source>
        <translation>无法读取内容：%1（%2）</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>未知代码</translation>
    </message>
    <message>
        <source>The strings to sign are identical, so the client secret must differ.</source>
        <translation>待签字符串相同，因此客户端密钥必定不同。</translation>
    </message>
    <message>
        <source>The strings to sign differ from character %1:&lt;br&gt;&lt;b&gt;Console:&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt;&lt;br&gt;&lt;b&gt;Simulator:&lt;/b&gt; &lt;code&gt;%3&lt;/code&gt;</source>
        <translation>待签字符串从第 %1 个字符起不同：&lt;br&gt;&lt;b&gt;控制台：&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt;&lt;br&gt;&lt;b&gt;模拟器：&lt;/b&gt; &lt;code&gt;%3&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Copy the text of the preview tab shown</source>
        <translation>复制当前预览标签页的文字</translation>
    </message>
    <message>
        <source>Reveal secrets</source>
        <translation>显示密钥</translation>
    </message>
    <message>
        <source>QR of the app link</source>
        <translation>应用程序链接二维码</translation>
    </message>
    <message>
        <source>Show the app-scheme URL with the returned ticketID as a QR code</source>
        <translation>以二维码显示带有返回 ticketID 的应用程序网址</translation>
    </message>
    <message>
        <source>Gateway requests are not signed: the x-client-id and x-client-secret headers authenticate the caller. Tokens are HS256 JWTs issued by the gateway.</source>
        <translation>网关请求不会签名：由 x-client-id 和 x-client-secret 标头验证调用方。令牌是网关签发的 HS256 JWT。</translation>
    </message>
    <message>
        <source>Sent as plain JSON. Results come back from polling as a JWE (RSA-OAEP, A256GCM) encrypted to your registered public key; the console decrypts it with the environment&apos;s private key.</source>
        <translation>以纯 JSON 发送。轮询取得的结果是以你登记的公钥加密的 JWE（RSA-OAEP、A256GCM）；控制台会以环境的私钥解密。</translation>
    </message>
    <message>
        <source>JWE result</source>
        <translation>JWE 结果</translation>
    </message>
    <message>
        <source>Protected header:
%1
</source>
        <translation>受保护标头：
%1
</translation>
    </message>
    <message>
        <source>Could not decrypt: %1</source>
        <translation>无法解密：%1</translation>
    </message>
    <message>
        <source>Claims:
%1
Result:
%2</source>
        <translation>声明（claims）：
%1
结果：
%2</translation>
    </message>
    <message>
        <source>Log in first</source>
        <translation>先登录</translation>
    </message>
    <message>
        <source>Runs a login on the virtual phone; the values it earns fill this form</source>
        <translation>在虚拟手机上登录；获取的值会填入此表单</translation>
    </message>
    <message>
        <source>Use portal sample values</source>
        <translation>使用门户示例值</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Rule warning details</source>
        <translation>规则警告详情</translation>
    </message>
    <message>
        <source>Opening the QR page…</source>
        <translation>正在打开二维码页面…</translation>
    </message>
    <message>
        <source>Send opens this page as a browser would; the phone asks you, and the redirect returns here.</source>
        <translation>“发送”会像浏览器一样打开此页面；手机会询问你，重定向会返回此处。</translation>
    </message>
    <message>
        <source>Send opens this page in your web browser; scan its QR code with iAM Smart.</source>
        <translation>“发送”会在网页浏览器打开此页面；请用“智方便”扫描其二维码。</translation>
    </message>
    <message>
        <source>No %1 from a login in this environment yet: the portal&apos;s sample value will be refused.</source>
        <translation>此环境尚未从登录获取 %1：门户的示例值会被拒绝。</translation>
    </message>
    <message>
        <source>Send is blocked: the JSON tab does not parse (%1).</source>
        <translation>无法发送：JSON 标签页内容无法解析（%1）。</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) break their rules; Send still sends, to test the answer.</source>
        <translation>
            <numerusform>%n 个字段不符合规则；仍可发送以测试响应。</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: log in again (Request QR page, Send, approve on the phone) for a fresh code; a code works once.</source>
        <translation>下一步：重新登录（请求二维码页面、发送、在手机上批准）以获取新的授权码；每个授权码只能使用一次。</translation>
    </message>
    <message>
        <source>Next: log in again with the scope this API needs.</source>
        <translation>下一步：以此 API 所需的范围重新登录。</translation>
    </message>
    <message>
        <source>Next: log in again requesting the scope %1, then use the new token.</source>
        <translation>下一步：重新登录并请求范围 %1，然后使用新的访问令牌。</translation>
    </message>
</context>
<context>
    <name>ButtonGallery</name>
    <message>
        <source>Export button</source>
        <translation>导出按钮</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像（*.png）</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像（*.svg）</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Re-authentication</source>
        <translation>重新认证</translation>
    </message>
    <message>
        <source>Open the app (same device)</source>
        <translation>打开应用（同一设备）</translation>
    </message>
    <message>
        <source>Form filling</source>
        <translation>填表</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>签署</translation>
    </message>
    <message>
        <source>More info link</source>
        <translation>“了解更多”链接</translation>
    </message>
    <message>
        <source>The button data failed to load: %1</source>
        <translation>无法加载按钮数据：%1</translation>
    </message>
    <message>
        <source>The iAM Smart buttons in the three languages at each size. Click one to select it, choose the height and export it as PNG or SVG. The texts live in resources/branding/buttons.json.</source>
        <translation>以三种语言及各种尺寸显示智方便按钮。单击按钮以选中，选择高度后导出为 PNG 或 SVG。文字保存在 resources/branding/buttons.json。</translation>
    </message>
    <message>
        <source>Background colour %1: the “iAM Smart green” seen in third-party integrations, not an official colour.</source>
        <translation>背景颜色 %1：第三方集成中所见的“智方便绿色”，并非官方颜色。</translation>
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
        <translation>导出高度</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <source>Selected: %1 — %2 (%3)</source>
        <translation>已选中：%1 — %2（%3）</translation>
    </message>
    <message>
        <source>Official text</source>
        <translation>官方文字</translation>
    </message>
    <message>
        <source>Not an official text: follows the pattern of the official re-authentication button</source>
        <translation>非官方文字：依照官方重新认证按钮的格式</translation>
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
        <translation>已配对</translation>
    </message>
    <message>
        <source>state mismatch (possible CSRF)</source>
        <translation>state 不符（可能是 CSRF）</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
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
        <translation>无法解密</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Answered: HTTP %1</source>
        <translation>已响应：HTTP %1</translation>
    </message>
    <message>
        <source>Match: %1</source>
        <translation>配对：%1</translation>
    </message>
    <message>
        <source>Return code: %1</source>
        <translation>返回代码：%1</translation>
    </message>
    <message>
        <source>Error: %1 — %2</source>
        <translation>错误：%1 — %2</translation>
    </message>
    <message>
        <source>Shape: %1</source>
        <translation>格式：%1</translation>
    </message>
    <message>
        <source>Decrypted content:</source>
        <translation>已解密内容：</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回调</translation>
    </message>
    <message>
        <source>businessID</source>
        <translation>businessID</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>配对</translation>
    </message>
    <message>
        <source>Received callbacks</source>
        <translation>已收到的回调</translation>
    </message>
    <message>
        <source>Callback detail</source>
        <translation>回调详情</translation>
    </message>
    <message>
        <source>%1 older callbacks were dropped from this list to bound memory.</source>
        <translation>为限制内存用量，已从此列表移除 %1 个较旧的回调。</translation>
    </message>
</context>
<context>
    <name>EnvironmentDialog</name>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Not tested: %1</source>
        <translation>未测试：%1</translation>
    </message>
    <message>
        <source>The KEK private key could not be read (%1). Fix: %2, %3.</source>
        <translation>无法读取 KEK 私钥（%1）。请修正：%2、%3。</translation>
    </message>
    <message>
        <source>Testing the connection: getKey to %1…</source>
        <translation>正在测试连接：向 %1 发出 getKey…</translation>
    </message>
    <message>
        <source>Field to fix: %1</source>
        <translation>需修正的字段：%1</translation>
    </message>
    <message>
        <source>Export environment</source>
        <translation>导出环境</translation>
    </message>
    <message>
        <source>Environment (*.json)</source>
        <translation>环境（*.json）</translation>
    </message>
    <message>
        <source>Exported without secrets.</source>
        <translation>已导出，不含密钥。</translation>
    </message>
    <message>
        <source>Import environment</source>
        <translation>导入环境</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础网址</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>客户端标识</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>Subscription key</source>
        <translation>订阅密钥</translation>
    </message>
    <message>
        <source>KEK certificate</source>
        <translation>KEK 证书</translation>
    </message>
    <message>
        <source>KEK private key</source>
        <translation>KEK 私钥</translation>
    </message>
    <message>
        <source>Private key password</source>
        <translation>私钥密码</translation>
    </message>
    <message>
        <source>Callback base URL</source>
        <translation>回调基础网址</translation>
    </message>
    <message>
        <source>Sign and encrypt</source>
        <translation>签名及加密</translation>
    </message>
    <message>
        <source>Send subscription key</source>
        <translation>发送订阅密钥</translation>
    </message>
    <message>
        <source>Reveal secrets</source>
        <translation>显示密钥</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>empty: the console&apos;s own listener</source>
        <translation>留空：使用控制台自己的监听器</translation>
    </message>
    <message>
        <source>The local simulator needs no setup: its dev client is generated for you.</source>
        <translation>本机模拟器无需设置：开发客户端会自动生成。</translation>
    </message>
    <message>
        <source>The local simulator environments cannot be changed.</source>
        <translation>本机模拟器环境不能更改。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved; secrets are in the system keychain.</source>
        <translation>已保存；密钥存于系统密钥库。</translation>
    </message>
    <message>
        <source>Saved; secrets are kept for this session only (no keychain).</source>
        <translation>已保存；密钥只保留于本次会话（没有密钥库）。</translation>
    </message>
    <message>
        <source>Saved; storing the secrets in the keychain…</source>
        <translation>已保存；正在把密钥存入密钥库…</translation>
    </message>
    <message>
        <source>Saved, but the keychain did not store the secrets (%1). Enter them again or check the keychain.</source>
        <translation>已保存，但密钥库未能保存密钥（%1）。请重新输入或检查密钥库。</translation>
    </message>
</context>
<context>
    <name>FlowView</name>
    <message>
        <source>Passed in %1 ms.</source>
        <translation>通过，用时 %1 毫秒。</translation>
    </message>
    <message>
        <source>Failed: %1 — %2</source>
        <translation>失败：%1 — %2</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>导出序列图</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像（*.png）</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像（*.svg）</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML（*.html）</translation>
    </message>
    <message>
        <source>Save HAR</source>
        <translation>保存 HAR</translation>
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
        <translation>执行中</translation>
    </message>
    <message>
        <source>waiting for the phone</source>
        <translation>等待手机</translation>
    </message>
    <message>
        <source>waiting for the callback</source>
        <translation>等待回调</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>QR expires in %1:%2</source>
        <translation>二维码将于 %1:%2 后失效</translation>
    </message>
    <message>
        <source>Phone approves</source>
        <translation>手机批准</translation>
    </message>
    <message>
        <source>Phone rejects</source>
        <translation>手机拒绝</translation>
    </message>
    <message>
        <source>User cancels</source>
        <translation>用户取消</translation>
    </message>
    <message>
        <source>Request expires</source>
        <translation>请求超时</translation>
    </message>
    <message>
        <source>What the virtual phone answers</source>
        <translation>虚拟手机的回应</translation>
    </message>
    <message>
        <source>A person answers on a real phone</source>
        <translation>由真人在实体手机上回应</translation>
    </message>
    <message>
        <source>&amp;Run flow</source>
        <translation>执行流程(&amp;R)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <source>Save HAR…</source>
        <translation>保存 HAR…</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Flow steps</source>
        <translation>流程步骤</translation>
    </message>
    <message>
        <source>Start with iAM Smart</source>
        <translation>以智方便开始</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>放大（Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>缩小（Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>QR expiry</source>
        <translation>二维码有效时间</translation>
    </message>
    <message>
        <source>You decide on the virtual phone</source>
        <translation>由你在虚拟手机上决定</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Filter history…</source>
        <translation>筛选历史记录…</translation>
    </message>
    <message>
        <source>Filter history</source>
        <translation>筛选历史记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
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
        <translation>代码</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Exchange history</source>
        <translation>请求历史</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Resend as new</source>
        <translation>作为新请求重发</translation>
    </message>
    <message>
        <source>Export HAR…</source>
        <translation>导出 HAR…</translation>
    </message>
    <message>
        <source>Keep personal data in history</source>
        <translation>在历史记录中保留个人资料</translation>
    </message>
    <message>
        <source>Off: access tokens, openIDs and decrypted personal data are replaced by [redacted] in history files and HAR exports.</source>
        <translation>关闭时：历史记录文件及导出的 HAR 中的访问令牌、openID 及已解密的个人资料会以 [redacted] 取代。</translation>
    </message>
    <message>
        <source>Keep for</source>
        <translation>保留</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>ever</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>Days history is kept</source>
        <translation>历史记录保留天数</translation>
    </message>
    <message>
        <source> entries</source>
        <translation> 项</translation>
    </message>
    <message>
        <source>no entry limit</source>
        <translation>不限项数</translation>
    </message>
    <message>
        <source>Entries history keeps at most</source>
        <translation>历史记录最多保留项数</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About iAM Smart Sandbox Console</source>
        <translation>关于智方便沙盒控制台</translation>
    </message>
    <message>
        <source>iAM Smart Sandbox Console %1
A desktop console and offline simulator for iAM Smart integrations.</source>
        <translation>智方便沙盒控制台 %1
用于集成智方便的桌面控制台及离线模拟器。</translation>
    </message>
    <message>
        <source>iAM Smart Sandbox Console</source>
        <translation>智方便沙盒控制台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Filter APIs…</source>
        <translation>筛选 API…</translation>
    </message>
    <message>
        <source>Filter APIs</source>
        <translation>筛选 API</translation>
    </message>
    <message>
        <source>API catalog</source>
        <translation>API 目录</translation>
    </message>
    <message>
        <source>The API catalog failed to load.</source>
        <translation>无法加载 API 目录。</translation>
    </message>
    <message numerus="yes">
        <source>%n API(s) in the catalog</source>
        <translation>
            <numerusform>目录中共有 %n 个 API</numerusform>
        </translation>
    </message>
    <message>
        <source>1.1 Authentication</source>
        <translation>1.1 认证</translation>
    </message>
    <message>
        <source>1.2 Re-authentication</source>
        <translation>1.2 重新认证</translation>
    </message>
    <message>
        <source>3 Form Pre-filling</source>
        <translation>3 预填表格</translation>
    </message>
    <message>
        <source>4 Signing</source>
        <translation>4 签署</translation>
    </message>
    <message>
        <source>Key management</source>
        <translation>密钥管理</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>回调</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Local simulator (%1) at %2</source>
        <translation>本机模拟器（%1）位于 %2</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>严格模式</translation>
    </message>
    <message>
        <source>sandbox-compatible</source>
        <translation>沙盒兼容模式</translation>
    </message>
    <message>
        <source>Local simulator not running</source>
        <translation>本机模拟器未运行</translation>
    </message>
    <message>
        <source>Preparing the simulator…</source>
        <translation>正在准备模拟器…</translation>
    </message>
    <message>
        <source>Making the simulator&apos;s keys (first start). Requests to the simulator wait until they are ready.</source>
        <translation>正在生成模拟器的密钥（首次启动）。发送到模拟器的请求会等到密钥准备好。</translation>
    </message>
    <message>
        <source>Export HAR</source>
        <translation>导出 HAR</translation>
    </message>
    <message>
        <source>HAR (*.har)</source>
        <translation>HAR（*.har）</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Environments…</source>
        <translation>环境…</translation>
    </message>
    <message>
        <source>Where requests go: the local simulator by default</source>
        <translation>请求的目的地：默认为本机模拟器</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>二维码</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Virtual phone</source>
        <translation>虚拟手机</translation>
    </message>
    <message>
        <source>No system keychain is available: secrets you enter are kept for this session only and are forgotten when the console closes.</source>
        <translation>没有可用的系统密钥库：你输入的密钥只保留于本次会话，关闭控制台后即会清除。</translation>
    </message>
    <message>
        <source>Local simulator — strict</source>
        <translation>本机模拟器 — 严格模式</translation>
    </message>
    <message>
        <source>Local simulator — sandbox-compatible</source>
        <translation>本机模拟器 — 沙盒兼容模式</translation>
    </message>
    <message>
        <source>Cyberport sandbox</source>
        <translation>数码港沙盒</translation>
    </message>
    <message>
        <source>iAM Smart test environment</source>
        <translation>智方便测试环境</translation>
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
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Next language</source>
        <translation>下一种语言</translation>
    </message>
    <message>
        <source>Next flow step</source>
        <translation>下一个流程步骤</translation>
    </message>
    <message>
        <source>iAM Smart buttons</source>
        <translation>智方便按钮</translation>
    </message>
    <message>
        <source>iAM Smart &amp;buttons</source>
        <translation>智方便按钮(&amp;B)</translation>
    </message>
    <message>
        <source>Export API definition</source>
        <translation>导出 API 定义</translation>
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
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>API definition written to %1</source>
        <translation>API 定义已写入 %1</translation>
    </message>
    <message>
        <source>Export API &amp;definition…</source>
        <translation>导出 API 定义(&amp;D)…</translation>
    </message>
    <message>
        <source>Console sections</source>
        <translation>控制台分页</translation>
    </message>
    <message>
        <source>&amp;Start here</source>
        <translation>从这里开始(&amp;S)</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>从这里开始</translation>
    </message>
    <message>
        <source>Try a login</source>
        <translation>试一次登录</translation>
    </message>
    <message>
        <source>Runs “Log in and share the profile”; the virtual phone waits for you to approve</source>
        <translation>运行“登录及提供个人资料”；虚拟手机会等你批准</translation>
    </message>
    <message>
        <source>Explore the APIs</source>
        <translation>浏览 API</translation>
    </message>
    <message>
        <source>Every API as a prefilled form; Send shows the exact answer</source>
        <translation>每个 API 都是预先填好的表单；发送后显示确切的响应</translation>
    </message>
    <message>
        <source>Run a guided flow</source>
        <translation>运行引导流程</translation>
    </message>
    <message>
        <source>Whole journeys step by step, with a sequence diagram</source>
        <translation>逐步走完整个流程，附时序图</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hide this panel; Help → Start here shows it again</source>
        <translation>隐藏此面板；可在“帮助 → 从这里开始”再次显示</translation>
    </message>
    <message>
        <source>Docs: README.md with the console (every API, flow and command) and %1 for iAM Smart.</source>
        <translation>文档：控制台附带的 README.md（所有 API、流程及命令），以及介绍“智方便”的 %1。</translation>
    </message>
    <message>
        <source>The QR page is open in your web browser: scan it with iAM Smart.</source>
        <translation>二维码页面已在网页浏览器打开：请用“智方便”扫描。</translation>
    </message>
    <message>
        <source>No web browser could open the QR page; the QR code dock shows it.</source>
        <translation>没有网页浏览器能打开二维码页面；请看二维码面板。</translation>
    </message>
    <message>
        <source>QR page opened (HTTP %1): decide on the virtual phone.</source>
        <translation>已打开二维码页面（HTTP %1）：请在虚拟手机上作出决定。</translation>
    </message>
    <message>
        <source>The QR page answered HTTP %1.</source>
        <translation>二维码页面响应 HTTP %1。</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Share profile</source>
        <translation>提供个人资料</translation>
    </message>
    <message>
        <source>Fill in a form</source>
        <translation>填写表格</translation>
    </message>
    <message>
        <source>Confirm it is you</source>
        <translation>确认是你本人</translation>
    </message>
    <message>
        <source>Sign documents</source>
        <translation>签署文件</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签署</translation>
    </message>
    <message>
        <source>Nothing is waiting on the phone.</source>
        <translation>手机上没有待处理的请求。</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>服务：%1</translation>
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
        <translation>提供的资料：%1</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>票证 %1</translation>
    </message>
    <message>
        <source>Answered %1 (%2)</source>
        <translation>已响应 %1（%2）</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>取消(&amp;N)</translation>
    </message>
    <message>
        <source>Let e&amp;xpire</source>
        <translation>让其超时(&amp;X)</translation>
    </message>
    <message>
        <source>Requests waiting on the phone</source>
        <translation>手机上待处理的请求</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>用户角色</translation>
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
        <translation>已在手机上批准（%1）</translation>
    </message>
    <message>
        <source>Rejected on the phone (%1)</source>
        <translation>已在手机上拒绝（%1）</translation>
    </message>
    <message>
        <source>Cancelled on the phone (%1)</source>
        <translation>已在手机上取消（%1）</translation>
    </message>
    <message>
        <source>Left to expire on the phone (%1)</source>
        <translation>已任由手机上的请求超时（%1）</translation>
    </message>
    <message>
        <source>&amp;Fails</source>
        <translation>失败(&amp;F)</translation>
    </message>
    <message>
        <source>The app reports a failure: the request ends with its failure code</source>
        <translation>应用报告失败：请求以其失败代码结束</translation>
    </message>
    <message>
        <source>Not &amp;passed</source>
        <translation>未通过(&amp;P)</translation>
    </message>
    <message>
        <source>The re-authentication answers isPassed: false</source>
        <translation>重新认证响应 isPassed: false</translation>
    </message>
    <message>
        <source>Log in from the app's service &amp;catalogue</source>
        <translation>从应用的服务目录登录(&amp;C)</translation>
    </message>
    <message>
        <source>Direct login: the browser opens the service with a code and RefID</source>
        <translation>直接登录：浏览器以授权码和 RefID 打开服务</translation>
    </message>
    <message>
        <source>Failed on the phone (%1)</source>
        <translation>手机上失败（%1）</translation>
    </message>
    <message>
        <source>Not passed on the phone (%1)</source>
        <translation>手机上未通过（%1）</translation>
    </message>
    <message>
        <source>Logged in from the service catalogue (%1)</source>
        <translation>已从服务目录登录（%1）</translation>
    </message>
    <message>
        <source>No direct-login address: the callback listener is not running.</source>
        <translation>没有直接登录地址：回调接收器未在运行。</translation>
    </message>
</context>
<context>
    <name>QrPanel</name>
    <message>
        <source>Save QR code</source>
        <translation>保存二维码</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像（*.png）</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像（*.svg）</translation>
    </message>
    <message>
        <source>Nothing to show yet: use “Show QR code” on a page.</source>
        <translation>暂无内容：请在页面上按“显示二维码”。</translation>
    </message>
    <message>
        <source>Cannot encode: %1</source>
        <translation>无法编码：%1</translation>
    </message>
    <message>
        <source>QR code of: %1</source>
        <translation>二维码内容：%1</translation>
    </message>
    <message>
        <source>No QR code</source>
        <translation>没有二维码</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>保存 PNG…</translation>
    </message>
    <message>
        <source>Save SVG…</source>
        <translation>保存 SVG…</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
</context>
<context>
    <name>TryItForm</name>
    <message>
        <source>Compute SHA-256 of a file</source>
        <translation>计算文件的 SHA-256</translation>
    </message>
    <message>
        <source>Generate a new value</source>
        <translation>生成新值</translation>
    </message>
    <message>
        <source>From file…</source>
        <translation>从文件…</translation>
    </message>
    <message>
        <source>Compute the SHA-256 of a file, Base64-encoded</source>
        <translation>计算文件的 SHA-256（Base64 编码）</translation>
    </message>
    <message>
        <source>Use earned</source>
        <translation>使用已获取值</translation>
    </message>
    <message>
        <source>Use the %1 an earlier call returned</source>
        <translation>使用先前调用返回的 %1</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 为必填。</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 不可为空。</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1 太长：最多 %2 个字符。</translation>
    </message>
    <message>
        <source>%1 does not have the required form (%2).</source>
        <translation>%1 格式不符（%2）。</translation>
    </message>
    <message>
        <source>%1 has a value that is not allowed.</source>
        <translation>%1 含有不允许的值。</translation>
    </message>
    <message>
        <source>%1 needs at least %2 item(s).</source>
        <translation>%1 最少需要 %2 项。</translation>
    </message>
    <message>
        <source>%1 must be of type %2.</source>
        <translation>%1 的类型必须是 %2。</translation>
    </message>
    <message>
        <source>Compute the SHA-256 of a file, as 64 hex characters</source>
        <translation>计算文件的 SHA-256，以 64 个十六进制字符表示</translation>
    </message>
    <message>
        <source>%1 with the scope %2</source>
        <translation>具有范围 %2 的 %1</translation>
    </message>
</context>
<context>
    <name>PdfSigningPanel</name>
    <message>
        <source>Choose a PDF to sign</source>
        <translation>选择要签署的 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the signed PDF</source>
        <translation>保存已签署的 PDF</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存至 %1。</translation>
    </message>
    <message>
        <source>Choose a PDF: the console prepares it (a signature field with reserved space), puts its digest in %1, sends the request, and embeds the signature once the phone approves.</source>
        <translation>选择 PDF：控制台会准备该文件（加入预留空间的签署字段），把其摘要填入 %1，发送请求，并在手机批准后嵌入签署。</translation>
    </message>
    <message>
        <source>%1 prepared; %2 = %3. Approve on the phone; the signature arrives by callback or result.</source>
        <translation>已准备 %1；%2 = %3。请在手机上批准；签署会经回调或结果送达。</translation>
    </message>
    <message>
        <source>Signed by %1 (certificate issued by %2) at %3. Signature: %4.</source>
        <translation>由 %1 签署（证书由 %2 签发），时间 %3。签署：%4。</translation>
    </message>
    <message>
        <source>valid, covering the whole document</source>
        <translation>有效，涵盖整份文件</translation>
    </message>
    <message>
        <source>INVALID</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>This file is not a PDF.</source>
        <translation>此文件不是 PDF。</translation>
    </message>
    <message>
        <source>This PDF is encrypted; decrypt it before signing.</source>
        <translation>此 PDF 已加密；请先解密再签署。</translation>
    </message>
    <message>
        <source>This PDF has no page to put a signature field on.</source>
        <translation>此 PDF 没有可放置签署字段的页面。</translation>
    </message>
    <message>
        <source>The signature does not fit in the space reserved in the PDF.</source>
        <translation>签署超出 PDF 内预留的空间。</translation>
    </message>
    <message>
        <source>The signature is over another document&apos;s digest.</source>
        <translation>此签署针对的是另一份文件的摘要。</translation>
    </message>
    <message>
        <source>pdfSignature is not a CMS signature.</source>
        <translation>pdfSignature 不是 CMS 签署。</translation>
    </message>
    <message>
        <source>The file cannot be read or written.</source>
        <translation>无法读取或写入文件。</translation>
    </message>
    <message>
        <source>The PDF could not be prepared or signed.</source>
        <translation>无法准备或签署此 PDF。</translation>
    </message>
    <message>
        <source>PDF signing</source>
        <translation>PDF 签署</translation>
    </message>
    <message>
        <source>Sign a PDF…</source>
        <translation>签署 PDF…</translation>
    </message>
    <message>
        <source>Choose a PDF, prepare it for signing and send this request with its digest</source>
        <translation>选择 PDF，准备签署并连同其摘要发送此请求</translation>
    </message>
    <message>
        <source>Sign the sample PDF</source>
        <translation>签署示例 PDF</translation>
    </message>
    <message>
        <source>Save signed PDF…</source>
        <translation>保存已签署的 PDF…</translation>
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
        <translation>搜索指南及 API…</translation>
    </message>
    <message>
        <source>Read the guide</source>
        <translation>阅读指南</translation>
    </message>
    <message>
        <source>What iAM Smart is, scopes, sources, mock values, use cases and FAQ</source>
        <translation>“智方便”简介、授权范围、source 值、模拟参数、应用场景及常见问题</translation>
    </message>
    <message>
        <source>Search (Ctrl+K): guide, FAQ, APIs</source>
        <translation>搜索（Ctrl+K）：指南、常见问题、API</translation>
    </message>
    <message>
        <source>Search the guide and APIs</source>
        <translation>搜索指南及 API</translation>
    </message>
    <message>
        <source>Guide contents</source>
        <translation>指南目录</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>授权范围</translation>
    </message>
    <message>
        <source>APIs that need it</source>
        <translation>需要此范围的 API</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Mock value</source>
        <translation>模拟值</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>request header</source>
        <translation>请求标头</translation>
    </message>
    <message>
        <source>Open “%1” in Flows</source>
        <translation>在“流程”打开“%1”</translation>
    </message>
    <message>
        <source>Version %1, built with Qt %2, running on Qt %3</source>
        <translation>版本 %1，以 Qt %2 构建，在 Qt %3 上运行</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Request history</source>
        <translation>请求记录</translation>
    </message>
    <message>
        <source>Simulator state (keys, certificates)</source>
        <translation>模拟器状态（密钥、证书）</translation>
    </message>
    <message>
        <source>Log messages</source>
        <translation>日志消息</translation>
    </message>
    <message>
        <source>standard error of the console (the journal when your desktop starts it)</source>
        <translation>控制台的标准错误输出（由桌面环境启动时则在系统日志）</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API：%1</translation>
    </message>
    <message>
        <source>FAQ: %1</source>
        <translation>常见问题：%1</translation>
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
        <translation>此 API 的传输格式未有公开；本控制台按推断建模。</translation>
    </message>
    <message>
        <source>Scope needed:</source>
        <translation>所需权限范围：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>标头</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>是否必填</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation>最多 %1 个字符</translation>
    </message>
    <message>
        <source>at least %1 items</source>
        <translation>最少 %1 项</translation>
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
        <translation>选填</translation>
    </message>
    <message>
        <source>see the table of %1</source>
        <translation>见“%1”一览表</translation>
    </message>
    <message>
        <source>Query parameters</source>
        <translation>查询参数</translation>
    </message>
    <message>
        <source>Content fields</source>
        <translation>内容字段</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Response content fields</source>
        <translation>响应内容字段</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>可用值一览</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Request sample</source>
        <translation>请求示例</translation>
    </message>
    <message>
        <source>Shown decrypted: on the wire content is AES-GCM encrypted Base64 and secretKey carries the RSA-encrypted key.</source>
        <translation>以解密后的形式显示：实际传送时 content 为 AES-GCM 加密的 Base64，secretKey 载有以 RSA 加密的密钥。</translation>
    </message>
    <message>
        <source>Response sample</source>
        <translation>响应示例</translation>
    </message>
    <message>
        <source>Shown decrypted: environments that encrypt send content as AES-GCM encrypted Base64.</source>
        <translation>以解密后的形式显示：使用加密的环境会以 AES-GCM 加密的 Base64 传送 content。</translation>
    </message>
    <message>
        <source>HTTP status codes</source>
        <translation>HTTP 状态码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requests that lead to it</source>
        <translation>触发此回调的请求</translation>
    </message>
    <message>
        <source>Callbacks it triggers</source>
        <translation>此请求触发的回调</translation>
    </message>
    <message>
        <source>Return codes</source>
        <translation>返回代码</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>How it happens</source>
        <translation>如何出现</translation>
    </message>
</context>
<context>
    <name>ExtrasEditor</name>
    <message>
        <source>Not a valid header name (letters, digits and !#$%&amp;'*+-.^_`|~ only); it is left out.</source>
        <translation>不是有效的标头名称（只可使用字母、数字及 !#$%&amp;'*+-.^_`|~）；不会发送。</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>标头名称</translation>
    </message>
    <message>
        <source>+ Add header</source>
        <translation>+ 添加标头</translation>
    </message>
    <message>
        <source>+ Add parameter</source>
        <translation>+ 添加参数</translation>
    </message>
    <message>
        <source>Added headers and query parameters are sent as typed but not signed: iAM Smart signs the body only.</source>
        <translation>添加的标头及查询参数会按输入内容发送，但不会签署：“智方便”只签署请求体。</translation>
    </message>
    <message>
        <source>Parameter name</source>
        <translation>参数名称</translation>
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
        <translation>已连接：getKey 返回 %1。</translation>
    </message>
    <message>
        <source>The server does not know this client ID (%1: %2). Copy the client ID exactly as it was issued for your online service.</source>
        <translation>服务器不认识这个客户端 ID（%1：%2）。请照发给你的在线服务的客户端 ID 准确复制。</translation>
    </message>
    <message>
        <source>%1: the signature did not verify. Either the client secret is wrong, or this computer&apos;s clock is off (the signed timestamp is checked): check the client secret first, then the system clock.</source>
        <translation>%1：签名验证失败。可能是客户端密钥不正确，或这台电脑的时钟不准（已签名的时间戳会被检查）：请先检查客户端密钥，再检查系统时钟。</translation>
    </message>
    <message>
        <source>%1: the server refused the request&apos;s timestamp (%2). Set this computer&apos;s clock right (automatic time), then test again.</source>
        <translation>%1：服务器拒绝了请求的时间戳（%2）。请校正这台电脑的时钟（自动设置时间），然后再测试。</translation>
    </message>
    <message>
        <source>%1: the content key could not be issued or read. The server must hold the KEK certificate you registered, and the private key must be that certificate&apos;s.</source>
        <translation>%1：内容密钥无法发出或读取。服务器须持有你登记的 KEK 证书，而私钥须属于该证书。</translation>
    </message>
    <message>
        <source>Connected, but there is no KEK private key to read the content key with: encrypted APIs fail until one is set.</source>
        <translation>已连接，但没有 KEK 私钥可读取内容密钥：设置私钥前，加密的 API 都会失败。</translation>
    </message>
    <message>
        <source>HTTP 401 from the gateway in front of the API: the subscription key (Ocp-Apim-Subscription-Key) is missing or wrong. Enter the key the sandbox portal gave you and tick Send subscription key.</source>
        <translation>API 前面的网关返回 HTTP 401：订阅密钥（Ocp-Apim-Subscription-Key）缺少或不正确。请输入沙盒门户给你的密钥，并勾选“发送订阅密钥”。</translation>
    </message>
    <message>
        <source>HTTP 404: there is no iAM Smart API at this base URL. Give the base URL without /api/v1.</source>
        <translation>HTTP 404：这个基本网址没有“智方便”API。请填写不含 /api/v1 的基本网址。</translation>
    </message>
    <message>
        <source>The secure connection failed (%1): the server&apos;s certificate is not trusted or the TLS handshake failed. Check the host name in the base URL and this computer&apos;s certificates.</source>
        <translation>安全连接失败（%1）：服务器证书不受信任，或 TLS 握手失败。请检查基本网址中的主机名及这台电脑的证书。</translation>
    </message>
    <message>
        <source>The host name in the base URL does not resolve (%1). Check its spelling, or the network&apos;s DNS.</source>
        <translation>基本网址中的主机名无法解析（%1）。请检查拼写或网络的 DNS。</translation>
    </message>
    <message>
        <source>The server could not be reached (%1): refused, reset or no answer. Check the host and port in the base URL, the network, and any proxy or firewall.</source>
        <translation>无法连接服务器（%1）：被拒绝、被重置或没有响应。请检查基本网址中的主机和端口、网络，以及代理服务器或防火墙。</translation>
    </message>
    <message>
        <source>Unexpected answer %1: %2</source>
        <translation>意外的响应 %1：%2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>BrowserStep</name>
    <message>
        <source>No web browser could open the QR page: copy its URL from the QR code dock and open it in a browser yourself; the console keeps waiting.</source>
        <translation>没有网页浏览器能打开二维码页面：请从“二维码”面板复制网址，自行在浏览器打开；控制台会继续等候。</translation>
    </message>
    <message>
        <source>The QR page is open in your web browser. Waiting for its redirect to %1 (state %2): scan the QR code with iAM Smart and decide on the phone.</source>
        <translation>二维码页面已在你的网页浏览器打开。正在等候它重定向至 %1（state %2）：请用“智方便”扫描二维码，并在手机上决定。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Stopped waiting for the browser. A redirect that still arrives is kept in Callbacks.</source>
        <translation>已停止等候浏览器。之后才到达的重定向会保留在“回调”中。</translation>
    </message>
    <message>
        <source>The browser came back with %1: no code was issued.</source>
        <translation>浏览器带着 %1 返回：没有发出授权码。</translation>
    </message>
    <message>
        <source>The browser came back with a code, but it did not match the request (%1).</source>
        <translation>浏览器带着授权码返回，但与请求不相符（%1）。</translation>
    </message>
    <message>
        <source>The browser came back: code %1 earned (Use earned fills it in Request access token).</source>
        <translation>浏览器已返回：取得授权码 %1（“使用已获取值”会把它填入“获取访问令牌”）。</translation>
    </message>
</context>
<context>
    <name>NextAnswerPicker</name>
    <message>
        <source>Next answer</source>
        <translation>下一个响应</translation>
    </message>
    <message>
        <source>API of the next answer</source>
        <translation>下一个响应的 API</translation>
    </message>
    <message>
        <source>Code of the next answer</source>
        <translation>下一个响应的代码</translation>
    </message>
    <message>
        <source>Ar&amp;m</source>
        <translation>指定(&amp;M)</translation>
    </message>
    <message>
        <source>The next request to this API answers this code</source>
        <translation>此 API 的下一个请求将以此代码响应</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>Disarm every armed answer</source>
        <translation>取消所有已指定的响应</translation>
    </message>
    <message>
        <source>Too many answers are armed: clear them first.</source>
        <translation>已指定的响应太多：请先清除。</translation>
    </message>
    <message numerus="yes">
        <source>%1 answers %2 (%n time(s))</source>
        <translation>
            <numerusform>%1 以 %2 响应（%n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>Every API</source>
        <translation>所有 API</translation>
    </message>
    <message>
        <source>Nothing armed: requests are answered as usual.</source>
        <translation>未指定：请求照常响应。</translation>
    </message>
</context>
</TS>
