package io.qlir.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.catalogue.OpCatalogue;
import io.qlir.core.catalogue.OpDefinition;
import io.qlir.core.catalogue.OpOutput;
import io.qlir.ops.indicators.IndicatorOpProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The docs' op tables agree with the op catalogue: {@code docs/op-reference.md} is generated from it (and must be
 * current), and the indicator table of {@code docs/indicators.md} lists exactly the catalogued indicators.
 *
 * <p>To regenerate the reference after changing an op: {@code ./mvnw -B -ntp -pl qlir-ops -am verify
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=OpReferenceDocTest -Dqlir.docs.write=true}.
 */
class OpReferenceDocTest {

    private static final String WRITE = "qlir.docs.write";

    @Test
    void theOpReferenceIsGeneratedFromTheCatalogueAndCurrent() throws IOException {
        Path file = docs().resolve("op-reference.md");
        String expected = reference(OpCatalogue.standard());
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file)).as(file + " is missing; regenerate it with -D" + WRITE + "=true").isTrue();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as(file + " is stale: the op catalogue changed. Regenerate it with -D" + WRITE + "=true (see "
                        + "this test's Javadoc) and commit it")
                .isEqualTo(expected);
    }

    @Test
    void theIndicatorTableOfTheDocsListsExactlyTheCataloguedIndicators() throws IOException {
        String md = Files.readString(docs().resolve("indicators.md"), StandardCharsets.UTF_8);
        String table = md.substring(md.indexOf("## The indicators"), md.indexOf("### ARP and its intermediate"));
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\|[^|]+\\|[^|]* / `([a-z_]+)\\(").matcher(table);
        while (m.find()) {
            documented.add(m.group(1));
        }
        Set<String> catalogued = new IndicatorOpProvider().definitions().stream().map(OpDefinition::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).as("ops in the indicator table of docs/indicators.md").isEqualTo(catalogued);
    }

    /** The reference page: one row per op, every column read from its definition. */
    static String reference(OpCatalogue catalogue) {
        StringBuilder out = new StringBuilder();
        out.append("# Op reference\n\n");
        out.append("<!-- Generated from the op catalogue by OpReferenceDocTest (qlir-ops); do not edit by hand. -->\n\n");
        out.append("""
                Every op of the op language, as the op catalogue (`OpCatalogue.standard()`) defines it: its call
                (`...` = one or more values, `[x=d]` = optional with default `d`), what it computes, the rows it
                reads relative to the written row `i` and its warm-up, the columns it writes and how `qlir chart`
                draws them. The indicators are explained in [indicators.md](indicators.md), the primitive ops in
                [row-semantics.md](row-semantics.md).

                """);
        out.append("| op | call | computes | reads | columns | chart |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (OpDefinition d : catalogue.definitions()) {
            out.append("| `").append(d.name()).append("` | `").append(d.signature()).append("` | ")
                    .append(cell(d.summary())).append(" | ").append(cell(d.rows())).append(" | ")
                    .append(d.outputs().stream().map(o -> "`" + o.columns() + "`").collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(d.outputs().stream().map(OpOutput::chart).map(c -> c.describe()).distinct()
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("no docs folder above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve("docs");
    }
}
