package org.iskra.site;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Spring MVC as every feature's controllers use it: the page arguments ({@link Reader}, {@link ActingStaff}). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<Languages> languages;
    private final ObjectProvider<PageFrames> frames;
    private final ObjectProvider<StaffDirectory> staff;

    WebConfiguration(ObjectProvider<Languages> languages, ObjectProvider<PageFrames> frames,
                     ObjectProvider<StaffDirectory> staff) {
        this.languages = languages;
        this.frames = frames;
        this.staff = staff;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PageArguments(languages, frames, staff));
    }
}
