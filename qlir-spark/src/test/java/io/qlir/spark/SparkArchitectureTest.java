package io.qlir.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * qlir-spark sits on top: it uses the op layer and qlir-parquet's reader (never the store or the client), and no other
 * module's build depends on it (but the benchmarks, which measure it).
 */
class SparkArchitectureTest {

    @Test
    void qlirSparkUsesTheOpLayerOnlyAndLogsThroughSlf4j() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.qlir.spark");
        assertThat(classes.containPackage("io.qlir.spark")).isTrue();
        noClasses().that().resideInAPackage("io.qlir.spark..").should().dependOnClassesThat()
                .resideInAnyPackage("io.qlir.data..", "io.qlir.binance..", "io.qlir.charts..", "io.qlir.testkit..",
                        "io.qlir.emulator..", "io.qlir.cli..", "io.qlir.talib..", "ch.qos.logback..")
                .check(classes);
    }

    @Test
    void noOtherModuleDependsOnQlirSpark() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> dependents = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path pom : modules.map(m -> m.resolve("pom.xml")).filter(Files::isRegularFile).toList()) {
                String module = pom.getParent().getFileName().toString();
                // qlir-bench measures qlir-spark (SparkScaleBenchmark); it is a runnable leaf nothing depends on
                boolean allowed = module.equals("qlir-spark") || module.equals("qlir-bom") || module.equals("qlir-bench");
                if (!allowed && Files.readString(pom).contains("<artifactId>qlir-spark</artifactId>")) {
                    dependents.add(module);
                }
            }
        }
        assertThat(Files.readString(root.resolve("pom.xml"))).contains("<module>qlir-spark</module>");
        assertThat(dependents).as("modules whose pom names qlir-spark").isEmpty();
    }
}
