package org.paragrade.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Realistic synthetic benchmarks, three rounds each with a little jitter, on a 2-core machine. */
class BehaviourClassifierTest {

    /** Builds three rounds of a benchmark; every run is given by its median wall and CPU time. */
    private static final class Bench {
        private final List<Sample> samples = new ArrayList<>();

        Bench run(RunVariant variant, int workers, double wallMs, double cpuMs, int threads, int processes) {
            for (int r = 0; r < 3; r++) {
                double jitter = 1 + (r - 1) * 0.02; // 0.98, 1.00, 1.02
                samples.add(new Sample(variant, workers, r, wallMs * jitter, cpuMs * jitter, threads, processes, 20));
            }
            return this;
        }

        Bench sequential(double wallMs, double cpuMs) {
            return run(RunVariant.SEQUENTIAL, 1, wallMs, cpuMs, 1, 1);
        }

        Bench student(int workers, double wallMs, double cpuMs, int threads, int processes) {
            return run(RunVariant.STUDENT, workers, wallMs, cpuMs, threads, processes);
        }

        SpeedupCurve curve(ExpectedModel expectedModel) {
            return SpeedupCurve.from(samples, 2, expectedModel);
        }
    }

    private static Bench primesWithThreads() {
        return new Bench().sequential(2000, 2000)
                .student(1, 2020, 2010, 2, 1)
                .student(2, 2000, 2030, 3, 1)
                .student(4, 1980, 2040, 5, 1);
    }

    @Test
    void threadsOnACpuTaskAreGilBoundAndDoNotMatchProcesses() {
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.PROCESSES, primesWithThreads().curve(ExpectedModel.PROCESSES));

        assertThat(verdict.behaviour()).isEqualTo(Behaviour.THREADS_GIL_BOUND);
        assertThat(verdict.matchesExpected()).isFalse();
        assertThat(verdict.explanation())
                .contains("With 4 workers", "1.0 CPU core", "1.02× faster", "GIL")
                .contains("Use processes (multiprocessing.Pool or ProcessPoolExecutor)");
        assertThat(verdict.credit()).isEqualTo(BehaviourVerdict.PARTIAL_CREDIT);
    }

    @Test
    void onAFreeThreadedBuildThreadsStuckOnOneCoreAreNotBlamedOnTheGilAndDoNotMatch() {
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.THREADS,
                primesWithThreads().curve(ExpectedModel.THREADS), 2, false);
        assertThat(verdict.behaviour()).isEqualTo(Behaviour.SERIALISED_BY_LOCKS);
        assertThat(verdict.matchesExpected()).isFalse();
        assertThat(verdict.explanation()).contains("this interpreter has no GIL", "1.0 CPU core").doesNotContain("holding the GIL");
    }

    @Test
    void onAFreeThreadedBuildThreadsThatFillTheCoresRunInParallel() {
        SpeedupCurve curve = new Bench().sequential(2400, 2400).student(1, 2450, 2440, 2, 1)
                .student(2, 1330, 2530, 3, 1).curve(ExpectedModel.THREADS);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.THREADS, curve, 2, false);
        assertThat(verdict.behaviour()).isEqualTo(Behaviour.PARALLEL_THREADS);
        assertThat(verdict.matchesExpected()).isTrue();
        assertThat(verdict.explanation()).contains("1.9 of 2 cores busy", "1.80× faster");
    }

    @Test
    void gilBoundThreadsMatchWhenTheExerciseAsksForThreadsOnACpuTask() {
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.THREADS, primesWithThreads().curve(ExpectedModel.THREADS));
        assertThat(verdict.behaviour()).isEqualTo(Behaviour.THREADS_GIL_BOUND);
        assertThat(verdict.matchesExpected()).isTrue();
        assertThat(verdict.explanation()).doesNotContain("Use processes");
    }

    @Test
    void processesThatKeepBothCoresBusyAreParallelAndMatch() {
        SpeedupCurve curve = new Bench().sequential(2000, 2000)
                .student(1, 2080, 2070, 2, 2)
                .student(2, 1050, 2100, 4, 3)
                .curve(ExpectedModel.PROCESSES);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.PROCESSES, curve);

        assertThat(verdict.behaviour()).isEqualTo(Behaviour.PARALLEL_PROCESSES);
        assertThat(verdict.matchesExpected()).isTrue();
        assertThat(verdict.explanation()).contains("2.0 of 2 cores busy", "1.90× faster than the sequential reference");
        assertThat(verdict.credit()).isEqualTo(1.0);
    }

    @Test
    void aHybridThatAlreadyOverlapsItsWaitsWithOneProcessIsNotOverheadDominated() {
        // fetch-and-crunch: threads fetch inside each worker process, so 1 worker already beats sequential
        // code and a second process adds only the crunching's gain (1.17×), while beating sequential 1.67×.
        SpeedupCurve curve = new Bench().sequential(1000, 600)
                .student(1, 700, 650, 12, 2)
                .student(2, 600, 720, 12, 3)
                .curve(ExpectedModel.ANY);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.MIXED, ExpectedModel.ANY, curve);
        assertThat(verdict.behaviour()).isNotEqualTo(Behaviour.OVERHEAD_DOMINATED);
        assertThat(verdict.matchesExpected()).as(verdict.explanation()).isTrue();
    }

    @Test
    void processesSlowerThanSequentialAreStillOverheadDominated() {
        SpeedupCurve curve = new Bench().sequential(1000, 1000)
                .student(1, 1300, 1250, 2, 2)
                .student(2, 1150, 1500, 3, 3)
                .curve(ExpectedModel.PROCESSES);
        assertThat(BehaviourClassifier.classify(Kind.CPU, ExpectedModel.PROCESSES, curve).behaviour()).isEqualTo(Behaviour.OVERHEAD_DOMINATED);
    }

    @Test
    void threadsOverlappingDownloadsAreConcurrentIo() {
        SpeedupCurve curve = downloadsWithThreads().curve(ExpectedModel.THREADS);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.IO, ExpectedModel.THREADS, curve);

        assertThat(verdict.behaviour()).isEqualTo(Behaviour.CONCURRENT_IO_THREADS);
        assertThat(verdict.matchesExpected()).isTrue();
        assertThat(verdict.explanation()).contains("8 threads overlapped their waits", "7.83× faster", "0.1 CPU core",
                "this is what threads are for");
    }

    @Test
    void threadsOnDownloadsDoNotMatchAnAsyncioExerciseAndSaySo() {
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.IO, ExpectedModel.ASYNCIO, downloadsWithThreads().curve(ExpectedModel.ASYNCIO));
        assertThat(verdict.behaviour()).isEqualTo(Behaviour.CONCURRENT_IO_THREADS);
        assertThat(verdict.matchesExpected()).isFalse();
        assertThat(verdict.explanation()).contains("asyncio.gather");
    }

    private static Bench downloadsWithThreads() {
        return new Bench().sequential(1600, 60)
                .student(1, 1620, 62, 2, 1)
                .student(2, 820, 64, 3, 1)
                .student(8, 207, 12, 9, 1);
    }

    @Test
    void threadsFarFasterThanTheCoresTheyUsedOverlappedWaitsWhateverTheKindSays() {
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.THREADS, downloadsWithThreads().curve(ExpectedModel.THREADS));
        assertThat(verdict.behaviour()).isEqualTo(Behaviour.CONCURRENT_IO_THREADS);
        assertThat(verdict.explanation()).doesNotContain("GIL");
    }

    @Test
    void gilBoundThreadsWhoseOneWorkerRunWasSlowedByANeighbourAreStillGilBound() {
        // primes' threads reference in CI on a loaded machine: its 1-worker runs were slowed, so 2 threads
        // looked 1.35x faster while keeping one core busy: noise, not waits overlapped
        SpeedupCurve curve = new Bench().sequential(1000, 980)
                .student(1, 1400, 1000, 1, 1)
                .student(2, 1040, 1000, 3, 1)
                .curve(ExpectedModel.PROCESSES);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.PROCESSES, curve);
        assertThat(verdict.behaviour()).isEqualTo(Behaviour.THREADS_GIL_BOUND);
        assertThat(verdict.matchesExpected()).isFalse();
        assertThat(verdict.explanation()).contains("GIL");
    }

    @Test
    void oneThreadOneProcessTwentyTimesFasterIsAsyncio() {
        SpeedupCurve curve = new Bench().sequential(2000, 50)
                .student(1, 2000, 50, 1, 1)
                .student(8, 100, 40, 1, 1)
                .curve(ExpectedModel.ASYNCIO);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.IO, ExpectedModel.ASYNCIO, curve);

        assertThat(verdict.behaviour()).isEqualTo(Behaviour.CONCURRENT_IO_ASYNCIO);
        assertThat(verdict.matchesExpected()).isTrue();
        assertThat(verdict.explanation()).contains("one thread", "20.00× faster", "this is what asyncio is for");
    }

    @Test
    void aSequentialCpuSolutionMadeToLookFasterByNoiseIsStillSequential() {
        // primes starter on a noisy machine: its 1-worker runs happened to be slow, so 4 workers look 1.3× faster
        SpeedupCurve curve = new Bench().sequential(1000, 990)
                .student(1, 1300, 1000, 1, 1)
                .student(2, 1050, 990, 1, 1)
                .student(4, 1000, 990, 1, 1)
                .curve(ExpectedModel.PROCESSES);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.PROCESSES, curve);
        assertThat(verdict.behaviour()).isEqualTo(Behaviour.SEQUENTIAL);
        assertThat(verdict.credit()).isZero();
    }

    @Test
    void processesSlowerThanSequentialOnTinyTasksAreOverheadDominated() {
        SpeedupCurve curve = new Bench().sequential(200, 200)
                .student(1, 350, 420, 3, 2)
                .student(2, 400, 640, 4, 3)
                .curve(ExpectedModel.PROCESSES);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.PROCESSES, curve);

        assertThat(verdict.behaviour()).isEqualTo(Behaviour.OVERHEAD_DOMINATED);
        assertThat(verdict.matchesExpected()).isFalse();
        assertThat(verdict.explanation()).contains("pickling", "0.50× the sequential speed", "chunksize");
    }

    @Test
    void fourProcessesOnTwoCoresAreOversubscribedWhichIsFineForAProcessesExercise() {
        SpeedupCurve curve = new Bench().sequential(2000, 2000)
                .student(1, 2080, 2070, 2, 2)
                .student(2, 1080, 2120, 4, 3)
                .student(4, 1090, 2180, 6, 5)
                .curve(ExpectedModel.PROCESSES);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.PROCESSES, curve);

        assertThat(verdict.behaviour()).isEqualTo(Behaviour.OVERSUBSCRIBED);
        assertThat(verdict.matchesExpected()).isTrue();
        assertThat(verdict.credit()).isEqualTo(1.0);
        assertThat(verdict.explanation()).contains("4 workers on 2 cores", "1.83× faster", "expected and fine");
    }

    @Test
    void processesThatStillScaleWithinTheCoresAreNotCalledOversubscribed() {
        SpeedupCurve curve = new Bench().sequential(2000, 2000)
                .student(1, 2080, 2070, 2, 2)
                .student(2, 1080, 2120, 4, 3)
                .curve(ExpectedModel.PROCESSES);
        assertThat(BehaviourClassifier.classify(Kind.CPU, ExpectedModel.PROCESSES, curve).behaviour()).isEqualTo(Behaviour.PARALLEL_PROCESSES);
    }

    @Test
    void ignoringTheWorkersArgumentIsSequential() {
        SpeedupCurve curve = new Bench().sequential(2000, 2000)
                .student(1, 2010, 2000, 1, 1)
                .student(2, 2000, 1995, 1, 1)
                .curve(ExpectedModel.PROCESSES);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.PROCESSES, curve);

        assertThat(verdict.behaviour()).isEqualTo(Behaviour.SEQUENTIAL);
        assertThat(verdict.matchesExpected()).isFalse();
        assertThat(verdict.credit()).isZero();
        assertThat(verdict.explanation()).contains("one thread of one process", "Use processes");
    }

    @Test
    void lockedThreadsOnTheBankAreSerialisedWhichIsWhatASyncExerciseExpects() {
        SpeedupCurve curve = new Bench().sequential(800, 790)
                .student(1, 820, 810, 2, 1)
                .student(8, 900, 890, 9, 1)
                .curve(ExpectedModel.THREADS);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.SYNC, ExpectedModel.THREADS, curve);

        assertThat(verdict.behaviour()).isEqualTo(Behaviour.SERIALISED_BY_LOCKS);
        assertThat(verdict.matchesExpected()).isTrue();
        assertThat(verdict.explanation()).contains("took turns on your locks");
    }

    @Test
    void threadsHoldingALockAroundEachDownloadAreSerialisedAndDoNotMatch() {
        SpeedupCurve curve = new Bench().sequential(1600, 60)
                .student(1, 1620, 62, 2, 1)
                .student(8, 1580, 70, 9, 1)
                .curve(ExpectedModel.THREADS);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.IO, ExpectedModel.THREADS, curve);

        assertThat(verdict.behaviour()).isEqualTo(Behaviour.SERIALISED_BY_LOCKS);
        assertThat(verdict.matchesExpected()).isFalse();
        assertThat(verdict.explanation()).contains("one at a time", "not around the wait");
    }

    @Test
    void threadsRunningInParallelOnAFreeThreadedPythonAreParallelThreads() {
        SpeedupCurve curve = new Bench().sequential(2000, 2000)
                .student(1, 2020, 2010, 2, 1)
                .student(2, 1080, 2100, 3, 1)
                .curve(ExpectedModel.ANY);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.ANY, curve);
        assertThat(verdict.behaviour()).isEqualTo(Behaviour.PARALLEL_THREADS);
        assertThat(verdict.matchesExpected()).isTrue();
    }

    @Test
    void noiseAroundOneTimesDoesNotTurnGilBoundThreadsIntoParallelOnes() {
        // an unlucky 1-worker run makes threads look 1.15x faster, with 1.1 cores busy
        SpeedupCurve curve = new Bench().sequential(2000, 2000)
                .student(1, 2300, 2280, 2, 1)
                .student(2, 2000, 2200, 3, 1)
                .curve(ExpectedModel.PROCESSES);
        assertThat(BehaviourClassifier.classify(Kind.CPU, ExpectedModel.PROCESSES, curve).behaviour()).isEqualTo(Behaviour.THREADS_GIL_BOUND);
    }

    @Test
    void countsAreTakenAboveTheSequentialReferenceSoAHarnessThatCountsItselfChangesNothing() {
        // this harness counts the supervisor too: a plain run shows 2 processes and 2 threads
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            samples.add(new Sample(RunVariant.SEQUENTIAL, 1, r, 2000, 2000, 2, 2, 15));
            samples.add(new Sample(RunVariant.STUDENT, 1, r, 2020, 2010, 3, 2, 15));
            samples.add(new Sample(RunVariant.STUDENT, 2, r, 2000, 2030, 4, 2, 15));
        }
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.PROCESSES, SpeedupCurve.from(samples, 2, ExpectedModel.PROCESSES));
        assertThat(verdict.behaviour()).isEqualTo(Behaviour.THREADS_GIL_BOUND);
    }

    @Test
    void withoutItsOneWorkerRunACheaperAlgorithmOnOneCoreIsStillGilBoundThreads() {
        // only the grade's cells were measured: 1.43× over sequential, from 0.7× the CPU time on one core
        SpeedupCurve curve = new Bench().sequential(1000, 990)
                .student(2, 700, 693, 3, 1)
                .curve(ExpectedModel.PROCESSES);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.PROCESSES, curve, 2);
        assertThat(verdict.behaviour()).isEqualTo(Behaviour.THREADS_GIL_BOUND);
        assertThat(verdict.explanation()).contains("1.0 CPU core", "1.43× faster than the sequential reference", "GIL");
    }

    @Test
    void withoutAnyMeasurementOfTheStudentTheBehaviourIsUnknown() {
        SpeedupCurve curve = new Bench().sequential(2000, 2000).run(RunVariant.PROCESSES, 2, 1050, 2100, 3, 3).curve(ExpectedModel.PROCESSES);
        BehaviourVerdict verdict = BehaviourClassifier.classify(Kind.CPU, ExpectedModel.PROCESSES, curve);
        assertThat(verdict.behaviour()).isEqualTo(Behaviour.UNKNOWN);
        assertThat(verdict.matchesExpected()).isFalse();
        assertThat(verdict.credit()).isZero();
    }

    @Test
    void everyExplanationIsShortAndCarriesNumbers() {
        for (Bench bench : List.of(primesWithThreads(), downloadsWithThreads())) {
            for (Kind kind : Kind.values()) {
                for (ExpectedModel model : ExpectedModel.values()) {
                    String text = BehaviourClassifier.classify(kind, model, bench.curve(model)).explanation();
                    assertThat(text).as("%s/%s", kind, model).containsPattern("\\d").hasSizeLessThan(400);
                    assertThat(text.split("(?<=[.!?]) ").length).as("sentences: %s", text).isLessThanOrEqualTo(3);
                }
            }
        }
    }
}
