package io.qlir.core.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads op-language text: {@code name(arg, ...)} calls separated by {@code ;} or new lines. Arguments are names
 * ({@code close}) or numbers ({@code 14}, {@code 2.5}, {@code 1e-3}); whole numbers become {@code Integer} (or
 * {@code Long} when too large), the rest {@code Double}.
 */
final class OpParser {

    /** One parsed call, with the text it came from. */
    record Call(String name, List<Object> args, String text) {
    }

    private final String src;
    private int pos;

    private OpParser(String src) {
        this.src = src;
    }

    static List<Call> parseAll(String text) {
        if (text == null) {
            throw new IllegalArgumentException("op text is null; write ops like sma(close,14,50); arp(14)");
        }
        List<Call> calls = new ArrayList<>();
        for (String statement : text.split("[;\\n]")) {
            if (!statement.isBlank()) {
                calls.add(parseOne(statement));
            }
        }
        return calls;
    }

    static Call parseOne(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("op text is empty; write an op like sma(close,14) or vwap()");
        }
        OpParser p = new OpParser(text);
        Call call = p.call();
        p.skipSpace();
        if (p.pos < p.src.length()) {
            throw p.error("unexpected '" + p.src.substring(p.pos) + "' after the op; write one op per statement, "
                    + "separated by ';'");
        }
        return call;
    }

    private Call call() {
        skipSpace();
        String name = name();
        if (name == null) {
            throw error("expected an op name");
        }
        skipSpace();
        expect('(');
        List<Object> args = new ArrayList<>();
        skipSpace();
        if (peek() == ')') {
            pos++;
            return new Call(name, args, src.strip());
        }
        while (true) {
            skipSpace();
            args.add(argument());
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ')') {
                pos++;
                return new Call(name, args, src.strip());
            } else {
                throw error("expected ',' or ')'");
            }
        }
    }

    private Object argument() {
        String word = name();
        if (word != null) {
            return word;
        }
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || ".eE".indexOf(src.charAt(pos)) >= 0
                || ((src.charAt(pos) == '-' || src.charAt(pos) == '+') && "eE".indexOf(src.charAt(pos - 1)) >= 0))) {
            pos++;
        }
        String token = src.substring(start, pos);
        if (token.isEmpty() || token.equals("-") || token.equals("+")) {
            throw error("expected an argument (a column name or a number)");
        }
        return number(token, start);
    }

    private Object number(String token, int start) {
        try {
            if (token.matches("[+-]?\\d+")) {
                long v = Long.parseLong(token);
                return v == (int) v ? (Object) (int) v : (Object) v;
            }
            if (!token.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException(token);
            }
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("'" + token + "' is not a number");
        }
    }

    private String name() {
        int start = pos;
        if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            return src.substring(start, pos);
        }
        return null;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String problem) {
        String found = pos < src.length() ? "at column " + (pos + 1) : "at the end";
        return new IllegalArgumentException("cannot parse op '" + src.strip() + "': " + problem + " " + found
                + "; an op is written name(arg, ...), for example sma(close,14,50) or vwap()");
    }
}
