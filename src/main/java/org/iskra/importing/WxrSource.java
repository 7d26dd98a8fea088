package org.iskra.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A WordPress export (WXR 1.1 or 1.2) as a source of articles, read twice as a stream. The first pass
 * ({@link WxrIndex}) notes each post's status, language and translation group and every attachment; the second
 * converts each post ({@link WxrTexts}) and hands over an article once all of its translations have been read,
 * keeping those that arrived early in an {@link ItemSpool}.
 */
final class WxrSource implements ImportSource {

    private final Path file;
    private final RunningSummary tally;
    private final TaxonomyMap taxonomy;
    private final UploadsFolder uploads;
    private WxrIndex index;
    private WxrTexts texts;

    WxrSource(Path file, ImportOptions options, RunningSummary tally, TaxonomyMap taxonomy) {
        this.file = file;
        this.tally = tally;
        this.taxonomy = taxonomy;
        this.uploads = new UploadsFolder(options.uploads());
    }

    @Override
    public void prepare() throws UnreadableSourceException {
        index = WxrIndex.read(file, tally);
        texts = new WxrTexts(index, tally, taxonomy, uploads);
    }

    @Override
    public int size() {
        return index.items();
    }

    @Override
    public Set<String> languages() {
        return index.languages();
    }

    @Override
    public void read(Consumer<SourceArticle> articles, Consumer<Integer> done) throws UnreadableSourceException {
        done.accept(index.items() - index.imported());
        Map<String, Integer> arrived = new HashMap<>();
        try (WxrReader reader = new WxrReader(file); ItemSpool spool = new ItemSpool()) {
            for (WxrItem item = reader.next(); item != null; item = reader.next()) {
                String group = index.groupOf(item.id());
                if (group == null || !index.imports(item.id())) {
                    continue;
                }
                spool.put(item);
                List<Long> members = index.members(group);
                if (arrived.merge(group, 1, Integer::sum) == members.size()) {
                    arrived.remove(group);
                    List<SourceText> read = new ArrayList<>();
                    for (long id : members) {
                        WxrItem member = spool.take(id);
                        try {
                            read.add(texts.text(member));
                        } catch (FileRejected e) {
                            tally.failed(WxrItems.origin(member), e.getMessage());
                        }
                    }
                    if (read.isEmpty()) {
                        tally.count(RunningSummary.Kind.ARTICLE, RunningSummary.Outcome.FAILED);
                    } else {
                        articles.accept(new SourceArticle("wp:" + index.host() + ":" + members.get(0), read));
                    }
                    done.accept(members.size());
                }
            }
        }
    }
}
