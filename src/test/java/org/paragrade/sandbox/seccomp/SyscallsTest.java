package org.paragrade.sandbox.seccomp;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-kept x86_64 table against libseccomp's own (Debian package {@code seccomp}). */
class SyscallsTest {
    static final Path RESOLVER = Path.of("/usr/bin/scmp_sys_resolver");

    @Test
    void everyNumberMatchesLibseccomp() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(RESOLVER), "scmp_sys_resolver not installed (apt-get install seccomp)");
        for (Map.Entry<String, Integer> e : Syscalls.x86_64().entrySet()) {
            Process p = new ProcessBuilder(RESOLVER.toString(), "-a", "x86_64", e.getKey()).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor()).isZero();
            assertThat(out).as(e.getKey()).isEqualTo(Integer.toString(e.getValue()));
        }
    }

    @Test
    void everyRuleNamesAKnownCallAndNumbersAreDistinct() {
        assertThat(Syscalls.x86_64().values()).doesNotHaveDuplicates();
        for (SeccompPolicy.Rule r : SeccompPolicy.paragradeDefault().rules()) {
            assertThat(Syscalls.x86_64()).containsKey(r.syscall());
        }
    }
}
