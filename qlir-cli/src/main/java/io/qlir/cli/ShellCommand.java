package io.qlir.cli;

import io.qlir.cli.config.RuntimeConfig;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qlir shell}: JShell with every qlir module on the class path and the façades imported. */
@Command(name = "shell",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Open JShell with qlir on the class path and its façades imported.",
            "",
            "Every qlir module and dependency is on the class path; the startup imports the façades"
                    + " (Indicators, Binance, Candles, Interval, Tablesaw's Table, ...) and defines dataRoot(),"
                    + " the resolved data root. Needs a JDK: jshell next to the java that runs qlir."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  qlir shell",
            "  qlir shell --data-root /data/qlir",
            "  qlir shell --print-startup",
            "",
            "In the shell:",
            "  jshell> Interval.parse(\"15m\").closeTime(0)",
            "  jshell> dataRoot()"
        })
final class ShellCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--print-startup", description = "Print the generated JShell startup script and exit.")
    boolean printStartup;

    @ArgGroup(validate = false, heading = "%nRuntime options:%n")
    RuntimeOptions runtime = new RuntimeOptions();

    ShellCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        RuntimeConfig config = Session.open(context, runtime).config();
        List<Path> classPath = JShellStartup.currentClassPath();
        String startup = JShellStartup.script(classPath, config.dataRoot());
        if (printStartup) {
            spec.commandLine().getOut().print(startup);
            spec.commandLine().getOut().flush();
            return Exit.OK;
        }
        Path startupFile = Files.createTempFile("qlir-jshell-", ".jsh");
        try {
            Files.writeString(startupFile, startup, StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(command(jshell(), classPath, startupFile)).inheritIO();
            pb.environment().put("QLIR_LOG_PROFILE", config.logProfile().wireCode());
            pb.environment().put("QLIR_DATA_ROOT", config.dataRoot().toString());
            return pb.start().waitFor();
        } finally {
            Files.deleteIfExists(startupFile);
        }
    }

    static List<String> command(Path jshell, List<Path> classPath, Path startupFile) {
        StringBuilder cp = new StringBuilder();
        for (Path p : classPath) {
            if (cp.length() > 0) {
                cp.append(File.pathSeparatorChar);
            }
            cp.append(p.toAbsolutePath());
        }
        return List.of(jshell.toString(), "--class-path", cp.toString(),
                "--startup", "DEFAULT", "--startup", startupFile.toString());
    }

    static Path jshell() throws IOException {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path jshell = javaHome.resolve("bin").resolve(windows ? "jshell.exe" : "jshell");
        if (!Files.isExecutable(jshell)) {
            throw new IOException("jshell not found at " + jshell + ": 'qlir shell' needs a JDK, not a JRE;"
                    + " set JAVA_HOME to a JDK 17+ and rerun");
        }
        return jshell;
    }
}
