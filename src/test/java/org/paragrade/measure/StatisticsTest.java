package org.paragrade.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleRunWhateverTheOrder() {
        assertThat(Statistics.median(List.of(1200.0, 1000.0, 1100.0))).isEqualTo(1100.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleRuns() {
        assertThat(Statistics.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void minAndMaxAreTheExtremeRuns() {
        List<Double> runs = List.of(1030.0, 980.0, 1010.0);
        assertThat(Statistics.min(runs)).isEqualTo(980.0);
        assertThat(Statistics.max(runs)).isEqualTo(1030.0);
    }

    @Test
    void noRunsIsAnError() {
        assertThatThrownBy(() -> Statistics.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withFiveRunsOrFewerTheRelativeSpreadIsTheRangeOverTheMedian() {
        Spread spread = Statistics.spread(List.of(1000.0, 1100.0, 1050.0));
        assertThat(spread.median()).isEqualTo(1050.0);
        assertThat(spread.min()).isEqualTo(1000.0);
        assertThat(spread.max()).isEqualTo(1100.0);
        assertThat(spread.relativeSpread()).isCloseTo(100.0 / 1050.0, within(1e-12));

        Spread five = Statistics.spread(List.of(100.0, 101.0, 102.0, 103.0, 130.0));
        assertThat(five.relativeSpread()).isCloseTo(30.0 / 102.0, within(1e-12));
    }

    @Test
    void fromSixRunsOneStrayRunNoLongerDecidesTheSpread() {
        // five quiet runs and one disturbed by the machine: the median is still well pinned down
        Spread spread = Statistics.spread(List.of(1000.0, 1010.0, 1020.0, 1030.0, 1040.0, 1600.0));
        assertThat(spread.max()).isEqualTo(1600.0);
        assertThat(spread.intervalLow()).isEqualTo(1010.0);
        assertThat(spread.intervalHigh()).isEqualTo(1040.0);
        assertThat(spread.relativeSpread()).isLessThan(0.05);
    }

    @Test
    void medianIntervalRankKeepsAtLeastThreeQuartersCoverage() {
        assertThat(Statistics.medianIntervalRank(1)).isEqualTo(1);
        assertThat(Statistics.medianIntervalRank(3)).isEqualTo(1);
        assertThat(Statistics.medianIntervalRank(5)).isEqualTo(1);
        assertThat(Statistics.medianIntervalRank(6)).isEqualTo(2);
        assertThat(Statistics.medianIntervalRank(8)).isEqualTo(2);
        assertThat(Statistics.medianIntervalRank(9)).isEqualTo(3);
    }

    @Test
    void identicalRunsHaveNoSpreadAndASingleRunToo() {
        assertThat(Statistics.spread(List.of(5.0, 5.0, 5.0)).relativeSpread()).isZero();
        assertThat(Statistics.spread(List.of(5.0)).relativeSpread()).isZero();
    }

    @Test
    void aSpreadGivenByMedianAndRangeUsesTheRange() {
        assertThat(new Spread(100, 90, 110).relativeSpread()).isCloseTo(0.2, within(1e-12));
        assertThatThrownBy(() -> new Spread(100, 110, 120)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNinetyFivePercentIntervalNeedsSixValuesAndSaysSoWithFewer() {
        Interval six = Statistics.medianInterval(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0));
        assertThat(six.low()).isEqualTo(1.0);
        assertThat(six.high()).isEqualTo(6.0);
        assertThat(six.coverage()).isCloseTo(1 - 2 / 64.0, within(1e-12));
        assertThat(six.confident()).isTrue();
        Interval five = Statistics.medianInterval(List.of(1.0, 2.0, 3.0, 4.0, 5.0));
        assertThat(five.coverage()).isCloseTo(1 - 2 / 32.0, within(1e-12));
        assertThat(five.confident()).isFalse();
    }

    @Test
    void withMoreValuesTheIntervalDropsTheExtremes() {
        // n = 15: [x(4), x(12)] covers the median with 96.5%
        List<Double> values = new java.util.ArrayList<>();
        for (int i = 1; i <= 15; i++) values.add((double) i);
        Interval interval = Statistics.medianInterval(values);
        assertThat(interval.estimate()).isEqualTo(8.0);
        assertThat(interval.low()).isEqualTo(4.0);
        assertThat(interval.high()).isEqualTo(12.0);
        assertThat(interval.coverage()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void pairedSpeedupIntervalsContainTheTrueRatioAtLeastAsOftenAsPromised() {
        // processes at 2 workers, truly 1000 / 560 faster, graded 400 times on the noisy machine
        int covered = 0;
        int gradings = 400;
        for (long seed = 0; seed < gradings; seed++) {
            List<Sample> samples = NoisyMachine.typical(seed).processesStudent().fullRounds(8);
            Interval speedup = SpeedupCurve.from(samples, 2, ExpectedModel.PROCESSES)
                    .run(RunVariant.STUDENT, 2).orElseThrow().speedupInterval();
            if (speedup.contains(1000.0 / 560)) covered++;
        }
        assertThat(covered / (double) gradings).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void anIntervalDescribesItselfAsTheReportShowsIt() {
        assertThat(new Interval(1.46, 1.39, 1.52, 0.97, 8).describe()).isEqualTo("1.46× (1.39–1.52)");
    }
}
