package io.qlir.data.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qlir.data.manifest.ManifestSummary;
import io.qlir.data.slice.SliceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What {@link ManifestValidator} found in one slice directory: every violation, and whether it is clean.
 *
 * <p>"Clean" means no {@link Severity#ERROR}; warnings (real upstream gaps, off-grid slices, pending refreshes)
 * may remain. The report renders as a Tablesaw {@link Table} (one row per violation, for logs and JShell) and as
 * JSON (for tools).
 * <pre>{@code
 * ValidationReport r = ManifestValidator.validate(dir);
 * System.out.println(r.describe());     // "clean: 1044 slices (1043 complete, 1 partial: still_forming), 0 violations"
 * System.out.println(r.toTable().print());
 * }</pre>
 *
 * @param directory the directory validated
 * @param mode how much was read
 * @param summary the manifest's counts per status, or null when there is no readable manifest
 * @param filesRead how many slice files were opened (0 in metadata mode)
 * @param rowsRead how many rows were read from them
 * @param elapsed how long the validation took
 * @param violations every finding, in the order found
 */
public record ValidationReport(Path directory, ValidationMode mode, ManifestSummary summary, int filesRead,
                               long rowsRead, Duration elapsed, List<Violation> violations) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Copies the violations.
     *
     * @param directory the directory validated
     * @param mode how much was read
     * @param summary the manifest's counts per status, or null
     * @param filesRead how many slice files were opened
     * @param rowsRead how many rows were read
     * @param elapsed how long it took
     * @param violations every finding
     */
    public ValidationReport {
        violations = List.copyOf(violations);
    }

    /**
     * Whether there is no error.
     *
     * @return true when every violation (if any) is a warning
     */
    public boolean isClean() {
        return violations.stream().noneMatch(v -> v.severity() == Severity.ERROR);
    }

    /**
     * The errors.
     *
     * @return the violations of severity ERROR
     */
    public List<Violation> errors() {
        return of(Severity.ERROR);
    }

    /**
     * The warnings.
     *
     * @return the violations of severity WARNING
     */
    public List<Violation> warnings() {
        return of(Severity.WARNING);
    }

    private List<Violation> of(Severity s) {
        return violations.stream().filter(v -> v.severity() == s).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The violations of one rule.
     *
     * @param rule the rule
     * @return its violations, in the order found
     */
    public List<Violation> byRule(Rule rule) {
        return violations.stream().filter(v -> v.rule() == rule).collect(Collectors.toUnmodifiableList());
    }

    /**
     * How many violations each rule produced (every rule present, zero included).
     *
     * @return the counts, in rule order
     */
    public Map<Rule, Integer> countsByRule() {
        EnumMap<Rule, Integer> counts = new EnumMap<>(Rule.class);
        for (Rule r : Rule.values()) {
            counts.put(r, 0);
        }
        for (Violation v : violations) {
            counts.merge(v.rule(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * One line: clean or not, the slice summary, the violation counts.
     *
     * @return for example {@code clean: 1044 slices (1043 complete, 1 partial: still_forming), 0 violations}
     */
    public String describe() {
        int errors = errors().size();
        int warnings = warnings().size();
        String head = errors == 0 ? "clean" : "NOT clean";
        String slices = summary == null ? "no manifest" : summary.describe();
        String counts = violations.isEmpty() ? "0 violations"
                : errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s");
        return head + ": " + slices + ", " + counts;
    }

    /**
     * The violations as a table: one row per violation, columns {@code rule}, {@code severity}, {@code slice_key},
     * {@code message}, {@code details} (JSON).
     *
     * @return a new table named after the directory
     */
    public Table toTable() {
        StringColumn rule = StringColumn.create("rule");
        StringColumn severity = StringColumn.create("severity");
        StringColumn key = StringColumn.create("slice_key");
        StringColumn message = StringColumn.create("message");
        StringColumn details = StringColumn.create("details");
        for (Violation v : violations) {
            rule.append(v.rule().wireCode());
            severity.append(v.severity().wireCode());
            key.append(v.sliceKey() == null ? "" : v.sliceKey());
            message.append(v.message());
            details.append(v.details().isEmpty() ? "" : MAPPER.valueToTree(v.details()).toString());
        }
        return Table.create("violations in " + directory, rule, severity, key, message, details);
    }

    /**
     * The report as JSON: directory, mode, clean, counts (errors, warnings, per rule), the status summary and every
     * violation.
     *
     * @return pretty-printed JSON
     */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("directory", directory.toString());
        root.put("mode", mode.wireCode());
        root.put("clean", isClean());
        root.put("files_read", filesRead);
        root.put("rows_read", rowsRead);
        root.put("elapsed_ms", elapsed.toMillis());
        ObjectNode counts = root.putObject("counts");
        counts.put("errors", errors().size());
        counts.put("warnings", warnings().size());
        ObjectNode byRule = counts.putObject("by_rule");
        countsByRule().forEach((r, n) -> byRule.put(r.wireCode(), n));
        if (summary == null) {
            root.putNull("summary");
        } else {
            ObjectNode s = root.putObject("summary");
            s.put("total", summary.total());
            for (SliceStatus st : SliceStatus.values()) {
                s.put(st.wireCode(), summary.count(st));
            }
        }
        var list = root.putArray("violations");
        for (Violation v : violations) {
            ObjectNode o = list.addObject();
            o.put("rule", v.rule().wireCode());
            o.put("severity", v.severity().wireCode());
            o.put("slice_key", v.sliceKey());
            o.put("message", v.message());
            o.set("details", MAPPER.valueToTree(v.details()));
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report of plain values always serializes", e);
        }
    }
}
