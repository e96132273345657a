package io.qlir.data.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The library version recorded in every file qlir writes (slice files, the Parquet dataset's months), from a
 * resource Maven filters at build time.
 * <pre>{@code
 * String v = QlirVersion.get();   // "0.1.0-SNAPSHOT", or "unknown" outside a Maven build
 * }</pre>
 */
public final class QlirVersion {

    private static final String VERSION = load();

    private QlirVersion() {
    }

    /**
     * The version.
     *
     * @return the project version, or {@code unknown}
     */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = QlirVersion.class.getResourceAsStream("/io/qlir/data/qlir-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
