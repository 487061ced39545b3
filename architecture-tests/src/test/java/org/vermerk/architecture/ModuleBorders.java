package org.vermerk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The module borders of docs/ARCHITECTURE.md as ArchUnit rules. They are plain values so that
 * {@link ModuleBordersTest} can check them against the product and {@link ModuleBorderRulesBiteTest}
 * can show that each one catches a violation.
 */
final class ModuleBorders {
    private ModuleBorders() {}

    static final String PROTOCOL = "org.vermerk.protocol..";
    static final String KEYSTORE = "org.vermerk.keystore..";
    static final String APP = "org.vermerk.app..";
    static final String UI = "org.vermerk.ui..";
    static final String SERVER = "org.vermerk.server..";
    static final String SERVER_STORAGE = "org.vermerk.server.storage..";

    static final String JAVAFX = "javafx..";
    static final String OKHTTP = "okhttp3..";
    static final String JETTY = "org.eclipse.jetty..";
    static final String JDBC = "java.sql..";
    static final String SQLITE_DRIVER = "org.sqlite..";

    /** The MLS engine is a pure library: no UI toolkit, no network stack, no database. */
    static final ArchRule PROTOCOL_IS_A_PURE_LIBRARY = noClasses()
            .that()
            .resideInAPackage(PROTOCOL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(JAVAFX, OKHTTP, JETTY, JDBC, SQLITE_DRIVER)
            .allowEmptyShould(false)
            .because("protocol/ is the MLS engine and the wire schema, with no I/O of its own");

    /** The client engine runs headless (CLI, tests) and under any UI. */
    static final ArchRule APP_HAS_NO_UI_TOOLKIT = noClasses()
            .that()
            .resideInAPackage(APP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(JAVAFX)
            .allowEmptyShould(true)
            .because("app/ is the client engine and must run without JavaFX");

    /**
     * Two places own a database, so every transaction rule lives in one of them: the client's
     * encrypted store ({@code keystore}) and the delivery server's storage package.
     */
    static final ArchRule ONLY_KEYSTORE_AND_SERVER_STORAGE_TOUCH_JDBC = noClasses()
            .that()
            .resideOutsideOfPackages(KEYSTORE, SERVER_STORAGE)
            .and()
            .resideInAPackage("org.vermerk..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(JDBC, SQLITE_DRIVER)
            .allowEmptyShould(true)
            .because("only keystore/ and server/'s storage package touch JDBC or the SQLite driver");

    /**
     * The delivery server orders and fans out opaque MLS messages: it may read the wire schema and
     * framing headers, never run group or tree logic (RFC 9750: the DS sees no plaintext).
     */
    static final ArchRule SERVER_SEES_ONLY_WIRE_AND_FRAMING = noClasses()
            .that()
            .resideInAPackage(SERVER)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.vermerk.protocol.group..",
                    "org.vermerk.protocol.tree..",
                    "org.vermerk.protocol.treekem..",
                    "org.vermerk.protocol.welcome..",
                    "org.vermerk.protocol.transcript..",
                    "org.vermerk.protocol.framing.protection..",
                    "org.vermerk.protocol.treemath..",
                    "org.vermerk.protocol.schedule..",
                    "org.vermerk.protocol.secrettree..")
            .allowEmptyShould(true)
            .because("server/ handles only the wire schema and MLS framing headers");

    /**
     * The keystore's immutable value records that the conversation engine's API and its listener
     * hand out (ConversationEngine, ConversationListener): the UI may read them; it never reaches
     * the store itself (Keystore, the repositories, transitions).
     */
    static final java.util.Set<String> ENGINE_VALUE_TYPES = java.util.Set.of(
            "org.vermerk.keystore.Conversation",
            "org.vermerk.keystore.Message",
            "org.vermerk.keystore.DeliveryState",
            "org.vermerk.keystore.Member",
            "org.vermerk.keystore.SearchHit");

    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>
            STORE_OR_SERVER = com.tngtech.archunit.base.DescribedPredicate.describe(
                    "are keystore classes (other than the engine's value types) or server classes",
                    c -> c.getPackageName().startsWith("org.vermerk.server")
                            || c.getPackageName().startsWith("org.vermerk.keystore")
                                    && !ENGINE_VALUE_TYPES.contains(c.getName().replaceFirst("\\$.*", "")));

    /** The UI talks to the engine only; storage and the server are behind app/. */
    static final ArchRule UI_USES_ONLY_THE_ENGINE = noClasses()
            .that()
            .resideInAPackage(UI)
            .should()
            .dependOnClassesThat(STORE_OR_SERVER)
            .allowEmptyShould(true)
            .because("ui/ reaches storage and the network only through app/");

    /** Libraries report through exceptions and SLF4J, never by printing. */
    static final ArchRule LIBRARIES_DO_NOT_PRINT = noClasses()
            .that()
            .resideInAnyPackage(PROTOCOL, KEYSTORE)
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .orShould()
            .callMethod(Throwable.class, "printStackTrace")
            .allowEmptyShould(true)
            .because("protocol/ and keystore/ are libraries: they log through SLF4J or throw");
}
