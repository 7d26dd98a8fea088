package org.iskra.search;

import java.io.IOException;

import org.iskra.site.IskraProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

@Conditional(SearchEnabled.class)
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    static final String FOLDER = "search-index";

    /** Each node keeps its own index in its data folder; the change log keeps them all current. */
    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(IskraProperties properties, SearchProperties search,
                            @Value("${iskra.search.ram-buffer-mb:16}") double ramBufferMb) throws IOException {
        // a small buffer suits a node (one article at a time); the reindex command, alone on the machine, asks for more
        return SearchIndex.open(properties.data().resolve(FOLDER), ramBufferMb, SearchSlots.perProcessor(search.maxWait()));
    }
}
