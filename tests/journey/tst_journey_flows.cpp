#include "JourneyHarness.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "flows/Flow.h"
#include "flows/FlowView.h"
#include "mock/Simulator.h"

#include <QComboBox>
#include <QLabel>
#include <QStandardPaths>

/// Journey (b): in one window, every guided flow is run three times in a row from the Flows tab, by clicking
/// as a person does (the flow picked in its combo box, then "Run flow"), and every run passes. A second run
/// used to fail as a "duplicate" callback.
class TestJourneyFlows : public QObject
{
    Q_OBJECT

private slots:
    void everyFlowPassesThreeTimesInOneWindow()
    {
        LanguageManager languages;
        languages.restore(QStringLiteral("en"));
        Mock::Simulator simulator;
        Mock::SimulatorOptions options;
        options.stateDir
            = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/mock");
        QVERIFY(simulator.start(options));
        MainWindow window(&languages, &simulator);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Journey::Harness h(QStringLiteral("en"));
        QVERIFY2(h.step(QStringLiteral("start")), h.why());
        QVERIFY2(h.clickTab(QStringLiteral("Console sections"), QStringLiteral("Flows")), h.why());
        QVERIFY2(h.step(QStringLiteral("flows-tab")), h.why());

        const QList<Flows::FlowSpec> flows = Flows::loadFlows().valueOr({});
        QVERIFY(flows.size() >= 20);
        auto* summary = window.findChild<QLabel*>(QStringLiteral("flowSummaryLabel"));
        QVERIFY(summary);
        int runs = 0;
        for (const Flows::FlowSpec& flow : flows) {
            QVERIFY2(h.chooseInCombo(QStringLiteral("Flow"), flow.label.get(Protocol::Language::English)), h.why());
            for (int round = 1; round <= 3; ++round) {
                QVERIFY2(h.click(QStringLiteral("Run flow")), h.why());
                QVERIFY2(h.waitFor([&] { return !window.flowView()->runner()->isRunning(); }, 60000),
                    qPrintable(flow.id + QStringLiteral(" did not finish")));
                const Flows::FlowResult& r = window.flowView()->runner()->result();
                QVERIFY2(r.passed,
                    qPrintable(QStringLiteral("%1 run %2: %3 — %4").arg(flow.id).arg(round).arg(r.failureCode,
                        r.failureDetail)));
                QVERIFY2(summary->isVisible() && !summary->text().isEmpty(), qPrintable(flow.id));
                ++runs;
                if (round == 3)
                    QVERIFY2(h.step(flow.id + QStringLiteral("-run3")), h.why());
                else
                    QVERIFY2(Journey::Harness::offScreen().isEmpty(),
                        qPrintable(Journey::Harness::offScreen().join(QStringLiteral("; "))));
            }
        }
        std::printf("journey flows: %d runs of %d flows passed, %d actions\n", runs, int(flows.size()), h.actions());
    }
};

JOURNEY_MAIN(TestJourneyFlows)
#include "tst_journey_flows.moc"
