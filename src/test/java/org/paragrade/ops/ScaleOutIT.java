package org.paragrade.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paragrade.testing.ServerProcess;

/**
 * Two packaged instances on one PostgreSQL share the queue: both grade, no job is graded twice, and a
 * job whose instance is killed mid-grading is finished by the other once the lease runs out.
 */
class ScaleOutIT {
    static EmbeddedPostgres pg;

    @BeforeAll
    static void database() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static Map<String, String> settings(boolean demo) {
        Map<String, String> s = new HashMap<>();
        s.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres");
        s.put("quarkus.datasource.username", "postgres");
        s.put("quarkus.datasource.password", "");
        s.put("paragrade.demo", Boolean.toString(demo));
        s.put("paragrade.workers", "1");
        s.put("paragrade.grading.lease", "8s");
        s.put("paragrade.grading.heartbeat", "2s");
        s.put("quarkus.http.auth.session.encryption-key", "scale-out-test-key-0123456789abcdef0123");
        return s;
    }

    static long submit(ServerProcess server, String user, String source) {
        return given().baseUri(server.url()).auth().preemptive().basic(user, user)
                .multiPart("file", "solution.py", source.getBytes(StandardCharsets.UTF_8), "text/x-python")
                .post("/api/exercises/primes/submissions").then().statusCode(202).extract().jsonPath().getLong("id");
    }

    static List<Long> rows(String sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); ResultSet r = c.createStatement().executeQuery(sql)) {
            List<Long> out = new ArrayList<>();
            while (r.next()) {
                out.add(r.getLong(1));
            }
            return out;
        }
    }

    static String text(String sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); ResultSet r = c.createStatement().executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    static void awaitAll(String condition, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (rows("select count(*) from submission where not (" + condition + ")").get(0) == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("timed out waiting for: " + condition + "; statuses: "
                + text("select string_agg(id || ':' || status, ', ') from submission"));
    }

    static void awaitClaimed(long submissionId, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (rows("select count(*) from grading_job where state = 'QUEUED' and submission_id = " + submissionId)
                    .get(0) == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("submission " + submissionId + " not claimed in " + timeout);
    }

    @Test
    void twoInstancesShareTheQueueAndRescueEachOther() throws Exception {
        Path dataA = Files.createTempDirectory(Path.of("target"), "scale-a-");
        Path dataB = Files.createTempDirectory(Path.of("target"), "scale-b-");
        try (ServerProcess a = ServerProcess.start(dataA, settings(true));
             ServerProcess b = ServerProcess.start(dataB, settings(false))) {
            // 1. Both grade; nothing graded twice. Wrong answers are quick: correctness only.
            String wrong = "def count_primes(limit, workers):\n    return limit\n";
            Map<String, Long> last = new HashMap<>();
            for (int i = 0; i < 10; i++) {
                String user = i % 3 == 0 ? "bob" : "alice";
                if (last.containsKey(user)) { // a newer upload would supersede one still waiting
                    awaitClaimed(last.get(user), Duration.ofMinutes(2));
                }
                last.put(user, submit(i % 2 == 0 ? a : b, user, wrong));
            }
            awaitAll("status = 'GRADED'", Duration.ofMinutes(4));
            assertThat(rows("select count(*) from grade where kind = 'AUTO' group by submission_id having count(*) > 1")).isEmpty();
            List<Long> perOwner = rows("select count(distinct g.job_id) from grade g join grading_job j on j.id = g.job_id");
            assertThat(perOwner.get(0)).isEqualTo(10);
            assertThat(a.log()).contains("Graded:");
            assertThat(b.log()).contains("Graded:");

            // 2. Kill the instance holding a long grading: the other finishes it after the lease runs out.
            String correct = Files.readString(Path.of("exercises/primes/starter/solution.py"));
            long id = submit(a, "alice", correct);
            String owner = null;
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (owner == null && System.nanoTime() < end) {
                owner = text("select lease_owner from grading_job where submission_id = " + id + " and state = 'RUNNING'");
                Thread.sleep(200);
            }
            assertThat(owner).as("someone claimed the job").isNotNull();
            ServerProcess holder = owner.startsWith(a.pid() + "@") ? a : b;
            ServerProcess other = holder == a ? b : a;
            Thread.sleep(1500); // mid-grading
            holder.kill9();
            awaitAll("status = 'GRADED'", Duration.ofMinutes(6));
            assertThat(rows("select attempt from grading_job where submission_id = " + id)).containsExactly(2L);
            assertThat(rows("select count(*) from grade where kind = 'AUTO' and submission_id = " + id)).containsExactly(1L);
            assertThat(other.log()).contains("Graded:");
        }
    }
}
