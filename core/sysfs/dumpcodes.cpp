#include "dumpcodes.h"

#include <QHash>
#include <QString>

namespace ap::sysfs::dumpcodes {

int codeIndex(char c)
{
    for (int i = 0; i < int(kNames.size()); ++i)
        if (kCodes[i] == c)
            return i;
    return -1;
}

char codeOf(QStringView name)
{
    static const QHash<QString, char> codes = [] {
        QHash<QString, char> h;
        for (int i = 0; i < int(kNames.size()); ++i)
            h.insert(QLatin1String(kNames[i]), kCodes[i]);
        return h;
    }();
    return codes.value(name.toString(), 0);
}

} // namespace ap::sysfs::dumpcodes
