package org.openicr.tools.region;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.openicr.tools.region.RegionDirectory.Practice;
import org.openicr.tools.region.RegionGenerator.GeneratedItem;
import org.openicr.tools.region.RegionGenerator.Person;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The bulk backfill: one thread generates people and their items as COPY text, in chunks of people;
 * writer threads each COPY a chunk (person, person_demographics, person_identifier, record_item,
 * document_content) in one
 * transaction of their own, so a chunk is all there or not at all. Ids are assigned by the loader
 * (COPY writes identity columns as given) and the identity sequences are moved past them at the end.
 *
 * <p>When record_item is empty (an initial backfill) the foreign keys of record_item and
 * document_content and record_item's secondary indexes are dropped for the load and re-created after
 * it from their own definitions (pg_get_constraintdef, pg_get_indexdef), so the database ends exactly
 * as the migrations made it; the two indexes are built concurrently. Audit tables are never touched.
 */
public final class BulkLoader {

    /** Load settings. */
    public record Options(
            String url,
            String user,
            String password,
            long people,
            long seed,
            int chunkPeople,
            int writers,
            boolean rebuildIndexes,
            Path dataDirectory,
            Path reportDirectory) {}

    static final String COPY_PERSON = "copy person (id, nhs_number, title, given_names, family_name, date_of_birth,"
            + " date_of_death, gender, address_lines, postcode, phone, gp_practice_ods, restricted,"
            + " updated_by_source_id) from stdin";
    /**
     * Each person's version of their demographics from the GP practice's system that wrote them: the
     * same table and shape the ingestion keeps per source (person_demographics), so that the
     * precedence rule and the administrators' "source of each field" view work from the start.
     */
    static final String COPY_DEMOGRAPHICS = "copy person_demographics (person_id, source_system_id, title,"
            + " given_names, family_name, date_of_birth, date_of_death, gender, address_lines, postcode, phone,"
            + " gp_practice_ods, restricted, source_updated_at, received_at) from stdin";

    static final String COPY_IDENTIFIER = "copy person_identifier (source_system_id, value, person_id) from stdin";
    static final String COPY_ITEM = "copy record_item (id, person_id, source_system_id, organisation_id, source_key,"
            + " category, version, status, effective_at, effective_end, recorded_at, code_system, code, display, text,"
            + " sensitivity, details) from stdin";
    static final String COPY_DOCUMENT = "copy document_content (item_id, content_type, data) from stdin";

    /** Bytes on disk per item and per person, measured (heap, TOAST, indexes), with room for WAL. */
    static final long BYTES_PER_ITEM = 600;

    static final long BYTES_PER_PERSON = 2_000;

    private record Chunk(
            byte[] people,
            byte[] demographics,
            byte[] identifiers,
            byte[] items,
            byte[] documents,
            int personCount,
            long itemCount) {}

    private static final Chunk END = new Chunk(null, null, null, null, null, 0, 0);

    /** One heavy person for the list the record-page benchmark uses. */
    public record Heavy(long seq, String nhsNumber, long personId, Map<RegionCategory, Integer> counts) {
        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Options options;
    private final List<Template> templates;
    private final RegionDirectory directory;
    private final PrintStream log;
    private final AtomicLong peopleDone = new AtomicLong();
    private final AtomicLong itemsDone = new AtomicLong();
    private final List<Heavy> heavy = new ArrayList<>();

    public BulkLoader(Options options, List<Template> templates, RegionDirectory directory, PrintStream log) {
        this.options = options;
        this.templates = templates;
        this.directory = directory;
        this.log = log;
    }

    public List<Heavy> heavy() {
        return heavy;
    }

    public void run() throws Exception {
        long started = System.nanoTime();
        long personBase;
        long itemBase;
        List<String> dropped;
        try (Connection c = connect()) {
            c.setAutoCommit(true);
            directory.seed(c);
            NhsNumbers probe = new NhsNumbers();
            if (exists(c, "select 1 from person where nhs_number = ?", probe.next())) {
                throw new IllegalStateException("The region is already loaded in this database (its first NHS Number"
                        + " is there). Load into a fresh data directory.");
            }
            checkDisk(c);
            personBase = single(c, "select coalesce(max(id), 0) from person");
            itemBase = single(c, "select coalesce(max(id), 0) from record_item");
            boolean empty = itemBase == 0;
            dropped = empty ? dropForBackfill(c) : List.of();
            if (!empty) {
                log.println("record_item already holds items: loading with every index and constraint in place.");
            }
        }
        long loadStarted = System.nanoTime();
        load(personBase, itemBase);
        long loadEnded = System.nanoTime();
        log.printf(
                "Rows loaded in %s: %,d people, %,d items (%,.0f items/s)%n",
                duration(loadEnded - loadStarted),
                peopleDone.get(),
                itemsDone.get(),
                itemsDone.get() / ((loadEnded - loadStarted) / 1e9));
        try (Connection c = connect()) {
            c.setAutoCommit(true);
            restore(c, dropped);
            long restored = System.nanoTime();
            log.printf("Indexes and constraints re-created in %s%n", duration(restored - loadEnded));
            execute(c, "select setval(pg_get_serial_sequence('person', 'id'), (select max(id) from person))");
            execute(c, "select setval(pg_get_serial_sequence('record_item', 'id'), (select max(id) from record_item))");
            // VACUUM, not only ANALYZE: it sets the visibility map and hint bits once, so the first
            // reads after the load neither dirty every page nor miss index-only scans.
            log.println("VACUUM (ANALYZE)...");
            for (String table :
                    List.of("person", "person_demographics", "person_identifier", "document_content", "record_item")) {
                execute(c, "vacuum (analyze) " + table);
            }
            long ended = System.nanoTime();
            log.printf(
                    "Total %s for %,d people and %,d items: %,.0f items/s end to end%n",
                    duration(ended - started),
                    peopleDone.get(),
                    itemsDone.get(),
                    itemsDone.get() / ((ended - started) / 1e9));
            reportSize(c);
        }
        writeHeavyList();
    }

    private void load(long personBase, long itemBase) throws Exception {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(Math.max(2, options.writers() + 1));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService writers = Executors.newFixedThreadPool(options.writers());
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < options.writers(); w++) {
            futures.add(writers.submit(() -> {
                try (Connection c = connect()) {
                    c.setAutoCommit(false);
                    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                    while (true) {
                        Chunk chunk = queue.take();
                        if (chunk == END) {
                            return null;
                        }
                        copy.copyIn(COPY_PERSON, new ByteArrayInputStream(chunk.people()));
                        copy.copyIn(COPY_DEMOGRAPHICS, new ByteArrayInputStream(chunk.demographics()));
                        copy.copyIn(COPY_IDENTIFIER, new ByteArrayInputStream(chunk.identifiers()));
                        copy.copyIn(COPY_ITEM, new ByteArrayInputStream(chunk.items()));
                        copy.copyIn(COPY_DOCUMENT, new ByteArrayInputStream(chunk.documents()));
                        c.commit();
                        peopleDone.addAndGet(chunk.personCount());
                        itemsDone.addAndGet(chunk.itemCount());
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    throw t;
                }
            }));
        }
        Thread progress = progressThread(failure);
        progress.start();
        try {
            generate(personBase, itemBase, queue, failure);
        } finally {
            for (int w = 0; w < options.writers(); w++) {
                while (!queue.offer(END, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                    if (failure.get() != null) {
                        queue.clear();
                    }
                }
            }
            writers.shutdown();
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failure.compareAndSet(null, e.getCause());
                }
            }
            progress.interrupt();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The load failed: " + failure.get().getMessage(), failure.get());
        }
    }

    /** Generates every person in order and hands chunks to the writers. */
    private void generate(
            long personBase, long itemBase, BlockingQueue<Chunk> queue, AtomicReference<Throwable> failure)
            throws InterruptedException {
        RegionGenerator generator = new RegionGenerator(options.seed(), templates, directory);
        NhsNumbers numbers = new NhsNumbers();
        long acuteSource = directory.sourceIds.get(RegionDirectory.ACUTE.sourceCode());
        long syntheticSource = directory.sourceIds.get(RegionDirectory.SYNTHETIC.sourceCode());
        RowWriter rows = new RowWriter(directory, System.currentTimeMillis() / 1000);
        long nextItemId = itemBase + 1;
        for (long seq = 0; seq < options.people(); seq++) {
            if (failure.get() != null) {
                return;
            }
            Person p = generator.person(seq, numbers.next());
            long personId = personBase + 1 + seq;
            rows.person(p, personId);
            rows.identifier(acuteSource, String.format("AV%08d", seq + 1), personId);
            if (!NhsNumbers.isTestRange(p.nhsNumber())) {
                rows.identifier(syntheticSource, "SYNTHETIC-" + p.nhsNumber(), personId);
            }
            if (p.socialCare()) {
                String council = p.council() == 0
                        ? RegionDirectory.NORTH_COUNCIL.sourceCode()
                        : RegionDirectory.SOUTH_COUNCIL.sourceCode();
                rows.identifier(directory.sourceIds.get(council), String.format("SC%08d", seq + 1), personId);
            }
            List<GeneratedItem> items = generator.items(p);
            Map<RegionCategory, Integer> counts =
                    RegionGenerator.isHeavy(seq) ? new EnumMap<>(RegionCategory.class) : null;
            for (int i = 0; i < items.size(); i++) {
                GeneratedItem g = items.get(i);
                rows.item(p, personId, nextItemId, g, i);
                if (counts != null) {
                    counts.merge(g.item().category(), 1, Integer::sum);
                }
                nextItemId++;
            }
            if (counts != null) {
                synchronized (heavy) {
                    heavy.add(new Heavy(seq, p.nhsNumber(), personId, counts));
                }
            }
            if (rows.people == options.chunkPeople() || seq == options.people() - 1) {
                queue.put(rows.take());
            }
        }
    }

    /** Encodes the COPY rows of one chunk. */
    static final class RowWriter {
        private final RegionDirectory directory;
        private final long loadedAt;
        final CopyText personRows = new CopyText(1 << 20);
        final CopyText demographicsRows = new CopyText(1 << 20);
        final CopyText identifierRows = new CopyText(1 << 18);
        final CopyText itemRows = new CopyText(1 << 24);
        final CopyText documentRows = new CopyText(1 << 22);
        long itemCount;
        int people;

        /** {@code loadedAt}: seconds since the epoch, the version time of every loaded person's row. */
        RowWriter(RegionDirectory directory, long loadedAt) {
            this.directory = directory;
            this.loadedAt = loadedAt;
        }

        void person(Person p, long personId) {
            personRows
                    .number(personId)
                    .text(p.nhsNumber())
                    .text(p.title())
                    .text(p.given())
                    .text(p.family())
                    .date(p.birthDay())
                    .date(p.deathDay())
                    .text(p.female() ? "FEMALE" : "MALE")
                    .text(p.addressLines())
                    .text(p.postcode())
                    .text(p.phone())
                    .text(p.practice().ods())
                    .bool(p.restricted())
                    .number(directory.sourceIds.get(p.practice().sourceCode()));
            personRows.endRow();
            demographicsRows
                    .number(personId)
                    .number(directory.sourceIds.get(p.practice().sourceCode()))
                    .text(p.title())
                    .text(p.given())
                    .text(p.family())
                    .date(p.birthDay())
                    .date(p.deathDay())
                    .text(p.female() ? "FEMALE" : "MALE")
                    .text(p.addressLines())
                    .text(p.postcode())
                    .text(p.phone())
                    .text(p.practice().ods())
                    .bool(p.restricted())
                    .timestamp(loadedAt)
                    .timestamp(loadedAt);
            demographicsRows.endRow();
            people++;
        }

        void identifier(long sourceId, String value, long personId) {
            identifierRows.number(sourceId).text(value).number(personId);
            identifierRows.endRow();
        }

        void item(Person p, long personId, long itemId, GeneratedItem g, int ordinal) {
            Practice practice = p.practice();
            String source = RegionDirectory.sourceCode(g.item().holder(), practice, p.council());
            String ods = RegionDirectory.ods(g.item().holder(), practice, p.council());
            itemRows.number(itemId)
                    .number(personId)
                    .number(directory.sourceIds.get(source))
                    .number(directory.organisationIds.get(ods))
                    .text(sourceKey(p.seq(), ordinal))
                    .raw(g.item().head())
                    .timestamp(g.start())
                    .timestamp(g.end())
                    .timestamp(g.start())
                    .raw(g.item().tail());
            itemRows.endRow();
            itemCount++;
            if (g.item().document() != null) {
                documentRows.number(itemId).raw(g.item().document());
                documentRows.endRow();
            }
        }

        Chunk take() {
            Chunk chunk = new Chunk(
                    personRows.toByteArray(),
                    demographicsRows.toByteArray(),
                    identifierRows.toByteArray(),
                    itemRows.toByteArray(),
                    documentRows.toByteArray(),
                    people,
                    itemCount);
            personRows.reset();
            demographicsRows.reset();
            identifierRows.reset();
            itemRows.reset();
            documentRows.reset();
            people = 0;
            itemCount = 0;
            return chunk;
        }
    }

    /** The item's key at its source: unique per person and ordinal, increasing with the person number. */
    static String sourceKey(long seq, int ordinal) {
        return "rg" + String.format("%08d", seq) + "-" + ordinal;
    }

    private Thread progressThread(AtomicReference<Throwable> failure) {
        Thread t = new Thread(
                () -> {
                    long start = System.nanoTime();
                    long lastItems = 0;
                    long lastTime = start;
                    try {
                        while (failure.get() == null) {
                            Thread.sleep(10_000);
                            long now = System.nanoTime();
                            long items = itemsDone.get();
                            long people = peopleDone.get();
                            double overall = items / ((now - start) / 1e9);
                            double recent = (items - lastItems) / ((now - lastTime) / 1e9);
                            double itemsPerPerson = people == 0 ? 50 : (double) items / people;
                            double remainingItems = (options.people() - people) * itemsPerPerson;
                            long etaSeconds = overall <= 0 ? -1 : (long) (remainingItems / overall);
                            log.printf(
                                    "  %,d / %,d people (%.1f%%), %,d items; %,.0f items/s (last 10 s %,.0f); ETA %s%n",
                                    people,
                                    options.people(),
                                    100.0 * people / options.people(),
                                    items,
                                    overall,
                                    recent,
                                    etaSeconds < 0 ? "?" : duration(etaSeconds * 1_000_000_000L));
                            lastItems = items;
                            lastTime = now;
                        }
                    } catch (InterruptedException done) {
                        Thread.currentThread().interrupt();
                    }
                },
                "load-progress");
        t.setDaemon(true);
        return t;
    }

    /** Refuses to start when the estimated size would leave less than 10% of the disk free. */
    private void checkDisk(Connection c) throws SQLException, IOException {
        Path dir = options.dataDirectory();
        if (dir == null) {
            try {
                dir = Path.of(singleText(c, "show data_directory"));
            } catch (SQLException notAllowed) {
                log.println("Free disk not checked: pass --pgdata (the server's data directory).");
                return;
            }
        }
        java.nio.file.FileStore store = Files.getFileStore(dir);
        long free = store.getUsableSpace();
        long needed = options.people() * (BYTES_PER_PERSON + 50 * BYTES_PER_ITEM);
        log.printf("Disk: %,d MB free at %s; the load needs about %,d MB (estimate).%n", free >> 20, dir, needed >> 20);
        if (needed > free - store.getTotalSpace() / 10) {
            throw new IllegalStateException("Not enough free disk for the load: about " + (needed >> 20)
                    + " MB needed, " + (free >> 20) + " MB free (10% of the disk is kept free).");
        }
    }

    /** Drops record_item's and document_content's foreign keys and record_item's secondary indexes; returns how to re-create them. */
    private List<String> dropForBackfill(Connection c) throws SQLException {
        List<String> restore = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select conrelid::regclass::text, conname,"
                + " pg_get_constraintdef(oid), contype from pg_constraint where conrelid in"
                + " ('record_item'::regclass, 'document_content'::regclass) and (contype = 'f' or"
                + " (contype = 'u' and ?)) order by contype desc, conname"); ) {
            ps.setBoolean(1, options.rebuildIndexes());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String name = rs.getString(2);
                    drop.add("alter table " + table + " drop constraint " + name);
                    restore.add(("u".equals(rs.getString(4)) ? "U|" : "F|") + "alter table " + table
                            + " add constraint " + name + " " + rs.getString(3));
                }
            }
        }
        if (options.rebuildIndexes()) {
            try (PreparedStatement ps = c.prepareStatement("select indexrelid::regclass::text,"
                            + " pg_get_indexdef(indexrelid) from pg_index i where indrelid = 'record_item'::regclass"
                            + " and not indisprimary and not exists (select 1 from pg_constraint k where k.conindid ="
                            + " i.indexrelid)");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drop.add("drop index " + rs.getString(1));
                    restore.add("I|" + rs.getString(2));
                }
            }
        }
        for (String sql : drop) {
            log.println("  backfill: " + sql);
            execute(c, sql);
        }
        return restore;
    }

    /**
     * Re-creates what {@link #dropForBackfill} dropped: the indexes and unique constraints' indexes
     * concurrently (one connection each), then the unique constraints on those indexes, then the
     * foreign keys (each validated by one scan).
     */
    private void restore(Connection c, List<String> restore) throws Exception {
        List<String> builds = new ArrayList<>();
        List<String> attach = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        for (String r : restore) {
            String sql = r.substring(2);
            switch (r.charAt(0)) {
                case 'I' -> builds.add(sql);
                case 'U' -> {
                    // alter table T add constraint N UNIQUE (cols) -> create unique index N on T (cols), then attach.
                    String[] parts = sql.split(" ", 7);
                    String table = parts[2];
                    String name = parts[5];
                    String columns = sql.substring(sql.indexOf('('));
                    builds.add("create unique index " + name + " on " + table + " " + columns);
                    attach.add("alter table " + table + " add constraint " + name + " unique using index " + name);
                }
                default -> foreign.add(sql);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, builds.size()));
        List<Future<?>> futures = new ArrayList<>();
        for (String sql : builds) {
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                try (Connection b = connect()) {
                    execute(b, "set maintenance_work_mem = '1GB'");
                    execute(b, sql);
                }
                log.printf("  built in %s: %s%n", duration(System.nanoTime() - t0), sql);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        for (String sql : attach) {
            execute(c, sql);
            log.println("  " + sql);
        }
        execute(c, "set maintenance_work_mem = '1GB'");
        for (String sql : foreign) {
            long t0 = System.nanoTime();
            execute(c, sql);
            log.printf("  validated in %s: %s%n", duration(System.nanoTime() - t0), sql);
        }
    }

    private void reportSize(Connection c) throws SQLException {
        log.println("Size on disk:");
        try (PreparedStatement ps = c.prepareStatement("select relname, pg_size_pretty(pg_total_relation_size(oid)),"
                        + " pg_size_pretty(pg_relation_size(oid)), pg_size_pretty(pg_indexes_size(oid)) from pg_class"
                        + " where relname in ('person', 'person_demographics', 'person_identifier', 'record_item',"
                        + " 'document_content')"
                        + " order by pg_total_relation_size(oid) desc");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                log.printf(
                        "  %-18s total %-8s (table %s, indexes %s)%n",
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
        log.println(
                "  database           " + singleText(c, "select pg_size_pretty(pg_database_size(current_database()))"));
    }

    private void writeHeavyList() throws IOException {
        heavy.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        StringBuilder csv = new StringBuilder("nhs_number,person_id,items");
        for (RegionCategory c : RegionCategory.values()) {
            csv.append(',').append(c.name().toLowerCase());
        }
        csv.append('\n');
        for (Heavy h : heavy) {
            csv.append(h.nhsNumber())
                    .append(',')
                    .append(h.personId())
                    .append(',')
                    .append(h.total());
            for (RegionCategory c : RegionCategory.values()) {
                csv.append(',').append(h.counts().getOrDefault(c, 0));
            }
            csv.append('\n');
        }
        Path dir = options.reportDirectory();
        Files.createDirectories(dir);
        Path file = dir.resolve("heavy-people.csv");
        Files.writeString(file, csv);
        log.printf("%d people with 2,000 items or more, listed in %s; for example:%n", heavy.size(), file);
        heavy.stream()
                .limit(5)
                .forEach(h -> log.printf(
                        "  NHS Number %s (person id %d): %,d items%n", h.nhsNumber(), h.personId(), h.total()));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(options.url(), options.user(), options.password());
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String singleText(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String duration(long nanos) {
        long s = nanos / 1_000_000_000L;
        return s >= 3600
                ? String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : String.format("%.1fs", nanos / 1e9);
    }

    static void unchecked(IOException e) {
        throw new UncheckedIOException(e);
    }
}
