package org.vermerk.app.records;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.vermerk.app.account.Account;
import org.vermerk.app.records.export.RecordExporter;
import org.vermerk.app.records.manifest.DeviceSigners;

/**
 * The records service of an unlocked account: its keystore, the device's signature key (under a
 * self-signed device certificate, made per service) for the manifest, the encrypted attachment
 * cache (decrypted as the export streams, ADR 0021), and
 * the context. What {@code vermerk cli records} and the client's Records screens use, so that
 * neither needs the keystore's types.
 */
public final class AccountRecords {
    private AccountRecords() {}

    /** @param context the official at this device and the policy's records settings */
    public static RecordsService service(Account account, RecordsContext context) {
        return new RecordsService(
                account.keystore(),
                RecordExporter.create(DeviceSigners.selfSigned(
                        account.cipherSuite(),
                        account.signingIdentity().signatureKeys().privateKey().expose(),
                        account.userId(),
                        account.deviceId(),
                        Instant.now(account.clock()))),
                org.vermerk.app.attachment.CachedAttachments.of(account),
                context,
                UUID::randomUUID);
    }

    /** The context from the admin policy (authority, notice on or off) in the system's time zone. */
    public static RecordsService service(
            Account account, Official self, org.vermerk.app.policy.EffectiveSettings settings) {
        return service(account, RecordsContext.of(self, settings, ZoneId.systemDefault()));
    }
}
