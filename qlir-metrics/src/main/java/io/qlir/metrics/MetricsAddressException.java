package io.qlir.metrics;

/**
 * The metrics address cannot be served: the port is in use, the host is not an address of this machine, or binding
 * is not permitted. The message names the address and what to do.
 * <pre>{@code
 * try { MetricsEndpoint.start(addr, metrics, health::report); }
 * catch (MetricsAddressException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class MetricsAddressException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MetricsAddressException(String message, Throwable cause) {
        super(message, cause);
    }
}
