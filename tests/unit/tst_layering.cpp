// Guards the direction of core's layers: every include from one core folder into another must be
// an edge of the table below. A new edge is a design decision: add it here on purpose, never to
// make a cycle compile. (It also keeps the tests' skips visible: see testsSkipOnlyThroughApSkip.)
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TstLayering : public QObject {
    Q_OBJECT
private:
    // model <- sysfs <- driver <- plan <- hosts <- migration <- fleet <- report/store. A folder may include
    // itself and the folders listed for it; subfolders (hosts/ssh) belong to their layer's row.
    static QHash<QString, QSet<QString>> allowed()
    {
        const QSet<QString> base{QStringLiteral("common")};
        QHash<QString, QSet<QString>> t;
        auto row = [&](const char *from, std::initializer_list<const char *> to) {
            QSet<QString> s = base;
            for (const char *d : to)
                s.insert(QString::fromLatin1(d));
            s.remove(QString::fromLatin1(from));
            t.insert(QString::fromLatin1(from), s);
        };
        row("common", {});
        row("model", {});
        row("sysfs", {"model"});
        row("json", {"model", "sysfs"});
        row("driver", {"model", "sysfs"});
        row("driver/migration", {"driver", "model", "sysfs"});
        row("plan", {"driver", "model", "sysfs"});
        // ap-check's definition-time rules and mdevctl's formats, beside the driver model.
        row("definitions", {"driver", "model", "sysfs"});
        row("editing", {"definitions", "plan", "driver", "model", "sysfs"});
        row("hosts", {"hosts/libvirt", "hosts/ssh", "definitions", "plan", "json", "driver", "driver/migration", "model", "sysfs"});
        row("hosts/libvirt", {"hosts", "definitions", "plan", "json", "driver", "driver/migration", "model", "sysfs"});
        row("hosts/ssh", {"hosts", "definitions", "plan", "json", "driver", "driver/migration", "model", "sysfs"});
        row("migration", {"definitions", "hosts", "hosts/libvirt", "hosts/ssh", "plan", "json", "driver", "driver/migration", "model", "sysfs"});
        row("fleet", {"definitions", "migration", "hosts", "plan", "json", "driver", "driver/migration", "model", "sysfs"});
        row("report", {"definitions", "fleet", "migration", "hosts", "plan", "json", "driver", "driver/migration", "model", "sysfs"});
        row("store", {"definitions", "migration", "hosts", "plan", "json", "driver", "driver/migration", "model", "sysfs"});
        return t;
    }

    static QString folderOf(const QString &coreRelative) { return QFileInfo(coreRelative).path(); }

private slots:
    void includesFollowTheTable()
    {
        const QDir core(QStringLiteral(APCONSOLE_SOURCE_DIR "/core"));
        const auto table = allowed();
        const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*\"([^\"]+)\""));
        QStringList offenders;
        QSet<QString> folders;
        QDirIterator it(core.path(), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString rel = core.relativeFilePath(path);
            const QString from = folderOf(rel);
            folders.insert(from);
            QVERIFY2(table.contains(from), qPrintable(QStringLiteral("core folder %1 is not in the layer table").arg(from)));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            int line = 0;
            while (!f.atEnd()) {
                ++line;
                const auto m = include.match(QString::fromUtf8(f.readLine()));
                if (!m.hasMatch())
                    continue;
                const QString target = QDir::cleanPath(QFileInfo(path).path() + QLatin1Char('/') + m.captured(1));
                if (!QFileInfo::exists(target))
                    continue; // a generated file (moc), not a layer edge
                const QString to = folderOf(core.relativeFilePath(target));
                if (to == from || table.value(from).contains(to))
                    continue;
                offenders << QStringLiteral("%1:%2: %3 -> %4").arg(rel).arg(line).arg(from, to);
            }
        }
        QVERIFY2(folders.size() >= 10, "core's folders were not found");
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }

    // The table itself has no cycle: following allowed edges never returns to the start.
    void tableIsAcyclic()
    {
        const auto table = allowed();
        for (auto it = table.cbegin(); it != table.cend(); ++it) {
            QSet<QString> seen;
            QList<QString> todo(it.value().cbegin(), it.value().cend());
            while (!todo.isEmpty()) {
                const QString n = todo.takeLast();
                if (seen.contains(n))
                    continue;
                seen.insert(n);
                for (const QString &next : table.value(n))
                    if (!(n.startsWith(QLatin1String("hosts")) && next.startsWith(QLatin1String("hosts"))))
                        todo << next;
            }
            if (!it.key().startsWith(QLatin1String("hosts")))
                QVERIFY2(!seen.contains(it.key()), qPrintable(QStringLiteral("cycle through %1").arg(it.key())));
        }
    }

    // Beside the layers, the one other rule about where code may go: a test skips only through
    // AP_SKIP (tests/support/skip.h), which ctest shows as skipped and CI turns into a failure.
    void testsSkipOnlyThroughApSkip()
    {
        const QDir tests(QStringLiteral(APCONSOLE_SOURCE_DIR "/tests"));
        QStringList offenders;
        QDirIterator it(tests.path(), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
        int seen = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const QString rel = tests.relativeFilePath(path);
            if (rel == QLatin1String("support/skip.h") || rel == QLatin1String("unit/tst_layering.cpp"))
                continue;
            ++seen;
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            if (f.readAll().contains("QSKIP("))
                offenders << rel;
        }
        QVERIFY2(seen >= 20, "the tests were not found");
        QVERIFY2(offenders.isEmpty(), qPrintable(QStringLiteral("QSKIP outside AP_SKIP: ") + offenders.join(QStringLiteral(", "))));
    }

    // The GUI thread never spins a nested event loop or waits: dialogs open with open() or
    // through ui/common/prompts.h, work runs on workers and reports back. Only the application's
    // own loop runs (app/gui/main.cpp).
    void guiThreadNeverNestsAnEventLoop()
    {
        static const QRegularExpression nested(QStringLiteral(
            R"(\bexec\(\)|QEventLoop|QMessageBox::(question|warning|information|critical|about)\b|)"
            R"(QFileDialog::get\w+|QInputDialog::get\w+|QColorDialog::getColor|\.waitForFinished\(|\.waitForDone\(|QThread::[a-z]*sleep)"));
        QStringList offenders;
        int seen = 0;
        for (const char *folder : {"ui", "app/gui"}) {
            const QDir dir(QStringLiteral(APCONSOLE_SOURCE_DIR "/") + QLatin1String(folder));
            QDirIterator it(dir.path(), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                ++seen;
                int lineNo = 0;
                for (const QByteArray &line : f.readAll().split('\n')) {
                    ++lineNo;
                    const QString text = QString::fromUtf8(line).trimmed();
                    if (text.startsWith(QLatin1String("//")) || !nested.match(text).hasMatch())
                        continue;
                    if (path.endsWith(QLatin1String("app/gui/main.cpp")) && text == QLatin1String("return app.exec();"))
                        continue;
                    offenders << QStringLiteral("%1:%2: %3").arg(QDir(QStringLiteral(APCONSOLE_SOURCE_DIR)).relativeFilePath(path)).arg(lineNo).arg(text);
                }
            }
        }
        QVERIFY2(seen >= 40, "the GUI sources were not found");
        QVERIFY2(offenders.isEmpty(), qPrintable(QStringLiteral("nested event loops or waits on the GUI thread:\n") + offenders.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TstLayering)
#include "tst_layering.moc"
