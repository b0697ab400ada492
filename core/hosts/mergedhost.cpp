#include "mergedhost.h"

#include "viewmerge.h"
#include "libvirt/libvirthost.h"

namespace ap {

MergedHost::MergedHost(HostUri uri, std::unique_ptr<HostBackend> sysfsView, std::unique_ptr<LibvirtHost> libvirtView)
    : HostBackend(std::move(uri))
    , m_sysfs(std::move(sysfsView))
    , m_libvirt(std::move(libvirtView))
{
}

MergedHost::~MergedHost()
{
    drain();
}

QList<HostBackend *> MergedHost::views()
{
    return {this, m_sysfs.get(), m_libvirt.get()};
}

QStringList MergedHost::kernelLog() const
{
    return m_sysfs->kernelLog();
}

Result<HostSnapshot> MergedHost::doReadInventory(const std::function<bool()> &canceled, QDeadlineTimer deadline)
{
    // Both views at once: libvirt on its own worker, sysfs here.
    const int remainingMs = deadline.isForever() ? RequestOptions{}.timeoutMs : int(std::max<qint64>(1, deadline.remainingTime()));
    auto libvirtRead = m_libvirt->readInventory({remainingMs});
    auto sysfs = m_sysfs->doReadInventory(canceled, deadline);
    if (!sysfs) {
        libvirtRead.cancel();
        libvirtRead.waitForFinished();
        return sysfs.error();
    }
    libvirtRead.waitForFinished();
    if (libvirtRead.resultCount() == 0 || !libvirtRead.result()) {
        const Error why = libvirtRead.resultCount() ? libvirtRead.result().error()
                                                    : makeError(ErrorCode::Canceled, m_libvirt->uri().text, QStringLiteral("read canceled"));
        HostSnapshot h = std::move(*sysfs);
        h.host = uri().text;
        h.issues.append(makeError(why.code, m_libvirt->uri().text, QStringLiteral("libvirt view not read: %1").arg(why.detail)).withHint(Hint::LibvirtViewMissing));
        return h;
    }
    return mergeHostViews(std::move(*sysfs), *libvirtRead.result(), uri().text);
}

Result<ApplyReport> MergedHost::doApply(const WritePlan &plan, const std::function<void(int)> &progress)
{
    return m_sysfs->doApply(plan, progress);
}

Status MergedHost::doChangeDefinition(const definitions::DefinitionRequest &request, QDeadlineTimer deadline)
{
    return m_sysfs->doChangeDefinition(request, deadline);
}

} // namespace ap
