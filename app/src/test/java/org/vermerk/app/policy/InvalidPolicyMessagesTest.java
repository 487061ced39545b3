package org.vermerk.app.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.vermerk.app.policy.PolicyFixtures.examplePem;
import static org.vermerk.app.policy.PolicyFixtures.json;
import static org.vermerk.app.policy.PolicyFixtures.parse;

import org.junit.jupiter.api.Test;

/**
 * Every way a policy file can be wrong, one test each: the client refuses the policy, and the message
 * names the file, the key and the problem, with the rule's identifier.
 */
class InvalidPolicyMessagesTest {
    /** The message for a policy that must have exactly one problem, checked to name the file and rule. */
    private static String messageOf(String policy, PolicyRule rule) {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> parse(policy));
        assertThat(e).as("policy %s must be refused", policy).isNotNull();
        assertThat(e.problems()).singleElement().extracting(PolicyProblem::rule).isEqualTo(rule);
        assertThat(e.getMessage())
                .startsWith("Invalid admin policy " + PolicyFixtures.FILE + ": ")
                .endsWith("(" + rule.id() + ")");
        return e.getMessage();
    }

    // POLICY-1: not JSON

    @Test
    void invalidJsonNamesLineAndColumn() {
        String message =
                messageOf("{\n  \"language\": \"de\",\n  \"idleLockMinutes\": 10,\n}\n", PolicyRule.INVALID_JSON);
        assertThat(message).contains("is not valid JSON: line 4, column").contains("double-quote to start field name");
    }

    @Test
    void aDuplicateKeyIsNamedWithItsLine() {
        String message = messageOf("{\n\"language\": \"de\",\n\"language\": \"en\"\n}", PolicyRule.INVALID_JSON);
        assertThat(message).contains("line 3").contains("Duplicate field 'language'");
    }

    @Test
    void commentsAreNotJsonAndAreRefused() {
        assertThat(messageOf("{\n// the server\n\"serverUrl\": \"https://a.example\"}", PolicyRule.INVALID_JSON))
                .contains("line 2, column");
    }

    @Test
    void textAfterTheObjectIsRefused() {
        assertThat(messageOf("{} {}", PolicyRule.INVALID_JSON))
                .contains("is not valid JSON: line 1, column 4: more content after the closing } of the policy object");
    }

    @Test
    void anEmptyFileIsRefusedAndSaysWhatTheLeastPolicyIs() {
        assertThat(messageOf("  \n", PolicyRule.INVALID_JSON))
                .contains("is empty; a policy is a JSON object, at least {}");
    }

    @Test
    void aTopLevelArrayIsRefused() {
        assertThat(messageOf("[\"serverUrl\"]", PolicyRule.INVALID_JSON))
                .contains("must be a JSON object ({...}), was an array");
    }

    // POLICY-3: unknown key

    @Test
    void anUnknownKeyIsNamed() {
        assertThat(messageOf("{\"autoUpdate\": false}", PolicyRule.UNKNOWN_KEY))
                .contains("autoUpdate: is not a policy key");
    }

    @Test
    void aKeyInTheWrongCaseIsNamedWithTheRightSpelling() {
        assertThat(messageOf("{\"serverURL\": \"https://vermerk.bmi.example\"}", PolicyRule.UNKNOWN_KEY))
                .contains("serverURL: is not a policy key (did you mean \"serverUrl\"?)");
    }

    // POLICY-4: wrong type

    @Test
    void aNumberWrittenAsAStringIsTheWrongType() {
        assertThat(messageOf("{\"idleLockMinutes\": \"15\"}", PolicyRule.WRONG_TYPE))
                .contains("idleLockMinutes: must be a whole number, was a string");
    }

    @Test
    void aDecimalWhereAWholeNumberIsNeededIsTheWrongType() {
        assertThat(messageOf("{\"passphraseMinLength\": 12.5}", PolicyRule.WRONG_TYPE))
                .contains("passphraseMinLength: must be a whole number, was the decimal number 12.5");
    }

    @Test
    void onAndOffAreWrittenAsTrueAndFalse() {
        assertThat(messageOf("{\"recordsNotice\": \"on\"}", PolicyRule.WRONG_TYPE))
                .contains("recordsNotice: must be true or false, was a string");
    }

    @Test
    void nullIsNotAWayToUnsetAKey() {
        assertThat(messageOf("{\"serverUrl\": null}", PolicyRule.WRONG_TYPE))
                .contains("serverUrl: must be a URL string, was null");
    }

    @Test
    void aSingleLabelWhereAListIsNeededIsTheWrongType() {
        assertThat(messageOf("{\"classificationLabels\": \"OFFEN\"}", PolicyRule.WRONG_TYPE))
                .contains("classificationLabels: must be an array of strings, was a string");
    }

    @Test
    void theProxyAsAStringIsTheWrongType() {
        assertThat(messageOf("{\"proxy\": \"system\"}", PolicyRule.WRONG_TYPE))
                .contains("proxy: must be an object with \"mode\", was a string");
    }

    // POLICY-5: out of range

    @Test
    void anIdleLockBeyondADayIsOutOfRange() {
        assertThat(messageOf("{\"idleLockMinutes\": 5000}", PolicyRule.OUT_OF_RANGE))
                .contains("idleLockMinutes: must be from 0 to 1440, was 5000");
    }

    @Test
    void aPassphraseMinimumBelowEightIsOutOfRange() {
        assertThat(messageOf("{\"passphraseMinLength\": 4}", PolicyRule.OUT_OF_RANGE))
                .contains("passphraseMinLength: must be from 8 to 256, was 4");
    }

    @Test
    void anAttachmentLimitAboveFourGibibytesIsOutOfRange() {
        assertThat(messageOf("{\"attachmentMaxBytes\": 99999999999999999999}", PolicyRule.OUT_OF_RANGE))
                .contains("attachmentMaxBytes: must be from 0 to 4294967296, was 99999999999999999999");
    }

    @Test
    void aBlankAuthorityNameIsOutOfRange() {
        assertThat(messageOf("{\"authorityName\": \"   \"}", PolicyRule.OUT_OF_RANGE))
                .contains("authorityName: must have 1 to 200 characters, had 0");
    }

    @Test
    void aProxyPortAboveTheLastPortIsOutOfRange() {
        assertThat(messageOf(
                        "{\"proxy\": {\"mode\": \"manual\", \"host\": \"p.example\", \"port\": 70000}}",
                        PolicyRule.OUT_OF_RANGE))
                .contains("proxy.port: must be from 1 to 65535, was 70000");
    }

    @Test
    void moreThanTwentyClassificationLabelsAreOutOfRange() {
        String labels = String.join(", ", java.util.Collections.nCopies(21, "\"L\""));
        assertThat(messageOf("{\"classificationLabels\": [" + labels + "]}", PolicyRule.OUT_OF_RANGE))
                .contains("classificationLabels: may have at most 20 entries, had 21");
    }

    // POLICY-6: value not allowed

    @Test
    void aLanguageWithoutTranslationIsNotAllowed() {
        assertThat(messageOf("{\"language\": \"fr\"}", PolicyRule.NOT_ALLOWED))
                .contains("language: must be one of de, en, was \"fr\"");
    }

    @Test
    void aClassificationLabelListedTwiceIsNamedByItsPosition() {
        assertThat(messageOf("{\"classificationLabels\": [\"OFFEN\", \"OFFEN\"]}", PolicyRule.NOT_ALLOWED))
                .contains("classificationLabels[1]: \"OFFEN\" is listed twice");
    }

    @Test
    void aRelativeExportDirectoryIsNotAllowed() {
        assertThat(messageOf("{\"exportDirectory\": \"Akten\"}", PolicyRule.NOT_ALLOWED))
                .contains("exportDirectory: must be an absolute path or start with ${user.home}, was \"Akten\"");
    }

    @Test
    void anUnknownProxyModeIsNotAllowed() {
        assertThat(messageOf("{\"proxy\": {\"mode\": \"auto\"}}", PolicyRule.NOT_ALLOWED))
                .contains("proxy.mode: must be one of system, none, manual, pac, was \"auto\"");
    }

    @Test
    void aProxyFieldOfAnotherModeIsNotAllowed() {
        assertThat(messageOf("{\"proxy\": {\"mode\": \"system\", \"host\": \"p.example\"}}", PolicyRule.NOT_ALLOWED))
                .contains("proxy.host: is not allowed with mode system");
    }

    @Test
    void aProxyHostWithSchemeOrPortIsNotAllowed() {
        assertThat(messageOf(
                        "{\"proxy\": {\"mode\": \"manual\", \"host\": \"http://p.example:3128\", \"port\": 3128}}",
                        PolicyRule.NOT_ALLOWED))
                .contains("proxy.host: must be a host name or IP address alone (no scheme, port or path)");
    }

    @Test
    void aLabelSpanningTwoLinesIsNotAllowed() {
        assertThat(messageOf("{\"classificationLabels\": [\"VS\\nNfD\"]}", PolicyRule.NOT_ALLOWED))
                .contains("classificationLabels[0]: must be one line without control characters");
    }

    // POLICY-3 inside the proxy object

    @Test
    void anUnknownProxyFieldIsNamedWithItsPath() {
        assertThat(messageOf("{\"proxy\": {\"mode\": \"none\", \"user\": \"anna\"}}", PolicyRule.UNKNOWN_KEY))
                .contains("proxy.user: is not a proxy field");
    }

    // POLICY-7: malformed URL

    @Test
    void aServerUrlWithoutSchemeIsMalformed() {
        assertThat(messageOf("{\"serverUrl\": \"vermerk.bmi.example\"}", PolicyRule.MALFORMED_URL))
                .contains("serverUrl: is not a valid URL: \"vermerk.bmi.example\" has no scheme (https)");
    }

    @Test
    void aServerUrlWithSpacesIsMalformed() {
        assertThat(messageOf("{\"serverUrl\": \"https://vermerk bmi.example\"}", PolicyRule.MALFORMED_URL))
                .contains("serverUrl: is not a valid URL (Illegal character");
    }

    @Test
    void aPlainHttpServerUrlIsRefused() {
        assertThat(messageOf("{\"serverUrl\": \"http://vermerk.bmi.example\"}", PolicyRule.MALFORMED_URL))
                .contains("serverUrl: must be a URL with scheme https, was \"http://vermerk.bmi.example\"");
    }

    @Test
    void aServerUrlWithAQueryIsRefused() {
        assertThat(messageOf("{\"serverUrl\": \"https://vermerk.bmi.example/?x=1\"}", PolicyRule.MALFORMED_URL))
                .contains("serverUrl: must be a server address without user name, query or fragment");
    }

    @Test
    void aServerUrlWithoutHostIsMalformed() {
        assertThat(messageOf("{\"serverUrl\": \"https:///v1\"}", PolicyRule.MALFORMED_URL))
                .contains("serverUrl: is not a valid URL: \"https:///v1\" has no host name");
    }

    @Test
    void aPacUrlMustBeHttpHttpsOrFile() {
        assertThat(messageOf(
                        "{\"proxy\": {\"mode\": \"pac\", \"pacUrl\": \"ftp://wpad.example/proxy.pac\"}}",
                        PolicyRule.MALFORMED_URL))
                .contains(
                        "proxy.pacUrl: must be a URL with scheme file or http or https, was \"ftp://wpad.example/proxy.pac\"");
    }

    // POLICY-8: unparsable certificate

    @Test
    void aCertificateWithoutPemHeaderIsNamedByItsPosition() {
        assertThat(messageOf(
                        "{\"pinnedCaCertificates\": [" + json(examplePem()) + ", \"MIIB+jCCAaGg\"]}",
                        PolicyRule.BAD_CERTIFICATE))
                .contains("pinnedCaCertificates[1]: is not a PEM certificate: no \"-----BEGIN CERTIFICATE-----\" line");
    }

    @Test
    void aCertificateWithADamagedBodyIsRefusedWithTheParsersReason() {
        String damaged = examplePem().replace("MIIB+jCCAaGg", "MIIB+jCCAaGgAAAA");
        assertThat(messageOf("{\"pinnedCaCertificates\": [" + json(damaged) + "]}", PolicyRule.BAD_CERTIFICATE))
                .contains("pinnedCaCertificates[0]: is not a PEM certificate: ");
    }

    @Test
    void aPrivateKeyInsteadOfACertificateIsRefused() {
        String key =
                "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";
        assertThat(messageOf("{\"pinnedCaCertificates\": [" + json(key) + "]}", PolicyRule.BAD_CERTIFICATE))
                .contains("pinnedCaCertificates[0]: is not a PEM certificate: no \"-----BEGIN CERTIFICATE-----\" line");
    }

    // POLICY-9: cipher suite

    @Test
    void anUnknownCipherSuiteNumberIsRefusedWithTheAllowedOnes() {
        assertThat(messageOf("{\"cipherSuite\": 7}", PolicyRule.UNKNOWN_CIPHER_SUITE))
                .contains(
                        "cipherSuite: unknown or not allowed cipher suite 7; allowed are "
                                + "1 (MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519) or 2 (MLS_128_DHKEMP256_AES128GCM_SHA256_P256)");
    }

    @Test
    void suiteThreeIsImplementedButNotOfferedToDeployments() {
        assertThat(messageOf("{\"cipherSuite\": 3}", PolicyRule.UNKNOWN_CIPHER_SUITE))
                .contains("cipherSuite: unknown or not allowed cipher suite 3");
    }

    @Test
    void anUnknownCipherSuiteNameIsRefused() {
        assertThat(messageOf(
                        "{\"cipherSuite\": \"MLS_256_DHKEMX448_AES256GCM_SHA512_Ed448\"}",
                        PolicyRule.UNKNOWN_CIPHER_SUITE))
                .contains(
                        "cipherSuite: unknown or not allowed cipher suite \"MLS_256_DHKEMX448_AES256GCM_SHA512_Ed448\"");
    }

    @Test
    void aCipherSuiteThatIsNeitherNumberNorNameIsTheWrongType() {
        assertThat(messageOf("{\"cipherSuite\": [1]}", PolicyRule.WRONG_TYPE))
                .contains("cipherSuite: must be a cipher suite number or name, was an array");
    }

    // POLICY-10: locked names an unknown key

    @Test
    void lockingAnUnknownKeyIsRefused() {
        assertThat(messageOf("{\"locked\": [\"language\", \"theme\"]}", PolicyRule.LOCKED_UNKNOWN_KEY))
                .contains("locked[1]: \"theme\" is not a setting that can be locked");
    }

    @Test
    void lockingLockedItselfIsRefused() {
        assertThat(messageOf("{\"locked\": [\"locked\"]}", PolicyRule.LOCKED_UNKNOWN_KEY))
                .contains("locked[0]: \"locked\" is not a setting that can be locked");
    }

    @Test
    void lockingAKeyTwiceIsRefused() {
        assertThat(messageOf("{\"locked\": [\"language\", \"language\"]}", PolicyRule.LOCKED_UNKNOWN_KEY))
                .contains("locked[1]: \"language\" is listed twice");
    }

    @Test
    void lockedAsAStringInsteadOfAListIsTheWrongType() {
        assertThat(messageOf("{\"locked\": \"serverUrl\"}", PolicyRule.WRONG_TYPE))
                .contains("locked: must be an array of policy keys, was a string");
    }

    // POLICY-11: locked without value

    @Test
    void lockingTheServerUrlWithoutSettingItIsRefused() {
        assertThat(messageOf("{\"locked\": [\"serverUrl\"]}", PolicyRule.LOCKED_WITHOUT_VALUE))
                .contains(
                        "locked[0]: \"serverUrl\" is locked but has no value and no default; set \"serverUrl\" or unlock it");
    }

    @Test
    void lockingTheExportDirectoryWithoutSettingItIsRefused() {
        assertThat(messageOf("{\"locked\": [\"exportDirectory\"]}", PolicyRule.LOCKED_WITHOUT_VALUE))
                .contains("\"exportDirectory\" is locked but has no value");
    }

    // POLICY-12: missing field

    @Test
    void aProxyWithoutModeIsMissingAField() {
        assertThat(messageOf("{\"proxy\": {}}", PolicyRule.MISSING_FIELD))
                .contains("proxy.mode: is missing (system, none, manual or pac)");
    }

    @Test
    void aManualProxyWithoutPortIsMissingAField() {
        assertThat(messageOf("{\"proxy\": {\"mode\": \"manual\", \"host\": \"p.example\"}}", PolicyRule.MISSING_FIELD))
                .contains("proxy.port: is missing; mode manual requires it");
    }

    @Test
    void aPacProxyWithoutUrlIsMissingAField() {
        assertThat(messageOf("{\"proxy\": {\"mode\": \"pac\"}}", PolicyRule.MISSING_FIELD))
                .contains("proxy.pacUrl: is missing; mode pac requires it");
    }

    // All at once

    @Test
    void allProblemsOfAFileAreReportedTogetherInFileOrder() {
        InvalidPolicyException e = catchThrowableOfType(
                InvalidPolicyException.class,
                () -> parse(
                        "{\"idleLockMinutes\": -1, \"colour\": \"blue\", \"serverUrl\": \"ftp://x.example\", \"locked\": [\"x\"]}"));
        assertThat(e.problems())
                .extracting(PolicyProblem::key)
                .containsExactly("idleLockMinutes", "colour", "serverUrl", "locked[0]");
        assertThat(e.getMessage())
                .startsWith("Invalid admin policy " + PolicyFixtures.FILE + " (4 problems):")
                .contains("  idleLockMinutes: must be from 0 to 1440, was -1 (POLICY-5)")
                .contains("  locked[0]: \"x\" is not a setting that can be locked (POLICY-10)");
    }
}
