package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JShellStartupTest {

    @TempDir
    Path temp;

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[0]);
    }

    @Test
    void importsOnlyPackagesThatHoldClasses() throws IOException {
        Path classes = temp.resolve("classes");
        touch(classes.resolve("io/qlir/core/Interval.class"));
        touch(classes.resolve("io/qlir/core/catalogue/OpLanguage.class"));
        Files.createDirectories(classes.resolve("io/qlir/binance"));           // a folder but no class
        touch(classes.resolve("io/qlir/data/binance/Deep.class"));            // only a sub-package
        String script = JShellStartup.script(List.of(classes, temp.resolve("missing.jar")), Path.of("/d/q \"x\""));
        assertThat(script).contains("import io.qlir.core.*;\n", "import io.qlir.core.catalogue.*;\n",
                "import java.time.*;\n", "import static io.qlir.core.Interval.*;\n")
                .doesNotContain("io.qlir.binance", "import io.qlir.data.*;", "io.qlir.charts", "import io.qlir.ops.*;")
                .contains("java.nio.file.Path dataRoot() { return java.nio.file.Path.of(\"/d/q \\\"x\\\"\"); }");
    }

    @Test
    void printStartupShowsTheScriptForThisClassPath() {
        CliRunner.Result r = new CliRunner(temp).run("shell", "--print-startup", "--data-root", "/srv/qlir");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("import io.qlir.core.*;", "import tech.tablesaw.api.*;",
                "import io.qlir.data.manifest.*;", "import io.qlir.data.validate.*;", "import io.qlir.data.slice.*;",
                "import static io.qlir.core.Interval.*;", "Path.of(\"/srv/qlir\")");
    }

    @Test
    void jshellStartsWithTheFacadesImported() throws Exception {
        Path startup = Files.writeString(temp.resolve("startup.jsh"),
                JShellStartup.script(JShellStartup.currentClassPath(), temp.resolve("root")));
        Path input = Files.writeString(temp.resolve("input.jsh"),
                "System.out.println(\"interval=\" + Interval.parse(\"15m\") + \" minute=\" + M1.fixedMillis());\n"
                        + "System.out.println(\"root=\" + dataRoot());\n"
                        + "System.out.println(\"store=\" + SliceDirectory.class.getSimpleName() + \",\""
                        + " + SliceReader.class.getSimpleName() + \",\" + ManifestValidator.class.getSimpleName()"
                        + " + \",\" + ValidationMode.DEEP.name() + \",\" + SliceKey.class.getSimpleName());\n/exit\n");
        List<String> command = ShellCommand.command(ShellCommand.jshell(), JShellStartup.currentClassPath(), startup);
        Process p = new ProcessBuilder(command).redirectInput(input.toFile()).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(text).contains("interval=M15 minute=60000", "root=" + temp.resolve("root"),
                        "store=SliceDirectory,SliceReader,ManifestValidator,DEEP,SliceKey")
                .doesNotContain("Error", "does not exist");
    }
}
