package org.paragrade.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeedupCurveTest {

    /** primes on 2 cores: sequential 2000 ms; student processes 2100 / 1100 ms; references too. */
    private static List<Sample> primesBenchmark() {
        List<Sample> s = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            double jitter = (r - 1) * 10; // -10, 0, +10 ms
            s.add(new Sample(RunVariant.SEQUENTIAL, 1, r, 2000 + jitter, 2000 + jitter, 1, 1, 15));
            s.add(new Sample(RunVariant.STUDENT, 1, r, 2100 + jitter, 2080, 2, 2, 30));
            s.add(new Sample(RunVariant.STUDENT, 2, r, 1100 + jitter, 2150, 3 + r, 3, 45 + r));
            s.add(new Sample(RunVariant.THREADS, 1, r, 2020 + jitter, 2010, 2, 1, 16));
            s.add(new Sample(RunVariant.THREADS, 2, r, 2050 + jitter, 2040, 3, 1, 16));
            s.add(new Sample(RunVariant.PROCESSES, 1, r, 2090 + jitter, 2080, 2, 2, 30));
            s.add(new Sample(RunVariant.PROCESSES, 2, r, 1050 + jitter, 2100, 3, 3, 45));
        }
        return s;
    }

    private final SpeedupCurve curve = SpeedupCurve.from(primesBenchmark(), 2, ExpectedModel.PROCESSES);

    @Test
    void requestsInFlightAreTheCheckersPeakOverTheCellsRunsAndAbsentWithoutAService() {
        List<Sample> s = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            s.add(new Sample(RunVariant.SEQUENTIAL, 1, r, 800, 10, 1, 1, 15, 1));
            s.add(new Sample(RunVariant.STUDENT, 8, r, 130, 40, 9, 1, 20, 6 + r));
        }
        SpeedupCurve downloads = SpeedupCurve.from(s, 2, ExpectedModel.THREADS);
        assertThat(downloads.run(RunVariant.STUDENT, 8).orElseThrow().concurrentRequests()).isEqualTo(8);
        assertThat(curve.run(RunVariant.STUDENT, 2).orElseThrow().concurrentRequests()).isNull();
    }

    @Test
    void wallTimeIsSummarisedByMedianMinAndMax() {
        RunFigures student2 = curve.run(RunVariant.STUDENT, 2).orElseThrow();
        assertThat(student2.wallMs().median()).isEqualTo(1100.0);
        assertThat(student2.wallMs().min()).isEqualTo(1090.0);
        assertThat(student2.wallMs().max()).isEqualTo(1110.0);
        assertThat(student2.samples()).isEqualTo(3);
    }

    @Test
    void speedupIsAgainstTheSequentialMedianAndSelfSpeedupAgainstTheOneWorkerRun() {
        RunFigures student2 = curve.run(RunVariant.STUDENT, 2).orElseThrow();
        assertThat(student2.speedup()).isCloseTo(2000.0 / 1100.0, within(1e-9));       // 1.818
        assertThat(student2.selfSpeedup()).isCloseTo(2100.0 / 1100.0, within(1e-9));   // 1.909
        assertThat(student2.efficiency()).isCloseTo(2000.0 / 1100.0 / 2, within(1e-9)); // 0.909
        // Karp–Flatt from the self speed-up s = 1.909 at p = 2: (1/s - 1/2) / (1 - 1/2) = 0.0476
        assertThat(student2.karpFlatt()).isCloseTo((1100.0 / 2100.0 - 0.5) / 0.5, within(1e-9));
        assertThat(student2.karpFlatt()).isCloseTo(0.0476, within(1e-4));
    }

    @Test
    void atOneWorkerThereIsNoKarpFlattAndTheSelfSpeedupIsOne() {
        RunFigures student1 = curve.run(RunVariant.STUDENT, 1).orElseThrow();
        assertThat(student1.karpFlatt()).isNull();
        assertThat(student1.selfSpeedup()).isEqualTo(1.0);
        assertThat(student1.speedup()).isCloseTo(2000.0 / 2100.0, within(1e-9));
        RunFigures sequential = curve.run(RunVariant.SEQUENTIAL, 1).orElseThrow();
        assertThat(sequential.speedup()).isEqualTo(1.0);
    }

    @Test
    void karpFlattIsOneForNoSpeedupAndZeroForPerfectScaling() {
        assertThat(RunFigures.karpFlatt(1.0, 4)).isCloseTo(1.0, within(1e-12));
        assertThat(RunFigures.karpFlatt(4.0, 4)).isCloseTo(0.0, within(1e-12));
        assertThat(RunFigures.karpFlatt(2.5, 4)).isCloseTo((0.4 - 0.25) / 0.75, within(1e-12)); // 0.2
        assertThat(RunFigures.karpFlatt(null, 4)).isNull();
    }

    @Test
    void cpuUtilisationIsTheMedianRatioOfCpuToWallAndCountsArePeaks() {
        RunFigures student2 = curve.run(RunVariant.STUDENT, 2).orElseThrow();
        // ratios 2150/1090, 2150/1100, 2150/1110 -> median 2150/1100
        assertThat(student2.cpuUtilisation()).isCloseTo(2150.0 / 1100.0, within(1e-9));
        assertThat(student2.cpuMs()).isEqualTo(2150.0);
        assertThat(student2.maxThreads()).isEqualTo(5);
        assertThat(student2.maxProcesses()).isEqualTo(3);
        assertThat(student2.peakMemoryMb()).isEqualTo(47.0);
    }

    @Test
    void studentAndReferenceSpeedupAreTakenAtTheLargestWorkerCount() {
        assertThat(curve.largestWorkers()).isEqualTo(2);
        assertThat(curve.studentSpeedup()).isCloseTo(2000.0 / 1100.0, within(1e-9));
        assertThat(curve.referenceSpeedup()).isCloseTo(2000.0 / 1050.0, within(1e-9));
        assertThat(curve.referenceRun().orElseThrow().variant()).isEqualTo(RunVariant.PROCESSES);
        assertThat(curve.cores()).isEqualTo(2);
    }

    @Test
    void theReferenceSpeedupComesFromTheReferencesThatFitTheExpectedModel() {
        List<Sample> samples = primesBenchmark();
        assertThat(SpeedupCurve.from(samples, 2, ExpectedModel.THREADS).referenceSpeedup())
                .as("threads -> the threads reference, even though processes is faster")
                .isCloseTo(2000.0 / 2050.0, within(1e-9));
        assertThat(SpeedupCurve.from(samples, 2, ExpectedModel.ANY).referenceSpeedup())
                .as("any -> the best non-sequential reference")
                .isCloseTo(2000.0 / 1050.0, within(1e-9));
        assertThat(SpeedupCurve.from(samples, 2, ExpectedModel.ASYNCIO).referenceRun().orElseThrow().variant())
                .as("asyncio without an asyncio reference falls back to threads")
                .isEqualTo(RunVariant.THREADS);

        samples.add(new Sample(RunVariant.ASYNCIO, 2, 0, 400, 30, 1, 1, 15));
        samples.add(new Sample(RunVariant.ASYNCIO, 1, 0, 1900, 30, 1, 1, 15));
        SpeedupCurve withAsyncio = SpeedupCurve.from(samples, 2, ExpectedModel.ASYNCIO);
        assertThat(withAsyncio.referenceRun().orElseThrow().variant()).isEqualTo(RunVariant.ASYNCIO);
        assertThat(withAsyncio.referenceSpeedup()).as("paired with round 0's sequential run").isCloseTo(1990.0 / 400, within(1e-9));
    }

    @Test
    void theStudentComesFirstThenTheSequentialReferenceThenTheOthers() {
        assertThat(curve.runs()).extracting(r -> r.variant().word() + "@" + r.workers()).containsExactly(
                "student@1", "student@2", "sequential@1", "threads@1", "threads@2", "processes@1", "processes@2");
    }

    @Test
    void gradedVariantsAreTheStudentTheBaselineAndTheFittingReferences() {
        List<RunVariant> all = List.of(RunVariant.STUDENT, RunVariant.SEQUENTIAL, RunVariant.THREADS,
                RunVariant.PROCESSES, RunVariant.ASYNCIO, RunVariant.HYBRID);
        assertThat(SpeedupCurve.gradedVariants(all, ExpectedModel.PROCESSES))
                .containsExactlyInAnyOrder(RunVariant.STUDENT, RunVariant.SEQUENTIAL, RunVariant.PROCESSES);
        assertThat(SpeedupCurve.gradedVariants(all, ExpectedModel.ASYNCIO))
                .containsExactlyInAnyOrder(RunVariant.STUDENT, RunVariant.SEQUENTIAL, RunVariant.ASYNCIO);
        assertThat(SpeedupCurve.gradedVariants(List.of(RunVariant.STUDENT, RunVariant.SEQUENTIAL, RunVariant.THREADS),
                ExpectedModel.ASYNCIO)).as("asyncio falls back to threads")
                .containsExactlyInAnyOrder(RunVariant.STUDENT, RunVariant.SEQUENTIAL, RunVariant.THREADS);
        assertThat(SpeedupCurve.gradedVariants(all, ExpectedModel.ANY)).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void speedupsArePairedByRoundSoADriftThatSlowsEveryoneAlikeDividesOut() {
        // the machine slows down 30% per round; sequential and student slow alike within a round
        List<Sample> drifting = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            double drift = Math.pow(1.3, r);
            drifting.add(new Sample(RunVariant.SEQUENTIAL, 1, r, 1000 * drift, 1000 * drift, 1, 1, 15));
            drifting.add(new Sample(RunVariant.STUDENT, 2, r, 550 * drift, 1080 * drift, 3, 3, 40));
        }
        RunFigures student = SpeedupCurve.from(drifting, 2, ExpectedModel.PROCESSES).run(RunVariant.STUDENT, 2).orElseThrow();
        assertThat(student.speedup()).isCloseTo(1000.0 / 550, within(1e-9));
        assertThat(student.speedupInterval().low()).isCloseTo(1000.0 / 550, within(1e-9));
        assertThat(student.speedupInterval().high()).isCloseTo(1000.0 / 550, within(1e-9));
        assertThat(student.speedupInterval().confident()).isTrue();
        assertThat(student.wallMs().max() / student.wallMs().min()).as("while the wall times spread 3.7-fold").isGreaterThan(3.5);
    }

    @Test
    void withoutASequentialReferenceSpeedupsAreUnknownButSelfSpeedupsRemain() {
        List<Sample> samples = primesBenchmark();
        samples.removeIf(s -> s.variant() == RunVariant.SEQUENTIAL);
        SpeedupCurve partial = SpeedupCurve.from(samples, 2, ExpectedModel.PROCESSES);
        assertThat(partial.studentSpeedup()).isNull();
        assertThat(partial.referenceSpeedup()).isNull();
        assertThat(partial.run(RunVariant.STUDENT, 2).orElseThrow().selfSpeedup()).isCloseTo(2100.0 / 1100.0, within(1e-9));
        assertThat(partial.run(RunVariant.STUDENT, 2).orElseThrow().efficiency()).isNull();
    }
}
