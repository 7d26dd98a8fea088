package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application as it starts by default, with {@code iskra.demo} on. */
@IskraIntegrationTest
class DemoContentTest {

    @Autowired
    DemoContent demo;

    @Autowired
    ArchiveImporter importer;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void copiesTheDemoFolderOutOfTheClasspathKeepingItsPaths() throws Exception {
        int copied = DemoContent.copyDemoContent(dir);

        List<String> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).map(file -> dir.relativize(file).toString().replace('\\', '/')).toList();
        }
        assertThat(copied).isEqualTo(files.size()).isPositive();
        assertThat(files).anyMatch(file -> file.matches("articles/[^/]+/index\\.[a-z]{2}\\.md"));
        assertThat(files).anyMatch(file -> file.matches("articles/[^/]+/[^/]+\\.(jpg|jpeg|png|webp)"));
    }

    @Test
    void theDemoContentIsLoadedCompletelyAtStartup() throws Exception {
        DemoContent.copyDemoContent(dir);

        ImportSummary again = importer.importFolder(dir);

        assertThat(again.failures()).isEmpty();
        assertThat(again.translations().total()).isPositive();
        assertThat(again.articles().created()).as("every demo article was imported at startup").isZero();
        assertThat(again.translations().created()).as("every demo file was imported at startup").isZero();
        assertThat(again.images().created()).as("every demo image was imported at startup").isZero();
    }

    @Test
    void aDatabaseWithArticlesGetsNoDemoContent() throws Exception {
        long before = jdbc.sql("select count(*) from revision").query(Long.class).single();

        demo.run(new DefaultApplicationArguments());

        assertThat(jdbc.sql("select count(*) from revision").query(Long.class).single()).isEqualTo(before);
    }
}
