package io.qlir.core.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one op-language call, already checked against the op's {@link OpParam parameters} (count, kind,
 * smallest value, repeats) with defaults filled in, read by parameter name. A factory adds the checks that involve
 * several arguments through {@link #error(String)}, so every message names the op and shows its signature.
 * <pre>{@code
 * String column = args.column("column");
 * int[] windows = args.integers("window");
 * if (slow <= fast) throw args.error("slow must be greater than fast, got fast=" + fast + ", slow=" + slow);
 * }</pre>
 */
public final class OpArguments {

    private final OpDefinition definition;
    private final List<Object> raw;
    private final Map<String, Object> values = new HashMap<>();

    OpArguments(OpDefinition definition, List<?> raw) {
        this.definition = definition;
        this.raw = Collections.unmodifiableList(new ArrayList<>(raw));
        bind();
    }

    /**
     * The name of the op being built.
     *
     * @return the op-language name
     */
    public String opName() {
        return definition.name();
    }

    /**
     * How many arguments the call gave.
     *
     * @return the count
     */
    public int size() {
        return raw.size();
    }

    /**
     * The arguments as given: column names as strings, numbers.
     *
     * @return the values
     */
    public List<Object> raw() {
        return raw;
    }

    /**
     * Whether the call gave the parameter (rather than leaving it to its default).
     *
     * @param param the parameter's name
     * @return true when given
     */
    public boolean given(String param) {
        return index(param) < raw.size();
    }

    /**
     * A column-name parameter.
     *
     * @param param the parameter's name
     * @return the column
     */
    public String column(String param) {
        return (String) value(param);
    }

    /**
     * A repeated column-name parameter.
     *
     * @param param the parameter's name
     * @return the columns, at least one
     */
    @SuppressWarnings("unchecked")
    public List<String> columns(String param) {
        return (List<String>) value(param);
    }

    /**
     * A whole-number parameter.
     *
     * @param param the parameter's name
     * @return the value, or its default
     */
    public int integer(String param) {
        return (Integer) value(param);
    }

    /**
     * A repeated whole-number parameter.
     *
     * @param param the parameter's name
     * @return the values, at least one, in the call's order
     */
    public int[] integers(String param) {
        return ((int[]) value(param)).clone();
    }

    /**
     * A number parameter.
     *
     * @param param the parameter's name
     * @return the value, or its default
     */
    public double decimal(String param) {
        return (Double) value(param);
    }

    /**
     * The params of an op in op-language order, for {@code Op.of}: some leading params, then whole numbers (windows,
     * lags).
     *
     * @param head the leading params, for example the column
     * @param values the whole numbers that follow
     * @return the params
     */
    public static List<Object> params(List<?> head, int... values) {
        List<Object> out = new ArrayList<>(head);
        for (int v : values) {
            out.add(v);
        }
        return out;
    }

    /**
     * An error about these arguments in the checks' style, naming the op and showing its signature.
     *
     * @param problem what is wrong, for example {@code "slow must be greater than fast, got fast=26, slow=12"}
     * @return the exception, for the caller to throw
     */
    public IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(definition.name() + ": " + problem + "; usage: " + definition.signature());
    }

    private Object value(String param) {
        if (!values.containsKey(param)) {
            throw new IllegalStateException("op " + definition.name() + " has no param '" + param + "'");
        }
        return values.get(param);
    }

    private int index(String param) {
        List<OpParam> params = definition.params();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(param)) {
                return i;
            }
        }
        throw new IllegalStateException("op " + definition.name() + " has no param '" + param + "'");
    }

    private void bind() {
        List<OpParam> params = definition.params();
        int required = (int) params.stream().filter(p -> !p.optional() && p.kind() != OpParam.Kind.ANY).count();
        boolean many = !params.isEmpty() && params.get(params.size() - 1).repeated();
        int max = many ? Integer.MAX_VALUE : params.size();
        int n = raw.size();
        if (n < required || n > max) {
            String want = required == max ? String.valueOf(required)
                    : max == Integer.MAX_VALUE ? "at least " + required : required + " to " + max;
            throw error("takes " + want + " argument" + (want.equals("1") ? "" : "s") + ", got " + n
                    + (n == 0 ? "" : " " + raw));
        }
        for (int i = 0; i < params.size(); i++) {
            OpParam p = params.get(i);
            if (p.repeated()) {
                values.put(p.name(), repeated(p, i));
            } else if (i < n) {
                values.put(p.name(), check(p, i));
            } else {
                values.put(p.name(), p.kind() == OpParam.Kind.WHOLE ? (Object) p.defaultValue().intValue()
                        : (Object) p.defaultValue().doubleValue());
            }
        }
    }

    private Object repeated(OpParam p, int from) {
        List<Object> out = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (int i = from; i < raw.size(); i++) {
            Object v = check(p, i);
            if (p.distinct() && !seen.add(v)) {
                throw error(p.name() + " " + v + " must be listed once (each " + p.name() + " makes one column), got it"
                        + " twice");
            }
            out.add(v);
        }
        if (p.kind() != OpParam.Kind.WHOLE) {
            return List.copyOf(out);
        }
        return out.stream().mapToInt(o -> (Integer) o).toArray();
    }

    private Object check(OpParam p, int index) {
        Object v = raw.get(index);
        String input = p.name() + " (argument " + (index + 1) + ")";
        switch (p.kind()) {
            case COLUMN -> {
                if (v instanceof String s && s.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    return s;
                }
            }
            case WHOLE -> {
                Double d = number(v);
                if (d != null && d == Math.rint(d) && d > ArgumentChecks.MAX_WHOLE && d >= p.min()) {
                    return throwWithUsage(ArgumentChecks.invalid(definition.name(), input,
                            ArgumentChecks.wholeRange((int) p.min(), Integer.MAX_VALUE), ArgumentChecks.describe(v)));
                }
                if (d != null && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE && d >= p.min()) {
                    return d.intValue();
                }
            }
            case NUMBER -> {
                Double d = number(v);
                if (d != null && Double.isFinite(d) && d >= p.min()) {
                    return d;
                }
            }
            case ANY -> {
                if (v instanceof String || v instanceof Number) {
                    return v;
                }
            }
            default -> throw new IllegalStateException(p.kind().name());
        }
        IllegalArgumentException e = ArgumentChecks.invalid(definition.name(), input, p.valid(),
                ArgumentChecks.describe(v));
        return throwWithUsage(e);
    }

    private Object throwWithUsage(IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + "; usage: " + definition.signature());
    }

    /** A number, or a string that reads as one (params handed over in code); null otherwise. */
    private static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
