#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>

#include <functional>

namespace ap {

/// Writes one JSON document piece by piece, byte for byte as QJsonDocument::toJson(Indented)
/// writes the same document, so output of any size never has to be held whole. The structure
/// (objects, arrays, keys) is written here; each value (a scalar, or a small object or array
/// given whole) is formatted by Qt itself. Keys are written in the order given: a caller that
/// must match QJsonObject gives them sorted. Output is handed to the sink in chunks of about
/// 64 KiB and at finish().
class JsonStreamWriter {
public:
    using Sink = std::function<void(const QByteArray &chunk)>;
    explicit JsonStreamWriter(Sink sink);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    /// The next member's key (inside an object only).
    void key(const QString &name);
    /// A whole value: as an array element, a member after key(), or the document itself.
    void value(const QJsonValue &v);
    /// Ends the document (the closing newline) and hands the rest to the sink.
    void finish();

private:
    void element(); ///< the separator and indentation before an element or member
    void begin(char open);
    void end(char close);
    void flushIfFull();

    Sink m_sink;
    QByteArray m_buffer;
    QList<int> m_counts; ///< members written so far, per open container
    bool m_afterKey = false;
};

} // namespace ap
