package io.qlir.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches a CSV header onto candle columns: case-insensitively, with the names other tools write
 * ({@code Date}, {@code timestamp}, {@code Open}, {@code Adj Close}, {@code quote_asset_volume}, ...), and with the
 * caller's explicit choices first. Finds the header's problems (no time column, two headers for one column, a
 * repeated name) before any row is read.
 */
final class CandleCsvHeader {

    /** qlir's adjusted close column, read only when asked ({@code Adj Close} in Yahoo's files). */
    static final String ADJ_CLOSE = "adj_close";

    /** Normalised header name → candle column. */
    private static final Map<String, String> ALIASES = aliases();

    final List<String> names;
    /** Candle column → header position, in schema order (adj_close last). */
    final Map<String, Integer> positions;
    final List<String> ignored;

    private CandleCsvHeader(List<String> names, Map<String, Integer> positions, List<String> ignored) {
        this.names = names;
        this.positions = positions;
        this.ignored = ignored;
    }

    static CandleCsvHeader match(List<String> names, Map<String, String> explicit, boolean adjustedClose,
            String source) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (byName.put(names.get(i), i) != null) {
                throw new IllegalArgumentException("candle CSV " + source + " names column '" + names.get(i)
                        + "' twice; its header is " + names);
            }
        }
        Map<String, Integer> found = new HashMap<>();
        explicit.forEach((column, header) -> {
            Integer at = byName.get(header);
            if (at == null) {
                throw new IllegalArgumentException("candle CSV " + source + " has no column '" + header
                        + "' (asked for as " + column + "); its header is " + names);
            }
            found.put(column, at);
        });
        matchAliases(names, found, explicit, adjustedClose, source);
        if (!found.containsKey(Candles.OPEN_TIME)) {
            throw new IllegalArgumentException("candle CSV " + source + " has no time column; its header is " + names
                    + "; a candle CSV needs one of open_time, timestamp, time, date or datetime (any case), with"
                    + " the candle columns it has (open, high, low, close, volume, ...)");
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (String column : Candles.COLUMNS) {
            if (found.containsKey(column)) {
                positions.put(column, found.get(column));
            }
        }
        if (found.containsKey(ADJ_CLOSE)) {
            positions.put(ADJ_CLOSE, found.get(ADJ_CLOSE));
        }
        List<String> ignored = new ArrayList<>(names);
        found.values().stream().sorted(Comparator.reverseOrder()).forEach(i -> ignored.remove((int) i));
        return new CandleCsvHeader(List.copyOf(names), positions, List.copyOf(ignored));
    }

    /** Adds the columns the header names by an alias, unless explicitly chosen; two headers for one column fail. */
    private static void matchAliases(List<String> names, Map<String, Integer> found, Map<String, String> explicit,
            boolean adjustedClose, String source) {
        Set<Integer> taken = new HashSet<>(found.values());
        for (int i = 0; i < names.size(); i++) {
            String column = ALIASES.get(normalise(names.get(i)));
            if (taken.contains(i) || column == null || explicit.containsKey(column)
                    || (column.equals(ADJ_CLOSE) && !adjustedClose)) {
                continue;
            }
            Integer before = found.put(column, i);
            if (before != null) {
                throw new IllegalArgumentException("candle CSV " + source + " has two columns for " + column + ": '"
                        + names.get(before) + "' and '" + names.get(i) + "'; name the one to read (for example"
                        + " CandleCsv.builder().column(\"" + column + "\", \"" + names.get(i) + "\"))");
            }
        }
    }

    /** Whether a time column is qlir's own (epoch millis by the schema, unless its size says micros or nanos). */
    boolean isQlirName(String column) {
        return names.get(positions.get(column)).equals(column);
    }

    /** Candle column → the header name it was read from, in schema order. */
    Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        positions.forEach((column, at) -> out.put(column, names.get(at)));
        return out;
    }

    static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    private static Map<String, String> aliases() {
        Map<String, String> a = new HashMap<>();
        put(a, Candles.OPEN_TIME, "open_time", "opentime", "timestamp", "time", "date", "datetime", "date_time", "t");
        put(a, Candles.OPEN, "open", "o");
        put(a, Candles.HIGH, "high", "h");
        put(a, Candles.LOW, "low", "l");
        put(a, Candles.CLOSE, "close", "c");
        put(a, Candles.VOLUME, "volume", "vol", "v");
        put(a, Candles.CLOSE_TIME, "close_time", "closetime");
        put(a, Candles.QUOTE_VOLUME, "quote_volume", "quote_asset_volume");
        put(a, Candles.TRADES, "trades", "number_of_trades", "trade_count", "num_trades");
        put(a, Candles.TAKER_BUY_BASE_VOLUME, "taker_buy_base_volume", "taker_buy_base_asset_volume",
                "taker_buy_volume");
        put(a, Candles.TAKER_BUY_QUOTE_VOLUME, "taker_buy_quote_volume", "taker_buy_quote_asset_volume");
        put(a, ADJ_CLOSE, "adj_close", "adjclose", "adjusted_close");
        return Map.copyOf(a);
    }

    private static void put(Map<String, String> a, String column, String... names) {
        for (String n : names) {
            a.put(n, column);
        }
    }
}
