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
}
