#include "TestSupport.h"
#include "callback/CallbackListener.h"
#include "session/ConsoleSession.h"
#include "storage/SecretStore.h"
#include "workbench/Workbench.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using Session::Environment;

/// The workbench every front-end drives: activation is asynchronous and reports a Result, local environments run
/// on simulators it starts on demand (sharing one dev client), remote ones take their secrets from the store.
class TestWorkbench : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Workbench::WorkbenchOptions options(const QString& name) const
    {
        Workbench::WorkbenchOptions o;
        o.stateDir = m_dir.filePath(name);
        return o;
    }

    /// Activates and waits for the result; also checks that it never arrives inside activate().
    static Util::Status activate(Workbench::Workbench& workbench, const QString& id)
    {
        std::optional<Util::Status> result;
        int calls = 0;
        workbench.activate(id, &workbench, [&](Util::Status s) {
            result = std::move(s);
            ++calls;
        });
        if (result)
            return Util::Error {QStringLiteral("synchronous"), QStringLiteral("done ran inside activate()")};
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return Util::Error {QStringLiteral("timeout"), id};
        QTest::qWait(20);
        if (calls != 1)
            return Util::Error {QStringLiteral("calls"), QString::number(calls)};
        return *result;
    }

    static QByteArray why(const Util::Status& status)
    {
        return status.ok() ? QByteArray() : status.error().toString().toUtf8();
    }

private slots:
    void constructionStartsNothing()
    {
        Workbench::Workbench workbench(options(QStringLiteral("cheap")));
        QVERIFY(!workbench.simulator(Mock::Mode::Strict));
        QVERIFY(!workbench.simulator(Mock::Mode::Sandbox));
        QVERIFY(!workbench.listener()->isListening());
        QVERIFY(!QDir(m_dir.filePath(QStringLiteral("cheap"))).exists()); // no key made yet
        QVERIFY(workbench.activeEnvironmentId().isEmpty());
    }

    void localEnvironmentsShareTheDevClient()
    {
        Workbench::Workbench workbench(options(QStringLiteral("local")));
        QVERIFY(workbench.startListener().ok());
        QSignalSpy activated(&workbench, &Workbench::Workbench::activated);
        QSignalSpy simulatorChanged(&workbench, &Workbench::Workbench::activeSimulatorChanged);
        const Util::Status strict = activate(workbench, QStringLiteral("local-strict"));
        QVERIFY2(strict.ok(), why(strict).constData());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(), QStringLiteral("local-strict"));
        Mock::Simulator* strictSim = workbench.simulator(Mock::Mode::Strict);
        QVERIFY(strictSim);
        QCOMPARE(workbench.activeSimulator(), strictSim);
        QCOMPARE(simulatorChanged.count(), 1);
        QCOMPARE(workbench.session()->environment().baseUrl, strictSim->baseUrl());
        QCOMPARE(workbench.session()->environment().kind, Environment::Kind::LocalStrict);
        const QString devClient = strictSim->clients().devClient().clientId;
        QCOMPARE(workbench.session()->credentials().clientId, devClient);
        QCOMPARE(workbench.session()->credentials().clientSecret, strictSim->clients().devClient().clientSecret);
        QCOMPARE(workbench.stateDir(), m_dir.filePath(QStringLiteral("local")));
        QCOMPARE(workbench.callbackBaseUrl(), workbench.listener()->baseUrl());

        QVERIFY(activate(workbench, QStringLiteral("local-sandbox")).ok());
        Mock::Simulator* sandboxSim = workbench.simulator(Mock::Mode::Sandbox);
        QVERIFY(sandboxSim && sandboxSim != strictSim);
        QCOMPARE(sandboxSim->mode(), Mock::Mode::Sandbox);
        QCOMPARE(workbench.session()->environment().baseUrl, sandboxSim->baseUrl());
        QVERIFY(!workbench.session()->environment().encrypted);
        QCOMPARE(sandboxSim->clients().devClient().clientId, devClient);
        // Back again: the same simulator, not a second one.
        QVERIFY(activate(workbench, QStringLiteral("local-strict")).ok());
        QCOMPARE(workbench.simulator(Mock::Mode::Strict), strictSim);
    }

    void contentKeyIsFetchedWhenAsked()
    {
        Workbench::WorkbenchOptions o = options(QStringLiteral("key"));
        o.fetchContentKey = true;
        Workbench::Workbench workbench(o);
        QVERIFY(workbench.startListener().ok());
        QVERIFY(activate(workbench, QStringLiteral("local-strict")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!workbench.session()->cek().isEmpty(), 10000);
    }

    void unknownEnvironmentIsAnError()
    {
        Workbench::Workbench workbench(options(QStringLiteral("unknown")));
        const Util::Status result = activate(workbench, QStringLiteral("no-such-env"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("unknown-environment"));
        QCOMPARE(result.error().detail, QStringLiteral("no-such-env"));
        QVERIFY(workbench.activeEnvironmentId().isEmpty());
    }

    void noLocalSimulatorWhenTurnedOff()
    {
        Workbench::WorkbenchOptions o = options(QStringLiteral("off"));
        o.localSimulators = false;
        Workbench::Workbench workbench(o);
        QVERIFY(!workbench.hasLocalSimulator());
        const Util::Status result = activate(workbench, QStringLiteral("local-strict"));
        QCOMPARE(result.ok() ? QString() : result.error().code, QStringLiteral("no-simulator"));
        QVERIFY(!QDir(m_dir.filePath(QStringLiteral("off"))).exists());
    }

    void remoteEnvironmentTakesItsSecretsFromTheStore()
    {
        Workbench::Workbench workbench(options(QStringLiteral("remote")));
        QVERIFY(workbench.startListener().ok());
        Storage::MemorySecretStore secrets;
        workbench.setSecretStore(&secrets);
        QCOMPARE(workbench.secretStore(), &secrets);

        // A KEK private key that needs its password (made by openssl, an independent tool).
        const QString keyPath = m_dir.filePath(QStringLiteral("kek.pem"));
        const auto made = TestSupport::openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
            QStringLiteral("RSA"), QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
            QStringLiteral("-aes-256-cbc"), QStringLiteral("-pass"), QStringLiteral("pass:kek-pw-1"),
            QStringLiteral("-out"), keyPath});
        QVERIFY2(made.exitCode == 0, made.err.constData());

        Environment staging;
        staging.id = QStringLiteral("staging");
        staging.name = QStringLiteral("Staging");
        staging.baseUrl = QStringLiteral("https://staging.example");
        staging.clientId = QStringLiteral("client-1");
        staging.kekPrivateKeyPath = keyPath;
        staging.callbackBaseUrl = QStringLiteral("https://tunnel.example/cb");
        workbench.addEnvironment(staging);
        QVERIFY(workbench.environments().constLast().id == staging.id);
        bool written = false;
        secrets.write(staging.secretKey(Environment::ClientSecret), "s3cret", this, [](Util::Status) {});
        secrets.write(staging.secretKey(Environment::SubscriptionKey), "sub-key", this, [](Util::Status) {});
        secrets.write(staging.secretKey(Environment::KekPassword), "kek-pw-1", this, [&](Util::Status s) {
            written = s.ok();
        });
        QTRY_VERIFY(written);

        const Util::Status ok = activate(workbench, staging.id);
        QVERIFY2(ok.ok(), why(ok).constData());
        QCOMPARE(workbench.activeSimulator(), nullptr);
        QCOMPARE(workbench.activeEnvironmentId(), staging.id);
        QCOMPARE(workbench.session()->environment().baseUrl, staging.baseUrl);
        QCOMPARE(workbench.session()->credentials().clientId, QStringLiteral("client-1"));
        QCOMPARE(workbench.session()->credentials().clientSecret, QByteArray("s3cret"));
        QCOMPARE(workbench.session()->credentials().subscriptionKey, QByteArray("sub-key"));
        QCOMPARE(workbench.callbackBaseUrl(), staging.callbackBaseUrl);
        QVERIFY(!workbench.simulator(Mock::Mode::Strict)); // a remote environment starts no simulator

        // A wrong password: the environment is used without its KEK, and the result says why.
        secrets.write(staging.secretKey(Environment::KekPassword), "wrong", this, [](Util::Status) {});
        const Util::Status bad = activate(workbench, staging.id);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QStringLiteral("bad-kek"));
        QCOMPARE(workbench.session()->credentials().clientSecret, QByteArray("s3cret"));
    }

    void laterActivationWins()
    {
        Workbench::Workbench workbench(options(QStringLiteral("race")));
        std::optional<Util::Status> first;
        workbench.activate(QStringLiteral("cyberport-sandbox"), this, [&](Util::Status s) { first = std::move(s); });
        const Util::Status second = activate(workbench, QStringLiteral("local-strict"));
        QVERIFY(second.ok());
        QTRY_VERIFY(first.has_value());
        QCOMPARE(first->ok() ? QString() : first->error().code, QStringLiteral("superseded"));
        QCOMPARE(workbench.activeEnvironmentId(), QStringLiteral("local-strict"));
        QCOMPARE(workbench.session()->environment().kind, Environment::Kind::LocalStrict);
    }
};

QTEST_GUILESS_MAIN(TestWorkbench)
#include "tst_workbench.moc"
