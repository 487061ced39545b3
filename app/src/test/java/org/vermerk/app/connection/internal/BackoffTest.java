package org.vermerk.app.connection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff =
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(42));

    @Test
    void theCapDoublesFromTheInitialWaitUpToTheMaximum() {
        assertThat(backoff.cap(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.cap(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.cap(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.cap(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.cap(10_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void everyDelayLiesBetweenHalfTheCapAndTheCap() {
        for (int failures = 1; failures <= 20; failures++) {
            for (int i = 0; i < 200; i++) {
                Duration delay = backoff.delay(failures);
                Duration cap = backoff.cap(failures);
                assertThat(delay).isBetween(cap.dividedBy(2), cap);
            }
        }
    }

    @Test
    void theJitterSpreadsClientsOut() {
        long distinct = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> backoff.delay(5))
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(50);
    }

    @Test
    void aSeededRandomGivesTheSameWaits() {
        Backoff a = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new SplittableRandom(7));
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new SplittableRandom(7));
        for (int i = 1; i < 10; i++) {
            assertThat(a.delay(i)).isEqualTo(b.delay(i));
        }
    }
}
