package org.vermerk.app.conversation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.AccountConnection;
import org.vermerk.app.account.Directory;
import org.vermerk.app.account.InboxCursor;
import org.vermerk.app.account.KeyPackageSecrets;
import org.vermerk.app.connection.ConnectionListener;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.app.connection.ServerErrorException;
import org.vermerk.app.outbox.OutboxPump;
import org.vermerk.keystore.Contact;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.KeyPackageEntry;
import org.vermerk.keystore.Keystore;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.Member;
import org.vermerk.keystore.Message;
import org.vermerk.keystore.OutboxEntry;
import org.vermerk.keystore.SearchHit;
import org.vermerk.keystore.Transition;
import org.vermerk.keystore.TransitionResult;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.group.Group;
import org.vermerk.protocol.group.GroupConfig;
import org.vermerk.protocol.keypackage.KeyPackage;
import org.vermerk.protocol.keypackage.KeyPackageFactory;
import org.vermerk.protocol.keypackage.KeyPackageRef;
import org.vermerk.protocol.keypackage.NewKeyPackage;
import org.vermerk.protocol.messages.EncryptedGroupSecrets;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.DeliveryKind;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * The client engine's conversations: one MLS group each, 1:1 (found or created) and groups with a
 * title; people added and removed with all their devices; text and structured messages through
 * the persisted outbox; everything that arrives processed and stored, one keystore transition per
 * message. Reports to a {@link ConversationListener}.
 *
 * <p>Conversation and group: the group ID is one kind byte ({@code 'D'} direct, {@code 'G'} group)
 * and 16 random bytes; the conversation ID is the group ID in hex, so a Welcome names its
 * conversation. A group's title travels as an {@link Payload.Info} message.
 *
 * <p>Threading: each conversation has a {@link ConversationWorker} thread that does all its work,
 * so different conversations proceed in parallel. The connection's event thread only routes:
 * deliveries of known groups into their worker's inbox, Welcomes (and whatever follows them while
 * they wait) to the join thread. Acks are cumulative, so a delivery is acknowledged once it and
 * every earlier one are stored. The public methods block until their work is stored (and, for
 * membership changes, accepted by the server); never call them on a listener thread.
 */
public final class ConversationEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationEngine.class);
    private static final HexFormat HEX = HexFormat.of();
    static final byte KIND_DIRECT = 'D';
    static final byte KIND_GROUP = 'G';
    private static final Duration ONLINE_WAIT = Duration.ofSeconds(30);

    /** How often our devices are compared with the directory while online (ADR 0022). */
    public static final Duration DEVICE_CHECK_INTERVAL = Duration.ofSeconds(60);

    /** How long closing waits for a device check that is under way. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(15);

    /** Settings key prefix of a conversation's last message shown on this device. */
    private static final String LAST_SHOWN = "conversation.lastShown.";

    private final Account account;
    private final ConversationListener listener;
    private final GroupConfig groupConfig;
    private final SecureRandom random = new SecureRandom();
    private final AccountConnection connection;
    private final InboxCursor inboxCursor;
    private final ContactTrust trust;
    private final Directory directory;

    /** Where crash tests stop our commits ({@link CommitProbe#NONE} in the product). */
    private final CommitProbe commitProbe;

    /** Workers by conversation ID; created on first use. */
    private final Map<String, ConversationWorker> workers = new ConcurrentHashMap<>();

    /** Joins from Welcomes, and routes what arrives while a join is queued (keeps the order). */
    private final ExecutorService joiner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("vermerk-join").daemon().factory());

    /** How many of our commits lost their epoch to another member's (and were made again). */
    private final AtomicInteger lostCommits = new AtomicInteger();

    /** Brings our later-enrolled devices into our conversations; checks run on {@link #deviceChecks}. */
    private final OwnDevices ownDevices = new OwnDevices(this);

    /** Runs the device checks: after each connect and every {@link #DEVICE_CHECK_INTERVAL}. */
    private final java.util.concurrent.ScheduledExecutorService deviceChecks =
            Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("vermerk-devices").daemon().factory());

    /** Deliveries handed to the join thread and not routed yet. Event thread and join thread. */
    private final AtomicInteger joinQueue = new AtomicInteger();

    private final Object ackLock = new Object();

    /** Guarded by ackLock: deliveries routed and not yet stored. */
    private final TreeSet<Long> inFlight = new TreeSet<>();

    /** Guarded by ackLock: the highest seq routed. */
    private long highestSeen;

    /** Guarded by ackLock: the highest seq acknowledged. */
    private long acked;

    /** Guarded by ackLock: when the last delivery was stored (for "until idle"). */
    private Instant lastActivity;

    private ConversationEngine(
            Account account,
            ConversationListener listener,
            GroupConfig groupConfig,
            Duration deviceCheckInterval,
            CommitProbe commitProbe) {
        this.account = account;
        this.commitProbe = java.util.Objects.requireNonNull(commitProbe);
        this.listener = listener;
        this.groupConfig = groupConfig;
        this.inboxCursor = new InboxCursor(account.keystore());
        this.trust = new ContactTrust(account.keystore(), account.clock(), account.userId());
        this.lastActivity = account.clock().instant();
        this.acked = inboxCursor.storedUpTo();
        this.highestSeen = acked;
        this.connection = account.connect(new Events(), new OutboxPump.Rejections() {
            @Override
            public void rejected(OutboxEntry entry, ServerErrorException error) {
                refused(entry, error);
            }

            @Override
            public void accepted(OutboxEntry entry) {
                if (entry.messageId() != null) {
                    // a receipt processed first has moved it further already: report what is stored
                    DeliveryState stored = DeliveryState.SENT;
                    try {
                        stored = keystore()
                                .messages()
                                .find(entry.messageId())
                                .map(Message::deliveryState)
                                .filter(s -> s == DeliveryState.DELIVERED || s == DeliveryState.READ)
                                .orElse(DeliveryState.SENT);
                    } catch (KeystoreException e) {
                        LOG.warn(
                                "event=delivery_state_unreadable error={}",
                                e.getClass().getSimpleName());
                    }
                    listener.onDeliveryState(entry.conversationId(), entry.messageId(), stored);
                }
            }
        });
        this.directory = new Directory(new OnlineRequests(), account.deviceId());
        long every = deviceCheckInterval.toMillis();
        deviceChecks.scheduleWithFixedDelay(
                this::checkDevicesWhenOnline, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Connects the account and starts processing. */
    public static ConversationEngine start(Account account, ConversationListener listener) {
        return start(account, listener, DEVICE_CHECK_INTERVAL);
    }

    /**
     * As {@link #start(Account, ConversationListener)}, comparing our devices with the directory
     * every {@code deviceCheckInterval} while online (and after each connect).
     */
    public static ConversationEngine start(
            Account account, ConversationListener listener, Duration deviceCheckInterval) {
        return start(account, listener, deviceCheckInterval, CommitProbe.NONE);
    }

    /** As {@link #start(Account, ConversationListener, Duration)}, with a crash test's {@link CommitProbe}. */
    public static ConversationEngine start(
            Account account, ConversationListener listener, Duration deviceCheckInterval, CommitProbe commitProbe) {
        if (deviceCheckInterval.isNegative() || deviceCheckInterval.isZero()) {
            throw new IllegalArgumentException("the device check interval must be positive");
        }
        return new ConversationEngine(
                account, listener, GroupConfig.defaults().withClock(account.clock()), deviceCheckInterval, commitProbe);
    }

    // ---- API ----

    public String userId() {
        return account.userId();
    }

    public String deviceId() {
        return account.deviceId();
    }

    public ConnectionState connectionState() {
        return connection.state();
    }

    public List<Conversation> conversations() throws KeystoreException {
        return keystore().conversations().list();
    }

    public Optional<Conversation> conversation(String conversationId) throws KeystoreException {
        return keystore().conversations().find(conversationId);
    }

    /** The conversation's members (users), as its current epoch has them. */
    public List<Member> members(String conversationId) throws KeystoreException {
        return keystore().conversations().members(conversationId);
    }

    /** The members' devices in leaf order: user ID and signature key. */
    public List<org.vermerk.protocol.group.Member> devices(String conversationId) throws Exception {
        return call(worker(conversationId), w -> w.devices());
    }

    /** The newest messages of a conversation, newest first. */
    public List<Message> messages(String conversationId, int limit) throws KeystoreException {
        return keystore().messages().page(conversationId, null, limit);
    }

    /** The messages stored before {@code beforeId} (null: the newest), oldest first. */
    public List<Message> messagesBefore(String conversationId, String beforeId, int limit) throws KeystoreException {
        return keystore().messages().page(conversationId, beforeId, limit);
    }

    /** The messages stored after {@code afterId}, oldest first. */
    public List<Message> messagesAfter(String conversationId, String afterId, int limit) throws KeystoreException {
        return keystore().messages().pageAfter(conversationId, afterId, limit);
    }

    public Optional<Message> message(String messageId) throws KeystoreException {
        return keystore().messages().find(messageId);
    }

    /**
     * Full-text search over the stored messages, newest first (the keystore's FTS5 index: every
     * word must occur, the last also as a prefix).
     *
     * @param conversationId search one conversation, or null for all
     */
    public List<SearchHit> search(String query, String conversationId, int limit) throws KeystoreException {
        return keystore().messages().search(query, conversationId, limit);
    }

    /**
     * How many messages wait in the outbox for the server (all conversations); the receipts this
     * device sends by itself are not counted (the user did not write them).
     */
    public int queuedCount() throws KeystoreException {
        return keystore().outbox().sizeWithout("receipt");
    }

    /** Texts from others after the last one this device has shown ({@link #markShown}). */
    public int unreadCount(String conversationId) throws KeystoreException {
        String lastShown =
                keystore().settings().get(LAST_SHOWN + conversationId).orElse(null);
        return keystore().messages().countTextsAfter(conversationId, lastShown, userId());
    }

    /**
     * Remembers on this device that a conversation was shown up to {@code messageId} (the unread
     * count starts after it). Local only; {@link #markRead} tells the senders.
     */
    public void markShown(String conversationId, String messageId) throws KeystoreException {
        keystore().settings().put(LAST_SHOWN + conversationId, messageId);
    }

    /** The 1:1 conversation with {@code userId}: the existing one, or a new one. */
    public synchronized String direct(String userId) throws Exception {
        if (userId.equals(userId())) {
            throw new ConversationException("a 1:1 conversation needs another user");
        }
        for (Conversation c : conversations()) {
            if (c.kind() == Conversation.Kind.DIRECT
                    && members(c.id()).stream().anyMatch(m -> m.userId().equals(userId))) {
                return c.id();
            }
        }
        String id = create(KIND_DIRECT, "", null);
        call(worker(id), w -> w.addPeople(List.of(userId, userId()), false));
        return id;
    }

    /** A new group with a title and these people (all their devices; our other devices too). */
    public String createGroup(String title, List<String> userIds) throws Exception {
        return createGroup(title, null, userIds);
    }

    /**
     * A new group with a title, a classification marking such as "VS – NUR FÜR DEN
     * DIENSTGEBRAUCH" (null or blank: none) and these people. The marking travels with the title
     * to every member, joiners too ({@link Payload.Info}).
     */
    public String createGroup(String title, String classification, List<String> userIds) throws Exception {
        Optional<String> marking = ClassificationLabel.check(classification);
        String id = create(KIND_GROUP, title, marking.orElse(null));
        List<String> people = new ArrayList<>(userIds);
        people.add(userId());
        ConversationWorker worker = worker(id);
        // The title travels with the commit's merge (ADR 0029); alone when nobody was added.
        if (!call(worker, w -> w.addPeople(people, true))) {
            call(worker, w -> w.send((mid, now) -> new Payload.Info(mid, now, title, marking)));
        }
        return id;
    }

    /** Adds people (all their devices) and tells the group its title and marking again, for the new members. */
    public void addMembers(String conversationId, List<String> userIds) throws Exception {
        ConversationWorker worker = worker(conversationId);
        Conversation c = conversation(conversationId).orElseThrow();
        boolean group = c.kind() == Conversation.Kind.GROUP;
        // A commit that adds someone tells a group its title in the merge's transition (ADR 0029).
        if (!call(worker, w -> w.addPeople(userIds, group)) && group) {
            Optional<String> marking = Optional.ofNullable(c.classification());
            call(worker, w -> w.send((mid, now) -> new Payload.Info(mid, now, c.title(), marking)));
        }
    }

    /**
     * Brings our devices enrolled since the last check into every conversation of this device that
     * lacks them (ADR 0022); returns in how many this device added one (0 when another of our
     * devices was first, or nothing was new). Runs by itself after each connect and every {@link
     * #DEVICE_CHECK_INTERVAL}; a UI may call it too.
     */
    public int checkOwnDevices() throws Exception {
        return ownDevices.check();
    }

    private void checkDevicesWhenOnline() {
        if (!(connection.state() instanceof ConnectionState.Online)) {
            return;
        }
        try {
            ownDevices.check();
        } catch (Exception e) {
            LOG.warn("event=own_device_check_failed error={}", e.getClass().getSimpleName());
        }
    }

    /** For {@link OwnDevices}: adds our {@code deviceIds} to one conversation, then tells a group its title again. */
    boolean addOwnDevices(Conversation c, Map<String, Bytes> deviceIds) throws Exception {
        // For a group the merge's transition carries the title and marking (ADR 0029).
        return call(worker(c.id()), w -> w.addOwnDevices(deviceIds, c.kind() == Conversation.Kind.GROUP));
    }

    /** Removes people with all their devices. */
    public void removeMembers(String conversationId, List<String> userIds) throws Exception {
        call(worker(conversationId), w -> w.removePeople(userIds));
    }

    /**
     * Leaves a conversation: asks the group to remove this device (another member's client commits
     * it; {@link ConversationListener#onRemoved} follows then) and archives it locally.
     */
    public void leave(String conversationId) throws Exception {
        call(worker(conversationId), ConversationWorker::leave);
    }

    /** Sends a text; returns the stored message (state PENDING until the server accepts it). */
    public Message sendText(String conversationId, String text) throws Exception {
        return send(conversationId, (id, now) -> new Payload.Text(id, now, text, Optional.empty()));
    }

    /**
     * Tells the members of the notice's conversation that messages of it were filed as a record;
     * the text is the German one. Queued in the outbox like any message when offline.
     */
    public Message sendRecordNotice(org.vermerk.app.records.RecordNotice notice) throws Exception {
        return send(
                notice.conversationId(),
                (id, now) -> new Payload.RecordNotice(
                        id,
                        now,
                        notice.german(),
                        notice.officialName(),
                        notice.messageCount(),
                        notice.fileReference()));
    }

    public Message reply(String conversationId, String replyTo, String text) throws Exception {
        return send(conversationId, (id, now) -> new Payload.Text(id, now, text, Optional.of(replyTo)));
    }

    public Message edit(String conversationId, String target, String text) throws Exception {
        return send(conversationId, (id, now) -> new Payload.Edit(id, now, target, text));
    }

    public Message deleteForEveryone(String conversationId, String target) throws Exception {
        return send(conversationId, (id, now) -> new Payload.Delete(id, now, target));
    }

    public Message react(String conversationId, String target, String emoji) throws Exception {
        return send(conversationId, (id, now) -> new Payload.Reaction(id, now, target, emoji));
    }

    // ---- files (ADR 0021); the blob work is org.vermerk.app.attachment.Attachments' ----

    /**
     * Stores an own file message, held back from the outbox while its blob uploads (state PENDING,
     * attachment UPLOADING). Refused like any content while a key change waits.
     *
     * @param maker the file without a blob ID, from the new message's ID and time
     */
    public Message holdFile(String conversationId, java.util.function.BiFunction<String, Instant, Payload.File> maker)
            throws Exception {
        return call(worker(conversationId), w -> {
            List<String> waiting = trust.unacknowledged(
                    members(conversationId).stream().map(Member::userId).toList());
            if (!waiting.isEmpty()) {
                throw new KeyChangeNotAcknowledgedException(conversationId, waiting);
            }
            return w.hold(maker::apply);
        });
    }

    /** Sends a held file message with the ID of its uploaded blob (through the outbox). */
    public Message releaseFile(String conversationId, String messageId, String blobId) throws Exception {
        return call(worker(conversationId), w -> w.release(messageId, blobId));
    }

    /** Gives up a held file message whose blob cannot be uploaded: FAILED. */
    public void failHeldFile(String conversationId, String messageId) throws Exception {
        call(worker(conversationId), w -> w.failHeld(messageId));
    }

    /** A short-lived token for the server's attachment routes; waits for the connection. */
    public ServerFrame.AttachmentTicketIssued attachmentTicket() throws Exception {
        return request(ClientRequest.AttachmentTicket::new, ServerFrame.AttachmentTicketIssued.class);
    }

    /** Tells the senders that these messages were read (not held back by a key change: it says nothing new). */
    public Message markRead(String conversationId, List<String> messageIds) throws Exception {
        return call(
                worker(conversationId),
                w -> w.send((id, now) -> new Payload.Receipt(id, now, Payload.Receipt.Status.READ, messageIds)));
    }

    /**
     * Marks what others sent to a conversation since the last message shown ({@link #markShown}) as
     * read: the senders get read receipts (up to {@link Receipts#MAX_TARGETS} messages each) and the
     * conversation counts as shown up to its newest message. Returns the IDs marked read.
     */
    public List<String> markAllRead(String conversationId) throws Exception {
        String lastShown =
                keystore().settings().get(LAST_SHOWN + conversationId).orElse(null);
        List<String> read = new ArrayList<>();
        String newest = lastShown;
        while (true) {
            List<Message> page = newest == null
                    ? keystore().messages().page(conversationId, null, Receipts.MAX_TARGETS)
                    : keystore().messages().pageAfter(conversationId, newest, Receipts.MAX_TARGETS);
            if (page.isEmpty()) {
                break;
            }
            List<String> batch = new ArrayList<>();
            for (Message m : page) {
                if (!m.senderUserId().equals(userId()) && confirmable(m)) {
                    batch.add(m.id());
                }
            }
            if (!batch.isEmpty()) {
                markRead(conversationId, batch);
                read.addAll(batch);
            }
            newest = page.getLast().id();
            if (page.size() < Receipts.MAX_TARGETS) {
                break;
            }
        }
        if (newest != null && !newest.equals(lastShown)) {
            markShown(conversationId, newest);
        }
        return read;
    }

    private static boolean confirmable(Message m) {
        try {
            Payload stored = Payload.parse(m.content());
            return stored instanceof Payload.Edit || Receipts.confirms(stored); // an edited text is stored as its edit
        } catch (Payload.InvalidPayloadException e) {
            return false;
        }
    }

    /**
     * Sends content, unless a member's key change waits for an acknowledgement: then {@link
     * KeyChangeNotAcknowledgedException} and nothing is stored. Checked on the conversation's
     * worker, after what arrived for it was processed, so a change seen just before counts.
     */
    /**
     * Sends {@code payload} as it is, its ID included. Package-private: for tests of what receivers
     * do with content a hostile member makes (the public methods always make a fresh ID).
     */
    Message sendAsIs(String conversationId, Payload payload) throws Exception {
        return send(conversationId, (id, now) -> payload);
    }

    private Message send(String conversationId, ConversationWorker.PayloadMaker maker) throws Exception {
        return call(worker(conversationId), w -> {
            List<String> waiting = trust.unacknowledged(
                    members(conversationId).stream().map(Member::userId).toList());
            if (!waiting.isEmpty()) {
                throw new KeyChangeNotAcknowledgedException(conversationId, waiting);
            }
            return w.send(maker);
        });
    }

    // ---- people: directory and trust ----

    /** The server's directory (users by ID and name prefix, their devices); waits for the connection. */
    public Directory directory() {
        return directory;
    }

    /** The messages of the conversation marked as record-relevant (marks not withdrawn). */
    public java.util.Set<String> markedMessageIds(String conversationId) throws KeystoreException {
        return keystore().records().markedMessageIds(conversationId);
    }

    /** The contact as this device knows them (trust state), if met. */
    public Optional<Contact> contact(String userId) throws KeystoreException {
        return trust.contact(userId);
    }

    /** The trust in the user's keys; {@link TrustState#UNKNOWN} for someone never met. */
    public TrustState trust(String userId) throws KeystoreException {
        return TrustState.of(trust.trust(userId));
    }

    /** Title, marking and members with their trust state, for an info screen. */
    public GroupInfo groupInfo(String conversationId) throws Exception {
        Conversation c = conversation(conversationId)
                .orElseThrow(() -> new ConversationException("no conversation " + conversationId));
        List<GroupInfo.MemberInfo> people = new ArrayList<>();
        for (Member m : members(conversationId)) {
            Optional<Contact> contact = trust.contact(m.userId());
            people.add(new GroupInfo.MemberInfo(
                    m.userId(),
                    contact.map(Contact::displayName).orElse(m.userId()),
                    m.userId().equals(userId())
                            ? TrustState.VERIFIED
                            : TrustState.of(contact.map(Contact::trust).orElse(Contact.Trust.UNKNOWN)),
                    m.userId().equals(userId())));
        }
        return new GroupInfo(
                conversationId,
                c.kind() == Conversation.Kind.GROUP,
                c.title(),
                Optional.ofNullable(c.classification()),
                people);
    }

    /** The members of {@code conversationId} whose key change waits for an acknowledgement. */
    public List<String> unacknowledgedKeyChanges(String conversationId) throws KeystoreException {
        return trust.unacknowledged(
                members(conversationId).stream().map(Member::userId).toList());
    }

    /**
     * Renames a group: stored here at once and told to the members with the marking ({@link
     * Payload.Info}), queued like any message when offline.
     */
    public void rename(String conversationId, String title) throws Exception {
        if (title == null || title.isBlank()) {
            throw new ConversationException("a group needs a title");
        }
        Conversation c = conversation(conversationId)
                .orElseThrow(() -> new ConversationException("no conversation " + conversationId));
        if (c.kind() != Conversation.Kind.GROUP) {
            throw new ConversationException("a 1:1 conversation has no title of its own");
        }
        String stripped = title.strip();
        Optional<String> marking = Optional.ofNullable(c.classification());
        call(worker(conversationId), w -> {
            keystore().conversations().rename(conversationId, stripped);
            return w.send((mid, now) -> new Payload.Info(mid, now, stripped, marking));
        });
        conversation(conversationId).ifPresent(listener::onConversationChanged);
    }

    /** The safety number of us and {@code userId}, from both users' device keys as the directory lists them. */
    public String safetyNumber(String userId) throws Exception {
        List<Bytes> theirs = directory.keys(userId);
        if (theirs.isEmpty()) {
            throw new ConversationException(userId + " has no enrolled devices");
        }
        return SafetyNumber.of(userId(), directory.keys(userId()), userId, theirs);
    }

    /**
     * Marks {@code userId} verified after the user compared the safety number: their current
     * device keys (from the directory) become the trusted ones. Acknowledges a key change too.
     */
    public TrustState verify(String userId) throws Exception {
        if (userId.equals(userId())) {
            throw new ConversationException("one does not verify oneself");
        }
        List<Bytes> keys = directory.keys(userId);
        if (keys.isEmpty()) {
            throw new ConversationException(userId + " has no enrolled devices");
        }
        trust.verify(userId, keys);
        directory.user(userId).ifPresent(u -> rememberName(u.userId(), u.displayName()));
        listener.onTrustChanged(userId, TrustState.VERIFIED);
        return TrustState.VERIFIED;
    }

    /** The user saw that {@code userId}'s keys changed: sending to them goes on (trusted on first use again). */
    public TrustState acknowledgeKeyChange(String userId) throws Exception {
        TrustState state = TrustState.of(trust.acknowledgeKeyChange(userId).trust());
        listener.onTrustChanged(userId, state);
        return state;
    }

    /**
     * The display name this device stored for {@code userId} when the directory last told it;
     * empty when none was stored. Reads the local store only: a list shown before the connection
     * is up does not wait for the directory.
     */
    public Optional<String> storedDisplayName(String userId) throws KeystoreException {
        return trust.contact(userId).map(Contact::displayName).filter(name -> !name.isBlank());
    }

    /** Remembers a display name the directory gave (shown in group info instead of the ID). */
    public void rememberDisplayName(String userId, String displayName) {
        rememberName(userId, displayName);
    }

    private void rememberName(String userId, String displayName) {
        try {
            trust.rememberName(userId, displayName);
        } catch (KeystoreException e) {
            LOG.warn("event=contact_name_not_stored error={}", e.getClass().getSimpleName());
        }
    }

    /**
     * Called by a worker after its group's members changed (or on join): notes each member's
     * device keys; for a key change stores a warning in every conversation with that member and
     * tells the listener.
     */
    void observeKeys(List<org.vermerk.protocol.group.Member> devices) throws KeystoreException {
        Map<String, List<Bytes>> byUser = new java.util.LinkedHashMap<>();
        for (var device : devices) {
            byUser.computeIfAbsent(ConversationWorker.userOf(device.credential()), u -> new ArrayList<>())
                    .add(device.signatureKey());
        }
        for (Contact changed : trust.observe(byUser)) {
            List<String> affected = new ArrayList<>();
            for (Conversation c : conversations()) {
                if (members(c.id()).stream().anyMatch(m -> m.userId().equals(changed.userId()))) {
                    affected.add(c.id());
                    Instant now = clock().instant();
                    Payload.KeyChanged warning =
                            new Payload.KeyChanged(java.util.UUID.randomUUID().toString(), now, changed.userId());
                    Message stored = Message.of(
                            warning.id(),
                            c.id(),
                            null,
                            changed.userId(),
                            "",
                            now,
                            now,
                            warning.json(),
                            null,
                            DeliveryState.RECEIVED);
                    keystore()
                            .apply(Transition.forConversation(c.id())
                                    .addMessage(stored)
                                    .build());
                    listener.onMessage(stored);
                }
            }
            LOG.info("event=key_changed user={} conversations={}", changed.userId(), affected.size());
            listener.onKeyChanged(changed.userId(), affected);
            listener.onTrustChanged(changed.userId(), TrustState.KEY_CHANGED);
        }
    }

    /** Requests through the lasting connection, waiting for it to be online first. */
    private final class OnlineRequests implements org.vermerk.app.connection.Requests {
        @Override
        public <T extends ServerFrame> java.util.concurrent.CompletableFuture<T> call(
                java.util.function.Function<String, ClientRequest> request, Class<T> answer) {
            return connection.call(request, answer);
        }

        @Override
        public <T extends ServerFrame> T await(
                java.util.function.Function<String, ClientRequest> request, Class<T> answer)
                throws org.vermerk.app.connection.ConnectionException, InterruptedException {
            return request(request, answer);
        }
    }

    /** Waits until the outbox is empty (everything sent was accepted); false if {@code timeout} passed first. */
    public boolean awaitOutboxEmpty(Duration timeout) throws InterruptedException, KeystoreException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (keystore().outbox().size() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /**
     * Waits until nothing arrived or was processed for {@code idle}: the connection is online, no
     * delivery is being processed and the last one was stored at least {@code idle} ago. Returns
     * false when {@code max} passed first.
     */
    public boolean awaitIdle(Duration idle, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            boolean quiet;
            synchronized (ackLock) {
                quiet = inFlight.isEmpty()
                        && joinQueue.get() == 0
                        && connection.state() instanceof ConnectionState.Online
                        && !clock().instant().isBefore(lastActivity.plus(idle));
            }
            if (quiet) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    // ---- creating and joining ----

    private String create(byte kind, String title, String classification) throws Exception {
        byte[] raw = new byte[17];
        random.nextBytes(raw);
        raw[0] = kind;
        Bytes groupId = Bytes.of(raw);
        String id = HEX.formatHex(raw);
        NewKeyPackage own = new KeyPackageFactory(account.mlsCipherSuite(), clock())
                .create(
                        account.signingIdentity().credential(),
                        account.signingIdentity().signatureKeys());
        Group group =
                Group.create(account.mlsCipherSuite(), groupConfig, account.signingIdentity(), groupId, own, List.of());
        request(r -> new ClientRequest.CreateGroup(r, groupId), ServerFrame.GroupCreated.class);
        Instant now = clock().instant();
        byte[] state = GroupStates.encode(group);
        TransitionResult result = keystore()
                .apply(Transition.forConversation(id)
                        .createConversation(new Conversation(
                                id,
                                groupId,
                                kind == KIND_DIRECT ? Conversation.Kind.DIRECT : Conversation.Kind.GROUP,
                                title,
                                classification,
                                now,
                                false))
                        .members(List.of(new Member(userId(), Member.Role.ADMIN, now)))
                        .groupState(0, group.epoch(), GroupStates.FORMAT_VERSION, Secret.wrap(state))
                        .build());
        ConversationWorker worker = new ConversationWorker(this, id, groupId);
        worker.adopt(group, result.groupStateRevision());
        workers.put(id, worker);
        LOG.info("event=conversation_created conversation={} kind={}", id, (char) kind);
        return id;
    }

    /** Joins the group of a Welcome for one of our KeyPackages; on the join thread. */
    private void join(ServerFrame.Deliver delivery) {
        try {
            if (!(ConversationWorker.decode(delivery.message()) instanceof MlsMessage.OfWelcome(var welcome))) {
                throw new ConversationException("not a Welcome");
            }
            KeyPackageEntry entry = null;
            for (EncryptedGroupSecrets secrets : welcome.secrets()) {
                Optional<KeyPackageEntry> found = keystore().identity().keyPackage(secrets.newMember());
                if (found.isPresent() && found.get().privateKeys() != null) {
                    entry = found.get();
                    break;
                }
            }
            if (entry == null) {
                LOG.info("event=welcome_skipped seq={} reason=no_key_package", delivery.seq());
                return;
            }
            TlsReader reader = new TlsReader(entry.keyPackage().toByteArray());
            KeyPackage keyPackage = KeyPackage.decode(reader);
            reader.finish();
            NewKeyPackage own = new NewKeyPackage(
                    keyPackage, new KeyPackageRef(entry.ref()), KeyPackageSecrets.decode(entry.privateKeys()));
            Group group = Group.join(
                    account.mlsCipherSuite(), groupConfig, account.signingIdentity(), welcome, own, Optional.empty());
            if (!group.groupId().equals(delivery.groupId())) {
                // The server queued it under another group: a Welcome may only bring us into the
                // group whose log carried it (else a member of any group could plant a fork of a
                // conversation we are in under its ID).
                LOG.info("event=welcome_skipped seq={} reason=group_mismatch", delivery.seq());
                return;
            }
            byte[] raw = group.groupId().toByteArray();
            String id = HEX.formatHex(raw);
            if (keystore().conversations().find(id).isPresent()) {
                if (!rejoin(id, group, entry.ref())) {
                    LOG.info("event=welcome_skipped seq={} conversation={} reason=known", delivery.seq(), id);
                }
                return;
            }
            Instant now = clock().instant();
            List<Member> members = group.members().stream()
                    .map(m -> ConversationWorker.userOf(m.credential()))
                    .distinct()
                    .map(u -> new Member(u, Member.Role.MEMBER, now))
                    .toList();
            byte[] state = GroupStates.encode(group);
            Conversation conversation = new Conversation(
                    id,
                    group.groupId(),
                    raw.length > 0 && raw[0] == KIND_DIRECT ? Conversation.Kind.DIRECT : Conversation.Kind.GROUP,
                    "",
                    null,
                    now,
                    false);
            Transition.Builder joined = Transition.forConversation(id)
                    .createConversation(conversation)
                    .members(members)
                    .groupState(0, group.epoch(), GroupStates.FORMAT_VERSION, Secret.wrap(state))
                    .consumeKeyPackage(entry.ref());
            Optional<Message> note = historyNote(id, group.epoch(), now);
            note.ifPresent(joined::addMessage);
            TransitionResult result = keystore().apply(joined.build());
            ConversationWorker worker = new ConversationWorker(this, id, group.groupId());
            worker.adopt(group, result.groupStateRevision());
            workers.put(id, worker);
            LOG.info("event=conversation_joined conversation={} epoch={}", id, group.epoch());
            listener.onConversationChanged(conversation);
            note.ifPresent(listener::onMessage);
            observeKeys(group.members());
        } catch (Exception e) {
            LOG.warn(
                    "event=welcome_rejected seq={} error={}",
                    delivery.seq(),
                    e.getClass().getSimpleName());
        } finally {
            completed(delivery.seq(), true);
        }
    }

    /**
     * The first epoch of a conversation's members: its creator's first commit adds everyone it
     * starts with. A Welcome into a later epoch joins a conversation that began without this device.
     */
    private static final long FIRST_MEMBERS_EPOCH = 1;

    /**
     * The local note that earlier messages are not on this device (ADR 0022), for a join after the
     * conversation began (a new device of ours, or we were added or added again later); none for a
     * join into its first epoch.
     */
    private Optional<Message> historyNote(String conversationId, long epoch, Instant now) {
        if (epoch <= FIRST_MEMBERS_EPOCH) {
            return Optional.empty();
        }
        Payload.HistoryNote note =
                new Payload.HistoryNote(java.util.UUID.randomUUID().toString(), now);
        return Optional.of(Message.of(
                note.id(),
                conversationId,
                null,
                userId(),
                deviceId(),
                now,
                now,
                note.json(),
                null,
                DeliveryState.RECEIVED));
    }

    /**
     * A Welcome into a conversation this device knows: accepted when we are no longer a member (we
     * were removed, or left, and someone added us again), that is when the stored group is inactive
     * or behind the Welcome's epoch once the conversation's worker processed what came before the
     * Welcome. The new group replaces the stored one; the conversation is shown again.
     * Messages sent while we were out stay unreadable to us; the cursor of the group's log goes on.
     */
    private boolean rejoin(String id, Group group, Bytes keyPackageRef) throws Exception {
        ConversationWorker running = workers.get(id);
        if (running != null) {
            // The commit that removed us came before this Welcome in our queue and was handed to
            // the conversation's worker: let it be processed before deciding from the stored state.
            try {
                running.submit(() -> null).get(ONLINE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("event=old_worker_not_drained conversation={}", id);
            }
        }
        org.vermerk.keystore.GroupState stored =
                keystore().conversations().groupState(id).orElse(null);
        if (stored != null) {
            byte[] bytes = stored.state().expose();
            try {
                Group old = GroupStates.decode(bytes, stored.formatVersion(), groupConfig);
                // A removed member's stored group stays at the epoch before its removal (the
                // commit that removed it cannot be merged), so "behind" counts as out. That the
                // Welcome came through this group's own log (checked in join) means the server
                // took us out: it refuses to add a device that is a member.
                if (old.isActive() && old.epoch() >= group.epoch()) {
                    return false;
                }
            } catch (GroupStates.LostGroupStateException e) {
                // unreadable old state: the Welcome is the only way back into the conversation
            } finally {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
        }
        Instant now = clock().instant();
        List<Member> members = group.members().stream()
                .map(m -> ConversationWorker.userOf(m.credential()))
                .distinct()
                .map(u -> new Member(u, Member.Role.MEMBER, now))
                .toList();
        byte[] state = GroupStates.encode(group);
        Transition.Builder t = Transition.forConversation(id)
                .members(members)
                .groupState(
                        stored == null ? 0 : stored.revision(),
                        group.epoch(),
                        GroupStates.FORMAT_VERSION,
                        Secret.wrap(state))
                // a commit of ours kept from the group we were removed from means nothing in this
                // one (its epoch and state are the old group's); it must not be resent at each login
                .dropPendingCommit()
                .consumeKeyPackage(keyPackageRef);
        Optional<Message> note = historyNote(id, group.epoch(), now);
        note.ifPresent(t::addMessage);
        TransitionResult result;
        try {
            result = keystore().apply(t.build());
        } finally {
            java.util.Arrays.fill(state, (byte) 0);
        }
        keystore().conversations().setArchived(id, false);
        ConversationWorker worker = new ConversationWorker(this, id, group.groupId());
        worker.adopt(group, result.groupStateRevision());
        ConversationWorker previous = workers.put(id, worker);
        if (previous != null) {
            // It held the group we were removed from: let it finish what it was given (each
            // delivery must count as done for the cumulative ack), then stop it.
            try {
                previous.submit(() -> null).get(ONLINE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("event=old_worker_not_drained conversation={}", id);
            }
            previous.close();
        }
        LOG.info("event=conversation_rejoined conversation={} epoch={}", id, group.epoch());
        conversation(id).ifPresent(listener::onConversationChanged);
        note.ifPresent(listener::onMessage);
        observeKeys(group.members());
        return true;
    }

    // ---- routing and acks ----

    private final class Events implements ConnectionListener {
        @Override
        public void onStateChanged(ConnectionState state) {
            if (state instanceof ConnectionState.Online) {
                synchronized (ackLock) {
                    lastActivity = clock().instant(); // idle counts from being online
                }
                resumePendingCommits();
                try {
                    deviceChecks.execute(ConversationEngine.this::checkDevicesWhenOnline);
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    // the engine is closing: no check
                }
            }
            listener.onConnectionState(state);
        }

        @Override
        public void onDelivery(ServerFrame.Deliver delivery) {
            synchronized (ackLock) {
                if (delivery.seq() <= highestSeen && delivery.seq() <= acked) {
                    return;
                }
                inFlight.add(delivery.seq());
                highestSeen = Math.max(highestSeen, delivery.seq());
                lastActivity = clock().instant();
            }
            if (delivery.kind() == DeliveryKind.WELCOME || joinQueue.get() > 0) {
                joinQueue.incrementAndGet();
                joiner.execute(() -> {
                    try {
                        if (delivery.kind() == DeliveryKind.WELCOME) {
                            join(delivery);
                        } else {
                            route(delivery);
                        }
                    } finally {
                        joinQueue.decrementAndGet();
                    }
                });
            } else {
                route(delivery);
            }
        }
    }

    /**
     * Lets each conversation with a commit of ours whose outcome is not stored (a crash or a lost
     * answer, ADR 0029) ask the server for it again, on its worker, now that we are online.
     */
    private void resumePendingCommits() {
        try {
            for (String id : keystore().conversations().withPendingCommits()) {
                ConversationWorker worker = worker(id);
                worker.submit(() -> {
                    try {
                        worker.resumePendingCommit();
                    } catch (Exception e) {
                        // still undecided: the next connect or the next commit asks again
                        LOG.warn(
                                "event=pending_commit_undecided conversation={} error={}",
                                id,
                                e.getClass().getSimpleName());
                    }
                    return null;
                });
            }
        } catch (ConversationException | KeystoreException | java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("event=pending_commits_unreadable error={}", e.getClass().getSimpleName());
        }
    }

    private void route(ServerFrame.Deliver delivery) {
        String id = delivery.groupId() == null
                ? null
                : HEX.formatHex(delivery.groupId().toByteArray());
        ConversationWorker worker = null;
        try {
            worker = id == null ? null : worker(id);
        } catch (ConversationException | KeystoreException e) {
            // unknown group: not (or no longer) ours
        }
        if (worker == null) {
            LOG.info("event=delivery_skipped seq={} reason=unknown_group", delivery.seq());
            completed(delivery.seq(), true);
            return;
        }
        worker.deliver(delivery);
    }

    /** A delivery is stored (or was skipped); acknowledges everything up to the first one still in flight. */
    void completed(long seq, boolean stored) {
        long ackUpTo;
        synchronized (ackLock) {
            if (!stored) {
                return; // stays in flight: not acknowledged, comes again after a reconnect
            }
            inFlight.remove(seq);
            lastActivity = clock().instant();
            ackUpTo = inFlight.isEmpty() ? highestSeen : inFlight.first() - 1;
            if (ackUpTo <= acked) {
                return;
            }
            acked = ackUpTo;
        }
        try {
            inboxCursor.store(ackUpTo);
            connection.acknowledge(ackUpTo);
        } catch (KeystoreException e) {
            LOG.warn("event=inbox_cursor_store_failed error={}", e.getClass().getSimpleName());
        }
    }

    private void refused(OutboxEntry entry, ServerErrorException error) {
        try {
            ConversationWorker worker = worker(entry.conversationId());
            worker.submit(() -> {
                try {
                    return worker.refused(entry, error);
                } catch (Exception e) {
                    // Nobody waits for this future: say it here. An entry not yet dequeued stays in
                    // the outbox, so nothing is lost.
                    LOG.warn(
                            "event=outbox_refusal_not_handled conversation={} code={} error={}",
                            entry.conversationId(),
                            error.code(),
                            e.getClass().getSimpleName());
                    throw e;
                }
            });
        } catch (ConversationException | KeystoreException e) {
            LOG.warn("event=outbox_refused_unknown conversation={}", entry.conversationId());
        }
    }

    private ConversationWorker worker(String conversationId) throws ConversationException, KeystoreException {
        ConversationWorker existing = workers.get(conversationId);
        if (existing != null) {
            return existing;
        }
        Conversation c = keystore()
                .conversations()
                .find(conversationId)
                .orElseThrow(() -> new ConversationException("no conversation " + conversationId));
        return workers.computeIfAbsent(conversationId, id -> new ConversationWorker(this, id, c.groupId()));
    }

    @FunctionalInterface
    private interface WorkerCall<T> {
        T call(ConversationWorker worker) throws Exception;
    }

    private static <T> T call(ConversationWorker worker, WorkerCall<T> work) throws Exception {
        Future<T> future = worker.submit(() -> work.call(worker));
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    // ---- for the workers ----

    Keystore keystore() {
        return account.keystore();
    }

    ConversationListener listener() {
        return listener;
    }

    AccountConnection connection() {
        return connection;
    }

    GroupConfig groupConfig() {
        return groupConfig;
    }

    Clock clock() {
        return account.clock();
    }

    /** How many of our commits lost their epoch to another member's and were made again. */
    public int lostCommits() {
        return lostCommits.get();
    }

    CommitProbe commitProbe() {
        return commitProbe;
    }

    void commitLost() {
        lostCommits.incrementAndGet();
    }

    /**
     * Sends a request and waits for its answer; first waits (up to the request timeout) for the
     * connection to be online, as it is not yet right after start or while it reconnects.
     */
    <T extends ServerFrame> T request(java.util.function.Function<String, ClientRequest> request, Class<T> answer)
            throws org.vermerk.app.connection.ConnectionException, InterruptedException {
        long deadline = System.nanoTime() + ONLINE_WAIT.toNanos();
        while (true) {
            while (!(connection.state() instanceof ConnectionState.Online) && System.nanoTime() < deadline) {
                if (connection.state() instanceof ConnectionState.Offline) {
                    break;
                }
                Thread.sleep(20);
            }
            try {
                return connection.await(request, answer);
            } catch (org.vermerk.app.connection.NotConnectedException
                    | org.vermerk.app.connection.ConnectionLostException e) {
                if (System.nanoTime() >= deadline || connection.state() instanceof ConnectionState.Offline) {
                    throw e;
                }
            }
        }
    }

    void wakeOutbox() {
        connection.outbox().wake();
    }

    /** Stops processing and closes the connection (the account stays open; the caller closes it). */
    @Override
    public void close() {
        // A check that is committing finishes first. Cut off between the server accepting a commit
        // and its merge being stored, the pending commit would bring the epoch back at the next
        // start (ADR 0029); finishing now spares the round trip.
        deviceChecks.shutdown();
        try {
            if (!deviceChecks.awaitTermination(CLOSE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                deviceChecks.shutdownNow();
            }
        } catch (InterruptedException e) {
            deviceChecks.shutdownNow();
            Thread.currentThread().interrupt();
        }
        connection.close();
        joiner.shutdownNow();
        workers.values().forEach(ConversationWorker::close);
    }
}
