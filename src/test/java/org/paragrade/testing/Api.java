package org.paragrade.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Small helpers for tests that act like an API client. */
public final class Api {
    private Api() {
    }

    public static String exerciseFile(String slug, String path) {
        try {
            return Files.readString(Path.of("exercises", slug, path), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long submit(String user, String slug, String filename, String source) {
        return given().auth().preemptive().basic(user, user)
                .multiPart("file", filename, source.getBytes(StandardCharsets.UTF_8), "text/x-python")
                .post("/api/exercises/" + slug + "/submissions")
                .then().statusCode(202).extract().jsonPath().getLong("id");
    }

    /** Polls until the submission is GRADED or ERROR, like the portal's live view. */
    public static JsonPath awaitGraded(String user, long id, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        JsonPath last = null;
        while (System.nanoTime() < end) {
            last = given().auth().preemptive().basic(user, user).get("/api/submissions/" + id)
                    .then().statusCode(200).extract().jsonPath();
            String status = last.getString("status");
            if ("GRADED".equals(status) || "ERROR".equals(status)) {
                return last;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("submission " + id + " not graded in " + timeout + "; last: "
                + (last == null ? null : last.prettify()));
    }
}
