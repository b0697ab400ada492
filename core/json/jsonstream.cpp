#include "jsonstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ap {

namespace {

constexpr qsizetype kChunk = 64 * 1024;

/// Qt's own rendering of a scalar: the only element of a compact array, brackets removed.
QByteArray scalarJson(const QJsonValue &v)
{
    const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

} // namespace

JsonStreamWriter::JsonStreamWriter(Sink sink)
    : m_sink(std::move(sink))
{
    m_buffer.reserve(kChunk + 4096);
}

void JsonStreamWriter::element()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_counts.isEmpty())
        return;
    if (m_counts.last()++ > 0)
        m_buffer += ",\n";
    m_buffer.append(4 * m_counts.size(), ' ');
}

void JsonStreamWriter::begin(char open)
{
    element();
    m_buffer += open;
    m_buffer += '\n';
    m_counts.append(0);
}

void JsonStreamWriter::end(char close)
{
    if (m_counts.takeLast() > 0)
        m_buffer += '\n';
    m_buffer.append(4 * m_counts.size(), ' ');
    m_buffer += close;
    flushIfFull();
}

void JsonStreamWriter::beginObject() { begin('{'); }
void JsonStreamWriter::endObject() { end('}'); }
void JsonStreamWriter::beginArray() { begin('['); }
void JsonStreamWriter::endArray() { end(']'); }

void JsonStreamWriter::key(const QString &name)
{
    element();
    m_buffer += scalarJson(name);
    m_buffer += ": ";
    m_afterKey = true;
}

void JsonStreamWriter::value(const QJsonValue &v)
{
    element();
    if (!v.isObject() && !v.isArray()) {
        m_buffer += scalarJson(v);
    } else {
        // Qt writes a container at indentation 0 and ends it with a newline; nested here, every
        // line after the first moves right by this depth.
        QByteArray text = v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented)
                                       : QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented);
        text.chop(1);
        if (!m_counts.isEmpty()) {
            QByteArray newline(1 + 4 * m_counts.size(), ' ');
            newline[0] = '\n';
            text.replace("\n", newline);
        }
        m_buffer += text;
    }
    flushIfFull();
}

void JsonStreamWriter::finish()
{
    m_buffer += '\n';
    m_sink(m_buffer);
    m_buffer.clear();
}

void JsonStreamWriter::flushIfFull()
{
    if (m_buffer.size() < kChunk)
        return;
    m_sink(m_buffer);
    m_buffer.clear();
}

} // namespace ap
