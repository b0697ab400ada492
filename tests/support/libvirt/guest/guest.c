/* The test guest of the real-libvirt harness: fills all of its RAM above the kernel with
 * non-zero data (QEMU sends zero pages almost for free, so an empty guest would migrate in no
 * time) and then idles, or, with "dirty" on its command line, keeps rewriting one word per page
 * forever so each migration pass finds pages dirtied again. Freestanding: no libc. */

typedef unsigned int u32;

struct multiboot_info {
    u32 flags;
    u32 mem_lower; /* KiB below 1 MiB */
    u32 mem_upper; /* KiB above 1 MiB */
    u32 boot_device;
    u32 cmdline;
};

extern char guest_end[];

/* Whether the space-separated command line holds the word `w`. */
static int has_word(const char *s, const char *w)
{
    while (*s) {
        while (*s == ' ')
            ++s;
        const char *b = w;
        while (*b && *s == *b) {
            ++s;
            ++b;
        }
        if (!*b && (*s == 0 || *s == ' '))
            return 1;
        while (*s && *s != ' ')
            ++s;
    }
    return 0;
}

void guest_main(const struct multiboot_info *mb)
{
    if (!(mb->flags & 1u))
        return;
    u32 *first = (u32 *)(((u32)guest_end + 4095u) & ~4095u);
    u32 *last = (u32 *)(0x100000u + mb->mem_upper * 1024u);
    const int dirty = (mb->flags & 4u) && has_word((const char *)mb->cmdline, "dirty");
    for (u32 *p = first; p < last; ++p)
        *p = (u32)p ^ 0x5a5a5a5au;
    if (!dirty)
        return;
    for (u32 round = 1;; ++round) {
        for (u32 *p = first; p < last; p += 1024)
            *p = round;
    }
}
