package io.qlir.binance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** qlir's version, from the resource Maven fills in at build time ({@code dev} when run unfiltered). */
final class QlirVersion {

    static final String VALUE = load();

    private QlirVersion() {
    }

    private static String load() {
        try (InputStream in = QlirVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev").strip();
            return v.isEmpty() || v.contains("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
