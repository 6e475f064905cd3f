package org.paragrade.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCheckersSentenceInPlaceOfANumberIsShownToTheStudent() throws Exception {
        // many-waits: verify() replaced a number that is not the one served by a sentence saying so
        String diff = Comparison.firstDifference(JSON.readTree("{\"/service/0003\": 11759160}"),
                JSON.readTree("{\"/service/0003\": \"not the number served for this path (got 42)\"}"));
        assertThat(diff).isEqualTo("['/service/0003'] is a str (\"not the number served for this path (got 42)\"),"
                + " expected a number");
    }
}
