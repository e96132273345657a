package io.qlir.spark;

import java.nio.file.Path;

/**
 * The job's command line, checked: each bad argument is named with what would be valid. {@code chunkRows} is 0 when
 * {@code --chunk-rows} is not given: each series folder then runs whole, with no shuffle.
 */
record DeriveJobArgs(Path dataset, String ops, Path out, int chunkRows) {

    static final String USAGE = "usage: DeriveJob --dataset DIR --ops OPS --out DIR [--chunk-rows N]";

    static DeriveJobArgs parse(String[] args) {
        Path dataset = null;
        String ops = null;
        Path out = null;
        int chunkRows = 0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--dataset" -> dataset = Path.of(value);
                case "--ops" -> ops = value;
                case "--out" -> out = Path.of(value);
                case "--chunk-rows" -> chunkRows = rows(value);
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'; valid: --dataset, "
                        + "--ops, --out, --chunk-rows");
            }
        }
        if (dataset == null || ops == null || out == null) {
            throw new IllegalArgumentException("--dataset, --ops and --out are required");
        }
        return new DeriveJobArgs(dataset, ops, out, chunkRows);
    }

    private static int rows(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--chunk-rows '" + value + "' must be a whole number of at least 1, "
                + "for example 100000");
    }
}
