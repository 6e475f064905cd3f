package org.paragrade.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.paragrade.grading.BundleValidator;
import org.paragrade.grading.ValidationReport;
import org.paragrade.measure.ExpectedModel;
import org.paragrade.measure.Kind;

/**
 * Every bundle shipped under exercises/ validates through the real sandbox: every reference and the starter on
 * every case, against sequential. The benchmark stage — does the expected model gain, does the starter not — runs
 * here for the bundles {@code -Dvalidate.benchmark=a,b} names ({@code all} for every one; by default many-waits,
 * whose event loop overlaps its waits ~8× however busy the machine's cores are). The CPU-bound bundles' speed-ups
 * are a measurement of this machine, not a rule: {@code bench/curriculum} validates every bundle whole and prints
 * each reference's speed-up with its noise.
 */
@QuarkusTest
class CurriculumValidationTest {
    @Inject
    BundleValidator validator;

    static List<Path> shipped() throws Exception {
        try (Stream<Path> list = Files.list(Path.of("exercises"))) {
            return list.filter(p -> Files.isRegularFile(p.resolve("exercise.yaml"))).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyShippedBundlePassesItsCases() throws Exception {
        List<Path> bundles = shipped();
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(11);
        return bundles.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            ValidationReport report = validator.validateCases(Bundle.fromDirectory(dir));
            assertThat(report.problems()).as(dir + " validation problems").isEmpty();
            assertThat(report.valid()).isTrue();
            assertThat(report.references()).extracting(ValidationReport.ReferenceCheck::reference)
                    .contains("sequential", "threads", "processes", "starter");
            report.references().stream().filter(r -> !r.reference().equals("starter"))
                    .forEach(r -> assertThat(r.passed()).as(r.reference()).isEqualTo(r.total()).isPositive());
            // the cases ran, the benchmark did not
            report.references().forEach(r -> assertThat(r.speedups()).as(r.reference()).isEmpty());
        }));
    }

    @TestFactory
    Stream<DynamicTest> namedBundlesGainWhatTheyExpect() throws Exception {
        Set<String> wanted = Set.of(System.getProperty("validate.benchmark", "many-waits").split(","));
        List<Path> bundles = shipped().stream()
                .filter(p -> wanted.contains("all") || wanted.contains(p.getFileName().toString())).toList();
        assertThat(bundles).as("bundles named by -Dvalidate.benchmark").isNotEmpty();
        return bundles.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            ValidationReport report = validator.validate(Bundle.fromDirectory(dir));
            assertThat(report.problems()).as(dir + " validation problems").isEmpty();
            assertThat(report.valid()).isTrue();
            // the starter was benchmarked too, and gained nothing (else the validator would have said so above)
            ExerciseManifest m = Bundle.fromDirectory(dir).manifest();
            if (m.kind() != Kind.SYNC && m.expectedModel() != ExpectedModel.ANY) {
                assertThat(report.references()).filteredOn(r -> r.reference().equals("starter")).singleElement()
                        .satisfies(starter -> assertThat(starter.speedups()).as("starter speed-ups").isNotEmpty());
                assertThat(report.references()).filteredOn(r -> r.reference().equals(m.expectedModel().word()))
                        .singleElement()
                        .satisfies(ref -> assertThat(ref.speedups()).as("expected model's speed-ups").isNotEmpty());
            }
        }));
    }
}
