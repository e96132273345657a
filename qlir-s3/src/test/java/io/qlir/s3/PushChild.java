package io.qlir.s3;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link KillResumeTest}: pushes a data root and hangs in the second part of the multipart upload,
 * printing {@code HUNG} so the parent knows when to kill it.
 */
public final class PushChild {

    private PushChild() {
    }

    /**
     * Runs the push.
     *
     * @param args endpoint URL, data root, target location
     * @throws Exception on any failure (the parent then fails waiting)
     */
    public static void main(String[] args) throws Exception {
        FaultyHttpClient wire = new FaultyHttpClient().fail(r -> r.rawQueryParameters()
                .getOrDefault("partNumber", java.util.List.of()).contains("2"), FaultyHttpClient.Fault.HANG, 1);
        S3Settings settings = S3Settings.aws("us-east-1").withEndpoint(URI.create(args[0]))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
        Thread announcer = new Thread(() -> {
            try {
                wire.hung.await();
                System.out.println("HUNG");
                System.out.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        announcer.setDaemon(true);
        announcer.start();
        try (S3Pusher pusher = S3Pusher.builder().settings(settings).credentials(S3Fixtures.credentials())
                .httpClient(wire).multipart(6L << 20, 5 << 20).build()) {
            pusher.push(Path.of(args[1]), S3Location.parse(args[2]), PushFilter.all());
        }
        System.out.println("DONE");
    }
}
