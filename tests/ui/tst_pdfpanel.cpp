#include "HttpClient.h"
#include "ConsoleFixture.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "callback/CallbackListener.h"
#include "forms/TryItForm.h"
#include "mock/Simulator.h"
#include "phone/PhonePanel.h"
#include "request/ApiPage.h"
#include "request/PdfSigningPanel.h"
#include "session/ConsoleSession.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

/// Issue 18 in the console: on the PDF signing page, "Sign the sample PDF" prepares the PDF, fills docDigest and
/// sends; the virtual phone approves; the callback brings pdfSignature; the page shows the signer and the
/// verification; "Save signed PDF…" writes a file poppler's pdfsig finds valid. Real clicks and keystrokes.
class TestPdfPanel : public QObject
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

    ApiPage* open(const QString& id) { return m_window->selectApi(id) ? m_window->currentPage() : nullptr; }

    QString sendAndWaitForCode(ApiPage* page)
    {
        auto* status = child<QLabel>(page, QStringLiteral("responseStatusLabel"));
        QTest::mouseClick(child<QPushButton>(page, QStringLiteral("sendButton")), Qt::LeftButton);
        QElapsedTimer t;
        t.start();
        while (!status->text().startsWith(QStringLiteral("HTTP")) && t.elapsed() < 10000)
            QTest::qWait(10);
        return child<QLabel>(page, QStringLiteral("responseCodeLabel"))->text().left(6);
    }

    /// Types `path` into the file dialog that opens next and presses Enter.
    void answerFileDialog(const QString& path)
    {
        QTimer::singleShot(200, this, [path] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
            QVERIFY(name);
            name->clear();
            QTest::keyClicks(name, path);
            QTest::keyClick(name, Qt::Key_Return);
        });
    }

private slots:
    void initTestCase()
    {
        TestSupport::openConsole(QStringLiteral("tst_pdfpanel"), m_dir, m_sim, m_languages, m_window, QSize(1280, 720));
    }

    void panelOnlyOnPdfSigningPages()
    {
        for (const char* id :
            {"signing.pdfSign", "anonymous.pdfSign.initiate", "gateway.pdfSigning", "gateway.pdfSigningAnonymous"}) {
            ApiPage* page = open(QString::fromLatin1(id));
            QVERIFY2(page && page->pdfPanel() && page->pdfPanel()->isVisible(), id);
        }
        for (const char* id : {"signing.sign", "auth.getToken", "gateway.signing"}) {
            ApiPage* page = open(QString::fromLatin1(id));
            QVERIFY2(page && !page->pdfPanel(), id);
        }
    }

    void signTheSamplePdfThenSave()
    {
        // Log in (scope with eidapi_sign) and get a token, through the pages.
        ApiPage* qr = open(QStringLiteral("auth.getQR"));
        child<QLineEdit>(qr, QStringLiteral("field_clientID"))->setText(m_sim->clients().devClient().clientId);
        child<QLineEdit>(qr, QStringLiteral("field_state"))->setText(QStringLiteral("pdfstate"));
        if (auto* scope = child<QLineEdit>(qr, QStringLiteral("field_scope")))
            scope->setText(QStringLiteral("eidapi_auth eidapi_sign"));
        QTest::mouseClick(child<QPushButton>(qr, QStringLiteral("showQrButton")), Qt::LeftButton);
        QCOMPARE(TestSupport::http("GET", qr->qrText()).status, 303);
        PhonePanel* phone = m_window->phonePanel();
        auto* approve = child<QPushButton>(phone, QStringLiteral("phoneApproveButton"));
        QTRY_VERIFY(approve->isEnabled());
        QTest::mouseClick(approve, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->earned().value(QStringLiteral("code")).isEmpty(), 10000);
        ApiPage* token = open(QStringLiteral("auth.getToken"));
        QTest::mouseClick(child<QToolButton>(token, QStringLiteral("field_code_useEarned")), Qt::LeftButton);
        QCOMPARE(sendAndWaitForCode(token), QStringLiteral("D00000"));

        // The PDF signing page: earned token, a fresh businessID, no HKIC hash (optional), then the journey.
        ApiPage* page = open(QStringLiteral("signing.pdfSign"));
        QTest::mouseClick(child<QToolButton>(page, QStringLiteral("field_accessToken_useEarned")), Qt::LeftButton);
        QTest::mouseClick(child<QToolButton>(page, QStringLiteral("field_openID_useEarned")), Qt::LeftButton);
        QTest::mouseClick(child<QToolButton>(page, QStringLiteral("field_businessID_regenerate")), Qt::LeftButton);
        child<QLineEdit>(page, QStringLiteral("field_HKICHash"))->clear();
        PdfSigningPanel* panel = page->pdfPanel();
        auto* status = child<QLabel>(panel, QStringLiteral("pdfStatusLabel"));
        auto* save = child<QPushButton>(panel, QStringLiteral("pdfSaveButton"));
        QVERIFY(!save->isEnabled());
        QTest::mouseClick(child<QPushButton>(panel, QStringLiteral("pdfSampleButton")), Qt::LeftButton);
        const QString digest = page->form()->values().value(QStringLiteral("docDigest")).toString();
        QCOMPARE(QByteArray::fromBase64(digest.toLatin1()).size(), 32);
        QVERIFY(digest != page->api().mockValues().value(QStringLiteral("docDigest")).toString());
        QVERIFY(status->text().contains(digest));
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(page, QStringLiteral("responseCodeLabel"))->text().startsWith(QStringLiteral("D00000")),
            10000);

        QTRY_VERIFY(approve->isEnabled());
        QTest::mouseClick(approve, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(save->isEnabled(), 10000);
        QVERIFY2(status->text().contains(QStringLiteral("Signed by Chan Siu Ming")), qPrintable(status->text()));
        QVERIFY(status->text().contains(QStringLiteral("iAM Smart Mock CA")));
        QVERIFY(status->text().contains(QStringLiteral("valid, covering the whole document")));

        const QString out = m_dir.filePath(QStringLiteral("saved-signed.pdf"));
        answerFileDialog(out);
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out), 5000);
        QVERIFY(status->text().contains(QStringLiteral("Saved to")));
        const auto sig = TestSupport::run(QStringLiteral("pdfsig"), {out});
        QVERIFY2(
            sig.out.contains("Signature is Valid.") && sig.out.contains("Total document signed"), sig.out.constData());
        QVERIFY(sig.out.contains("Certificate issuer isn't Trusted.")); // the simulator's CA, as expected
    }

    void chosenFileThatIsNotAPdfIsRefused()
    {
        ApiPage* page = open(QStringLiteral("anonymous.pdfSign.initiate"));
        PdfSigningPanel* panel = page->pdfPanel();
        const QString before = page->form()->values().value(QStringLiteral("docDigest")).toString();
        QFile text(m_dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a PDF");
        text.close();
        answerFileDialog(text.fileName());
        QTest::mouseClick(child<QPushButton>(panel, QStringLiteral("pdfSignButton")), Qt::LeftButton);
        auto* status = child<QLabel>(panel, QStringLiteral("pdfStatusLabel"));
        QTRY_VERIFY(status->text().startsWith(QStringLiteral("This file is not a PDF.")));
        QCOMPARE(page->form()->values().value(QStringLiteral("docDigest")).toString(), before); // nothing sent
    }
};

QTEST_MAIN(TestPdfPanel)
#include "tst_pdfpanel.moc"
