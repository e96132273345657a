package io.qlir.testkit;

import java.util.ArrayList;
import java.util.List;

/** The requests the fake received, in arrival order. */
final class RequestLog {
    private final List<FakeRequest> entries = new ArrayList<>();

    synchronized void add(FakeRequest r) {
        entries.add(r);
    }

    synchronized List<FakeRequest> snapshot() {
        return List.copyOf(entries);
    }

    synchronized long count(java.util.function.Predicate<FakeRequest> p) {
        return entries.stream().filter(p).count();
    }

    synchronized void clear() {
        entries.clear();
    }
}
