package org.paragrade.sandbox.seccomp;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paragrade.sandbox.seccomp.SeccompFilter.RET_ALLOW;
import static org.paragrade.sandbox.seccomp.SeccompFilter.RET_ERRNO;
import static org.paragrade.sandbox.seccomp.SeccompFilter.RET_KILL_PROCESS;
import static org.paragrade.sandbox.seccomp.Syscalls.AUDIT_ARCH_I386;
import static org.paragrade.sandbox.seccomp.Syscalls.AUDIT_ARCH_X86_64;

/** What the compiled default filter decides, run through a BPF interpreter. */
class SeccompFilterTest {
    static final SeccompFilter FILTER = SeccompFilter.paragradeDefault();
    static final int EPERM = RET_ERRNO | 1;
    static final int ENOSYS = RET_ERRNO | 38;

    static int decide(String name, long... args) {
        return BpfInterpreter.run(FILTER.program(), AUDIT_ARCH_X86_64, Syscalls.x86_64(name), args);
    }

    @Test
    void theCallsOfTheBriefAreDenied() {
        for (String name : List.of("ptrace", "process_vm_readv", "process_vm_writev", "keyctl", "add_key",
                "request_key", "bpf", "perf_event_open", "userfaultfd", "io_uring_setup", "io_uring_enter",
                "io_uring_register", "mount", "umount2", "pivot_root", "move_mount", "open_tree", "fsopen", "fsmount",
                "unshare", "setns", "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
                "swapon", "swapoff", "reboot", "acct", "settimeofday", "clock_settime", "quotactl", "lookup_dcookie",
                "name_to_handle_at", "open_by_handle_at", "iopl", "ioperm", "syslog", "vhangup", "nfsservctl",
                "uselib", "pidfd_getfd", "kcmp")) {
            assertThat(decide(name)).as(name).isEqualTo(EPERM);
            assertThat(decide(name, -1, -1, -1, -1, -1, -1)).as(name).isEqualTo(EPERM);
        }
    }

    @Test
    void everyOtherNumberIsAllowed() {
        Set<Integer> ruled = Set.copyOf(FILTER.policy().rules().stream()
                .map(r -> Syscalls.x86_64(r.syscall())).toList());
        for (int nr = 0; nr < 1024; nr++) {
            if (!ruled.contains(nr)) {
                assertThat(BpfInterpreter.run(FILTER.program(), AUDIT_ARCH_X86_64, nr, 0x7E020000L, 40))
                        .as("nr " + nr).isEqualTo(RET_ALLOW);
            }
        }
        for (String name : List.of("read", "write", "mmap", "futex", "getpid", "fork", "execve", "kill", "wait4",
                "prctl", "seccomp")) {
            assertThat(decide(name)).as(name).isEqualTo(RET_ALLOW);
        }
    }

    @Test
    void cloneIsAllowedForThreadsForkAndSpawnButNotForNamespaces() {
        assertThat(decide("clone", 0x003d0f00L)).as("pthread_create").isEqualTo(RET_ALLOW);
        assertThat(decide("clone", 0x01200011L)).as("fork").isEqualTo(RET_ALLOW);
        assertThat(decide("clone", 0x00004111L)).as("posix_spawn: CLONE_VM|CLONE_VFORK|SIGCHLD").isEqualTo(RET_ALLOW);
        assertThat(decide("clone", 0x1_0000_0011L)).as("bits the kernel drops (lower_32_bits)").isEqualTo(RET_ALLOW);
        for (int flag : List.of(0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000)) {
            assertThat(decide("clone", flag | 0x11)).as("flag %x", flag).isEqualTo(EPERM);
            assertThat(decide("clone", 0xffffffff_00000000L | flag)).as("flag %x", flag).isEqualTo(EPERM);
        }
    }

    @Test
    void clone3AnswersEnosysSoGlibcFallsBackToClone() {
        assertThat(decide("clone3")).isEqualTo(ENOSYS);
        assertThat(decide("clone3", 0, 88)).isEqualTo(ENOSYS);
    }

    @Test
    void personalityOnlyForDockersValues() {
        for (long v : List.of(0L, 8L, 0x20000L, 0x20008L, 0xffffffffL, 0x5_0000_0000L)) {
            assertThat(decide("personality", v)).as("%x", v).isEqualTo(RET_ALLOW);
        }
        for (long v : List.of(0x0040000L, 0x0400000L, 0x1L, 0x0800000L)) { // ADDR_NO_RANDOMIZE, READ_IMPLIES_EXEC ...
            assertThat(decide("personality", v)).as("%x", v).isEqualTo(EPERM);
        }
    }

    @Test
    void vsockSocketsAreDeniedOthersAllowed() {
        assertThat(decide("socket", 40, 1, 0)).isEqualTo(EPERM);
        for (int domain : List.of(1, 2, 10, 16)) {
            assertThat(decide("socket", domain, 1, 0)).as("domain " + domain).isEqualTo(RET_ALLOW);
        }
    }

    @Test
    void foreignArchitecturesAreKilledAndX32IsDenied() {
        for (int nr : List.of(0, 1, 20, 26, 120)) {
            assertThat(BpfInterpreter.run(FILTER.program(), AUDIT_ARCH_I386, nr)).isEqualTo(RET_KILL_PROCESS);
            assertThat(BpfInterpreter.run(FILTER.program(), 0xc00000b7 /* aarch64 */, nr)).isEqualTo(RET_KILL_PROCESS);
        }
        assertThat(BpfInterpreter.run(FILTER.program(), AUDIT_ARCH_X86_64, Syscalls.X32_SYSCALL_BIT | 39))
                .as("x32 getpid").isEqualTo(EPERM);
        assertThat(BpfInterpreter.run(FILTER.program(), AUDIT_ARCH_X86_64, Syscalls.X32_SYSCALL_BIT | 512))
                .as("x32 rt_sigaction").isEqualTo(EPERM);
    }

    @Test
    void docsSandboxNamesEveryDeniedCallAndTheCount() throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/SANDBOX.md"));
        String section = docs.substring(docs.indexOf("### Seccomp"));
        for (SeccompPolicy.Rule r : FILTER.policy().rules()) {
            assertThat(section).as(r.syscall()).contains("`" + r.syscall());
        }
        assertThat(section).contains(FILTER.deniedSyscalls() + " system calls in all")
                .contains("The program is " + FILTER.program().size() + " instructions");
    }

    @Test
    void theProgramFitsTheKernelAndIsTheSameEveryTime() {
        assertThat(FILTER.program().size()).isBetween(10, Bpf.MAX_INSNS);
        assertThat(FILTER.bytes()).hasSize(FILTER.program().size() * 8);
        assertThat(Bpf.decode(FILTER.bytes())).isEqualTo(FILTER.program());
        assertThat(SeccompFilter.paragradeDefault().sha256()).isEqualTo(FILTER.sha256());
        assertThat(FILTER.deniedSyscalls()).isEqualTo(FILTER.policy().rules().size()).isGreaterThan(70);
        assertThat(FILTER.summary()).startsWith("seccomp on: " + FILTER.deniedSyscalls() + " system calls denied");
    }
}
