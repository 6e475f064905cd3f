package org.paragrade.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The code beside the report, as its readers use it: a hostile file shown as text, numbered lines with
 * anchors that the report's traceback, stack dump and tampering flag link to, the diff of two attempts,
 * the zip, and who may see any of it (the student, their course's staff; anyone else 404).
 */
@QuarkusTest
class CodePagesTest {
    static final String HOSTILE = """
            # </code></td></tr></table><script>document.title = 'pwned'</script>
            def count_primes(limit, workers):
                s = "<img src=x onerror=alert(1)>"
                return 0 if '&amp;' else 1
            """;

    @Inject
    PortalFixtures fixtures;

    static String unique(String prefix) {
        return prefix + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    }

    String exercise() {
        return fixtures.exercise(unique("cv-"), null);
    }

    static byte[] zipOf(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static long upload(String user, String password, String slug, String name, byte[] bytes, String course) {
        var spec = given().auth().preemptive().basic(user, password).multiPart("file", name, bytes,
                name.endsWith(".zip") ? "application/zip" : "text/x-python");
        if (course != null) {
            spec.multiPart("course", course);
        }
        return spec.post("/api/exercises/" + slug + "/submissions").then().statusCode(202).extract().jsonPath()
                .getLong("id");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip bundle: the hostile solution, a helper in a folder, and a binary file. */
    static Map<String, byte[]> bundle() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("solution.py", utf8(HOSTILE));
        files.put("pkg/helpers.py", utf8("def f(n):\n    return n * 2\n"));
        files.put("blob.dat", new byte[]{0x7f, 'E', 'L', 'F', 0, 0, 1});
        return files;
    }

    @Test
    void aHostileFileIsTextWithNumberedAnchoredLinesAndABinaryOneIsNamedOnly() throws Exception {
        String slug = exercise();
        long id = upload("alice", "alice", slug, "mine.zip", zipOf(bundle()), null);
        String page = PortalSession.as("alice").get("/submissions/" + id + "/code").then().statusCode(200)
                .contentType(containsString("text/html")).header("Cache-Control", "private, no-store")
                .extract().asString();
        assertThat(page)
                .contains("# &lt;/code&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;document.title = "
                        + "&#39;pwned&#39;&lt;/script&gt;")
                .contains("s = &quot;&lt;img src=x onerror=alert(1)&gt;&quot;")
                .contains("&#39;&amp;amp;&#39;")
                .doesNotContain("<script>document.title", "<img src=x", "</code></td></tr></table><script>");
        // every line has its anchor, numbered from 1, in every file; solution.py comes first
        assertThat(page).contains("<tr id=\"solution.py-L1\"><td class=\"ln\"><a href=\"#solution.py-L1\">1</a></td>")
                .contains("<tr id=\"solution.py-L4\">").doesNotContain("id=\"solution.py-L5\"")
                .contains("<tr id=\"pkg/helpers.py-L2\"><td class=\"ln\"><a href=\"#pkg/helpers.py-L2\">2</a></td>"
                        + "<td class=\"src\"><code>    return n * 2</code></td></tr>");
        assertThat(page.indexOf("id=\"file-solution.py\"")).isPositive()
                .isLessThan(page.indexOf("id=\"file-blob.dat\""));
        assertThat(page).contains("<a href=\"#file-blob.dat\">blob.dat</a> <span class=\"hint\">not shown</span>")
                .contains("<a href=\"#file-pkg/helpers.py\">pkg/helpers.py</a> <span class=\"hint\">2 lines</span>")
                .contains("Not shown: a binary file (7 bytes, not UTF-8 text).")
                .contains("<table class=\"code\" data-lang=\"python\">")
                .contains("<script src=\"/webjars/highlightjs/11.10.0/highlight.min.js\" defer></script>")
                .contains("href=\"/submissions/" + id + "/files.zip\"");
        // the highlighter is served from the webjar on this server, not a CDN
        PortalSession.as("alice").get("/webjars/highlightjs/11.10.0/highlight.min.js").then().statusCode(200)
                .body(containsString("grmr_python"));
    }

    @Test
    void theZipOnThePageIsTheUploadByteForByte() throws Exception {
        String slug = exercise();
        Map<String, byte[]> upload = bundle();
        long id = upload("alice", "alice", slug, "mine.zip", zipOf(upload), null);
        byte[] portal = PortalSession.as("alice").get("/submissions/" + id + "/files.zip").then().statusCode(200)
                .contentType("application/zip").header("Cache-Control", "private, no-store").extract().asByteArray();
        Map<String, byte[]> got = entries(portal);
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(upload.keySet());
        upload.forEach((name, bytes) -> assertThat(got.get(name)).as(name).isEqualTo(bytes));
        byte[] api = given().auth().preemptive().basic("alice", "alice").get("/api/submissions/" + id + "/files")
                .then().statusCode(200).header("Cache-Control", "private, no-store").extract().asByteArray();
        assertThat(portal).isEqualTo(api);
    }

    @Test
    void theReportsTracebackStackDumpAndTamperingFlagLinkToTheirLines() {
        String slug = exercise();
        String report = PortalFixtures.FULL_REPORT.replace("\"feedback\":", """
                "traceback": "Traceback (most recent call last):\\n  File \\"/solution/solution.py\\", line 2, in count_primes\\n  File \\"/usr/lib/python3/threading.py\\", line 9, in run\\nZeroDivisionError: <b>boom</b>",
                "flags": [{"code": "TAMPERING", "message": "solution.py line 4: patches time.perf_counter.", "file": "solution.py", "line": 4}],
                "feedback":""");
        long id = fixtures.graded(slug, "alice", 40, report);
        String page = PortalSession.as("alice").get("/submissions/" + id).then().statusCode(200).extract().asString();
        String code = "/submissions/" + id + "/code";
        assertThat(page).contains("<a href=\"" + code + "\" id=\"code-link\">")
                .contains("<a class=\"code-link\" href=\"" + code + "#solution.py-L2\">File &quot;/solution/"
                        + "solution.py&quot;, line 2, in count_primes</a>")
                .contains("File &quot;/usr/lib/python3/threading.py&quot;, line 9, in run")
                .contains("ZeroDivisionError: &lt;b&gt;boom&lt;/b&gt;")
                // the stack dump of FULL_REPORT: faulthandler names the file as it was imported
                .contains("<a class=\"code-link\" href=\"" + code + "#solution.py-L3\">File &quot;solution.py&quot;, "
                        + "line 3 in count_primes</a>")
                .contains("(<a class=\"code-link\" href=\"" + code + "#solution.py-L4\"><code>solution.py:4</code></a>)");
        // and the line is there to land on
        PortalSession.as("alice").get(code).then().statusCode(200)
                .body(containsString("<tr id=\"solution.py-L2\">"));
    }

    @Test
    void theDiffOfTwoAttemptsShowsWhatWentAndWhatCame() {
        String slug = exercise();
        long first = upload("alice", "alice", slug, "solution.py",
                utf8("def count_primes(limit, workers):\n    total = 0\n    return total\n"), null);
        long second = upload("alice", "alice", slug, "solution.py",
                utf8("import os\ndef count_primes(limit, workers):\n    total = '<script>x</script>'\n    return total\n"),
                null);
        PortalSession alice = PortalSession.as("alice");
        String page = alice.get("/submissions/" + second + "/diff?against=" + first).then().statusCode(200).header("Cache-Control", "private, no-store")
                .extract().asString();
        assertThat(page).contains("2 lines added, 1 removed")
                .contains("<tr class=\"add\"><td class=\"ln\"></td><td class=\"ln\"><a href=\"/submissions/" + second
                        + "/code#solution.py-L1\">1</a></td><td class=\"mark\">+</td><td class=\"src\"><code>import os"
                        + "</code></td></tr>")
                .contains("<tr class=\"del\"><td class=\"ln\"><a href=\"/submissions/" + first
                        + "/code#solution.py-L2\">2</a></td><td class=\"ln\"></td><td class=\"mark\">−</td>"
                        + "<td class=\"src\"><code>    total = 0</code></td></tr>")
                .contains("<code>    total = &#39;&lt;script&gt;x&lt;/script&gt;&#39;</code>")
                .contains("<tr class=\"same\"><td class=\"ln\"><a href=\"/submissions/" + first
                        + "/code#solution.py-L3\">3</a></td><td class=\"ln\"><a href=\"/submissions/" + second
                        + "/code#solution.py-L4\">4</a></td>")
                .doesNotContain("<script>x");
        // the selector offers the other attempt, chosen
        assertThat(page).contains("<option value=\"" + first + "\" selected>attempt #");
        alice.get("/submissions/" + second + "/diff").then().statusCode(200)
                .body(containsString("<option value=\"" + first + "\""));
        alice.get("/submissions/" + second + "/code").then().statusCode(200)
                .body(containsString("href=\"/submissions/" + second + "/diff?against=" + first + "\""));

        // a grader sees bob's submission, but it is not alice's attempt: a clear refusal, with the selector
        long bobs = upload("bob", "bob", slug, "solution.py", utf8("x = 1\n"), null);
        PortalSession grader = PortalSession.as("grader");
        grader.get("/submissions/" + second + "/diff?against=" + bobs).then().statusCode(400)
                .body(containsString("Submission " + bobs + " is not an attempt of the same student on the same "
                        + "exercise"))
                .body(containsString("<option value=\"" + first + "\""));
        long otherExercise = upload("alice", "alice", exercise(), "solution.py", utf8("y = 2\n"), null);
        alice.get("/submissions/" + second + "/diff?against=" + otherExercise).then().statusCode(400)
                .body(containsString("not an attempt of the same student on the same exercise"));
        alice.get("/submissions/" + second + "/diff?against=" + second).then().statusCode(400)
                .body(containsString("That is this same submission"));
        alice.get("/submissions/" + second + "/diff?against=twelve").then().statusCode(400)
                .body(containsString("Compare with a submission&#39;s number"));
        // to alice, bob's submission does not exist
        alice.get("/submissions/" + second + "/diff?against=" + bobs).then().statusCode(404);
    }

    @Test
    void theCodeIsForTheStudentAndTheirCoursesStaffOnly() {
        String slug = exercise();
        String course = createCourse();
        String otherCourse = createCourse();
        offer(course, slug);
        offer(otherCourse, slug);
        String ta = member(course, "grader");
        String otherTa = member(otherCourse, "grader");
        String student = member(course, "student");
        long id = upload(student, OWN, slug, "solution.py", utf8(HOSTILE), course);

        PortalSession owner = PortalSession.login(student, OWN);
        PortalSession courseGrader = PortalSession.login(ta, OWN);
        PortalSession siteGrader = PortalSession.as("grader");
        PortalSession anotherStudent = PortalSession.as("bob");
        PortalSession otherCoursesGrader = PortalSession.login(otherTa, OWN);
        for (String page : new String[]{"/code", "/diff", "/files.zip"}) {
            owner.get("/submissions/" + id + page).then().statusCode(200);
            courseGrader.get("/submissions/" + id + page).then().statusCode(200);
            siteGrader.get("/submissions/" + id + page).then().statusCode(200);
            anotherStudent.get("/submissions/" + id + page).then().statusCode(404);
            otherCoursesGrader.get("/submissions/" + id + page).then().statusCode(404);
        }
        courseGrader.get("/submissions/" + id + "/code").then()
                .body(containsString("the code of attempt #1 by " + student));
        owner.get("/submissions/" + id + "/code").then().body(containsString("the code of attempt #1</h1>"));
        anotherStudent.get("/submissions/" + id + "/code").then().body(containsString("Page not found"));
    }

    static final String OWN = "a long own secret";

    static String createCourse() {
        String code = unique("cv-");
        given().auth().preemptive().basic("instructor", "instructor").contentType("application/json")
                .body(Map.of("code", code, "title", "Concurrency " + code)).post("/api/courses").then().statusCode(201);
        return code;
    }

    static void offer(String course, String slug) {
        given().auth().preemptive().basic("instructor", "instructor").contentType("application/json").body(Map.of())
                .put("/api/courses/" + course + "/exercises/" + slug).then().statusCode(200).body("exercise", is(slug));
    }

    /** A new account on the course's roster with {@code role}, past its first login. */
    static String member(String course, String role) {
        String name = unique("u");
        String initial = given().auth().preemptive().basic("instructor", "instructor")
                .multiPart("file", "roster.csv", utf8(name + "," + name + "," + name + "@example.org," + role + "\n"),
                        "text/csv")
                .post("/api/courses/" + course + "/roster").then().statusCode(200).extract().jsonPath()
                .getString("accounts[0].initialPassword");
        given().auth().preemptive().basic(name, initial).contentType("application/json")
                .body(Map.of("current", initial, "new", OWN)).put("/api/account/password").then().statusCode(204);
        return name;
    }
}
