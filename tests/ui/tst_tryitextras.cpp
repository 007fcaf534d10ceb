#include "ConsoleFixture.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "crypto/HmacSigner.h"
#include "forms/ExtrasEditor.h"
#include "forms/TryItForm.h"
#include "mock/Simulator.h"
#include "protocol/CodeSamples.h"
#include "protocol/Envelope.h"
#include "request/ApiPage.h"
#include "session/ConsoleSession.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

/// Try it's "+ Add header" / "+ Add parameter" (issue 16): the additions reach the preview, curl, every code
/// sample and the wire, unsigned, while the body signature stays valid for the simulator.
class TestTryItExtras : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_sim;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;

    template <typename T> static T* child(QWidget* parent, const QString& name)
    {
        return parent ? parent->findChild<T*>(name) : nullptr;
    }

private slots:
    void initTestCase()
    {
        TestSupport::openConsole(QStringLiteral("tst_tryitextras"), m_dir, m_sim, m_languages, m_window, QSize(1280, 720));
    }

    /// The protocol part: extras never change what is signed.
    void extrasAreNotSigned()
    {
        const auto* api = Protocol::ApiCatalog::builtin().api(QStringLiteral("keys.getKey"));
        Protocol::BuildOptions o;
        o.baseUrl = QStringLiteral("http://127.0.0.1:1");
        o.credentials = {QStringLiteral("edae2e2529ff46228af1e4d18c8405d1"), "secret", {}};
        o.timestamp = 1557048906183;
        o.nonce = QStringLiteral("e893647dc4204eb9b7b8eddd527b687c");
        auto plain = Protocol::RequestEnvelope::build(*api, {}, o);
        QVERIFY(plain);
        Protocol::PreparedRequest extra = plain.value();
        Protocol::RequestExtras extras;
        extras.headers = {{QStringLiteral("X-Trace"), QStringLiteral("t 1")}, {QStringLiteral("bad name"), QStringLiteral("x")},
            {QStringLiteral("X-Split"), QStringLiteral("a\r\nInjected: 1")}};
        extras.query = {{QStringLiteral("debug"), QStringLiteral("1 & 2")}};
        extras.applyTo(extra);
        QCOMPARE(extra.body, plain->body);
        QCOMPARE(extra.header("signature"), plain->header("signature"));
        QCOMPARE(extra.header("X-Trace"), QByteArray("t 1"));
        QVERIFY(extra.header("bad name").isEmpty());
        QVERIFY(extra.header("X-Split").isEmpty()); // no header injection
        QCOMPARE(extra.url, plain->url + "?debug=1%20%26%202");
        QVERIFY(extra.curl().contains("X-Trace: t 1"));
    }

    void addedHeaderAndParameterReachPreviewSamplesAndWire()
    {
        QVERIFY(m_window->selectApi(QStringLiteral("keys.getKey")));
        ApiPage* page = m_window->currentPage();
        QVERIFY(page);
        auto* addHeader = child<QPushButton>(page, QStringLiteral("addHeaderButton"));
        auto* addParameter = child<QPushButton>(page, QStringLiteral("addParameterButton"));
        QVERIFY(addHeader && addParameter);
        addHeader->window()->activateWindow();
        // Scroll the form so the buttons are on screen, then click them as a user would.
        addHeader->setFocus();
        QTest::mouseClick(addHeader, Qt::LeftButton);
        auto* name = child<QLineEdit>(page, QStringLiteral("extraHeaderName"));
        auto* value = child<QLineEdit>(page, QStringLiteral("extraHeaderValue"));
        QVERIFY(name && value);
        QTest::keyClicks(name, QStringLiteral("X-Explore"));
        QTest::keyClicks(value, QStringLiteral("yes please"));
        QTest::mouseClick(addParameter, Qt::LeftButton);
        auto* pname = child<QLineEdit>(page, QStringLiteral("extraParameterName"));
        auto* pvalue = child<QLineEdit>(page, QStringLiteral("extraParameterValue"));
        QVERIFY(pname && pvalue);
        QTest::keyClicks(pname, QStringLiteral("trace"));
        QTest::keyClicks(pvalue, QStringLiteral("on"));

        auto* curl = child<QPlainTextEdit>(page, QStringLiteral("previewCurl"));
        auto* http = child<QPlainTextEdit>(page, QStringLiteral("previewHttp"));
        QTRY_VERIFY2(curl->toPlainText().contains(QStringLiteral("X-Explore: yes please")), qPrintable(curl->toPlainText()));
        QVERIFY(curl->toPlainText().contains(QStringLiteral("/security/getKey?trace=on")));
        QVERIFY2(http->toPlainText().contains(QStringLiteral("X-Explore: yes please")), qPrintable(http->toPlainText()));
        QVERIFY(http->toPlainText().contains(QStringLiteral("?trace=on")));

        // Every code sample carries both.
        auto* languages = child<QComboBox>(page, QStringLiteral("codeLanguageCombo"));
        auto* code = child<QPlainTextEdit>(page, QStringLiteral("previewCode"));
        QVERIFY(languages && code);
        for (int i = 0; i < languages->count(); ++i) {
            languages->setCurrentIndex(i);
            const QString text = code->toPlainText();
            QVERIFY2(text.contains(QStringLiteral("X-Explore")) && text.contains(QStringLiteral("yes please")),
                qPrintable(languages->itemText(i) + QLatin1Char('\n') + text));
            QVERIFY2(text.contains(QStringLiteral("getKey?trace=on")), qPrintable(languages->itemText(i)));
        }

        // Sent over loopback: the simulator checks the signature and still answers D00000.
        const qsizetype before = m_window->session()->exchanges().size();
        QTest::mouseClick(child<QPushButton>(page, QStringLiteral("sendButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(page, QStringLiteral("responseStatusLabel"))->text().startsWith(QStringLiteral("HTTP")), 10000);
        QCOMPARE(child<QLabel>(page, QStringLiteral("responseCodeLabel"))->text().left(6), QStringLiteral("D00000"));
        QVERIFY(m_window->session()->exchanges().size() > before);
        const auto& sent = m_window->session()->exchanges().last().request;
        QCOMPARE(sent.header("X-Explore"), QByteArray("yes please"));
        QVERIFY(sent.url.endsWith("?trace=on"));

        // Removing the rows removes them from the preview.
        for (auto* remove : page->findChildren<QToolButton*>(QStringLiteral("removeExtraButton")))
            QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY(!curl->toPlainText().contains(QStringLiteral("X-Explore")));
        QVERIFY(page->extras().isEmpty());
    }
};

QTEST_MAIN(TestTryItExtras)
#include "tst_tryitextras.moc"
