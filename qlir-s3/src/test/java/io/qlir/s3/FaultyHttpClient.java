package io.qlir.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The fault seam between qlir and the wire: wraps the real HTTP client and, for requests a rule matches, answers
 * 503 SlowDown or 500 itself, breaks the connection halfway through the body, or rewrites the ETag of the server's
 * answer. Every request is logged ({@code METHOD path?query}).
 */
final class FaultyHttpClient implements SdkHttpClient {

    enum Fault { SLOW_DOWN, INTERNAL_ERROR, RESET_MID_UPLOAD, WRONG_ETAG, FORBIDDEN, ACCESS_DENIED, HANG }

    private record Rule(Predicate<SdkHttpRequest> when, Fault fault, int[] times) {
    }

    private final SdkHttpClient real = UrlConnectionHttpClient.builder().build();
    private final List<Rule> rules = Collections.synchronizedList(new ArrayList<>());
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<String> faultsDone = Collections.synchronizedList(new ArrayList<>());
    /** Counted down when a HANG fault is reached (the kill test waits for it). */
    final CountDownLatch hung = new CountDownLatch(1);

    static Predicate<SdkHttpRequest> puts() {
        return r -> r.method() == SdkHttpMethod.PUT;
    }

    static Predicate<SdkHttpRequest> parts() {
        return r -> r.method() == SdkHttpMethod.PUT && r.rawQueryParameters().containsKey("partNumber");
    }

    FaultyHttpClient fail(Predicate<SdkHttpRequest> when, Fault fault, int times) {
        rules.add(new Rule(when, fault, new int[] {times}));
        return this;
    }

    private Fault faultFor(SdkHttpRequest r) {
        synchronized (rules) {
            for (Rule rule : rules) {
                if (rule.times[0] > 0 && rule.when.test(r)) {
                    rule.times[0]--;
                    return rule.fault;
                }
            }
        }
        return null;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest r = request.httpRequest();
        log.add(r.method() + " " + r.encodedPath() + (r.rawQueryParameters().isEmpty() ? "" : "?"
                + String.join("&", r.rawQueryParameters().keySet())));
        Fault fault = faultFor(r);
        if (fault == null) {
            return real.prepareRequest(request);
        }
        faultsDone.add(fault + " " + r.method() + " " + r.encodedPath());
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                switch (fault) {
                    case SLOW_DOWN:
                        return error(503, "SlowDown", "Please reduce your request rate.");
                    case INTERNAL_ERROR:
                        return error(500, "InternalError", "We encountered an internal error. Please try again.");
                    case FORBIDDEN:
                        return error(403, "InvalidAccessKeyId",
                                "The AWS Access Key Id you provided does not exist in our records.");
                    case ACCESS_DENIED:
                        return error(403, "AccessDenied", "Access Denied");
                    case RESET_MID_UPLOAD:
                        try (InputStream in = request.contentStreamProvider().orElseThrow().newStream()) {
                            in.readNBytes(Math.max(1, in.available() / 2));
                        }
                        throw new SocketException("Connection reset");
                    case HANG:
                        hung.countDown();
                        try {
                            new CountDownLatch(1).await(); // until the process is killed
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw new SocketException("interrupted");
                    case WRONG_ETAG:
                    default:
                        HttpExecuteResponse ok = real.prepareRequest(request).call();
                        return HttpExecuteResponse.builder()
                                .response(ok.httpResponse().toBuilder()
                                        .putHeader("ETag", "\"00000000000000000000000000000000\"").build())
                                .responseBody(ok.responseBody().orElse(null)).build();
                }
            }

            @Override
            public void abort() {
            }
        };
    }

    private static HttpExecuteResponse error(int status, String code, String message) {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>fault</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(status).putHeader("Content-Type", "application/xml")
                        .putHeader("Content-Length", Integer.toString(xml.length)).build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(xml))).build();
    }

    @Override
    public void close() {
        real.close();
    }
}
