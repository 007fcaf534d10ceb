#include "util/Mustache.h"

#include <QTest>

/// The one wrapper around kainjow/mustache: sections, inverted sections and lists, standalone section lines that
/// leave no line whether the section renders or not, values inserted as they are (no HTML escaping, never expanded
/// again), and a broken template as an error rather than output.
class TestMustache : public QObject
{
    Q_OBJECT

private slots:
    void valuesGoInAsTheyAre()
    {
        const auto out = Util::renderMustache(QStringLiteral("a={{A}} b={{{B}}} c={{C}}."),
            {{QStringLiteral("A"), QStringLiteral("<x> & \"y\"")}, {QStringLiteral("B"), QStringLiteral("{{A}}")}});
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().toString()));
        QCOMPARE(*out, QStringLiteral("a=<x> & \"y\" b={{A}} c=.")); // an unknown name is empty
    }

    void htmlEscapingIsAsked()
    {
        const QVariantMap context {{QStringLiteral("A"), QStringLiteral("<b>&\"")}};
        const auto out = Util::renderMustache(QStringLiteral("{{A}}|{{{A}}}"), context, Util::MustacheEscape::Html);
        QVERIFY(out.ok());
        QCOMPARE(*out, QStringLiteral("&lt;b&gt;&amp;&quot;|<b>&\""));
    }

    void standaloneSectionLinesLeaveNoLine_data()
    {
        QTest::addColumn<bool>("on");
        QTest::addColumn<QString>("expected");
        QTest::newRow("on") << true << QStringLiteral("top\n\nyes\n  nested\n\nend\n");
        QTest::newRow("off") << false << QStringLiteral("top\n\nno\n\nend\n");
    }

    void standaloneSectionLinesLeaveNoLine()
    {
        QFETCH(bool, on);
        QFETCH(QString, expected);
        const QString tpl = QStringLiteral("top\n\n{{#on}}\nyes\n  {{#inner}}\n  nested\n  {{/inner}}\n{{/on}}\n"
                                           "{{^on}}\nno\n{{/on}}\n{{! a comment line }}\n\nend\n{{#on}}\n{{/on}}");
        const auto out = Util::renderMustache(tpl, {{QStringLiteral("on"), on}, {QStringLiteral("inner"), true}});
        QVERIFY(out.ok());
        QCOMPARE(*out, expected);
    }

    void listsRepeatTheirSection()
    {
        const QVariantList rows {QVariantMap {{QStringLiteral("name"), QStringLiteral("a")}},
            QVariantMap {{QStringLiteral("name"), QStringLiteral("b")}}};
        const auto out = Util::renderMustache(
            QStringLiteral("<ul>\n{{#rows}}\n<li>{{name}}</li>\n{{/rows}}\n</ul>"), {{QStringLiteral("rows"), rows}});
        QVERIFY(out.ok());
        QCOMPARE(*out, QStringLiteral("<ul>\n<li>a</li>\n<li>b</li>\n</ul>"));
    }

    void brokenTemplateIsAnError()
    {
        const auto out = Util::renderMustache(QStringLiteral("{{#open}}\nnever closed\n"), {});
        QVERIFY(!out.ok());
        QCOMPARE(out.error().code, QStringLiteral("bad-template"));
        QVERIFY2(out.error().detail.contains(QStringLiteral("open")), qPrintable(out.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestMustache)
#include "tst_mustache.moc"
