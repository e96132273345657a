package io.qlir.core.archfixture;

/** A class that breaks the logging rule, so that {@code ArchitectureTest} can prove its rules fail. */
public final class PrintsToStdout {

    private PrintsToStdout() {
    }

    /** Prints, which library code must not. */
    public static void shout() {
        System.out.println("library code must not print");
    }
}
