package org.paragrade.curriculum;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * An instructor uploads, replaces, publishes and schedules an exercise; bad bundles are refused with reasons.
 * Uploads without {@code Prefer: respond-async} are validated by this server's grading worker (through the
 * queue) and answered when the validation is done: 201/200 or 400, as ever.
 */
@QuarkusTest
@TestProfile(org.paragrade.testing.GradingProfile.class)
class InstructorApiTest {

    /** The primes bundle under another slug, with some files replaced. */
    static byte[] bundle(String slug, Map<String, String> replace) throws Exception {
        return bundle("primes", slug, replace);
    }

    /** A shipped bundle under another slug, with some files replaced. */
    static byte[] bundle(String source, String slug, Map<String, String> replace) throws Exception {
        Bundle shipped = Bundle.fromDirectory(Path.of("exercises", source));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : shipped.files().entrySet()) {
                byte[] content = e.getValue();
                if (e.getKey().equals("exercise.yaml")) {
                    content = new String(content, StandardCharsets.UTF_8).replace("slug: " + source, "slug: " + slug)
                            .getBytes(StandardCharsets.UTF_8);
                }
                if (replace.containsKey(e.getKey())) {
                    content = replace.get(e.getKey()).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(slug + "/" + e.getKey()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Validation runs the references in the sandbox: allow it more than the default 30 s on a busy machine. */
    static io.restassured.specification.RequestSpecification instructor() {
        return given().config(io.restassured.RestAssured.config().httpClient(
                        io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 180_000)))
                .auth().preemptive().basic("instructor", "instructor");
    }

    /**
     * The I/O-bound many-waits: its validation benchmarks the references too, and its event loop gains ~8× however
     * busy the machine is (a CPU-bound bundle's speed-up is bench/curriculum's to measure, not a rule to test).
     */
    @Test
    void uploadValidateReplaceAndSchedule() throws Exception {
        instructor()
                .multiPart("bundle", "waits2.zip", bundle("many-waits", "waits-copy", Map.of()), "application/zip")
                .post("/api/exercises").then().statusCode(201)
                .body("slug", equalTo("waits-copy")).body("version", equalTo(1))
                .body("validation.valid", equalTo(true))
                .body("validation.references.reference", hasItems("sequential", "threads", "processes", "asyncio"))
                .body("validation.references.find { it.reference == 'asyncio' }.speedups", org.hamcrest.Matchers
                        .not(org.hamcrest.Matchers.anEmptyMap()));
        given().auth().preemptive().basic("alice", "alice").get("/api/exercises").then().statusCode(200)
                .body("slug", hasItem("waits-copy"));

        // A new statement is a new version, validated again.
        instructor()
                .multiPart("bundle", "w.zip", bundle("many-waits", "waits-copy", Map.of("statement.md", "# Changed\n")),
                        "application/zip")
                .put("/api/exercises/waits-copy").then().statusCode(200).body("version", equalTo(2));

        // Hide, deadline, attempts.
        given().auth().preemptive().basic("instructor", "instructor").contentType(ContentType.JSON)
                .body("{\"published\": false, \"deadline\": \"2020-01-01T00:00:00Z\", \"maxAttempts\": 2}")
                .put("/api/exercises/waits-copy/settings").then().statusCode(200)
                .body("published", equalTo(false)).body("maxAttempts", equalTo(2));
        given().auth().preemptive().basic("alice", "alice").get("/api/exercises/waits-copy").then().statusCode(404);
        given().auth().preemptive().basic("instructor", "instructor").contentType(ContentType.JSON)
                .body("{\"published\": true}").put("/api/exercises/waits-copy/settings").then().statusCode(200);
        given().auth().preemptive().basic("alice", "alice")
                .multiPart("file", "solution.py", "def check_all(urls, workers):\n    return 0\n".getBytes(), "text/x-python")
                .post("/api/exercises/waits-copy/submissions").then().statusCode(409)
                .body("error", containsString("deadline"));
    }

    @Test
    void aWrongReferenceIsRefusedWithItsReason() throws Exception {
        instructor()
                .multiPart("bundle", "bad.zip", bundle("primes-bad", Map.of("reference/threads.py",
                        "def count_primes(limit, workers):\n    return 7\n")), "application/zip")
                .post("/api/exercises").then().statusCode(400)
                .body("error", containsString("threads"))
                .body("reasons", hasItem(containsString("disagrees with sequential")));
        given().auth().preemptive().basic("instructor", "instructor").get("/api/exercises/primes-bad").then().statusCode(404);
    }

    @Test
    void aStarterThatIsAlreadyConcurrentIsRefused() throws Exception {
        // the event loop of many-waits overlaps 100 waits: ~8× on any machine, however busy its cores
        String asyncio = java.nio.file.Files.readString(Path.of("exercises/many-waits/reference/asyncio.py"));
        instructor()
                .multiPart("bundle", "given-away.zip", bundle("many-waits", "waits-given-away",
                        Map.of("starter/solution.py", asyncio)), "application/zip")
                .post("/api/exercises").then().log().ifValidationFails().statusCode(400)
                .body("reasons", hasItem(allOf(containsString("starter/solution.py is already"),
                        containsString("faster than sequential"))));
        given().auth().preemptive().basic("instructor", "instructor").get("/api/exercises/waits-given-away").then()
                .statusCode(404);
    }

    @Test
    void schemaErrorsAreListedAndExistingSlugIs409() throws Exception {
        instructor()
                .multiPart("bundle", "bad.zip", bundle("primes-schema", Map.of("exercise.yaml",
                        "slug: primes-schema\ntitle: x\nkind: gpu\n")), "application/zip")
                .post("/api/exercises").then().statusCode(400)
                .body("reasons", hasItem(containsString("kind must be one of")))
                .body("reasons", hasItem(containsString("cases")));
        instructor()
                .multiPart("bundle", "p.zip", bundle("primes", Map.of()), "application/zip")
                .post("/api/exercises").then().statusCode(409);
        given().auth().preemptive().basic("grader", "grader")
                .multiPart("bundle", "p.zip", bundle("primes", Map.of()), "application/zip")
                .put("/api/exercises/primes").then().statusCode(403);
    }
}
