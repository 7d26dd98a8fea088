package org.iskra.search;

import java.io.IOException;

import org.iskra.site.IskraProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

@Conditional(SearchEnabled.class)
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    static final String FOLDER = "search-index";

    /** Each node keeps its own index in its data folder; the change log keeps them all current. */
    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(IskraProperties properties) throws IOException {
        return SearchIndex.open(properties.data().resolve(FOLDER));
    }
}
