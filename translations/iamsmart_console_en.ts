<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
        <source>API specification</source>
        <translation>API specification</translation>
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
        <source>The wire format of this API is not published; the console models it.</source>
        <translation>The wire format of this API is not published; the console models it.</translation>
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
        <source>Return codes</source>
        <translation>Return codes</translation>
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
</context>
</TS>
