package org.vermerk.app.attachment;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partial files a save writes beside its target ({@code .vermerk-*.part}, moved into place
 * once complete). The part stays beside the target, not in the cache, because only a rename within
 * one file system replaces the target atomically, and the user's folder may be another one (a
 * network share). A crash between writing and moving leaves a part behind in the user's folder; the
 * next save into that folder removes such leftovers: regular files (no links) with our prefix and
 * suffix, owned by the user running us, not being written by this process, and untouched for
 * {@link #STALE_AFTER} (a save in progress elsewhere — another account of the same user — keeps
 * writing to its part).
 *
 * <p>Thread-safe: the parts being written are kept in a concurrent set.
 */
final class SaveParts {
    private static final Logger LOG = LoggerFactory.getLogger(SaveParts.class);

    static final String PREFIX = ".vermerk-";
    static final String SUFFIX = ".part";

    /** How long a part must be untouched before it counts as left by a crash. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    /** Parts this process is writing now (absolute paths). */
    private final Set<Path> writing = ConcurrentHashMap.newKeySet();

    /** A new, empty part beside {@code target}, registered as being written until {@link #done}. */
    Path create(Path target) throws IOException {
        Path part = Files.createTempFile(target.getParent(), PREFIX, SUFFIX).toAbsolutePath();
        writing.add(part);
        return part;
    }

    /** The part is moved into place or deleted. */
    void done(Path part) {
        writing.remove(part.toAbsolutePath());
    }

    /**
     * Deletes the parts a crash left in {@code directory} (see the class comment); returns how
     * many. Failures are logged and skipped: a leftover must not stop the save.
     */
    int removeStale(Path directory, Instant now) {
        int removed = 0;
        UserPrincipal self = owner(directory);
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path part : parts) {
                try {
                    BasicFileAttributes attributes =
                            Files.readAttributes(part, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (!attributes.isRegularFile()
                            || writing.contains(part.toAbsolutePath())
                            || attributes.lastModifiedTime().toInstant().isAfter(now.minus(STALE_AFTER))
                            || (self != null && !self.equals(Files.getOwner(part, LinkOption.NOFOLLOW_LINKS)))) {
                        continue;
                    }
                    Files.delete(part);
                    removed++;
                } catch (IOException | UnsupportedOperationException e) {
                    LOG.warn(
                            "event=stale_part_not_removed error={}",
                            e.getClass().getSimpleName());
                }
            }
        } catch (IOException e) {
            LOG.warn("event=stale_parts_unreadable error={}", e.getClass().getSimpleName());
        }
        if (removed > 0) {
            LOG.info("event=stale_parts_removed count={}", removed);
        }
        return removed;
    }

    /** Who we are on this file system, or null where it does not know owners. */
    private static UserPrincipal owner(Path directory) {
        try {
            return directory
                    .getFileSystem()
                    .getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
