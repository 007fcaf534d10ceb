<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>API specification</source>
        <translation>API 规范</translation>
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
        <source>The wire format of this API is not published; the console models it.</source>
        <translation>此 API 的传输格式未公开；本控制台对其进行模拟。</translation>
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
        <source>Return codes</source>
        <translation>返回代码</translation>
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
</context>
</TS>
