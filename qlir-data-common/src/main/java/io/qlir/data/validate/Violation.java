package io.qlir.data.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One finding of the validator.
 *
 * <pre>{@code
 * for (Violation v : report.errors()) log.error("{} {} {}: {}", v.rule(), v.sliceKey(), v.message(), v.details());
 * }</pre>
 *
 * @param rule which rule
 * @param severity how bad
 * @param sliceKey the slice concerned (canonical key), or null for directory-level findings
 * @param message what is wrong, in words
 * @param details machine-readable facts (open times, counts, paths): JSON-compatible values, in a stable order
 */
public record Violation(Rule rule, Severity severity, String sliceKey, String message, Map<String, Object> details) {

    /**
     * Checks the parts and copies the details.
     *
     * @param rule which rule
     * @param severity how bad
     * @param sliceKey the slice concerned, or null
     * @param message what is wrong
     * @param details machine-readable facts; null means none
     * @throws NullPointerException when rule, severity or message is null
     */
    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        details = details == null || details.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * One line for logs.
     *
     * @return for example {@code ERROR open_time_spacing BTCUSDT:1m:0:1000: 1 gap inside a complete slice}
     */
    @Override
    public String toString() {
        return severity + " " + rule.wireCode() + (sliceKey == null ? "" : " " + sliceKey) + ": " + message
                + (details.isEmpty() ? "" : " " + details);
    }
}
