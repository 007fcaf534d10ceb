#include "TestSupport.h"
#include "qr/QrEncoder.h"

#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

/// QR codes through libqrencode, checked by rendering them (as pixels and as SVG) and decoding the image with an
/// independent reader, zbarimg, which must give back the input bytes exactly.
class TestQrEncoder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /// The matrix as black squares on white: `scale` px per module, `quiet` modules of margin.
    static QImage render(const Qr::QrMatrix& m, int scale = 4, int quiet = 4)
    {
        const int side = (m.size + 2 * quiet) * scale;
        QImage image(side, side, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        for (int y = 0; y < m.size; ++y) {
            for (int x = 0; x < m.size; ++x) {
                if (m.dark(x, y))
                    painter.fillRect((x + quiet) * scale, (y + quiet) * scale, scale, scale, Qt::black);
            }
        }
        return image;
    }

    /// Saves `image` as PNG and decodes it with zbarimg. -Sbinary keeps the payload as raw bytes (without it zbar
    /// guesses a character set for byte-mode data and may transcode it).
    TestSupport::ProcessResult decode(const QImage& image, const QString& name)
    {
        const QString file = m_dir.filePath(name + QStringLiteral(".png"));
        if (!image.save(file, "PNG"))
            return {-1, {}, "could not save " + file.toUtf8()};
        auto r = TestSupport::run(QStringLiteral("zbarimg"),
            {QStringLiteral("--raw"), QStringLiteral("-q"), QStringLiteral("-Sbinary"), file});
        if (r.out.endsWith('\n'))
            r.out.chop(1); // zbarimg ends each symbol with a newline; the payload itself has none
        return r;
    }

    static void addRows()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("short ASCII") << QByteArray("hello");
        QTest::newRow("getQR URL") << QByteArray(
            "https://apigw-isit.staging-eid.gov.hk/api/v1/auth/getQR?clientID=edae2e2529ff46228af1e4d18c8405d1"
            "&responseType=code&source=PC_Browser&redirectURI=https%3A%2F%2Frp.example.gov.hk%2Fcallback"
            "&scope=eidapi_auth%20eidapi_formFilling&lang=zh-HK&state=eb9b7b8eddd5");
        QTest::newRow("UTF-8 Chinese") << QStringLiteral("智方便 登入：請用手機掃描此二維碼").toUtf8();
        QTest::newRow("ticketID") << QByteArray("6d1f2a0b9c8e4f7a8b9c0d1e2f3a4b5c");
        QTest::newRow("app scheme") << QByteArray(
            "hk.gov.iamsmart.testapp://re-auth?ticketID=6d1f2a0b9c8e4f7a8b9c0d1e2f3a4b5c");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto probe = TestSupport::run(QStringLiteral("zbarimg"), {QStringLiteral("--version")});
        QVERIFY2(probe.exitCode == 0, "zbarimg (zbar-tools) is needed to decode the rendered codes");
    }

    void pixelsDecode_data() { addRows(); }

    void pixelsDecode()
    {
        QFETCH(QByteArray, text);
        const auto m = Qr::QrEncoder::encode(text);
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().toString()));
        QVERIFY(m->size >= 21 && (m->size - 21) % 4 == 0);
        QCOMPARE(m->modules.size(), qsizetype(m->size) * m->size);
        const auto r = decode(render(m.value()), QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_'));
        QVERIFY2(r.exitCode == 0, "zbarimg found no code: " + r.err);
        QCOMPARE(r.out, text);
    }

    /// The terminal rendering (`iamsmart run --env` prints it on stderr) read back as an image still decodes.
    void terminalDecodes()
    {
        const QByteArray text = "http://127.0.0.1:8080/api/v1/auth/getQR?clientID=abc&state=s1";
        const auto m = Qr::QrEncoder::encode(text);
        QVERIFY(m.ok());
        const QStringList lines = Qr::QrEncoder::toTerminal(m.value(), 2).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const int units = m->size + 4;
        QCOMPARE(lines.size(), (units + 1) / 2);
        const int scale = 6;
        QImage image(units * scale, lines.size() * 2 * scale, QImage::Format_RGB32);
        image.fill(Qt::black);
        QPainter painter(&image);
        for (int row = 0; row < lines.size(); ++row) {
            QCOMPARE(lines.at(row).size(), units);
            for (int x = 0; x < units; ++x) {
                const QChar c = lines.at(row).at(x);
                QVERIFY(c == QChar(0x2588) || c == QChar(0x2580) || c == QChar(0x2584) || c == QLatin1Char(' '));
                if (c == QChar(0x2588) || c == QChar(0x2580)) // light top half
                    painter.fillRect(x * scale, row * 2 * scale, scale, scale, Qt::white);
                if (c == QChar(0x2588) || c == QChar(0x2584)) // light bottom half
                    painter.fillRect(x * scale, (row * 2 + 1) * scale, scale, scale, Qt::white);
            }
        }
        painter.end();
        // A white margin around it, as the terminal's light background would not give.
        QImage framed(image.width() + 8 * scale, image.height() + 8 * scale, QImage::Format_RGB32);
        framed.fill(Qt::white);
        QPainter(&framed).drawImage(4 * scale, 4 * scale, image);
        const auto r = decode(framed, QStringLiteral("terminal"));
        QVERIFY2(r.exitCode == 0, "zbarimg found no code: " + r.err);
        QCOMPARE(r.out, text);
    }

    void svgDecodes_data() { addRows(); }

    void svgDecodes()
    {
        QFETCH(QByteArray, text);
        const auto m = Qr::QrEncoder::encode(text);
        QVERIFY(m.ok());
        const int moduleSize = 4;
        const int quiet = 4;
        const QString svg = Qr::QrEncoder::toSvg(m.value(), moduleSize, quiet);
        const int side = (m->size + 2 * quiet) * moduleSize;
        QVERIFY(svg.startsWith(QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\"")));
        QVERIFY(svg.contains(QStringLiteral("width=\"%1\" height=\"%1\"").arg(side)));
        QVERIFY(svg.contains(QStringLiteral("viewBox=\"0 0 %1 %1\"").arg(m->size + 2 * quiet)));
        QCOMPARE(svg.count(QStringLiteral("<path")), 1); // runs are merged into one path, not a rect per module

        QSvgRenderer renderer(svg.toUtf8());
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.defaultSize(), QSize(side, side));
        QImage image(renderer.defaultSize(), QImage::Format_RGB32);
        image.fill(Qt::red); // the SVG's own background must cover this
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        QCOMPARE(image.pixel(0, 0), qRgb(255, 255, 255));
        // Pixel for pixel the same as drawing the matrix directly.
        QCOMPARE(image, render(m.value(), moduleSize, quiet));
        const auto r = decode(image, QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_') + "_svg");
        QVERIFY2(r.exitCode == 0, "zbarimg found no code in the SVG rendering: " + r.err);
        QCOMPARE(r.out, text);
    }

    void svgOfEmptyMatrixIsStillADocument()
    {
        const QString svg = Qr::QrEncoder::toSvg(Qr::QrMatrix {}, 0, -1);
        QVERIFY(QSvgRenderer(svg.toUtf8()).isValid());
    }

    void sizeGrowsWithText()
    {
        int previous = 0;
        for (const int length : {1, 20, 100, 500, 1500, 2331}) {
            const auto m = Qr::QrEncoder::encode(QByteArray(length, 'x'));
            QVERIFY2(m.ok(),
                qPrintable(QStringLiteral("%1 bytes: %2").arg(length).arg(m.ok() ? QString() : m.error().toString())));
            QVERIFY2(
                m->size > previous, qPrintable(QStringLiteral("%1 bytes gave %2 modules").arg(length).arg(m->size)));
            previous = m->size;
        }
        QCOMPARE(Qr::QrEncoder::encode("a").value().size, 21); // version 1
        QCOMPARE(previous, 177); // version 40
    }

    void sizeGrowsWithErrorLevel()
    {
        const QByteArray text(200, 'x');
        int previous = 0;
        for (const auto level :
            {Qr::ErrorLevel::Low, Qr::ErrorLevel::Medium, Qr::ErrorLevel::Quartile, Qr::ErrorLevel::High}) {
            const auto m = Qr::QrEncoder::encode(text, level);
            QVERIFY(m.ok());
            QVERIFY(m->size > previous);
            previous = m->size;
        }
    }

    void tooLongIsAnError()
    {
        const auto m = Qr::QrEncoder::encode(QByteArray(8000, 'x'));
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, QStringLiteral("qr-too-long"));
        QVERIFY(m.error().detail.contains(QStringLiteral("8000")));
    }

    void capacityBoundary()
    {
        // Version 40 in byte mode holds 2953 bytes at L and 2331 at M; one more is too long.
        QVERIFY(Qr::QrEncoder::encode(QByteArray(2953, 'x'), Qr::ErrorLevel::Low).ok());
        QCOMPARE(Qr::QrEncoder::encode(QByteArray(2954, 'x'), Qr::ErrorLevel::Low).error().code, Qr::QrError::TooLong);
        QVERIFY(Qr::QrEncoder::encode(QByteArray(2331, 'x'), Qr::ErrorLevel::Medium).ok());
        QCOMPARE(Qr::QrEncoder::encode(QByteArray(2332, 'x')).error().code, Qr::QrError::TooLong);
    }

    void emptyInputFails()
    {
        const auto m = Qr::QrEncoder::encode({});
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, QStringLiteral("qr-failed"));
        QVERIFY(!m.error().detail.isEmpty());
    }
};

QTEST_MAIN(TestQrEncoder)
#include "tst_qrencoder.moc"
