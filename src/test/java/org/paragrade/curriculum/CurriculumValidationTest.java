package org.paragrade.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.paragrade.grading.BundleValidator;
import org.paragrade.grading.ValidationReport;
import org.paragrade.measure.ExpectedModel;
import org.paragrade.measure.Kind;

/**
 * Every bundle shipped under exercises/ validates through the real sandbox ({@code -Dvalidate.bundles=a,b}
 * validates only those: the whole curriculum takes minutes).
 */
@QuarkusTest
class CurriculumValidationTest {
    @Inject
    BundleValidator validator;

    @TestFactory
    Stream<DynamicTest> everyShippedBundleValidates() throws Exception {
        List<Path> bundles;
        try (Stream<Path> list = Files.list(Path.of("exercises"))) {
            bundles = list.filter(p -> Files.isRegularFile(p.resolve("exercise.yaml"))).sorted().toList();
        }
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(4);
        String only = System.getProperty("validate.bundles", "");
        if (!only.isBlank()) {
            List<String> wanted = List.of(only.split(","));
            bundles = bundles.stream().filter(p -> wanted.contains(p.getFileName().toString())).toList();
        }
        return bundles.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            ValidationReport report = validator.validate(Bundle.fromDirectory(dir));
            assertThat(report.problems()).as(dir + " validation problems").isEmpty();
            assertThat(report.valid()).isTrue();
            assertThat(report.references()).extracting(ValidationReport.ReferenceCheck::reference)
                    .contains("sequential", "threads", "processes", "starter");
            report.references().forEach(r -> assertThat(r.passed()).as(r.reference()).isEqualTo(r.total()));
            // the starter was benchmarked too, and gained nothing (else the validator would have said so above)
            ExerciseManifest m = Bundle.fromDirectory(dir).manifest();
            if (m.kind() != Kind.SYNC && m.expectedModel() != ExpectedModel.ANY) {
                assertThat(report.references()).filteredOn(r -> r.reference().equals("starter")).singleElement()
                        .satisfies(starter -> assertThat(starter.speedups()).as("starter speed-ups").isNotEmpty());
            }
        }));
    }
}
