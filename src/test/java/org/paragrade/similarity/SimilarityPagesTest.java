package org.paragrade.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.paragrade.portal.PortalSession;

/**
 * The similarity pages as a grader uses them: the ranked pairs linked from the exercise's grading page, the
 * pair side by side with the matched regions marked and the student's hostile text escaped, the reviewed mark.
 */
@QuarkusTest
class SimilarityPagesTest {
    static final String HOSTILE = "# </pre><script>alert('copied')</script><img src=x onerror=alert(1)>\n";

    @Inject
    SimilarityFixtures fixtures;

    @Test
    void aGraderComparesAPairSideBySideEscapedAndMarksItReviewed() {
        String slug = fixtures.exercise();
        String course = SimilarityFixtures.course(slug);
        String x = SimilarityFixtures.unique("px-");
        String y = SimilarityFixtures.unique("py-");
        String z = SimilarityFixtures.unique("pz-");
        SimilarityFixtures.roster(course, x + ",X,x@example.org,student\n" + y + ",Y,y@example.org,student\n"
                + z + ",Z,z@example.org,student\n", x);
        long a = fixtures.graded(slug, x, HOSTILE + SimilaritySamples.ORIGINAL, 70);
        long b = fixtures.graded(slug, y, SimilaritySamples.RENAMED.replace("# my own solution!!",
                "s = \"<b>mine</b>\"  # </pre><script>alert(2)</script>"), 70);
        fixtures.graded(slug, z, SimilaritySamples.INDEPENDENT, 70);

        PortalSession grader = PortalSession.as("grader");
        grader.get("/grader/exercises/" + slug).then().statusCode(200)
                .body(containsString("href=\"/grader/exercises/" + slug + "/similarity\""));
        String list = grader.get("/grader/exercises/" + slug + "/similarity?course=" + course).then().statusCode(200)
                .body(containsString("Computed "), containsString("over 3 kept submissions of " + course))
                .extract().asString();
        Matcher first = Pattern.compile("<tr id=\"pair-(\\d+)\">\\s*<td class=\"num\">(\\d+) %</td>").matcher(list);
        assertThat(first.find()).isTrue();
        assertThat(Integer.parseInt(first.group(2))).isGreaterThan(80);
        String pairId = first.group(1);
        assertThat(list).contains("href=\"/submissions/" + a + "\"", "href=\"/submissions/" + b + "\"");

        String pair = grader.get("/grader/exercises/" + slug + "/similarity/pairs/" + pairId).then().statusCode(200)
                .extract().asString();
        assertThat(pair).doesNotContain("<script>alert", "<img src=x", "<b>mine</b>")
                .contains("&lt;/pre&gt;&lt;script&gt;alert(&#39;copied&#39;)&lt;/script&gt;", "&lt;b&gt;mine&lt;/b&gt;")
                .contains("class=\"line match match-1\"", "href=\"/submissions/" + a + "\"",
                        "href=\"/submissions/" + b + "\"", "Mark reviewed");
        assertThat(pair.split("class=\"pair-code\"", -1)).hasSize(3);

        grader.postForm("/grader/exercises/" + slug + "/similarity/pairs/" + pairId + "/reviewed", Map.of())
                .then().statusCode(303);
        grader.get("/grader/exercises/" + slug + "/similarity/pairs/" + pairId).then().statusCode(200)
                .body(containsString("Reviewed by grader"), not(containsString("Mark reviewed")));
        grader.get("/grader/exercises/" + slug + "/similarity?course=" + course).then().statusCode(200)
                .body(containsString("<span class=\"badge\">reviewed</span> <span class=\"hint\">grader,"));

        PortalSession student = PortalSession.login(x, SimilarityFixtures.PASSWORD);
        student.get("/grader/exercises/" + slug + "/similarity").then().statusCode(403);
        student.get("/grader/exercises/" + slug + "/similarity/pairs/" + pairId).then().statusCode(404);
        grader.get("/grader/exercises/" + slug + "/similarity/pairs/999999999").then().statusCode(404);
    }

    @Test
    void anotherCoursesGraderFindsNeitherTheListNorThePair() {
        String slug = fixtures.exercise();
        String course = SimilarityFixtures.course(slug);
        String elsewhere = SimilarityFixtures.course(slug);
        String x = SimilarityFixtures.unique("qx-");
        String y = SimilarityFixtures.unique("qy-");
        String ta = SimilarityFixtures.unique("qta-");
        SimilarityFixtures.roster(course, x + ",X,x@example.org,student\n" + y + ",Y,y@example.org,student\n");
        SimilarityFixtures.roster(elsewhere, ta + ",TA,ta@example.org,grader\n", ta);
        fixtures.graded(slug, x, SimilaritySamples.ORIGINAL, 70);
        fixtures.graded(slug, y, SimilaritySamples.RENAMED, 70);
        String list = PortalSession.as("grader").get("/grader/exercises/" + slug + "/similarity?course=" + course)
                .then().statusCode(200).extract().asString();
        Matcher first = Pattern.compile("<tr id=\"pair-(\\d+)\">").matcher(list);
        assertThat(first.find()).isTrue();

        PortalSession other = PortalSession.login(ta, SimilarityFixtures.PASSWORD);
        // a course they have nothing to do with does not exist to them (as for regrade-all)
        other.get("/grader/exercises/" + slug + "/similarity?course=" + course).then().statusCode(404);
        other.get("/grader/exercises/" + slug + "/similarity/pairs/" + first.group(1)).then().statusCode(404);
        // their own course's list is theirs (without ?course=, their one course offering it)
        other.get("/grader/exercises/" + slug + "/similarity").then().statusCode(200)
                .body(containsString("Fewer than two kept submissions could be compared."));
    }
}
