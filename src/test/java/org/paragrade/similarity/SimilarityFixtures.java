package org.paragrade.similarity;

import static io.restassured.RestAssured.given;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.portal.PortalFixtures;
import org.paragrade.submission.Grade;
import org.paragrade.submission.SolutionUpload;
import org.paragrade.submission.Submission;
import org.paragrade.submission.Verdict;

/**
 * A course whose students uploaded the {@link SimilaritySamples}, graded as the engine would record it (no
 * benchmark runs): the exercise is the tiny test bundle with {@link SimilaritySamples#STARTER} as its starter.
 */
@ApplicationScoped
public class SimilarityFixtures {
    public static final String PASSWORD = "a long own secret";

    private final SolutionUpload uploads;
    private final CurriculumService curriculum;

    public SimilarityFixtures(SolutionUpload uploads, CurriculumService curriculum) {
        this.uploads = uploads;
        this.curriculum = curriculum;
    }

    public static String unique(String prefix) {
        return prefix + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    }

    /** A published exercise of its own whose starter is the shared helper code. */
    public String exercise() {
        String slug = unique("sim-");
        var bundle = PortalFixtures.bundleAs("tiny", slug, null)
                .with(Map.of("starter/solution.py", SimilaritySamples.STARTER.getBytes(StandardCharsets.UTF_8)));
        curriculum.store(bundle, "import", "test", null, null);
        return slug;
    }

    public static String course(String... slugs) {
        String code = unique("sc-");
        given().auth().preemptive().basic("instructor", "instructor").contentType("application/json")
                .body(Map.of("code", code, "title", "Similarity " + code)).post("/api/courses").then().statusCode(201);
        for (String slug : slugs) {
            given().auth().preemptive().basic("instructor", "instructor").contentType("application/json")
                    .body(Map.of()).put("/api/courses/" + code + "/exercises/" + slug).then().statusCode(200);
        }
        return code;
    }

    /** Imports the roster; the named users (TAs and students alike) set {@link #PASSWORD} as at first login. */
    public static void roster(String code, String csv, String... loggingIn) {
        var answer = given().auth().preemptive().basic("instructor", "instructor")
                .multiPart("file", "roster.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/courses/" + code + "/roster").then().statusCode(200).extract().jsonPath();
        for (String user : loggingIn) {
            String initial = answer.getString("accounts.find { it.username == '" + user + "' }.initialPassword");
            given().auth().preemptive().basic(user, initial).contentType("application/json")
                    .body(Map.of("current", initial, "new", PASSWORD)).put("/api/account/password")
                    .then().statusCode(204);
        }
    }

    /** An upload of {@code code} as solution.py, graded with {@code score} as the worker records it. */
    @Transactional
    public long graded(String slug, String student, String code, double score) {
        Submission s = uploads.upload(slug, student, "solution.py", code.getBytes(StandardCharsets.UTF_8));
        s.status = Submission.GRADED;
        s.verdict = Verdict.WRONG_ANSWER;
        s.score = score;
        s.maxScore = 100.0;
        s.gradedAt = Instant.now();
        Grade g = new Grade();
        g.submissionId = s.id;
        g.kind = Grade.AUTO;
        g.verdict = s.verdict;
        g.score = score;
        g.maxScore = 100;
        g.persist();
        Submission.getEntityManager().createNativeQuery("update grading_job set state = 'DONE' where submission_id = :id")
                .setParameter("id", s.id).executeUpdate();
        return s.id;
    }
}
