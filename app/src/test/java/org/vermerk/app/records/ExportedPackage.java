package org.vermerk.app.records;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** A ZIP read into memory, entry by entry, for assertions. */
public record ExportedPackage(Map<String, byte[]> entries) {
    public static ExportedPackage read(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = file.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return new ExportedPackage(entries);
    }

    /** Writes the entries, in order, as a new ZIP. */
    public void write(Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }

    /** A copy with one entry replaced, added (when new) or removed (when {@code content} is null). */
    public ExportedPackage with(String name, byte[] content) {
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        if (content == null) {
            copy.remove(name);
        } else {
            copy.put(name, content);
        }
        return new ExportedPackage(copy);
    }

    public String nameEndingWith(String suffix) {
        return entries.keySet().stream()
                .filter(name -> name.endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry ending with " + suffix + " in " + entries.keySet()));
    }

    public byte[] endingWith(String suffix) {
        return entries.entrySet().stream()
                .filter(e -> e.getKey().endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry ending with " + suffix + " in " + entries.keySet()))
                .getValue();
    }
}
