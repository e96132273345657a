package io.qlir.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The requests the fake received, in arrival order, and a count per path. The list can be switched off for long
 * benchmark runs (the counts stay).
 */
final class RequestLog {
    private final boolean keepRequests;
    private final List<FakeRequest> entries = new ArrayList<>();
    private final Map<String, LongAdder> perPath = new ConcurrentHashMap<>();

    RequestLog(boolean keepRequests) {
        this.keepRequests = keepRequests;
    }

    void add(FakeRequest r) {
        perPath.computeIfAbsent(r.path(), p -> new LongAdder()).increment();
        if (keepRequests) {
            synchronized (entries) {
                entries.add(r);
            }
        }
    }

    List<FakeRequest> snapshot() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    long count(String path) {
        LongAdder n = perPath.get(path);
        return n == null ? 0 : n.sum();
    }

    long count(Predicate<String> pathMatches) {
        return perPath.entrySet().stream().filter(e -> pathMatches.test(e.getKey())).mapToLong(e -> e.getValue().sum())
                .sum();
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
            perPath.clear();
        }
    }
}
