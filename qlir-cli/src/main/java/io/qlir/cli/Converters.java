package io.qlir.cli;

import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchOrder;
import io.qlir.core.Interval;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Picocli converters for the values every store command takes; each failure names the value and says what is
 * valid, and picocli prefixes the option ({@code Invalid value for option '--interval': ...}), so the user gets one
 * clear line and exit code 2.
 */
final class Converters {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");

    private Converters() {
    }

    static String symbol(String text) {
        if (SYMBOL.matcher(text).matches()) {
            return text;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (SYMBOL.matcher(upper).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a symbol: symbols are upper-case; did you mean "
                    + upper + "?");
        }
        throw new IllegalArgumentException("'" + text + "' is not a symbol: use 2 to 20 upper-case letters and digits,"
                + " for example BTCUSDT");
    }

    /** {@code --symbol}: upper-case letters and digits, as Binance spells them ({@code BTCUSDT}). */
    static final class SymbolConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return symbol(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --interval}: a Binance interval code, case-sensitive ({@code 1m} minute, {@code 1M} month). */
    static final class IntervalConverter implements CommandLine.ITypeConverter<Interval> {
        @Override
        public Interval convert(String value) {
            try {
                return Interval.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --start} / {@code --end}: see {@link Times}. */
    static final class TimeConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Times.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --format}: {@code csv} or {@code json}. */
    static final class OutputFormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.CODEC.decode(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --endpoint}: {@code klines} or {@code uiklines}. */
    static final class EndpointConverter implements CommandLine.ITypeConverter<Endpoint> {
        @Override
        public Endpoint convert(String value) {
            try {
                return Endpoint.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --order}: {@code newest-first} or {@code oldest-first}. */
    static final class FetchOrderConverter implements CommandLine.ITypeConverter<FetchOrder> {
        @Override
        public FetchOrder convert(String value) {
            try {
                return FetchOrder.CODEC.decode(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
