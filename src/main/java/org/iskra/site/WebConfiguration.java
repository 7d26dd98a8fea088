package org.iskra.site;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Spring MVC as every feature's controllers use it: the page arguments ({@link Reader}, {@link ActingStaff}). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final PageArguments pageArguments;

    WebConfiguration(PageArguments pageArguments) {
        this.pageArguments = pageArguments;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(pageArguments);
    }
}
