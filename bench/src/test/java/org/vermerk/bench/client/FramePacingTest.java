package org.vermerk.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FramePacingTest {
    @Test
    void percentilesAreNearestRankOverTheSortedIntervals() {
        // 1..100 ms in shuffled order: nearest rank puts p50 at 50, p95 at 95, p99 at 99.
        long[] intervals = LongStream.rangeClosed(1, 100)
                .map(i -> ((i * 37) % 100 + 1) * 1_000)
                .toArray();
        FramePacing pacing = FramePacing.of(intervals);
        assertThat(pacing.frames()).isEqualTo(100);
        assertThat(pacing.medianMs()).isEqualTo(50.0);
        assertThat(pacing.p95Ms()).isEqualTo(95.0);
        assertThat(pacing.p99Ms()).isEqualTo(99.0);
        assertThat(pacing.maxMs()).isEqualTo(100.0);
        assertThat(pacing.over33ms()).isEqualTo(67);
    }

    @Test
    void aFrameOfExactly33MsIsNotLateButOneMicrosecondMoreIs() {
        FramePacing pacing = FramePacing.of(new long[] {16_667, 33_000, 33_001});
        assertThat(pacing.over33ms()).isEqualTo(1);
        assertThat(pacing.medianMs()).isEqualTo(33.0);
    }

    @Test
    void parsesTheProbesListAndRefusesAnEmptyOne() {
        assertThat(FramePacing.parse("16667,17001, 40000")).containsExactly(16_667, 17_001, 40_000);
        assertThat(FramePacing.parse("")).isEmpty();
        assertThatThrownBy(() -> FramePacing.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
