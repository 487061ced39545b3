package org.vermerk.bench.keystore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Keystore;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.KeystoreOptions;
import org.vermerk.keystore.Message;
import org.vermerk.keystore.Passphrase;
import org.vermerk.keystore.SearchHit;
import org.vermerk.keystore.Transition;
import org.vermerk.protocol.codec.Bytes;

/**
 * The keystore's numbers (docs/benchmarks.md): unlock with the default Argon2id, message inserts in
 * transactions, FTS query latency over a large store, and bytes on disk per message.
 */
public class KeystoreBenchmarks {
    /**
     * The corpus: words drawn from a Zipf distribution (s = 1) over a 20,000-word vocabulary, as
     * natural text is; the most frequent ranks are common German office words, the rest are made up
     * from syllables. Each message has 6 to 19 words.
     */
    static final class Corpus {
        private static final String[] COMMON = {
            "Sitzung",
            "bitte",
            "danke",
            "morgen",
            "heute",
            "Termin",
            "Köln",
            "Haushalt",
            "Entwurf",
            "Vorlage",
            "Referat",
            "Vermerk",
            "Abstimmung",
            "Bonn",
            "Berlin",
            "Frist",
            "Stellungnahme",
            "Ministerium",
            "Besprechung",
            "Änderung",
            "Zuständigkeit",
            "Gesetz",
            "Verordnung",
            "Bericht",
            "Übersicht",
            "Anlage",
            "Protokoll"
        };
        private static final String[] SYLLABLES = {
            "an", "be", "ver", "ge", "stand", "lung", "keit", "amt", "recht", "ord", "nung", "schaft", "bau", "zeit",
            "plan", "wirt", "for", "derung", "mit", "tel", "ab", "schluss", "ein", "gabe", "prü", "fung", "land",
            "kreis", "stadt", "verkehr"
        };
        static final int VOCABULARY = 20_000;

        private final String[] words = new String[VOCABULARY];
        private final double[] cumulative = new double[VOCABULARY];

        Corpus() {
            double sum = 0;
            for (int rank = 0; rank < VOCABULARY; rank++) {
                words[rank] = rank < COMMON.length ? COMMON[rank] : madeUp(rank);
                sum += 1.0 / (rank + 1);
                cumulative[rank] = sum;
            }
            for (int rank = 0; rank < VOCABULARY; rank++) {
                cumulative[rank] /= sum;
            }
        }

        private static String madeUp(int rank) {
            StringBuilder word = new StringBuilder();
            int n = rank;
            do {
                word.append(SYLLABLES[n % SYLLABLES.length]);
                n /= SYLLABLES.length;
            } while (n > 0);
            return word.toString();
        }

        String word(int rank) {
            return words[rank];
        }

        String text(Random random) {
            StringBuilder text = new StringBuilder();
            int count = 6 + random.nextInt(14);
            for (int i = 0; i < count; i++) {
                int rank = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
                text.append(i == 0 ? "" : " ").append(words[rank < 0 ? -rank - 1 : rank]);
            }
            return text.toString();
        }
    }

    static final Corpus CORPUS = new Corpus();

    static Message message(String conversation, long seq, Random random) {
        String body = CORPUS.text(random);
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq);
        return Message.of(
                "msg-" + seq,
                conversation,
                seq,
                "user" + (seq % 7) + "@bmi.example",
                "device-1",
                at,
                at,
                "{\"v\":1,\"type\":\"text\",\"text\":\"" + body + "\"}",
                body,
                DeliveryState.RECEIVED);
    }

    static Path tempDir() throws IOException {
        return Files.createTempDirectory("vermerk-bench");
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static Passphrase passphrase() {
        return Passphrase.of("Benchmark-Passphrase 2026".toCharArray());
    }

    static Keystore createWithConversations(Path dir, KeystoreOptions options, int conversations)
            throws KeystoreException {
        Keystore store = Keystore.create(dir, passphrase(), options);
        for (int c = 0; c < conversations; c++) {
            String id = "conv-" + c;
            store.apply(Transition.forConversation(id)
                    .createConversation(new Conversation(
                            id,
                            Bytes.of(id.getBytes()),
                            Conversation.Kind.GROUP,
                            "Gruppe " + c,
                            null,
                            Instant.EPOCH,
                            false))
                    .build());
        }
        return store;
    }

    /** Open and unlock with the default Argon2id (64 MiB, 3 passes, 1 lane), then close. */
    @State(Scope.Benchmark)
    public static class Unlock {
        Path dir;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            dir = tempDir();
            Keystore.create(dir, passphrase(), KeystoreOptions.defaults()).close();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            delete(dir);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Bytes openAndUnlock(Unlock state) throws KeystoreException {
        try (Keystore store = Keystore.open(state.dir, passphrase(), KeystoreOptions.defaults())) {
            return store.storeId();
        }
    }

    /** Argon2id alone (default parameters) plus one AES-GCM wrap: the share of the KDF in unlocking. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object argon2idDefaultWrap() throws KeystoreException {
        return new org.vermerk.keystore.PassphraseProtector(
                        passphrase(), org.vermerk.keystore.Argon2Params.DEFAULT, new java.security.SecureRandom())
                .wrap(org.vermerk.protocol.crypto.Secret.zero(32), Bytes.EMPTY);
    }

    /** A store that the insert benchmarks fill, one transaction per batch (each fsynced). */
    @State(Scope.Benchmark)
    public static class Inserts {
        Path dir;
        Keystore store;
        long next;
        final Random random = new Random(1);

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            dir = tempDir();
            store = createWithConversations(dir, KeystoreOptions.defaults(), 1);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            store.close();
            delete(dir);
        }
    }

    /** Messages per second, 100 per transaction (a typical sync batch). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(100)
    public Object insertMessagesBatch100(Inserts state) throws KeystoreException {
        return insert(state, 100);
    }

    /** Messages per second, 1,000 per transaction (catching up after a long absence). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(1000)
    public Object insertMessagesBatch1000(Inserts state) throws KeystoreException {
        return insert(state, 1000);
    }

    /** Messages per second, one per transaction (a live conversation, message by message). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object insertMessagesBatch1(Inserts state) throws KeystoreException {
        return insert(state, 1);
    }

    private static Object insert(Inserts state, int batch) throws KeystoreException {
        Transition.Builder t = Transition.forConversation("conv-0");
        for (int i = 0; i < batch; i++) {
            t.addMessage(message("conv-0", ++state.next, state.random));
        }
        t.syncCursor("group:conv-0", state.next);
        return state.store.apply(t.build());
    }

    /** A store of {@code messages} messages in 50 conversations, filled once per trial. */
    @State(Scope.Benchmark)
    public static class Search {
        @Param({"1000000"})
        public int messages;

        Path dir;
        Keystore store;
        final Random random = new Random(2);
        /** A mix a user might type: frequent and rare words, two-word queries, half-typed words. */
        static final List<String> QUERIES = List.of(
                "koln",
                "haushalt frist",
                "stellungn",
                "protokoll anlage",
                "uber",
                "termin morgen",
                CORPUS.word(150),
                CORPUS.word(2_000),
                CORPUS.word(15_000),
                CORPUS.word(40) + " " + CORPUS.word(300).substring(0, 4));

        /** Also merge the index into one segment (FTS5 optimize) before measuring. */
        @Param({"false"})
        public boolean optimize;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            dir = tempDir();
            store = createWithConversations(dir, KeystoreOptions.defaults(), 50);
            Random fill = new Random(3);
            int perTransaction = 5000;
            for (long seq = 1; seq <= messages; ) {
                String conversation = "conv-" + (seq / perTransaction % 50);
                Transition.Builder t = Transition.forConversation(conversation);
                for (int i = 0; i < perTransaction && seq <= messages; i++, seq++) {
                    t.addMessage(message(conversation, seq, fill));
                }
                store.apply(t.build());
            }
            long bytes = 0;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    bytes += Files.size(f);
                }
            }
            System.err.printf(
                    "keystore: %d messages, %d bytes on disk, %.1f bytes per message%n",
                    messages, bytes, (double) bytes / messages);
            if (optimize) {
                store.messages().optimizeSearchIndex();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            store.close();
            delete(dir);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<SearchHit> ftsQuery(Search state) throws KeystoreException {
        String query = Search.QUERIES.get(state.random.nextInt(Search.QUERIES.size()));
        return state.store.messages().search(query, null, 50);
    }

    /** The worst case: the most frequent word, as a prefix (it matches most messages). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<SearchHit> ftsQueryMostFrequentWord(Search state) throws KeystoreException {
        return state.store.messages().search(CORPUS.word(0), null, 50);
    }
}
