package org.iskra.importing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items of a WordPress export kept until the rest of their translation group has been read: in memory while they
 * are few, then in a temporary file, so that an export whose translations lie far from their originals still
 * imports within a small heap.
 */
final class ItemSpool implements AutoCloseable {

    private static final long MEMORY_BUDGET = 8L * 1024 * 1024;

    private final Map<Long, WxrItem> inMemory = new HashMap<>();
    private final Map<Long, Long> onDisk = new HashMap<>();
    private long memoryUsed;
    private Path file;
    private RandomAccessFile spool;

    void put(WxrItem item) {
        long size = 2L * (item.content().length() + item.excerpt().length() + item.title().length()) + 512;
        if (memoryUsed + size <= MEMORY_BUDGET) {
            inMemory.put(item.id(), item);
            memoryUsed += size;
            return;
        }
        try {
            if (spool == null) {
                file = Files.createTempFile("iskra-import-", ".spool");
                spool = new RandomAccessFile(file.toFile(), "rw");
            }
            long offset = spool.length();
            spool.seek(offset);
            write(item);
            onDisk.put(item.id(), offset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import's temporary file", e);
        }
    }

    WxrItem take(long id) {
        WxrItem item = inMemory.remove(id);
        if (item != null) {
            memoryUsed -= 2L * (item.content().length() + item.excerpt().length() + item.title().length()) + 512;
            return item;
        }
        Long offset = onDisk.remove(id);
        if (offset == null) {
            return null;
        }
        try {
            spool.seek(offset);
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the import's temporary file", e);
        }
    }

    private void write(WxrItem item) throws IOException {
        spool.writeLong(item.id());
        spool.writeLong(item.parent());
        for (String text : new String[] {item.title(), item.link(), item.guid(), item.creator(), item.content(),
                item.excerpt(), item.postDate(), item.postDateGmt(), item.modifiedGmt(), item.name(), item.status(),
                item.type(), item.attachmentUrl()}) {
            writeText(text);
        }
        spool.writeInt(item.terms().size());
        for (WxrItem.Term term : item.terms()) {
            writeText(term.domain());
            writeText(term.nicename());
            writeText(term.name());
        }
        spool.writeInt(item.meta().size());
        for (Map.Entry<String, String> meta : item.meta().entrySet()) {
            writeText(meta.getKey());
            writeText(meta.getValue());
        }
    }

    private WxrItem read() throws IOException {
        long id = spool.readLong();
        long parent = spool.readLong();
        String[] t = new String[13];
        for (int i = 0; i < t.length; i++) {
            t[i] = readText();
        }
        int termCount = spool.readInt();
        List<WxrItem.Term> terms = new ArrayList<>(termCount);
        for (int i = 0; i < termCount; i++) {
            terms.add(new WxrItem.Term(readText(), readText(), readText()));
        }
        int metaCount = spool.readInt();
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = 0; i < metaCount; i++) {
            meta.put(readText(), readText());
        }
        return new WxrItem(id, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], parent, t[12], terms, meta);
    }

    private void writeText(String text) throws IOException {
        if (text == null) {
            spool.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        spool.writeInt(bytes.length);
        spool.write(bytes);
    }

    private String readText() throws IOException {
        int length = spool.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        spool.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            if (spool != null) {
                spool.close();
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file left behind is removed with the temporary folder
        }
    }
}
