package org.iskra.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.iskra.taxonomy.Term;

/**
 * Writes the first translations of the {@link BenchmarkCorpus} as a Hugo content folder, so that the benchmark can
 * import them into a database and time {@code reindex} from it. Every three consecutive translations are one
 * article (the first is the original), as in the corpus.
 *
 * <p>Usage: {@code BenchmarkContent FOLDER COUNT}
 */
public final class BenchmarkContent {

    private BenchmarkContent() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        BenchmarkCorpus corpus = new BenchmarkCorpus();
        for (int n = 0; n < count; n++) {
            IndexedTranslation t = corpus.translation(n);
            boolean original = n % 3 == 0;
            String front = """
                    ---
                    title: %s
                    description: %s
                    date: %s
                    slug: %s
                    translationKey: "bench-%d"
                    author: "Benchmark section"
                    regions: [%s]
                    countries: [%s]
                    tags: [%s]
                    %s---

                    """.formatted(quoted(t.title()), quoted(t.standfirst()), t.publishedAt(), quoted(t.slug()),
                    t.articleId(), names(t.regions()), t.countries().stream().map(c -> c.slug().toUpperCase()).collect(Collectors.joining(", ")),
                    names(t.tags()), original ? "original: true\n" : "");
            Path file = folder.resolve("a" + t.articleId()).resolve("index." + t.language() + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, front + t.bodyText().replace("\n", "\n\n"));
        }
        System.out.printf("wrote %,d translations of %,d articles to %s%n", count, (count + 2) / 3, folder);
    }

    private static String names(List<Term> terms) {
        return terms.stream().map(term -> quoted(term.name())).collect(Collectors.joining(", "));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
