package org.vermerk.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the production classes of every module against the rules of {@link ModuleBorders}. */
class ModuleBordersTest {
    private static JavaClasses product;

    @BeforeAll
    static void importTheProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vermerk");
    }

    @Test
    void protocolImportsNoJavaFxOkHttpJettyOrJdbc() {
        ModuleBorders.PROTOCOL_IS_A_PURE_LIBRARY.check(product);
    }

    @Test
    void appImportsNoJavaFx() {
        ModuleBorders.APP_HAS_NO_UI_TOOLKIT.check(product);
    }

    @Test
    void onlyKeystoreAndServerStorageImportJdbcOrTheSqliteDriver() {
        ModuleBorders.ONLY_KEYSTORE_AND_SERVER_STORAGE_TOUCH_JDBC.check(product);
    }

    @Test
    void serverUsesNoGroupOrTreeLogic() {
        ModuleBorders.SERVER_SEES_ONLY_WIRE_AND_FRAMING.check(product);
    }

    @Test
    void uiImportsNeitherKeystoreNorServer() {
        ModuleBorders.UI_USES_ONLY_THE_ENGINE.check(product);
    }

    @Test
    void librariesNeverPrintToTheConsole() {
        ModuleBorders.LIBRARIES_DO_NOT_PRINT.check(product);
    }
}
