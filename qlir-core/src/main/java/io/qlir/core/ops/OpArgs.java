package io.qlir.core.ops;

import java.util.ArrayList;
import java.util.List;

/** The params of one op-language call, read by position with errors that name the op and show its usage. */
final class OpArgs {

    private final String op;
    private final String usage;
    private final List<?> params;

    OpArgs(String op, String usage, List<?> params) {
        this.op = op;
        this.usage = usage;
        this.params = List.copyOf(params);
    }

    int size() {
        return params.size();
    }

    /** Fails unless there are between {@code min} and {@code max} params. */
    OpArgs arity(int min, int max) {
        if (params.size() < min || params.size() > max) {
            String want = min == max ? String.valueOf(min)
                    : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw error("takes " + want + " params, got " + params.size() + " " + params);
        }
        return this;
    }

    String column(int index) {
        Object v = params.get(index);
        if (!(v instanceof String s) || s.isBlank()) {
            throw error("param " + (index + 1) + " must be a column name, got " + describe(v));
        }
        return s;
    }

    int integer(int index) {
        Object v = params.get(index);
        double d = number(index, v);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw error("param " + (index + 1) + " must be a whole number, got " + describe(v));
        }
        return (int) d;
    }

    /** The whole numbers from {@code from} to the end. */
    int[] integers(int from) {
        int[] out = new int[params.size() - from];
        for (int i = from; i < params.size(); i++) {
            out[i - from] = integer(i);
        }
        return out;
    }

    double decimal(int index, double absent) {
        return index < params.size() ? number(index, params.get(index)) : absent;
    }

    /** The columns from {@code from} to the end. */
    List<String> columns(int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < params.size(); i++) {
            out.add(column(i));
        }
        return out;
    }

    private double number(int index, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw error("param " + (index + 1) + " must be a number, got " + describe(v));
            }
        }
        throw error("param " + (index + 1) + " must be a number, got " + describe(v));
    }

    private static String describe(Object v) {
        return v == null ? "null" : "'" + v + "' (" + v.getClass().getSimpleName() + ")";
    }

    IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("op '" + op + "' " + problem + "; usage: " + usage);
    }
}
