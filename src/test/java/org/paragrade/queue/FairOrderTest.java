package org.paragrade.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paragrade.queue.FairOrder.Waiting;

/** The claim order replayed for the wait estimate: priority, then turns, then age. */
class FairOrderTest {
    static final long ALICE = 1, BOB = 2, CAROL = 3;

    @Test
    void studentsTakeTurnsWhateverHowManyTheyQueued() {
        List<Waiting> waiting = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            waiting.add(new Waiting(id, ALICE, GradingJob.PRIORITY_STUDENT));
        }
        waiting.add(new Waiting(6, BOB, GradingJob.PRIORITY_STUDENT));
        waiting.add(new Waiting(7, BOB, GradingJob.PRIORITY_STUDENT));
        assertThat(FairOrder.order(waiting, Map.of())).containsExactly(1L, 6L, 2L, 7L, 3L, 4L, 5L);
    }

    @Test
    void earlierTurnsInTheWindowCountAndABatchWaitsForEveryStudentUpload() {
        List<Waiting> waiting = List.of(new Waiting(1, ALICE, GradingJob.PRIORITY_BATCH),
                new Waiting(2, BOB, GradingJob.PRIORITY_STUDENT), new Waiting(3, CAROL, GradingJob.PRIORITY_STUDENT));
        // Bob was graded three times lately, Carol never: Carol first, then Bob, then the staff batch.
        assertThat(FairOrder.order(waiting, Map.of(BOB, 3L))).containsExactly(3L, 2L, 1L);
        assertThat(FairOrder.positionOf(1, waiting, Map.of(BOB, 3L))).isEqualTo(3);
        assertThat(FairOrder.positionOf(99, waiting, Map.of())).as("not waiting").isZero();
    }

    /**
     * The deadline burst of 2026-12-02 22:17 (bench/results/20261202T222833Z-deadline-burst.txt): three solo
     * gradings of about 17.5 s, then 40 uploads in batches of 4 drained in 546.5 s by one worker, about 54.6 s
     * a batch. The last of the 40 was told the truth within 10%; counting each job as one recent grading's
     * time (as before) told it about four times too long.
     */
    @Test
    void theEstimateKnowsABatchPaysTheReferencesOnce() {
        List<FairOrder.Recent> recent = new ArrayList<>(List.of(new FairOrder.Recent(1, 17.2),
                new FairOrder.Recent(1, 17.5), new FairOrder.Recent(1, 18.1)));
        for (int i = 0; i < 9; i++) {
            recent.add(new FairOrder.Recent(4, 53.0 + i * 0.4));
        }
        FairOrder.BatchCost cost = FairOrder.BatchCost.fit(recent);
        assertThat(cost.references()).as("the shared part").isBetween(3.0, 8.0);
        assertThat(cost.member()).as("each member").isBetween(11.0, 14.0);
        Long last = FairOrder.etaSeconds(40, 40, 1, recent);
        assertThat(last).isBetween(Math.round(546.5 * 0.9), Math.round(546.5 * 1.1));
        // the first batch's members are all told one batch's time; the fifth job waits for two
        assertThat(FairOrder.etaSeconds(1, 40, 1, recent)).isEqualTo(FairOrder.etaSeconds(4, 40, 1, recent))
                .isBetween(50L, 60L);
        assertThat(FairOrder.etaSeconds(5, 40, 1, recent)).isBetween(100L, 120L);
        // two workers take two batches at a time
        assertThat(FairOrder.etaSeconds(40, 40, 2, recent)).isBetween(Math.round(546.5 / 2 * 0.9),
                Math.round(546.5 / 2 * 1.1));
    }

    @Test
    void aShortQueueMakesASmallBatchAndOneSizeIsSplitByThePrior() {
        // only batches of 4 seen, 54.6 s each: a solo grading would be 54.6 / (0.7 + 0.3 * 4) = 28.7 s
        List<FairOrder.Recent> recent = List.of(new FairOrder.Recent(4, 54.6), new FairOrder.Recent(4, 54.6));
        FairOrder.BatchCost cost = FairOrder.BatchCost.fit(recent);
        assertThat(cost.of(4)).isCloseTo(54.6, org.assertj.core.data.Offset.offset(0.01));
        assertThat(cost.of(1)).isCloseTo(28.7, org.assertj.core.data.Offset.offset(0.1));
        // alone in the queue: a batch of one, not of four
        assertThat(FairOrder.etaSeconds(1, 1, 1, recent)).isEqualTo(29L);
        assertThat(FairOrder.etaSeconds(1, 1, 0, recent)).as("no worker").isNull();
        assertThat(FairOrder.etaSeconds(1, 1, 1, List.of())).as("no recent grading").isNull();
    }
}
