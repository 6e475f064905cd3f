package org.paragrade.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringPointTest {

    @Test
    void byDefaultTheLargestCountNotAboveTheCores() {
        assertThat(ScoringPoint.defaultWorkers(List.of(1, 2, 4), 2)).isEqualTo(2);
        assertThat(ScoringPoint.defaultWorkers(List.of(4, 1, 2), 8)).isEqualTo(4);
        assertThat(ScoringPoint.defaultWorkers(List.of(1, 2, 4), 3)).isEqualTo(2);
        assertThat(ScoringPoint.defaultWorkers(List.of(4, 8), 2)).as("every count above the cores").isEqualTo(4);
    }

    @Test
    void onIoTheLargestCountBecauseWaitsOverlapPastTheCores() {
        assertThat(ScoringPoint.defaultWorkers(Kind.IO, List.of(1, 2, 8), 2)).isEqualTo(8);
        assertThat(ScoringPoint.defaultWorkers(Kind.CPU, List.of(1, 2, 8), 2)).isEqualTo(2);
    }

    @Test
    void aDeclaredCountWinsAndMustBeBenchmarked() {
        assertThat(ScoringPoint.of(4, List.of(1, 2, 4), 2)).isEqualTo(4);
        assertThat(ScoringPoint.of(null, Kind.CPU, List.of(1, 2, 4), 2)).isEqualTo(2);
        assertThatThrownBy(() -> ScoringPoint.of(3, List.of(1, 2, 4), 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
