package io.qlir.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * qlir's version, read once from the resource Maven fills in at build time: the one reader behind the version every
 * slice file records, the Binance client's {@code User-Agent} and {@code qlir --version}.
 * <pre>{@code
 * String v = QlirBuildVersion.get();   // "0.1.0-SNAPSHOT"; "unknown" when run from unfiltered sources
 * }</pre>
 */
public final class QlirBuildVersion {

    private static final String VERSION = load();

    private QlirBuildVersion() {
    }

    /**
     * The version of the qlir build on the class path.
     *
     * @return for example {@code 0.1.0-SNAPSHOT}; {@code unknown} when the resource is missing or was not filtered
     */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = QlirBuildVersion.class.getResourceAsStream("/io/qlir/data/qlir-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").strip();
            return v.isEmpty() || v.contains("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
