package org.paragrade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the sandbox says of the host's cgroup migration cost, from the mount table it reads. */
class FastMigrationTest {

    @Test
    void aMountThatAlreadyHasTheOptionIsLeftAlone() throws Exception {
        Path mounts = Files.createTempFile("mounts", "");
        Files.writeString(mounts, "cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0\n"
                + "cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime,nsdelegate,favordynmods 0 0\n");
        assertThat(FastMigration.ensure(mounts, true)).isEqualTo("fast cgroup migration (favordynmods)");
    }

    @Test
    void withoutRightsItSaysWhatAnOperatorCanDo() throws Exception {
        Path mounts = Files.createTempFile("mounts", "");
        Files.writeString(mounts, "cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate 0 0\n");
        assertThat(FastMigration.ensure(mounts, false)).startsWith("slow cgroup migration: mount cgroup2 with favordynmods");
    }

    @Test
    void noCgroup2MountNothingToSay() throws Exception {
        Path mounts = Files.createTempFile("mounts", "");
        Files.writeString(mounts, "cgroup /sys/fs/cgroup/memory cgroup rw,memory 0 0\n");
        assertThat(FastMigration.ensure(mounts, true)).isNull();
    }
}
