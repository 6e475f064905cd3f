package org.paragrade.sandbox.seccomp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.paragrade.sandbox.seccomp.SeccompPolicy.Always;
import org.paragrade.sandbox.seccomp.SeccompPolicy.AnyBitSet;
import org.paragrade.sandbox.seccomp.SeccompPolicy.EqualTo;
import org.paragrade.sandbox.seccomp.SeccompPolicy.NoneOf;
import org.paragrade.sandbox.seccomp.SeccompPolicy.Rule;

/**
 * A {@link SeccompPolicy} compiled to a classic BPF program for x86_64:
 *
 * <pre>
 *   arch != AUDIT_ARCH_X86_64          → KILL_PROCESS   (i386 through int 0x80, any foreign ABI)
 *   nr has __X32_SYSCALL_BIT           → ERRNO(EPERM)   (the x32 ABI)
 *   nr == a rule's call                → that rule's block: its condition on one argument, then ERRNO or ALLOW
 *   anything else                      → ALLOW
 * </pre>
 *
 * The result for an allowed call depends on the arch and number only, so kernels from 5.11 on cache it per
 * system call and skip the filter for it entirely (seccomp action cache); only the calls with an argument rule
 * (clone, personality, socket) run the program each time.
 */
public final class SeccompFilter {
    public static final int RET_KILL_PROCESS = 0x80000000;
    public static final int RET_ERRNO = 0x00050000;
    public static final int RET_ALLOW = 0x7fff0000;
    /** Offsets in struct seccomp_data: nr, arch, instruction_pointer, args[6] (u64, low word first). */
    public static final int OFF_NR = 0;
    public static final int OFF_ARCH = 4;
    public static final int OFF_ARGS = 16;

    private final SeccompPolicy policy;
    private final List<Bpf.Insn> program;
    private final byte[] bytes;

    private SeccompFilter(SeccompPolicy policy, List<Bpf.Insn> program) {
        this.policy = policy;
        this.program = List.copyOf(program);
        this.bytes = Bpf.encode(program);
    }

    public static SeccompFilter paragradeDefault() {
        return compile(SeccompPolicy.paragradeDefault());
    }

    public static SeccompFilter compile(SeccompPolicy policy) {
        Bpf.Assembler a = new Bpf.Assembler();
        a.load(OFF_ARCH).jump(Bpf.JEQ_K, Syscalls.AUDIT_ARCH_X86_64, null, "kill");
        a.load(OFF_NR).jump(Bpf.JGE_K, Syscalls.X32_SYSCALL_BIT, "eperm", null);
        Map<Integer, String> errnoLabels = new LinkedHashMap<>();
        errnoLabels.put(SeccompPolicy.EPERM, "eperm");
        List<Rule> conditional = new ArrayList<>();
        for (Rule r : policy.rules()) {
            String target;
            if (r.when() instanceof Always) {
                target = errnoLabels.computeIfAbsent(r.errno(), e -> "errno" + e);
            } else {
                target = "rule:" + r.syscall();
                conditional.add(r);
            }
            a.jump(Bpf.JEQ_K, Syscalls.x86_64(r.syscall()), target, null);
        }
        a.ret(RET_ALLOW);
        for (Rule r : conditional) {
            String deny = errnoLabels.computeIfAbsent(r.errno(), e -> "errno" + e);
            a.label("rule:" + r.syscall());
            if (r.when() instanceof AnyBitSet c) {
                a.load(argLow(c.arg())).jump(Bpf.JSET_K, c.mask(), deny, null).ret(RET_ALLOW);
            } else if (r.when() instanceof EqualTo c) {
                a.load(argLow(c.arg())).jump(Bpf.JEQ_K, c.value(), deny, null).ret(RET_ALLOW);
            } else if (r.when() instanceof NoneOf c) {
                a.load(argLow(c.arg()));
                for (int v : c.values()) {
                    a.jump(Bpf.JEQ_K, v, "ok:" + r.syscall(), null);
                }
                a.jumpAlways(deny).label("ok:" + r.syscall()).ret(RET_ALLOW);
            } else {
                throw new AssertionError(r);
            }
        }
        for (Map.Entry<Integer, String> e : errnoLabels.entrySet()) {
            a.label(e.getValue()).ret(RET_ERRNO | (e.getKey() & 0xffff));
        }
        a.label("kill").ret(RET_KILL_PROCESS);
        return new SeccompFilter(policy, a.assemble());
    }

    private static int argLow(int arg) {
        return OFF_ARGS + 8 * arg;
    }

    public SeccompPolicy policy() {
        return policy;
    }

    public List<Bpf.Insn> program() {
        return program;
    }

    /** The program as bwrap --seccomp reads it. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Number of distinct system calls denied for every or for some arguments. */
    public int deniedSyscalls() {
        return policy.rules().size();
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line for SandboxInfo and logs. */
    public String summary() {
        return "seccomp on: " + deniedSyscalls() + " system calls denied (" + policy.alwaysDenied().size()
                + " always, " + String.join("/", policy.deniedForSomeArguments()) + " for some arguments; clone3"
                + " answers ENOSYS), x86_64 only (other architectures killed, x32 denied), " + program.size()
                + " BPF instructions";
    }

    /**
     * Writes the program into {@code dir} as {@code seccomp-<hash>.bpf}, read-only, unless a regular file of that
     * name already holds exactly these bytes (another instance wrote it), and returns its path.
     */
    public Path install(Path dir) throws IOException {
        Path target = dir.resolve("seccomp-" + sha256().substring(0, 16) + ".bpf");
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
            return target;
        }
        Path tmp = Files.createTempFile(dir, "seccomp-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--r--r--"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
