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

/** Every bundle shipped under exercises/ validates through the real sandbox. */
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
        return bundles.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            ValidationReport report = validator.validate(Bundle.fromDirectory(dir));
            assertThat(report.problems()).as(dir + " validation problems").isEmpty();
            assertThat(report.valid()).isTrue();
            assertThat(report.references()).extracting(ValidationReport.ReferenceCheck::reference)
                    .contains("sequential", "threads", "processes", "starter");
            report.references().forEach(r -> assertThat(r.passed()).as(r.reference()).isEqualTo(r.total()));
        }));
    }
}
