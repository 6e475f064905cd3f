package org.paragrade.sandbox.seccomp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * x86_64 system call numbers for the names the policy uses (and a few it allows, for the tests), from the
 * kernel's arch/x86/entry/syscalls/syscall_64.tbl. SyscallsTest checks every entry against libseccomp's
 * {@code scmp_sys_resolver -a x86_64} when that tool is installed.
 */
public final class Syscalls {
    /** AUDIT_ARCH_X86_64 = EM_X86_64 (62) | __AUDIT_ARCH_64BIT | __AUDIT_ARCH_LE. */
    public static final int AUDIT_ARCH_X86_64 = 0xc000003e;
    /** AUDIT_ARCH_I386, what {@code int 0x80} from a 64-bit process reports. */
    public static final int AUDIT_ARCH_I386 = 0x40000003;
    /** __X32_SYSCALL_BIT: set in the number of every x32-ABI call, which shares the x86_64 arch value. */
    public static final int X32_SYSCALL_BIT = 0x40000000;

    private static final Map<String, Integer> X86_64;

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        // allowed, used by the tests as the ordinary case
        m.put("read", 0);
        m.put("write", 1);
        m.put("mmap", 9);
        m.put("getpid", 39);
        m.put("socket", 41);
        m.put("clone", 56);
        m.put("fork", 57);
        m.put("execve", 59);
        m.put("kill", 62);
        m.put("futex", 202);
        m.put("wait4", 61);
        m.put("prctl", 157);
        m.put("seccomp", 317);
        // denied
        m.put("ptrace", 101);
        m.put("syslog", 103);
        m.put("uselib", 134);
        m.put("personality", 135);
        m.put("ustat", 136);
        m.put("sysfs", 139);
        m.put("vhangup", 153);
        m.put("pivot_root", 155);
        m.put("_sysctl", 156);
        m.put("chroot", 161);
        m.put("acct", 163);
        m.put("settimeofday", 164);
        m.put("mount", 165);
        m.put("umount2", 166);
        m.put("swapon", 167);
        m.put("swapoff", 168);
        m.put("reboot", 169);
        m.put("sethostname", 170);
        m.put("setdomainname", 171);
        m.put("iopl", 172);
        m.put("ioperm", 173);
        m.put("create_module", 174);
        m.put("init_module", 175);
        m.put("delete_module", 176);
        m.put("get_kernel_syms", 177);
        m.put("query_module", 178);
        m.put("quotactl", 179);
        m.put("nfsservctl", 180);
        m.put("getpmsg", 181);
        m.put("putpmsg", 182);
        m.put("afs_syscall", 183);
        m.put("tuxcall", 184);
        m.put("security", 185);
        m.put("lookup_dcookie", 212);
        m.put("clock_settime", 227);
        m.put("vserver", 236);
        m.put("mbind", 237);
        m.put("set_mempolicy", 238);
        m.put("get_mempolicy", 239);
        m.put("kexec_load", 246);
        m.put("add_key", 248);
        m.put("request_key", 249);
        m.put("keyctl", 250);
        m.put("migrate_pages", 256);
        m.put("unshare", 272);
        m.put("move_pages", 279);
        m.put("perf_event_open", 298);
        m.put("fanotify_init", 300);
        m.put("name_to_handle_at", 303);
        m.put("open_by_handle_at", 304);
        m.put("setns", 308);
        m.put("process_vm_readv", 310);
        m.put("process_vm_writev", 311);
        m.put("kcmp", 312);
        m.put("finit_module", 313);
        m.put("kexec_file_load", 320);
        m.put("bpf", 321);
        m.put("userfaultfd", 323);
        m.put("io_uring_setup", 425);
        m.put("io_uring_enter", 426);
        m.put("io_uring_register", 427);
        m.put("open_tree", 428);
        m.put("move_mount", 429);
        m.put("fsopen", 430);
        m.put("fsconfig", 431);
        m.put("fsmount", 432);
        m.put("fspick", 433);
        m.put("clone3", 435);
        m.put("pidfd_getfd", 438);
        m.put("process_madvise", 440);
        m.put("mount_setattr", 442);
        m.put("quotactl_fd", 443);
        m.put("set_mempolicy_home_node", 450);
        X86_64 = Collections.unmodifiableMap(m);
    }

    private Syscalls() {
    }

    /** Every name this table knows, with its x86_64 number. */
    public static Map<String, Integer> x86_64() {
        return X86_64;
    }

    public static int x86_64(String name) {
        Integer nr = X86_64.get(name);
        if (nr == null) {
            throw new IllegalArgumentException("no x86_64 number for system call " + name);
        }
        return nr;
    }
}
