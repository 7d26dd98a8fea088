package org.iskra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.iskra.IskraApplication;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another node on the same database, started and stopped at will: its index rebuilds itself on start when it is
 * missing or older than the change log, and {@code reindex} rebuilds it on demand.
 */
@IskraIntegrationTest
class SearchIndexRebuildTest {

    @Autowired
    ArticleWriter writer;

    @Autowired
    Environment environment;

    @Test
    void aNodeRebuildsAMissingOrStaleIndexWhenItStarts() throws Exception {
        Path data = TestDatabase.freshDataFolder();
        ArticleMother first = ArticleMother.article().title("First " + word());
        writer.save(first.input());

        try (ConfigurableApplicationContext node = startNode(data)) {
            assertThat(awaitFound(node, first)).as("built from nothing on first start").isTrue();
        }

        ArticleMother second = ArticleMother.article().title("Second " + word());
        writer.save(second.input());
        try (ConfigurableApplicationContext node = startNode(data)) {
            assertThat(awaitFound(node, second)).as("a change made while the node was down").isTrue();
            assertThat(found(node, first)).isTrue();
        }

        deleteRecursively(data.resolve(SearchConfiguration.FOLDER));
        try (ConfigurableApplicationContext node = startNode(data)) {
            assertThat(awaitFound(node, first)).as("rebuilt after the folder was deleted").isTrue();
            assertThat(found(node, second)).isTrue();
        }
    }

    @Test
    void aCurrentIndexThatMissedAChangeIsReconciledWithTheDatabaseAfterStart() throws Exception {
        Path data = TestDatabase.freshDataFolder();
        ArticleMother article = ArticleMother.article().title("Reconciled " + word());
        writer.save(article.input());
        long articleId;
        try (ConfigurableApplicationContext node = startNode(data)) {
            assertThat(awaitFound(node, article)).isTrue();
            articleId = node.getBean(SearchIndex.class).search(SearchQuery.of("en", article.input().title())).hits().get(0).articleId();
        }
        // as if the node had missed the event: the index says it is current, but lacks the article
        try (SearchIndex index = SearchIndex.open(data.resolve(SearchConfiguration.FOLDER))) {
            long changeId = index.openedAtChange();
            index.replaceArticle(articleId, List.of());
            index.commit(changeId);
        }

        // no rebuild (the index is current by the change log) and no event (nothing changed): only the comparison
        // with the database can bring the article back
        try (ConfigurableApplicationContext node = startNode(data, "--iskra.change-poll-interval=100ms")) {
            assertThat(awaitFound(node, article)).as("found again once compared with the database").isTrue();
        }
    }

    @Test
    void theReindexCommandRebuildsTheIndexFromTheDatabase() throws Exception {
        ArticleMother article = ArticleMother.article().title("Reindexed " + word());
        writer.save(article.input());
        Path data = TestDatabase.freshDataFolder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ReindexCommand.run(sameDatabase(data, "reindex").toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("Search index rebuilt: \\d+ translations in");
        try (SearchIndex index = SearchIndex.open(data.resolve(SearchConfiguration.FOLDER))) {
            assertThat(index.search(SearchQuery.of("en", article.input().title())).total()).isEqualTo(1);
        }
    }

    @Test
    void anImportLeavesTheIndexToTheNodeWhoseDataFolderItIsIn() throws Exception {
        Path data = TestDatabase.freshDataFolder();
        Path content = data.resolveSibling(data.getFileName() + "-content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("imported.en.md"), "---\ntitle: Imported " + word() + "\nslug: imported-"
                + word() + "\n---\n\nText.\n");
        List<String> arguments = new ArrayList<>(List.of("import", content.toString(), "--iskra.data=" + data));
        TestDatabase.databaseSettings().forEach((key, value) -> arguments.add("--" + key + "=" + value));

        // a running node holds its index; on PostgreSQL an import may run next to it
        try (SearchIndex running = SearchIndex.open(data.resolve(SearchConfiguration.FOLDER))) {
            assertThat(org.iskra.importing.ImportCommand.run(arguments.toArray(String[]::new))).isZero();
        }
    }

    @Test
    void theReindexCommandExplainsItsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReindexCommand.run(new String[] {"reindex", "somewhere"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar iskra.jar reindex");
    }

    /** A node without its web server: search runs there only when asked for. */
    private ConfigurableApplicationContext startNode(Path data, String... settings) {
        List<String> arguments = sameDatabase(data);
        arguments.add("--" + SearchEnabled.PROPERTY + "=true");
        arguments.addAll(List.of(settings));
        // command-line arguments, because they outrank application.properties as they would on a real node
        return new SpringApplicationBuilder(IskraApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }

    private List<String> sameDatabase(Path data, String... first) {
        List<String> arguments = new ArrayList<>(List.of(first));
        arguments.addAll(List.of(
                "--iskra.demo=false",
                "--iskra.data=" + data,
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", "")));
        for (String key : List.of("spring.flyway.default-schema", "spring.flyway.schemas")) {
            if (environment.containsProperty(key)) {
                arguments.add("--" + key + "=" + environment.getProperty(key));
            }
        }
        return arguments;
    }

    private static boolean awaitFound(ConfigurableApplicationContext node, ArticleMother article) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!found(node, article) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        return found(node, article);
    }

    private static boolean found(ConfigurableApplicationContext node, ArticleMother article) throws IOException {
        SearchResults results = node.getBean(SearchIndex.class).search(SearchQuery.of("en", article.input().title()));
        return results.hits().stream().anyMatch(hit -> hit.slug().equals(article.slug()));
    }

    private static String word() {
        return "r" + Long.toString(System.nanoTime(), 36);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
