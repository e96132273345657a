package io.qlir.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The dependency rules of {@code docs/design-rules.md} section 1 as reusable ArchUnit rules.
 *
 * <p>Test code cannot be shared between modules without a test-jar, so another module copies this class (or the
 * rules it needs) into its own test sources and checks them with {@code @AnalyzeClasses(packages = "io.qlir",
 * importOptions = ImportOption.DoNotIncludeTests.class)}, as {@link ArchitectureTest} does. Each rule is a plain
 * value: {@code QlirArchitectureRules.mayNotDependOn("io.qlir.data..", "io.qlir.binance..").check(classes)}.
 */
final class QlirArchitectureRules {

    /** The qlir modules that know about data sources, the network, or the command line. */
    static final String[] ABOVE_CORE = {
        "io.qlir.ops..", "io.qlir.data..", "io.qlir.binance..", "io.qlir.emulator..", "io.qlir.testkit..",
        "io.qlir.charts..", "io.qlir.cli..", "io.qlir.bench.."
    };

    /** Libraries that a library module below qlir-data-binance must not use. */
    static final String[] NETWORK_AND_SERIALISATION = {"okhttp3..", "okio..", "com.fasterxml.jackson.."};

    private QlirArchitectureRules() {
    }

    /**
     * Classes in {@code packageOfModule} (an ArchUnit package pattern such as {@code io.qlir.core..}) depend on no
     * class in any of {@code forbidden}.
     */
    static ArchRule mayNotDependOn(String packageOfModule, String... forbidden) {
        return noClasses().that().resideInAPackage(packageOfModule)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .as("classes in " + packageOfModule + " depend on none of " + String.join(", ", forbidden));
    }

    /** Library code logs through SLF4J: no {@code System.out}, {@code System.err} or {@code printStackTrace()}. */
    static ArchRule noStandardStreams() {
        return GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .because("library modules log through slf4j-api only (docs/design-rules.md 1)");
    }

    /** Library code logs through SLF4J, never through java.util.logging. */
    static ArchRule noJavaUtilLogging() {
        return GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
    }

    /** Logback (a logging backend) lives in qlir-cli alone; libraries see only slf4j-api. */
    static ArchRule noLogback() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..")
                .because("logback lives in qlir-cli alone (docs/design-rules.md 1)");
    }

    /** No dependency cycle between the packages under {@code root} (each package is its own slice). */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }
}
