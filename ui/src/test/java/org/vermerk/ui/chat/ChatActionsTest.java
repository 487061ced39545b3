package org.vermerk.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vermerk.app.conversation.ConversationListener;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.Message;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.testing.FakeChatService;
import org.vermerk.ui.testing.RecordingDialogs;
import org.vermerk.ui.testing.SameThreadExecutor;

/** Reply, edit, delete for everyone and reactions on the chat's ViewModel, without the toolkit. */
class ChatActionsTest {
    private static final String ANNA = "anna@bmi.example";
    private static final String BEN = "ben@bmi.example";

    private final FakeChatService service = new FakeChatService(ANNA);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private ChatViewModel model;
    private Message fromBen;

    @BeforeEach
    void openAConversationWithOneMessageFromBen() {
        Conversation c = service.addConversation("c1", Conversation.Kind.DIRECT, "", null, BEN);
        fromBen = service.receive("c1", BEN, Instant.parse("2026-11-27T08:00:00Z"), "Können Sie bis 11 Uhr?");
        model = new ChatViewModel(c, "Ben", service, new SameThreadExecutor(), ZoneOffset.UTC, dialogs, id -> {});
        model.open();
        service.listening(new ConversationListener() {
            @Override
            public void onMessage(Message message) {
                model.onMessage(message);
            }
        });
    }

    private ChatRow.MessageRow row(String id) {
        return model.messageRow(id).orElseThrow();
    }

    private String send(String text) {
        model.draftProperty().set(text);
        model.send();
        return ((ChatRow.MessageRow) model.rows().getLast()).id();
    }

    @Test
    void aReplyQuotesItsMessageUntilSentAndIsSentAsAReply() {
        model.draftProperty().set("Ja");
        model.startReply(fromBen.id());
        assertThat(model.composingProperty().get().kind()).isEqualTo(Composing.Kind.REPLY);
        assertThat(model.composingProperty().get().quoted()).isEqualTo("Können Sie bis 11 Uhr?");
        assertThat(model.draftProperty().get()).as("the draft stays").isEqualTo("Ja");

        model.draftProperty().set("Ja, das passt.");
        model.send();
        assertThat(model.composingProperty().get()).isNull();
        ChatRow.MessageRow reply = (ChatRow.MessageRow) model.rows().getLast();
        assertThat(reply.text()).isEqualTo("Ja, das passt.");
        assertThat(reply.replyTo()).isEqualTo("Können Sie bis 11 Uhr?");
    }

    @Test
    void escEndsAReplyAndSendingAfterwardsIsAPlainMessage() {
        model.startReply(fromBen.id());
        assertThat(model.cancelComposing()).isTrue();
        assertThat(model.cancelComposing())
                .as("nothing left to end: Esc means back")
                .isFalse();
        String id = send("Neue Nachricht");
        assertThat(row(id).replyTo()).isNull();
    }

    @Test
    void onlyOwnTextsCanBeEditedAndTheEditReplacesTheTextAndMarksItEdited() {
        String own = send("Termin um 10 Uhr");
        assertThat(model.canChange(fromBen.id())).isFalse();
        model.startEdit(fromBen.id());
        assertThat(model.composingProperty().get()).as("someone else's message").isNull();

        model.draftProperty().set("halb fertig");
        model.startEdit(own);
        assertThat(model.draftProperty().get()).isEqualTo("Termin um 10 Uhr");
        model.draftProperty().set("Termin um 10:30 Uhr");
        model.send();
        assertThat(row(own).text()).isEqualTo("Termin um 10:30 Uhr");
        assertThat(row(own).edited()).isTrue();
        assertThat(model.draftProperty().get())
                .as("the draft from before the edit is back")
                .isEqualTo("halb fertig");
        assertThat(model.composingProperty().get()).isNull();
    }

    @Test
    void cancellingAnEditGivesTheEarlierDraftBackAndAnUnchangedEditSendsNothing() {
        String own = send("Termin um 10 Uhr");
        int queued = service.queued;
        model.draftProperty().set("Entwurf");
        model.startEdit(own);
        assertThat(model.cancelComposing()).isTrue();
        assertThat(model.draftProperty().get()).isEqualTo("Entwurf");

        model.startEdit(own);
        model.send();
        assertThat(service.queued).as("the same text: no edit").isEqualTo(queued);
        assertThat(model.composingProperty().get()).isNull();
        assertThat(row(own).edited()).isFalse();
    }

    @Test
    void upInAnEmptyComposerEditsTheNewestOwnTextThatIsNotDeleted() {
        assertThat(model.editLastOwn()).as("no own message yet").isFalse();
        String first = send("erste");
        String second = send("zweite");
        dialogs.confirmAnswer = true;
        model.deleteForEveryone(second);
        assertThat(model.editLastOwn()).isTrue();
        assertThat(model.composingProperty().get().messageId()).isEqualTo(first);
        assertThat(model.draftProperty().get()).isEqualTo("erste");
    }

    @Test
    void aFailedEditKeepsTheTextAndTheEdit() {
        String own = send("Termin um 10 Uhr");
        model.startEdit(own);
        model.draftProperty().set("Termin um 11 Uhr");
        service.failSends = new IllegalStateException("store full");
        model.send();
        assertThat(model.draftProperty().get()).isEqualTo("Termin um 11 Uhr");
        assertThat(model.composingProperty().get().messageId()).isEqualTo(own);
        assertThat(model.errorProperty().get()).isNotNull();
        assertThat(row(own).text()).isEqualTo("Termin um 10 Uhr");
    }

    @Test
    void deletingAsksFirstAndOnlyAConfirmedDeletionIsSent() {
        String own = send("versehentlich gesendet");
        int queued = service.queued;
        dialogs.confirmAnswer = false;
        model.deleteForEveryone(own);
        assertThat(dialogs.questions).containsExactly(UiText.of("chat.delete.question"));
        assertThat(service.queued).isEqualTo(queued);
        assertThat(row(own).deleted()).isFalse();

        dialogs.confirmAnswer = true;
        model.deleteForEveryone(own);
        assertThat(row(own).deleted()).isTrue();
        assertThat(model.canChange(own)).as("deleted: no more edits").isFalse();
        assertThat(model.canReply(own)).isFalse();

        model.deleteForEveryone(fromBen.id());
        assertThat(dialogs.questions)
                .as("someone else's message is not offered")
                .hasSize(2);
        assertThat(row(fromBen.id()).deleted()).isFalse();
    }

    @Test
    void deletingTheMessageBeingEditedEndsTheEdit() {
        String own = send("alt");
        model.draftProperty().set("Entwurf");
        model.startEdit(own);
        dialogs.confirmAnswer = true;
        model.deleteForEveryone(own);
        assertThat(model.composingProperty().get()).isNull();
        assertThat(model.draftProperty().get()).isEqualTo("Entwurf");
    }

    @Test
    void aReactionShowsOnItsMessageAndTheSameReactionTwiceCountsOnce() {
        String thumbs = ChatViewModel.REACTIONS.getFirst();
        model.react(fromBen.id(), thumbs);
        assertThat(row(fromBen.id()).reactions()).isEqualTo(thumbs);
        int queued = service.queued;
        model.react(fromBen.id(), thumbs);
        assertThat(service.queued).as("already reacted so").isEqualTo(queued);
        assertThat(model.ownReactions(fromBen.id())).containsExactly(thumbs);

        model.react(fromBen.id(), ChatViewModel.REACTIONS.get(1));
        assertThat(row(fromBen.id()).reactions()).isEqualTo(thumbs + "  " + ChatViewModel.REACTIONS.get(1));
    }

    @Test
    void noticesOfferNoActions() {
        String own = send("Text");
        dialogs.confirmAnswer = true;
        model.deleteForEveryone(own);
        model.react(own, ChatViewModel.REACTIONS.getFirst());
        assertThat(row(own).reactions()).as("no reactions on a deleted message").isEmpty();
        model.startReply(own);
        assertThat(model.composingProperty().get()).isNull();
    }
}
