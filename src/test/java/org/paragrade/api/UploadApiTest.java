package org.paragrade.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionFile;
import org.paragrade.queue.GradingJob;

/** Every refusal answers its status with a clear message and stores nothing; a good upload is stored with its job. */
@QuarkusTest
class UploadApiTest {

    static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(Path.of("src/test/resources/uploads", name));
    }

    static long stored() {
        return QuarkusTransaction.requiringNew().call(() -> Submission.count() + SubmissionFile.count() + GradingJob.count());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "slip.zip|400|outside the archive",
            "absolute.zip|400|absolute path",
            "link.zip|400|link",
            "bomb.zip|413|",
            "nosolution.zip|400|solution.py",
            "many.zip|413|entries",
            "binary.py|400|binary",
            "latin1.py|400|UTF-8",
    })
    void refusedUploadsStoreNothing(String file, int status, String words) throws Exception {
        long before = stored();
        var response = given().auth().preemptive().basic("alice", "alice")
                .multiPart("file", file, fixture(file), "application/octet-stream")
                .post("/api/exercises/primes/submissions")
                .then().statusCode(status).contentType("application/json").body("error", not(emptyString()));
        if (words != null && !words.isBlank()) {
            response.body("error", containsString(words));
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void emptyFileAndMissingPartAndWrongTypeAre400() {
        long before = stored();
        given().auth().preemptive().basic("alice", "alice").multiPart("file", "solution.py", new byte[0], "text/x-python")
                .post("/api/exercises/primes/submissions").then().statusCode(400).body("error", containsString("empty"));
        given().auth().preemptive().basic("alice", "alice").multiPart("other", "x", "y".getBytes())
                .post("/api/exercises/primes/submissions").then().statusCode(400).body("error", containsString("'file'"));
        given().auth().preemptive().basic("alice", "alice").multiPart("file", "solution.exe", "x".getBytes())
                .post("/api/exercises/primes/submissions").then().statusCode(400).body("error", containsString(".py"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void oversizeIs413() {
        byte[] big = ("# " + "x".repeat(600 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
        given().auth().preemptive().basic("alice", "alice").multiPart("file", "solution.py", big, "text/x-python")
                .post("/api/exercises/primes/submissions").then().statusCode(413).body("error", containsString("KB"));
    }

    @Test
    void unknownExerciseIs404() {
        given().auth().preemptive().basic("alice", "alice")
                .multiPart("file", "solution.py", "x = 1\n".getBytes(), "text/x-python")
                .post("/api/exercises/no-such-thing/submissions").then().statusCode(404)
                .body("error", containsString("no-such-thing"));
    }

    @Test
    void goodZipWithAFolderIsStoredWithItsJobBeforeThe202() throws Exception {
        long id = given().auth().preemptive().basic("alice", "alice")
                .multiPart("file", "folder.zip", fixture("folder.zip"), "application/zip")
                .post("/api/exercises/primes/submissions")
                .then().statusCode(202).body("status", equalTo("QUEUED")).extract().jsonPath().getLong("id");
        var files = QuarkusTransaction.requiringNew().call(() -> SubmissionFile.of(id).stream().map(f -> f.path + ":" + f.sha256.length()).toList());
        assertThat(files).containsExactly("helpers.py:64", "solution.py:64");
        assertThat(QuarkusTransaction.requiringNew().call(() -> GradingJob.forSubmission(id).size())).isEqualTo(1);
        given().auth().preemptive().basic("alice", "alice").get("/api/submissions/" + id).then().statusCode(200)
                .body("student", equalTo("alice")).body("exercise", equalTo("primes"))
                .body("progress.phase", equalTo("queued"));
    }

    @Test
    void graderCannotUploadAndStudentCannotAuthor() {
        given().auth().preemptive().basic("grader", "grader")
                .multiPart("file", "solution.py", "x = 1\n".getBytes(), "text/x-python")
                .post("/api/exercises/primes/submissions").then().statusCode(403).body("error", not(emptyString()));
        given().auth().preemptive().basic("alice", "alice")
                .multiPart("bundle", "b.zip", new byte[]{1, 2}, "application/zip")
                .post("/api/exercises").then().statusCode(403);
        given().auth().preemptive().basic("alice", "alice").post("/api/submissions/1/regrade").then().statusCode(403);
        given().auth().preemptive().basic("alice", "alice").get("/api/exercises/primes/grades.csv").then().statusCode(403);
    }
}
