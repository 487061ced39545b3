package org.vermerk.app.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The readers behind the keys of {@link Settings}: one per kind of value, each with exact messages. */
final class ValueReaders {
    private ValueReaders() {}

    static final String HOME_PLACEHOLDER = "${user.home}";

    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    static ValueReader<Boolean> bool() {
        return (key, node, problems) ->
                node.isBoolean() ? node.booleanValue() : problems.wrongType(key, "true or false", node);
    }

    static ValueReader<Integer> integer(int min, int max) {
        ValueReader<Long> whole = wholeNumber(min, max);
        return (key, node, problems) -> {
            Long value = whole.read(key, node, problems);
            return value == null ? null : Math.toIntExact(value);
        };
    }

    static ValueReader<Long> wholeNumber(long min, long max) {
        return (key, node, problems) -> {
            if (!node.isIntegralNumber()) {
                return problems.wrongType(key, "a whole number", node);
            }
            if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
                problems.add(
                        key, PolicyRule.OUT_OF_RANGE, "must be from " + min + " to " + max + ", was " + node.asText());
                return null;
            }
            return node.longValue();
        };
    }

    /** A non-blank single-line string of at most {@code maxLength} characters, stripped. */
    static ValueReader<String> text(int maxLength) {
        return (key, node, problems) -> {
            if (!node.isTextual()) {
                return problems.wrongType(key, "a string", node);
            }
            String value = node.textValue().strip();
            if (value.isEmpty() || value.length() > maxLength) {
                problems.add(
                        key,
                        PolicyRule.OUT_OF_RANGE,
                        "must have 1 to " + maxLength + " characters, had " + value.length());
                return null;
            }
            if (CONTROL.matcher(value).find()) {
                problems.add(key, PolicyRule.NOT_ALLOWED, "must be one line without control characters");
                return null;
            }
            return value;
        };
    }

    /** The delivery server's base URL: https, a host, optionally a port and a path; nothing else. */
    static ValueReader<URI> serverUrl() {
        return (key, node, problems) -> {
            URI url = absoluteUrl(key, node, problems, Set.of("https"));
            if (url == null) {
                return null;
            }
            if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
                problems.add(
                        key,
                        PolicyRule.MALFORMED_URL,
                        "must be a server address without user name, query or fragment, was \"" + url + "\"");
                return null;
            }
            return url;
        };
    }

    /**
     * An absolute URL with a host (or a file URL) whose scheme is one of {@code schemes}; records a
     * {@link PolicyRule#MALFORMED_URL} problem otherwise.
     */
    static URI absoluteUrl(String key, JsonNode node, PolicyProblems problems, Set<String> schemes) {
        if (!node.isTextual()) {
            return problems.wrongType(key, "a URL string", node);
        }
        String text = node.textValue().strip();
        String allowed = schemes.stream().sorted().collect(Collectors.joining(" or "));
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            problems.add(key, PolicyRule.MALFORMED_URL, "is not a valid URL (" + e.getMessage() + ")");
            return null;
        }
        if (!url.isAbsolute() || !url.getScheme().matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            problems.add(
                    key,
                    PolicyRule.MALFORMED_URL,
                    "is not a valid URL: \"" + text + "\" has no scheme (" + allowed + ")");
            return null;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            problems.add(
                    key, PolicyRule.MALFORMED_URL, "must be a URL with scheme " + allowed + ", was \"" + text + "\"");
            return null;
        }
        if (!scheme.equals("file") && (url.getHost() == null || url.getHost().isEmpty())) {
            problems.add(key, PolicyRule.MALFORMED_URL, "is not a valid URL: \"" + text + "\" has no host name");
            return null;
        }
        return url;
    }

    /** An array of strings, each holding one or more PEM {@code CERTIFICATE} blocks. */
    static ValueReader<List<X509Certificate>> certificates() {
        return (key, node, problems) -> {
            if (!node.isArray()) {
                return problems.wrongType(key, "an array of PEM certificate strings", node);
            }
            List<X509Certificate> certificates = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < node.size(); i++) {
                String elementKey = key + "[" + i + "]";
                JsonNode element = node.get(i);
                if (!element.isTextual()) {
                    problems.wrongType(elementKey, "a PEM certificate string", element);
                    ok = false;
                    continue;
                }
                List<X509Certificate> parsed = pemCertificates(elementKey, element.textValue(), problems);
                if (parsed == null) {
                    ok = false;
                } else {
                    certificates.addAll(parsed);
                }
            }
            return ok ? List.copyOf(certificates) : null;
        };
    }

    private static List<X509Certificate> pemCertificates(String key, String pem, PolicyProblems problems) {
        int blocks = countOccurrences(pem, PEM_BEGIN);
        if (blocks == 0) {
            problems.add(key, PolicyRule.BAD_CERTIFICATE, "is not a PEM certificate: no \"" + PEM_BEGIN + "\" line");
            return null;
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : factory.generateCertificates(
                    new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.size() != blocks) {
                problems.add(
                        key,
                        PolicyRule.BAD_CERTIFICATE,
                        "is not a PEM certificate: " + blocks + " BEGIN lines but " + certificates.size()
                                + " readable certificates");
                return null;
            }
            return certificates;
        } catch (CertificateException | RuntimeException e) {
            problems.add(
                    key,
                    PolicyRule.BAD_CERTIFICATE,
                    "is not a PEM certificate: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return null;
        }
    }

    private static int countOccurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** A suite number (1, 2) or its RFC 9420 name. */
    static ValueReader<MlsCipherSuite> cipherSuite() {
        return (key, node, problems) -> {
            String allowed = Arrays.stream(MlsCipherSuite.values())
                    .map(MlsCipherSuite::toString)
                    .collect(Collectors.joining(" or "));
            if (node.isIntegralNumber()) {
                var suite = MlsCipherSuite.byId(node.longValue());
                if (suite.isEmpty()) {
                    problems.add(
                            key,
                            PolicyRule.UNKNOWN_CIPHER_SUITE,
                            "unknown or not allowed cipher suite " + node.asText() + "; allowed are " + allowed);
                }
                return suite.orElse(null);
            }
            if (node.isTextual()) {
                var suite = MlsCipherSuite.byName(node.textValue());
                if (suite.isEmpty()) {
                    problems.add(
                            key,
                            PolicyRule.UNKNOWN_CIPHER_SUITE,
                            "unknown or not allowed cipher suite \"" + node.textValue() + "\"; allowed are " + allowed);
                }
                return suite.orElse(null);
            }
            return problems.wrongType(key, "a cipher suite number or name", node);
        };
    }

    static ValueReader<Language> language() {
        return (key, node, problems) -> {
            if (!node.isTextual()) {
                return problems.wrongType(key, "a language tag string", node);
            }
            var language = Language.byTag(node.textValue());
            if (language.isEmpty()) {
                problems.add(
                        key,
                        PolicyRule.NOT_ALLOWED,
                        "must be one of "
                                + Arrays.stream(Language.values())
                                        .map(Language::tag)
                                        .collect(Collectors.joining(", "))
                                + ", was \"" + node.textValue() + "\"");
            }
            return language.orElse(null);
        };
    }

    /** An array of at most {@code maxCount} distinct strings, each read by {@link #text(int)}. */
    static ValueReader<List<String>> textList(int maxCount, int maxLength) {
        ValueReader<String> element = text(maxLength);
        return (key, node, problems) -> {
            if (!node.isArray()) {
                return problems.wrongType(key, "an array of strings", node);
            }
            if (node.size() > maxCount) {
                problems.add(
                        key, PolicyRule.OUT_OF_RANGE, "may have at most " + maxCount + " entries, had " + node.size());
                return null;
            }
            List<String> values = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            boolean ok = true;
            for (int i = 0; i < node.size(); i++) {
                String value = element.read(key + "[" + i + "]", node.get(i), problems);
                if (value == null) {
                    ok = false;
                } else if (!seen.add(value)) {
                    problems.add(key + "[" + i + "]", PolicyRule.NOT_ALLOWED, "\"" + value + "\" is listed twice");
                    ok = false;
                } else {
                    values.add(value);
                }
            }
            return ok ? List.copyOf(values) : null;
        };
    }

    /**
     * An absolute directory path; a leading {@value #HOME_PLACEHOLDER} stands for the home folder of
     * the user running the client. The directory need not exist yet (network drives may be mounted
     * later); the export checks it.
     */
    static ValueReader<Path> directory(Path userHome) {
        return (key, node, problems) -> {
            if (!node.isTextual()) {
                return problems.wrongType(key, "a directory path string", node);
            }
            String text = node.textValue().strip();
            String expanded =
                    text.startsWith(HOME_PLACEHOLDER) ? userHome + text.substring(HOME_PLACEHOLDER.length()) : text;
            Path path;
            try {
                path = Path.of(expanded);
            } catch (InvalidPathException e) {
                problems.add(key, PolicyRule.NOT_ALLOWED, "is not a valid path on this system: " + e.getMessage());
                return null;
            }
            if (text.isEmpty() || !path.isAbsolute()) {
                problems.add(
                        key,
                        PolicyRule.NOT_ALLOWED,
                        "must be an absolute path or start with " + HOME_PLACEHOLDER + ", was \"" + text + "\"");
                return null;
            }
            return path.normalize();
        };
    }

    /** The {@code proxy} object: {@code mode} and the fields that mode takes. */
    static ValueReader<ProxySetting> proxy() {
        return (key, node, problems) -> {
            if (!node.isObject()) {
                return problems.wrongType(key, "an object with \"mode\"", node);
            }
            Map<String, Set<String>> fieldsByMode = Map.of(
                    "system", Set.of(),
                    "none", Set.of(),
                    "manual", Set.of("host", "port", "bypass"),
                    "pac", Set.of("pacUrl"));
            JsonNode modeNode = node.get("mode");
            if (modeNode == null) {
                problems.add(key + ".mode", PolicyRule.MISSING_FIELD, "is missing (system, none, manual or pac)");
                return null;
            }
            if (!modeNode.isTextual()) {
                return problems.wrongType(key + ".mode", "a string", modeNode);
            }
            String mode = modeNode.textValue();
            Set<String> fields = fieldsByMode.get(mode);
            if (fields == null) {
                problems.add(
                        key + ".mode",
                        PolicyRule.NOT_ALLOWED,
                        "must be one of system, none, manual, pac, was \"" + mode + "\"");
                return null;
            }
            boolean ok = true;
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.equals("mode") || fields.contains(name)) {
                    continue;
                }
                boolean elsewhere = fieldsByMode.values().stream().anyMatch(s -> s.contains(name));
                problems.add(
                        key + "." + name,
                        elsewhere ? PolicyRule.NOT_ALLOWED : PolicyRule.UNKNOWN_KEY,
                        elsewhere ? "is not allowed with mode " + mode : "is not a proxy field");
                ok = false;
            }
            ProxySetting setting = switch (mode) {
                case "system" -> new ProxySetting.UseSystem();
                case "none" -> new ProxySetting.NoProxy();
                case "manual" -> manualProxy(key, node, problems);
                default -> pacProxy(key, node, problems);
            };
            return ok ? setting : null;
        };
    }

    private static ProxySetting manualProxy(String key, JsonNode node, PolicyProblems problems) {
        String host =
                required(key, node, "host", problems) ? proxyHost(key + ".host", node.get("host"), problems) : null;
        Integer port = required(key, node, "port", problems)
                ? integer(1, 65535).read(key + ".port", node.get("port"), problems)
                : null;
        List<String> bypass =
                node.has("bypass") ? textList(500, 255).read(key + ".bypass", node.get("bypass"), problems) : List.of();
        return host == null || port == null || bypass == null ? null : new ProxySetting.Manual(host, port, bypass);
    }

    private static String proxyHost(String key, JsonNode node, PolicyProblems problems) {
        String host = text(255).read(key, node, problems);
        if (host == null) {
            return null;
        }
        if (host.contains("/") || host.contains(" ") || (host.contains(":") && !host.startsWith("["))) {
            problems.add(
                    key,
                    PolicyRule.NOT_ALLOWED,
                    "must be a host name or IP address alone (no scheme, port or path), was \"" + host + "\"");
            return null;
        }
        return host;
    }

    private static ProxySetting pacProxy(String key, JsonNode node, PolicyProblems problems) {
        if (!required(key, node, "pacUrl", problems)) {
            return null;
        }
        URI url = absoluteUrl(key + ".pacUrl", node.get("pacUrl"), problems, Set.of("http", "https", "file"));
        return url == null ? null : new ProxySetting.Pac(url);
    }

    private static boolean required(String key, JsonNode node, String field, PolicyProblems problems) {
        if (node.has(field)) {
            return true;
        }
        problems.add(
                key + "." + field,
                PolicyRule.MISSING_FIELD,
                "is missing; mode " + node.get("mode").textValue() + " requires it");
        return false;
    }
}
