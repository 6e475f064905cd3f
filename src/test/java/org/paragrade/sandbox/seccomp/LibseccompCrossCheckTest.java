package org.paragrade.sandbox.seccomp;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same policy built by libseccomp (Debian libseccomp-dev, through a throw-away C helper compiled here with
 * gcc) and by our assembler decide alike: for every x86_64 number below 1024, with arguments from the values the
 * rules care about, and for foreign architectures. Only a test: the server never compiles anything.
 *
 * <p>Not compared: personality's "deny unless one of" rule (libseccomp cannot put two comparisons on one argument;
 * covered by SeccompFilterTest) and the x32 range, where libseccomp's x86_64-only filter kills and ours answers
 * EPERM (both deny; checked below).
 */
class LibseccompCrossCheckTest {
    static final String HELPER = """
            #include <seccomp.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            /* args: A:nr:errno | B:nr:errno:arg:mask | E:nr:errno:arg:value ; writes the BPF program to stdout */
            int main(int argc, char **argv) {
                scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
                if (!ctx || seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS)) return 2;
                for (int i = 1; i < argc; i++) {
                    char kind; unsigned long nr, err, arg = 0, v = 0; int rc = 0;
                    if (sscanf(argv[i], "%c:%lu:%lu:%lu:%li", &kind, &nr, &err, &arg, &v) < 3) return 3;
                    if (kind == 'A') {
                        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(err), nr, 0);
                    } else if (kind == 'E') {
                        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(err), nr, 1, SCMP_CMP(arg, SCMP_CMP_EQ, v));
                    } else if (kind == 'B') {
                        for (int b = 0; b < 32 && !rc; b++)
                            if (v & (1UL << b))
                                rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(err), nr, 1,
                                                      SCMP_CMP(arg, SCMP_CMP_MASKED_EQ, 1UL << b, 1UL << b));
                    } else return 4;
                    if (rc) { fprintf(stderr, "rule %s: %d\\n", argv[i], rc); return 5; }
                }
                return seccomp_export_bpf(ctx, 1) ? 6 : 0;
            }
            """;

    @Test
    void libseccompAndOurAssemblerDecideAlike(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/include/seccomp.h")) && Files.isExecutable(Path.of("/usr/bin/gcc")),
                "needs gcc and libseccomp-dev");
        Files.writeString(dir.resolve("helper.c"), HELPER);
        run(dir, List.of("gcc", "-O1", "-o", "helper", "helper.c", "-lseccomp"));
        SeccompPolicy policy = SeccompPolicy.paragradeDefault();
        List<String> args = new ArrayList<>(List.of(dir.resolve("helper").toString()));
        List<SeccompPolicy.Rule> compared = new ArrayList<>();
        for (SeccompPolicy.Rule r : policy.rules()) {
            int nr = Syscalls.x86_64(r.syscall());
            if (r.when() instanceof SeccompPolicy.Always) {
                args.add("A:" + nr + ":" + r.errno());
            } else if (r.when() instanceof SeccompPolicy.AnyBitSet c) {
                args.add("B:" + nr + ":" + r.errno() + ":" + c.arg() + ":" + c.mask());
            } else if (r.when() instanceof SeccompPolicy.EqualTo c) {
                args.add("E:" + nr + ":" + r.errno() + ":" + c.arg() + ":" + c.value());
            } else {
                continue;
            }
            compared.add(r);
        }
        SeccompFilter ours = SeccompFilter.compile(new SeccompPolicy(compared));
        List<Bpf.Insn> theirs = Bpf.decode(run(dir, args));
        assertThat(theirs).isNotEmpty();

        long[] values = {0, 1, 2, 8, 10, 16, 40, 41, 0x11, 0x4111, 0x3d0f00, 0x1200011, 0x20000, 0x20008,
                0x40000, 0x7E020000L, 0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000,
                0x40000000, 0x80000000L, 0xffffffffL};
        int checked = 0;
        for (int nr = 0; nr < 1024; nr++) {
            for (long a0 : values) {
                int expected = BpfInterpreter.run(theirs, Syscalls.AUDIT_ARCH_X86_64, nr, a0, 0);
                assertThat(BpfInterpreter.run(ours.program(), Syscalls.AUDIT_ARCH_X86_64, nr, a0, 0))
                        .as("nr %d arg0 %x", nr, a0).isEqualTo(expected);
                checked++;
            }
        }
        for (int arch : new int[] {Syscalls.AUDIT_ARCH_I386, 0xc00000b7, 0x40000028}) {
            for (int nr : new int[] {0, 20, 39, 101, 425}) {
                assertThat(BpfInterpreter.run(ours.program(), arch, nr))
                        .isEqualTo(BpfInterpreter.run(theirs, arch, nr)).isEqualTo(SeccompFilter.RET_KILL_PROCESS);
            }
        }
        for (int nr : new int[] {0, 39, 101, 512, 547}) {
            assertThat(BpfInterpreter.run(theirs, Syscalls.AUDIT_ARCH_X86_64, Syscalls.X32_SYSCALL_BIT | nr))
                    .isNotEqualTo(SeccompFilter.RET_ALLOW);
            assertThat(BpfInterpreter.run(ours.program(), Syscalls.AUDIT_ARCH_X86_64, Syscalls.X32_SYSCALL_BIT | nr))
                    .isEqualTo(SeccompFilter.RET_ERRNO | SeccompPolicy.EPERM);
        }
        assertThat(checked).isEqualTo(1024 * values.length);
    }

    private static byte[] run(Path dir, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(String.join(" ", cmd.subList(0, Math.min(3, cmd.size()))) + ": "
                + new String(out, StandardCharsets.UTF_8)).isZero();
        return out;
    }
}
