package io.qlir.data.manifest;

import static io.qlir.data.testing.StoreFixtures.series;

import java.io.IOException;
import java.nio.file.Path;

/** Run in a child JVM by {@link LockTest}: holds a directory open until its stdin closes. */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws IOException {
        try (SliceDirectory dir = SliceDirectory.open(Path.of(args[0]), series())) {
            System.out.println("LOCKED " + dir.path());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
