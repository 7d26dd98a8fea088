package org.iskra.organizing;

import java.util.List;

import org.iskra.site.IskraProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Fictional sections for the demo ({@code iskra.demo}), added when only the fallback section exists, so that the
 * join form routes somewhere visible. Contact addresses are at example.org and reach nobody.
 */
@Component
class DemoSections implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSections.class);

    private record Demo(String slug, String name, List<String> countries) {
    }

    private static final List<Demo> DEMO = List.of(
            new Demo("ru", "Russian section", List.of("RU", "BY", "KZ")),
            new Demo("ar", "Argentine section", List.of("AR", "UY")),
            new Demo("gb", "British section", List.of("GB", "IE")),
            new Demo("mena", "Middle East and North Africa sections", List.of("EG", "JO", "LB", "TN", "MA")),
            new Demo("ua", "Ukrainian section", List.of("UA")),
            new Demo("am", "Armenian section", List.of("AM")));

    private final Sections sections;
    private final IskraProperties properties;

    DemoSections(Sections sections, IskraProperties properties) {
        this.sections = sections;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || !sections.onlyTheFallbackExists()) {
            return;
        }
        for (Demo demo : DEMO) {
            sections.create(demo.slug(), demo.name(), "section-" + demo.slug() + "@example.org", 48, demo.countries());
        }
        log.info("Added {} demo sections", DEMO.size());
    }
}
