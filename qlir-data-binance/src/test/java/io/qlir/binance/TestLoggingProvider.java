package io.qlir.binance;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple for tests, with a working MDC (slf4j-simple's own MDC discards everything), so tests can see the
 * {@value BinanceDataServer#MDC_JOB} key a job thread sets. Selected by the {@code slf4j.provider} system property in
 * this module's surefire configuration.
 */
public final class TestLoggingProvider extends SimpleServiceProvider {

    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }
}
