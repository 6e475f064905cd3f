package org.paragrade.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the machine's physics credits of a run, on recorded-style samples of a noisy 2-core machine. */
class PhysicsTest {

    private static Evidence judged(NoisyMachine machine, Kind kind) {
        List<Sample> samples = machine.fullRounds(8);
        return Physics.judge(kind, SpeedupCurve.from(samples, NoisyMachine.CORES, ExpectedModel.PROCESSES), 2);
    }

    @Test
    void processesKeepingTwoCoresBusyAreCreditedTheirWallSpeedup() {
        Evidence e = judged(NoisyMachine.typical(11).processesStudent(), Kind.CPU);
        assertThat(e.parallelismShown()).isTrue();
        assertThat(e.creditedSpeedup().estimate()).isCloseTo(1000.0 / 560, within(0.06));
        assertThat(e.coresUsed()).isCloseTo(1.9, within(0.15));
        assertThat(e.flags()).isEmpty();
        assertThat(e.decidedBy()).contains("1.9 cores busy", "credited speed-up");
    }

    @Test
    void gilBoundThreadsHaveNoSpeedupWhateverTheClockSays() {
        Evidence e = judged(NoisyMachine.typical(12).gilBoundThreads(), Kind.CPU);
        assertThat(e.parallelismShown()).isFalse();
        assertThat(e.creditedSpeedup().high()).isLessThanOrEqualTo(1.0);
        assertThat(e.decidedBy()).contains("1.0 core busy", "did about the same work", "no parallel speed-up");
    }

    @Test
    void aFasterAlgorithmIsReportedAsLessWorkNotAsParallelism() {
        Evidence e = judged(NoisyMachine.typical(13).fasterAlgorithmThreads(), Kind.CPU);
        assertThat(e.wallSpeedup().estimate()).as("the clock says 1.4×").isCloseTo(1.42, within(0.06));
        assertThat(e.work().estimate()).isCloseTo(1.42, within(0.06));
        assertThat(e.creditedSpeedup().high()).isLessThanOrEqualTo(1.0);
        assertThat(e.decidedBy()).contains("1.4", "less work than the reference on one core", "your threads added nothing");
        assertThat(e.flags()).isEmpty();
    }

    @Test
    void aHardCodedAnswerIsTooFastForItsCpu() {
        Evidence e = judged(NoisyMachine.typical(14).hardCodedSleeper(), Kind.CPU);
        assertThat(e.flags()).extracting(Flag::code).containsExactly(FlagCode.TOO_FAST_FOR_ITS_CPU);
        assertThat(e.ruledOut()).isTrue();
        assertThat(e.flags().get(0).message()).containsPattern("used \\d+ ms of CPU time where the sequential reference"
                + " needs \\d+ ms for the same work \\(\\d+× less\\)");
    }

    @Test
    void aSieveBesideSpinningProcessesIsShownToAGrader() {
        // a sieve answers in a few ms; two processes spin 250 ms each so the CPU time looks like half the work
        NoisyMachine machine = NoisyMachine.typical(21).student(260, 500, 3, 3);
        Evidence e = judged(machine, Kind.CPU);
        assertThat(e.flags()).extracting(Flag::code).contains(FlagCode.LESS_WORK_THAN_REFERENCE);
        assertThat(e.flags().get(0).message()).contains("less", "cheaper trial division");
    }

    @Test
    void moreProcessesThanWorkersAllowIgnoreTheWorkersArgument() {
        // 4 worker processes at every count, on top of the pool's helpers
        NoisyMachine machine = NoisyMachine.typical(15)
                .cell(RunVariant.STUDENT, 1, 560, 1080, 6, 5)
                .cell(RunVariant.STUDENT, 2, 560, 1080, 6, 5)
                .cell(RunVariant.STUDENT, 4, 560, 1080, 6, 5);
        Evidence e = judged(machine, Kind.CPU);
        assertThat(e.flags()).extracting(Flag::code).containsExactly(FlagCode.IGNORES_WORKERS);
        assertThat(e.flags().get(0).message()).contains("With 1 worker your solution ran 4 extra processes", "3 are allowed");
        assertThat(judged(NoisyMachine.typical(15).processesStudent(), Kind.CPU).flags())
                .as("a pool of `workers` processes is fine").isEmpty();
    }

    @Test
    void aSpeedupBeyondTheCoresWithTheSameWorkIsFlagged() {
        // the clock says 3.3× on 2 cores while the CPU time says the same work was done: 3.3 cores on 2
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            samples.add(new Sample(RunVariant.SEQUENTIAL, 1, r, 1000 + r, 990, 1, 1, 15));
            samples.add(new Sample(RunVariant.STUDENT, 2, r, 300 + r, 990, 4, 3, 15));
        }
        Evidence e = Physics.judge(Kind.CPU, SpeedupCurve.from(samples, 2, ExpectedModel.PROCESSES), 2);
        assertThat(e.flags()).extracting(Flag::code).containsExactly(FlagCode.FASTER_THAN_CORES);
        assertThat(e.flags().get(0).message()).contains("faster than the sequential reference",
                "3.3 cores busy on a 2-core machine", "did about the same work");
        assertThat(e.ruledOut()).isTrue();
        assertThat(judged(NoisyMachine.typical(16).processesStudent(), Kind.CPU).flags()).isEmpty();
    }

    @Test
    void onIoTheCheckersCountOfConcurrentRequestsCapsTheSpeedup() {
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            samples.add(new Sample(RunVariant.SEQUENTIAL, 1, r, 1600 + r, 60, 1, 1, 15));
            // 8 threads, but the checker saw only 4 requests in flight: 4× at most, whatever the clock says
            samples.add(new Sample(RunVariant.STUDENT, 8, r, 250 + r, 40, 9, 1, 15, 4));
        }
        Evidence e = Physics.judge(Kind.IO, SpeedupCurve.from(samples, 2, ExpectedModel.THREADS), 8);
        assertThat(e.parallelismShown()).isTrue();
        assertThat(e.wallSpeedup().estimate()).isGreaterThan(6);
        assertThat(e.creditedSpeedup().estimate()).isEqualTo(4.0);
        assertThat(e.decidedBy()).contains("the checker saw up to 4 requests in flight");
    }

    @Test
    void anEventLoopWhoseCheckerKeepsACoreBusyIsStillWaitingNotComputing() {
        // recorded on many-waits (100 waits of 8 ms, the checker's server in the same process): the asyncio
        // reference uploaded as a solution kept 1.1 cores busy at 100 workers, the sequential one 0.2
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            samples.add(new Sample(RunVariant.SEQUENTIAL, 1, r, 1071 + 5 * r, 214, 1, 1, 25));
            samples.add(new Sample(RunVariant.STUDENT, 100, r, 128 + 2 * r, 140, 1, 1, 24));
        }
        Evidence e = Physics.judge(Kind.IO, SpeedupCurve.from(samples, 2, ExpectedModel.ASYNCIO), 100);
        assertThat(e.coresUsed()).isGreaterThan(1.0);
        assertThat(e.parallelismShown()).isTrue();
        assertThat(e.creditedSpeedup().estimate()).as("the clock's 8×, not the cores' 5×")
                .isCloseTo(e.wallSpeedup().estimate(), within(1e-9)).isGreaterThan(7.5);
        assertThat(e.decidedBy()).contains("Your waits overlapped");
    }

    /** Fetch-and-crunch on 2 cores: the sequential reference waits 1.3 s and crunches 0.72 s (0.36 cores busy). */
    private static List<Sample> fetchAndCrunch(double studentWallMs, double studentCpuMs) {
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            samples.add(new Sample(RunVariant.SEQUENTIAL, 1, r, 2000 + 7 * r, 720 + r, 1, 1, 20));
            samples.add(new Sample(RunVariant.STUDENT, 4, r, studentWallMs + 5 * r, studentCpuMs + r, 5, 1, 20, 4));
        }
        return samples;
    }

    @Test
    void onMixedWorkTheThreadsReferencesOwnOverlapIsCreditedInFull() {
        Evidence e = Physics.judge(Kind.MIXED, SpeedupCurve.from(fetchAndCrunch(900, 760), 2, ExpectedModel.THREADS), 4);
        assertThat(e.parallelismShown()).isTrue();
        assertThat(e.creditedSpeedup().estimate()).isCloseTo(2000.0 / 900, within(0.05));
        assertThat(e.flags()).isEmpty();
    }

    @Test
    void onMixedWorkACheaperCrunchEarnsOnlyItsConcurrency() {
        // the same fetch threads, a crunch 5x cheaper: the clock says 4x, the overlap alone gives ~1.9x
        Evidence e = Physics.judge(Kind.MIXED, SpeedupCurve.from(fetchAndCrunch(500, 150), 2, ExpectedModel.THREADS), 4);
        assertThat(e.wallSpeedup().estimate()).isGreaterThan(3.9);
        assertThat(e.creditedSpeedup().estimate()).isCloseTo(2000.0 / (500 + 570), within(0.05))
                .isLessThan(2000.0 / 900);
        assertThat(e.flags()).extracting(Flag::code).containsExactly(FlagCode.LESS_WORK_THAN_REFERENCE);
        assertThat(e.decidedBy()).contains("less computing than the reference, which is added back");
    }

    @Test
    void anEventLoopWithMoreRequestsInFlightThanWorkersIgnoresTheWorkersArgument() {
        // asyncio, one thread: no extra threads or processes to see, but the checker saw 16 requests at 8 workers
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            samples.add(new Sample(RunVariant.SEQUENTIAL, 1, r, 1600 + r, 60, 1, 1, 15));
            samples.add(new Sample(RunVariant.STUDENT, 8, r, 110 + r, 40, 1, 1, 15, 16));
        }
        Evidence e = Physics.judge(Kind.IO, SpeedupCurve.from(samples, 2, ExpectedModel.THREADS), 8);
        assertThat(e.flags()).extracting(Flag::code).containsExactly(FlagCode.IGNORES_WORKERS);
        assertThat(e.flags().get(0).message()).contains("16 requests in flight", "at most 8 are allowed");
        assertThat(e.ruledOut()).isTrue();
    }

    @Test
    void onIoWhoseSequentialReferenceComputesTheCoresCap() {
        // an "I/O" workload the sequential reference spends computing: one busy core in one thread gains nothing
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            samples.add(new Sample(RunVariant.SEQUENTIAL, 1, r, 1000 + r, 950, 1, 1, 15));
            samples.add(new Sample(RunVariant.STUDENT, 8, r, 700 + r, 680, 1, 1, 15));
        }
        Evidence e = Physics.judge(Kind.IO, SpeedupCurve.from(samples, 2, ExpectedModel.THREADS), 8);
        assertThat(e.parallelismShown()).isFalse();
        assertThat(e.creditedSpeedup().high()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void onIoWithoutOverlapNoSpeedupIsCredited() {
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            samples.add(new Sample(RunVariant.SEQUENTIAL, 1, r, 1600 + r, 60, 1, 1, 15));
            samples.add(new Sample(RunVariant.STUDENT, 8, r, 1400 + r, 60, 9, 1, 15, 1));
        }
        Evidence e = Physics.judge(Kind.IO, SpeedupCurve.from(samples, 2, ExpectedModel.THREADS), 8);
        assertThat(e.parallelismShown()).isFalse();
        assertThat(e.creditedSpeedup().estimate()).isEqualTo(1.0);
        assertThat(e.decidedBy()).contains("No overlapped waits", "up to 1 request in flight");
    }

    @Test
    void aHardCodedAnswerAtAnotherWorkerCountIsFlaggedToo() {
        // honest at the scoring point, but the known count returned at once with 4 workers
        NoisyMachine machine = NoisyMachine.typical(17).processesStudent().cell(RunVariant.STUDENT, 4, 300, 30, 6, 5);
        Evidence e = judged(machine, Kind.CPU);
        assertThat(e.flags()).extracting(Flag::code).containsExactly(FlagCode.TOO_FAST_FOR_ITS_CPU);
        assertThat(e.flags().get(0).message()).startsWith("With 4 workers your solution used");
    }

    @Test
    void withoutAPairedBaselineNothingIsCredited() {
        List<Sample> samples = List.of(new Sample(RunVariant.STUDENT, 2, 0, 560, 1080, 4, 3, 30));
        Evidence e = Physics.judge(Kind.CPU, SpeedupCurve.from(samples, 2, ExpectedModel.PROCESSES), 2);
        assertThat(e.creditedSpeedup()).isNull();
        assertThat(e.parallelismShown()).isFalse();
    }
}
