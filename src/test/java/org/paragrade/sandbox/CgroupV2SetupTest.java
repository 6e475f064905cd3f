package org.paragrade.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cgroup v2 set-up against a fake cgroupfs laid out as the kernel would (the files it makes with every
 * mkdir are made by {@link #cgroup}). A fake cannot move processes: these tests check which cgroups the server
 * moves itself to, which it hands the controllers down from, and where the runs go; the real kernel's side is
 * grader-images/cgroup2-check's job.
 */
class CgroupV2SetupTest {
    @TempDir
    Path root;

    /** A cgroup as the kernel makes it: the root has no cgroup.type; every cgroup gets controllers and procs. */
    private Path cgroup(String path, String controllers, String procs) throws IOException {
        Path dir = path.equals("/") ? root : root.resolve(path.substring(1));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cgroup.controllers"), controllers);
        Files.writeString(dir.resolve("cgroup.procs"), procs);
        Files.writeString(dir.resolve("cgroup.subtree_control"), "");
        if (!path.equals("/")) {
            Files.writeString(dir.resolve("cgroup.type"), "domain\n");
        }
        return dir;
    }

    private CgroupHierarchy detect(String own, List<String> notes) {
        return CgroupHierarchy.detect(root, "paragrade", Map.of("", own), notes);
    }

    @Test
    void aServiceCgroupHoldingTheServerMovesItIntoALeafAndHandsTheControllersDown() throws IOException {
        cgroup("/", "cpuset cpu io memory hugetlb pids rdma misc\n", "1\n");
        cgroup("/system.slice", "cpu memory pids\n", "");
        Path service = cgroup("/system.slice/paragrade.service", "cpu memory pids\n", "4242\n4343\n");
        Path runs = cgroup("/system.slice/paragrade.service/paragrade", "cpu memory pids\n", "");
        List<String> notes = new ArrayList<>();

        CgroupHierarchy h = detect("/system.slice/paragrade.service", notes);

        assertThat(h).as(String.join("; ", notes)).isNotNull();
        assertThat(h.mode()).isEqualTo("cgroup v2");
        assertThat(h.parents()).containsExactly(runs);
        assertThat(Files.readString(service.resolve("server/cgroup.procs"))).as("the last pid moved").isEqualTo("4343");
        assertThat(Files.readString(service.resolve("cgroup.subtree_control"))).isEqualTo("+memory +pids +cpu");
        assertThat(Files.readString(runs.resolve("cgroup.subtree_control"))).isEqualTo("+memory +pids +cpu");
        assertThat(Files.readString(root.resolve("system.slice/cgroup.subtree_control"))).isEqualTo("+memory +pids +cpu");
        assertThat(notes).anyMatch(n -> n.contains("moved the server's 2 process(es) into server/"));
    }

    @Test
    void aServerAlreadyInItsLeafUsesTheCgroupAboveAndNestsNoFurther() throws IOException {
        cgroup("/", "cpu memory pids\n", "");
        Path service = cgroup("/user.slice/app.service", "cpu memory pids\n", "");
        Files.writeString(service.resolve("cgroup.subtree_control"), "cpu memory pids\n");
        cgroup("/user.slice/app.service/server", "cpu memory pids\n", "4242\n");
        Path runs = cgroup("/user.slice/app.service/paragrade", "cpu memory pids\n", "");
        List<String> notes = new ArrayList<>();

        CgroupHierarchy h = detect("/user.slice/app.service/server", notes);

        assertThat(h).as(String.join("; ", notes)).isNotNull();
        assertThat(h.parents()).containsExactly(runs);
        assertThat(service.resolve("server/server")).doesNotExist();
        assertThat(notes).noneMatch(n -> n.contains("moved"));
    }

    @Test
    void theRootCgroupIsExemptAndNothingMoves() throws IOException {
        cgroup("/", "cpu memory pids\n", "1\n77\n");
        Path runs = cgroup("/paragrade", "cpu memory pids\n", "");
        List<String> notes = new ArrayList<>();

        CgroupHierarchy h = detect("/", notes);

        assertThat(h).as(String.join("; ", notes)).isNotNull();
        assertThat(h.parents()).containsExactly(runs);
        assertThat(root.resolve("server")).doesNotExist();
        assertThat(Files.readString(root.resolve("cgroup.subtree_control"))).isEqualTo("+memory +pids +cpu");
    }

    @Test
    void anAbsoluteParentGoesBelowTheRootAndLeavesTheServerWhereItIs() throws IOException {
        cgroup("/", "cpu memory pids\n", "");
        Path service = cgroup("/system.slice/paragrade.service", "cpu memory pids\n", "4242\n");
        Path runs = cgroup("/paragrade-runs", "cpu memory pids\n", "");

        CgroupHierarchy h = CgroupHierarchy.detect(root, "/paragrade-runs", Map.of("", "/system.slice/paragrade.service"),
                new ArrayList<>());

        assertThat(h.parents()).containsExactly(runs);
        assertThat(service.resolve("server")).doesNotExist();
    }

    @Test
    void controllersThatDoNotReachTheRunsMeanNoCgroupAndSayHowToDelegate() throws IOException {
        cgroup("/", "cpu memory pids\n", "");
        cgroup("/user.slice/session.scope", "memory pids\n", "4242\n");
        cgroup("/user.slice/session.scope/paragrade", "memory pids\n", "");
        List<String> notes = new ArrayList<>();

        assertThat(detect("/user.slice/session.scope", notes)).isNull();
        assertThat(String.join("; ", notes)).contains("do not reach").contains("Delegate=yes");
    }

    @Test
    void aV2HierarchyWithoutTheMemoryControllerIsNotUsed() throws IOException {
        cgroup("/", "cpu io pids\n", "");
        List<String> notes = new ArrayList<>();

        assertThat(detect("/", notes)).isNull();
        assertThat(String.join("; ", notes)).contains("lacks the memory, pids or cpu controller");
    }

    @Test
    void aRunCgroupSaysWhichLimitsItEnforcesAndWhichItLacks() throws IOException {
        Path run = cgroup("/paragrade/run-1", "cpu memory pids\n", "");
        Files.writeString(run.resolve("cpu.stat"), "usage_usec 0\n");
        Files.writeString(run.resolve("memory.peak"), "0\n");
        RunCgroup cgroup = new RunCgroup.V2(run, new Limits(1, 1, 64, 8, 1)); // writes memory.max and pids.max

        RunCgroup.Found found = cgroup.find();
        assertThat(found.found()).containsOnlyKeys("memory limit", "task limit", "CPU time", "memory peak");
        assertThat(found.missing()).containsExactly("task peak");
        assertThat(found.full()).isTrue();

        Files.delete(run.resolve("pids.max"));
        assertThat(cgroup.find().full()).as("no task limit: weak").isFalse();
    }
}
