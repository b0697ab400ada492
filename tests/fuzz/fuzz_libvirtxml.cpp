// libFuzzer target: the libvirt XML readers (node devices, domains) and mdev names.
#include <hosts/libvirt/libvirtxml.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString xml = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)ap::libvirtxml::parseNodeDevice(xml);
    (void)ap::libvirtxml::parseDomain(xml);
    (void)ap::libvirtxml::uuidFromMdevName(xml);
    return 0;
}
