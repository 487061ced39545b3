package org.vermerk.ui.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vermerk.app.policy.Language;

/**
 * The bundles and the code agree. A key is used when FXML names it ({@code %key}) or Java source
 * has it as a string literal (passed to {@code Messages.get}, {@code UiText.of} or kept in an
 * enum); a literal that looks like a key of one of the bundle's sections ({@code firststart.…},
 * {@code unlock.…}, …) must exist. German and English have the same keys.
 */
class MessagesBundleTest {
    private static final Path JAVA = Path.of("src/main/java");
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z][A-Za-z0-9.]*)\"");
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Set<String> matches(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    @Test
    void germanAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(keys(load("/org/vermerk/ui/messages_en.properties")))
                .isEqualTo(keys(load("/org/vermerk/ui/messages.properties")));
    }

    @Test
    void everyKeyTheCodeNamesExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> bundle = keys(load("/org/vermerk/ui/messages.properties"));
        Set<String> sections =
                bundle.stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
        Set<String> fxml = matches(RESOURCES, ".fxml", FXML_KEY);
        Set<String> java = matches(JAVA, ".java", JAVA_LITERAL);
        Set<String> javaKeys = java.stream()
                .filter(literal -> sections.contains(literal.substring(0, literal.indexOf('.'))))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(fxml).as("FXML keys missing in the bundle").isSubsetOf(bundle);
        assertThat(javaKeys).as("Java keys missing in the bundle").isSubsetOf(bundle);

        Set<String> unused = new TreeSet<>(bundle);
        unused.removeAll(fxml);
        unused.removeAll(javaKeys);
        assertThat(unused).as("keys no FXML or Java source uses").isEmpty();
    }

    @Test
    void textsWithArgumentsHaveNoApostrophesMessageFormatWouldEat() throws IOException {
        for (String resource :
                new String[] {"/org/vermerk/ui/messages.properties", "/org/vermerk/ui/messages_en.properties"}) {
            Properties p = load(resource);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                if (value.contains("{0}")) {
                    assertThat(value).as(resource + " " + key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void germanIsTheDefaultWhateverTheJvmLocaleAndEnglishIsThere() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.US);
            assertThat(Messages.of(Language.GERMAN).get("main.conversations.empty"))
                    .isEqualTo("Noch keine Unterhaltungen");
            assertThat(Messages.of(Language.ENGLISH).get("main.conversations.empty"))
                    .isEqualTo("No conversations yet");
            assertThat(Messages.of(Language.GERMAN).get("firststart.passphrase.hint", 16))
                    .startsWith("Mindestens 16 Zeichen");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
