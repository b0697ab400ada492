/* Multiboot (v1) entry of the test guest: QEMU's <kernel> loader enters here in 32-bit protected
 * mode, paging off, EAX = multiboot magic, EBX = the multiboot information. */
    .set MB_MAGIC, 0x1BADB002
    .set MB_FLAGS, 0x00000003          /* page-aligned modules, memory information */
    .section .multiboot, "a"
    .align 4
    .long MB_MAGIC
    .long MB_FLAGS
    .long -(MB_MAGIC + MB_FLAGS)

    .section .bss
    .align 16
stack_bottom:
    .skip 16384
stack_top:

    .section .text
    .global _start
_start:
    cli
    mov $stack_top, %esp
    push %ebx
    call guest_main
1:  hlt
    jmp 1b

    .section .note.GNU-stack, "", @progbits
