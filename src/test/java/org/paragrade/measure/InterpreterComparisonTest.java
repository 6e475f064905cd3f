package org.paragrade.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side words on figures like those measured on this 2-core machine: the primes threads reference at
 * 2 workers kept 1.0 core busy on CPython 3.11 and about 1.9 on the free-threaded 3.13t build.
 */
class InterpreterComparisonTest {

    /** Three rounds of one interpreter's benchmark (wall and CPU medians, 2% jitter). */
    private static SpeedupCurve curve(double seqWall, double studentWall, double studentCpu, double threadsWall,
                                      double threadsCpu) {
        List<Sample> s = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            double j = 1 + (r - 1) * 0.02;
            s.add(new Sample(RunVariant.SEQUENTIAL, 1, r, seqWall * j, seqWall * j, 1, 1, 20));
            s.add(new Sample(RunVariant.STUDENT, 2, r, studentWall * j, studentCpu * j, 3, 1, 20));
            s.add(new Sample(RunVariant.THREADS, 2, r, threadsWall * j, threadsCpu * j, 3, 1, 20));
        }
        return SpeedupCurve.from(s, 2, ExpectedModel.THREADS);
    }

    private static InterpreterComparison.Side side(String id, boolean gil, boolean ft, SpeedupCurve c) {
        return new InterpreterComparison.Side(id, gil, ft, c.run(RunVariant.STUDENT, 2), c.run(RunVariant.THREADS, 2), false);
    }

    @Test
    void parallelThreadsOnTheFreeThreadedBuildAndGilBoundOnesOnTheStandardOneAreToldFromTheFigures() {
        var ft = side("cpython-3.13t", false, true, curve(2400, 1330, 2530, 1300, 2500));
        var std = side("cpython-3.11", true, false, curve(1500, 1510, 1520, 1500, 1510));
        String words = InterpreterComparison.explain(List.of(ft, std), 2);
        assertThat(words).isEqualTo("With 2 workers, on the free-threaded build (cpython-3.13t) your threads used"
                + " 1.9 cores and ran 1.80× faster; on the standard build (cpython-3.11) they took turns holding the GIL:"
                + " 1.0 core, 0.99×. The threads reference, for comparison: 1.85× on cpython-3.13t (1.9 cores),"
                + " 1.00× on cpython-3.11 (1.0 core).");
        assertThat(InterpreterComparison.gilContradiction(Kind.CPU, std)).isEmpty();
        assertThat(InterpreterComparison.gilContradiction(Kind.CPU, ft)).isEmpty();
    }

    @Test
    void threadsStuckOnOneCoreWithoutAGilAreNotBlamedOnTheGil() {
        // a lock held around the whole count: one core busy even on the free-threaded build
        var ft = side("cpython-3.13t", false, true, curve(2400, 2450, 2460, 1300, 2500));
        var std = side("cpython-3.11", true, false, curve(1500, 1510, 1520, 1500, 1510));
        assertThat(InterpreterComparison.explain(List.of(ft, std), 2))
                .contains("on the free-threaded build (cpython-3.13t) your threads still kept only 1.0 core busy (0.98×):"
                        + " with no GIL to take turns on, something else serialised them");
    }

    @Test
    void oneInterpreterHasNothingToCompare() {
        var std = side("cpython-3.11", true, false, curve(1500, 1510, 1520, 1500, 1510));
        assertThat(InterpreterComparison.explain(List.of(std), 2)).isNull();
    }

    @Test
    void aGilBuildWhoseThreadsKeepTwoCoresBusyContradictsItsProbe() {
        var lying = side("cpython-3.11", true, false, curve(2400, 1330, 2530, 1300, 2500));
        assertThat(InterpreterComparison.gilContradiction(Kind.CPU, lying)).get().asString()
                .contains("interpreter cpython-3.11 reports the GIL on, yet the threads reference kept 1.9 cores busy");
        // on I/O, waiting threads may overlap whatever the GIL: no contradiction
        assertThat(InterpreterComparison.gilContradiction(Kind.IO, lying)).isEmpty();
    }
}
