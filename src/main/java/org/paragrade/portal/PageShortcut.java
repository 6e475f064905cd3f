package org.paragrade.portal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The report page answered again, for a few seconds ({@link #FRESH}; {@link #FRESH_ACTIVE} while queued or
 * running; never past the moment its view changes by itself, as a deadline releasing hidden cases), to the
 * very session that was just shown it: a reload
 * storm's requests (fifty students pressing F5 on the evening of a deadline, a running page polled every
 * second) are served from memory on the event loop, without the worker thread, the transaction, the
 * revision query and the staff-scope query each full request costs.
 *
 * <p>What makes it safe: a page is kept only after a full request of {@code GET /submissions/{id}} (no query)
 * was authenticated, allowed and answered 200 by {@link ReportResource}, under the exact values of the two
 * cookies that request carried (the encrypted session cookie and the form token's cookie), and it is given
 * back only to a request carrying both exact values for the exact path, so what it gets is byte for byte
 * what that session was shown at most that long ago. A page drawn with a fresh form token (the session
 * had no token cookie yet) is never kept. What the bound means: any change — a grading step, a regrade, an
 * override, a review, a role or course-staff change, a removed account — made on this
 * instance by a request (any method but GET, HEAD and OPTIONS; but a login, which changes nothing shown) drops
 * every kept page once it is answered, so it shows at once; made elsewhere (another instance, the grading
 * worker's own steps) it reaches a session that keeps reloading at most that long late — a running page's
 * progress a second, as it already was ({@code report.ViewCache.WAITING}), a settled page's change that long
 * and the second a full request's read may be kept ({@link RecentReads#FRESH}). A logout forgets the
 * account's pages at once, and the exact session's.
 *
 * <p>Bounded by the bytes kept ({@link #MAX_BYTES}, least recently kept out first); an expired page is
 * dropped when it is next asked for.
 */
@ApplicationScoped
public class PageShortcut {
    /** How old a page given back may be: a queued or running submission's (its progress moves)... */
    static final Duration FRESH_ACTIVE = Duration.ofSeconds(1);
    /** ...and a settled one's, which only a regrade, an override, a review or a deadline changes. */
    static final Duration FRESH = Duration.ofSeconds(5);
    /** About 500 report pages of 30 KB: a class reloading at once, each kept for a second. */
    static final long MAX_BYTES = 16L * 1024 * 1024;
    /** Before Quarkus's security filters (installed at minus their priority, a few hundred). */
    static final int ORDER = -1000;
    static final String PATHS = "/submissions/[0-9]{1,18}";
    private static final String HTML_UTF8 = "text/html;charset=UTF-8";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /**
     * The form login's post: it changes nothing a page shows (it checks a password and sets a cookie), and a
     * deadline's logins would otherwise drop every kept page and read, fifty times over.
     */
    static final String LOGIN = "/j_security_check";
    /** The routing context's note of a request that may be kept: its key, and the generation it was read at. */
    private static final String READ = PageShortcut.class.getName() + ".read";
    /** The routing context's note of a write whose change concerns one student only: their user name. */
    private static final String CONFINED = PageShortcut.class.getName() + ".confined";

    record Key(String path, String session, String token) {
    }

    /**
     * @param username who was shown it
     * @param student  whose submission it shows (null: not known, as if anyone's)
     */
    record Page(String username, String student, Buffer body, String etag, long until) {
        boolean concerns(String who) {
            return username.equals(who) || student == null || student.equals(who);
        }
    }

    private record Read(Key key, long generation) {
    }

    private final String sessionCookie;
    private final LongSupplier clock;
    private final AtomicLong served = new AtomicLong();
    /** Moved by every write this instance answers: a page read before it is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private long bytes; // guarded by pages
    private final Map<Key, Page> pages = new LinkedHashMap<>(256, 0.75f, true);

    @Inject
    public PageShortcut(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this(sessionCookie, System::nanoTime);
    }

    /** @param clock nanoseconds, monotonic (tests move it by hand) */
    PageShortcut(String sessionCookie, LongSupplier clock) {
        this.sessionCookie = sessionCookie;
        this.clock = clock;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(routing -> {
            if (!SAFE.contains(routing.request().method().name()) && !LOGIN.equals(routing.request().path())) {
                routing.addBodyEndHandler(done -> { // once the write's answer is out: committed
                    String only = routing.get(CONFINED);
                    if (only == null) {
                        changed();
                    } else {
                        changedFor(only);
                    }
                });
            }
            routing.next();
        });
        router.getWithRegex(PATHS).order(ORDER + 1).handler(this::serve);
    }

    /**
     * Something this instance was asked to write (an upload, a regrade, an override, a review, a course's
     * settings, a password...; not a login) has been answered: every kept page goes, and none read before it is
     * kept, so a change made here shows at once on every page of this instance (made elsewhere: within
     * {@link #FRESH}).
     */
    public void changed() {
        generation.incrementAndGet();
        drop(e -> true);
    }

    /**
     * The write {@code routing} answers, once it succeeded, changed what pages of {@code student}'s submissions
     * show and nothing else a kept page shows: a student's upload (it adds their attempt, supersedes their
     * waiting one, moves their review queue's newest; another student's graded report is the same, and the
     * queue positions it moves are on queued pages, kept a second at most). Only the pages shown to that
     * student or of their submissions then go ({@link #changedFor}); a write not so marked drops every page.
     */
    public void confine(RoutingContext routing, String student) {
        routing.put(CONFINED, student);
    }

    /**
     * A write concerning {@code student} only has been answered: the pages shown to them or of their
     * submissions go, and none read before it is kept (the reads {@link RecentReads} keeps end too).
     */
    void changedFor(String student) {
        generation.incrementAndGet();
        drop(e -> e.getValue().concerns(student));
    }

    /** Whether the page {@code routing} is answering may be kept ({@link #keep}): its request could be given it back. */
    public boolean keeps(RoutingContext routing) {
        return routing.get(READ) != null;
    }

    /**
     * Keeps {@code html}, just answered 200 with {@code etag} to the request of {@code routing} by
     * {@code username}'s session, when that request may be answered again from memory.
     */
    public void keep(RoutingContext routing, String username, String student, String html, String etag,
                     boolean active, Instant changes) {
        Read read = routing.get(READ);
        if (read != null && username != null && !username.isEmpty()) {
            Duration fresh = active ? FRESH_ACTIVE : FRESH;
            if (changes != null) {
                Duration left = Duration.between(Instant.now(), changes);
                fresh = left.compareTo(fresh) < 0 ? left : fresh;
            }
            if (!fresh.isNegative() && !fresh.isZero()) {
                keep(read.key(), read.generation(), username, student, html, etag, fresh);
            }
        }
    }

    /** False when not kept: too big, or a write was answered since {@code readAt}. */
    boolean keep(Key key, long readAt, String username, String student, String html, String etag, Duration fresh) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        if (body.length > MAX_BYTES / 8) {
            return false; // never let one page push out most of the others
        }
        Page page = new Page(username, student, Buffer.buffer(body), etag, clock.getAsLong() + fresh.toNanos());
        synchronized (pages) {
            if (readAt != generation.get()) {
                return false; // a write was answered while this page was read: it may show the state before it
            }
            Page before = pages.put(key, page);
            bytes += body.length - (before == null ? 0 : before.body().length());
            var eldest = pages.values().iterator();
            while (bytes > MAX_BYTES && eldest.hasNext()) {
                bytes -= eldest.next().body().length();
                eldest.remove();
            }
        }
        return true;
    }

    long generation() {
        return generation.get();
    }

    /** Forgets every page kept for {@code username}'s sessions. */
    public void forget(String username) {
        drop(e -> e.getValue().username().equals(username));
    }

    /** Forgets the pages kept for the session whose cookie {@code routing}'s request carries (a logout). */
    public void forgetSession(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(sessionCookie);
        if (cookie != null) {
            String session = cookie.getValue();
            drop(e -> e.getKey().session().equals(session));
        }
    }

    private void drop(Predicate<Map.Entry<Key, Page>> which) {
        synchronized (pages) {
            var it = pages.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (which.test(e)) {
                    bytes -= e.getValue().body().length();
                    it.remove();
                }
            }
        }
    }

    /** Pages given back from memory since start. */
    public long served() {
        return served.get();
    }

    void serve(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        Key key = key(request);
        Page page = key == null ? null : fresh(key);
        if (page == null) {
            if (key != null) {
                routing.put(READ, new Read(key, generation.get()));
            }
            routing.next();
            return;
        }
        served.incrementAndGet();
        var response = routing.response()
                .putHeader(HttpHeaders.CACHE_CONTROL, ReportResource.PRIVATE)
                .putHeader(HttpHeaders.ETAG, page.etag());
        String match = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (match != null && matches(match, page.etag())) {
            response.setStatusCode(304).end();
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, HTML_UTF8).end(page.body());
        }
    }

    /** The key of a request of {@link #PATHS} (the route's), or null when no kept page may answer it. */
    private Key key(HttpServerRequest request) {
        if (request.query() != null || request.headers().contains(HttpHeaders.AUTHORIZATION)) {
            return null;
        }
        if (!once(request, sessionCookie) || !once(request, CsrfToken.COOKIE)) {
            return null; // two of a name: which one the login reads need not be the one the key would
        }
        Cookie session = request.getCookie(sessionCookie);
        Cookie token = request.getCookie(CsrfToken.COOKIE);
        if (session == null || token == null || session.getValue().isEmpty() || token.getValue().isEmpty()) {
            return null;
        }
        return new Key(request.path(), session.getValue(), token.getValue());
    }

    /**
     * At most one cookie named {@code name} in all the request's Cookie headers (Vert.x's own cookie map keeps
     * the first of a name only, so it cannot tell).
     */
    static boolean once(HttpServerRequest request, String name) {
        int seen = 0;
        for (String header : request.headers().getAll(HttpHeaders.COOKIE)) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if ((eq < 0 ? pair : pair.substring(0, eq)).trim().equals(name) && ++seen > 1) {
                    return false;
                }
            }
        }
        return true;
    }

    Page fresh(Key key) {
        long now = clock.getAsLong();
        synchronized (pages) {
            Page page = pages.get(key);
            if (page == null) {
                return null;
            }
            if (now - page.until() >= 0) {
                pages.remove(key);
                bytes -= page.body().length();
                return null;
            }
            return page;
        }
    }

    /** If-None-Match: {@code *} or a list of tags, weak ones compared weakly (RFC 9110 13.1.2). */
    static boolean matches(String header, String etag) {
        String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String t : header.split(",")) {
            String tag = t.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(bare)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        synchronized (pages) {
            return pages.size();
        }
    }

    long bytes() {
        synchronized (pages) {
            return bytes;
        }
    }
}
