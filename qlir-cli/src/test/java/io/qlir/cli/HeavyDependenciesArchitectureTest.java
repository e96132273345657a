package io.qlir.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Heavy dependencies stay in their own module (DESIGN.md 2): Parquet, Hadoop and DuckDB never reach qlir-semantics,
 * qlir-core, qlir-ops, qlir-data-common or qlir-data-binance (the loader finds the dataset through the
 * {@code StoredMonths} service instead), and qlir-parquet logs through slf4j only.
 */
class HeavyDependenciesArchitectureTest {

    private static final String[] HEAVY = {"org.apache.parquet..", "org.apache.hadoop..", "org.duckdb..",
        "com.github.luben.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importQlir() {
        classes = ArchitectureTest.mainCode().importPackages("io.qlir");
    }

    @Test
    void theParquetModuleIsOnTheClassPath() {
        assertThat(classes.containPackage("io.qlir.parquet")).isTrue();
    }

    @Test
    void lightModulesKnowNoParquetHadoopOrDuckDb() {
        noClasses().that().resideInAnyPackage("io.qlir.semantics..", "io.qlir.core..", "io.qlir.ops..",
                        "io.qlir.data..", "io.qlir.binance..", "io.qlir.charts..")
                .should().dependOnClassesThat().resideInAnyPackage(HEAVY)
                .because("Parquet and Hadoop live in qlir-parquet alone, DuckDB in its tests (DESIGN.md 2)")
                .check(classes);
        noClasses().that().resideInAnyPackage("io.qlir.data..", "io.qlir.binance..", "io.qlir.core..")
                .should().dependOnClassesThat().resideInAPackage("io.qlir.parquet..")
                .because("the loader reaches the dataset through the StoredMonths service only")
                .check(classes);
    }

    @Test
    void theParquetModuleLogsThroughSlf4jOnly() {
        noClasses().that().resideInAPackage("io.qlir.parquet..")
                .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..", "org.apache.log4j..")
                .check(classes);
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes.that(
                com.tngtech.archunit.base.DescribedPredicate.describe("qlir-parquet",
                        c -> c.getPackageName().startsWith("io.qlir.parquet"))));
    }
}
