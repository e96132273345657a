package io.qlir.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qlir.cli.config.Origin;
import io.qlir.cli.config.RuntimeConfig;
import io.qlir.cli.config.Setting;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qlir config}: the runtime configuration; its one subcommand is {@code show}. */
@Command(name = "config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Inspect qlir's runtime configuration.",
        subcommands = ConfigCommand.Show.class,
        footerHeading = "%nExamples:%n",
        footer = {"  qlir config show", "  qlir config show --json"})
final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("qlir config: missing subcommand");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Exit.BAD_INPUT;
    }

    /** {@code qlir config show}: every setting's effective value and where it came from. */
    @Command(name = "show",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = {
                "Print the effective runtime configuration and where each value came from.",
                "",
                "Each setting comes from the strongest layer that sets it: a flag, an environment variable,"
                        + " the config file (./qlir.json or --config), the default. Flags given here are applied"
                        + " as any command would apply them."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  qlir config show",
                "  qlir config show --json | jq -r '.settings[\"data-root\"].value'",
                "  QLIR_LOG_PROFILE=prod qlir config show --data-root /data/qlir",
                "",
                "qlir.json (every key optional):",
                "  {\"dataRoot\": \"~/qlir_data\", \"baseUrl\": \"https://api.binance.com\",",
                "   \"connectTimeout\": \"10s\", \"readTimeout\": \"30s\", \"weightBudget\": 6000,",
                "   \"retry\": {\"maxAttempts\": 8, \"initialBackoff\": \"500ms\", \"maxBackoff\": \"30s\"},",
                "   \"logProfile\": \"info\", \"logDir\": \"/var/log/qlir\"}"
            })
    static final class Show implements Callable<Integer> {

        private static final ObjectMapper JSON = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT).build();

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @ArgGroup(validate = false, heading = "%nRuntime options:%n")
        RuntimeOptions runtime = new RuntimeOptions();

        @ArgGroup(validate = false, heading = "%nNetwork options:%n")
        NetworkOptions network = new NetworkOptions();

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            RuntimeConfig config = Session.open(context, runtime, network::addTo).config();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode root = toJson(config);
                root.put("s3Credentials", AwsCredentialsView.describe(context.environment()));
                out.println(JSON.writeValueAsString(root));
            } else {
                printTable(config, out);
                out.println("s3 credentials: " + AwsCredentialsView.describe(context.environment()));
            }
            out.flush();
            return Exit.OK;
        }

        private static void printTable(RuntimeConfig config, PrintWriter out) {
            int nameWidth = "setting".length();
            int valueWidth = "value".length();
            for (Setting s : Setting.values()) {
                nameWidth = Math.max(nameWidth, s.wireCode().length());
                valueWidth = Math.max(valueWidth, config.valueText(s).length());
            }
            String row = "%-" + nameWidth + "s  %-" + valueWidth + "s  %s%n";
            out.printf(row, "setting", "value", "from");
            for (Setting s : Setting.values()) {
                out.printf(row, s.wireCode(), config.valueText(s), config.origin(s).describe());
            }
            out.println();
            out.println("config file: " + config.configFile().map(Object::toString).orElse("none"));
        }

        private static ObjectNode toJson(RuntimeConfig config) {
            ObjectNode root = JSON.createObjectNode();
            root.put("configFile", config.configFile().map(Object::toString).orElse(null));
            ObjectNode settings = root.putObject("settings");
            for (Setting s : Setting.values()) {
                Origin origin = config.origin(s);
                ObjectNode node = settings.putObject(s.wireCode());
                node.put("value", config.valueText(s));
                node.put("source", origin.source().wireCode());
                node.put("from", origin.where());
            }
            return root;
        }
    }
}
