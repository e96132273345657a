/**
 * <b>Key mental model.</b> The {@code qlir} command is a thin picocli layer over the library façades: each
 * subcommand parses and checks its input ({@code --symbol}, {@code --interval}, {@code --start/--end} through the
 * shared option classes and converters), opens a {@code Session} (runtime config resolved, console
 * logging set, data root checked before anything is written), calls the library, and prints a result. Bad input is
 * exit 2 with one line naming the input and what is valid; a runtime failure is exit 1; success is 0.
 *
 * <p>Only {@link io.qlir.cli.Main} is public; configuration ({@code io.qlir.cli.config}) and logging
 * ({@code io.qlir.cli.logging}) live in their own packages.
 */
package io.qlir.cli;
