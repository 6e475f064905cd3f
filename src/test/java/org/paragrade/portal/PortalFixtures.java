package org.paragrade.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.paragrade.curriculum.Bundle;
import org.paragrade.curriculum.CurriculumService;
import org.paragrade.curriculum.ExerciseSettings;
import org.paragrade.submission.Grade;
import org.paragrade.submission.Submission;
import org.paragrade.submission.SolutionUpload;

/**
 * Test data for page tests, where no grading engine runs (paragrade.workers=0): submissions are
 * uploaded through the real service, then given the report the engine would have written.
 */
@ApplicationScoped
public class PortalFixtures {
    public static final String SOLUTION = "def count_primes(limit, workers):\n    return 0\n";

    /** A report with every part the engine writes (see the portal's brief). */
    public static final String FULL_REPORT = """
            {"correctness": {"passed": 5, "total": 6, "cases": [
                {"name": "zero", "verdict": "ACCEPTED", "timeMs": 12.3, "message": "", "stress": false},
                {"name": "medium limit", "verdict": "WRONG_ANSWER", "timeMs": 80.5, "message": "expected 6057, got 6056", "stress": false},
                {"name": "stress run", "verdict": "ACCEPTED", "timeMs": 50.0, "stress": true}]},
             "performance": {"cores": 2, "stable": true, "rounds": 3, "studentSpeedup": 1.82, "referenceSpeedup": 1.91,
               "expectedModel": "processes", "behaviour": "PARALLEL_PROCESSES", "behaviourLabel": "parallel processes",
               "matchesExpected": true, "explanation": "2 workers kept 1.95 CPU cores busy: the work ran in parallel processes.",
               "accounting": "cgroup v1",
               "runs": [
                 {"variant": "sequential", "workers": 1, "wallMs": {"median": 800.0, "min": 790.0, "max": 820.0}, "cpuMs": 795.0, "cpuUtilisation": 0.99, "speedup": 1.0, "maxThreads": 1, "maxProcesses": 1, "peakMemoryMb": 12.0, "samples": 3},
                 {"variant": "student", "workers": 1, "wallMs": {"median": 805.0, "min": 800.0, "max": 830.0}, "cpuMs": 800.0, "cpuUtilisation": 0.99, "speedup": 0.99, "selfSpeedup": 1.0, "efficiency": 0.99, "maxThreads": 1, "maxProcesses": 2, "peakMemoryMb": 20.5, "samples": 3},
                 {"variant": "student", "workers": 2, "wallMs": {"median": 440.0, "min": 430.1, "max": 451.2}, "cpuMs": 860.0, "cpuUtilisation": 1.95, "speedup": 1.82, "selfSpeedup": 1.83, "efficiency": 0.91, "karpFlatt": 0.05, "maxThreads": 3, "maxProcesses": 3, "peakMemoryMb": 40.5, "samples": 3},
                 {"variant": "threads", "workers": 1, "wallMs": {"median": 810.0, "min": 800.0, "max": 820.0}, "cpuMs": 805.0, "cpuUtilisation": 0.99, "speedup": 0.99, "maxThreads": 2, "maxProcesses": 1, "peakMemoryMb": 12.0, "samples": 3},
                 {"variant": "threads", "workers": 2, "wallMs": {"median": 830.0, "min": 820.0, "max": 845.0}, "cpuMs": 830.0, "cpuUtilisation": 1.0, "speedup": 0.96, "maxThreads": 3, "maxProcesses": 1, "peakMemoryMb": 12.5, "samples": 3},
                 {"variant": "processes", "workers": 1, "wallMs": {"median": 815.0, "min": 805.0, "max": 825.0}, "cpuMs": 810.0, "cpuUtilisation": 0.99, "speedup": 0.98, "maxThreads": 1, "maxProcesses": 2, "peakMemoryMb": 25.0, "samples": 3},
                 {"variant": "processes", "workers": 2, "wallMs": {"median": 419.0, "min": 410.0, "max": 430.0}, "cpuMs": 830.0, "cpuUtilisation": 1.97, "speedup": 1.91, "maxThreads": 1, "maxProcesses": 3, "peakMemoryMb": 38.0, "samples": 3}]},
             "scoreBreakdown": {"correctness": 41.7, "performance": 30, "behaviour": 15, "total": 86.7, "max": 100, "notes": ["one case failed"], "needsReview": false},
             "feedback": ["One correctness case failed: medium limit."],
             "output": {"stdout": "hello from the solution <b>not bold</b>", "stderr": "a warning", "truncated": false},
             "stacks": "Thread 0x01 (most recent call first):\\n  File \\"solution.py\\", line 3 in count_primes",
             "message": "5 of 6 cases passed; 1.82x faster at 2 workers."}
            """;

    private final SolutionUpload uploads;
    private final CurriculumService curriculum;
    private final ExerciseSettings settings;

    public PortalFixtures(SolutionUpload uploads, CurriculumService curriculum, ExerciseSettings settings) {
        this.uploads = uploads;
        this.curriculum = curriculum;
        this.settings = settings;
    }

    public long upload(String slug, String student) {
        return uploads.upload(slug, student, "solution.py", SOLUTION.getBytes(StandardCharsets.UTF_8)).id;
    }

    /** What the engine records when it finishes: status, verdict, score, report and the automatic grade. */
    @Transactional
    public long graded(String slug, String student, double score, String report) {
        long id = upload(slug, student);
        Submission s = Submission.findById(id);
        s.status = Submission.GRADED;
        s.verdict = score >= 100 ? org.paragrade.submission.Verdict.ACCEPTED : org.paragrade.submission.Verdict.WRONG_ANSWER;
        s.score = score;
        s.maxScore = 100.0;
        s.report = report.replace("1.82", String.format(java.util.Locale.ROOT, "%.2f", score / 50));
        s.gradedAt = Instant.now();
        s.progressPhase = "done";
        Grade g = new Grade();
        g.submissionId = id;
        g.kind = Grade.AUTO;
        g.verdict = s.verdict;
        g.score = score;
        g.maxScore = 100;
        g.persist();
        // the job is done as far as these tests go
        Submission.getEntityManager().createNativeQuery("update grading_job set state = 'DONE' where submission_id = :id")
                .setParameter("id", id).executeUpdate();
        return id;
    }

    @Transactional
    public void running(long id, String phase, int done, int total) {
        Submission s = Submission.findById(id);
        s.status = Submission.RUNNING;
        s.progressPhase = phase;
        s.progressDone = done;
        s.progressTotal = total;
    }

    /**
     * A copy of a bundle under another slug (and optionally another statement): {@code tiny} is the
     * small test exercise that validates and grades in seconds, anything else a shipped exercise.
     */
    public static Bundle bundleAs(String from, String slug, String statement) {
        try {
            Path dir = "tiny".equals(from) ? Path.of("src/test/resources/portal/tiny") : Path.of("exercises", from);
            Bundle b = Bundle.fromDirectory(dir);
            String yaml = b.text("exercise.yaml").replaceFirst("(?m)^slug: .*$", "slug: " + slug);
            if (!"tiny".equals(from)) {
                yaml = yaml.replaceFirst("(?m)^title: .*$", "title: Copy of " + from + " (" + slug + ")");
            }
            Map<String, byte[]> changed = new java.util.HashMap<>();
            changed.put("exercise.yaml", yaml.getBytes(StandardCharsets.UTF_8));
            if (statement != null) {
                changed.put("statement.md", statement.getBytes(StandardCharsets.UTF_8));
            }
            return b.with(changed);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores a copy of a shipped exercise, published, for tests that change settings. */
    public String exercise(String slug, String statement) {
        curriculum.store(bundleAs("tiny", slug, statement), "import", "test", null, null);
        return slug;
    }

    public void settings(String slug, Instant deadline, Integer maxAttempts) {
        Map<String, Object> change = new HashMap<>();
        change.put("deadline", deadline == null ? null : deadline.toString());
        change.put("maxAttempts", maxAttempts);
        settings.change(slug, change, "instructor");
    }
}
