package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.Settings;

/**
 * Who uses the records service and under which policy.
 *
 * @param self the official at this device: marks and exports are made in their name
 * @param authority the authority, from the policy's {@code authorityName}
 * @param zone the zone the transcript shows times in
 * @param noticeEnabled the policy's {@code recordsNotice}: whether marking tells the conversation
 */
public record RecordsContext(Official self, Authority authority, ZoneId zone, boolean noticeEnabled) {
    /** The authority named when the policy names none. */
    public static final String UNNAMED_AUTHORITY = "(Behörde nicht in der Richtlinie angegeben)";

    public RecordsContext {
        requireNonNull(self, "self");
        requireNonNull(authority, "authority");
        requireNonNull(zone, "zone");
    }

    /** Reads {@code authorityName} and {@code recordsNotice} from the effective settings. */
    public static RecordsContext of(Official self, EffectiveSettings settings, ZoneId zone) {
        String authority = settings.get(Settings.AUTHORITY_NAME).value().orElse(UNNAMED_AUTHORITY);
        boolean notice = settings.get(Settings.RECORDS_NOTICE).value().orElse(true);
        return new RecordsContext(self, new Authority(authority, ""), zone, notice);
    }
}
