package io.qlir.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.qlir.core.archfixture.PrintsToStdout;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of {@code docs/design-rules.md} section 1, checked over the main classes of qlir-semantics
 * and qlir-core: qlir-core knows no data source, network, serialisation or command line; semantics depends on
 * nothing of qlir's; library code logs through SLF4J only; no package cycles.
 */
@AnalyzeClasses(packages = "io.qlir", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule CORE_KNOWS_NO_MODULE_ABOVE_IT =
            QlirArchitectureRules.mayNotDependOn("io.qlir.core..", QlirArchitectureRules.ABOVE_CORE);

    @ArchTest
    static final ArchRule CORE_USES_NO_NETWORK_OR_JSON =
            QlirArchitectureRules.mayNotDependOn("io.qlir.core..", QlirArchitectureRules.NETWORK_AND_SERIALISATION);

    @ArchTest
    static final ArchRule SEMANTICS_DEPENDS_ON_NO_OTHER_QLIR_MODULE_NOR_TABLESAW =
            QlirArchitectureRules.mayNotDependOn("io.qlir.semantics..", "io.qlir.core..", "tech.tablesaw..");

    @ArchTest
    static final ArchRule NO_STANDARD_STREAMS = QlirArchitectureRules.noStandardStreams();

    @ArchTest
    static final ArchRule NO_JAVA_UTIL_LOGGING = QlirArchitectureRules.noJavaUtilLogging();

    @ArchTest
    static final ArchRule NO_LOGBACK = QlirArchitectureRules.noLogback();

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = QlirArchitectureRules.noCycles("io.qlir");

    /** The rules above must see the classes they are about, and must be able to fail. */
    @Test
    void theRulesAreNotVacuous() {
        JavaClasses main = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.qlir");
        assertThat(main.contain("io.qlir.semantics.RowDerivationSpec")).isTrue();
        assertThat(main.contain("io.qlir.core.Causality")).isTrue();
        assertThat(main.contain("io.qlir.core.primitives.Temporal")).isTrue();
        assertThat(main.contain(PrintsToStdout.class)).as("tests are excluded").isFalse();

        JavaClasses bad = new ClassFileImporter().importClasses(PrintsToStdout.class);
        assertThatThrownBy(() -> QlirArchitectureRules.noStandardStreams().check(bad))
                .isInstanceOf(AssertionError.class).hasMessageContaining("System.out");
        assertThatThrownBy(() -> QlirArchitectureRules.mayNotDependOn("io.qlir.core..", "java.io..").check(bad))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PrintStream");
    }
}
