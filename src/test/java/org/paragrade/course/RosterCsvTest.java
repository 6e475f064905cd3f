package org.paragrade.course;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RosterCsvTest {

    @Test
    void aGoodRosterWithHeaderQuotesAndDefaultRole() {
        var parsed = RosterCsv.parse("\uFEFFusername,name,email,role\r\n"
                + "carol,\"Carol, the Second\",carol@example.org,\r\n"
                + "\n"
                + "dave,Dave,dave@example.org,GRADER\r\n"
                + "erin,Erin \"E\",erin@example.org\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).extracting(RosterCsv.Row::username).containsExactly("carol", "dave", "erin");
        assertThat(parsed.rows().get(0).name()).isEqualTo("Carol, the Second");
        assertThat(parsed.rows().get(0).role()).isEqualTo(CourseRole.STUDENT);
        assertThat(parsed.rows().get(1).role()).isEqualTo(CourseRole.GRADER);
        assertThat(parsed.rows().get(1).line()).isEqualTo(4);
    }

    @Test
    void everyBadLineIsReportedByNumberAndNoRowIsKept() {
        var parsed = RosterCsv.parse("username,name,email,role\n"
                + "carol,Carol,carol@example.org,student\n"
                + "Bad Name,Someone,x@example.org,student\n"
                + "dave,,not-an-email,professor\n"
                + "carol,Carol again,carol2@example.org,student\n"
                + "erin,\"Erin,erin@example.org\n"
                + "frank,Frank\n");
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).extracting(RosterCsv.LineError::line).containsExactly(3, 4, 4, 4, 5, 6, 7);
        assertThat(parsed.errors().get(0).error()).contains("username 'Bad Name'");
        assertThat(parsed.errors().get(3).error()).contains("role 'professor'");
        assertThat(parsed.errors().get(4).error()).isEqualTo("'carol' is already on line 2.");
        assertThat(parsed.errors().get(5).error()).contains("quoted field");
        assertThat(parsed.errors().get(6).error()).contains("found 2");
    }

    @Test
    void anEmptyRosterIsRefused() {
        assertThat(RosterCsv.parse("username,name,email,role\n\n").errors())
                .singleElement().satisfies(e -> assertThat(e.error()).contains("empty"));
    }
}
