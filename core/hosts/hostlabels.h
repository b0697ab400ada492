#pragma once

#include <QStringList>

namespace ap {

/// Short names for hosts listed side by side, each telling its host apart from the others. A
/// URI of at most `maxChars` characters is its own label; a longer `sysfs:` one keeps its scheme
/// and as many trailing path components as it takes to differ from every other URI of the list,
/// elided in the middle ("sysfs:…/lab-b/tree"). Other schemes (their host matters) and URIs
/// that cannot be told apart that way keep their full text. Labels follow the order of `uris`.
QStringList hostLabels(const QStringList &uris, int maxChars = 28);

} // namespace ap
