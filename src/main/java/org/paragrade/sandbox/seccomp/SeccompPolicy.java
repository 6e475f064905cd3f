package org.paragrade.sandbox.seccomp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the filter denies: a denylist over a default of "allow", modelled on the deny side of Docker's default
 * profile (moby profiles/seccomp/default.json: everything it grants only with a capability our sandbox never
 * has, plus its argument rules for clone, clone3, personality and socket), and stricter where a grader needs it:
 * ptrace, process_vm_readv/writev and io_uring are denied outright. Python needs a wide surface, so everything
 * not named here is allowed, as in Docker's allowlist.
 *
 * <p>Conditions look at the low 32 bits of an argument only. That is exact for the arguments used here: the
 * kernel reads {@code clone}'s flags through {@code lower_32_bits}, {@code personality} takes an
 * {@code unsigned int} and {@code socket} an {@code int} domain.
 */
public final class SeccompPolicy {
    public static final int EPERM = 1;
    public static final int ENOSYS = 38;

    /** CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET. */
    public static final int CLONE_NAMESPACE_FLAGS = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000
            | 0x10000000 | 0x20000000 | 0x40000000;
    /** The personality(2) values Docker allows: PER_LINUX, PER_LINUX32, UNAME26, UNAME26|PER_LINUX32, query. */
    public static final List<Integer> PERSONALITIES = List.of(0x0, 0x8, 0x20000, 0x20008, 0xffffffff);
    public static final int AF_VSOCK = 40;

    /** When a rule denies its system call. */
    public sealed interface Condition {
    }

    /** Every call. */
    public record Always() implements Condition {
    }

    /** When any bit of {@code mask} is set in argument {@code arg}. */
    public record AnyBitSet(int arg, int mask) implements Condition {
    }

    /** Unless argument {@code arg} is one of {@code values}. */
    public record NoneOf(int arg, List<Integer> values) implements Condition {
        public NoneOf {
            values = List.copyOf(values);
        }
    }

    /** When argument {@code arg} equals {@code value}. */
    public record EqualTo(int arg, int value) implements Condition {
    }

    /** Deny {@code syscall} with {@code errno} when {@code when} holds; {@code why} names the group for the docs. */
    public record Rule(String syscall, Condition when, int errno, String why) {
        public Rule {
            Syscalls.x86_64(syscall); // known name, or fail at build time
            if (when instanceof AnyBitSet || when instanceof NoneOf || when instanceof EqualTo) {
                int arg = when instanceof AnyBitSet a ? a.arg() : when instanceof NoneOf n ? n.arg() : ((EqualTo) when).arg();
                if (arg < 0 || arg > 5) {
                    throw new IllegalArgumentException("a system call has arguments 0 to 5, not " + arg);
                }
            }
        }
    }

    private final List<Rule> rules;

    public SeccompPolicy(List<Rule> rules) {
        Set<String> seen = new LinkedHashSet<>();
        for (Rule r : rules) {
            if (!seen.add(r.syscall())) {
                throw new IllegalArgumentException("one rule per system call: " + r.syscall() + " twice");
            }
        }
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** System calls denied on every call. */
    public List<String> alwaysDenied() {
        return rules.stream().filter(r -> r.when() instanceof Always).map(Rule::syscall).toList();
    }

    /** System calls denied for some arguments only. */
    public List<String> deniedForSomeArguments() {
        return rules.stream().filter(r -> !(r.when() instanceof Always)).map(Rule::syscall).toList();
    }

    /** Paragrade's policy for student code. */
    public static SeccompPolicy paragradeDefault() {
        List<Rule> r = new ArrayList<>();
        deny(r, "reading or steering another process (the supervisor, pid 1)",
                "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd", "process_madvise");
        deny(r, "kernel keyrings", "add_key", "request_key", "keyctl");
        deny(r, "wide kernel surface: eBPF, perf, userfaultfd, io_uring",
                "bpf", "perf_event_open", "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register");
        deny(r, "mounts and the new mount API",
                "mount", "umount2", "pivot_root", "move_mount", "open_tree", "fsopen", "fsconfig", "fsmount",
                "fspick", "mount_setattr", "chroot");
        deny(r, "new or other namespaces", "unshare", "setns");
        deny(r, "kernel images and modules",
                "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module", "create_module",
                "query_module", "get_kernel_syms");
        deny(r, "host administration",
                "swapon", "swapoff", "reboot", "acct", "settimeofday", "clock_settime", "quotactl", "quotactl_fd",
                "sethostname", "setdomainname", "syslog", "vhangup", "iopl", "ioperm", "fanotify_init");
        deny(r, "file handles (the 'shocker' escape)", "name_to_handle_at", "open_by_handle_at");
        deny(r, "NUMA placement (Docker: CAP_SYS_NICE only)",
                "mbind", "set_mempolicy", "get_mempolicy", "set_mempolicy_home_node", "migrate_pages", "move_pages");
        deny(r, "obsolete or unimplemented",
                "lookup_dcookie", "nfsservctl", "uselib", "ustat", "sysfs", "_sysctl", "afs_syscall", "tuxcall",
                "security", "getpmsg", "putpmsg", "vserver");
        r.add(new Rule("clone", new AnyBitSet(0, CLONE_NAMESPACE_FLAGS), EPERM, "new namespaces through clone"));
        r.add(new Rule("clone3", new Always(), ENOSYS,
                "clone3 passes its flags in memory a filter cannot read: ENOSYS, so glibc falls back to clone"));
        r.add(new Rule("personality", new NoneOf(0, PERSONALITIES), EPERM, "execution domains other than Linux's"));
        r.add(new Rule("socket", new EqualTo(0, AF_VSOCK), EPERM, "vsock, which no network namespace confines"));
        return new SeccompPolicy(r);
    }

    private static void deny(List<Rule> rules, String why, String... names) {
        for (String n : names) {
            rules.add(new Rule(n, new Always(), EPERM, why));
        }
    }

    /** The groups of the policy in order, for documentation. */
    public List<String> groups() {
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(rules.stream().map(Rule::why).toList()));
        return Collections.unmodifiableList(groups);
    }
}
