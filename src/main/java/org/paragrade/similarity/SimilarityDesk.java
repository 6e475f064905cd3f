package org.paragrade.similarity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.paragrade.account.Account;
import org.paragrade.course.Course;
import org.paragrade.course.CourseAccess;
import org.paragrade.course.NotCourseStaff;
import org.paragrade.course.Offer;
import org.paragrade.course.StaffScope;
import org.paragrade.course.UnknownCourse;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.UnknownExercise;
import org.paragrade.submission.KeptSubmission;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SubmissionFile;

/**
 * Similarity for the graders' desk, the one service both faces call: which kept submissions of an exercise
 * look alike, from a kept JPlag run ({@link Jplag}), started by staff or by the first look, re-runnable when
 * the kept submissions changed. Runs go one at a time on a thread of their own (JPlag is O(n²) in the
 * submissions, bounded by {@link SimilarityConfig#maxSubmissions}); a request waits a little for a run it
 * started and otherwise answers with the run still RUNNING.
 */
@ApplicationScoped
public class SimilarityDesk {
    private static final Logger LOG = Logger.getLogger(SimilarityDesk.class);

    private final CourseAccess access;
    private final SimilarityConfig config;
    private final ObjectMapper json;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "similarity");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Future<?>> running = new ConcurrentHashMap<>();

    public SimilarityDesk(CourseAccess access, SimilarityConfig config, ObjectMapper json) {
        this.access = access;
        this.config = config;
        this.json = json;
    }

    @PreDestroy
    void close() {
        runner.shutdownNow();
    }

    /** The exercise and the course (null: every course) a request is about. */
    public record Target(Exercise exercise, Course course) {
    }

    /** A kept submission left out of a run, and why. */
    public record Skipped(long submission, String student, String reason) {
    }

    /** A pair as the desk lists it. */
    public record PairView(long id, long a, long b, String studentA, String studentB, double similarity,
                           String reviewedBy, Instant reviewedAt) {
    }

    /** A run and its pairs, most similar first; {@code stale} when the kept submissions changed since. */
    public record RunView(long id, String exercise, String course, SimilarityRun.State state, Instant startedAt,
                          Instant computedAt, boolean stale, int submissions, int leftOut, int pairsTotal,
                          List<Skipped> skipped, String message, String requestedBy, List<PairView> pairs) {
    }

    /** One line of one side's code, with the matched region it lies in (0: none). */
    public record Line(int number, String text, int region) {
    }

    /** One file of one side. */
    public record CodeFile(String path, List<Line> lines) {
    }

    /** A pair with both sides' code, the regions numbered alike on both sides. */
    public record PairDetail(RunView run, PairView pair, List<CodeFile> codeA, List<CodeFile> codeB,
                             List<Jplag.Region> regions) {
    }

    /**
     * Which exercise and course: a named course must offer the exercise and be one the caller staffs; without
     * one, site staff mean every course and a course's staff their one course that offers it.
     *
     * @throws UnknownExercise   no such exercise, or not one of the caller's courses offers it (404)
     * @throws UnknownCourse     no such course, or one the caller is neither staff of nor in (404)
     * @throws NotCourseStaff    a student, or a member but not staff of the named course (403)
     * @throws SimilarityRefused the caller staffs several courses offering it and named none (400)
     */
    public Target target(String slug, String courseCode, String username) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Exercise exercise = Exercise.findBySlug(slug == null ? "" : slug.strip())
                    .orElseThrow(() -> new UnknownExercise(slug));
            StaffScope scope = access.scopeOf(username);
            if (!scope.any()) {
                throw new NotCourseStaff("Only graders and instructors compare submissions.");
            }
            if (courseCode == null || courseCode.isBlank()) {
                if (scope.site()) {
                    return new Target(exercise, null);
                }
                List<Course> mine = Course.list("id in ?1 and id in (select o.course.id from Offer o where o.exercise = ?2) "
                        + "order by code", scope.courses(), exercise);
                if (mine.isEmpty()) {
                    throw new UnknownExercise(slug);
                }
                if (mine.size() > 1) {
                    throw new SimilarityRefused("You grade '" + exercise.slug + "' in several courses: name one (?course="
                            + mine.stream().map(c -> c.code).collect(Collectors.joining(" or ")) + ").");
                }
                return new Target(exercise, mine.get(0));
            }
            Course course = access.named(courseCode, username);
            if (Offer.of(course, exercise).isEmpty()) {
                throw new UnknownExercise(exercise.slug);
            }
            if (!scope.covers(course)) {
                throw new NotCourseStaff("Only the graders and instructors of " + course.code + " compare its submissions.");
            }
            return new Target(exercise, course);
        });
    }

    /** The courses the caller may pick for this exercise (site staff: every course offering it). */
    public List<String> courseChoices(String slug, String username) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Exercise exercise = Exercise.findBySlug(slug).orElseThrow(() -> new UnknownExercise(slug));
            StaffScope scope = access.scopeOf(username);
            List<Offer> offers = Offer.list("exercise = ?1 order by course.code", exercise);
            return offers.stream().map(o -> o.course).filter(scope::covers).map(c -> c.code).toList();
        });
    }

    /**
     * The newest run for the target; the first look starts one and waits {@link SimilarityConfig#pageWait} for it.
     */
    public RunView look(Target target, String username) {
        Optional<Long> latest = QuarkusTransaction.requiringNew()
                .call(() -> SimilarityRun.latest(target.exercise(), target.course()).map(r -> r.id));
        long id = latest.orElseGet(() -> start(target, username));
        if (latest.isEmpty()) {
            awaitBriefly(id);
        }
        return view(id);
    }

    /** Starts a run unless one is running for the target (then that one); answers at once. */
    public RunView rerun(Target target, String username) {
        return view(start(target, username));
    }

    /** @throws UnknownPair no such pair, not of this exercise, or its run's course is not the caller's */
    public PairDetail pair(String slug, long pairId, String username) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SimilarityPair p = visiblePair(slug, pairId, username);
            RunView run = view(p.run.id);
            PairView pv = run.pairs().stream().filter(x -> x.id() == pairId).findFirst().orElseThrow();
            List<Jplag.Region> regions = regionsOf(p);
            List<CodeFile> a = code(p.submissionA, regions, true);
            List<CodeFile> b = code(p.submissionB, regions, false);
            return new PairDetail(run, pv, a, b, regions);
        });
    }

    /** Marks the pair's two submissions reviewed by the caller (once: a second mark keeps the first). */
    public PairView markReviewed(String slug, long pairId, String username) {
        QuarkusTransaction.requiringNew().run(() -> {
            SimilarityPair p = visiblePair(slug, pairId, username);
            if (SimilarityReview.of(p.submissionA, p.submissionB).isEmpty()) {
                SimilarityReview r = new SimilarityReview();
                r.submissionA = Math.min(p.submissionA, p.submissionB);
                r.submissionB = Math.max(p.submissionA, p.submissionB);
                r.reviewedBy = Account.findByUsername(username).orElseThrow();
                r.persist();
            }
        });
        return pair(slug, pairId, username).pair();
    }

    private SimilarityPair visiblePair(String slug, long pairId, String username) {
        SimilarityPair p = SimilarityPair.<SimilarityPair>findByIdOptional(pairId).orElseThrow(() -> new UnknownPair(pairId));
        StaffScope scope = access.scopeOf(username);
        if (!p.run.exercise.slug.equals(slug) || !scope.covers(p.run.course)) {
            throw new UnknownPair(pairId);
        }
        return p;
    }

    // --- runs

    /** What a run compares, read in the request's transaction; JPlag then runs without one. */
    private record Input(long runId, List<Jplag.Source> sources, Map<String, Long> submissionOf,
                         Map<String, String> studentOf, Map<String, String> baseCode) {
    }

    private long start(Target target, String username) {
        Input input;
        try {
            input = QuarkusTransaction.requiringNew().call(() -> prepare(target, username));
        } catch (RuntimeException e) {
            // another request started one at the same moment (the one-running index): that one is the run
            Optional<Long> other = QuarkusTransaction.requiringNew().call(() -> runningRun(target));
            if (other.isPresent()) {
                return other.get();
            }
            throw e;
        }
        if (input.sources() != null) {
            running.put(input.runId(), runner.submit(() -> execute(input)));
        }
        return input.runId();
    }

    private Optional<Long> runningRun(Target target) {
        Exercise e = Exercise.findById(target.exercise().id);
        Course c = target.course() == null ? null : Course.findById(target.course().id);
        return SimilarityRun.latest(e, c).filter(r -> r.state == SimilarityRun.State.RUNNING).map(r -> r.id);
    }

    private Input prepare(Target target, String username) {
        Exercise exercise = Exercise.findById(target.exercise().id);
        Course course = target.course() == null ? null : Course.findById(target.course().id);
        Optional<SimilarityRun> latest = SimilarityRun.latest(exercise, course);
        if (latest.isPresent() && latest.get().state == SimilarityRun.State.RUNNING) {
            SimilarityRun r = latest.get();
            if (r.createdAt.isAfter(Instant.now().minus(config.abandonedAfter()))) {
                return new Input(r.id, null, null, null, null);
            }
            r.state = SimilarityRun.State.FAILED;
            r.message = "Interrupted: the server running it stopped.";
            r.finishedAt = Instant.now();
            SimilarityRun.flush();
        }
        List<Submission> kept = new ArrayList<>(KeptSubmission.perStudent(exercise, course));
        kept.sort(Comparator.comparing((Submission s) -> s.createdAt).reversed());
        int leftOut = Math.max(0, kept.size() - config.maxSubmissions());
        List<Submission> compared = kept.subList(0, kept.size() - leftOut);

        SimilarityRun run = new SimilarityRun();
        run.exercise = exercise;
        run.course = course;
        run.state = SimilarityRun.State.RUNNING;
        run.inputKey = inputKey(compared);
        run.submissions = compared.size();
        run.leftOut = leftOut;
        run.requestedBy = Account.findByUsername(username).orElse(null);
        run.persistAndFlush();

        List<Jplag.Source> sources = new ArrayList<>();
        Map<String, Long> submissionOf = new HashMap<>();
        Map<String, String> studentOf = new HashMap<>();
        for (Submission s : compared) {
            String key = "s" + s.id;
            Map<String, String> files = new LinkedHashMap<>();
            for (SubmissionFile f : SubmissionFile.of(s.id)) {
                files.put(f.path, new String(f.content, StandardCharsets.UTF_8));
            }
            sources.add(new Jplag.Source(key, files));
            submissionOf.put(key, s.id);
            studentOf.put(key, s.student.username);
        }
        return new Input(run.id, sources, submissionOf, studentOf, starter(exercise));
    }

    /** The exercise's starter code (its current version's {@code starter/}): JPlag's base code. */
    private static Map<String, String> starter(Exercise exercise) {
        Map<String, String> base = new LinkedHashMap<>();
        if (exercise.currentVersion != null) {
            exercise.currentVersion.bundle().files().forEach((path, bytes) -> {
                if (path.startsWith("starter/") && path.endsWith(".py")) {
                    base.put(path.substring("starter/".length()), new String(bytes, StandardCharsets.UTF_8));
                }
            });
        }
        return base;
    }

    private static String inputKey(List<Submission> compared) {
        return compared.stream().map(s -> s.id).sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private void execute(Input input) {
        Path work = null;
        try {
            work = Files.createTempDirectory("paragrade-similarity-");
            Jplag.Outcome outcome = Jplag.compare(input.sources(), input.baseCode(), work);
            store(input, outcome);
            LOG.infof("Similarity run %d: %d submissions, %d pairs, %d left out, %d ms", input.runId(),
                    input.sources().size(), outcome.pairs().size(), outcome.skipped().size(), outcome.millis());
        } catch (Throwable e) {
            LOG.errorf(e, "Similarity run %d failed", input.runId());
            QuarkusTransaction.requiringNew().run(() -> {
                SimilarityRun run = SimilarityRun.findById(input.runId());
                run.state = SimilarityRun.State.FAILED;
                run.message = "The comparison failed on our side; it has been logged. Run it again.";
                run.finishedAt = Instant.now();
            });
        } finally {
            running.remove(input.runId());
            if (work != null) {
                Jplag.deleteTree(work);
            }
        }
    }

    private void store(Input input, Jplag.Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            SimilarityRun run = SimilarityRun.findById(input.runId());
            List<Skipped> skipped = new ArrayList<>();
            outcome.skipped().forEach((key, why) -> skipped.add(new Skipped(input.submissionOf().get(key),
                    input.studentOf().get(key), why)));
            run.skipped = write(skipped);
            run.pairsTotal = outcome.pairs().size();
            for (Jplag.Pair p : outcome.pairs().stream().limit(config.maxPairs()).toList()) {
                SimilarityPair pair = new SimilarityPair();
                pair.run = run;
                pair.submissionA = input.submissionOf().get(p.a());
                pair.submissionB = input.submissionOf().get(p.b());
                pair.similarity = p.similarity();
                pair.regions = write(p.regions());
                pair.persist();
            }
            run.state = SimilarityRun.State.DONE;
            run.finishedAt = Instant.now();
            run.millis = outcome.millis();
            run.message = outcome.pairs().isEmpty() ? "Fewer than two kept submissions could be compared." : null;
        });
    }

    private void awaitBriefly(long id) {
        Future<?> f = running.get(id);
        if (f == null) {
            return;
        }
        try {
            f.get(config.pageWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // still running: the answer says so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // execute() records its own failure
        }
    }

    // --- views

    private RunView view(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SimilarityRun run = SimilarityRun.findById(id);
            List<SimilarityPair> pairs = SimilarityPair.ofRun(run);
            List<Long> ids = new ArrayList<>();
            pairs.forEach(p -> {
                ids.add(p.submissionA);
                ids.add(p.submissionB);
            });
            Map<Long, String> students = new HashMap<>();
            if (!ids.isEmpty()) {
                Submission.<Submission>list("id in ?1", ids).forEach(s -> students.put(s.id, s.student.username));
            }
            Map<String, SimilarityReview> reviews = new HashMap<>();
            SimilarityReview.among(ids).forEach(r -> reviews.put(r.submissionA + "-" + r.submissionB, r));
            List<PairView> views = pairs.stream().map(p -> {
                SimilarityReview r = reviews.get(Math.min(p.submissionA, p.submissionB) + "-"
                        + Math.max(p.submissionA, p.submissionB));
                return new PairView(p.id, p.submissionA, p.submissionB, students.get(p.submissionA),
                        students.get(p.submissionB), p.similarity, r == null ? null : r.reviewedBy.username,
                        r == null ? null : r.reviewedAt);
            }).toList();
            boolean stale = run.state != SimilarityRun.State.RUNNING && !run.inputKey.equals(currentKey(run));
            return new RunView(run.id, run.exercise.slug, run.course == null ? null : run.course.code, run.state,
                    run.createdAt, run.finishedAt, stale, run.submissions, run.leftOut, run.pairsTotal,
                    read(run.skipped, new TypeReference<List<Skipped>>() { }), run.message,
                    run.requestedBy == null ? null : run.requestedBy.username, views);
        });
    }

    /** The key a run started now would have. */
    private String currentKey(SimilarityRun run) {
        List<Submission> kept = new ArrayList<>(KeptSubmission.perStudent(run.exercise, run.course));
        kept.sort(Comparator.comparing((Submission s) -> s.createdAt).reversed());
        return inputKey(kept.subList(0, Math.min(kept.size(), config.maxSubmissions())));
    }

    private List<Jplag.Region> regionsOf(SimilarityPair p) {
        return read(p.regions, new TypeReference<List<Jplag.Region>>() { });
    }

    /** One side's Python files, each line tagged with the number (1-based) of the region it lies in. */
    private static List<CodeFile> code(long submission, List<Jplag.Region> regions, boolean sideA) {
        List<CodeFile> files = new ArrayList<>();
        for (SubmissionFile f : SubmissionFile.of(submission)) {
            if (!f.path.endsWith(".py")) {
                continue;
            }
            List<Line> lines = new ArrayList<>();
            int n = 0;
            for (String text : new String(f.content, StandardCharsets.UTF_8).split("\n", -1)) {
                n++;
                int region = 0;
                for (int i = 0; i < regions.size(); i++) {
                    Jplag.Region r = regions.get(i);
                    String file = sideA ? r.fileA() : r.fileB();
                    int from = sideA ? r.fromA() : r.fromB();
                    int to = sideA ? r.toA() : r.toB();
                    if (file.equals(f.path) && n >= from && n <= to) {
                        region = i + 1;
                        break;
                    }
                }
                lines.add(new Line(n, text.replace("\r", ""), region));
            }
            files.add(new CodeFile(f.path, lines));
        }
        return files;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
