package org.vermerk.app.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.InMemoryUserSettings;
import org.vermerk.app.policy.Language;
import org.vermerk.app.policy.PolicyParser;
import org.vermerk.app.records.verify.ExportVerifier;
import org.vermerk.app.records.verify.Verdict;

/**
 * The records service against a real keystore in a temporary directory: marking one message and a
 * range, the notice, changes and their audit trail, the refusal after export, exports that the
 * verifier accepts, and a message edited after it was marked.
 */
class RecordsServiceTest {
    @TempDir
    Path dir;

    private StoreFixture fixture;
    private RecordsService records;

    @BeforeEach
    void open() throws Exception {
        fixture = new StoreFixture(dir);
        records = fixture.service(true);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static MarkRequest range(String first, String last) {
        return new MarkRequest(
                StoreFixture.CONVERSATION,
                first,
                last,
                "12-345/2026",
                "Größenänderung der Rechenzentrumsfläche",
                "Entscheidung zur Mitzeichnung",
                true);
    }

    @Test
    void markingOneMessageStoresItWithTheConversationsClassificationAndTellsTheConversation() throws Exception {
        MarkResult result = records.mark(
                MarkRequest.single(StoreFixture.CONVERSATION, "m4", " 12-345/2026 ", "Mitzeichnung", "", false));

        MarkOverview mark = result.mark();
        assertThat(mark.messageCount()).isEqualTo(1);
        assertThat(mark.firstMessageId()).isEqualTo("m4");
        assertThat(mark.lastMessageId()).isEqualTo("m4");
        assertThat(mark.mark().fileReference()).isEqualTo("12-345/2026");
        assertThat(mark.mark().includeAttachments()).isFalse();
        assertThat(mark.mark().markedBy()).isEqualTo(RecordFixtures.ANNA);
        assertThat(mark.mark().markedAt()).isEqualTo(fixture.clock.instant());
        assertThat(mark.classification()).isEqualTo(Classification.VS_NFD);
        assertThat(mark.conversationTitle()).isEqualTo("RZ-Planung");
        assertThat(mark.state()).isEqualTo(MarkState.UNFILED);
        assertThat(mark.editable()).isTrue();
        assertThat(result.notice().orElseThrow().german())
                .isEqualTo("Anna Schmidt hat 1 Nachricht zu Az. 12-345/2026 zu den Akten genommen");
        assertThat(records.marksOn("m4")).extracting(MarkOverview::id).containsExactly(mark.id());
        assertThat(records.marksOn("m3")).isEmpty();
    }

    @Test
    void markingARangeCoversEveryMessageBetweenAndTheNoticeCountsThem() throws Exception {
        MarkResult result = records.mark(range("m2", "m4"));

        assertThat(result.mark().messageCount()).isEqualTo(3);
        RecordNotice notice = result.notice().orElseThrow();
        assertThat(notice.conversationId()).isEqualTo(StoreFixture.CONVERSATION);
        assertThat(notice.markId()).isEqualTo(result.mark().id());
        assertThat(notice.text(Language.GERMAN))
                .isEqualTo("Anna Schmidt hat 3 Nachrichten zu Az. 12-345/2026 zu den Akten genommen");
        assertThat(notice.text(Language.ENGLISH))
                .isEqualTo("Anna Schmidt filed 3 messages under file reference 12-345/2026");
        for (String id : List.of("m2", "m3", "m4")) {
            assertThat(records.marksOn(id)).hasSize(1);
        }
        assertThat(records.marksOn("m1")).isEmpty();
        assertThat(records.marksOn("m5")).isEmpty();
    }

    @Test
    void thePolicyTurnsTheNoticeOff() throws Exception {
        AdminPolicy policy = new PolicyParser()
                .parse(
                        dir.resolve("policy.json"),
                        "{\"recordsNotice\": false, \"authorityName\": \"Bundesamt für Beispiele\"}"
                                .getBytes(StandardCharsets.UTF_8));
        RecordsContext context = RecordsContext.of(
                StoreFixture.ANNA,
                EffectiveSettings.resolve(policy, new InMemoryUserSettings()),
                java.time.ZoneId.of("Europe/Berlin"));
        assertThat(context.noticeEnabled()).isFalse();
        assertThat(context.authority().name()).isEqualTo("Bundesamt für Beispiele");
        RecordsService quiet = new RecordsService(
                fixture.store,
                RecordFixtures.exporter(TestSigners.p256("CN=Test")),
                AttachmentContents.localFiles(),
                context,
                RecordFixtures.sequentialIds());

        assertThat(quiet.mark(range("m1", "m2")).notice()).isEmpty();
        assertThat(RecordsContext.of(
                                StoreFixture.ANNA,
                                EffectiveSettings.resolve(AdminPolicy.none(dir), new InMemoryUserSettings()),
                                java.time.ZoneId.of("Europe/Berlin"))
                        .noticeEnabled())
                .isTrue();
    }

    @Test
    void everyChangeIsInTheAuditTrailWithWhoWhenAndWhat() throws Exception {
        String id = records.mark(range("m1", "m3")).mark().id();
        fixture.clock.advance(Duration.ofMinutes(10));

        MarkOverview changed = records.change(
                id, new MarkChange("12-345/2026-2", "Größenänderung der Rechenzentrumsfläche", "", false));

        assertThat(changed.mark().fileReference()).isEqualTo("12-345/2026-2");
        assertThat(changed.mark().note()).isEmpty();
        assertThat(changed.mark().includeAttachments()).isFalse();
        assertThat(records.find(id).mark().history())
                .extracting(
                        MarkEvent::actorUserId,
                        MarkEvent::action,
                        MarkEvent::field,
                        MarkEvent::oldValue,
                        MarkEvent::newValue)
                .containsExactly(
                        tuple(RecordFixtures.ANNA, "markiert", "", "", "12-345/2026"),
                        tuple(RecordFixtures.ANNA, "geändert", "Aktenzeichen", "12-345/2026", "12-345/2026-2"),
                        tuple(RecordFixtures.ANNA, "geändert", "Notiz", "Entscheidung zur Mitzeichnung", ""),
                        tuple(RecordFixtures.ANNA, "geändert", "Anhänge beifügen", "ja", "nein"));
        assertThat(records.find(id).mark().history().get(1).at()).isEqualTo(fixture.clock.instant());

        records.change(id, new MarkChange("12-345/2026-2", "Größenänderung der Rechenzentrumsfläche", "", false));
        assertThat(records.find(id).mark().history()).hasSize(4);
    }

    @Test
    void anExportedMarkRefusesChangesAndWithdrawalAndSaysSo() throws Exception {
        String id = records.mark(range("m1", "m2")).mark().id();
        records.export(id, dir.resolve("out"));

        assertThatThrownBy(() -> records.change(id, new MarkChange("99", "Anders", "", true)))
                .isInstanceOf(MarkExportedException.class);
        assertThatThrownBy(() -> records.withdraw(id)).isInstanceOf(MarkExportedException.class);
        MarkOverview kept = records.find(id);
        assertThat(kept.mark().fileReference()).isEqualTo("12-345/2026");
        assertThat(kept.state()).isEqualTo(MarkState.EXPORTED);
        assertThat(kept.editable()).isFalse();
        assertThat(kept.exportReference())
                .hasValueSatisfying(ref -> assertThat(ref).endsWith(".zip"));
        assertThat(kept.mark().history()).extracting(MarkEvent::action).containsExactly("markiert", "exportiert");
    }

    @Test
    void theExportOfAMarkedRangeIsAPackageTheVerifierAccepts() throws Exception {
        fixture.clock.advance(Duration.ofHours(2));
        String id = records.mark(range("m2", "m4")).mark().id();

        Path zip = records.export(id, dir.resolve("out"));

        Verdict verdict = new ExportVerifier().verify(zip);
        assertThat(verdict.intact()).as(verdict.report()).isTrue();
        ExportedPackage pkg = ExportedPackage.read(zip);
        assertThat(pkg.endingWith("Groesse.txt")).isEqualTo(fixture.attachment);
        JsonNode json = new ObjectMapper().readTree(pkg.endingWith("_messages.json"));
        assertThat(json.at("/mark/fileReference").asText()).isEqualTo("12-345/2026");
        assertThat(json.at("/conversation/title").asText()).isEqualTo("RZ-Planung");
        assertThat(json.get("messages"))
                .extracting(m -> m.get("id").asText(), m -> m.get("sender").asText())
                .containsExactly(
                        tuple("m2", RecordFixtures.BERND),
                        tuple("m3", RecordFixtures.CLARA),
                        tuple("m4", RecordFixtures.ANNA));
        JsonNode m2 = json.get("messages").get(0);
        assertThat(m2.get("text").asText()).isEqualTo("Ich schlage 14 Uhr vor; der Entwurf hängt an.");
        assertThat(m2.at("/earlierVersions/0/text").asText()).isEqualTo("Ich schlage 13 Uhr vor.");
        assertThat(m2.at("/attachments/0").asText()).isEqualTo("att-1");
        assertThat(m2.get("receivedByServerAt").asText())
                .isEqualTo(StoreFixture.START.plusSeconds(601).toString());
        JsonNode m3 = json.get("messages").get(1);
        assertThat(m3.at("/replyTo/messageId").asText()).isEqualTo("m1");
        assertThat(m3.at("/replyTo/sender").asText()).isEqualTo(RecordFixtures.ANNA);
        assertThat(m3.at("/replyTo/excerpt").asText()).startsWith("Guten Morgen!");
        assertThat(json.get("participants"))
                .extracting(
                        p -> p.get("displayName").asText(),
                        p -> p.get("verification").asText())
                .containsExactlyInAnyOrder(
                        tuple("Anna Schmidt", "verified"),
                        tuple("Bernd Weber", "verified"),
                        tuple("Clara Özdemir", "unverified"));
        assertThat(records.list(MarkFilter.inState(MarkState.EXPORTED)))
                .extracting(MarkOverview::id)
                .containsExactly(id);
        assertThat(records.list(MarkFilter.inState(MarkState.UNFILED))).isEmpty();
    }

    @Test
    void aMessageEditedAfterMarkingKeepsItsMarkedVersionAndTheChangeIsNoted() throws Exception {
        String id = records.mark(range("m3", "m4")).mark().id();
        fixture.clock.advance(Duration.ofHours(1));
        fixture.edit("m4", "Entscheidung: Wir zeichnen NICHT mit.", fixture.clock.instant());

        RecordExportRequest request = records.request(id);
        List<RecordedMessage> messages;
        try (var stream = request.messages().open()) {
            messages = stream.toList();
        }
        RecordedMessage m4 = messages.get(1);
        assertThat(m4.text()).isEqualTo("Entscheidung: Wir zeichnen mit.");
        assertThat(m4.earlierVersions()).isEmpty();
        assertThat(m4.changeAfterMark())
                .contains(new LaterChange(
                        LaterChange.Kind.EDITED, fixture.clock.instant(), "Entscheidung: Wir zeichnen NICHT mit."));
        assertThat(messages.get(0).changeAfterMark()).isEmpty();

        Path zip = records.export(id, dir.resolve("out"));
        assertThat(new ExportVerifier().verify(zip).intact()).isTrue();
        JsonNode json = new ObjectMapper().readTree(ExportedPackage.read(zip).endingWith("_messages.json"));
        assertThat(json.at("/messages/1/text").asText()).isEqualTo("Entscheidung: Wir zeichnen mit.");
        assertThat(json.at("/messages/1/changedAfterMark/kind").asText()).isEqualTo("edited");
        assertThat(json.at("/messages/1/changedAfterMark/newText").asText())
                .isEqualTo("Entscheidung: Wir zeichnen NICHT mit.");
    }

    @Test
    void changesAfterAnExportAreFiledAsAnAddendumThatNamesTheOriginalAndLeavesItUntouched() throws Exception {
        String id = records.mark(range("m3", "m5")).mark().id();
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> records.exportAddendum(id, out)).isInstanceOf(MarkNotExportedException.class);
        Path original = records.export(id, out);
        byte[] originalBytes = java.nio.file.Files.readAllBytes(original);
        assertThatThrownBy(() -> records.exportAddendum(id, out)).isInstanceOf(NoLaterChangesException.class);

        fixture.clock.advance(Duration.ofHours(1));
        fixture.edit("m4", "Entscheidung: Wir zeichnen NICHT mit.", fixture.clock.instant());
        assertThat(records.changedAfterMarkCount(id)).isEqualTo(1);
        fixture.clock.advance(Duration.ofMinutes(5));
        Path addendum = records.exportAddendum(id, out);

        assertThat(addendum).isNotEqualTo(original);
        assertThat(java.nio.file.Files.readAllBytes(original)).isEqualTo(originalBytes);
        assertThat(new ExportVerifier().verify(original).intact()).isTrue();
        assertThat(new ExportVerifier().verify(addendum).intact()).isTrue();

        ExportedPackage added = ExportedPackage.read(addendum);
        JsonNode json = new ObjectMapper().readTree(added.endingWith("_messages.json"));
        assertThat(json.at("/addendumTo/package").asText())
                .isEqualTo(original.getFileName().toString());
        assertThat(original.getFileName().toString())
                .startsWith(json.at("/addendumTo/processId").asText() + "_");
        assertThat(json.at("/period/messageCount").asInt()).isEqualTo(1);
        assertThat(json.at("/messages").size()).isEqualTo(1);
        assertThat(json.at("/messages/0/id").asText()).isEqualTo("m4");
        assertThat(json.at("/messages/0/text").asText()).isEqualTo("Entscheidung: Wir zeichnen mit.");
        assertThat(json.at("/messages/0/changedAfterMark/newText").asText())
                .isEqualTo("Entscheidung: Wir zeichnen NICHT mit.");
        JsonNode first =
                new ObjectMapper().readTree(ExportedPackage.read(original).endingWith("_messages.json"));
        assertThat(first.get("addendumTo").isNull()).isTrue();
        assertThat(first.at("/messages").size()).isEqualTo(3);

        byte[] xml = added.endingWith("_FVDaten.SGOAblegen.0605.xml");
        assertThat(org.vermerk.app.records.xdomea.Xdomea0605Schema.load()
                        .validate(new java.io.ByteArrayInputStream(xml)))
                .isEmpty();
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("Nachtrag: Größenänderung der Rechenzentrumsfläche")
                .contains(json.at("/addendumTo/processId").asText())
                .contains("Nachtrag zum Chatprotokoll");

        assertThat(records.auditTrail(id))
                .extracting(AuditTrailEntry::action, AuditTrailEntry::detail)
                .containsExactly(
                        tuple(AuditTrailEntry.Action.MARKED, "12-345/2026"),
                        tuple(
                                AuditTrailEntry.Action.EXPORTED,
                                original.getFileName().toString()),
                        tuple(
                                AuditTrailEntry.Action.ADDENDUM_EXPORTED,
                                addendum.getFileName().toString()));
        assertThat(records.find(id).mark().history())
                .extracting(MarkEvent::action)
                .containsExactly("markiert", "exportiert", "Nachtrag exportiert");
        assertThat(records.find(id).state()).isEqualTo(MarkState.EXPORTED);

        // a second addendum names the same original export, not the first addendum
        Path second = records.exportAddendum(id, out);
        JsonNode secondJson =
                new ObjectMapper().readTree(ExportedPackage.read(second).endingWith("_messages.json"));
        assertThat(secondJson.at("/addendumTo/package").asText())
                .isEqualTo(original.getFileName().toString());
    }

    @Test
    void theAuditTrailNamesEachChangedFieldWithoutLanguage() throws Exception {
        String id = records.mark(range("m1", "m2")).mark().id();
        records.change(id, new MarkChange("12-345/2026", "Neuer Betreff", "Entscheidung zur Mitzeichnung", true));
        records.withdraw(id);

        assertThat(records.auditTrail(id))
                .extracting(
                        AuditTrailEntry::actorUserId,
                        AuditTrailEntry::action,
                        AuditTrailEntry::field,
                        AuditTrailEntry::oldValue,
                        AuditTrailEntry::newValue)
                .containsExactly(
                        tuple(RecordFixtures.ANNA, AuditTrailEntry.Action.MARKED, Optional.empty(), "", ""),
                        tuple(
                                RecordFixtures.ANNA,
                                AuditTrailEntry.Action.CHANGED,
                                Optional.of(AuditTrailEntry.MarkField.SUBJECT),
                                "Größenänderung der Rechenzentrumsfläche",
                                "Neuer Betreff"),
                        tuple(RecordFixtures.ANNA, AuditTrailEntry.Action.WITHDRAWN, Optional.empty(), "", ""));
        assertThatThrownBy(() -> records.exportAddendum(id, dir.resolve("out")))
                .isInstanceOf(MarkNotFoundException.class);
    }

    @Test
    void aLongRangeIsReadPageByPageInTheServersOrder() throws Exception {
        int count = 2 * StoredMessages.PAGE + 1;
        org.vermerk.keystore.Transition.Builder t =
                org.vermerk.keystore.Transition.forConversation(StoreFixture.CONVERSATION);
        for (int i = 0; i < count; i++) {
            t.addMessage(org.vermerk.keystore.Message.of(
                    "long-" + i,
                    StoreFixture.CONVERSATION,
                    100L + i,
                    RecordFixtures.BERND,
                    "d",
                    StoreFixture.START.plusSeconds(i),
                    StoreFixture.START.plusSeconds(i),
                    "{\"text\":\"Nummer " + i + "\"}",
                    null,
                    org.vermerk.keystore.DeliveryState.RECEIVED));
        }
        fixture.store.apply(t.build());
        String id = records.mark(range("long-0", "long-" + (count - 1))).mark().id();

        assertThat(records.find(id).messageCount()).isEqualTo(count);
        List<String> texts;
        try (var stream = records.request(id).messages().open()) {
            texts = stream.map(RecordedMessage::text).toList();
        }
        assertThat(texts).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(texts.get(i)).isEqualTo("Nummer " + i);
        }
    }

    @Test
    void rangesThatCannotBeMarkedAndUnknownMarksAreTypedErrors() throws Exception {
        assertThatThrownBy(() -> records.mark(range("m4", "m2"))).isInstanceOf(MarkRangeException.class);
        assertThatThrownBy(() -> records.mark(range("m1", "x1"))).isInstanceOf(MarkRangeException.class);
        assertThatThrownBy(() -> records.mark(range("m1", "m9"))).isInstanceOf(MarkRangeException.class);
        assertThatThrownBy(() -> records.find("nope")).isInstanceOf(MarkNotFoundException.class);
        assertThatThrownBy(() -> records.export("nope", dir)).isInstanceOf(MarkNotFoundException.class);
        assertThatThrownBy(() -> new MarkRequest(StoreFixture.CONVERSATION, "m1", "m1", " ", "S", "", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(records.list(MarkFilter.all())).isEmpty();
    }

    @Test
    void aWithdrawnMarkIsListedAsSuchAndCannotBeExported() throws Exception {
        String id = records.mark(range("m1", "m1")).mark().id();
        records.withdraw(id);

        assertThat(records.find(id).state()).isEqualTo(MarkState.WITHDRAWN);
        assertThat(records.list(MarkFilter.all())).isEmpty();
        assertThat(records.list(MarkFilter.inState(MarkState.WITHDRAWN)))
                .extracting(MarkOverview::id)
                .containsExactly(id);
        assertThatThrownBy(() -> records.export(id, dir)).isInstanceOf(MarkNotFoundException.class);
        assertThat(records.find(id).mark().history())
                .extracting(MarkEvent::action)
                .containsExactly("markiert", "zurückgezogen");
    }

    @Test
    void theListFiltersByConversationFileReferenceAndTime() throws Exception {
        String first = records.mark(range("m1", "m2")).mark().id();
        fixture.clock.advance(Duration.ofHours(1));
        String other = records.mark(MarkRequest.single(StoreFixture.OTHER, "x1", "99-1/2026", "Mittag", "", false))
                .mark()
                .id();
        fixture.clock.advance(Duration.ofHours(1));
        String last = records.mark(range("m5", "m5")).mark().id();

        assertThat(records.list(MarkFilter.all())).extracting(MarkOverview::id).containsExactly(last, other, first);
        assertThat(records.list(MarkFilter.all().inConversation(StoreFixture.CONVERSATION)))
                .extracting(MarkOverview::id)
                .containsExactly(last, first);
        assertThat(records.list(MarkFilter.all().withFileReferenceContaining("99-")))
                .extracting(MarkOverview::id, MarkOverview::classification)
                .containsExactly(tuple(other, Classification.OPEN));
        assertThat(records.list(MarkFilter.all()
                        .markedBetween(
                                fixture.clock.instant().minus(Duration.ofMinutes(90)),
                                fixture.clock.instant().minus(Duration.ofMinutes(30)))))
                .extracting(MarkOverview::id)
                .containsExactly(other);
        assertThat(Optional.of(records.find(first).conversationId())).contains(StoreFixture.CONVERSATION);
    }

    @Test
    void aRecordOfAConversationWithoutTitleNamesItByItsParticipants() {
        List<Participant> people = List.of(
                new Participant("anna@bmi.example", "Anna Schmidt", VerificationState.VERIFIED),
                new Participant("ben@bmi.example", "Ben Weber", VerificationState.VERIFIED));
        assertThat(RecordsService.shownTitle("", people)).isEqualTo("Anna Schmidt, Ben Weber");
        assertThat(RecordsService.shownTitle(" ", people)).isEqualTo("Anna Schmidt, Ben Weber");
        assertThat(RecordsService.shownTitle("Referat Z 3", people)).isEqualTo("Referat Z 3");
    }
}
