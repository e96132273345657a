package io.qlir.cli;

import io.qlir.data.QlirBuildVersion;
import picocli.CommandLine;

/** {@code qlir --version}: qlir's version ({@link QlirBuildVersion}), then the Java and OS running it. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "qlir " + QlirBuildVersion.get(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
