package org.vermerk.protocol.welcome;

import org.vermerk.protocol.ValidationRule;

/** Rules of receiving a Welcome (RFC 9420 §12.4.3.1), up to a verified GroupInfo and GroupSecrets. */
public enum WelcomeRule implements ValidationRule {
    NOT_FOR_US(
            "WELCOME-1",
            "a Welcome must hold an EncryptedGroupSecrets whose new_member is the KeyPackageRef of one of our"
                    + " KeyPackages; otherwise it is a Welcome for someone else (§12.4.3.1)"),
    CIPHER_SUITE(
            "WELCOME-2",
            "the cipher suites of the Welcome, our KeyPackage and the GroupInfo's group context must be the same"
                    + " (§12.4.3.1)"),
    GROUP_SECRETS_DECRYPTION(
            "WELCOME-3",
            "encrypted_group_secrets must open with DecryptWithLabel(init_priv, \"Welcome\", encrypted_group_info,"
                    + " ...) and decode as GroupSecrets (§12.4.3.1)"),
    UNKNOWN_PSK("WELCOME-4", "every PSK the GroupSecrets names must be one the client holds (§12.4.3.1)"),
    SECOND_REINIT_OR_BRANCH_PSK(
            "WELCOME-5", "a resumption PSK of usage reinit or branch must be the only such PSK (§8.6, §12.4.3.1)"),
    GROUP_INFO_DECRYPTION(
            "WELCOME-6",
            "encrypted_group_info must open under welcome_key and welcome_nonce and decode as GroupInfo"
                    + " (§12.4.3.1)"),
    GROUP_INFO_SIGNATURE(
            "WELCOME-7",
            "the GroupInfo's signature must verify over GroupInfoTBS with label \"GroupInfoTBS\" under the key of"
                    + " the signer's leaf (§12.4.3)");

    private final String id;
    private final String description;

    WelcomeRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }
}
