package org.crisis.experiment;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.zip.CRC32;

/**
 * The append-only record of finished runs that makes a sweep resumable. Each session (one
 * invocation of {@code crisis sweep}) appends to its own segment {@code journal-NNNN.log} in
 * the work directory, in increasing run order; each line is a runs.csv row, a tab and the
 * CRC-32 of the row in 8 hex digits, so a line torn by a kill or a full disk is recognised
 * and ignored (its run is done again). Rows are flushed once a second, or each one when they
 * come more than 0.1 s apart, so a kill loses at most about a second of work.
 */
final class SweepJournal {
    static final String PREFIX = "journal-";
    static final String SUFFIX = ".log";
    private static final long FLUSH_NANOS = 1_000_000_000L;

    private SweepJournal() {}

    /** The line written for a row. */
    static String seal(String row) {
        return row + '\t' + String.format("%08x", crc(row));
    }

    /** The row of a journal line, or null if the line is torn or damaged. */
    static String open(String line) {
        int tab = line.lastIndexOf('\t');
        if (tab < 0 || line.length() - tab - 1 != 8) {
            return null;
        }
        String row = line.substring(0, tab);
        try {
            long stored = Long.parseLong(line, tab + 1, line.length(), 16);
            return stored == crc(row) ? row : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long crc(String row) {
        CRC32 c = new CRC32();
        c.update(row.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }

    /**
     * A segment's lines, with a malformed byte sequence read as U+FFFD instead of failing: a line
     * torn by a full disk or a kill inside a character then fails its checksum and its run is
     * done again, as any torn line is, rather than making every resume fail.
     */
    static BufferedReader reader(Path segment) throws IOException {
        return new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(segment), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)));
    }

    /** The segments of a work directory, oldest first. */
    static List<Path> segments(Path work) throws IOException {
        List<Path> list = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(work, PREFIX + "*" + SUFFIX)) {
            s.forEach(list::add);
        }
        list.sort(null);
        return list;
    }

    /** Runs recorded by intact lines of the segments. */
    static BitSet done(List<Path> segments, int replications, long total) throws IOException {
        BitSet done = new BitSet();
        for (Path segment : segments) {
            try (BufferedReader r = reader(segment)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String row = open(line);
                    if (row != null) {
                        long run = SweepRows.run(row, replications);
                        if (run >= 0 && run < total) {
                            done.set((int) run);
                        }
                    }
                }
            }
        }
        return done;
    }

    /** Appends rows to a new segment. */
    static final class Appender implements Closeable {
        private final BufferedWriter out;
        private long lastFlush = System.nanoTime();
        private long lastAppend = System.nanoTime();

        Appender(Path work) throws IOException {
            List<Path> existing = segments(work);
            int next = 1;
            if (!existing.isEmpty()) {
                String last = existing.get(existing.size() - 1).getFileName().toString();
                next = Integer.parseInt(last.substring(PREFIX.length(), last.length() - SUFFIX.length())) + 1;
            }
            Path file = work.resolve(String.format("%s%04d%s", PREFIX, next, SUFFIX));
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        }

        void append(String row) throws IOException {
            out.write(seal(row) + '\n'); // one write: a flush from the shutdown hook never splits a line
            long now = System.nanoTime();
            // fast runs: one flush a second; slow runs (rows more than 0.1 s apart): every row
            if (now - lastFlush >= FLUSH_NANOS || now - lastAppend >= FLUSH_NANOS / 10) {
                out.flush();
                lastFlush = now;
            }
            lastAppend = now;
        }

        void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * The intact rows of all segments in increasing run order, each run once. Each segment is
     * in increasing order, so this is a k-way merge that holds one row per segment.
     */
    static Rows merged(List<Path> segments, int replications) throws IOException {
        List<Cursor> cursors = new ArrayList<>();
        try {
            for (int k = 0; k < segments.size(); k++) {
                cursors.add(new Cursor(k, reader(segments.get(k)), true,
                        replications, segments.get(k)));
            }
        } catch (IOException e) {
            for (Cursor c : cursors) {
                c.reader.close();
            }
            throw e;
        }
        return new Rows(cursors);
    }

    /** Rows of already sorted runs.csv files (shards), merged in run order; the header line is skipped. */
    static Rows mergedCsv(List<Path> files, int replications) throws IOException {
        List<Cursor> cursors = new ArrayList<>();
        try {
            for (int k = 0; k < files.size(); k++) {
                BufferedReader r = Files.newBufferedReader(files.get(k), StandardCharsets.UTF_8);
                cursors.add(new Cursor(k, r, false, replications, files.get(k)));
                r.readLine();
            }
        } catch (IOException e) {
            for (Cursor c : cursors) {
                c.reader.close();
            }
            throw e;
        }
        return new Rows(cursors);
    }

    private static final class Cursor {
        final int order;
        final BufferedReader reader;
        final boolean sealed;
        final int replications;
        final Path file;
        String row;
        long run = -1;

        Cursor(int order, BufferedReader reader, boolean sealed, int replications, Path file) {
            this.order = order;
            this.reader = reader;
            this.sealed = sealed;
            this.replications = replications;
            this.file = file;
        }

        /** Moves to the next intact row; false at the end. */
        boolean advance() throws IOException {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String r = sealed ? open(line) : line;
                if (r == null || r.isEmpty()) {
                    continue;
                }
                long next = SweepRows.run(r, replications);
                if (next <= run) {
                    throw new IOException(file + ": runs out of order (" + next + " after " + run + ")");
                }
                row = r;
                run = next;
                return true;
            }
            return false;
        }
    }

    /** A closeable iterator over merged rows. */
    static final class Rows implements Iterator<String>, Closeable {
        private final List<Cursor> all;
        private final PriorityQueue<Cursor> queue = new PriorityQueue<>((a, b) -> a.run != b.run
                ? Long.compare(a.run, b.run) : Integer.compare(a.order, b.order));
        private long last = -1;
        private String next;

        Rows(List<Cursor> cursors) throws IOException {
            this.all = cursors;
            for (Cursor c : cursors) {
                if (c.advance()) {
                    queue.add(c);
                }
            }
            next = pull();
        }

        private String pull() throws IOException {
            while (!queue.isEmpty()) {
                Cursor c = queue.poll();
                String row = c.row;
                long run = c.run;
                if (c.advance()) {
                    queue.add(c);
                }
                if (run > last) {
                    last = run;
                    return row;
                }
            }
            return null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public String next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            String row = next;
            try {
                next = pull();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return row;
        }

        @Override
        public void close() throws IOException {
            for (Cursor c : all) {
                c.reader.close();
            }
        }
    }
}
