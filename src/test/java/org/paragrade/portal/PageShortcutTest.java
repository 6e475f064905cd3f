package org.paragrade.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A report page asked again by the session just shown it is answered from memory for a second, byte for byte
 * and header for header what the full request answered; to that exact session only (its two cookies, the exact
 * path, no query); a write on this instance (not a login), a logout and a password change end it at once.
 */
@QuarkusTest
class PageShortcutTest {
    @Inject
    PortalFixtures fixtures;
    @Inject
    PageShortcut shortcut;

    /** The page, and whether it came from memory. */
    private record Got(Response response, boolean fromMemory) {
    }

    private Got get(PortalSession session, String path, String etag) {
        long before = shortcut.served();
        var spec = session.request();
        if (etag != null) {
            spec.header("If-None-Match", etag);
        }
        Response r = spec.get(path);
        session.keep(r);
        return new Got(r, shortcut.served() > before);
    }

    /** Each session's reload of {@code path} answered from memory ({@code true}) or by the full request. */
    private void assertFromMemory(boolean expected, String path, PortalSession... sessions) {
        for (PortalSession s : sessions) {
            assertThat(get(s, path, null).fromMemory()).as("from memory").isEqualTo(expected);
        }
    }

    /** Each session shown {@code path} once by the full request, so that its reloads are answered from memory. */
    private void keptFor(String path, PortalSession... sessions) {
        for (PortalSession s : sessions) {
            get(s, path, null);
        }
        assertFromMemory(true, path, sessions);
    }

    private static PortalSession withToken(String user) {
        PortalSession s = PortalSession.as(user);
        s.get("/exercises"); // the form token's cookie: a report page drawn with a fresh token is never kept
        assertThat(s.cookies).containsKey(CsrfToken.COOKIE);
        return s;
    }

    @Test
    void theSameSessionAgainGetsTheSamePageFromMemoryAndNobodyElseDoes() {
        long id = fixtures.graded("primes", "alice", 40, PortalFixtures.FULL_REPORT);
        String path = "/submissions/" + id;
        PortalSession alice = withToken("alice");
        Got full = get(alice, path, null);
        full.response().then().statusCode(200).body(containsString("40 / 100"));
        assertThat(full.fromMemory()).isFalse();

        Got again = get(alice, path, null);
        assertThat(again.fromMemory()).isTrue();
        assertThat(again.response().statusCode()).isEqualTo(200);
        assertThat(again.response().asByteArray()).isEqualTo(full.response().asByteArray());
        for (String h : new String[] {"Content-Type", "ETag", "Cache-Control", "Content-Security-Policy",
                "X-Content-Type-Options", "Referrer-Policy"}) {
            assertThat(again.response().header(h)).as(h).isNotNull().isEqualTo(full.response().header(h));
        }
        Got unchanged = get(alice, path, full.response().header("ETag"));
        assertThat(unchanged.fromMemory()).isTrue();
        assertThat(unchanged.response().statusCode()).isEqualTo(304);
        assertThat(unchanged.response().asString()).isEmpty();
        assertThat(get(alice, path, "\"another\"").response().asByteArray()).isEqualTo(full.response().asByteArray());

        // another session of the same student (other cookies), another student, a stranger: never from memory
        PortalSession second = withToken("alice");
        Got secondPage = get(second, path, null);
        assertThat(secondPage.fromMemory()).isFalse();
        // rendered once for both, each page's forms carry its own session's token
        String aliceToken = alice.cookies.get(CsrfToken.COOKIE);
        String secondToken = second.cookies.get(CsrfToken.COOKIE);
        assertThat(secondToken).isNotEqualTo(aliceToken);
        assertThat(full.response().asString()).contains("value=\"" + aliceToken + "\"").doesNotContain(secondToken)
                .doesNotContain(RenderedPages.TOKEN_STAND_IN);
        assertThat(secondPage.response().asString()).contains("value=\"" + secondToken + "\"")
                .doesNotContain(aliceToken).doesNotContain(RenderedPages.TOKEN_STAND_IN);
        PortalSession bob = withToken("bob");
        Got bobs = get(bob, path, null);
        assertThat(bobs.fromMemory()).isFalse();
        assertThat(bobs.response().statusCode()).isEqualTo(404);
        assertThat(bobs.response().asString()).doesNotContain("40 / 100");
        // the logins since changed nothing shown, so alice's page is still kept: what follows is refused by its
        // key, not by an empty memory
        assertThat(get(alice, path, null).fromMemory()).isTrue();
        PortalSession stranger = new PortalSession();
        stranger.cookies.put(CsrfToken.COOKIE, alice.cookies.get(CsrfToken.COOKIE));
        Got anonymous = get(stranger, path, null);
        assertThat(anonymous.fromMemory()).isFalse();
        assertThat(anonymous.response().statusCode()).isEqualTo(302); // to the login page
        // alice's session cookie with someone else's form token: not the page kept (its forms carry alice's token)
        PortalSession mixed = new PortalSession();
        mixed.cookies.putAll(alice.cookies);
        mixed.cookies.put(CsrfToken.COOKIE, bob.cookies.get(CsrfToken.COOKIE));
        assertThat(get(mixed, path, null).fromMemory()).isFalse();
        // the session cookie twice (another's value beside alice's, in either order): never from memory
        String aliceSession = alice.cookies.get("paragrade-session");
        String bobSession = bob.cookies.get("paragrade-session");
        for (String sessions : new String[] {aliceSession + "; paragrade-session=" + bobSession,
                bobSession + "; paragrade-session=" + aliceSession}) {
            long servedBefore = shortcut.served();
            Response twice = io.restassured.RestAssured.given().redirects().follow(false)
                    .header("Cookie", "paragrade-session=" + sessions + "; " + CsrfToken.COOKIE + "=" + aliceToken)
                    .get(path);
            assertThat(twice.statusCode()).isIn(200, 404);
            assertThat(shortcut.served()).isEqualTo(servedBefore);
        }
        assertThat(get(alice, path, null).fromMemory()).isTrue(); // alice's own reload still is
        // with a query, or another submission's address: the full request
        assertThat(get(alice, path + "?done=regrade", null).response().asString()).contains("Queued for grading again");
        assertThat(get(alice, "/submissions/" + (id + 1000), null).fromMemory()).isFalse();
    }

    @Test
    void aWriteOnThisInstanceShowsAtOnceAndAPageIsNeverOlderThanASecond() throws InterruptedException {
        long id = fixtures.graded("primes", "alice", 40, PortalFixtures.FULL_REPORT);
        String path = "/submissions/" + id;
        PortalSession alice = withToken("alice");
        get(alice, path, null);
        assertThat(get(alice, path, null).fromMemory()).isTrue();

        PortalSession grader = withToken("grader");
        grader.get(path);
        assertThat(get(alice, path, null).fromMemory()).as("a login is not a write").isTrue();
        grader.postForm(path + "/grade", Map.of("score", "70", "comment", "Better on a second look."))
                .then().statusCode(303);
        Got after = get(alice, path, null);
        assertThat(after.fromMemory()).isFalse();
        after.response().then().statusCode(200).body(containsString("70 / 100"));

        assertThat(get(alice, path, null).fromMemory()).isTrue();
        Thread.sleep(PageShortcut.FRESH.toMillis() + 100);
        assertThat(get(alice, path, null).fromMemory()).isFalse();
    }

    @Test
    void anUploadDropsOnlyThePagesOfItsStudentsSubmissions() {
        long id = fixtures.graded("primes", "alice", 40, PortalFixtures.FULL_REPORT);
        String path = "/submissions/" + id;
        PortalSession alice = withToken("alice");
        PortalSession grader = withToken("grader");
        keptFor(path, alice, grader);

        // bob's upload changes nothing alice's report shows: both kept pages stay
        upload("bob", "solution.py", "def count_primes(n, workers):\n    return 0\n").then().statusCode(202);
        assertFromMemory(true, path, alice, grader);
        // a refused upload is not known to be confined: every kept page goes
        upload("bob", "notes.txt", "hello").then().statusCode(400);
        assertFromMemory(false, path, alice, grader);
        // alice's own upload: her pages and the grader's page of her submission go, at once
        assertFromMemory(true, path, alice, grader);
        long newer = upload("alice", "solution.py", "def count_primes(n, workers):\n    return 1\n").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        assertFromMemory(false, path, alice, grader);
        assertThat(get(alice, "/submissions/" + newer, null).response().statusCode()).isEqualTo(200);
    }

    private static Response upload(String user, String filename, String content) {
        return io.restassured.RestAssured.given().auth().preemptive().basic(user, user)
                .multiPart("file", filename, content.getBytes(), "text/x-python")
                .post("/api/exercises/primes/submissions");
    }

    @Test
    void aPageDrawnWithAFreshFormTokenIsNotKept() {
        long id = fixtures.graded("primes", "alice", 40, PortalFixtures.FULL_REPORT);
        PortalSession alice = PortalSession.as("alice");
        assertThat(alice.cookies).doesNotContainKey(CsrfToken.COOKIE);
        Response first = alice.request().get("/submissions/" + id); // not keeping its token cookie
        first.then().statusCode(200);
        assertThat(first.getCookie(CsrfToken.COOKIE)).isNotBlank();
        assertThat(get(alice, "/submissions/" + id, null).fromMemory()).isFalse();
    }

    @Test
    void logoutAndAPasswordChangeForgetTheAccountsPages() {
        long id = fixtures.graded("primes", "alice", 40, PortalFixtures.FULL_REPORT);
        String path = "/submissions/" + id;
        PortalSession alice = withToken("alice");
        PortalSession other = withToken("alice");
        keptFor(path, alice, other);

        // the logout's cookies as they were before it, replayed: not answered from memory
        Map<String, String> before = Map.copyOf(alice.cookies);
        alice.request().get("/logout").then().statusCode(303);
        PortalSession replay = new PortalSession();
        replay.cookies.putAll(before);
        assertThat(get(replay, path, null).fromMemory()).isFalse();
        assertThat(get(other, path, null).fromMemory()).isFalse(); // the account's other sessions too

    }

    @Test
    void theBoundIsBytesTheEldestGoFirstAndNoPageOutlivesASecond() {
        long[] now = {0};
        PageShortcut pages = new PageShortcut("paragrade-session", () -> now[0]);
        String tenth = "x".repeat((int) (PageShortcut.MAX_BYTES / 10));
        for (int i = 0; i < 12; i++) {
            assertThat(pages.keep(key(i), pages.generation(), "alice", "alice", tenth, "\"t\"", PageShortcut.FRESH)).isTrue();
        }
        assertThat(pages.size()).isEqualTo(10);
        assertThat(pages.bytes()).isLessThanOrEqualTo(PageShortcut.MAX_BYTES);
        assertThat(pages.fresh(key(0))).isNull();
        assertThat(pages.fresh(key(1))).isNull();
        assertThat(pages.fresh(key(11))).isNotNull();
        assertThat(pages.keep(key(99), pages.generation(), "alice", "alice", "y".repeat((int) (PageShortcut.MAX_BYTES / 4)),
                "\"t\"", PageShortcut.FRESH)).as("one page may not push out most of the others").isFalse();

        long readAt = pages.generation();
        pages.changed();
        assertThat(pages.size()).isZero();
        assertThat(pages.bytes()).isZero();
        assertThat(pages.keep(key(1), readAt, "alice", "alice", "read before the write", "\"t\"", PageShortcut.FRESH)).isFalse();

        pages.keep(key(2), pages.generation(), "alice", "alice", "page", "\"t\"", PageShortcut.FRESH);
        pages.keep(key(3), pages.generation(), "bob", "bob", "page", "\"t\"", PageShortcut.FRESH);
        now[0] += PageShortcut.FRESH.toNanos() - 1;
        assertThat(pages.fresh(key(2))).isNotNull();
        pages.forget("alice");
        assertThat(pages.fresh(key(2))).isNull();
        assertThat(pages.fresh(key(3))).isNotNull();
        now[0] += 1;
        assertThat(pages.fresh(key(3))).isNull();
        assertThat(pages.size()).isZero();

        // a write concerning alice only: the pages shown to her or of her submissions, and those of no known student
        pages.keep(key(4), pages.generation(), "grader", "alice", "page", "\"t\"", PageShortcut.FRESH);
        pages.keep(key(5), pages.generation(), "alice", "bob", "page", "\"t\"", PageShortcut.FRESH);
        pages.keep(key(6), pages.generation(), "grader", "carol", "page", "\"t\"", PageShortcut.FRESH);
        pages.keep(key(7), pages.generation(), "bob", "bob", "page", "\"t\"", PageShortcut.FRESH);
        pages.keep(key(8), pages.generation(), "grader", null, "page", "\"t\"", PageShortcut.FRESH);
        long before = pages.generation();
        pages.changedFor("alice");
        assertThat(pages.fresh(key(4))).isNull();
        assertThat(pages.fresh(key(5))).isNull();
        assertThat(pages.fresh(key(8))).isNull();
        assertThat(pages.fresh(key(6))).isNotNull();
        assertThat(pages.fresh(key(7))).isNotNull();
        assertThat(pages.keep(key(9), before, "carol", "carol", "read before alice's write", "\"t\"",
                PageShortcut.FRESH)).as("no page read before it is kept").isFalse();

        assertThat(PageShortcut.matches("\"a\", W/\"b\"", "\"b\"")).isTrue();
        assertThat(PageShortcut.matches("*", "\"b\"")).isTrue();
        assertThat(PageShortcut.matches("\"a\"", "\"b\"")).isFalse();
    }

    private static PageShortcut.Key key(int i) {
        return new PageShortcut.Key("/submissions/" + i, "session-" + i, "token-" + i);
    }
}
