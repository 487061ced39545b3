package org.vermerk.app.policy;

import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of settings that the admin policy can set, in the order of docs/admin/policy.md.
 * Each is documented there with its type, range and default; the JSON Schema
 * (packaging/src/main/resources/policy/policy.schema.json) names the same keys, and a test keeps
 * both in agreement.
 */
public final class Settings {
    private Settings() {}

    /** The key that lists the locked settings; it is part of the policy but not a setting. */
    public static final String LOCKED_KEY = "locked";

    /** The largest attachment a policy may allow: 4 GiB. */
    public static final long MAX_ATTACHMENT_BYTES = 4L * 1024 * 1024 * 1024;

    /** Where the client may read the home folder placeholder of {@code exportDirectory} from. */
    private static final Path USER_HOME = Path.of(System.getProperty("user.home"));

    public static final Setting<URI> SERVER_URL = new Setting<>(
            "serverUrl", "The delivery server's https address.", null, true, ValueReaders.serverUrl(), URI::toString);

    public static final Setting<List<X509Certificate>> PINNED_CA_CERTIFICATES = new Setting<>(
            "pinnedCaCertificates",
            "CA certificates the server's TLS certificate must chain to; empty: the system's trust store.",
            List.of(),
            false,
            ValueReaders.certificates(),
            Settings::describeCertificates);

    public static final Setting<MlsCipherSuite> CIPHER_SUITE = new Setting<>(
            "cipherSuite",
            "The MLS cipher suite of new conversations and key packages.",
            MlsCipherSuite.X25519_AES128GCM_SHA256_ED25519,
            false,
            ValueReaders.cipherSuite(),
            MlsCipherSuite::toString);

    public static final Setting<ProxySetting> PROXY = new Setting<>(
            "proxy",
            "How to reach the server: system, none, manual (host, port, bypass) or pac (pacUrl).",
            new ProxySetting.UseSystem(),
            true,
            ValueReaders.proxy(),
            ProxySetting::toString);

    public static final Setting<Integer> PASSPHRASE_MIN_LENGTH = new Setting<>(
            "passphraseMinLength",
            "The fewest characters a new passphrase may have.",
            12,
            false,
            ValueReaders.integer(8, 256),
            n -> n + " characters");

    public static final Setting<Integer> IDLE_LOCK_MINUTES = new Setting<>(
            "idleLockMinutes",
            "Minutes without input after which the client locks; 0: never.",
            15,
            true,
            ValueReaders.integer(0, 1440),
            n -> n == 0 ? "never" : n + " minutes");

    public static final Setting<Long> ATTACHMENT_MAX_BYTES = new Setting<>(
            "attachmentMaxBytes",
            "The largest attachment a user may send, in bytes; 0: no attachments.",
            25L * 1024 * 1024,
            false,
            ValueReaders.wholeNumber(0, MAX_ATTACHMENT_BYTES),
            Settings::describeBytes);

    public static final Setting<Boolean> RECORDS_NOTICE = new Setting<>(
            "recordsNotice",
            "Whether filing a message as a record tells the conversation so (on: true).",
            true,
            true,
            ValueReaders.bool(),
            on -> on ? "on" : "off");

    public static final Setting<Path> EXPORT_DIRECTORY = new Setting<>(
            "exportDirectory",
            "Where records exports are written; without it the user picks a folder each time.",
            null,
            true,
            ValueReaders.directory(USER_HOME),
            Path::toString);

    public static final Setting<Language> LANGUAGE = new Setting<>(
            "language",
            "The language of the user interface: de or en.",
            Language.GERMAN,
            true,
            ValueReaders.language(),
            Language::tag);

    public static final Setting<Boolean> NOTIFICATIONS_SHOW_CONTENT = new Setting<>(
            "notificationsShowContent",
            "Whether desktop notifications show sender and text, or only that a message arrived.",
            false,
            true,
            ValueReaders.bool(),
            on -> on ? "sender and text" : "only that a message arrived");

    public static final Setting<List<String>> CLASSIFICATION_LABELS = new Setting<>(
            "classificationLabels",
            "The classification labels officials may set on a conversation; empty: none.",
            List.of("VS – NUR FÜR DEN DIENSTGEBRAUCH"),
            false,
            ValueReaders.textList(20, 80),
            labels -> labels.isEmpty() ? "(none)" : String.join("; ", labels));

    public static final Setting<String> AUTHORITY_NAME = new Setting<>(
            "authorityName",
            "The authority's name as records exports and their transcripts carry it.",
            null,
            false,
            ValueReaders.text(200),
            Function.identity());

    private static final List<Setting<?>> ALL = List.of(
            SERVER_URL,
            PINNED_CA_CERTIFICATES,
            CIPHER_SUITE,
            PROXY,
            PASSPHRASE_MIN_LENGTH,
            IDLE_LOCK_MINUTES,
            ATTACHMENT_MAX_BYTES,
            RECORDS_NOTICE,
            EXPORT_DIRECTORY,
            LANGUAGE,
            NOTIFICATIONS_SHOW_CONTENT,
            CLASSIFICATION_LABELS,
            AUTHORITY_NAME);

    private static final Map<String, Setting<?>> BY_KEY =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Setting::key, Function.identity()));

    /** Every setting, in documentation order. */
    public static List<Setting<?>> all() {
        return ALL;
    }

    /** The setting with this policy key (exact spelling). */
    public static Optional<Setting<?>> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    static String describeBytes(long bytes) {
        if (bytes == 0) {
            return "attachments off";
        }
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB (" + bytes + " bytes)";
        }
        return bytes + " bytes";
    }

    /** Subject, SHA-256 fingerprint and expiry of each certificate: what an administrator compares. */
    static String describeCertificates(List<X509Certificate> certificates) {
        if (certificates.isEmpty()) {
            return "(none: the system's trust store)";
        }
        return certificates.stream()
                .map(c -> c.getSubjectX500Principal().getName() + " (SHA-256 " + fingerprint(c) + ", valid until "
                        + c.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate() + ")")
                .collect(Collectors.joining("; "));
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("SHA-256 or a parsed certificate's encoding is unavailable", e);
        }
    }
}
