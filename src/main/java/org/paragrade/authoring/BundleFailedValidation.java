package org.paragrade.authoring;

import java.util.List;
import org.paragrade.grading.ValidationReport;

/** A readable bundle whose references did not pass validation: answered 400 with the report; nothing stored. */
public class BundleFailedValidation extends RuntimeException {
    private final ValidationReport report;

    public BundleFailedValidation(ValidationReport report) {
        super("The bundle did not pass validation: " + String.join("; ", report.problems()));
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }

    public List<String> problems() {
        return report.problems();
    }
}
