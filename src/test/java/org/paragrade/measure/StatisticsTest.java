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
}
