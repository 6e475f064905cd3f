package org.paragrade.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GraderPagesTest {
    @Inject
    PortalFixtures fixtures;

    @Test
    void overviewListsEveryExerciseWithCsvLinks() {
        PortalSession.as("grader").get("/grader").then().statusCode(200)
                .body(containsString("href=\"/grader/exercises/primes\""))
                .body(containsString("href=\"/grader/exercises/bank/grades.csv\""));
    }

    @Test
    void exerciseBoardShowsBestAndLatestPerStudentAndTheHistogram() {
        fixtures.exercise("board", null);
        long aliceBest = fixtures.graded("board", "alice", 90, PortalFixtures.FULL_REPORT);
        long aliceLatest = fixtures.graded("board", "alice", 30, PortalFixtures.FULL_REPORT);
        long bobOnly = fixtures.graded("board", "bob", 60, PortalFixtures.FULL_REPORT);
        String page = PortalSession.as("grader").get("/grader/exercises/board").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("href=\"/submissions/" + aliceBest + "\">90 / 100</a>")
                .contains("href=\"/submissions/" + aliceLatest + "\">#2</a>")
                .contains("href=\"/submissions/" + bobOnly + "\">60 / 100</a>")
                .contains("Distribution of students", "reference-line", "reference 1.91×")
                .contains("href=\"/grader/exercises/board/grades.csv\"");
        // default order is by student; by best score bob's 60 comes after alice's 90 either way,
        // so sort by attempts: alice (2) first; by student name: alice first too; by speed-up: alice (1.80) first
        String bySpeedup = PortalSession.as("grader").get("/grader/exercises/board?sort=speedup").asString();
        assertThat(bySpeedup.indexOf("<td>alice</td>")).isLessThan(bySpeedup.indexOf("<td>bob</td>"));
        assertThat(bySpeedup).contains("aria-sort=\"descending\"><a href=\"?sort=speedup\"");
        fixtures.graded("board", "bob", 95, PortalFixtures.FULL_REPORT);
        String byBest = PortalSession.as("grader").get("/grader/exercises/board?sort=best").asString();
        assertThat(byBest.indexOf("<td>bob</td>")).isLessThan(byBest.indexOf("<td>alice</td>"));
    }

    @Test
    void gradesCsvDownloadsWithTheSessionCookie() {
        fixtures.exercise("csv-board", null);
        fixtures.graded("csv-board", "alice", 70, PortalFixtures.FULL_REPORT);
        String csv = PortalSession.as("grader").get("/grader/exercises/csv-board/grades.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).startsWith("student,exercise,attempts").contains("alice,csv-board,1,");
    }

    @Test
    void instructorsMayGradeStudentsMayNot() {
        PortalSession.as("instructor").get("/grader/exercises/primes").then().statusCode(200);
        PortalSession.as("alice").get("/grader/exercises/primes").then().statusCode(403)
                .body(containsString("Not for your role"));
        PortalSession.as("bob").get("/grader/exercises/primes/grades.csv").then().statusCode(403);
    }

    @Test
    void unknownExerciseOnTheBoardIs404() {
        PortalSession.as("grader").get("/grader/exercises/nope").then().statusCode(404);
    }
}
