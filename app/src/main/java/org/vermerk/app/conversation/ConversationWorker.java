package org.vermerk.app.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.connection.ServerErrorException;
import org.vermerk.app.outbox.OutboxRequests;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.GroupState;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.Member;
import org.vermerk.keystore.Message;
import org.vermerk.keystore.OutboxEntry;
import org.vermerk.keystore.PendingCommit;
import org.vermerk.keystore.Transition;
import org.vermerk.keystore.TransitionResult;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.group.CreatedCommit;
import org.vermerk.protocol.group.Group;
import org.vermerk.protocol.group.ProcessedMessage;
import org.vermerk.protocol.keypackage.KeyPackage;
import org.vermerk.protocol.messages.Remove;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.DeliveryKind;
import org.vermerk.protocol.wire.ErrorCode;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * All work on one conversation, on one thread: processing what arrives for its group, sending,
 * and committing membership changes. Tasks run in submission order; deliveries wait in {@link
 * #inbox} and are drained before each task and while a commit waits for the epoch that beat it.
 *
 * <p>Fields other than {@link #inbox} are touched only by the worker thread.
 */
final class ConversationWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationWorker.class);
    private static final int COMMIT_ATTEMPTS = 8;
    private static final Duration EPOCH_WAIT = Duration.ofSeconds(15);

    /** How often a resume asks again after {@code rate_limited} or {@code internal}, and its first pause. */
    private static final int RESEND_ATTEMPTS = 5;

    private static final Duration RESEND_BACKOFF_FIRST = Duration.ofSeconds(1);

    /** First and longest pause before a delivery that our own store could not take is tried again. */
    private static final Duration STORE_RETRY_FIRST = Duration.ofMillis(500);

    private static final Duration STORE_RETRY_MAX = Duration.ofSeconds(30);

    private final ConversationEngine engine;
    private final String conversationId;
    private final Bytes groupId;
    private final ExecutorService thread;

    /** Deliveries for this group in server order; filled by the engine from any thread. */
    private final BlockingQueue<ServerFrame.Deliver> inbox = new LinkedBlockingQueue<>();

    /** The live group, loaded on first use; null when not loaded. */
    private Group group;

    /** The stored state the live group was loaded from or last stored as. */
    private long revision;

    /** False once we were removed. */
    private boolean active = true;

    /**
     * Our own commit whose outcome is not stored yet (ADR 0029), loaded with {@link #group}; null
     * when there is none. While it is set the live group is the stored state before the commit.
     */
    private PendingCommit pending;

    /** The client message ID of the last pending commit of ours that was merged; null before. */
    private String lastMerged;

    /** Received messages to confirm as delivered, sent as one receipt when the inbox is drained. */
    private final Receipts receipts = new Receipts();

    ConversationWorker(ConversationEngine engine, String conversationId, Bytes groupId) {
        this.engine = engine;
        this.conversationId = conversationId;
        this.groupId = groupId;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform()
                .name("vermerk-conv-" + conversationId.substring(0, 8))
                .daemon()
                .factory());
    }

    String conversationId() {
        return conversationId;
    }

    /** A newly created or joined group, stored already at {@code storedRevision}. */
    void adopt(Group created, long storedRevision) {
        this.group = created;
        this.revision = storedRevision;
        forgetPending(); // the engine's transition that stored the group dropped the row too
    }

    // ---- entry points (any thread) ----

    void deliver(ServerFrame.Deliver delivery) {
        inbox.add(delivery);
        submit(() -> {
            drainInbox();
            sendReceipts();
            return null;
        });
    }

    /**
     * Confirms what was stored since the last receipt with one {@code delivered} receipt (through
     * the outbox, like any message). Runs only between tasks, never while a commit of ours is
     * pending, so it is encrypted for the epoch the group is in. A receipt that cannot be made is
     * logged and given up: the sender's message stays "sent", nothing else is lost.
     */
    private void sendReceipts() {
        List<String> targets;
        while (!(targets = receipts.take()).isEmpty() && active) {
            List<String> batch = targets;
            try {
                send((id, now) -> new Payload.Receipt(id, now, Payload.Receipt.Status.DELIVERED, batch));
            } catch (Exception e) {
                LOG.warn(
                        "event=delivered_receipt_failed conversation={} messages={} error={}",
                        conversationId,
                        batch.size(),
                        e.getClass().getSimpleName());
                return;
            }
        }
    }

    <T> Future<T> submit(Callable<T> task) {
        return thread.submit(() -> {
            drainInbox();
            return task.call();
        });
    }

    // ---- receiving ----

    private void drainInbox() {
        ServerFrame.Deliver next;
        while ((next = inbox.poll()) != null) {
            processOne(next);
        }
    }

    /** Waits for deliveries until the group reached {@code epoch} (or the wait ran out). */
    private void awaitEpoch(long epoch) throws InterruptedException, ConversationException, KeystoreException {
        long deadline = System.nanoTime() + EPOCH_WAIT.toNanos();
        while (group().epoch() < epoch && active) {
            long left = deadline - System.nanoTime();
            ServerFrame.Deliver next = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                throw new ConversationException("conversation " + conversationId + " did not receive epoch " + epoch);
            }
            processOne(next);
        }
    }

    private void processOne(ServerFrame.Deliver delivery) {
        Duration pause = STORE_RETRY_FIRST;
        while (true) {
            try {
                long done = engine.keystore().sync().cursor(logStream()).orElse(-1);
                if (delivery.logIndex() == null || delivery.logIndex() <= done || !active) {
                    // A repeat (stored already) or nothing to do any more: it must still count as
                    // done, or it stays "in flight", the cumulative ack stops below it and the
                    // server's send window fills up until the next reconnect.
                    break;
                }
                process(delivery);
                break;
            } catch (KeystoreException e) {
                // Our own store failed (a full disk, a locked or failing file), not the frame: it
                // must not be skipped, and nothing after it in this group may overtake it (the
                // cursor would pass it). Keep it and retry from the stored state until the store
                // takes it; the conversation waits, the others go on.
                group = null;
                LOG.error(
                        "event=delivery_store_failed conversation={} seq={} logIndex={} error={} retry_in_ms={}",
                        conversationId,
                        delivery.seq(),
                        delivery.logIndex(),
                        e.getClass().getSimpleName(),
                        pause.toMillis());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt(); // closing: not acknowledged, comes again
                    engine.completed(delivery.seq(), false);
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(STORE_RETRY_MAX) > 0 ? STORE_RETRY_MAX : pause.multipliedBy(2);
            } catch (Exception e) {
                reject(delivery, e);
                return;
            }
        }
        engine.completed(delivery.seq(), true);
    }

    /** A frame that does not verify or decrypt is skipped, and the conversation goes on. */
    private void reject(ServerFrame.Deliver delivery, Exception e) {
        String reason =
                e instanceof MlsException mls ? mls.rule().id() : e.getClass().getSimpleName();
        LOG.warn(
                "event=delivery_rejected conversation={} seq={} logIndex={} error={} reason={}",
                conversationId,
                delivery.seq(),
                delivery.logIndex(),
                e.getClass().getSimpleName(),
                reason);
        try {
            Transition.Builder t = Transition.forConversation(conversationId)
                    .syncCursor(logStream(), delivery.logIndex() == null ? 0 : delivery.logIndex());
            boolean lost = takesPendingEpoch(delivery);
            if (lost) {
                t.dropPendingCommit(); // another commit took the epoch, even if we cannot read it
            }
            engine.keystore().apply(t.build());
            if (lost) {
                forgetPending();
            }
        } catch (KeystoreException k) {
            LOG.error("event=cursor_store_failed conversation={}", conversationId);
            engine.completed(delivery.seq(), false);
            return;
        }
        engine.listener().onMessageRejected(conversationId, delivery.logIndex(), reason);
        engine.completed(delivery.seq(), true);
    }

    /** Whether {@code delivery} is another member's commit for the epoch of our pending commit. */
    private boolean takesPendingEpoch(ServerFrame.Deliver delivery) {
        return pending != null
                && delivery.kind() == DeliveryKind.COMMIT
                && delivery.epoch() != null
                && delivery.epoch() == pending.epoch();
    }

    private void process(ServerFrame.Deliver delivery) throws Exception {
        group();
        if (pending != null && delivery.epoch() != null && delivery.epoch() > pending.epoch()) {
            // The group's log went on past the epoch of our commit without another commit for it
            // reaching us. That alone is no proof that ours won: the winner may have aged out of
            // our queue (retention) or be one we could not read. Only a message that the state
            // after our merge can process is (RFC 9420 §6.1, §6.2: it is bound to that epoch's
            // secrets, which a fork does not share); then ours won (ADR 0029).
            if (readableAfterOurMerge(delivery)) {
                adoptPending("log");
            } else {
                LOG.warn(
                        "event=pending_commit_not_adopted conversation={} epoch={} logIndex={} deliveryEpoch={}",
                        conversationId,
                        pending.epoch(),
                        delivery.logIndex(),
                        delivery.epoch());
            }
        }
        Group g = group();
        boolean lost = takesPendingEpoch(delivery);
        MlsMessage message = decode(delivery.message());
        ProcessedMessage processed = g.process(message);
        Transition.Builder t = Transition.forConversation(conversationId).syncCursor(logStream(), delivery.logIndex());
        List<Runnable> events = new ArrayList<>();
        Payload.Info info = null;
        switch (processed) {
            case ProcessedMessage.ApplicationMessage app -> {
                String sender = userOf(app.member().credential());
                Payload payload = Payload.parse(app.plaintext().toByteArray());
                if (!app.authenticatedData().equals(Bytes.of(payload.id().getBytes(StandardCharsets.UTF_8)))) {
                    throw new ConversationException("authenticated data and payload id differ");
                }
                Instant received = Instant.ofEpochMilli(delivery.receivedAtMillis());
                Message stored = Message.of(
                        payload.id(),
                        conversationId,
                        delivery.logIndex(),
                        sender,
                        delivery.senderDeviceId(),
                        payload.sentAt(),
                        received,
                        payload.json(),
                        payload.searchText().orElse(null),
                        DeliveryState.RECEIVED);
                switch (payload) {
                    case Payload.Edit edit -> {
                        Optional<Message> target = engine.keystore().messages().find(edit.target());
                        if (target.isPresent() && target.get().senderUserId().equals(sender)) {
                            t.editMessage(edit.target(), edit.json(), edit.text(), edit.sentAt());
                            events.add(() -> engine.listener()
                                    .onDeliveryState(
                                            conversationId,
                                            edit.target(),
                                            target.get().deliveryState()));
                        }
                    }
                    case Payload.Delete delete -> {
                        Optional<Message> target = engine.keystore().messages().find(delete.target());
                        if (target.isPresent() && target.get().senderUserId().equals(sender)) {
                            t.editMessage(delete.target(), delete.json(), null, delete.sentAt());
                            events.add(() -> engine.listener()
                                    .onDeliveryState(
                                            conversationId,
                                            delete.target(),
                                            target.get().deliveryState()));
                        }
                    }
                    case Payload.Receipt receipt -> {
                        DeliveryState state = receipt.status() == Payload.Receipt.Status.READ
                                ? DeliveryState.READ
                                : DeliveryState.DELIVERED;
                        // Our own other device reading or getting our message says nothing to us.
                        List<String> targets = sender.equals(engine.userId()) ? List.of() : receipt.targets();
                        for (String target : targets) {
                            Optional<Message> own = engine.keystore().messages().find(target);
                            if (own.isPresent()
                                    && own.get().senderUserId().equals(engine.userId())
                                    && own.get().deliveryState().ordinal() < state.ordinal()) {
                                t.deliveryState(target, state);
                                events.add(() -> engine.listener().onDeliveryState(conversationId, target, state));
                            }
                        }
                    }
                    case Payload.KeyChanged forged ->
                        throw new ConversationException("a key-change warning is made locally, never received");
                    case Payload.HistoryNote forged ->
                        throw new ConversationException("a history note is made locally, never received");
                    default -> {
                        if (payload instanceof Payload.Info i) {
                            info = i;
                        }
                        if (payload instanceof Payload.File file) {
                            if (!file.uploaded()) {
                                throw new ConversationException("a file arrived without its blob");
                            }
                            // Message IDs come from the sender: a file whose ID is taken (a repeat,
                            // or a member reusing another message's ID) must not replace the
                            // stored attachment's key and blob (the message itself is not stored
                            // twice either).
                            if (engine.keystore().messages().find(file.id()).isEmpty()) {
                                t.attachment(FileMessages.received(file));
                            }
                        }
                        t.addMessage(stored);
                        events.add(() -> engine.listener().onMessage(stored));
                        if (Receipts.confirms(payload) && !sender.equals(engine.userId())) {
                            events.add(() -> receipts.add(payload.id()));
                        }
                    }
                }
            }
            case ProcessedMessage.ProposalMessage proposal -> {
                // Kept in the group until a commit covers it. A member asking to leave
                // (a Remove of its own leaf) is committed by whoever of the others is first.
                if (proposal.proposal() instanceof Remove remove
                        && proposal.sender() instanceof Sender.Member(LeafIndex from)
                        && remove.removed().equals(from)
                        && !from.equals(g.ownLeaf())) {
                    Bytes leaverKey = g.members().stream()
                            .filter(m -> m.leafIndex().equals(from))
                            .map(org.vermerk.protocol.group.Member::signatureKey)
                            .findFirst()
                            .orElse(null);
                    String leaverDevice = delivery.senderDeviceId();
                    events.add(() -> thread.execute(() -> commitLeave(leaverKey, leaverDevice)));
                }
            }
            case ProcessedMessage.CommitMessage commit -> {
                if (lost) {
                    t.dropPendingCommit(); // this commit took the epoch ours was made for
                }
                g.mergeStagedCommit(commit.staged());
                if (!g.isActive()) {
                    active = false;
                    events.add(() -> engine.listener().onRemoved(conversationId));
                } else {
                    t.members(members(g));
                    events.add(this::conversationChanged);
                    events.add(() -> observeKeys(g));
                }
            }
        }
        store(t);
        if (lost && processed instanceof ProcessedMessage.CommitMessage) {
            forgetPending();
            LOG.info("event=pending_commit_lost conversation={} epoch={}", conversationId, g.epoch());
        }
        if (info != null) {
            engine.keystore().conversations().rename(conversationId, info.title());
            Optional<String> marking;
            try {
                marking = ClassificationLabel.check(info.classification().orElse(null));
            } catch (ConversationException e) {
                marking = Optional.empty(); // a malformed marking is not shown; the title still counts
                LOG.warn("event=classification_ignored conversation={}", conversationId);
            }
            if (marking.isPresent()) {
                engine.keystore().conversations().setClassification(conversationId, marking.get());
            }
            events.add(this::conversationChanged);
        }
        events.forEach(Runnable::run);
    }

    // ---- sending ----

    /** Encrypts the payload made from a fresh message ID and the time, stores it with the outbox entry, and wakes the pump. */
    Message send(PayloadMaker maker) throws Exception {
        requireActive();
        Group g = group();
        String id = UUID.randomUUID().toString();
        Instant now = engine.clock().instant();
        Payload payload = maker.make(id, now);
        ClientRequest request = encrypt(g, payload);
        Message message = Message.of(
                id,
                conversationId,
                null,
                engine.userId(),
                engine.deviceId(),
                now,
                now,
                payload.json(),
                payload.searchText().orElse(null),
                DeliveryState.PENDING);
        Transition.Builder t = Transition.forConversation(conversationId)
                .addMessage(message)
                .enqueue(OutboxRequests.entry(conversationId, id, request));
        store(t);
        engine.listener().onMessage(message);
        engine.wakeOutbox();
        return message;
    }

    /**
     * Stores an own file message with its attachment row, held back from the outbox while its blob
     * uploads ({@link FileMessages}); the listener sees it as PENDING.
     */
    Message hold(PayloadMaker maker) throws Exception {
        requireActive();
        String id = UUID.randomUUID().toString();
        Instant now = engine.clock().instant();
        if (!(maker.make(id, now) instanceof Payload.File file) || file.uploaded()) {
            throw new IllegalArgumentException("only a file not yet uploaded is held");
        }
        Message message = Message.of(
                id,
                conversationId,
                null,
                engine.userId(),
                engine.deviceId(),
                now,
                now,
                file.json(),
                file.searchText().orElse(null),
                DeliveryState.PENDING);
        store(Transition.forConversation(conversationId).addMessage(message).attachment(FileMessages.held(file)));
        engine.listener().onMessage(message);
        return message;
    }

    /**
     * Sends a held file message now that its blob is uploaded: its content gets the blob ID, the
     * attachment row leaves UPLOADING and the outbox entry is written, in one transition (so after a
     * crash the message is either still held, and uploaded again, or in the outbox, never both).
     */
    Message release(String messageId, String blobId) throws Exception {
        requireActive();
        Message held = engine.keystore()
                .messages()
                .find(messageId)
                .orElseThrow(() -> new ConversationException("no message " + messageId));
        if (!(Payload.parse(held.content()) instanceof Payload.File file) || file.uploaded()) {
            throw new ConversationException("message " + messageId + " is not a held file");
        }
        Payload.File sent = file.withBlob(blobId);
        ClientRequest request = encrypt(group(), sent);
        store(Transition.forConversation(conversationId)
                .completeContent(messageId, sent.json())
                .attachment(FileMessages.uploaded(sent))
                .enqueue(OutboxRequests.entry(conversationId, messageId, request)));
        engine.listener().onDeliveryState(conversationId, messageId, DeliveryState.PENDING);
        engine.wakeOutbox();
        return engine.keystore().messages().find(messageId).orElseThrow();
    }

    /** A held file message whose blob cannot be uploaded: FAILED, and the row too. */
    Void failHeld(String messageId) throws Exception {
        Message held = engine.keystore().messages().find(messageId).orElse(null);
        if (held == null || !(Payload.parse(held.content()) instanceof Payload.File file)) {
            return null;
        }
        store(Transition.forConversation(conversationId)
                .attachment(FileMessages.failed(file))
                .deliveryState(messageId, DeliveryState.FAILED));
        engine.listener().onDeliveryState(conversationId, messageId, DeliveryState.FAILED);
        return null;
    }

    private ClientRequest encrypt(Group g, Payload payload) throws MlsException {
        MlsMessage encrypted = g.encrypt(payload.bytes(), Bytes.of(payload.id().getBytes(StandardCharsets.UTF_8)));
        return new ClientRequest.SendMessage("outbox", groupId, g.epoch(), payload.id(), Bytes.of(encrypted.encoded()));
    }

    /** The server refused an outbox entry of ours: re-encrypt it for the current epoch, or give it up. */
    Void refused(OutboxEntry entry, ServerErrorException error) throws Exception {
        if (entry.messageId() == null) {
            return null;
        }
        Optional<Message> message = engine.keystore().messages().find(entry.messageId());
        if (error.code() == ErrorCode.STALE_EPOCH && active && message.isPresent()) {
            // Encrypted while a commit of ours was undecided: that commit may be what moved the epoch.
            resumePendingCommit();
            Group g = group();
            if (error.currentEpoch().isPresent()) {
                awaitEpoch(error.currentEpoch().get());
            }
            Payload payload = Payload.parse(message.get().content());
            store(Transition.forConversation(conversationId)
                    .dequeue(entry.id())
                    .enqueue(OutboxRequests.entry(conversationId, payload.id(), encrypt(g, payload))));
            LOG.info("event=message_reencrypted conversation={} epoch={}", conversationId, g.epoch());
            engine.wakeOutbox();
        } else if (error.code() == ErrorCode.STALE_EPOCH || error.code() == ErrorCode.NOT_MEMBER) {
            engine.keystore()
                    .apply(Transition.forConversation(conversationId)
                            .dequeue(entry.id())
                            .deliveryState(entry.messageId(), DeliveryState.FAILED)
                            .build());
            engine.listener().onDeliveryState(conversationId, entry.messageId(), DeliveryState.FAILED);
        }
        return null;
    }

    // ---- membership ----

    /**
     * Adds all devices of {@code userIds} (our own other devices too, when {@code userIds} has us);
     * false when there was nobody to add. With {@code announce} the merge's transition tells the
     * group its title and marking (for the new members).
     */
    boolean addPeople(List<String> userIds, boolean announce) throws Exception {
        return commitWithRetry(announce, g -> {
            Set<Bytes> present = new LinkedHashSet<>();
            g.members().forEach(m -> present.add(m.signatureKey()));
            List<KeyPackage> keyPackages = new ArrayList<>();
            List<String> devices = new ArrayList<>();
            for (String userId : new LinkedHashSet<>(userIds)) {
                ServerFrame.KeyPackagesClaimed claimed = engine.request(
                        id -> new ClientRequest.ClaimKeyPackages(id, userId), ServerFrame.KeyPackagesClaimed.class);
                for (ServerFrame.ClaimedKeyPackage c : claimed.keyPackages()) {
                    if (!(decode(c.keyPackage()) instanceof MlsMessage.OfKeyPackage(KeyPackage kp))) {
                        continue;
                    }
                    if (!userOf(kp.leafNode().credential()).equals(userId)
                            || present.contains(kp.leafNode().signatureKey())) {
                        continue; // not this user's, or the device is in the group already
                    }
                    keyPackages.add(kp);
                    devices.add(c.deviceId());
                }
            }
            if (keyPackages.isEmpty()) {
                return null;
            }
            return new Intent(g.addMembers(keyPackages), devices, List.of());
        });
    }

    /**
     * Adds those of our own devices {@code deviceIds} (ID → signature key, from the directory) that
     * are not in the group yet (a device of ours enrolled later, ADR 0022); claims KeyPackages only
     * when one of them is missing. Returns false when there was nothing to do: we are no longer a
     * member, or every one of them is in already (another of our devices was first; its commit won
     * the epoch and ours was made again from the new one, which then had nothing to add).
     */
    boolean addOwnDevices(java.util.Map<String, Bytes> deviceIds, boolean announce) throws Exception {
        if (!active || !group().isActive()) {
            return false;
        }
        String self = engine.userId();
        return commitWithRetry(announce, g -> {
            Set<Bytes> present = new LinkedHashSet<>();
            g.members().forEach(m -> present.add(m.signatureKey()));
            if (present.containsAll(deviceIds.values())) {
                // All there (a sibling was first): claim nothing. The server hands out a one-time
                // KeyPackage of every device of ours but this one per claim, so a claim here
                // would use up our siblings' packages for nothing.
                return null;
            }
            ServerFrame.KeyPackagesClaimed claimed = engine.request(
                    id -> new ClientRequest.ClaimKeyPackages(id, self), ServerFrame.KeyPackagesClaimed.class);
            List<KeyPackage> keyPackages = new ArrayList<>();
            List<String> devices = new ArrayList<>();
            for (ServerFrame.ClaimedKeyPackage c : claimed.keyPackages()) {
                if (!deviceIds.containsKey(c.deviceId())
                        || !(decode(c.keyPackage()) instanceof MlsMessage.OfKeyPackage(KeyPackage kp))) {
                    continue;
                }
                if (userOf(kp.leafNode().credential()).equals(self)
                        && !present.contains(kp.leafNode().signatureKey())) {
                    keyPackages.add(kp);
                    devices.add(c.deviceId());
                }
            }
            if (keyPackages.isEmpty()) {
                return null;
            }
            return new Intent(g.addMembers(keyPackages), devices, List.of());
        });
    }

    /** Commits a member's request to leave, unless another member did so first. */
    private void commitLeave(Bytes leaverKey, String leaverDevice) {
        try {
            commitWithRetry(false, g -> {
                boolean stillThere =
                        g.members().stream().anyMatch(m -> m.signatureKey().equals(leaverKey));
                if (!stillThere || !active) {
                    return null;
                }
                return new Intent(g.selfUpdate(), List.of(), List.of(leaverDevice));
            });
        } catch (Exception e) {
            LOG.warn(
                    "event=leave_commit_failed conversation={} error={}",
                    conversationId,
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Asks to leave: sends a Remove of our own leaf as a proposal, which another member commits
     * (MLS does not let a member commit its own removal). We stay a member until then.
     */
    Void leave() throws Exception {
        requireActive();
        for (int attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
            drainInbox();
            requirePendingDecided();
            requireActive();
            Group g = group();
            long epoch = g.epoch();
            MlsMessage proposal = g.leave();
            store(Transition.forConversation(conversationId));
            String clientMessageId = UUID.randomUUID().toString();
            try {
                engine.request(
                        id -> new ClientRequest.SendMessage(
                                id, groupId, epoch, clientMessageId, Bytes.of(proposal.encoded())),
                        ServerFrame.Accepted.class);
                engine.keystore().conversations().setArchived(conversationId, true);
                LOG.info("event=leave_requested conversation={} epoch={}", conversationId, epoch);
                return null;
            } catch (ServerErrorException e) {
                if (e.code() != ErrorCode.STALE_EPOCH) {
                    throw e;
                }
                awaitEpoch(e.currentEpoch().orElse(epoch + 1));
            }
        }
        throw new ConversationException("conversation " + conversationId + ": could not ask to leave");
    }

    /** Removes all devices of {@code userIds}. */
    Void removePeople(List<String> userIds) throws Exception {
        commitWithRetry(false, g -> {
            List<LeafIndex> leaves = new ArrayList<>();
            List<String> devices = new ArrayList<>();
            for (String userId : new LinkedHashSet<>(userIds)) {
                List<org.vermerk.protocol.group.Member> theirs = g.members().stream()
                        .filter(m -> userOf(m.credential()).equals(userId))
                        .filter(m -> !m.leafIndex().equals(g.ownLeaf()))
                        .toList();
                if (theirs.isEmpty()) {
                    continue;
                }
                ServerFrame.Devices known =
                        engine.request(id -> new ClientRequest.ListDevices(id, userId), ServerFrame.Devices.class);
                for (var member : theirs) {
                    leaves.add(member.leafIndex());
                    known.devices().stream()
                            .filter(d -> d.signatureKey().equals(member.signatureKey()))
                            .forEach(d -> devices.add(d.deviceId()));
                }
            }
            if (leaves.isEmpty()) {
                return null;
            }
            return new Intent(g.removeMembers(leaves), List.of(), devices);
        });
        return null;
    }

    /** A commit made from the current epoch, with the devices the server should add or remove. */
    record Intent(CreatedCommit commit, List<String> addDevices, List<String> removeDevices) {}

    @FunctionalInterface
    interface IntentMaker {
        /** The commit to send, or null when there is nothing (left) to do. */
        Intent make(Group group) throws Exception;
    }

    @FunctionalInterface
    interface PayloadMaker {
        Payload make(String id, Instant now);
    }

    /**
     * Makes the commit, sends it, and merges it when accepted. When another commit won the epoch,
     * discards ours, processes the winner and makes the intent again from the new epoch.
     *
     * <p>Before the request goes out, the commit and the state its merge leads to are stored as
     * the conversation's pending commit (ADR 0029); the merge or the loss drops it in the same
     * transition that stores its outcome. When the answer does not come (the connection failed) the
     * outcome is unknown: the pending commit stays and is decided when we are online again.
     *
     * @param announce whether a commit that adds someone tells the group its title and marking in
     *     the merge's transition
     */
    private boolean commitWithRetry(boolean announce, IntentMaker maker) throws Exception {
        requireActive();
        for (int attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
            drainInbox();
            requirePendingDecided();
            requireActive();
            Group g = group();
            long epoch = g.epoch();
            Intent intent = maker.make(g);
            if (intent == null) {
                return false;
            }
            ClientRequest.SendCommit request = new ClientRequest.SendCommit(
                    "commit",
                    groupId,
                    epoch,
                    UUID.randomUUID().toString(),
                    Bytes.of(intent.commit().commit().encoded()),
                    intent.commit().welcome().map(w -> Bytes.of(w.encoded())).orElse(null),
                    intent.addDevices(),
                    intent.removeDevices());
            keepPending(g, request, announce && !intent.addDevices().isEmpty());
            engine.commitProbe().beforeSend(conversationId);
            if (decidePending(intent.addDevices().size(), intent.removeDevices().size(), false)) {
                return true;
            }
        }
        throw new ConversationException(
                "conversation " + conversationId + ": the commit lost " + COMMIT_ATTEMPTS + " times in a row");
    }

    /**
     * Stores the pending commit: merges the live group's commit only to write the state it leads
     * to, then goes back to the stored state before it (the next epoch's secrets live only in the
     * encrypted store until the server decides). A member cannot process its own commit (RFC 9420
     * §12.4.2), so this state is the only way into the epoch the commit starts.
     */
    private void keepPending(Group g, ClientRequest.SendCommit request, boolean announce)
            throws KeystoreException, ConversationException {
        g.mergePendingCommit();
        Secret merged = Secret.wrap(GroupStates.encode(g));
        group = null; // the stored state before the commit is the live one until the verdict
        try {
            engine.keystore()
                    .apply(Transition.forConversation(conversationId)
                            .pendingCommit(new PendingCommit(
                                    conversationId,
                                    request.epoch(),
                                    request.clientMessageId(),
                                    OutboxRequests.stored(request),
                                    GroupStates.FORMAT_VERSION,
                                    merged,
                                    announce))
                            .build());
        } finally {
            merged.destroy();
        }
        group();
        if (pending == null || !pending.clientMessageId().equals(request.clientMessageId())) {
            throw new ConversationException("conversation " + conversationId + ": the pending commit was not kept");
        }
    }

    /**
     * Sends the pending commit's request (again: the server answers a client message ID it knows
     * with its verdict, before it looks at the epoch) and stores the outcome. True when the commit
     * is merged; false when another commit took its epoch (processed by now, so the caller can make
     * its intent again). Only a definitive answer drops the record (ADR 0029): a connection failure,
     * {@code rate_limited} (the frame was not read) and {@code internal} (the append may have been
     * committed before the server failed) leave it as it is and are thrown.
     *
     * @param resend whether the request may have reached the server before (a resume after a crash
     *     or a lost answer), as opposed to its first send with a fresh client message ID
     */
    private boolean decidePending(int added, int removed, boolean resend) throws Exception {
        PendingCommit p = pending;
        ClientRequest.SendCommit stored = OutboxRequests.storedCommit(p.request(), "commit");
        ServerFrame.Accepted accepted;
        try {
            accepted = engine.request(
                    id -> new ClientRequest.SendCommit(
                            id,
                            stored.groupId(),
                            stored.epoch(),
                            stored.clientMessageId(),
                            stored.message(),
                            stored.welcome(),
                            stored.addDevices(),
                            stored.removeDevices()),
                    ServerFrame.Accepted.class);
        } catch (ServerErrorException e) {
            switch (PendingVerdict.of(e.code(), resend)) {
                case LOST -> {
                    // A fresh client message ID the server did not append: another commit has the epoch.
                    dropPending();
                    LOG.info(
                            "event=commit_lost conversation={} epoch={} current={}",
                            conversationId,
                            p.epoch(),
                            e.currentEpoch().orElse(-1L));
                    engine.commitLost();
                    awaitEpoch(e.currentEpoch().orElse(p.epoch() + 1));
                    return false;
                }
                case REFUSED -> {
                    dropPending(); // not in the log, and never will be (not a member, no such group, refused)
                    throw e;
                }
                case LOG_DECIDES -> {
                    return letTheLogDecide(p, e.currentEpoch().orElse(p.epoch() + 1));
                }
                case RETRY -> throw e; // the record stays; asked again later
                default -> throw new IllegalStateException("unreachable");
            }
        }
        engine.commitProbe().afterAccepted(conversationId);
        // Messages of the old epoch that the server ordered before our commit are in the inbox by
        // now (frames are handled in order): read them before moving on. One of the next epoch
        // there has merged our commit already.
        drainInbox();
        group();
        if (pending != null && pending.clientMessageId().equals(p.clientMessageId())) {
            adoptPending("accepted");
        }
        LOG.info(
                "event=commit_accepted conversation={} epoch={} logIndex={} duplicate={} added={} removed={}",
                conversationId,
                group().epoch(),
                accepted.logIndex(),
                accepted.duplicate(),
                added,
                removed);
        return true;
    }

    /**
     * A resend answered {@code stale_epoch}: the group is past our commit's epoch, and the server
     * does not know our client message ID (never appended, or aged out of {@code
     * retention.messages} with its log entry). Only the deliveries can tell which: another member's
     * commit for our epoch means ours lost, a message of the next epoch that the merged state reads
     * means ours won ({@link #process}). Waits for them up to {@code current}; true when ours was
     * merged, false when it lost; still undecided, the record stays and this throws.
     */
    private boolean letTheLogDecide(PendingCommit p, long current) throws Exception {
        LOG.info(
                "event=pending_commit_unknown_to_server conversation={} epoch={} current={}",
                conversationId,
                p.epoch(),
                current);
        try {
            awaitEpoch(current);
        } catch (ConversationException stillWaiting) {
            // decided below, or not yet
        }
        group();
        if (pending != null && pending.clientMessageId().equals(p.clientMessageId())) {
            throw new PendingCommitUndecidedException(conversationId);
        }
        if (p.clientMessageId().equals(lastMerged)) {
            return true;
        }
        engine.commitLost();
        return false;
    }

    /**
     * Decides a pending commit left by a crash or a lost answer (ADR 0029): asks the server again
     * and merges it or lets it go. {@code rate_limited} and {@code internal} answers are asked again
     * after the server's {@code retryAfterMs} or a growing pause (while this conversation's
     * deliveries are processed, which may decide it too), up to {@link #RESEND_ATTEMPTS} times.
     * Still undecided, the last failure is thrown and the commit stays pending.
     */
    void resumePendingCommit() throws Exception {
        Duration backoff = RESEND_BACKOFF_FIRST;
        for (int attempt = 1; ; attempt++) {
            group();
            if (pending == null || !active) {
                return;
            }
            LOG.info(
                    "event=pending_commit_resumed conversation={} epoch={} attempt={}",
                    conversationId,
                    pending.epoch(),
                    attempt);
            ClientRequest.SendCommit stored = OutboxRequests.storedCommit(pending.request(), "commit");
            try {
                decidePending(stored.addDevices().size(), stored.removeDevices().size(), true);
                return;
            } catch (ServerErrorException e) {
                if (attempt >= RESEND_ATTEMPTS || PendingVerdict.of(e.code(), true) != PendingVerdict.RETRY) {
                    throw e;
                }
                Duration wait = e.code() == ErrorCode.RATE_LIMITED
                                && e.retryAfterMillis().isPresent()
                        ? Duration.ofMillis(e.retryAfterMillis().get())
                        : backoff;
                LOG.info(
                        "event=pending_commit_retry conversation={} code={} retry_in_ms={}",
                        conversationId,
                        e.code().wireName(),
                        wait.toMillis());
                processFor(wait);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    /** Processes this conversation's deliveries as they come for {@code wait}. */
    private void processFor(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            ServerFrame.Deliver next = inbox.poll(left, TimeUnit.NANOSECONDS);
            if (next != null) {
                processOne(next);
            }
        }
    }

    /** A new commit or leave request waits until the one before is decided. */
    private void requirePendingDecided() throws Exception {
        resumePendingCommit();
        group();
        if (pending != null) {
            throw new ConversationException(
                    "conversation " + conversationId + ": the outcome of our last commit is not known yet");
        }
    }

    /**
     * Takes the epoch our pending commit started: the stored merged state becomes the group's, the
     * members change and the record goes, in one transition; with {@code announce} a group's title
     * and marking go out in the new epoch in the same transition (ADR 0029).
     */
    private void adoptPending(String how) throws Exception {
        group(); // the revision of the stored state the merged one replaces
        PendingCommit p = pending;
        Group merged;
        byte[] bytes = p.mergedState().expose();
        try {
            merged = GroupStates.decode(bytes, p.formatVersion(), engine.groupConfig());
        } catch (GroupStates.LostGroupStateException e) {
            throw new ConversationException("conversation " + conversationId + ": " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
        Transition.Builder t = Transition.forConversation(conversationId)
                .members(members(merged))
                .dropPendingCommit();
        Message info = null;
        Optional<Conversation> c = engine.keystore().conversations().find(conversationId);
        if (p.announce() && c.isPresent() && c.get().kind() == Conversation.Kind.GROUP) {
            Instant now = engine.clock().instant();
            Payload.Info payload = new Payload.Info(
                    UUID.randomUUID().toString(),
                    now,
                    c.get().title(),
                    Optional.ofNullable(c.get().classification()));
            info = Message.of(
                    payload.id(),
                    conversationId,
                    null,
                    engine.userId(),
                    engine.deviceId(),
                    now,
                    now,
                    payload.json(),
                    payload.searchText().orElse(null),
                    DeliveryState.PENDING);
            t.addMessage(info).enqueue(OutboxRequests.entry(conversationId, payload.id(), encrypt(merged, payload)));
        }
        group = merged;
        store(t); // a failure reloads the state before the commit, and the record with it
        lastMerged = p.clientMessageId();
        forgetPending();
        active = merged.isActive();
        LOG.info("event=commit_merged conversation={} epoch={} by={}", conversationId, merged.epoch(), how);
        conversationChanged();
        observeKeys(merged);
        if (info != null) {
            engine.listener().onMessage(info);
            engine.wakeOutbox();
        }
    }

    /**
     * Whether the state our pending commit leads to processes {@code delivery}. Tried on a copy
     * decoded from the record and thrown away: the live group and the store do not change.
     */
    private boolean readableAfterOurMerge(ServerFrame.Deliver delivery) {
        byte[] bytes = pending.mergedState().expose();
        try {
            Group merged = GroupStates.decode(bytes, pending.formatVersion(), engine.groupConfig());
            merged.process(decode(delivery.message()));
            return true;
        } catch (MlsException | GroupStates.LostGroupStateException | RuntimeException e) {
            return false;
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Drops the pending commit from the store (its epoch went to another commit, or it was refused). */
    private void dropPending() throws KeystoreException {
        engine.keystore()
                .apply(Transition.forConversation(conversationId)
                        .dropPendingCommit()
                        .build());
        forgetPending();
    }

    private void forgetPending() {
        if (pending != null) {
            pending.mergedState().destroy();
            pending = null;
        }
    }

    // ---- state ----

    /** The live group; loaded from the store on first use. */
    Group group() throws KeystoreException, ConversationException {
        if (group == null) {
            GroupState stored = engine.keystore()
                    .conversations()
                    .groupState(conversationId)
                    .orElseThrow(() -> new ConversationException("conversation " + conversationId + " has no group"));
            byte[] bytes = stored.state().expose();
            try {
                group = GroupStates.decode(bytes, stored.formatVersion(), engine.groupConfig());
            } catch (GroupStates.LostGroupStateException e) {
                throw new ConversationException("conversation " + conversationId + ": " + e.getMessage(), e);
            } finally {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
            revision = stored.revision();
            active = group.isActive();
            forgetPending();
            pending = engine.keystore()
                    .conversations()
                    .pendingCommit(conversationId)
                    .orElse(null);
            if (pending != null && pending.epoch() != group.epoch()) {
                // Made from a state that has moved on since: its epoch is decided, it means nothing now.
                dropPending();
            }
        }
        return group;
    }

    /**
     * Adds the group's new state to the transition and applies it. The live group holds no pending
     * commit here: a commit of ours waits for the server's answer as the stored pending commit
     * (ADR 0029), the live group being the state before it.
     */
    private TransitionResult store(Transition.Builder t) throws KeystoreException, ConversationException {
        Group g = group();
        byte[] state = null;
        if (g.isActive() && g.pendingCommit().isEmpty()) {
            state = GroupStates.encode(g);
            t.groupState(revision, g.epoch(), GroupStates.FORMAT_VERSION, Secret.wrap(state));
        }
        TransitionResult result;
        try {
            result = engine.keystore().apply(t.build());
        } catch (KeystoreException | RuntimeException e) {
            group = null; // reload what is stored
            throw e;
        } finally {
            if (state != null) {
                java.util.Arrays.fill(state, (byte) 0);
            }
        }
        revision = result.groupStateRevision();
        return result;
    }

    private List<Member> members(Group g) {
        Instant now = engine.clock().instant();
        Set<String> users = new LinkedHashSet<>();
        g.members().forEach(m -> users.add(userOf(m.credential())));
        return users.stream().map(u -> new Member(u, Member.Role.MEMBER, now)).toList();
    }

    /** Device-level members: user and signature key, in leaf order. */
    List<org.vermerk.protocol.group.Member> devices() throws Exception {
        return group().members();
    }

    long epoch() throws Exception {
        return group().epoch();
    }

    /** Lets the engine note the members' device keys (ADR 0014); a failure to store is logged, the commit stands. */
    private void observeKeys(Group g) {
        try {
            engine.observeKeys(g.members());
        } catch (KeystoreException e) {
            LOG.warn(
                    "event=key_observation_failed conversation={} error={}",
                    conversationId,
                    e.getClass().getSimpleName());
        }
    }

    private void conversationChanged() {
        try {
            Optional<Conversation> conversation =
                    engine.keystore().conversations().find(conversationId);
            conversation.ifPresent(c -> engine.listener().onConversationChanged(c));
        } catch (KeystoreException e) {
            LOG.warn("event=conversation_unreadable conversation={}", conversationId);
        }
    }

    private String logStream() {
        return "log:" + conversationId;
    }

    private void requireActive() throws ConversationException {
        if (!active) {
            throw new ConversationException("you are no longer a member of conversation " + conversationId);
        }
    }

    static MlsMessage decode(Bytes bytes) throws MlsException {
        TlsReader reader = new TlsReader(bytes.toByteArray());
        MlsMessage message = MlsMessage.decode(reader);
        reader.finish();
        return message;
    }

    static String userOf(org.vermerk.protocol.credential.Credential credential) {
        if (credential instanceof BasicCredential basic) {
            return new String(basic.identity().toByteArray(), StandardCharsets.UTF_8);
        }
        return "";
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
