package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qlir push} and s3:// data roots at the command line: bad input and unreachable servers exit 2 with one line
 * naming what was wrong; {@code config show} lists the S3 settings with the secret masked. (Pushing itself is tested
 * against S3Mock in qlir-s3.)
 */
class PushCommandTest {

    @TempDir
    Path temp;

    @Test
    void anUnreachableEndpointIsOneLineNamingTheUrlAndExit2() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliRunner cli = new CliRunner(temp).env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEY123456")
                .env("AWS_SECRET_ACCESS_KEY", "secret").env("QLIR_RETRY_MAX_ATTEMPTS", "1");
        Path root = Files.createDirectories(temp.resolve("store"));
        CliRunner.Result r = cli.run("push", "--to", "s3://qlir-bucket/mirror", "--data-root", root.toString(),
                "--s3-endpoint", "http://127.0.0.1:" + closed);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("qlir push: cannot reach http://127.0.0.1:" + closed + "/qlir-bucket")
                .doesNotContain("\n");
        assertThat(CliRunner.filesUnder(root)).as("nothing recorded as pushed").noneMatch(f -> f.startsWith(".qlir-push"));
    }

    @Test
    void aBadTargetIsBadInput() {
        CliRunner.Result r = new CliRunner(temp).run("push", "--to", "/tmp/not-s3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--to: not an S3 location: '/tmp/not-s3'", "valid: s3://BUCKET");
    }

    @Test
    void aWriteCommandGivenAnS3DataRootSaysSoAndExits2() {
        CliRunner.Result r = new CliRunner(temp).run("fetch", "--symbol", "BTCUSDT", "--interval", "1m",
                "--start", "2024-01-01", "--data-root", "s3://qlir-bucket/mirror");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'s3://qlir-bucket/mirror' is an S3 location; the data root must be a local"
                + " folder", "qlir push --to s3://qlir-bucket/mirror");
    }

    @Test
    void configShowListsTheS3SettingsWithTheSecretMasked() {
        CliRunner cli = new CliRunner(temp).env("QLIR_S3_ENDPOINT", "http://127.0.0.1:9000")
                .env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEY123456").env("AWS_SECRET_ACCESS_KEY", "topsecret");
        CliRunner.Result r = cli.run("config", "show", "--data-root", "store");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("s3-endpoint +http://127.0.0.1:9000 +env QLIR_S3_ENDPOINT")
                .containsPattern("aws-region +us-east-1 +default")
                .contains("s3 credentials: AWS_ACCESS_KEY_ID=AKIA****3456, AWS_SECRET_ACCESS_KEY=**** (env)")
                .doesNotContain("topsecret");
    }
}
