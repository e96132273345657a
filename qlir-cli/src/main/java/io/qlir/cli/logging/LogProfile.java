package io.qlir.cli.logging;

import ch.qos.logback.classic.Level;
import io.qlir.core.WireCodec;
import io.qlir.core.WireCoded;

/**
 * How loud qlir is on the console and in its log files.
 *
 * <p>Chosen with {@code --log-profile} or {@code QLIR_LOG_PROFILE}; {@code info} by default. A data server left
 * running uses {@code prod}: the console only shows what needs a human, the files keep the full record.
 * <pre>{@code
 * LogProfile p = LogProfile.parse("prod");   // console WARN, files INFO
 * }</pre>
 */
public enum LogProfile implements WireCoded {
    /** Warnings and errors on the console; INFO and above in the JSON files. */
    PROD("prod", Level.WARN, Level.INFO),
    /** INFO and above on the console and in the files (the default). */
    INFO("info", Level.INFO, Level.INFO),
    /** Everything down to DEBUG, console and files, including every derivation spec. */
    DEBUG("debug", Level.DEBUG, Level.DEBUG);

    /** The codec for wire codes ({@code prod}, {@code info}, {@code debug}). */
    public static final WireCodec<LogProfile> CODEC = WireCodec.of(LogProfile.class, "log profile");

    private final String code;
    private final Level console;
    private final Level files;

    LogProfile(String code, Level console, Level files) {
        this.code = code;
        this.console = console;
        this.files = files;
    }

    /**
     * Parses a wire code.
     *
     * @param code {@code prod}, {@code info} or {@code debug}
     * @return the profile
     * @throws IllegalArgumentException naming the code and listing the valid ones
     */
    public static LogProfile parse(String code) {
        return CODEC.decode(code);
    }

    @Override
    public String wireCode() {
        return code;
    }

    Level consoleLevel() {
        return console;
    }

    Level fileLevel() {
        return files;
    }
}
