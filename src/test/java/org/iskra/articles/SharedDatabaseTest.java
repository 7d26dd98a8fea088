package org.iskra.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.iskra.IskraApplication;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.TestDatabase;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Two nodes on one database: what one publishes, the other's cached pages show within seconds. */
@IskraIntegrationTest
class SharedDatabaseTest {

    @Autowired
    ArticleWriter writer;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @Test
    void aChangeSavedOnAnotherNodeReachesThisNodesCachedPage() throws Exception {
        ArticleMother article = ArticleMother.article().title("Before the change");
        writer.save(article.input());
        Http http = new Http(port);
        String path = "/en/articles/" + article.slug();
        assertThat(title(http, path)).isEqualTo("Before the change");
        assertThat(title(http, path)).as("now served from this node's cache").isEqualTo("Before the change");

        List<String> sameDatabase = new ArrayList<>(List.of(
                "--server.port=0",
                "--iskra.demo=false",
                "--iskra.data=" + TestDatabase.freshDataFolder(),
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", "")));
        for (String key : List.of("spring.flyway.default-schema", "spring.flyway.schemas")) {
            if (environment.containsProperty(key)) {
                sameDatabase.add("--" + key + "=" + environment.getProperty(key));
            }
        }
        // command-line arguments, because they outrank application.properties as they would on a real node
        try (ConfigurableApplicationContext otherNode = new SpringApplicationBuilder(IskraApplication.class)
                .run(sameDatabase.toArray(String[]::new))) {
            otherNode.getBean(ArticleWriter.class).save(article.title("After the change").input());
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String seen = title(http, path);
        while (!seen.equals("After the change") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            seen = title(http, path);
        }
        assertThat(seen).isEqualTo("After the change");
    }

    private static String title(Http http, String path) {
        return Jsoup.parse(http.get(path).body()).select("h1").text();
    }
}
