package io.qlir.data.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects violations; details come as alternating name, value pairs. */
final class Findings {

    final List<Violation> list = new ArrayList<>();

    void error(Rule rule, String sliceKey, String message, Object... details) {
        list.add(new Violation(rule, Severity.ERROR, sliceKey, message, map(details)));
    }

    void warn(Rule rule, String sliceKey, String message, Object... details) {
        list.add(new Violation(rule, Severity.WARNING, sliceKey, message, map(details)));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
