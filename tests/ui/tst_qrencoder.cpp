#include "TestSupport.h"
#include "qr/QrEncoder.h"

#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

/// QR codes through libqrencode, checked by rendering them and decoding with an independent reader (zbarimg).
class TestQrEncoder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QImage render(const Qr::QrMatrix& m, int scale = 4, int quiet = 4)
    {
        QImage image((m.size + 2 * quiet) * scale, (m.size + 2 * quiet) * scale, QImage::Format_RGB32);
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

    QByteArray decode(const QImage& image)
    {
        const QString file = m_dir.filePath(QStringLiteral("qr.png"));
        if (!image.save(file))
            return "could not save";
        const auto r = TestSupport::run(QStringLiteral("zbarimg"),
            {QStringLiteral("--raw"), QStringLiteral("-q"), QStringLiteral("-Sbinary"), file});
        QByteArray out = r.out;
        if (out.endsWith('\n'))
            out.chop(1);
        return out;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("short") << QByteArray("hello");
        QTest::newRow("ticketID") << QByteArray("6d1f2a0b9c8e4f7a8b9c0d1e2f3a4b5c");
        QTest::newRow("app scheme") << QByteArray(
            "hk.gov.iamsmart.testapp://re-auth?ticketID=6d1f2a0b9c8e4f7a8b9c0d1e2f3a4b5c");
        QTest::newRow("getQR URL") << QByteArray(
            "https://apigw-isit.staging-eid.gov.hk/api/v1/auth/getQR?clientID=edae2e2529ff46228af1e4d18c8405d1"
            "&responseType=code&source=PC_Browser&redirectURI=https%3A%2F%2Frp_domain%2Frp_context%2Fcall_back_endpoint"
            "&scope=eidapi_auth%20eidapi_formFilling%20eidapi_profiles&lang=en-US&state=eb9b7b8eddd5");
        QTest::newRow("Chinese") << QStringLiteral("智方便 登入").toUtf8();
    }

    void roundTrip()
    {
        QFETCH(QByteArray, text);
        auto m = Qr::QrEncoder::encode(text);
        QVERIFY(m.ok());
        QVERIFY(m->size >= 21);
        QCOMPARE(m->modules.size(), m->size * m->size);
        QCOMPARE(decode(render(m.value())), text);
    }

    void svgRendersToTheSameCode()
    {
        const QByteArray text = "hk.gov.iamsmart.testapp://auth?ticketID=abc";
        auto m = Qr::QrEncoder::encode(text);
        QVERIFY(m.ok());
        const QString svg = Qr::QrEncoder::toSvg(m.value(), 8);
        QVERIFY(svg.startsWith(QStringLiteral("<svg")));
        QSvgRenderer renderer(svg.toUtf8());
        QVERIFY(renderer.isValid());
        QImage image(400, 400, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        QCOMPARE(decode(image), text);
    }

    void sizeGrowsWithText()
    {
        const int small = Qr::QrEncoder::encode("a").value().size;
        const int large = Qr::QrEncoder::encode(QByteArray(500, 'x')).value().size;
        QVERIFY(large > small);
    }

    void tooLongIsAnError()
    {
        auto m = Qr::QrEncoder::encode(QByteArray(8000, 'x'));
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, QStringLiteral("qr-too-long"));
    }
};

QTEST_MAIN(TestQrEncoder)
#include "tst_qrencoder.moc"
