package org.paragrade.grading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.paragrade.measure.Sample;

/** Everything a grading decided, ready to be stored in one transaction. */
record GradingOutcome(String verdict, double score, double maxScore, ObjectNode report, List<Sample> samples) {
}
