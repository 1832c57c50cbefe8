package org.openicr.tools.load;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The list of every message the service acknowledged, with the source keys of its items: the
 * durability check later proves each one is in PostgreSQL. One line per message, tab separated:
 * {@code messageId, outcome, sourceKey sourceKey ...}; lines starting with # are comments.
 */
public final class AckLog implements Closeable {

    /** One acknowledged message as read back from the file. */
    public record Entry(String messageId, String outcome, List<String> sourceKeys) {}

    private final BufferedWriter out;

    private AckLog(BufferedWriter out) {
        this.out = out;
    }

    /** Appends to the file (a warm-up and the measured run share one log), creating it when missing. */
    public static AckLog append(Path file, String header) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        BufferedWriter out = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        out.write("# " + header);
        out.newLine();
        return new AckLog(out);
    }

    public synchronized void acknowledged(String messageId, String outcome, List<String> sourceKeys) {
        try {
            out.write(messageId);
            out.write('\t');
            out.write(outcome);
            out.write('\t');
            out.write(String.join(" ", sourceKeys));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    public static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length != 3) {
                throw new IOException("not an ack log line: " + line);
            }
            List<String> keys = parts[2].isEmpty() ? List.of() : Arrays.asList(parts[2].split(" "));
            entries.add(new Entry(parts[0], parts[1], keys));
        }
        return entries;
    }
}
