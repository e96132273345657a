package io.qlir.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of {@code docs/design-rules.md} section 1 over every library module at once. qlir-cli's test
 * class path is the one place that sees them all (qlir-core's own ArchitectureTest checks the rules that concern
 * core alone).
 *
 * <p>Modules map to packages: semantics {@code io.qlir.semantics}, core {@code io.qlir.core}, ops {@code io.qlir.ops},
 * data-common {@code io.qlir.data}, data-binance {@code io.qlir.binance}, charts {@code io.qlir.charts}, testkit
 * {@code io.qlir.testkit}, emulator {@code io.qlir.emulator}, metrics {@code io.qlir.metrics}, s3 {@code io.qlir.s3},
 * cli {@code io.qlir.cli}.
 */
class ArchitectureTest {

    private static final String[] LIBRARIES = {
        "io.qlir.semantics..", "io.qlir.core..", "io.qlir.ops..", "io.qlir.data..", "io.qlir.binance..",
        "io.qlir.charts..", "io.qlir.testkit..", "io.qlir.emulator..", "io.qlir.metrics..", "io.qlir.s3.."
    };

    /** Every library module below qlir-metrics: none may see Micrometer or the metrics module. */
    private static final String[] BELOW_METRICS = {
        "io.qlir.semantics..", "io.qlir.core..", "io.qlir.ops..", "io.qlir.data..", "io.qlir.binance..",
        "io.qlir.charts..", "io.qlir.testkit..", "io.qlir.emulator..", "io.qlir.s3.."
    };

    private static JavaClasses classes;

    /**
     * Main code only: not test classes, in {@code target/test-classes} or in a module's test jar
     * ({@code *-tests.jar}, which the CLI's tests use for qlir-s3's and qlir-metrics' fixtures).
     */
    static ClassFileImporter mainCode() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"));
    }

    @BeforeAll
    static void importQlir() {
        classes = mainCode().importPackages("io.qlir");
    }

    @Test
    void everyModuleIsOnTheClassPath() {
        for (String pkg : new String[] {"io.qlir.semantics", "io.qlir.core", "io.qlir.ops", "io.qlir.data",
                "io.qlir.binance", "io.qlir.charts", "io.qlir.testkit", "io.qlir.emulator", "io.qlir.metrics",
                "io.qlir.s3", "io.qlir.cli"}) {
            org.assertj.core.api.Assertions.assertThat(classes.containPackage(pkg)).as(pkg).isTrue();
        }
    }

    @Test
    void dependenciesPointDownTheModuleMap() {
        rule("io.qlir.semantics..", "io.qlir.core..", "io.qlir.emulator..", "io.qlir.ops..", "io.qlir.data..",
                "io.qlir.binance..", "io.qlir.charts..", "io.qlir.testkit..", "io.qlir.cli..", "tech.tablesaw..");
        rule("io.qlir.core..", "io.qlir.ops..", "io.qlir.emulator..", "io.qlir.data..", "io.qlir.binance..",
                "io.qlir.charts..", "io.qlir.testkit..", "io.qlir.cli..", "okhttp3..", "com.fasterxml.jackson..");
        rule("io.qlir.ops..", "io.qlir.data..", "io.qlir.emulator..", "io.qlir.binance..", "io.qlir.charts..",
                "io.qlir.testkit..", "io.qlir.cli..", "okhttp3..");
        rule("io.qlir.data..", "io.qlir.ops..", "io.qlir.emulator..", "io.qlir.binance..", "io.qlir.charts..",
                "io.qlir.testkit..", "io.qlir.cli..", "okhttp3..");
        rule("io.qlir.binance..", "io.qlir.ops..", "io.qlir.charts..", "io.qlir.testkit..", "io.qlir.emulator..",
                "io.qlir.cli..");
        rule("io.qlir.charts..", "io.qlir.data..", "io.qlir.emulator..", "io.qlir.binance..", "io.qlir.testkit..",
                "io.qlir.cli..");
        rule("io.qlir.testkit..", "io.qlir.ops..", "io.qlir.charts..", "io.qlir.cli..");
        // the emulator is a model of Binance written apart from the client, and carries no test library
        rule("io.qlir.emulator..", "io.qlir.ops..", "io.qlir.data..", "io.qlir.binance..", "io.qlir.charts..",
                "io.qlir.testkit..", "io.qlir.cli..", "okhttp3..", "mockwebserver3..", "org.junit..");
        rule("io.qlir.metrics..", "io.qlir.ops..", "io.qlir.charts..", "io.qlir.testkit..", "io.qlir.emulator..",
                "io.qlir.s3..", "io.qlir.cli..");
        // qlir-s3 mirrors the store: it reads data-common's layout and retry policy, nothing above
        rule("io.qlir.s3..", "io.qlir.ops..", "io.qlir.emulator..", "io.qlir.binance..", "io.qlir.charts..",
                "io.qlir.testkit..", "io.qlir.metrics..", "io.qlir.cli..", "okhttp3..");
        noClasses().that().resideInAPackage("io.qlir.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.qlir.testkit..")
                .because("the testkit is for tests only (docs/design-rules.md 1)").check(classes);
    }

    @Test
    void onlyTheMetricsModuleSeesMicrometer() {
        noClasses().that().resideInAnyPackage(BELOW_METRICS)
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..",
                        "io.qlir.metrics..")
                .because("the data modules report through listeners; Micrometer lives in qlir-metrics alone")
                .check(classes);
        noClasses().that().resideInAPackage("io.qlir.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..")
                .because("the CLI wires qlir-metrics; the meters themselves are that module's").check(classes);
    }

    @Test
    void onlyQlirS3SeesTheAwsSdk() {
        noClasses().that().resideInAnyPackage("io.qlir.semantics..", "io.qlir.core..", "io.qlir.ops..",
                "io.qlir.data..", "io.qlir.binance..", "io.qlir.charts..", "io.qlir.testkit..", "io.qlir.emulator..",
                "io.qlir.talib..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..")
                .because("the AWS SDK (32 jars) stays in qlir-s3; the library modules below the CLI must not need"
                        + " it").check(classes);
        noClasses().that().resideInAPackage("io.qlir.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..")
                .because("the CLI reaches S3 through qlir-s3's API, which shows no SDK type").check(classes);
    }

    @Test
    void noCyclesBetweenModulesOrPackages() {
        slices().matching("io.qlir.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("io.qlir.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void librariesLogThroughSlf4jOnly() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.because("library modules log through slf4j-api")
                .check(classes.that(com.tngtech.archunit.base.DescribedPredicate.describe("library classes",
                        c -> !c.getPackageName().startsWith("io.qlir.cli"))));
        noClasses().that().resideInAnyPackage(LIBRARIES)
                .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..")
                .because("logback lives in qlir-cli alone (docs/design-rules.md 1)").check(classes);
        noClasses().that().resideInAnyPackage(LIBRARIES)
                .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING).check(classes);
    }

    @Test
    void taLibLivesInQlirTalibAloneAndNothingBelowKnowsIt() {
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.qlir.talib")).isTrue();
        rule("io.qlir.talib..", "io.qlir.data..", "io.qlir.binance..", "io.qlir.charts..", "io.qlir.testkit..",
                "io.qlir.emulator..", "io.qlir.cli..");
        rule("io.qlir.ops..", "io.qlir.talib..", "com.tictactec..");
        rule("io.qlir.core..", "io.qlir.talib..", "com.tictactec..");
        noClasses().that().resideInAPackage("io.qlir..").and().resideOutsideOfPackage("io.qlir.talib..")
                .should().dependOnClassesThat().resideInAnyPackage("com.tictactec..")
                .because("TA-Lib is qlir-talib's dependency alone (issue 19)").check(classes);
    }

    @Test
    void sparkLivesInQlirSparkAloneAndNothingBelowKnowsIt() {
        // qlir-spark is on no other module's class path (issue 18); by name, nothing here may reach it or Spark.
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.qlir.spark")).isFalse();
        noClasses().that().resideInAPackage("io.qlir..")
                .should().dependOnClassesThat().resideInAnyPackage("io.qlir.spark..", "org.apache.spark..", "scala..")
                .because("Spark is qlir-spark's dependency alone, and nothing depends on qlir-spark (issue 18)")
                .check(classes);
    }

    private static void rule(String module, String... forbidden) {
        ArchRule r = noClasses().that().resideInAPackage(module)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("docs/design-rules.md 1: " + module + " may not use " + String.join(", ", forbidden));
        r.check(classes);
    }
}
