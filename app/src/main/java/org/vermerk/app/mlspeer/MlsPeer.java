package org.vermerk.app.mlspeer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.ContentType;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.group.CommitOptions;
import org.vermerk.protocol.group.CreatedCommit;
import org.vermerk.protocol.group.Group;
import org.vermerk.protocol.group.GroupConfig;
import org.vermerk.protocol.group.ProcessedMessage;
import org.vermerk.protocol.group.StagedCommit;
import org.vermerk.protocol.keypackage.NewKeyPackage;
import org.vermerk.protocol.messages.Add;
import org.vermerk.protocol.messages.Proposal;
import org.vermerk.protocol.messages.Remove;
import org.vermerk.protocol.messages.Welcome;
import org.vermerk.protocol.tree.RatchetTreeNodes;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * The MLS interop peer (docs/mls-interop-peer.md): one JSON request per line in, exactly one JSON
 * answer line per request out, in order; several clients per process, each named by its {@code
 * state} handle; nothing is written to disk.
 *
 * <p>A failed command answers {@code ok:false} and leaves its client as it was: arguments are all
 * read and decoded before a client is touched, a new handle is only kept once its first command
 * succeeded, and a commit is made pending, encoded, and merged only when nothing can fail any more.
 * One exception the engine does not undo: a PrivateMessage from a member whose sender data decrypts
 * but whose content does not has used up its ratchet key.
 *
 * <p>Not thread-safe: one thread serves one input stream.
 */
public final class MlsPeer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The clients by handle. Serving thread only. */
    private final Map<String, PeerClient> clients = new HashMap<>();

    private final PrintStream diagnostics;
    private final SecureRandom random = new SecureRandom();
    /** Set by {@code quit}: the request loop ends after answering it. Serving thread only. */
    private boolean quit;

    /** A peer that writes one line per failed command to {@code diagnostics} (stderr when served). */
    public MlsPeer(PrintStream diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * {@code vermerk mls-peer serve}: serves standard input until {@code quit} or its end. Standard
     * output carries the answers only: anything else printed to {@code System.out} afterwards goes
     * to standard error.
     */
    public static int serveStandardStreams() throws IOException {
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        return new MlsPeer(System.err).serve(System.in, answers);
    }

    /** Answers every request line of {@code in} on {@code out} (blank lines are skipped); returns the exit code 0. */
    public int serve(InputStream in, PrintStream out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while (!quit && (line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            out.print(answer(line));
            out.print('\n');
            out.flush();
        }
        return 0;
    }

    /** Whether a {@code quit} request was answered. */
    public boolean quitRequested() {
        return quit;
    }

    /** The answer line (without its newline) to one request line; never throws. */
    public String answer(String line) {
        JsonNode json;
        try {
            json = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return failure(NullNode.getInstance(), "malformed JSON: " + e.getOriginalMessage(), "request");
        }
        if (json == null || !json.isObject()) {
            return failure(NullNode.getInstance(), "the request is not a JSON object", "request");
        }
        JsonNode id = json.has("id") ? json.get("id") : NullNode.getInstance();
        PeerRequest request = new PeerRequest(json);
        String cmd = json.path("cmd").asText("request");
        try {
            ObjectNode result = JSON.createObjectNode();
            result.set("id", id);
            result.put("ok", true);
            execute(request.command(), request, result);
            return JSON.writeValueAsString(result);
        } catch (Exception | StackOverflowError e) {
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return failure(id, message, cmd);
        }
    }

    private String failure(JsonNode id, String error, String cmd) {
        diagnostics.println("mls-peer: " + cmd + " failed: " + error);
        ObjectNode result = JSON.createObjectNode();
        result.set("id", id);
        result.put("ok", false);
        result.put("error", error);
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            return "{\"id\":null,\"ok\":false,\"error\":\"the answer could not be encoded\"}";
        }
    }

    private void execute(String cmd, PeerRequest request, ObjectNode result) throws MlsException {
        switch (cmd) {
            case "ping" -> {}
            case "info" -> {
                ObjectNode lib = result.putObject("lib");
                lib.put("name", "vermerk");
                String version = MlsPeer.class.getPackage().getImplementationVersion();
                lib.put("version", version == null ? "development" : version);
            }
            case "quit" -> quit = true;
            case "keypackage" -> keyPackage(request, result);
            case "create-group" -> createGroup(request, result);
            case "join" -> join(request, result);
            case "add" -> {
                List<Proposal> adds = new ArrayList<>();
                for (Bytes each : request.hexList("key_package")) {
                    adds.add(new Add(PeerCodec.keyPackage(each)));
                }
                commit(request, adds, result);
            }
            case "update" -> commit(request, List.of(), result);
            case "remove" -> commit(request, List.of(new Remove(LeafIndex.of(request.index("index")))), result);
            case "encrypt" -> {
                byte[] text = request.text("text").getBytes(StandardCharsets.UTF_8);
                Group group = existing(request).group();
                result.put("message", PeerCodec.hex(group.encrypt(text, Bytes.EMPTY)));
            }
            case "decrypt" -> decrypt(request, result);
            case "process-commit" -> processCommit(request, result);
            case "epoch-authenticator" -> epochInfo(existing(request).group(), result);
            default -> throw new IllegalArgumentException("unknown command " + cmd);
        }
    }

    private void keyPackage(PeerRequest request, ObjectNode result) throws MlsException {
        String handle = request.state();
        String identity = request.text("identity");
        PeerClient client = clients.getOrDefault(handle, new PeerClient());
        NewKeyPackage created = client.newKeyPackage(request.suite(), identity);
        result.put("key_package", PeerCodec.hex(new MlsMessage.OfKeyPackage(created.keyPackage())));
        clients.putIfAbsent(handle, client);
    }

    private void createGroup(PeerRequest request, ObjectNode result) throws MlsException {
        String handle = request.state();
        String identity = request.text("identity");
        Bytes groupId = request.optionalHex("group_id").orElseGet(() -> randomGroupId());
        PeerClient client = clients.getOrDefault(handle, new PeerClient());
        client.createGroup(request.suite(), request.config(), identity, groupId);
        result.put("group_id", client.group().groupId().hex());
        epochInfo(client.group(), result);
        clients.putIfAbsent(handle, client);
    }

    private void join(PeerRequest request, ObjectNode result) throws MlsException {
        PeerClient client = existing(request);
        if (!(PeerCodec.message(request.hex("welcome")) instanceof MlsMessage.OfWelcome(Welcome welcome))) {
            throw new IllegalArgumentException("welcome is not an MLSMessage carrying a Welcome");
        }
        Optional<Bytes> treeHex = request.optionalHex("ratchet_tree");
        Optional<RatchetTreeNodes> tree =
                treeHex.isPresent() ? Optional.of(PeerCodec.ratchetTree(treeHex.get())) : Optional.empty();
        client.join(welcome, request.config(), tree);
        epochInfo(client.group(), result);
    }

    /**
     * One commit of ours with {@code proposals} (none: an empty commit with a path), sent as the
     * request's {@code commit_wire} says and merged before answering; the Welcome of an Add
     * carries the tree unless {@code ratchet_tree_ext} is false.
     */
    private void commit(PeerRequest request, List<Proposal> proposals, ObjectNode result) throws MlsException {
        GroupConfig settings = request.config();
        Group group = existing(request).group();
        GroupConfig previous = group.config();
        CreatedCommit created;
        group.reconfigure(settings);
        try {
            created = group.commit(CommitOptions.of(proposals).withoutReceivedProposals());
        } finally {
            group.reconfigure(previous);
        }
        String commit;
        String welcome = null;
        String groupInfo = null;
        try {
            commit = PeerCodec.hex(created.commit());
            if (created.welcome().isPresent()) {
                welcome = PeerCodec.hex(created.welcome().get());
                groupInfo = PeerCodec.hex(new MlsMessage.OfGroupInfo(created.groupInfo()));
            }
        } catch (RuntimeException e) {
            group.discardPendingCommit();
            throw e;
        }
        group.mergePendingCommit();
        result.put("commit", commit);
        if (welcome != null) {
            result.put("welcome", welcome);
            result.put("ratchet_tree", PeerCodec.hex(group.ratchetTree()));
            result.put("group_info", groupInfo);
        }
        epochInfo(group, result);
    }

    private void decrypt(PeerRequest request, ObjectNode result) throws MlsException {
        MlsMessage message = PeerCodec.message(request.hex("message"));
        Group group = existing(request).group();
        switch (group.process(message)) {
            case ProcessedMessage.ApplicationMessage app -> {
                result.put("text", new String(app.plaintext().toByteArray(), StandardCharsets.UTF_8));
                result.put("sender_index", app.member().leafIndex().value());
                if (app.member().credential() instanceof BasicCredential(Bytes identity)) {
                    result.put("sender_identity", new String(identity.toByteArray(), StandardCharsets.UTF_8));
                } else {
                    result.putNull("sender_identity");
                }
            }
            case ProcessedMessage.CommitMessage commit -> {
                result.putNull("text");
                result.put("handshake", true);
                merge(group, commit.staged(), result);
            }
            case ProcessedMessage.ProposalMessage proposal -> {
                result.putNull("text");
                result.put("handshake", true);
                epochInfo(group, result);
            }
        }
    }

    private void processCommit(PeerRequest request, ObjectNode result) throws MlsException {
        MlsMessage message = PeerCodec.message(request.hex("message"));
        ContentType type = switch (message) {
            case MlsMessage.OfPublicMessage(var m) -> m.content().contentType();
            case MlsMessage.OfPrivateMessage(var m) -> m.contentType();
            default -> throw new IllegalArgumentException("message is a " + message.wireFormat() + ", not a commit");
        };
        if (type != ContentType.COMMIT) {
            // refused before processing: an application message would use up its key, a proposal be kept
            throw new IllegalArgumentException("message carries " + type + ", not a commit");
        }
        Group group = existing(request).group();
        long start = System.nanoTime();
        ProcessedMessage processed = group.process(message);
        if (!(processed instanceof ProcessedMessage.CommitMessage commit)) {
            throw new IllegalStateException("a commit was processed as " + processed);
        }
        merge(group, commit.staged(), result);
        result.put("process_ms", Math.round((System.nanoTime() - start) / 1000.0) / 1000.0);
    }

    /** Merges a received commit; answers the new epoch's info, or {@code removed: true} if it removed us. */
    private static void merge(Group group, StagedCommit staged, ObjectNode result) {
        group.mergeStagedCommit(staged);
        if (group.isActive()) {
            epochInfo(group, result);
        } else {
            result.put("removed", true);
        }
    }

    /** {@code epoch, epoch_authenticator, exporter, members, own_index} of the current epoch. */
    private static void epochInfo(Group group, ObjectNode result) {
        result.put("epoch", group.epoch());
        Secret authenticator = group.epochAuthenticator();
        Secret exporter = group.export("exporter", new byte[0], 32);
        try {
            result.put("epoch_authenticator", Bytes.of(authenticator.expose()).hex());
            result.put("exporter", Bytes.of(exporter.expose()).hex());
        } finally {
            authenticator.destroy();
            exporter.destroy();
        }
        result.put("members", group.members().size());
        result.put("own_index", group.ownLeaf().value());
    }

    /** The client the request's handle names, which a previous command created. */
    private PeerClient existing(PeerRequest request) {
        String handle = request.state();
        PeerClient client = clients.get(handle);
        if (client == null) {
            throw new IllegalArgumentException(
                    "no client named " + handle + " (start it with keypackage or create-group)");
        }
        return client;
    }

    private Bytes randomGroupId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return Bytes.of(id);
    }
}
