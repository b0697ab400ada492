// Guards the layering: apcore is GUI-free. Fails if any file under core/ includes a QtGui or
// QtWidgets header (by module path or by class header name), or if apcore links either module.
#include <QDir>
#include <QFile>
#include <QDirIterator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TstCorePurity : public QObject {
    Q_OBJECT
private:
    static QString setting(const char *key)
    {
        QFile f(QStringLiteral(CORE_PURITY_FILE));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith(QByteArray(QByteArray(key) + '=')))
                return QString::fromUtf8(line.mid(int(qstrlen(key)) + 1));
        return {};
    }

    static QSet<QString> headersOf(const QString &dirs, const QString &module)
    {
        QSet<QString> names;
        for (const QString &d : dirs.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            if (!d.endsWith(module))
                continue;
            for (const QString &f : QDir(d).entryList(QDir::Files))
                names.insert(f);
        }
        return names;
    }

private slots:
    void noGuiIncludes()
    {
        QSet<QString> forbidden = headersOf(setting("gui"), QStringLiteral("QtGui"));
        forbidden += headersOf(setting("widgets"), QStringLiteral("QtWidgets"));
        QVERIFY2(forbidden.contains(QStringLiteral("QColor")) && forbidden.contains(QStringLiteral("QWidget")),
                 "the QtGui/QtWidgets header lists were not found");
        const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*[<\"]([^>\"]+)[>\"]"));
        QStringList offenders;
        QDirIterator it(QStringLiteral(APCONSOLE_SOURCE_DIR "/core"), QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            ++files;
            int line = 0;
            while (!f.atEnd()) {
                ++line;
                const QString text = QString::fromUtf8(f.readLine());
                const auto m = include.match(text);
                if (!m.hasMatch())
                    continue;
                const QString header = m.captured(1);
                if (header.startsWith(QLatin1String("QtGui/")) || header.startsWith(QLatin1String("QtWidgets/"))
                    || header == QLatin1String("QtGui") || header == QLatin1String("QtWidgets") || forbidden.contains(header))
                    offenders.append(QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(header));
            }
        }
        QVERIFY(files > 20);
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }

    void noGuiLinks()
    {
        const QString links = setting("links");
        QVERIFY2(links.contains(QLatin1String("Qt6::Core")), qPrintable(links));
        QVERIFY2(!links.contains(QLatin1String("Gui")) && !links.contains(QLatin1String("Widgets")), qPrintable(links));
    }
};

QTEST_GUILESS_MAIN(TstCorePurity)
#include "tst_corepurity.moc"
