package org.vermerk.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vermerk.app.conversation.Payload;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Message;

class ConversationHistoryTest {
    private static final Instant NEWEST = Instant.parse("2026-11-27T09:00:00Z");

    private static ConversationHistory history(long seed, int count) {
        return new ConversationHistory(
                "conv-1",
                "me@x",
                "my-device",
                "you@x",
                "your-device",
                ConversationHistory.firstFor(NEWEST, count),
                seed);
    }

    @Test
    void everyMessageIsATextPayloadTheAppReadsBackWithItsOwnIdAndTime() throws Exception {
        for (Message m : history(1, 300).next(300)) {
            Payload payload = Payload.parse(m.content());
            assertThat(payload).isInstanceOf(Payload.Text.class);
            assertThat(payload.id()).isEqualTo(m.id());
            assertThat(payload.sentAt()).isEqualTo(m.sentAt());
            assertThat(m.searchText()).isEqualTo(((Payload.Text) payload).text());
        }
    }

    @Test
    void spansFromTheComputedFirstTimeToTheNewestInEqualSteps() {
        List<Message> messages = history(1, 1_000).next(1_000);
        assertThat(messages.getLast().sentAt()).isEqualTo(NEWEST);
        for (int i = 1; i < messages.size(); i++) {
            assertThat(messages.get(i).sentAt())
                    .isEqualTo(messages.get(i - 1).sentAt().plus(ConversationHistory.SPACING));
        }
    }

    @Test
    void bothPeopleWriteWithTheirOwnDeviceAndStateAndEveryIdAndServerPositionIsUnique() {
        ConversationHistory history = history(7, 0);
        List<Message> messages = new java.util.ArrayList<>(history.next(600));
        messages.addAll(history.next(400)); // a second batch continues the first
        assertThat(history.made()).isEqualTo(1_000);
        Set<String> ids = new HashSet<>();
        Set<Long> positions = new HashSet<>();
        int own = 0;
        for (Message m : messages) {
            ids.add(m.id());
            positions.add(m.serverSeq());
            boolean mine = m.senderUserId().equals("me@x");
            own += mine ? 1 : 0;
            assertThat(m.senderDeviceId()).isEqualTo(mine ? "my-device" : "your-device");
            assertThat(m.deliveryState()).isEqualTo(mine ? DeliveryState.READ : DeliveryState.RECEIVED);
            assertThat(m.serverSeq()).isGreaterThanOrEqualTo(ConversationHistory.FIRST_SERVER_SEQ);
        }
        assertThat(ids).hasSize(1_000);
        assertThat(positions).hasSize(1_000);
        assertThat(own).isBetween(350, 650);
    }

    @Test
    void theSameSeedMakesTheSameHistoryAndAnotherSeedAnotherOne() {
        assertThat(history(3, 50).next(50)).isEqualTo(history(3, 50).next(50));
        assertThat(history(4, 50).next(50).getFirst().id())
                .isNotEqualTo(history(3, 50).next(50).getFirst().id());
    }
}
