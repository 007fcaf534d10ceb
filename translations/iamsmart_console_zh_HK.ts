<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
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
        <source>API specification</source>
        <translation>API 規格</translation>
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
        <source>The wire format of this API is not published; the console models it.</source>
        <translation>此 API 的傳輸格式未有公開；本控制台以模擬方式呈現。</translation>
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
        <source>Return codes</source>
        <translation>回傳代碼</translation>
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
</context>
</TS>
