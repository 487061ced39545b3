package org.vermerk.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.protocol.codec.Bytes;

/**
 * The pending commit record (ADR 0029): kept and dropped only inside transitions, all or nothing
 * with the group state, readable after a restart, gone with its conversation, never printed.
 */
class PendingCommitTest {
    private static final String CANARY = "merged-epoch-secret-canary";

    @TempDir
    Path dir;

    private Keystore create() throws KeystoreException {
        return Keystore.create(dir, TestStores.passphrase(), TestStores.options());
    }

    private Keystore open() throws KeystoreException {
        return Keystore.open(dir, TestStores.passphrase(), TestStores.options());
    }

    private static void seed(Keystore store) throws KeystoreException {
        store.apply(Transition.forConversation("c1")
                .createConversation(TestStores.conversation("c1", "Haushalt 2027"))
                .members(List.of(new Member("anna.schmidt@bmi.example", Member.Role.ADMIN, Instant.EPOCH)))
                .groupState(0, 4, 1, TestStores.state("epoch-4"))
                .build());
    }

    private static PendingCommit pending(String clientMessageId, boolean announce) {
        return new PendingCommit(
                "c1",
                4,
                clientMessageId,
                Bytes.of("{\"type\":\"sendCommit\"}".getBytes(StandardCharsets.UTF_8)),
                1,
                TestStores.state(CANARY),
                announce);
    }

    @Test
    void aKeptCommitSurvivesARestartWithAllItsParts() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            assertThat(store.conversations().pendingCommit("c1")).isEmpty();
            store.apply(Transition.forConversation("c1")
                    .pendingCommit(pending("cm-1", true))
                    .build());
        }
        try (Keystore store = open()) {
            PendingCommit read = store.conversations().pendingCommit("c1").orElseThrow();
            assertThat(read.epoch()).isEqualTo(4);
            assertThat(read.clientMessageId()).isEqualTo("cm-1");
            assertThat(new String(read.request().toByteArray(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"type\":\"sendCommit\"}");
            assertThat(read.formatVersion()).isEqualTo(1);
            assertThat(TestStores.text(read.mergedState())).isEqualTo(CANARY);
            assertThat(read.announce()).isTrue();
            assertThat(store.conversations().withPendingCommits()).containsExactly("c1");
            // the stored state before the commit is untouched
            assertThat(TestStores.text(
                            store.conversations().groupState("c1").orElseThrow().state()))
                    .isEqualTo("epoch-4");
        }
    }

    @Test
    void theMergeStoresTheNewStateAndDropsTheRecordInOneTransition() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            store.apply(Transition.forConversation("c1")
                    .pendingCommit(pending("cm-1", false))
                    .build());
            Transition stale = Transition.forConversation("c1")
                    .groupState(0, 5, 1, TestStores.state("epoch-5"))
                    .dropPendingCommit()
                    .build();
            assertThatThrownBy(() -> store.apply(stale)).isInstanceOf(StaleGroupStateException.class);
            assertThat(store.conversations().pendingCommit("c1")).isPresent();

            store.apply(Transition.forConversation("c1")
                    .groupState(1, 5, 1, TestStores.state("epoch-5"))
                    .dropPendingCommit()
                    .build());
            assertThat(store.conversations().pendingCommit("c1")).isEmpty();
            assertThat(store.conversations().withPendingCommits()).isEmpty();
            assertThat(store.conversations().groupState("c1").orElseThrow().epoch())
                    .isEqualTo(5);
        }
    }

    @Test
    void aNewerCommitReplacesTheKeptOneAndDroppingNothingIsHarmless() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            store.apply(Transition.forConversation("c1").dropPendingCommit().build());
            store.apply(Transition.forConversation("c1")
                    .pendingCommit(pending("cm-1", false))
                    .build());
            store.apply(Transition.forConversation("c1")
                    .pendingCommit(pending("cm-2", true))
                    .build());
            assertThat(store.conversations().pendingCommit("c1").orElseThrow().clientMessageId())
                    .isEqualTo("cm-2");
        }
    }

    @Test
    void keepingAndDroppingInOneTransitionOrForAnotherConversationIsRefused() {
        assertThatThrownBy(() -> Transition.forConversation("c1")
                        .pendingCommit(pending("cm-1", false))
                        .dropPendingCommit()
                        .build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Transition.forConversation("c2").pendingCommit(pending("cm-1", false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PendingCommit("c1", 4, " ", Bytes.EMPTY, 1, TestStores.state(CANARY), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRecordGoesWithItsConversationAndNeverPrintsItsState() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            store.apply(Transition.forConversation("c1")
                    .pendingCommit(pending("cm-1", false))
                    .build());
            PendingCommit read = store.conversations().pendingCommit("c1").orElseThrow();
            assertThat(read.toString()).doesNotContain(CANARY).contains("cm-1");
            store.conversations().delete("c1");
            assertThat(store.conversations().pendingCommit("c1")).isEmpty();
        }
    }
}
